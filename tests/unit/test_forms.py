"""Field specs: attribute names and types are checked when a form is declared."""

from __future__ import annotations

import datetime as dt

import pytest

from vbwizard.dates import parse_date
from vbwizard.session.models import (
    EvaluatedAction,
    PlannedAction,
    ProblemPicture,
    Scope,
    SourceEntry,
)
from vbwizard.tui.widgets.forms import DateText, FieldSpec, Required, build_fields


def test_a_typo_in_an_attribute_name_fails_when_the_form_is_declared() -> None:
    with pytest.raises(TypeError, match="ProblemPicture has no field 'whoo'"):
        FieldSpec(ProblemPicture, "whoo", "Wie voelt zich onveilig?")


@pytest.mark.parametrize(
    ("model", "attr"),
    [(Scope, "participants"), (Scope, "scope_type"), (PlannedAction, "status")],
)
def test_an_attribute_a_text_field_cannot_hold_is_refused(model: type, attr: str) -> None:
    with pytest.raises(TypeError, match="cannot be edited as text"):
        FieldSpec(model, attr, "label")


def test_required_text_needs_a_message_and_optional_text_has_none() -> None:
    with pytest.raises(TypeError, match="'required' must match"):
        FieldSpec(Scope, "title", "Titel *")
    with pytest.raises(TypeError, match="'required' must match"):
        FieldSpec(Scope, "trigger", "Aanleiding", required="Verplicht.")


@pytest.mark.parametrize(
    ("model", "attr", "kind"),
    [
        (Scope, "title", "required"),
        (Scope, "trigger", "text"),
        (Scope, "target_groups", "list"),
        (Scope, "date", "date"),
        (EvaluatedAction, "measured_on", "date"),
        (SourceEntry, "finding", "text"),
    ],
)
def test_the_kind_of_field_follows_from_the_attribute_type(
    model: type, attr: str, kind: str
) -> None:
    required = "Verplicht." if kind == "required" else None
    assert FieldSpec(model, attr, "label", required=required).kind == kind


def test_a_date_field_shows_the_dutch_date_and_reads_both_spellings() -> None:
    spec = FieldSpec(Scope, "date", "Datum")
    assert spec.shown(Scope(date=dt.date(2026, 3, 1))) == "1-3-2026"
    assert spec.parse("1-3-2026") == spec.parse("2026-03-01") == dt.date(2026, 3, 1)
    assert spec.parse("  ") is None


def test_list_and_text_fields_drop_blanks() -> None:
    groups = FieldSpec(Scope, "target_groups", "Doelgroepen")
    assert groups.parse(" jongeren, , ouderen ") == ["jongeren", "ouderen"]
    assert groups.shown(Scope(target_groups=["jongeren", "ouderen"])) == "jongeren, ouderen"
    assert FieldSpec(Scope, "trigger", "Aanleiding").parse("   ") is None
    assert FieldSpec(Scope, "title", "Titel", required="x").parse(" Zuid ") == "Zuid"


@pytest.mark.parametrize("text", ["31-2-2026", "morgen", "2026-13-01", "1-3-26"])
def test_the_date_validator_gives_the_dutch_message_of_parse_date(text: str) -> None:
    result = DateText().validate(text)
    assert not result.is_valid
    with pytest.raises(ValueError) as raised:
        parse_date(text)
    assert result.failure_descriptions == [str(raised.value)]
    assert "geen geldige datum" in result.failure_descriptions[0]


@pytest.mark.parametrize("text", ["", "1-3-2026", "01/03/2026", "2026-03-01"])
def test_the_date_validator_accepts_dates_and_blank(text: str) -> None:
    assert DateText().validate(text).is_valid


def test_required_text_refuses_blank_with_its_own_message() -> None:
    required = Required("Een titel is verplicht.")
    assert required.validate("Zuid").is_valid
    result = required.validate("   ")
    assert not result.is_valid
    assert result.failure_descriptions == ["Een titel is verplicht."]


def test_a_value_the_whole_model_refuses_is_reported_beside_the_field_not_raised() -> None:
    action = PlannedAction(id="a1", factor="f", start=dt.date(2026, 3, 1), end=dt.date(2026, 6, 30))
    (start,) = build_fields([FieldSpec(PlannedAction, "start", "Startdatum")], action)
    assert start.setter("1-8-2026") == "actie a1: De einddatum ligt vóór de startdatum."
    assert action.start == dt.date(2026, 3, 1)
    assert start.setter("1-4-2026") is None
    assert action.start == dt.date(2026, 4, 1)


def test_setters_of_the_screen_must_name_a_field_of_the_form() -> None:
    specs = [FieldSpec(Scope, "trigger", "Aanleiding")]
    with pytest.raises(ValueError, match="triger"):
        build_fields(specs, Scope(), setters={"triger": lambda text: None})
