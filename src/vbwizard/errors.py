"""Why the operating system refused, in plain Dutch: one table for the CLI and the wizard.

Python's ``strerror`` texts are English ("Permission denied"); a user of vbwizard
reads Dutch everywhere, so every ``OSError`` shown to a user goes through
:func:`os_reason`. Kept free of heavy imports: the start-up path uses it.
"""

from __future__ import annotations

import errno

# Where reading and writing need different words, the writing text is separate.
_REASONS: dict[int, str] = {
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "het schijfquotum is op",
    errno.EACCES: "geen toestemming (bestandsrechten)",
    errno.EPERM: "geen toestemming (bestandsrechten)",
    errno.EROFS: "de schijf of map is alleen-lezen",
    errno.ENOENT: "bestaat niet",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EISDIR: "is een map, geen bestand",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ELOOP: "te veel symbolische koppelingen achter elkaar (een kringetje?)",
    errno.EEXIST: "er bestaat al een bestand met deze naam",
    errno.EIO: "lees- of schrijffout van de schijf",
    errno.EMFILE: "te veel open bestanden",
    errno.ENFILE: "te veel open bestanden",
    errno.EBUSY: "het bestand is in gebruik",
    errno.ETXTBSY: "het bestand is in gebruik",
    errno.ENXIO: "het apparaat is niet beschikbaar",
    errno.ENODEV: "het apparaat is niet beschikbaar",
    errno.EINVAL: "ongeldige naam of bewerking",
    errno.EFBIG: "het bestand wordt te groot",
    errno.EXDEV: "kan niet tussen twee schijven verplaatsen",
    errno.EAGAIN: "het bestand is tijdelijk niet beschikbaar",
}
_WRITING: dict[int, str] = {
    errno.EACCES: "geen toestemming om daar te schrijven",
    errno.EPERM: "geen toestemming om daar te schrijven",
    errno.ENOENT: "de map bestaat niet (meer)",
    errno.EISDIR: "er staat een map met die naam",
}


def errno_reason(code: int | None, *, writing: bool = False) -> str:
    """The Dutch reason for an ``errno`` value.

    Args:
        code: the ``errno`` (``None`` when the system gave none).
        writing: the refusal came while writing (different words for a few codes).
    """
    if code is None:
        return "onbekende fout van het besturingssysteem"
    if writing and code in _WRITING:
        return _WRITING[code]
    if code in _REASONS:
        return _REASONS[code]
    # No English strerror: the symbolic name is something a helpdesk can look up.
    return f"fout van het besturingssysteem ({errno.errorcode.get(code, code)})"


def os_reason(exc: OSError, *, writing: bool = False) -> str:
    """The Dutch reason for an ``OSError``, without a traceback or English text.

    Args:
        exc: the refusal.
        writing: the refusal came while writing.
    """
    return errno_reason(exc.errno, writing=writing)
