"""Form fields bound to the session, saved when left and shortly after typing stops.

A field never traps the user: an invalid value is shown with a message beside
the field and simply not applied; the user may fix it, clear it or move on.
Textual validators (``textual.validation``) say what is invalid (a wrong
date, a required text left blank); a setter may refuse a value too.
Fields never save by themselves: they apply their text to the session and post
:class:`AnswerCommitted`; the step screen hands that to its session's
controller, which alone decides what a save means.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Blur
from textual.message import Message
from textual.timer import Timer
from textual.validation import Validator
from textual.widgets import Input, Label, Static, TextArea

from vbwizard.tui.dutch import dutch_bindings

SAVE_AFTER_TYPING_SECONDS = 0.8
"""Typing pauses longer than this are saved (the promise is: within one second)."""

Setter = Callable[[str], str | None]
"""Applies a field's text to the session; returns an error message or ``None``."""


@dataclass
class AnswerCommitted(Message):
    """A field's text was applied to the session and should be saved."""

    final: bool
    """True when the field was left (or submitted); False after a pause in typing."""


class _Autosave:
    """Debounced commit shared by the bound text widgets."""

    _save_timer: Timer | None = None

    def _schedule_save(self) -> None:
        widget = cast(Input, self)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = widget.set_timer(SAVE_AFTER_TYPING_SECONDS, self._save_paused)

    def _save_paused(self) -> None:
        self._save_timer = None
        cast(Input, self).post_message(AnswerCommitted(final=False))

    def _save_now(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        cast(Input, self).post_message(AnswerCommitted(final=True))


class BoundInput(_Autosave, Input):
    """A one-line input whose text is applied to the session as it is typed.

    With ``apply_on_leave`` the text is applied only when the field is left or
    submitted (or the wizard closes): for values whose half-typed states mean
    something else, like a list of participants.
    """

    BINDINGS = dutch_bindings(Input)

    def __init__(
        self,
        value: str,
        setter: Setter,
        *,
        apply_on_leave: bool = False,
        validators: Sequence[Validator] = (),
        apply_invalid: bool = False,
        placeholder: str = "",
        id: str | None = None,
    ) -> None:
        # validate_on=[]: the validators run in apply_pending, together with the setter,
        # so that one message (theirs or the setter's) shows beside the field.
        super().__init__(
            value, placeholder=placeholder, id=id, validators=validators, validate_on=[]
        )
        self.setter = setter
        self.apply_on_leave = apply_on_leave
        self.apply_invalid = apply_invalid
        """Apply text the validators reject too (a blank title a step checks before going on)."""
        self._applied = value
        """The text last applied to the session; Textual also reports the initial value."""

    def on_mount(self) -> None:
        """Show the start of the saved text, as after leaving the field."""
        self.cursor_position = 0

    @on(Input.Changed)
    def _apply(self, event: Input.Changed) -> None:
        event.stop()
        if not self.apply_on_leave:
            self.apply_pending()
            self._schedule_save()

    def apply_pending(self) -> None:
        """Apply the text to the session if it changed since it was last applied.

        The validators' message (or else the setter's) shows beside the field; text
        the validators reject is not applied unless ``apply_invalid`` says so.
        """
        if self.value == self._applied:
            return  # Not an edit (e.g. the field showing its saved value): nothing to save.
        self._applied = self.value
        result = self.validate(self.value)
        error = result.failure_descriptions[0] if result and not result.is_valid else None
        if error is None or self.apply_invalid:
            refused = self.setter(self.value)
            error = error or refused
        self.set_class(error is not None, "-invalid")
        field = self.parent
        if isinstance(field, Field):
            field.show_error(error)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.apply_pending()
        self._save_now()
        self.screen.focus_next()

    def _on_blur(self, event: Blur) -> None:
        super()._on_blur(event)
        self.apply_pending()
        self._save_now()
        # Show the start of a long text once the user has left the field: that is
        # what identifies it ("Zelfanalyse Zuidbuurt…"), not the last few words.
        self.cursor_position = 0


class BoundTextArea(_Autosave, TextArea):
    """A multi-line text area applied to the session as it is typed."""

    BINDINGS = dutch_bindings(TextArea)

    def __init__(
        self, value: str, setter: Setter, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(value, soft_wrap=True, show_line_numbers=False, id=id, classes=classes)
        self.setter = setter
        self._applied = value

    @on(TextArea.Changed)
    def _apply(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.text == self._applied:
            return
        self._applied = self.text
        self.setter(self.text)
        self._schedule_save()

    def _on_blur(self, event: Blur) -> None:
        super()._on_blur(event)
        self._save_now()


class Field(Vertical):
    """A label, a bound input (or text area) and room for a message."""

    def __init__(
        self,
        label: str,
        value: str,
        setter: Setter,
        *,
        multiline: bool = False,
        placeholder: str = "",
        field_id: str | None = None,
        apply_on_leave: bool = False,
        validators: Sequence[Validator] = (),
        apply_invalid: bool = False,
    ) -> None:
        super().__init__(classes="field")
        self._error: str | None = None
        """The message shown beside the field, if any."""
        self.validators = validators
        self.apply_invalid = apply_invalid
        self.apply_on_leave = apply_on_leave
        self.label = label
        self.value = value
        self.setter = setter
        self.multiline = multiline
        self.placeholder = placeholder
        self.field_id = field_id

    def compose(self) -> ComposeResult:
        """Label, input, error line."""
        yield Label(self.label, classes="field-label", markup=False)
        if self.multiline:
            yield BoundTextArea(self.value, self.setter, id=self.field_id, classes="field-text")
        else:
            yield BoundInput(
                self.value,
                self.setter,
                id=self.field_id,
                placeholder=self.placeholder,
                apply_on_leave=self.apply_on_leave,
                validators=self.validators,
                apply_invalid=self.apply_invalid,
            )
        yield Static("", classes="field-error", markup=False)

    def show_error(self, message: str | None) -> None:
        """Show or clear the message beside the field."""
        if message == self._error:
            return  # Every keystroke reports; redrawing an unchanged message re-lays the page.
        self._error = message
        error = self.query_one(".field-error", Static)
        error.update(message or "")
        error.display = message is not None
        if message is not None:
            # The last field of a page could otherwise hide its message below the screen.
            self.call_after_refresh(error.scroll_visible, animate=False)


def text_setter(apply: Callable[[str | None], None]) -> Setter:
    """A setter for optional text: blank becomes absent."""

    def setter(value: str) -> str | None:
        apply(value if value.strip() else None)
        return None

    return setter
