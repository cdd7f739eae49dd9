"""What every reader returns, and the checks every reader's text goes through.

Kept apart from ``chatbot.index.readers`` so the format modules can import it without a cycle.

Size limits (issue 13): a hostile or broken file must cost time and memory in proportion to
its size, and what no lecture reaches is refused before it is parsed, with the file named and
the reason given. Each limit is far above a real lecture (a 300-page Word lecture has about
10,000 paragraphs and a 5 MB ``document.xml``; ZIP compresses XML about 5–15 to 1).
"""

from __future__ import annotations

import re
import zipfile
from typing import NamedTuple

from chatbot import messages as msg
from chatbot.messages import Say

__all__ = [
    "Document", "UnreadableFile", "ARABIC_LETTER_RE", "arabic_share", "checked", "check_archive", "check_lines",
    "table_lines", "ITEM_MARK", "UNIT_MARK",
    "MAX_FILE_BYTES", "MAX_LINES", "MAX_PARAGRAPHS", "MAX_MEMBERS", "MAX_MEMBER_BYTES", "MAX_XML_BYTES",
    "MAX_ARCHIVE_BYTES", "MAX_RATIO",
]

MAX_FILE_BYTES = 512 * 2**20  # a file on disk (slides with embedded video stay under it)
MAX_LINES = 200_000  # lines of a lecture's text, whatever its format
MAX_PARAGRAPHS = 200_000  # paragraphs of a .docx or .pptx, empty ones included
MAX_MEMBERS = 10_000  # parts of a .docx or .pptx package
MAX_MEMBER_BYTES = 256 * 2**20  # one part, uncompressed (a picture or a video)
MAX_XML_BYTES = 64 * 2**20  # one XML part, uncompressed
MAX_ARCHIVE_BYTES = 1024 * 2**20  # all parts, uncompressed
MAX_RATIO = 200  # uncompressed : compressed size of one part above RATIO_FLOOR bytes
RATIO_FLOOR = 2**20
# A paragraph element in any namespace prefix («<w:p>», «<a:p …>», «<w:p/>»); «<w:pPr>» is not.
_PARAGRAPH_TAG_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]")

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
        raise UnreadableFile(str(msg.EMPTY_FILE))
    if not ARABIC_LETTER_RE.search(text):
        raise UnreadableFile(str(msg.NO_ARABIC))
    return Document(text.replace("\r\n", "\n").replace("\r", "\n"), encoding, warnings)


# A header cell names a column («المصطلح», «الشرح», «مثال»): a first row with a longer cell is
# data, and the table is read row by row.
MAX_HEADER_WORDS = 6
ITEM_MARK = "- "
# Bullet glyphs (Symbol/Wingdings bullets map into the private use area) and the dashes
# PowerPoint and Word draw for sub-items, as PDF readers and lecture text show them.
BULLETS = "•●▪■◦○□➢➤►✓✔\uf0a7\uf0b7\uf0d8\uf0fc–"
# A bullet of a slide explained by its notes: shown, but not a list item for the splitter, so
# the slide's title, bullets and notes are one passage (chatbot.index.readers.pptx).
UNIT_MARK = "· "


def table_lines(rows: list[list[str]]) -> list[tuple[str, str]]:
    """A table as (list mark, text) lines for the splitter.

    With a header row (two rows or more, every row as wide as the header, header cells short),
    the header is a line of its cells joined by « | » (which the splitter reads as the heading
    of the list under it, nested under the heading before the table) and each further row a
    list item titled by its first cell and keeping the header of each other cell:
    «X: الشرح: … | مثال: …» (the label before the first colon is what the item names).
    Otherwise each row is a plain line, its cells joined by « | ».
    """
    rows = [row for row in rows if any(row)]
    header = rows[0] if rows else []
    has_header = (
        len(rows) >= 2 and len(header) >= 2 and all(header)
        and all(len(cell.split()) <= MAX_HEADER_WORDS for cell in header)
        and all(len(row) == len(header) and row[0] for row in rows[1:])
    )
    if not has_header:
        return [("", " | ".join(cell for cell in row if cell)) for row in rows]
    lines = [("", " | ".join(header))]
    for first, *cells in rows[1:]:
        explained = " | ".join(f"{name.rstrip(':： ')}: {cell}" for name, cell in zip(header[1:], cells) if cell)
        lines.append((ITEM_MARK, f"{first.rstrip(':： ')}: {explained}" if explained else first))
    return lines


def _size(n: int) -> str:
    return f"{n / 2**30:.1f} GiB" if n >= 2**30 else f"{n / 2**20:.1f} MiB" if n >= 2**20 else f"{n:,} B"


def _refuse(name: str, say: Say, **fields: object) -> UnreadableFile:
    return UnreadableFile(f"{name}: {say.both(**fields)}")


def check_lines(text: str, name: str) -> None:
    """UnreadableFile when ``text`` has more than MAX_LINES lines."""
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise _refuse(name, msg.TOO_MANY_LINES, lines=lines, limit=MAX_LINES)


def check_archive(data: bytes, name: str) -> None:
    """Refuse a .docx/.pptx package whose parts would unpack to more than the limits allow,
    from the sizes its ZIP directory declares (Python's zipfile never inflates a part beyond
    its declared size), before anything is inflated; then count the paragraphs of its XML
    parts, each of bounded size, before any parser builds them."""
    import io

    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a ZIP at all: the format's reader reports a damaged file
    if len(members) > MAX_MEMBERS:
        raise _refuse(name, msg.TOO_MANY_PARTS, parts=len(members), limit=MAX_MEMBERS)
    total = 0
    for info in members:
        limit = MAX_XML_BYTES if info.filename.endswith((".xml", ".rels")) else MAX_MEMBER_BYTES
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limit:
            raise _refuse(name, msg.PART_TOO_LARGE, part=info.filename, size=_size(info.file_size), limit=_size(limit))
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise _refuse(name, msg.ZIP_BOMB, part=info.filename, ratio=ratio, limit=MAX_RATIO)
        total += info.file_size
    if total > MAX_ARCHIVE_BYTES:
        raise _refuse(name, msg.PACKAGE_TOO_LARGE, size=_size(total), limit=_size(MAX_ARCHIVE_BYTES))
    paragraphs = 0
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for info in members:
            if info.filename.endswith(".xml"):
                try:
                    paragraphs += len(_PARAGRAPH_TAG_RE.findall(package.read(info)))
                except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
                    return  # a damaged part: the format's reader reports it
    if paragraphs > MAX_PARAGRAPHS:
        raise _refuse(name, msg.TOO_MANY_PARAGRAPHS, paragraphs=paragraphs, limit=MAX_PARAGRAPHS)
