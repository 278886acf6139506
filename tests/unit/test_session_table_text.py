"""The review list's cells: exactly as wide as their column, never a control character."""

from __future__ import annotations

from rich.cells import cell_len

from vbwizard.tui.widgets.session_table import column_widths, fit


def test_a_cell_is_padded_or_cut_with_an_ellipsis() -> None:
    assert fit("Oost", 6) == "Oost  "
    assert fit("Veiligheidsbeleving", 8) == "Veiligh…"
    assert fit("", 3) == "   "
    assert fit("abc", 0) == ""


def test_wide_characters_count_as_two_cells() -> None:
    for text in ("東京の安全", "Wijk 🏠🏠🏠🏠", "naïef"):
        for width in range(1, 12):
            assert cell_len(fit(text, width)) == width, (text, width)


def test_control_characters_never_reach_the_terminal() -> None:
    shown = fit("Rood\x1b[31m\x07\x9b2J", 20)
    assert not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in shown)
    assert shown.startswith("Rood\N{REPLACEMENT CHARACTER}[31m")


def test_markup_is_text() -> None:
    assert fit("[bold red]Rood[/]", 17) == "[bold red]Rood[/]"


def test_columns_fit_the_width_and_narrow_tables_leave_some_out() -> None:
    for width in range(50, 201):
        widths = column_widths(width)
        shown = [w for w in widths if w]
        assert sum(shown) + 2 * len(shown) == width, (width, widths)  # all of it, no more
        assert widths[0] >= 12 and widths[1] >= 7, ("title and who stay readable", width)
    assert column_widths(100)[5] > 0 and column_widths(70)[5] == 0, "area goes first"
    assert column_widths(70)[3] > 0 and column_widths(60)[3] == 0, "then the kind"
    assert column_widths(58)[2] == 11, "the date stays whole"
