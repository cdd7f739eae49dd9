"""Lecture files to text: one ``read_document`` for every format an instructor has.

A reader returns the lecture as lines of text in which structure is visible to
:mod:`chatbot.index.passages` (headings as markdown ``#`` lines when the format knows them, list
items as «- » or «1/ » lines), and names the encoding it decided on. A file that cannot be used
raises :class:`UnreadableFile` with the reason in Arabic and English; the caller reports it and
indexes every other file.

Format modules are imported only when a file of their kind is read, so ``chatbot ask`` on a
built index never loads python-docx, python-pptx or pdfminer.

Every file first passes the size limits of :mod:`chatbot.index.readers.base` (bytes on disk; for the
ZIP packages .docx and .pptx, the declared size and compression ratio of each part and their
paragraph count, before any parser sees them), and its text the line limit; a refusal names
the file and the limit.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from chatbot import messages as msg
from chatbot.index.readers.base import MAX_FILE_BYTES, Document, UnreadableFile, check_archive, check_lines

__all__ = ["Document", "UnreadableFile", "SUPPORTED_SUFFIXES", "read_document", "is_lecture_file"]

# suffix → module of chatbot.index.readers whose ``read(path) -> Document`` reads it
_READERS = {".txt": "text", ".md": "text", ".docx": "docx", ".pptx": "pptx", ".pdf": "pdf"}
_PACKAGES = (".docx", ".pptx")  # ZIP packages of XML parts
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
            f"{msg.UNSUPPORTED_TYPE.both(suffix=path.suffix or msg.NO_SUFFIX)}; supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFile(f"{path.name}: {msg.TOO_LARGE.both(size=size, limit=MAX_FILE_BYTES)}")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"{msg.CANNOT_READ_FILE}: {exc.strerror or exc}") from exc
    if not data:
        raise UnreadableFile(str(msg.EMPTY_FILE))
    if path.suffix.lower() in _PACKAGES:
        check_archive(data, path.name)
    document = importlib.import_module(f"chatbot.index.readers.{module}").read(data)
    check_lines(document.text, path.name)
    return document
