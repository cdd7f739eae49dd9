"""Lecture files to text: one ``read_document`` for every format an instructor has.

A reader returns the lecture as lines of text in which structure is visible to
:mod:`chatbot.passages` (headings as markdown ``#`` lines when the format knows them), and
names the encoding it decided on. A file that cannot be used raises :class:`UnreadableFile`
with the reason in Arabic and English; the caller reports it and indexes every other file.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from chatbot.readers.text import read_text

__all__ = ["Document", "UnreadableFile", "SUPPORTED_SUFFIXES", "read_document", "is_lecture_file"]


class Document(NamedTuple):
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


class UnreadableFile(Exception):
    """A lecture file that cannot be indexed; ``str()`` is the reason (Arabic, then English)."""


_READERS = {".txt": read_text, ".md": read_text}
SUPPORTED_SUFFIXES = tuple(sorted(_READERS))


def is_lecture_file(path: Path) -> bool:
    """Corpus files are lectures unless hidden or named with a leading underscore
    (``_synonyms.txt`` holds an instructor's synonyms, not a lecture)."""
    return path.is_file() and not path.name.startswith((".", "_")) and path.suffix.lower() in _READERS


def read_document(path: Path) -> Document:
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise UnreadableFile(
            f"نوع ملف غير مدعوم ({path.suffix or 'بلا امتداد'}) / unsupported file type; "
            f"supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    return reader(path)
