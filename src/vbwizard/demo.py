"""A realistic, fictional, completed session for exploring review and reports.

The neighbourhood (De Horst in the municipality of Lindendaal) and everyone in
it are invented. Answers are keyed to the bundled bank's ids; with another bank,
factors this module does not know get a plain minor weight.
"""

from __future__ import annotations

import datetime as dt

from vbwizard.bank.models import Bank
from vbwizard.session.create import bank_ref
from vbwizard.session.models import (
    FactorAnswer,
    Goal,
    PlannedAction,
    Priority,
    ProblemPicture,
    Progress,
    Scope,
    Session,
    SmartGoal,
    SourceEntry,
)

DEMO_ID = "demo-de-horst-2026"
PARTICIPANTS = ["Sanne (gemeente)", "Wijkagent Karim", "Woonstichting Horst", "Bewoner Els"]

# factor id -> (weight, confidence, participant weights, sub-answers,
#               citizens' view, professionals' view, notes)
_FACTORS: dict[str, tuple[int, str, list[int], dict[str, str], str, str, str]] = {
    "signaalcriminaliteit-en-overlast": (
        3,
        "high",
        [3, 3, 2, 3],
        {
            "onevenredige-impact": "yes",
            "high-impact-delicten": "partly",
            "intimiderende-personen": "yes",
            "zichtbare-reactie": "no",
        },
        "Mensen mijden het Horstplein 's avonds vanwege een groep die intimideert.",
        "Meldingen van overlast rond het plein zijn in een jaar verdubbeld.",
        "Twee bewoners durven niet openlijk te praten over de groep.",
    ),
    "verloedering": (
        2,
        "high",
        [2, 3, 2, 1],
        {
            "ervaren-verloedering": "yes",
            "eigen-waarneming": "yes",
            "verband-in-cijfers": "partly",
            "beheer-op-orde": "no",
        },
        "Zwerfvuil en kapotte lantaarns bij de flats aan de Beukenlaan.",
        "Schouw in oktober: zes defecte lichtmasten, graffiti bij de tunnel.",
        "Onderhoud is verdeeld tussen gemeente en corporatie; niemand voelt zich eigenaar.",
    ),
    "onbekende-anderen": (
        1,
        "medium",
        [1, 0, 2, 1],
        {
            "onbehagen-bij-onbekenden": "partly",
            "schurende-leefstijlen": "partly",
            "snelle-verandering": "yes",
            "onderlinge-bekendheid": "partly",
            "spanningen-gevolgd": "no",
        },
        "Nieuwe bewoners in de nieuwbouw kennen de oude buurt niet.",
        "Geen signalen van echte spanningen tussen groepen.",
        "",
    ),
    "het-gesprek": (
        1,
        "medium",
        [1, 1, 2, 1],
        {
            "bezorgd-gesprek": "yes",
            "betekenis-maatregelen": "unknown",
            "anderen-versterken-beeld": "partly",
            "media-aandacht": "no",
            "onterechte-reputatie": "partly",
        },
        "In de buurtapp gaan verhalen rond die groter zijn dan de feiten.",
        "",
        "",
    ),
    "sociale-kwaliteit": (
        2,
        "medium",
        [2, 1, 2, 3],
        {
            "samen-problemen-oplossen": "partly",
            "gedeelde-normen": "yes",
            "zelf-corrigeren": "no",
            "erbij-horen": "partly",
            "steun-van-anderen": "partly",
        },
        "We kennen elkaar, maar niemand durft de groep aan te spreken.",
        "Actieve bewonerscommissie, maar met weinig jonge leden.",
        "",
    ),
    "invloed-bewoners": (
        1,
        "low",
        [1, 1, 1, 2],
        {
            "gevoel-van-invloed": "partly",
            "perspectief": "partly",
            "invloed-geboden": "partly",
            "kansen-om-te-versterken": "yes",
        },
        "",
        "",
        "Eerst zichtbare resultaten, dan meer participatie.",
    ),
    "fysieke-inrichting": (
        2,
        "medium",
        [2, 2, 3, 2],
        {
            "zicht-en-overzicht": "no",
            "sociale-ogen": "partly",
            "eenduidigheid": "partly",
            "toegankelijkheid": "partly",
            "aantrekkelijkheid": "no",
        },
        "De fietstunnel is donker en je kunt er niet omheen.",
        "Hoge hagen ontnemen het zicht vanuit de woningen op het plein.",
        "",
    ),
    "vertrouwenwekkend-toezicht": (
        2,
        "high",
        [2, 2, 2, 3],
        {
            "er-alleen-voor": "yes",
            "behoefte-aan-toezicht": "yes",
            "behoefte-aan-correctie": "partly",
            "toezicht-wekt-vertrouwen": "partly",
            "hulp-als-nodig": "partly",
        },
        "We zien de boa's overdag, maar 's avonds is er niemand.",
        "Inzet van handhaving is beperkt tot kantoortijden.",
        "",
    ),
    "kwaliteit-van-de-aanpak": (
        3,
        "medium",
        [3, 2, 3, 3],
        {
            "ervaring-optreden": "no",
            "werkwijze-wekt-vertrouwen": "partly",
            "samenwerking-constructief": "no",
            "afspraken-nagekomen": "no",
            "in-de-steek-gelaten": "yes",
        },
        "Je belt, je meldt, en er gebeurt niets. Niemand weet wie waarover gaat.",
        "Gemeente, politie en corporatie overleggen, maar afspraken worden niet bewaakt.",
        "Groep wijst dit als voorwaarde voor de andere factoren aan.",
    ),
    "reactie-op-schokkende-incidenten": (
        0,
        "high",
        [0, 0, 1, 0],
        {
            "incidenten-nu": "no",
            "incidenten-verleden": "no",
            "nazorg-slachtoffers": "yes",
            "nazorg-omgeving": "yes",
            "organisatie-voorbereid": "yes",
        },
        "",
        "",
        "Speelt in De Horst nu niet.",
    ),
    "invoelend-vermogen-en-leiderschap": (
        1,
        "medium",
        [1, 1, 1, 2],
        {
            "betrokken-en-invoelend": "partly",
            "gezien-en-erkend": "partly",
            "gelijkwaardig-gesprek": "yes",
            "passend-leiderschap": "partly",
            "rust-empathie-daadkracht": "partly",
        },
        "",
        "De wijkwethouder was bij de laatste bewonersavond.",
        "",
    ),
    "communicatie": (
        1,
        "low",
        [1, 0, 1, 2],
        {
            "communicatie-geeft-rust": "partly",
            "frame-bewust-gekozen": "no",
            "boodschap-van-veiligheid": "unknown",
            "past-bij-buikpijn": "partly",
            "communicatie-geeft-buikpijn": "no",
        },
        "",
        "",
        "Niet bekend hoe de nieuwsbrief over inbraken overkomt.",
    ),
}

