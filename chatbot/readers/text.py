"""Plain text and markdown: decide the encoding by a documented rule, never by a silent guess.

1. A byte-order mark names the encoding (UTF-8, UTF-16 LE/BE).
2. Otherwise strict UTF-8.
3. Otherwise Windows-1256 (how Arabic text is saved on Windows), accepted only if most of the
   letters it yields are Arabic — chardet cannot recognise cp1256, and any byte string decodes
   as cp1256, so the Arabic-letter share is what tells a real cp1256 file from binary junk.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")
_LETTER_RE = re.compile(r"[^\W\d_]")
MIN_ARABIC_SHARE = 0.5


def arabic_share(text: str) -> float:
    """Share of the letters in ``text`` that are Arabic letters."""
    letters = len(_LETTER_RE.findall(text))
    return len(_ARABIC_LETTER_RE.findall(text)) / letters if letters else 0.0


def decode(data: bytes) -> tuple[str, str]:
    """Bytes of a text file → (text, encoding name), by the rule in the module docstring."""
    from chatbot.readers import UnreadableFile

    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise UnreadableFile(f"ترميز غير صالح بعد علامة {name} / invalid {name} after its BOM: {exc.reason}")
    if b"\x00" in data:
        raise UnreadableFile("ملف ثنائي وليس نصا / binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1256", errors="replace")
    if arabic_share(text) >= MIN_ARABIC_SHARE and "\ufffd" not in text:
        return text, "cp1256"
    raise UnreadableFile("ترميز غير معروف: ليس UTF-8 ولا Windows-1256 / unknown encoding: neither UTF-8 nor Windows-1256")


def read_text(path: Path):
    from chatbot.readers import Document, UnreadableFile

    text, encoding = decode(path.read_bytes())
    if not text.strip():
        raise UnreadableFile("ملف فارغ / empty file")
    if not _ARABIC_LETTER_RE.search(text):
        raise UnreadableFile("لا يحوي نصا عربيا / no Arabic text")
    return Document(text.replace("\r\n", "\n").replace("\r", "\n"), encoding)
