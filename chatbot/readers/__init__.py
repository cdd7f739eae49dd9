"""Lecture files to text: one ``read_document`` for every format an instructor has.

A reader returns the lecture as lines of text in which structure is visible to
:mod:`chatbot.passages` (headings as markdown ``#`` lines when the format knows them, list
items as «- » or «1/ » lines), and names the encoding it decided on. A file that cannot be used
raises :class:`UnreadableFile` with the reason in Arabic and English; the caller reports it and
indexes every other file.

Format modules are imported only when a file of their kind is read, so ``chatbot ask`` on a
built index never loads python-docx, python-pptx or pdfminer.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from chatbot.readers.base import Document, UnreadableFile

__all__ = ["Document", "UnreadableFile", "SUPPORTED_SUFFIXES", "read_document", "is_lecture_file"]

# suffix → module of chatbot.readers whose ``read(path) -> Document`` reads it
_READERS = {".txt": "text", ".md": "text", ".docx": "docx", ".pptx": "pptx", ".pdf": "pdf"}
SUPPORTED_SUFFIXES = tuple(sorted(_READERS))


def is_lecture_file(path: Path) -> bool:
    """Corpus files are lectures unless hidden or named with a leading underscore
    (``_synonyms.txt`` holds an instructor's synonyms, not a lecture)."""
    return path.is_file() and not path.name.startswith((".", "_")) and path.suffix.lower() in _READERS


def read_document(path: Path) -> Document:
    """The text of one lecture file, or UnreadableFile saying why it cannot be used."""
    module = _READERS.get(path.suffix.lower())
    if module is None:
        raise UnreadableFile(
            f"نوع ملف غير مدعوم ({path.suffix or 'بلا امتداد'}) / unsupported file type; "
            f"supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"تعذرت قراءة الملف / cannot read the file: {exc.strerror or exc}") from exc
    if not data:
        raise UnreadableFile("ملف فارغ / empty file")
    return importlib.import_module(f"chatbot.readers.{module}").read(data)
