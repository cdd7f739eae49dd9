"""PDF lectures (.pdf): the text layer, put back into Arabic reading order and structure.

Most instructors share a lecture as the PDF that Word, PowerPoint or LibreOffice exports.
pdfminer.six gives each glyph's text, position, font and size; :mod:`chatbot.index.readers.pdf_layout`
rebuilds the lecture from them: lines in logical order, mixed Arabic/English runs included;
wrapped lines joined into paragraphs; headings from font size and weight; table rows; running
headers, footers and page numbers left out; shaped glyphs (ﻣﻔﻬﻮﻡ) back to letters by NFKC; lines
whose letters were drawn backwards by their producer put right (counted in a warning).

What this module adds is the file and its failures, each told in Arabic then English:

* damaged, truncated or password-protected files are unreadable (never a traceback);
* a scanned PDF has no text layer (unreadable, or a warning naming the pages without text);
* glyphs without a Unicode map (fonts without ToUnicode) make the text unusable past a share;
* pdfminer reports structure it had to work around through ``logging``: the records are caught
  and become one warning in our words, never raw lines on the terminal.
"""

from __future__ import annotations

import io
import logging
import re
from contextlib import contextmanager
from typing import Iterator

from chatbot import messages as msg
from chatbot.text.arabic import remove_invisible
from chatbot.index.readers.base import Document, UnreadableFile, arabic_share, checked
from chatbot.index.readers.pdf_layout import (
    BULLETS, Glyph, Line, Rule, drawn_backwards, left_lines_rtl, lecture_lines, notes_with_their_slides, page_lines,
)

_GARBLED_RE = re.compile("[\ue000-\uf8ff\ufffd]|\\(cid:\\d+\\)")
_BOLD_RE = re.compile("bold|black|heavy|semibold|demi", re.IGNORECASE)
MAX_GARBLED_SHARE = 0.3
THIN = 2.0  # a filled rectangle thinner than this (points) is drawn as a rule


def read(data: bytes) -> Document:
    """A .pdf lecture's text, rebuilt and repaired (see the module docstring)."""
    with _caught_log() as log:
        try:
            pages, garbled, drawn, failed = _read_pages(data)
        except Exception as exc:  # pdfminer raises many kinds on damaged or locked files
            if "Password" in type(exc).__name__:
                raise UnreadableFile(str(msg.PDF_PASSWORD)) from exc
            raise UnreadableFile(f"{msg.PDF_UNPARSABLE} ({type(exc).__name__})") from exc
    if len(failed) == len(pages):
        raise UnreadableFile(str(msg.PDF_NO_PAGE))
    blank = [n for n, lines in enumerate(pages, 1) if not lines and n not in failed]
    if len(blank) + len(failed) == len(pages):
        raise UnreadableFile(str(msg.PDF_NO_TEXT))
    if drawn and garbled / drawn > MAX_GARBLED_SHARE:
        raise UnreadableFile(str(msg.PDF_GARBLED))
    warnings = []
    if log:
        warnings.append(msg.PDF_FAULTS.both(count=len(log)))
    if failed:
        warnings.append(msg.PDF_DAMAGED_PAGES.both(pages=_numbers(failed)))
    if blank:
        warnings.append(msg.PDF_BLANK_PAGES.both(pages=_numbers(blank)))
    flipped = sum(line.flipped for page in pages for line in page)
    if flipped:
        warnings.append(msg.PDF_FLIPPED.both(count=flipped))
    text = "\n".join(lecture_lines([line for page in notes_with_their_slides(pages) for line in page]))
    if arabic_share(text) < 0.5:
        warnings.append(str(msg.PDF_NOT_ARABIC))
    return checked(text, "pdf", tuple(warnings))


def _read_pages(data: bytes) -> tuple[list[list[Line]], int, int, list[int]]:
    """Each page's lines; how many glyphs had no Unicode text out of how many were drawn;
    the numbers of the pages pdfminer could not interpret (left empty, the others kept)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=None)  # raw glyphs: layout is ours
    interpreter = PDFPageInterpreter(resources, device)
    pages, garbled, drawn, failed = [], 0, 0, []
    for number, page in enumerate(PDFPage.get_pages(io.BytesIO(data), password=""), 1):
        try:
            interpreter.process_page(page)
        except Exception:  # a damaged content stream or font spoils its page, not the file
            failed.append(number)
            pages.append(([], [], (0.0, 0.0)))
            continue
        layout = device.get_result()
        glyphs, rules = _glyphs_and_rules(layout)
        drawn += len(glyphs)
        unmapped = [_GARBLED_RE.fullmatch(g.text) is not None for g in glyphs]
        garbled += sum(unmapped)
        # A glyph without Unicode text (a kashida stretching a justified word, a ligature
        # part) keeps its place as ink, so its gap is not read as a space; bullets from
        # symbol fonts keep their private-use code, which the layout knows.
        glyphs = [g._replace(text="") if bad and g.text not in BULLETS else g for g, bad in zip(glyphs, unmapped)]
        pages.append((glyphs, rules, (layout.x0, layout.x1)))
    backwards = drawn_backwards(glyphs for glyphs, _, _ in pages)
    lines = [page_lines(*page, number, backwards) for number, page in enumerate(pages, 1)]
    if left_rtl := left_lines_rtl(lines):  # read again: the lines that show nothing follow those that do
        lines = [page_lines(*page, number, backwards, left_rtl) for number, page in enumerate(pages, 1)]
    return lines, garbled, drawn, failed


def _glyphs_and_rules(layout) -> tuple[list[Glyph], list[Rule]]:
    from pdfminer.layout import LTChar, LTContainer, LTCurve

    glyphs, rules = [], []
    stack = [layout]
    while stack:
        for item in stack.pop():
            if isinstance(item, LTChar):
                # Rotated text (watermarks) is left out, and so are control, zero-width and
                # bidi characters: none may reach the terminal, and the layout orders the text.
                text = remove_invisible(item.get_text())
                if item.upright and text:
                    bold = bool(_BOLD_RE.search(item.fontname or ""))
                    glyphs.append(Glyph(text, item.x0, item.x1, item.y0, item.y1, item.size, bold))
            elif isinstance(item, LTCurve):
                rules.extend(_rules(item))
            elif isinstance(item, LTContainer):
                stack.append(item)
    return glyphs, rules


def _rules(shape) -> list[Rule]:
    """Table borders among the drawn shapes: stroked lines and rectangle edges, and filled
    rectangles thin enough to be lines."""
    x0, y0, x1, y1 = shape.bbox
    thin = x1 - x0 < THIN or y1 - y0 < THIN
    if thin and (shape.stroke or shape.fill):
        return [Rule(x0, y0, x1, y1)]
    if shape.stroke and len(getattr(shape, "pts", ())) in (4, 5):  # a stroked rectangle
        return [Rule(x0, y0, x0, y1), Rule(x1, y0, x1, y1), Rule(x0, y0, x1, y0), Rule(x0, y1, x1, y1)]
    return []


@contextmanager
def _caught_log() -> Iterator[list[logging.LogRecord]]:
    """pdfminer's warnings about damaged structure, kept from the terminal and collected."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("pdfminer")
    propagate, level = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.WARNING)  # pdfminer's debug records cost time even when unseen
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        logger.setLevel(level)


def _numbers(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:10])) + (" …" if len(numbers) > 10 else "")
