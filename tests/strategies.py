"""Hypothesis strategies derived from the session models' fields.

Every field of every model reachable from :class:`Session` gets a strategy from
its annotation (text, dates, literals, constrained ints and strings, lists,
dicts, nested models). Only fields whose validity depends on *other* fields
(participant ids, identifiers that double as file names) are named in
:data:`OVERRIDES`. A field of a type this module does not know raises
:class:`UnsupportedField`, so a model that gains a field nobody can generate
fails ``tests/unit/test_strategies.py`` instead of silently never being tested.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from hypothesis import strategies as st
from pydantic import BaseModel, StringConstraints, ValidationError
from pydantic.fields import FieldInfo

from vbwizard.session.models import (
    BankRef,
    EvaluatedAction,
    FactorAnswer,
    Participant,
    PlannedAction,
    Scope,
    Session,
)
from vbwizard.session.schema import SCHEMA_VERSION

# Any text a person can type, including quotes, ']]', newlines and emoji; no lone
# surrogates (not encodable) and no NUL (no editor produces it).
typed_characters = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
typed_text = st.text(alphabet=typed_characters, max_size=40) | st.sampled_from(
    ["\"]]'", "a\nb\n", "[[x]]", '"""', "'''", "\\", "\t", " ", "\r\n"]
)
optional_text = st.none() | typed_text
slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1))
times = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)
)

PARTICIPANT_IDS = ("p1", "p2", "p3", "p4")
"""Weights and notes refer to the four participants every generated session has."""
participant_ids = st.sampled_from(PARTICIPANT_IDS)
participants = st.lists(typed_text.filter(str.strip), min_size=4, max_size=4).map(
    lambda names: [Participant(id=i, name=n) for i, n in zip(PARTICIPANT_IDS, names, strict=True)]
)

OVERRIDES: dict[tuple[type[BaseModel], str], st.SearchStrategy[Any]] = {
    # A session's validity depends on these across fields or files.
    (Session, "schema_version"): st.just(SCHEMA_VERSION),
    (Session, "language"): st.just("nl"),
    (Session, "bank"): st.builds(
        BankRef, id=slug, version=st.just("1.0.0"), hash=st.just("sha256:abc")
    ),
    (Scope, "participants"): participants,
    (FactorAnswer, "participant_weights"): st.dictionaries(
        participant_ids, st.integers(0, 3), max_size=4
    ),
    (FactorAnswer, "participant_notes"): st.dictionaries(participant_ids, typed_text, max_size=3),
    (EvaluatedAction, "action"): slug,
}
"""Fields whose valid values depend on other fields; every other field is derived."""

ALWAYS_DEFAULT = {(Session, "schema_version"), (Session, "language")}
"""Fields every generated session leaves at their default, on purpose."""


class UnsupportedField(TypeError):
    """A model field has a type no strategy here can generate."""


def _text_constraints(meta: tuple[object, ...]) -> StringConstraints | None:
    return next((m for m in meta if isinstance(m, StringConstraints)), None)


def _int_bounds(meta: tuple[object, ...]) -> tuple[int | None, int | None]:
    low: int | None = None
    high: int | None = None
    for item in meta:
        parts = item.metadata if isinstance(item, FieldInfo) else [item]
        for part in parts:
            if isinstance(part, annotated_types.Ge):
                low = int(part.ge)  # type: ignore[call-overload]
            elif isinstance(part, annotated_types.Le):
                high = int(part.le)  # type: ignore[call-overload]
    return low, high


def for_type(tp: Any, meta: tuple[object, ...] = (), where: str = "") -> st.SearchStrategy[Any]:
    """A strategy for values of type ``tp`` with pydantic ``meta`` constraints."""
    origin = get_origin(tp)
    if origin is typing.Annotated:
        base, *extra = get_args(tp)
        return for_type(base, (*meta, *extra), where)
    if origin in (Union, types.UnionType):
        options = get_args(tp)
        if str in options and type(None) in options:
            return optional_text  # ``Text``: blank means absent, so any typed text will do.
        return st.one_of([for_type(option, meta, where) for option in options])
    if origin is Literal:
        return st.sampled_from(get_args(tp))
    if origin is list:
        (item,) = get_args(tp)
        return st.lists(for_type(item, where=where), max_size=3)
    if origin is dict:
        key, value = get_args(tp)
        keys = slug if key is str else for_type(key, where=where)
        return st.dictionaries(keys, for_type(value, where=where), max_size=3)
    if tp is type(None):
        return st.none()
    if tp is bool:
        return st.booleans()
    if tp is int:
        low, high = _int_bounds(meta)
        return st.integers(low if low is not None else -5, high if high is not None else 50)
    if tp is str:
        constraints = _text_constraints(meta)
        if constraints is not None and isinstance(constraints.pattern, str):
            return st.from_regex(
                constraints.pattern, fullmatch=constraints.pattern.startswith("^")
            ).filter(lambda s: len(s) <= (constraints.max_length or 100))
        return typed_text
    if tp is dt.date:
        return dates
    if tp is dt.datetime:
        return times
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return for_model(tp)
    raise UnsupportedField(f"{where}: geen strategie voor het type {tp!r}")


def field_strategy(model: type[BaseModel], name: str) -> st.SearchStrategy[Any]:
    """The strategy for one field: the override, or the one derived from its annotation."""
    if (model, name) in OVERRIDES:
        return OVERRIDES[(model, name)]
    info = model.model_fields[name]
    return for_type(info.annotation, tuple(info.metadata), f"{model.__name__}.{name}")


def _valid(model: type[BaseModel]) -> Callable[..., BaseModel | None]:
    """Build ``model`` or give ``None`` where a model validator refuses the mix of fields.

    (E.g. an action whose end lies before its start: the model refuses it, as it should.)
    """

    def build(**fields: Any) -> BaseModel | None:
        try:
            return model(**fields)
        except ValidationError:
            return None

    return build


@cache
def for_model(model: type[BaseModel]) -> st.SearchStrategy[Any]:
    """Instances of ``model`` with every field generated."""
    fields = {name: field_strategy(model, name) for name in model.model_fields}
    return st.builds(_valid(model), **fields).filter(lambda value: value is not None)


def reachable_models(root: type[BaseModel] = Session) -> list[type[BaseModel]]:
    """``root`` and every model type found in its fields, depth first."""
    found: list[type[BaseModel]] = []

    def visit(tp: Any) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp in found:
                return
            found.append(tp)
            for info in tp.model_fields.values():
                visit(info.annotation)
            return
        for arg in get_args(tp):
            visit(arg)

    visit(root)
    return found


sessions: st.SearchStrategy[Session] = for_model(Session)
"""Whole sessions, every field of every part generated."""

planned_actions: st.SearchStrategy[PlannedAction] = for_model(PlannedAction)
