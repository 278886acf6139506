"""Forms from field specs: what a step asks, declared once, bound to a session model.

A step declares its text fields as field specs (label, id, the model attribute)
and :func:`build_fields` turns them into bound fields. The attribute name is
checked against the pydantic model when the spec is made (at import), and how a
value is shown and applied follows from the attribute's type: optional text
(blank is absent), required text, a comma-separated list, or a date. The models
validate every assignment, so a form can never store a wrong value either.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from textual.validation import ValidationResult, Validator

from vbwizard.dates import format_date, parse_date
from vbwizard.tui.widgets.fields import Field, Setter

M = TypeVar("M", bound=BaseModel)
"""The session model a spec belongs to (``Scope``, ``ProblemPicture``…)."""

Kind = Literal["text", "required", "list", "date"]
"""How a field's text maps to its attribute, derived from the attribute's type."""


class DateText(Validator):
    """A date as people type it (1-3-2026, 2026-03-01) or blank, with the Dutch message."""

    def validate(self, value: str) -> ValidationResult:
        """Valid when :func:`vbwizard.dates.parse_date` accepts the text."""
        try:
            parse_date(value)
        except ValueError as exc:
            return self.failure(str(exc), value)
        return self.success()


class Required(Validator):
    """Text that may not be blank; ``message`` says which (e.g. "Een titel is verplicht.")."""

    def __init__(self, message: str) -> None:
        super().__init__(failure_description=message)

    def validate(self, value: str) -> ValidationResult:
        """Valid when the text holds more than spaces."""
        return self.success() if value.strip() else self.failure(value=value)


def _kind(annotation: object) -> Kind | None:
    """The kind of form field for an attribute type, or ``None`` when a text cannot hold it."""
    if annotation is str:
        return "required"
    if annotation is dt.date:
        return None  # Dates are optional everywhere in a session; a required one has no field.
    if get_origin(annotation) is list and get_args(annotation) == (str,):
        return "list"
    if get_origin(annotation) in (Union, types.UnionType):
        parts = set(get_args(annotation))
        if parts == {str, type(None)}:
            return "text"
        if parts == {dt.date, type(None)}:
            return "date"
    return None


@dataclass(frozen=True)
class FieldSpec(Generic[M]):
    """One text field of a form: which attribute of which model, and how it is shown.

    Raises:
        TypeError: at definition, when ``model`` has no attribute ``attr`` or the
            attribute's type is not one a text field can edit.
    """

    model: type[M]
    attr: str
    label: str
    id: str | None = None
    """The input's id, after the builder's prefix; ``None`` for none."""
    multiline: bool = False
    required: str | None = None
    """For required text: the message shown while it is blank."""
    refuse_blank: bool = False
    """Required text left blank keeps its last value; by default the blank is applied
    (and the message shown), for steps that check before letting the user go on."""
    kind: Kind = field(init=False)

    def __post_init__(self) -> None:
        info = self.model.model_fields.get(self.attr)
        if info is None:
            raise TypeError(f"{self.model.__name__} has no field {self.attr!r}")
        kind = _kind(info.annotation)
        if kind is None:
            raise TypeError(f"{self.model.__name__}.{self.attr} cannot be edited as text")
        if (kind == "required") != (self.required is not None):
            raise TypeError(f"{self.model.__name__}.{self.attr}: 'required' must match the type")
        object.__setattr__(self, "kind", kind)

    def shown(self, values: M) -> str:
        """The text of this attribute as the field shows it."""
        value = getattr(values, self.attr)
        if self.kind == "date":
            return format_date(value)
        if self.kind == "list":
            return ", ".join(value)
        return value or ""

    def validators(self) -> list[Validator]:
        """What the field checks before the text is applied."""
        if self.kind == "date":
            return [DateText()]
        if self.required is not None:
            return [Required(self.required)]
        return []

    def parse(self, text: str) -> object:
        """The attribute's value for ``text``, which passed :meth:`validators`."""
        if self.kind == "date":
            return parse_date(text)
        if self.kind == "list":
            return [part.strip() for part in text.split(",") if part.strip()]
        if self.kind == "required":
            return text.strip()
        return text if text.strip() else None


def build_fields(
    specs: Sequence[FieldSpec[M]],
    values: M,
    *,
    target: Callable[[], M] | None = None,
    applied: Callable[[M], None] | None = None,
    prefix: str = "",
    setters: dict[str, Setter] | None = None,
) -> list[Field]:
    """The bound fields of ``specs``, showing ``values``.

    Args:
        specs: the fields, in the order they are shown.
        values: the model whose values the fields show.
        target: where an edit goes, asked at each edit (default: ``values``); for a
            part created on the first answer, or a copy that may be replaced.
        applied: called with the edited model after each applied edit: to attach a
            part created on the first answer, or to show the change elsewhere.
        prefix: put before each spec's id (``"eval-1-"``), for repeated blocks.
        setters: by attribute, a setter of the screen's own (e.g. a date that must
            stay after another); the spec still gives label, id and validators.

    Raises:
        ValueError: when ``setters`` names an attribute that has no spec here.
    """
    setters = setters or {}
    unknown = set(setters) - {spec.attr for spec in specs}
    if unknown:
        raise ValueError(f"setters for fields not in the form: {sorted(unknown)}")
    fields = []
    for spec in specs:
        setter = setters.get(spec.attr)
        if setter is None:
            setter = _setter(spec, target or (lambda: values), applied)
        fields.append(
            Field(
                spec.label,
                spec.shown(values),
                setter,
                multiline=spec.multiline,
                field_id=None if spec.id is None else prefix + spec.id,
                validators=spec.validators(),
                apply_invalid=spec.required is not None and not spec.refuse_blank,
            )
        )
    return fields


def _setter(
    spec: FieldSpec[M], target: Callable[[], M], applied: Callable[[M], None] | None
) -> Setter:
    """The one setter of every spec'd field: parse, assign (validated by the model), report."""

    def setter(text: str) -> str | None:
        model = target()
        try:
            setattr(model, spec.attr, spec.parse(text))
        except ValidationError as exc:
            # A rule of the whole model (an end before the start): refused, model
            # unchanged, its Dutch message beside the field instead of a crash.
            return "; ".join(error["msg"].removeprefix("Value error, ") for error in exc.errors())
        if applied is not None:
            applied(model)
        return None  # A blank required text: its validator already said so.

    return setter
