"""The head of a session file: what the session list needs, first, under a checksum.

A session file starts with the fields the list shows (the top-level values, then
``[scope]`` and ``[[priorities]]``), and its first line is a comment that vbwizard
writes on every save::

    # vbwizard 0.1.0; schema 1; overzicht 812 bytes; sha256 5f0c…

It says which vbwizard wrote the file, how many bytes after that line hold the
list's fields, and a SHA-256 over that line's start and everything after it. A
list reads the whole file (reading is cheap), checks the hash (cheap) and then
parses only those first bytes, instead of all of the TOML (about 95 % of the cost
of listing). The short way is taken only when the hash matches and the file was
written by this very version of vbwizard with this schema: then the file is
byte for byte one vbwizard saved from a valid session, so a full parse would find
it valid and show the same summary. Any edit by hand, a converted line end, a
byte-order mark, another version, or no such line at all: the file is parsed and
checked in full, as before. The line is a TOML comment, so for every other reader
the file is unchanged.
"""

from __future__ import annotations

import hashlib
import re

from vbwizard import __version__

SECTIONS = ("scope", "priorities", "links")
"""The tables the list needs, written right after the top-level values."""

_LINE = re.compile(
    rb"# vbwizard (\S+); schema (\d+); overzicht (\d+) bytes; sha256 ([0-9a-f]{64})\n"
)
_TABLE_HEADER = re.compile(r"^\[\[?([^\]\n]*)", re.M)


def _prefix(version: str, schema: int, head_bytes: int) -> bytes:
    return f"# vbwizard {version}; schema {schema}; overzicht {head_bytes} bytes; ".encode()


def head_length(body: str) -> int:
    """How many bytes of ``body`` (TOML as vbwizard writes it) hold the list's fields.

    The head ends where the first table other than :data:`SECTIONS` begins. vbwizard
    writes no multi-line strings, so a line starting with ``[`` is a table header.
    """
    for match in _TABLE_HEADER.finditer(body):
        if match.group(1).strip() not in SECTIONS:
            return len(body[: match.start()].encode("utf-8"))
    return len(body.encode("utf-8"))


def seal(body: str, schema: int) -> str:
    """``body`` with the checksum line in front (``body`` starts with the list's fields)."""
    data = body.encode("utf-8")
    prefix = _prefix(__version__, schema, head_length(body))
    digest = hashlib.sha256(prefix + data).hexdigest()
    return f"{prefix.decode()}sha256 {digest}\n{body}"


def trusted_head(raw: bytes, schema: int) -> bytes | None:
    """The list's part of a sealed file, or ``None`` when the file must be read in full.

    Args:
        raw: the file's bytes.
        schema: the session schema this vbwizard reads.
    """
    match = _LINE.match(raw)
    if match is None:
        return None
    version, file_schema, head_bytes, digest = match.groups()
    if version.decode() != __version__ or int(file_schema) != schema:
        return None
    body = memoryview(raw)[match.end() :]
    size = int(head_bytes)
    if size > len(body):
        return None
    checked = hashlib.sha256(raw[: match.start(4) - len(b"sha256 ")])
    checked.update(body)
    if checked.hexdigest().encode() != digest:
        return None
    return bytes(body[:size])
