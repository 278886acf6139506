"""The building blocks of the session models: the base model, checked text and ids.

Sessions are written as TOML, which has no null: optional values are ``None``
in memory and simply absent on disk. Blank optional texts are normalised to
``None`` so that what is saved is exactly what loads back.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from vbwizard.printable import control_written_out
from vbwizard.session.times import aware

SessionId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=100)]
"""A session id doubles as its file name, so it is restricted to ``[a-z0-9-]``."""


def blank_to_none(value: Any) -> Any:
    """Blank text is no text: TOML leaves it out, so it must load back as ``None``."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


Ref = Annotated[str, StringConstraints(min_length=1)]
"""A reference to something named elsewhere (a factor, an action, a session, a bank).

Never empty: the file leaves empty strings out, so an empty reference could be
saved but not read back.
"""

Text = Annotated[str | None, BeforeValidator(blank_to_none)]
"""Optional free text; blank means absent."""


Moment = Annotated[dt.datetime, AfterValidator(aware)]
"""A moment in time, always with a UTC offset (see :func:`aware`)."""


def drop_blank_values(value: dict[str, str]) -> dict[str, str]:
    """Leave out entries whose text is blank."""
    return {k: v for k, v in value.items() if v.strip()}


def empty_to_none(value: BaseModel | None) -> BaseModel | None:
    """An optional part with nothing filled in is the same as no part at all."""
    if value is not None and not value.model_dump(exclude_none=True, exclude_defaults=True):
        return None
    return value


Weight = Annotated[int, Field(ge=0, le=3)] | Literal["unknown"]
"""A factor's weight here: 0 not relevant … 3 major driver, or unknown (needs information)."""

AnswerValue = Literal["yes", "partly", "no", "unknown"]
Confidence = Literal["low", "medium", "high"]
Mode = Literal["group", "self"]
Status = Literal["in_progress", "completed"]
Step = Literal[
    "scope",
    "sources",
    "problem",
    "factors",
    "priorities",
    "goal",
    "actions",
    "summary",
    "evaluation",
]
ScopeType = Literal[
    "municipality", "neighbourhood", "place", "hangplek", "target_group", "communication", "other"
]

STEPS: tuple[Step, ...] = (
    "scope", "sources", "problem", "factors", "priorities", "goal", "actions", "summary",
)  # fmt: skip
"""The steps of every session; a follow-up adds ``evaluation`` (see :data:`FOLLOWUP_STEPS`)."""

FOLLOWUP_STEPS: tuple[Step, ...] = (*STEPS, "evaluation")
"""The steps of a follow-up session: step 9, Evaluatie, looks back at the baseline's plan."""


_UNSET = object()


def inert(value: Any) -> Any:
    r"""Text with its control characters written out (``\x1b``), in lists and tables too.

    An escape sequence in a title (typed into a file, or in a participant's file merged
    into a group session) would be obeyed by the terminal that shows it: colours, a
    cleared screen, a bell. Written out it is shown as the command line shows it, and
    nothing is lost. Tab and line breaks stay as they are.
    """
    if isinstance(value, str):
        return control_written_out(value)
    if isinstance(value, list):
        return [inert(item) for item in value]
    if isinstance(value, dict):
        return {inert(key): inert(item) for key, item in value.items()}
    return value


class SessionModel(BaseModel):
    """The base of every session model: no unknown keys, every assignment checked."""

    # validate_assignment: a screen (or any code) that assigns a wrong value is refused
    # at once, not when the file is saved or loaded back. Assigned model instances are
    # kept as they are (pydantic does not revalidate instances), so references stay.
    model_config = ConfigDict(extra="forbid", validate_default=True, validate_assignment=True)

    @field_validator("*", mode="before")
    @classmethod
    def _inert_text(cls, value: Any) -> Any:
        """No control characters in any text (see :func:`inert`)."""
        return inert(value)

    def __setattr__(self, name: str, value: Any) -> None:
        """Assign a validated value; a refused one leaves the model as it was.

        Pydantic runs a model's own checks (an end date before the start) after it
        has stored the new value; putting the old one back makes "refused" mean
        "not stored", so no model is ever left in a state it would not load in.
        """
        before = self.__dict__.get(name, _UNSET)
        try:
            super().__setattr__(name, value)
        except ValidationError:
            if before is not _UNSET:
                self.__dict__[name] = before
            raise
