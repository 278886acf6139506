"""Step 0: start a session, continue one, review saved ones, or read about the method."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from vbwizard.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from vbwizard.tui.app import VbWizardApp

MENU = [
    ("new-group", "Nieuwe groepssessie", "Begeleid een groep door de Tafel van 12."),
    ("new-self", "Nieuwe zelfanalyse", "Vul de 12 factoren alleen in; later samen te voegen."),
    ("continue", "Verder met een sessie", "Sessies die nog bezig zijn, nieuwste eerst."),
    ("review", "Opgeslagen sessies bekijken", "Alle sessies in de map, ook afgeronde."),
    ("about", "Over de methode", "De Tafel van 12 en de methode van het CCV."),
]


class StartScreen(Screen[None]):
    """The first screen: what does the user want to do?"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "choose('new-group')", "Nieuwe sessie"),
        Binding("v", "choose('continue')", "Verder"),
        Binding("b", "choose('review')", "Bekijken"),
        Binding("m", "choose('about')", "Methode"),
        # Only here: on a step, q sits beside w (weet niet) and would end a session by accident.
        Binding("q", "app.quit", "Afsluiten", show=False),
    ]

    @property
    def wizard(self) -> VbWizardApp:
        """The app, typed."""
        return cast("VbWizardApp", self.app)

    _covered = False
    """True while another screen lies on top of this one."""

    def compose(self) -> ComposeResult:
        """Menu on the left, explanation on the right."""
        yield Header()
        with Horizontal(id="start"):
            with Vertical(id="start-menu"):
                yield Static("Wat wil je doen?", classes="step-title")
                yield OptionList(*[Option(label, id=key) for key, label, _ in MENU], id="menu")
            with Vertical(id="start-info"):
                yield Static(self._intro(), id="start-intro")
                yield Static("\nSessies laden…", id="start-recent", markup=False)
        yield KeyFooter()

    def _intro(self) -> str:
        # The bank loads just after this screen first shows; until then a generic title.
        if self.wizard.bank_loaded:
            manifest = self.wizard.bank.manifest
            title, source = manifest.title, manifest.source.name
        else:
            title, source = "Tafel van 12", "Centrum voor Criminaliteitspreventie en Veiligheid"
        return (
            f"[b]{escape(title)}[/b]\n\n"
            "Analyseer hoe veilig mensen zich voelen met de twaalf factoren van de "
            "Tafel van 12, kies de 3 tot 5 factoren die het zwaarst wegen en maak een "
            f"actieplan.\n\nMethode: {escape(source)}."
        )

    def on_mount(self) -> None:
        """Focus the menu."""
        self.query_one("#menu", OptionList).focus()

    def show_bank(self) -> None:
        """Show the loaded bank's title and source."""
        self.query_one("#start-intro", Static).update(self._intro())

    def refresh_sessions(self) -> None:
        """Count the sessions again (in the background: the folder may be large)."""
        self.run_worker(
            self.load_sessions_in_thread, thread=True, exclusive=True, group="start-sessions"
        )

    def on_screen_suspend(self) -> None:
        """Stop counting when another screen covers this one.

        The review screen reads the same folder; two full reads of a large,
        uncached folder would only compete for the same cores.
        """
        self.workers.cancel_group(self, "start-sessions")
        self._covered = True

    def on_screen_resume(self) -> None:
        """Count again on return (quick by then: the listing is cached).

        The first showing is counted by the app's preload, not here.
        """
        if self._covered:
            self._covered = False
            self.refresh_sessions()

    def load_sessions_in_thread(self) -> None:
        """Count sessions in progress; runs in a worker thread.

        The user may leave the screen (or quit) before a large folder is read; then
        the count stops and nothing is shown.
        """
        from textual.worker import get_current_worker

        from vbwizard.session.listing import iter_sessions

        try:
            app = self.wizard
        except RuntimeError:  # Textual's NoActiveAppError: the screen was removed
            return
        worker = get_current_worker()
        entries = []
        for entry in iter_sessions(app.sessions_dir):
            if worker.is_cancelled:
                return
            if entry.readable:
                entries.append(entry)
        if worker.is_cancelled or not self.is_attached:
            return
        busy = [e for e in entries if e.status == "in_progress"]
        text = f"\nMap: {app.sessions_dir}\n{len(entries)} sessie(s), {len(busy)} bezig."
        if busy:
            newest = max(busy, key=lambda e: e.recency)
            text += "\nLaatst bewerkt: " + (newest.title or newest.id)
        with contextlib.suppress(RuntimeError):  # includes Textual's NoActiveAppError
            app.call_from_thread(self.query_one("#start-recent", Static).update, text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Explain the highlighted choice."""
        for key, _, help_text in MENU:
            if key == event.option.id:
                self.query_one("#start-intro", Static).update(self._intro() + f"\n\n» {help_text}")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Do the chosen thing."""
        if event.option.id:
            self.action_choose(event.option.id)

    def action_choose(self, key: str) -> None:
        """Carry out a menu choice."""
        if key == "new-group":
            self.wizard.start_new_session("group")
        elif key == "new-self":
            self.wizard.start_new_session("self")
        elif key in ("continue", "review"):
            from vbwizard.tui.screens.review import ReviewScreen

            self.app.push_screen(ReviewScreen(only_in_progress=key == "continue"))
        elif key == "about":
            from vbwizard.tui.screens.about import AboutScreen

            self.app.push_screen(AboutScreen())
