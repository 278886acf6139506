"""The report export dialog: choose a format and a file, then write the report.

The report is written here, not by the caller, so that a refusal (a missing
folder, a full disk) is shown in the dialog and the user can correct the path
without starting over.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from vbwizard.tui.themes import WIZARD_CSS

if TYPE_CHECKING:
    from vbwizard.reports import ReportFormat
    from vbwizard.session.models import Session
    from vbwizard.tui.app import VbWizardApp

FORMATS: tuple[tuple[ReportFormat, str], ...] = (
    ("html", "HTML (webpagina, om te printen of te mailen)"),
    ("docx", "Word (om verder te bewerken)"),
    ("pdf", "PDF (om te versturen of te archiveren)"),
    ("md", "Markdown (om in een plan te plakken)"),
)
REPORTS_FOLDER = "vbwizard-rapporten"


def default_folder(sessions_dir: Path) -> Path:
    """Where reports go by default: ``~/vbwizard-rapporten`` if it exists.

    Otherwise the folder that holds the sessions folder, which exists, so the
    suggested path works without creating anything first.
    """
    preferred = Path.home() / REPORTS_FOLDER
    if preferred.is_dir():
        return preferred
    return sessions_dir.resolve().parent


def write_report(session: Session, fmt: ReportFormat, path: Path, app: VbWizardApp) -> str | None:
    """Render and write the report atomically; return why not, or ``None`` when written."""
    from vbwizard.paths import OutputProblemKind, output_problem
    from vbwizard.reports import render_report
    from vbwizard.session.storage import SaveError, atomic_write

    problem = output_problem(path)
    if problem is not None and problem.kind is OutputProblemKind.NO_FOLDER:
        # The message names the folder: a sentence of its own, with the way out.
        sentence = problem.message[:1].upper() + problem.message[1:]
        return f"{sentence}. Kies een bestaande map of maak hem eerst aan."
    if problem is not None:
        return f"{path} {problem.message}."
    try:
        data = render_report(app.bank, session, fmt, sessions_dir=app.sessions_dir)
        atomic_write(path, data)
    except SaveError as exc:
        return f"Kon {path} niet schrijven: {exc.reason}."
    return None


class ExportDialog(ModalScreen[Path | None]):
    """Ask for the report's format and file; dismiss with the written path."""

    CSS_PATH = WIZARD_CSS

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Annuleren")]

    def __init__(self, session: Session, sessions_dir: Path) -> None:
        super().__init__()
        self.session = session
        self.folder = default_folder(sessions_dir)

    def compose(self) -> ComposeResult:
        """Format choice, path, an error line and two buttons."""
        with Vertical(classes="dialog", id="export-dialog"):
            yield Label("Rapport maken", classes="step-title")
            with RadioSet(id="export-format"):
                for index, (_, label) in enumerate(FORMATS):
                    yield RadioButton(label, value=index == 0)
            yield Label("Bestand:")
            path = str(self._path_for("html"))
            yield Input(path, id="export-path")
            # The whole path, wrapped: a long one does not fit the field's one line.
            yield Static(Text(path), id="export-full-path", classes="hint")
            yield Static("", id="export-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Opslaan", id="export-save", variant="primary")
                yield Button("Annuleren", id="export-cancel")

    def on_mount(self) -> None:
        """Start on the format choice."""
        self.query_one(RadioSet).focus()

    def _path_for(self, fmt: ReportFormat) -> Path:
        return self.folder / f"{self.session.id}.{fmt}"

    @property
    def fmt(self) -> ReportFormat:
        """The chosen format."""
        index = self.query_one(RadioSet).pressed_index
        return FORMATS[max(index, 0)][0]

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """Follow the format with the file's extension (the name stays the user's)."""
        event.stop()
        field = self.query_one("#export-path", Input)
        current = Path(field.value.strip() or self._path_for(self.fmt))
        field.value = str(current.with_suffix(f".{self.fmt}"))

    def on_input_changed(self, event: Input.Changed) -> None:
        """Show the whole path as it is typed."""
        event.stop()
        self.query_one("#export-full-path", Static).update(Text(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the path field saves."""
        event.stop()
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        event.stop()
        if event.button.id == "export-save":
            self._save()
        else:
            self.dismiss(None)

    def _save(self) -> None:
        text = self.query_one("#export-path", Input).value.strip()
        error = self.query_one("#export-error", Static)
        if not text:
            error.update("Geef een bestandsnaam.")
            error.display = True
            return
        path = Path(text).expanduser()
        problem = write_report(self.session, self.fmt, path, cast("VbWizardApp", self.app))
        if problem is not None:
            error.update(Text(problem))  # Paths may hold brackets; never markup.
            error.display = True
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)
