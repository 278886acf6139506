"""Write N realistic, fictional sessions into a folder, for the listing and merge benchmarks.

Each session is a variation of the demo session (12 factors answered, 8 actions,
sources, a problem picture, a SMART goal): titles, areas, modes, statuses, weights,
confidences, sub-answers, priorities and dates vary with a seeded random generator,
so two runs with the same arguments write the same files. Every session is built
through the pydantic models, so every file is one the app itself could have saved.
Files are written plainly (no fsync): this is test data, not a user's work.

Usage: python benchmarks/make_sessions.py N DIR [--mode group|self|mixed] [--seed S]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

from vbwizard.bank import Bank, load_bank
from vbwizard.demo import demo_session
from vbwizard.session.models import Participant, PlannedAction, Priority, Session
from vbwizard.session.storage import ensure_sessions_dir, session_to_toml

PLACES = [
    "Horstplein", "Stationsgebied", "Beukenlaan", "Centrum", "Havenkwartier", "De Akkers",
    "Molenwijk", "Parkstrook", "Winkelcentrum Zuid", "Fietstunnel Oost", "Sportpark",
    "Marktplein", "Rivierkade", "Industrieterrein", "Schoolomgeving", "Kerkbuurt",
]  # fmt: skip
THEMES = [
    "Veiligheidsbeleving", "Hangplek", "Avondonrust", "Overlast jongeren", "Verlichting",
    "Zelfanalyse", "Nazorg incident", "Evaluatie aanpak", "Drugsoverlast", "Woonoverlast",
]  # fmt: skip
MUNICIPALITIES = [
    "Lindendaal", "Brugveen", "Oosterhaven", "Westmere", "Dalkamp", "Zandvoorde-Noord",
    "Rijsbergen", "Hoogwolde", "Emmerveld", "Kruisdonk",
]  # fmt: skip
NAMES = ["Els", "Karim", "Sanne", "Joost", "Fatima", "Pieter", "Anouk", "Mehmet", "Iris", "Ruud"]
WEIGHTS: list[int | str] = [0, 1, 1, 2, 2, 2, 3, 3, "unknown"]
ANSWERS = ["yes", "partly", "no", "unknown"]
OWNERS = ["Gemeente", "Politie", "Woonstichting Horst", "Wijkteam", "Bewonerscommissie"]


def realistic_session(bank: Bank, index: int, rng: random.Random, mode: str = "mixed") -> Session:
    """Vary the demo session into session number ``index``."""
    session = demo_session(bank).model_copy(deep=True)
    place, theme = rng.choice(PLACES), rng.choice(THEMES)
    town = rng.choice(MUNICIPALITIES)
    created = dt.datetime(2024, 1, 1, 9, tzinfo=dt.UTC) + dt.timedelta(
        days=rng.randrange(600), minutes=rng.randrange(600)
    )
    session.id = f"{created.date().isoformat()}-{theme.lower().replace(' ', '-')}-{index:06d}"
    session.created = created
    session.updated = created + dt.timedelta(minutes=rng.randrange(1, 60 * 24 * 30))
    session.mode = rng.choice(["group", "self"]) if mode == "mixed" else mode
    session.status = rng.choice(["in_progress", "completed", "completed"])
    session.scope.title = f"{theme} {place}"
    session.scope.area = f"Gemeente {town}, {place}"
    session.scope.date = created.date()
    if session.mode == "self":
        who = rng.choice(NAMES)
        session.scope.facilitator = f"{who} ({rng.choice(['gemeente', 'politie', 'corporatie'])})"
        session.scope.participants = [Participant(id="p1", name=who)]
    for factor in bank.factors:
        answer = session.answer(factor.id)
        answer.visited = True
        answer.weight = rng.choice(WEIGHTS)
        answer.confidence = rng.choice(["low", "medium", "high"])
        answer.sub_answers = {q.id: rng.choice(ANSWERS) for q in factor.sub_questions}
        if session.mode == "self":
            answer.participant_weights = {}
        else:
            answer.participant_weights = {
                person.id: rng.randrange(4) for person in session.scope.participants
            }
    chosen = rng.sample(bank.factors, rng.randint(3, 5))
    session.priorities = [
        Priority(factor=f.id, reason=f"Speelt sterk rond {place} ({f.title.lower()}).")
        for f in chosen
    ]
    template = session.actions[0]
    # Eight actions: those of the priorities first, then of the other factors.
    others = [f for f in bank.factors if f not in chosen]
    pairs = [(f, a) for f in chosen + others for a in f.actions][:8]
    session.actions = [
        PlannedAction(
            id=f"actie-{n}",
            factor=f.id,
            bank_action=a.id,
            title=a.title,
            description=a.description,
            owner=rng.choice(OWNERS),
            start=created.date() + dt.timedelta(days=14 * n),
            end=created.date() + dt.timedelta(days=14 * n + 120),
            buikpijn=rng.choice(["yes", "no", "unsure"]),
            expected_effect=template.expected_effect,
            indicator=template.indicator,
            frame=template.frame,
        )
        for n, (f, a) in enumerate(pairs, start=1)
    ]
    # Through validation once more: a benchmark on files the app would refuse proves nothing.
    return Session.model_validate(session.model_dump(), strict=False)


def write_sessions(
    n: int, folder: Path, *, mode: str = "mixed", seed: int = 12, bank: Bank | None = None
) -> list[Path]:
    """Write ``n`` sessions into ``folder`` and return their paths."""
    bank = bank or load_bank()
    rng = random.Random(seed)
    ensure_sessions_dir(folder)
    paths = []
    for index in range(n):
        session = realistic_session(bank, index, rng, mode)
        path = folder / f"{session.id}.toml"
        path.write_bytes(session_to_toml(session).encode("utf-8"))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--mode", choices=["group", "self", "mixed"], default="mixed")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    start = time.perf_counter()
    paths = write_sessions(args.n, args.dir, mode=args.mode, seed=args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(
        f"wrote {len(paths)} sessions ({size / 1e6:.1f} MB) to {args.dir} "
        f"in {time.perf_counter() - start:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
