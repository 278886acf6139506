"""Textual's built-in key bindings, described in Dutch.

Textual's widgets describe their keys in English, and the key overview
("Toetsen" in the command palette) shows those descriptions. Our subclasses take
the same bindings with Dutch descriptions, so the keys work exactly as before.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingType

DUTCH_DESCRIPTIONS: dict[str, str] = {
    # Moving the cursor.
    "cursor_left": "Cursor naar links",
    "cursor_right": "Cursor naar rechts",
    "cursor_up": "Cursor omhoog",
    "cursor_down": "Cursor omlaag",
    "cursor_left_word": "Een woord naar links",
    "cursor_right_word": "Een woord naar rechts",
    "cursor_word_left": "Een woord naar links",
    "cursor_word_right": "Een woord naar rechts",
    "cursor_line_start": "Naar het begin van de regel",
    "cursor_line_end": "Naar het eind van de regel",
    "cursor_page_up": "Een scherm omhoog",
    "cursor_page_down": "Een scherm omlaag",
    "home": "Naar het begin",
    "end": "Naar het eind",
    # Selecting.
    "cursor_left(True)": "Naar links selecteren",
    "cursor_right(True)": "Naar rechts selecteren",
    "cursor_up(True)": "Omhoog selecteren",
    "cursor_down(True)": "Omlaag selecteren",
    "cursor_left_word(True)": "Woord naar links selecteren",
    "cursor_right_word(True)": "Woord naar rechts selecteren",
    "cursor_word_left(True)": "Woord naar links selecteren",
    "cursor_word_right(True)": "Woord naar rechts selecteren",
    "cursor_line_start(True)": "Tot het begin van de regel selecteren",
    "cursor_line_end(True)": "Tot het eind van de regel selecteren",
    "home(True)": "Tot het begin selecteren",
    "end(True)": "Tot het eind selecteren",
    "select_all": "Alles selecteren",
    "select_line": "Regel selecteren",
    # Editing.
    "delete_left": "Teken links wissen",
    "delete_right": "Teken rechts wissen",
    "delete_left_word": "Woord links wissen",
    "delete_right_word": "Woord rechts wissen",
    "delete_word_left": "Woord links wissen",
    "delete_word_right": "Woord rechts wissen",
    "delete_left_all": "Alles links wissen",
    "delete_right_all": "Alles rechts wissen",
    "delete_to_start_of_line": "Wissen tot het begin van de regel",
    "delete_to_end_of_line_or_delete_line": "Wissen tot het eind van de regel",
    "delete_line": "Regel wissen",
    "cut": "Knippen",
    "copy": "Kopiëren",
    "paste": "Plakken",
    "undo": "Ongedaan maken",
    "redo": "Opnieuw doen",
    "submit": "Bevestigen",
    # Scrolling and focus.
    "scroll_up": "Omhoog schuiven",
    "scroll_down": "Omlaag schuiven",
    "scroll_left": "Naar links schuiven",
    "scroll_right": "Naar rechts schuiven",
    "scroll_home": "Naar boven",
    "scroll_end": "Naar beneden",
    "page_up": "Een scherm omhoog",
    "page_down": "Een scherm omlaag",
    "page_left": "Een scherm naar links",
    "page_right": "Een scherm naar rechts",
    "app.focus_next": "Volgend veld",
    "app.focus_previous": "Vorig veld",
    "screen.copy_text": "Geselecteerde tekst kopiëren",
}


def dutch_bindings(widget_class: type) -> list[BindingType]:
    """All bindings ``widget_class`` has, with Dutch descriptions.

    Assign the result to a subclass's ``BINDINGS``: the same keys and actions,
    declared again, replace the inherited English ones. The merge mirrors
    Textual's own: a class's bindings for a key replace its bases' bindings for it.
    """
    keys: dict[str, list[Binding]] = {}
    for base in reversed(widget_class.__mro__):
        if not getattr(base, "_inherit_bindings", True):
            keys.clear()
        local: dict[str, list[Binding]] = {}
        for binding in Binding.make_bindings(base.__dict__.get("BINDINGS", [])):
            description = DUTCH_DESCRIPTIONS.get(binding.action, binding.description)
            local.setdefault(binding.key, []).append(replace(binding, description=description))
        keys.update(local)
    return [binding for bindings in keys.values() for binding in bindings]
