"""Merge individual self-assessments into one group session.

Each participant weighs the twelve factors alone; the merged session keeps
every participant's weight and notes per factor, leaves the group weight open
(the group agrees on it together) and opens on the factor where people
disagree most, because that is where the conversation should start.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from pathlib import Path

from vbwizard.anonymity import Redactor, redactor_for
from vbwizard.bank.models import Bank
from vbwizard.disagreement import UNKNOWN_NOTE
from vbwizard.problems import Problem, ProblemsError
from vbwizard.session.create import bank_ref
from vbwizard.session.models import (
    FactorAnswer,
    MergeInfo,
    Participant,
    Progress,
    Scope,
    Session,
    SourceEntry,
)
from vbwizard.session.naming import new_session_id


def disputed_order(bank: Bank, session: Session) -> list[str]:
    """Factor ids, widest spread first; ties and factors without weights keep bank order."""
    spreads = {f.id: (session.factors.get(f.id) or FactorAnswer()).spread for f in bank.factors}
    order = sorted(bank.factors, key=lambda f: (-(spreads[f.id] or -1), f.number))
    return [f.id for f in order]


def participant_name(session: Session) -> str:
    """Whose self-assessment this is: facilitator, first participant, title or id."""
    scope = session.scope
    for candidate in (scope.facilitator, *(p.name for p in scope.participants[:1]), scope.title):
        if candidate and candidate.strip():
            return candidate.strip()
    return session.id


def _unique_names(names: list[str]) -> list[str]:
    """Make names unique (``Els``, ``Els (2)``): weights are keyed by name."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def check_compatible(bank: Bank, sessions: Sequence[Session], paths: Sequence[Path]) -> None:
    """Refuse to merge sessions made with another bank or with unknown factor ids.

    Raises:
        ProblemsError: naming each incompatible session and why.
    """
    problems = []
    known = {f.id for f in bank.factors}
    seen: dict[str, Path] = {}
    for session, path in zip(sessions, paths, strict=True):
        if session.id in seen:
            problems.append(Problem(path, f"dezelfde sessie als {seen[session.id]}"))
        seen.setdefault(session.id, path)
        if session.bank.id != bank.id:
            problems.append(
                Problem(
                    path,
                    f"gemaakt met vragenbank '{session.bank.id}', niet met '{bank.id}'; "
                    "alleen sessies met dezelfde factoren zijn samen te voegen",
                )
            )
            continue
        unknown = sorted(set(session.factors) - known)
        if unknown:
            problems.append(
                Problem(
                    path,
                    f"andere factoren dan vragenbank '{bank.id}' {bank.version}: "
                    + ", ".join(unknown),
                )
            )
    if problems:
        raise ProblemsError(problems)


def _participant_note(answer: FactorAnswer, redact: Redactor) -> str:
    parts = [
        f"{label}: {redact(text)}"
        for label, text in (
            ("Burgers", answer.citizen_view),
            ("Professionals", answer.professional_view),
            ("Onderbouwing", answer.evidence),
        )
        if text
    ]
    if answer.notes:
        parts.insert(0, redact(answer.notes))
    # An "unknown" weight cannot sit among the numbers, but it is a signal.
    if answer.weight == "unknown":
        parts.append(UNKNOWN_NOTE)
    return "\n".join(parts)


def _common(values: list[str]) -> str:
    """The value every session shares, else ``""``.

    A title like "Zelfanalyse Els" would undo ``--anonymous``, so only a value
    all participants have in common is carried over.
    """
    filled = {v for v in values if v}
    return filled.pop() if len(filled) == 1 else ""


def load_merge_inputs(
    bank: Bank, paths: Sequence[Path], problems: Sequence[Problem] = ()
) -> list[Session]:
    """Read the inputs of a merge and check that they can be merged, writing nothing.

    One loader for every front end: an input of an older schema is migrated in
    memory only (no ``.bak`` beside someone else's self-assessment), and every
    unreadable file is named at once, not one per attempt.

    Args:
        bank: The bank the merged session will use.
        paths: The input files.
        problems: Problems the caller already found with other inputs (a
            reference that named no file); reported together with these.

    Raises:
        ProblemsError: naming each unreadable input, else each input that
            cannot be merged with the others (:func:`check_compatible`).
    """
    from vbwizard.bulk import collector_paused
    from vbwizard.session.storage import read_session

    sessions, found = [], list(problems)
    with collector_paused():  # a reviewer may merge hundreds of self-assessments
        for path in paths:
            try:
                sessions.append(read_session(path)[0])
            except ProblemsError as exc:
                found += exc.problems
    if found:
        raise ProblemsError(found)
    check_compatible(bank, sessions, paths)
    return sessions


