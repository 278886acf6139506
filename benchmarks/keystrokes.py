"""Keystrokes: on a factor page, from a key press to the updated screen (Pilot).

The demo session (in progress, group mode) is opened on a factor page; the weight
keys 0-3 are pressed in turn, so every press changes the answer, which commits
and saves (fsync included) before the screen updates. Two clocks per press:

* key to screen: from posting the key until both the first screen update
  (``App._display``) and the save are done: the new weight shown and on disk;
* Pilot round trip: ``pilot.press`` + ``pilot.pause``, which also includes Pilot's
  own idle detection (sleeps of 1/50 s until the process is quiet), so it is an
  upper bound; the same round trip on a trivial app is printed as its floor.

Budget: p95 <= 50 ms (key to screen).

Usage: python benchmarks/keystrokes.py [PRESSES] [--width W --height H] [--profile FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import machine, median, ms, p95  # noqa: E402

from vbwizard.bank import load_bank  # noqa: E402
from vbwizard.demo import demo_session  # noqa: E402
from vbwizard.session.models import Progress  # noqa: E402
from vbwizard.session.storage import load_session, save_session  # noqa: E402
from vbwizard.tui.app import VbWizardApp  # noqa: E402

FACTOR = "verloedering"


async def presses(
    n: int, size: tuple[int, int], profile: cProfile.Profile | None
) -> tuple[list[float], list[float]]:
    bank = load_bank()
    session = demo_session(bank)
    session.status = "in_progress"
    session.progress = Progress(step="factors", factor=FACTOR)
    folder = Path(tempfile.mkdtemp(prefix="vb-keys-"))
    path = save_session(session, folder)
    app = VbWizardApp(bank=bank, sessions_dir=folder, session_path=path, handle_signals=False)
    times, round_trips = [], []
    shown: list[float] = []
    real_display = app._display

    def display(screen, renderable):  # type: ignore[no-untyped-def]
        real_display(screen, renderable)
        shown.append(time.perf_counter())

    app._display = display  # type: ignore[method-assign]
    saved_at: list[float] = []
    async with app.run_test(size=size) as pilot:
        store = app.store  # type: ignore[attr-defined]
        real_commit = store.commit

        def commit(*args, **kwargs):  # type: ignore[no-untyped-def]
            ok = real_commit(*args, **kwargs)
            saved_at.append(time.perf_counter())
            return ok

        store.commit = commit
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "FactorScreen", type(app.screen).__name__
        for i in range(10):  # warm up
            await pilot.press("0123"[i % 4])
            await pilot.pause()
        if profile is not None:
            profile.enable()
        for i in range(n):
            key = "0123"[(i + 2) % 4]
            shown.clear()
            saved_at.clear()
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            round_trips.append(time.perf_counter() - start)
            assert saved_at, "the key press did not save"
            assert shown, "the screen was not updated"
            # The choice row repaints itself before the save; whichever is later
            # ends the wait: the new weight shown and durable on disk.
            times.append(max(shown[0], saved_at[-1]) - start)
        if profile is not None:
            profile.disable()
        last = "0123"[(n + 1) % 4]
    saved = load_session(path).factors[FACTOR].weight
    assert str(saved) == last, (saved, last)  # every press really reached the file
    return times, round_trips


async def trivial_round_trips(n: int, size: tuple[int, int]) -> list[float]:
    """Pilot's own floor: the same round trip on an app whose key updates one Static."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Trivial(App[None]):
        BINDINGS = [(k, f"show('{k}')", k) for k in "0123"]

        def compose(self) -> ComposeResult:
            yield Static("-", id="out")

        def action_show(self, key: str) -> None:
            self.query_one("#out", Static).update(key)

    times = []
    async with Trivial().run_test(size=size) as pilot:
        await pilot.pause()
        for i in range(n):
            start = time.perf_counter()
            await pilot.press("0123"[i % 4])
            await pilot.pause()
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("presses", nargs="?", type=int, default=200)
    parser.add_argument("--width", type=int, default=120)
    parser.add_argument("--height", type=int, default=40)
    parser.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args()
    profile = cProfile.Profile() if args.profile else None
    times, round_trips = asyncio.run(presses(args.presses, (args.width, args.height), profile))
    floor = asyncio.run(trivial_round_trips(args.presses, (args.width, args.height)))
    if profile is not None:
        profile.dump_stats(args.profile)
    print(f"machine: {machine()}")
    print(f"presses: {args.presses} on factor '{FACTOR}', terminal {args.width}x{args.height}")
    print(f"key to updated screen: median {ms(median(times))}, p95 {ms(p95(times))}")
    print(
        f"Pilot round trip (press + pause): median {ms(median(round_trips))}, "
        f"p95 {ms(p95(round_trips))}; on a trivial app: median {ms(median(floor))}, "
        f"p95 {ms(p95(floor))}"
    )
    print(f"p95 against budget 50 ms: {p95(times) * 1000 / 50:.2f}x")


if __name__ == "__main__":
    main()