_PRIORITIES = [
    (
        "kwaliteit-van-de-aanpak",
        "Zonder heldere regie en nagekomen afspraken landt geen enkele andere actie.",
    ),
    (
        "signaalcriminaliteit-en-overlast",
        "De intimiderende groep op het Horstplein weegt het zwaarst; snel zichtbaar optreden.",
    ),
    ("verloedering", "Snel en zichtbaar resultaat: licht, zwerfvuil en graffiti."),
    ("vertrouwenwekkend-toezicht", "Bewoners staan er 's avonds alleen voor."),
]

_ACTIONS = [
    (
        "afspraken-aanscherpen",
        "kwaliteit-van-de-aanpak",
        "Convenant De Horst",
        "Gemeente (Sanne)",
        (2026, 1, 15),
        (2026, 3, 1),
        "no",
        "Partners houden zich aantoonbaar aan afgesproken reactietijden",
        "90% van de meldingen binnen 5 werkdagen teruggekoppeld",
    ),
    (
        "regisseur-aanstellen",
        "kwaliteit-van-de-aanpak",
        "Wijkregisseur De Horst",
        "Gemeente, wethouder",
        (2026, 2, 1),
        (2026, 12, 31),
        "yes",
        "Eén aanspreekpunt dat afspraken bewaakt",
        "Bewoners weten bij wie ze terechtkunnen (bewonerspanel)",
    ),
    (
        "snel-zichtbaar-optreden",
        "signaalcriminaliteit-en-overlast",
        "Aanpak groep Horstplein",
        "Politie (wijkagent Karim)",
        (2026, 1, 5),
        (2026, 6, 30),
        "yes",
        "Bewoners komen 's avonds weer op het plein",
        "Meldingen overlast plein -50% t.o.v. 2025",
    ),
    (
        "snel-herstellen",
        "verloedering",
        "Schoonmaak- en lichtoffensief Beukenlaan",
        "Woonstichting Horst",
        (2026, 1, 10),
        (2026, 2, 28),
        "no",
        "De plek ziet er verzorgd uit",
        "Alle lichtmasten werken; schouw in maart",
    ),
    (
        "gezamenlijk-beheerplan",
        "verloedering",
        "Beheerplan openbare ruimte",
        "Gemeente en woonstichting",
        (2026, 3, 1),
        (2026, 9, 30),
        "unsure",
        "Eigenaarschap per plek is duidelijk",
        "Beheerplan vastgesteld, met schouw per kwartaal",
    ),
    (
        "bestaand-toezicht-verbeteren",
        "vertrouwenwekkend-toezicht",
        "Avondinzet handhaving",
        "Gemeente (handhaving)",
        (2026, 2, 1),
        (2026, 12, 31),
        "yes",
        "Bewoners zien 's avonds toezicht",
        "Boa's twee avonden per week in De Horst",
    ),
]


def demo_session(bank: Bank) -> Session:
    """Build the demo session for ``bank``."""
    factors: dict[str, FactorAnswer] = {}
    for factor in bank.factors:
        known = _FACTORS.get(factor.id)
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
                "participant_weights": dict(zip(PARTICIPANTS, per_person, strict=True)),
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
            participants=PARTICIPANTS,
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
        priorities=[Priority(factor=f, reason=r) for f, r in _PRIORITIES if f in known_ids],
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
            ) in enumerate(_ACTIONS, start=1)
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
