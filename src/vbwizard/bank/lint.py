"""``vbwizard lint``: find proposal rules that cannot give sound advice.

A bank's rules are data, so they can be checked exhaustively: every factor has
at most six sub-questions with five states each (yes, partly, no, unknown,
unanswered) and four weights, so every answer pattern is tried. The linter
reports, per factor and with file and line:

- a sub-question no rule uses (unless it is marked ``context_only``);
- a sub-question without a declared problem answer (``problem_answer``);
- a rule that fires on every answer pattern (advice that ignores the analysis);
- a rule that can never fire;
- a heavy action that can fire below weight 3 without a clear problem answer;
- a weight (1–3) at which the factor proposes nothing at all;
- a problem answer the rules look at that, on its own, proposes nothing at
  weight 2 or 3 (a gap in the middle of the range).

It uses the same rule matcher as the wizard, so a finding is what a user would
meet. No Textual here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from vbwizard.bank.loader import bundled_bank_path, factor_sources, load_bank
from vbwizard.bank.models import Action, Bank, Factor
from vbwizard.bank.rules import matched_conditions
from vbwizard.problems import Problem, format_path, read_toml
from vbwizard.toml_locate import PathPart, find_line

STATES: tuple[str | None, ...] = ("yes", "partly", "no", "unknown", None)
"""Every state of a sub-question; ``None`` is unanswered."""
WEIGHTS = (0, 1, 2, 3)
GAP_WEIGHTS = (2, 3)
"""Weights at which a single clear problem answer should lead to some proposal."""
STRONG_WEIGHT = 3


@dataclass(frozen=True)
class _Where:
    """Where a factor sits: its file, that file's text and the key prefix inside it."""

    file: Path
    text: str
    prefix: tuple[PathPart, ...]

    def problem(self, message: str, *keys: PathPart) -> Problem:
        full = (*self.prefix, *keys)
        return Problem(self.file, message, format_path(full), find_line(self.text, full))


def _locations(path: Path) -> dict[str, _Where]:
    """Factor id → where it is defined, for a bank folder or a single-file bank."""
    manifest, files = factor_sources(path)
    found: dict[str, _Where] = {}
    doc, text = read_toml(manifest)
    inline = doc.get("factors")
    if isinstance(inline, list):
        for index, factor in enumerate(inline):
            factor_id = factor.get("id") if isinstance(factor, dict) else None
            if isinstance(factor_id, str):
                found[factor_id] = _Where(manifest, text, ("factors", index))
    for file in files:
        factor_doc, factor_text = read_toml(file)
        factor_id = factor_doc.get("id")
        if isinstance(factor_id, str):
            found[factor_id] = _Where(file, factor_text, ())
    return found


def _patterns(question_ids: list[str]) -> Iterator[dict[str, str]]:
    """Every combination of states of the given sub-questions (unanswered left out)."""
    for states in itertools.product(STATES, repeat=len(question_ids)):
        yield {q: s for q, s in zip(question_ids, states, strict=True) if s is not None}


def _rule_questions(action: Action) -> list[str]:
    return list(dict.fromkeys(c.question for c in action.propose_when.answers))


def _fires(action: Action, weight: int, answers: Mapping[str, str]) -> bool:
    return matched_conditions(action.propose_when, weight, answers) is not None


def _fires_on_weak_evidence(factor: Factor, action: Action) -> int | None:
    """The lowest weight below 3 at which a heavy action fires without a clear problem answer."""
    questions = {q.id: q for q in factor.sub_questions}
    for weight in WEIGHTS:
        if weight >= STRONG_WEIGHT:
            return None
        for answers in _patterns(_rule_questions(action)):
            met = matched_conditions(action.propose_when, weight, answers)
            if met is None:
                continue
            if not any(questions[c.question].signal(answers[c.question]) == "problem" for c in met):
                return weight
    return None


