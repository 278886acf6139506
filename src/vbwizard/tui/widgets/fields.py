"""Form fields bound to the session, saved when left and shortly after typing stops.

A field never traps the user: an invalid value is shown with a message beside
the field and simply not applied; the user may fix it, clear it or move on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import Blur
from textual.timer import Timer
from textual.widgets import Input, Label, Static, TextArea

if TYPE_CHECKING:
    from vbwizard.tui.app import VbWizardApp

SAVE_AFTER_TYPING_SECONDS = 0.8
"""Typing pauses longer than this are saved (the promise is: within one second)."""

Setter = Callable[[str], str | None]
"""Applies a field's text to the session; returns an error message or ``None``."""


class _Autosave:
    """Debounced commit shared by the bound text widgets."""

    _save_timer: Timer | None = None

    def _schedule_save(self) -> None:
        widget = cast(Input, self)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = widget.set_timer(SAVE_AFTER_TYPING_SECONDS, self._save_now)

    def _save_now(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        cast("VbWizardApp", cast(Input, self).app).commit()


class BoundInput(_Autosave, Input):
    """A one-line input whose text is applied to the session as it is typed."""

    def __init__(self, value: str, setter: Setter, **kwargs: object) -> None:
        super().__init__(value, **kwargs)  # type: ignore[arg-type]
        self.setter = setter
        self._applied = value
        """The text last applied to the session; Textual also reports the initial value."""

    @on(Input.Changed)
    def _apply(self, event: Input.Changed) -> None:
        event.stop()
        if event.value == self._applied:
            return  # Not an edit (e.g. the field showing its saved value): nothing to save.
        self._applied = event.value
        error = self.setter(event.value)
        self.set_class(error is not None, "-invalid")
        field = self.parent
        if isinstance(field, Field):
            field.show_error(error)
        self._schedule_save()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._save_now()
        self.screen.focus_next()

    def _on_blur(self, event: Blur) -> None:
        super()._on_blur(event)
        self._save_now()


class BoundTextArea(_Autosave, TextArea):
    """A multi-line text area applied to the session as it is typed."""

    def __init__(self, value: str, setter: Setter, **kwargs: object) -> None:
        super().__init__(value, soft_wrap=True, show_line_numbers=False, **kwargs)  # type: ignore[arg-type]
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
    ) -> None:
        super().__init__(classes="field")
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
                self.value, self.setter, id=self.field_id, placeholder=self.placeholder
            )
        yield Static("", classes="field-error", markup=False)

    def show_error(self, message: str | None) -> None:
        """Show or clear the message beside the field."""
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


def list_setter(apply: Callable[[list[str]], None]) -> Setter:
    """A setter for a comma-separated list."""

    def setter(value: str) -> str | None:
        apply([part.strip() for part in value.split(",") if part.strip()])
        return None

    return setter
