"""``vbwizard merge``: self-assessments into one group session, from the command line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.cli.conftest import Result
from tests.samples import name_leaks, named_self_assessments, self_assessment
from vbwizard.bank import Bank
from vbwizard.session.storage import load_session, save_session


def test_cli_merge_saves_a_group_session(
    bank: Bank, sessions_dir: Path, run: Callable[..., Result]
) -> None:
    for name, w in (("Anna", 0), ("Bram", 3), ("Cem", 2)):
        save_session(
            self_assessment(bank, name, {"communicatie": w, "verloedering": 1}), sessions_dir
        )
    result = run("merge", "zelf-anna", "zelf-bram", "zelf-cem", "--sessions-dir", str(sessions_dir))
    assert result.code == 0, result.err
    path = Path(result.out.splitlines()[0])
    assert path.parent == sessions_dir
    merged = load_session(path)
    assert merged.progress.factor == "communicatie"
    assert "Begint bij 12. Communicatie: gewichten 0–3, mediaan 2" in result.out


def test_cli_merge_with_incompatible_bank_names_the_file(
    bank: Bank, mini_bank: Bank, sessions_dir: Path, run: Callable[..., Result]
) -> None:
    save_session(self_assessment(bank, "Anna", {"verloedering": 1}), sessions_dir)
    save_session(self_assessment(mini_bank, "Bram", {"alfa": 1}), sessions_dir)
    before = sorted(sessions_dir.iterdir())
    result = run("merge", "zelf-anna", "zelf-bram", "--sessions-dir", str(sessions_dir))
    assert result.code == 2
    assert "zelf-bram.toml" in result.err and "'mini'" in result.err
    assert "Traceback" not in result.err
    assert sorted(sessions_dir.iterdir()) == before


def test_cli_merge_to_a_file_uses_its_name_as_id(
    bank: Bank, sessions_dir: Path, tmp_path: Path, run: Callable[..., Result]
) -> None:
    for name in ("Anna", "Bram"):
        save_session(self_assessment(bank, name, {"verloedering": 1}), sessions_dir)
    target = tmp_path / "groep-de-horst.toml"
    args = ("merge", "zelf-anna", "zelf-bram", "--sessions-dir", str(sessions_dir))
    assert run(*args, "-o", str(target), "--anonymous").code == 0
    assert load_session(target).id == "groep-de-horst"
    again = run(*args, "-o", str(target))
    assert again.code == 2 and "bestaat al" in again.err
    assert run(*args, "-o", str(tmp_path / "Groep.toml")).code == 2
    assert run("merge", "zelf-anna", "--sessions-dir", str(sessions_dir)).code == 2


def test_cli_anonymous_merge_leaves_no_name_in_the_file_or_its_name(
    bank: Bank, sessions_dir: Path, run: Callable[..., Result]
) -> None:
    inputs = [save_session(s, sessions_dir) for s in named_self_assessments(bank)]
    result = run("merge", *map(str, inputs), "--anonymous", "--sessions-dir", str(sessions_dir))
    assert result.code == 0, result.err
    path = Path(result.out.splitlines()[0])
    assert name_leaks(path.name) == [] and name_leaks(path.read_text("utf-8")) == []
    assert name_leaks(result.out) == []
    report = run("report", str(path), "--format", "md", "-o", "-")
    assert report.code == 0 and name_leaks(report.out) == []


def test_cli_merge_warns_on_unfinished_inputs_and_counts_answers(
    bank: Bank, sessions_dir: Path, run: Callable[..., Result]
) -> None:
    for name, weights, status in (
        ("Anna", {"communicatie": 0, "verloedering": 1}, "completed"),
        ("Bram", {"communicatie": 3, "verloedering": 1}, "in_progress"),
        ("Cem", {"verloedering": 2}, "completed"),
    ):
        session = self_assessment(bank, name, weights)  # type: ignore[arg-type]
        session.status = status  # type: ignore[assignment]
        save_session(session, sessions_dir)
    result = run("merge", "zelf-anna", "zelf-bram", "zelf-cem", "--sessions-dir", str(sessions_dir))
    assert result.code == 0, result.err
    [warning] = result.err.splitlines()
    assert "zelf-bram.toml" in warning and "nog niet afgerond" in warning
    assert "12. Communicatie: 2 van 3, gewichten 0–3, mediaan 1,5 (verschil van mening)" in (
        result.out
    )
    lines = {line.split(":")[0].strip(): line for line in result.out.splitlines()}
    verloedering = next(v for k, v in lines.items() if k.endswith("Verloedering"))
    assert "3 van 3" in verloedering
    assert any("0 van 3, geen gewichten" in line for line in lines.values())
    merged = load_session(Path(result.out.splitlines()[0]))
    assert merged.merge is not None and merged.merge.in_progress == 1
