"""What every reader returns, and the checks every reader's text goes through.

Kept apart from ``chatbot.readers`` so the format modules can import it without a cycle.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Document", "UnreadableFile", "ARABIC_LETTER_RE", "arabic_share", "checked"]

ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")
_LETTER_RE = re.compile(r"[^\W\d_]")


class Document(NamedTuple):
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


class UnreadableFile(Exception):
    """A lecture file that cannot be indexed; ``str()`` is the reason (Arabic, then English)."""


def arabic_share(text: str) -> float:
    """Share of the letters in ``text`` that are Arabic letters."""
    letters = len(_LETTER_RE.findall(text))
    return len(ARABIC_LETTER_RE.findall(text)) / letters if letters else 0.0


def checked(text: str, encoding: str, warnings: tuple[str, ...] = ()) -> Document:
    """The lecture's text with uniform line ends, or UnreadableFile when there is nothing
    Arabic to index: an empty file or one in another language would only add noise."""
    if not text.strip():
        raise UnreadableFile("ملف فارغ / empty file")
    if not ARABIC_LETTER_RE.search(text):
        raise UnreadableFile("لا يحوي نصا عربيا / no Arabic text")
    return Document(text.replace("\r\n", "\n").replace("\r", "\n"), encoding, warnings)
