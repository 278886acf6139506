"""A row of mutually exclusive choices, picked with a key, arrows or the mouse.

The row is generic in the type of its values (``ChoiceRow[Mode]``), so a screen
gets the value as the model's own type and mypy checks where it goes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label, Static

T = TypeVar("T")
"""The type of a row's values, e.g. ``Literal["group", "self"]``."""
V = TypeVar("V")
"""The value type of a :class:`ChoiceRow.Changed` message (its own: a nested class)."""


@dataclass(frozen=True)
class Choice(Generic[T]):
    """One option: its stored value, its label and the key that picks it."""

    value: T
    label: str
    key: str


class ChoiceOption(Static, Generic[T]):
    """One clickable option of a row."""

    def __init__(self, choice: Choice[T]) -> None:
        super().__init__(f"[{choice.key}] {choice.label}", classes="choice-option", markup=False)
        self.choice = choice

    def on_click(self, event: events.Click) -> None:
        """Pick this option with the mouse."""
        event.stop()
        row = self.parent.parent if self.parent else None
        if isinstance(row, ChoiceRow):
            row.focus()
            row.pick(self.choice.value)


class ChoiceRow(Widget, Generic[T], can_focus=True):
    """A question with its options on one line; focus it and press an option's key."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Vorige keuze", show=False),
        Binding("right", "move(1)", "Volgende keuze", show=False),
        Binding("delete", "clear", "Wissen", show=False),
    ]

    value: reactive[T | None] = reactive(None, init=False)
    """The chosen value, or ``None``."""

    @dataclass
    class Changed(Message, Generic[V]):
        """The user picked (or cleared) a value.

        A handler states the type it expects (``ChoiceRow.Changed[Mode]``), as
        the row it listens to was built from ``Choice[Mode]`` options.
        """

        row: ChoiceRow[V]
        value: V | None

        @property
        def control(self) -> ChoiceRow[V]:
            """The row that changed."""
            return self.row

    def __init__(
        self,
        prompt: str,
        choices: list[Choice[T]],
        value: T | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
        note: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.prompt = prompt
        self.note = note
        """A short line under the prompt, e.g. which answer points to a problem."""
        self.choices = choices
        # An ordinary assignment (before mounting, the watcher finds no options to
        # mark yet): set_reactive(ChoiceRow.value, …) cannot be typed on a generic class.
        self.value = value

    def compose(self) -> ComposeResult:
        """The prompt, then the options."""
        if self.prompt:
            yield Label(self.prompt, classes="choice-prompt", markup=False)
        if self.note:
            yield Label(self.note, classes="choice-note", markup=False)
        with Horizontal(classes="choice-options"):
            for choice in self.choices:
                yield ChoiceOption(choice)

    def on_mount(self) -> None:
        """Show the initial value."""
        self._show()

    def on_resize(self, event: events.Resize) -> None:
        """Put the options in two columns when one line cannot hold them all.

        Cutting an option ("[?] onbeke") would hide a choice; wrapping keeps
        every option whole on a narrow terminal.
        """
        needed = sum(len(f"[{c.key}] {c.label}") + 2 for c in self.choices)
        for options in self.query(".choice-options"):
            options.set_class(needed > self.content_region.width, "-stacked")

    def watch_value(self) -> None:
        """Highlight the chosen option."""
        self._show()

    def _show(self) -> None:
        for option in self.query(ChoiceOption):
            option.set_class(option.choice.value == self.value, "-chosen")

    def pick(self, value: T | None) -> None:
        """Choose ``value`` and tell the screen."""
        if self.disabled:
            return
        self.value = value
        self.post_message(self.Changed(self, value))

    def on_key(self, event: events.Key) -> None:
        """Pick the option whose key was pressed."""
        for choice in self.choices:
            if event.character is not None and event.character.lower() == choice.key:
                event.stop()
                event.prevent_default()
                self.pick(choice.value)
                return

    def action_move(self, step: int) -> None:
        """Move the choice left or right."""
        values = [c.value for c in self.choices]
        index = values.index(self.value) if self.value in values else (-1 if step > 0 else 0)
        self.pick(values[(index + step) % len(values)])

    def action_clear(self) -> None:
        """Clear the choice."""
        self.pick(None)
