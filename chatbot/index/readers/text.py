"""Plain text and markdown: decide the encoding by a documented rule, never by a silent guess.

1. A byte-order mark names the encoding (UTF-8, UTF-16 LE/BE).
2. Otherwise strict UTF-8.
3. Otherwise Windows-1256 (how Arabic text is saved on Windows), accepted only if most of the
   letters it yields are Arabic — chardet cannot recognise cp1256, and any byte string decodes
   as cp1256, so the Arabic-letter share is what tells a real cp1256 file from binary junk.
"""

from __future__ import annotations

import codecs

from chatbot import messages as msg
from chatbot.index.readers.base import Document, UnreadableFile, arabic_share, checked

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
MIN_ARABIC_SHARE = 0.5


def decode(data: bytes) -> tuple[str, str]:
    """Bytes of a text file → (text, encoding name), by the rule in the module docstring."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise UnreadableFile(f"{msg.BAD_BOM.both(encoding=name)}: {exc.reason}")
    if b"\x00" in data:
        raise UnreadableFile(str(msg.BINARY_FILE))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1256", errors="replace")
    if arabic_share(text) >= MIN_ARABIC_SHARE and "\ufffd" not in text:
        return text, "cp1256"
    raise UnreadableFile(str(msg.UNKNOWN_ENCODING))


def read(data: bytes) -> Document:
    """A .txt or .md lecture: markdown ``#`` headings are already what the splitter reads."""
    return checked(*decode(data))