def _action_findings(factor: Factor, where: _Where) -> Iterator[Problem]:
    for index, action in enumerate(factor.actions):
        questions = _rule_questions(action)
        always = [w for w in WEIGHTS if all(_fires(action, w, a) for a in _patterns(questions))]
        ever = any(_fires(action, w, a) for w in WEIGHTS for a in _patterns(questions))
        if not ever:
            yield where.problem(
                f"actie ‘{action.id}’ wordt nooit voorgesteld: geen gewicht en geen "
                "antwoorden waarbij de regel geldt",
                "actions",
                index,
                "propose_when",
            )
        elif always:
            yield where.problem(
                f"actie ‘{action.id}’ wordt bij gewicht {always[0]} altijd voorgesteld, "
                "wat er ook is geantwoord: laat de regel op antwoorden letten",
                "actions",
                index,
                "propose_when",
            )
        if action.intensity == "heavy":
            weak = _fires_on_weak_evidence(factor, action)
            if weak is not None:
                yield where.problem(
                    f"zware actie ‘{action.id}’ kan bij gewicht {weak} worden voorgesteld "
                    "zonder een duidelijk probleemantwoord (alleen ‘deels’ of niets): vraag "
                    "gewicht 3 of een antwoord dat duidelijk op een probleem wijst",
                    "actions",
                    index,
                    "propose_when",
                )


def _question_findings(factor: Factor, where: _Where) -> Iterator[Problem]:
    used = {c.question for a in factor.actions for c in a.propose_when.answers}
    for index, question in enumerate(factor.sub_questions):
        if question.problem_answer is None:
            yield where.problem(
                f"deelvraag ‘{question.id}’ zegt niet welk antwoord op een probleem wijst "
                '(problem_answer = "yes", "no" of "none")',
                "sub_questions",
                index,
                "id",
            )
        if question.id not in used and not question.context_only:
            yield where.problem(
                f"deelvraag ‘{question.id}’ wordt door geen enkele regel gebruikt "
                "(gebruik haar in een regel of markeer haar met context_only = true)",
                "sub_questions",
                index,
                "id",
            )


def _weight_findings(factor: Factor, where: _Where) -> Iterator[Problem]:
    for weight in (1, 2, 3):
        if not any(
            _fires(action, weight, answers)
            for action in factor.actions
            for answers in _patterns(_rule_questions(action))
        ):
            yield where.problem(
                f"bij gewicht {weight} stelt deze factor nooit iets voor", "actions"
            )


def _gap_findings(factor: Factor, where: _Where) -> Iterator[Problem]:
    """A problem answer that rules look at but that, alone, proposes nothing."""
    questions = {q.id: q for q in factor.sub_questions}
    watched = {
        c.question
        for a in factor.actions
        for c in a.propose_when.answers
        if any(questions[c.question].signal(value) == "problem" for value in c.values)
    }
    for index, question in enumerate(factor.sub_questions):
        if question.id not in watched or question.problem_answer in (None, "none"):
            continue
        answers = {question.id: question.problem_answer}
        for weight in GAP_WEIGHTS:
            if not any(_fires(action, weight, answers) for action in factor.actions):
                yield where.problem(
                    f"‘{question.id}’ = {question.problem_answer} wijst op een probleem, maar "
                    f"stelt bij gewicht {weight} op zichzelf niets voor",
                    "sub_questions",
                    index,
                    "id",
                )
                break


def lint_factor(factor: Factor, where: _Where) -> list[Problem]:
    """Every finding for one factor, questions first, then actions, weights and gaps."""
    return [
        *_question_findings(factor, where),
        *_action_findings(factor, where),
        *_weight_findings(factor, where),
        *_gap_findings(factor, where),
    ]


def lint_bank(path: Path | None = None) -> tuple[Bank, dict[str, list[Problem]]]:
    """Load a bank (``None``: the bundled one) and lint every factor.

    Returns:
        The bank, and per factor id (bank order) its findings; clean factors are left out.

    Raises:
        ProblemsError: when the bank cannot be read or is invalid.
    """
    bank = load_bank(path)
    locations = _locations((path or bundled_bank_path()).resolve())
    findings: dict[str, list[Problem]] = {}
    for factor in bank.factors:
        where = locations.get(factor.id)
        if where is None:  # pragma: no cover - the loader read the same files
            continue
        found = lint_factor(factor, where)
        if found:
            findings[factor.id] = found
    return bank, findings
