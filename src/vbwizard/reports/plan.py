"""The action plan of a report: what the group agreed to, and why.

Only accepted actions form the plan, because the plan is what a group is held
to later; undecided proposals are listed under the open points instead
(:func:`vbwizard.reports.open_points.open_points`).
"""

from __future__ import annotations

from vbwizard.bank.models import Bank
from vbwizard.labels import BUIKPIJN_LABELS, EVALUATION_LABELS, factor_title, iso_date
from vbwizard.proposals import MUNICIPAL, Proposal, evaluate, municipal_why
from vbwizard.reports.blocks import Block, Facts, Note, Subheading, Table
from vbwizard.session.models import FactorAnswer, PlannedAction, Session


def proposal_why(bank: Bank, session: Session, action: PlannedAction) -> str:
    """Why the bank proposed this action ("Voorgesteld omdat …"), or ``""`` for the group's own."""
    if action.bank_action is None:
        return ""
    if action.factor == MUNICIPAL:
        return municipal_why(bank, action.bank_action) or "Voorgesteld door de vragenbank."
    try:
        factor = bank.factor(action.factor)
        proposed = next(a for a in factor.actions if a.id == action.bank_action)
    except (KeyError, StopIteration):
        return "Voorgesteld door de vragenbank."
    answer = session.factors.get(action.factor) or FactorAnswer()
    reasons = evaluate(bank, factor, proposed, answer)
    if reasons is None:  # The answers changed after the group accepted it.
        return "Voorgesteld door de vragenbank (de antwoorden zijn sindsdien gewijzigd)."
    return Proposal(factor, proposed, reasons).why


def _evaluation(action: PlannedAction) -> str:
    if action.evaluation is None:
        return ""
    parts = [EVALUATION_LABELS.get(action.evaluation.done or "", "")]
    parts += [action.evaluation.effect or "", action.evaluation.notes or ""]
    return "; ".join(p for p in parts if p)


def plan_blocks(bank: Bank, session: Session) -> list[Block]:
    """The table of accepted actions and, per action, its why and communication."""
    accepted = [a for a in session.actions if a.status == "accepted"]
    if not accepted:
        return [Note("Nog geen acties afgesproken.")]
    headers = ["Factor", "Actie", "Eigenaar", "Start", "Eind", "Indicator", "Verwacht effect"]
    widths = [3.2, 4, 3.2, 2.3, 2.3, 3.6, 3.6]
    evaluations = [_evaluation(a) for a in accepted]
    with_eval = any(evaluations)
    if with_eval:
        headers.append("Evaluatie")
        widths.append(3.6)
    rows = []
    for action, evaluation in zip(accepted, evaluations, strict=True):
        row = [
            factor_title(bank, action.factor),
            action.title,
            action.owner or "",
            iso_date(action.start),
            iso_date(action.end),
            action.indicator or "",
            action.expected_effect or "",
        ]
        rows.append([*row, evaluation] if with_eval else row)
    blocks: list[Block] = [Table(headers, rows, widths=widths, nowrap=(3, 4), wide=True)]
    details: list[Block] = []
    for action in accepted:
        facts = [
            ("Omschrijving", action.description or ""),
            ("Waarom", proposal_why(bank, session, action)),
            ("Communicatie: buikpijn", BUIKPIJN_LABELS.get(action.buikpijn or "", "")),
            ("Communicatie: frame", action.frame or ""),
        ]
        facts = [(label, value) for label, value in facts if value]
        if facts:
            details += [
                Subheading(action.title or action.id, level=4, detail=True),
                Facts(facts, detail=True),
            ]
    if details:
        blocks += [Subheading("Toelichting per actie", detail=True), *details]
    return blocks
