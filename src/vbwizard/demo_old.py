"""A realistic, fictional, completed session for exploring review and reports.

The neighbourhood (De Horst in the municipality of Lindendaal) and everyone in
it are invented. Answers are keyed to the bundled bank's ids; with another bank,
factors this module does not know get a plain minor weight.
"""

from __future__ import annotations

import datetime as dt

from vbwizard.bank.models import Bank
from vbwizard.demo_data import ACTIONS, DEMO_ID, FACTORS, PARTICIPANTS, PRIORITIES  # noqa: F401
from vbwizard.session.create import bank_ref
from vbwizard.session.models import (
    FactorAnswer,
    Goal,
    Participant,
    PlannedAction,
    Priority,
    ProblemPicture,
    Progress,
    Scope,
    Session,
    SmartGoal,
    SourceEntry,
)

__all__ = ["DEMO_ID", "PARTICIPANTS", "demo_session"]

PEOPLE = [Participant(id=f"p{i}", name=name) for i, name in enumerate(PARTICIPANTS, start=1)]


def demo_session(bank: Bank) -> Session:
    """Build the demo session for ``bank``."""
    factors: dict[str, FactorAnswer] = {}
    for factor in bank.factors:
        known = FACTORS.get(factor.id)
        if known is None:
            factors[factor.id] = FactorAnswer(visited=True, weight=1, confidence="low")
            continue
        weight, confidence, per_person, subs, citizens, professionals, notes = known
        valid_subs = {q.id for q in factor.sub_questions}
        factors[factor.id] = FactorAnswer.model_validate(
            {
                "visited": True,
                "weight": weight,
                "confidence": confidence,
                "sub_answers": {k: v for k, v in subs.items() if k in valid_subs},
                "citizen_view": citizens,
                "professional_view": professionals,
                "notes": notes,
                "participant_weights": {
                    p.id: weight for p, weight in zip(PEOPLE, per_person, strict=True)
                },
            }
        )
    known_ids = {f.id for f in bank.factors}
    created = dt.datetime(2025, 11, 20, 13, 30, tzinfo=dt.UTC)
    return Session(
        id=DEMO_ID,
        created=created,
        updated=created + dt.timedelta(hours=2),
        status="completed",
        language=bank.manifest.language,
        mode="group",
        bank=bank_ref(bank),
        scope=Scope(
            title="Veiligheidsbeleving De Horst",
            area="Gemeente Lindendaal, wijk De Horst (fictief)",
            scope_type="neighbourhood",
            target_groups=["ouderen in de Beukenlaanflats", "ouders van jonge kinderen"],
            trigger="Stijging van overlastmeldingen en een petitie van bewoners (fictief).",
            facilitator="Sanne de Vries, beleidsadviseur veiligheid",
            participants=PEOPLE,
            date=dt.date(2025, 11, 20),
        ),
        sources=[
            SourceEntry(
                name="Veiligheidsmonitor 2025",
                kind="quantitative",
                finding="18% voelt zich vaak onveilig in de buurt (stad: 11%).",
            ),
            SourceEntry(
                name="Meldingen openbare ruimte",
                kind="quantitative",
                finding="Overlastmeldingen rond het Horstplein verdubbeld.",
            ),
            SourceEntry(
                name="Gesprekken met sleutelfiguren",
                kind="qualitative",
                finding="Zorgen over een groep jongeren en over onbereikbaarheid.",
            ),
            SourceEntry(name="Avondschouw", kind="qualitative", status="planned"),
            SourceEntry(name="Bewonersenquête", kind="quantitative", status="missing"),
        ],
        problem=ProblemPicture(
            who="Vooral ouderen en ouders met jonge kinderen.",
            where="Horstplein, fietstunnel en de Beukenlaan.",
            when="Vooral 's avonds en in het weekend.",
            thinking="Mensen denken dat het erger wordt en dat niemand ingrijpt.",
            feeling="Angst, maar vooral boosheid over het uitblijven van reactie.",
            doing="Het plein mijden, kinderen binnenhouden, minder melden.",
            problematic="yes",
        ),
        factors=factors,
        priorities=[Priority(factor=f, reason=r) for f, r in PRIORITIES if f in known_ids],
        goal=Goal(
            text="Bewoners van De Horst voelen zich 's avonds weer veilig op straat en "
            "weten dat hun meldingen iets opleveren.",
            smart=SmartGoal(
                specific="Minder bewoners die zich vaak onveilig voelen in De Horst.",
                indicator="Aandeel 'voelt zich vaak onveilig in de buurt' (Veiligheidsmonitor)",
                baseline="18% (2025)",
                target="12% of lager",
                agreed_by="Gemeente, politie, Woonstichting Horst, bewonerscommissie",
                realistic="Haalbaar met de gekozen acties en budget voor twee jaar.",
                deadline=dt.date(2027, 12, 31),
            ),
        ),
        actions=[
            PlannedAction(
                id=f"actie-{i}",
                factor=factor,
                bank_action=action_id,
                title=title,
                description=_describe(bank, factor, action_id),
                owner=owner,
                start=dt.date(*start),
                end=dt.date(*end),
                buikpijn=buik,
                expected_effect=effect,
                indicator=indicator,
                frame="Leefbaarheid en samen werken aan een prettige wijk",
            )
            for i, (
                action_id,
                factor,
                title,
                owner,
                start,
                end,
                buik,
                effect,
                indicator,
            ) in enumerate(ACTIONS, start=1)
            if factor in known_ids
        ],
        progress=Progress(step="summary"),
    )


def _describe(bank: Bank, factor_id: str, action_id: str) -> str | None:
    try:
        factor = bank.factor(factor_id)
    except KeyError:
        return None
    for action in factor.actions:
        if action.id == action_id:
            return action.description
    return None