def input_warnings(sessions: Sequence[Session], names: Sequence[str]) -> list[str]:
    """What the user should know about the inputs before trusting the merge.

    Args:
        sessions: The inputs.
        names: How to call each input in the message (its path or file name).

    Returns:
        At most two Dutch lines: the inputs still in progress, and the group
        sessions among them (each line names the files).
    """
    pairs = list(zip(sessions, names, strict=True))
    unfinished = [name for session, name in pairs if session.status != "completed"]
    groups = [name for session, name in pairs if session.mode != "self"]
    lines = []
    if unfinished:
        lines.append("nog niet afgerond, telt mee zoals het nu is: " + ", ".join(unfinished))
    if groups:
        lines.append("geen zelfanalyse maar een groepssessie: " + ", ".join(groups))
    return lines


def answered_label(session: Session, factor_id: str) -> str:
    """``"2 van 3"``: how many merged inputs weighed a factor; ``""`` if not a merge."""
    info = session.merge
    if info is None:
        return ""
    return f"{info.answered.get(factor_id, 0)} van {info.inputs}"


def merge_sessions(
    bank: Bank,
    sessions: Sequence[Session],
    *,
    anonymous: bool = False,
    session_id: str | None = None,
    now: dt.datetime | None = None,
    rng: random.Random | None = None,
) -> Session:
    """Merge self-assessments into one new group session.

    Per factor each participant's numeric weight goes into
    ``participant_weights`` and their notes into ``participant_notes``; the
    group weight and confidence stay unset. :attr:`Session.merge` records how
    many inputs weighed each factor. Call :func:`check_compatible` first.

    With ``anonymous`` participants are called P1…Pn in a random order (the
    order of the files would give them away, as file names sort by title), the
    inputs' ids are not kept, and names the inputs record are removed from
    everything copied over: title, area, target groups, sources and notes.
    ``rng`` fixes that order in tests.
    """
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    if anonymous:
        order = list(range(len(sessions)))
        (rng or random.SystemRandom()).shuffle(order)
        names = [f"P{order[i] + 1}" for i in range(len(sessions))]
        redact = redactor_for(sessions)
    else:
        names = _unique_names([participant_name(s) for s in sessions])
        redact = Redactor()  # knows no names: text passes unchanged
    people = list(zip(names, sessions, strict=True))
    if anonymous:  # Weights and notes in pseudonym order, not input order.
        people.sort(key=lambda person: int(person[0][1:]))
    participants = [Participant(id=f"p{i}", name=name) for i, (name, _) in enumerate(people, 1)]
    factors: dict[str, FactorAnswer] = {}
    answered: dict[str, int] = {}
    for factor in bank.factors:
        weights: dict[str, int] = {}
        notes: dict[str, str] = {}
        answered[factor.id] = 0
        for person, (_, session) in zip(participants, people, strict=True):
            name = person.id  # weights and notes are keyed by the participant's id
            answer = session.factors.get(factor.id)
            if answer is None:
                continue
            if answer.weight is not None:
                answered[factor.id] += 1
                if answer.weight != "unknown":
                    weights[name] = int(answer.weight)
            note = _participant_note(answer, redact)
            if note:
                notes[name] = note
        factors[factor.id] = FactorAnswer(participant_weights=weights, participant_notes=notes)
    # Its own title: the inputs' shared title alone would make it look like one of them.
    # A shared title or area that names someone is dropped, not redacted:
    # "Zelfanalyse [naam]" says nothing, and the id is made from the title.
    common = _common([s.scope.title for s in sessions])
    if redact.mentions_name(common):
        common = ""
    title = f"Groepsbeeld uit {len(sessions)} zelfanalyses" + (f": {common}" if common else "")
    area = _common([s.scope.area for s in sessions])
    sources: list[SourceEntry] = []
    for session in sessions:
        for source in session.sources:
            copy = source.model_copy(deep=True)
            copy.name = redact(copy.name)
            copy.finding = redact(copy.finding) if copy.finding else None
            if all((s.name, s.status) != (copy.name, copy.status) for s in sources):
                sources.append(copy)
    groups = (redact(g) for s in sessions for g in s.scope.target_groups)
    merged = Session(
        id=session_id or new_session_id(title, now.date()),
        created=now,
        updated=now,
        language=bank.manifest.language,
        mode="group",
        bank=bank_ref(bank),
        scope=Scope(
            title=title,
            area="" if redact.mentions_name(area) else area,
            scope_type=next((s.scope.scope_type for s in sessions if s.scope.scope_type), None),
            target_groups=list(dict.fromkeys(groups)),
            trigger=f"Samengevoegd uit {len(sessions)} zelfanalyses"
            + (" (anoniem)." if anonymous else "."),
            participants=participants,
            date=now.date(),
        ),
        sources=sources,
        factors=factors,
        merge=MergeInfo(
            inputs=len(sessions),
            in_progress=sum(s.status != "completed" for s in sessions),
            answered=answered,
        ),
    )
    if not anonymous:  # The inputs' ids are made from their titles, names and all.
        merged.links.merged_from = [s.id for s in sessions]
    order_ids = disputed_order(bank, merged)
    merged.progress = Progress(step="factors", factor=order_ids[0] if order_ids else None)
    return merged
