"""Write the large and binary bad files, which are not checked in.

Run ``python tests/data/bad/make_corpus.py OUT`` to look at them; the tests
call :func:`generate` to create them afresh in a temporary folder. Each file is
derived from ``sessions/good.toml`` or ``banks/good.toml`` beside this script.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
MEGABYTE = 1024 * 1024


def _sessions(base: str) -> dict[str, bytes]:
    deep = 100_000
    return {
        # Random bytes, as when a disk or a transfer mangles a file.
        "binary.toml": b"\xff\xfe\x00" + random.Random(12).randbytes(4096),
        # A 1 MB text in a real field: a long paste. Valid, so it must load.
        "huge-note.toml": base.replace(
            'area = "Oost"',
            'area = "Oost"\ntrigger = "' + "zeer lange tekst " * (MEGABYTE // 17) + '"',
        ).encode(),
        # A 1 MB key nobody knows: the message must stay short.
        "huge-unknown-key.toml": base.replace(
            'area = "Oost"', 'area = "Oost"\n' + "k" * MEGABYTE + " = 1"
        ).encode(),
        "deep-arrays.toml": (base + "diep = " + "[" * deep + "]" * deep + "\n").encode(),
        "deep-inline-tables.toml": (
            base + "diep = " + "{a = " * deep + "1" + "}" * deep + "\n"
        ).encode(),
        # Deep through headers: tomllib parses it without recursion, later code must cope.
        "deep-tables.toml": (base + "\n[" + ".".join(["x"] * 5000) + "]\ny = 1\n").encode(),
        "nul-bytes.toml": base.replace("Stationsplein", "Stations\x00plein").encode(),
        # A surrogate encoded as UTF-8 bytes (what a broken converter writes).
        "surrogate-bytes.toml": base.encode().replace(b"Stationsplein", b"Stations\xed\xa0\x80"),
    }


def _banks(base: str) -> dict[str, bytes]:
    deep = 100_000
    return {
        "binary.toml": b"\x00\x01PK\x03\x04" + random.Random(34).randbytes(4096),
        "huge-explanation.toml": base.replace(
            'explanation = "Uitleg alfa."', 'explanation = "' + "uitleg " * (MEGABYTE // 7) + '"'
        ).encode(),
        "deep-arrays.toml": ("diep = " + "[" * deep + "]" * deep + "\n" + base).encode(),
        "deep-tables.toml": (base + "\n[" + ".".join(["x"] * 5000) + "]\ny = 1\n").encode(),
        "nul-bytes.toml": base.replace("Mini-bank", "Mini\x00bank").encode(),
    }


def generate(out: Path) -> list[Path]:
    """Write the generated files to ``out/sessions`` and ``out/banks``; return them."""
    written = []
    for kind, make in (("sessions", _sessions), ("banks", _banks)):
        folder = out / kind
        folder.mkdir(parents=True, exist_ok=True)
        base = (HERE / kind / "good.toml").read_text(encoding="utf-8")
        for name, data in make(base).items():
            (folder / name).write_bytes(data)
            written.append(folder / name)
    return written


def make_hostile(out: Path, limit: int) -> None:
    """Make the ``[hostile]`` entries of EXPECTED.toml in ``out``: things git cannot hold.

    Args:
        out: an empty folder.
        limit: the reading cap; the too-big file is one byte over it.
    """
    os.mkfifo(out / "fifo.toml")  # reading would wait for a writer for ever
    (out / "zero.toml").symlink_to("/dev/zero")  # reading would never end
    (out / "een-map.toml").mkdir()
    (out / "link-naar-map.toml").symlink_to(out / "een-map.toml")
    with (out / "te-groot.toml").open("wb") as handle:
        handle.truncate(limit + 1)  # sparse: costs no disk space
    private = out / "prive"
    private.mkdir(mode=0o700)
    shutil.copy(HERE / "sessions" / "good.toml", private / "good.toml")
    shutil.copy(HERE / "banks" / "good.toml", private / "bank.toml")


if __name__ == "__main__":
    for path in generate(Path(sys.argv[1])):
        print(path)
