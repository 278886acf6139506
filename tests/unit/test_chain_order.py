"""The chain of a baseline and its follow-ups is recovered from the files in any order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.chains import chain_of_three, followup_of
from vbwizard.bank import load_bank
from vbwizard.chain import build_chain
from vbwizard.demo import DEMO_ID

_SESSIONS = chain_of_three(load_bank())
_BRANCH = followup_of(load_bank(), _SESSIONS[0], 2026, "vervolg-2026-oost")
_STRAY = followup_of(load_bank(), _SESSIONS[0], 2026, "ander-gebied")
_STRAY.links.followup_of = "elders"  # not part of this chain


@settings(max_examples=60, deadline=None)
@given(
    order=st.permutations([*_SESSIONS, _BRANCH, _STRAY]),
    member=st.sampled_from([DEMO_ID, "vervolg-2026", "vervolg-2027", "vervolg-2026-oost"]),
)
def test_the_chain_order_is_recovered_from_any_order_of_files(order: list, member: str) -> None:
    chain = build_chain(order, member)
    assert chain.ids == [DEMO_ID, "vervolg-2026", "vervolg-2026-oost", "vervolg-2027"]
    assert [r.label for r in chain.rounds] == ["1", "2a", "2b", "3"]
    assert chain.round_of("vervolg-2027").parent == "vervolg-2026"
    assert chain.branched and chain.missing_baseline is None
