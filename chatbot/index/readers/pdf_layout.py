"""PDF page geometry back to lecture lines: what :mod:`chatbot.index.readers.pdf` builds its text from.

A PDF keeps no paragraphs, headings or reading order: only glyphs drawn at positions, in the
order the producer chose (LibreOffice, Word and PowerPoint draw Arabic right to left, glyph by
glyph, in *visual* order). The text is rebuilt from the geometry, one step per function:

1. glyphs whose centres share a height form a printed line (``rows``);
2. a line is cut where a table rule or a wide gap separates its glyphs (``pieces``); a piece
   boxed in by rules on four sides is a table cell;
3. each piece is read in logical order: its glyphs, left to right as drawn (a gap nobody drew
   a space into is a space, except inside a justified word), go through the Unicode bidi
   algorithm with the paragraph's direction as base (the side a list marker is drawn on, or
   else the side the page's lines are flush with) — the algorithm that turned the
   logical text into this visual order turns it back for the runs, numbers, parentheses and
   colons of a line («( السريةConfidentiality :)» → «السرية (Confidentiality):»). Some
   producers draw the letters left to right in reading order instead, so this reading comes
   out backwards («ةموكحلا»): its words are scored both ways — words start with «ال» and end
   with ة/ى/ات/ين/ون/ية, never start with ة/ى, and a shaped glyph starts a word in its initial
   or isolated form and ends it in its final or isolated one — and a line more plausible
   backwards is taken as drawn. Shaped glyphs (ﻣﻔﻬﻮﻡ, ﻻ) become letters by NFKC;
4. printed lines wrapped inside one paragraph are joined again: the previous line is full
   (its free space is narrower than the next line's first word, so that word had to wrap), the
   two share a font and the usual line pitch, and the next does not open a list item;
5. headings come from font size and weight: the body size is the size most text is set in;
   larger sizes, then bold lines of body size, are heading levels, largest first. A document
   title (the largest style, used once, first) is level 1 and does not push the others down,
   the way the Word reader renders a Title and a Heading 1;
6. page numbers and running headers and footers (small text repeated at a page's top or
   bottom) are left out.

Output follows the Word reader's conventions (``#`` headings, «- » and «1/ » items, table rows
with cells joined by « | » between blank lines), so the passage splitter needs no PDF rule.
"""

from __future__ import annotations

import bisect
import functools
import re
import statistics
import unicodedata
from collections import Counter
from itertools import groupby
from typing import Iterable, Iterator, NamedTuple, Sequence

from chatbot.index.readers.base import BULLETS, UNIT_MARK, table_lines

__all__ = [
    "BULLETS", "Glyph", "Rule", "Line", "drawn_backwards", "lecture_lines", "left_lines_rtl", "logical_text",
    "notes_with_their_slides", "page_lines",
]

_ARABIC = "\u0621-\u064a\ufb50-\ufdff\ufe70-\ufefc"  # letters and their presentation forms
_ARABIC_WORD_RE = re.compile(f"[{_ARABIC}][{_ARABIC}\u064b-\u0652]*")  # marks inside a word
_SUFFIXES = ("ة", "ى", "ات", "ين", "ون", "ية")
_RTL_CHAR_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_BULLET_RE = re.compile(f"^(?:[{BULLETS}]|-(?=\\s))\\s*")
_NUMBER_RE = re.compile(r"^(\d{1,3})\s*[.)]\s+")
# What opens a list item: a bullet, «1.», «1/», «(1)», «أ)», «ب/».
_ITEM_RE = re.compile(f"^(?:[{BULLETS}]|[-*]\\s|\\(?\\d{{1,3}}\\s*[./)\\-–]\\s|\\(?[أ-ي]\\s*[/)\\-–]\\s)")
_BRACKET_SPACE_RE = re.compile(r"([(\[{])\s+|\s+([)\]}])")
_LONE_MARKER_RE = re.compile(f"[{BULLETS}*\\-]|\\(?\\d{{1,3}}[./)\\-]?|[.)/\\-]?\\d{{1,3}}\\)?")
_SENTENCE_ENDS = (".", "،", "؛", "!", "?", "؟")
_STATEMENT_ENDS = (".", "،", "؛", "!")  # a heading may ask («ما هي شبكة الحاسوب؟»)
# A line opening with these ends a sentence: a wrapped paragraph's last fragment read in the
# wrong order («.)Tower» for «Tower).»), never a heading.
_SENTENCE_TAIL_STARTS = (".", "،", ",", "؛", ";", ":", ")", "]", "»")
# «)Nucleoid(»: a closing bracket, no bracket, then the opening one.
_CLOSED_FIRST_RE = re.compile(r"\)[^()]*\(")
# «)Antihypertensives(», «)reactions»: a Latin line whose end brackets were drawn mirrored.
_MIRRORED_ENDS_RE = re.compile(r"^[)\]}]|[(\[{]$")
_KASHIDA_MARKS = "_`"  # what a kashida's glyph may be mapped to besides letters and digits
_GLUED_PUNCTUATION_RE = re.compile(r"(?:^|\s)[،؛,;](?=\w)")  # «بعض ،TCP/IP»: read in the wrong direction
_PAGE_NUMBER_RE = re.compile(r"^[-–\s]*\d{1,4}[-–\s]*$")

# Geometry thresholds, in units of the font size (em), set on LibreOffice exports of Word and
# PowerPoint lectures (tests/fixtures/exported) and fpdf2 drawings (tests/fixtures/lecture_files).
SAME_ROW = 0.5  # glyph centres closer than this are one printed line (diacritics sit higher)
WORD_GAP = 0.15  # a gap wider than this between glyphs is a space the producer did not draw
COLUMN_GAP = 3.0  # a gap wider than this cuts a printed line into two pieces (columns)
WRAP_SLACK = 1.0  # a line is full when its free space is under the next first word plus this
PITCH_SLACK = 1.25  # lines of one paragraph are at most this times the usual pitch apart
# Text this much larger than the body is a heading (Word's Heading 3 is 12 points over 11) when
# it is short; from TITLE_SIZE on, however long (a title, a slide title).
HEADING_SIZE = 1.05
TITLE_SIZE = 1.3
MAX_HEADING_WORDS = 15  # a bold or larger line longer than this is emphasis, not a heading
ZERO_WIDTH = 0.05  # points: a glyph narrower than this has no width of its own
ZERO_WIDTH_LEAD = 0.25  # points: how far before its neighbour's start it may sit and be first
MAX_SLIDE_LINES = 60  # lines of a slide drawn on its notes page, at most
# A page with more line segments than this is a drawing or a chart, not a ruled table; its
# segments are ignored so the work per page stays proportional to its size.
MAX_RULES = 500
# A page set in two columns (Word's and LibreOffice's «columns» layout) has a gutter: a band
# down the middle half of the text area that most rows leave empty, with a full line of text
# on each side. Set on a LibreOffice export of a two-column Word lecture (1.25 cm gutter, about
# 3 em at 11 points) and checked against every other PDF of tests/ and the development sets,
# whose ruleless tables (short cells) and slides do not qualify.
MIN_GUTTER = 1.5  # em: the narrowest gutter
MIN_COLUMN_ROWS = 6  # rows split by the gutter, at least
MIN_SHOWN_LINES = 3  # left-aligned lines of a size showing they are right to left, for all to be read so
FULL_COLUMN = 0.7  # a column's line is full from this share of the column's width on


class Glyph(NamedTuple):
    """One drawn glyph in PDF coordinates (y grows upwards)."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    bold: bool


class Rule(NamedTuple):
    """A stroked line segment (table borders): x0 ≤ x1, y0 ≤ y1."""

    x0: float
    y0: float
    x1: float
    y1: float


class Line(NamedTuple):
    """A printed line, a piece of one, or a table cell's line, read in logical order."""

    text: str
    x0: float
    x1: float
    y: float  # baseline
    size: float
    bold: bool
    rtl: bool
    first_word: float  # width of the logical first word, for the wrap test
    free: float  # free space on the side where the line ends, to the text area's edge
    page: int
    cell: tuple[float, float, float, float] | None = None  # (left, right, top, bottom) rules
    row: bool = False  # several columns without rules, already joined with « | »
    flipped: bool = False  # letters were drawn left to right in reading order
    column: int = 0  # 0: across the page; 1, 2: the page's text column read first, second
    left_shows: int | None = None  # a left-aligned line's own direction: 1 right to left, -1 left to right, 0 unshown


# -- one page ------------------------------------------------------------------------------------


def drawn_backwards(pages: Iterable[Sequence[Glyph]]) -> bool:
    """Whether the producer drew Arabic letters left to right in reading order. A producer
    draws every line the same way, so the evidence of all the lecture's words is weighed
    together: one line of few words («أولا» reads as plausibly backwards) cannot tip it."""
    evidence = 0
    for glyphs in pages:
        for row in rows(glyphs):
            evidence += sum(_evidence(word) for word in _ARABIC_WORD_RE.findall(logical_text(row)[0]))
    return evidence < 0


def page_lines(
    glyphs: Sequence[Glyph], rules: Sequence[Rule], bounds: tuple[float, float], page: int, backwards: bool = False,
    left_rtl: frozenset[float] = frozenset(),
) -> list[Line]:
    """The page's printed lines and cells, top to bottom (``bounds``: the page's left and
    right edge; ``backwards``: see :func:`drawn_backwards`; ``left_rtl``: see
    :func:`left_lines_rtl`); columns of a row without rules joined in reading order."""
    if len(rules) > MAX_RULES:
        rules = []
    glyph_rows = rows(glyphs)
    printed = [[(piece, _cell(piece, rules)) for piece in _split(row, rules)] for row in glyph_rows]
    pieces = [piece for row in printed for piece in row]
    if not pieces:
        return []
    # A page number in a corner is no edge of the text.
    text = [p for p, c in pieces if c is None and not _PAGE_NUMBER_RE.match("".join(g.text for g in p))]
    area = _text_area(text or [p for p, _ in pieces], bounds)
    regions = {0: (area, _flush_side(text))}
    by_column = [(row, 0) for row in printed]
    gutter = _gutter([row for row, cells in zip(glyph_rows, printed) if all(c is None for _, c in cells)])
    if gutter is not None:
        by_column = _read_by_column(glyphs, glyph_rows, printed, rules, gutter)
        for column in (1, 2):
            if inside := [p for row, c in by_column if c == column for p, cell in row if cell is None]:
                regions[column] = (_edges(inside), _flush_side(inside, _edges(inside)))
    lines: list[Line] = []
    for row, column in by_column:
        column_area, flush = regions[column]
        plain = [(p, c) for p, c in row if c is None]
        if len(plain) > 1:  # columns without rules: one table row
            cells = [_line(p, column_area, flush, page, None, backwards, left_rtl) for p, _ in plain]
            rtl = sum(c.rtl for c in cells) * 2 >= len(cells)
            in_order = sorted(cells, key=lambda c: -c.x0 if rtl else c.x0)
            lines.append(cells[0]._replace(text=" | ".join(c.text for c in in_order if c.text), row=True))
        else:
            lines.extend(_line(p, column_area, flush, page, c, backwards, left_rtl)._replace(column=column) for p, c in plain)
        lines.extend(_line(p, column_area, flush, page, c, backwards, left_rtl) for p, c in row if c is not None)
    return _framed_slide(lines)


def _read_by_column(
    glyphs: Sequence[Glyph], glyph_rows: list[list[Glyph]], printed: list, rules: Sequence[Rule], gutter: float
) -> list[tuple[list, int]]:
    """A two-column page's rows as (pieces with their cells, column), in reading order; a
    ruled table's row across the gutter stays as drawn."""
    spanned = [any(c is not None and c[0] < gutter < c[1] for _, c in row) for row in printed]
    ordered = _in_column_order(glyph_rows, spanned, gutter, _right_column_first(glyphs, gutter))
    return [([(piece, _cell(piece, rules)) for piece in _split(row, rules)], column) for row, column in ordered]


def _gutter(glyph_rows: Sequence[list[Glyph]]) -> float | None:
    """Where a page set in two text columns divides (an x between them), or None when the page
    is not set in columns. It is sought where most rows have a gap at least :data:`MIN_GUTTER`
    wide, in the middle of the band most gaps cover (one sweep over the gaps: the work grows
    with the page); few rows may run across it (a title), and the rows it splits must hold lines
    filling their column on both sides, which a table drawn without rules (short cells) does not."""
    if len(glyph_rows) < MIN_COLUMN_ROWS:
        return None
    left, right = _edges(glyph_rows)
    middle = (left + (right - left) / 4, right - (right - left) / 4)
    events: list[tuple[float, int]] = []
    for row in glyph_rows:
        for a, b in zip(row, row[1:]):
            x0, x1 = max(a.x1, middle[0]), min(b.x0, middle[1])
            if b.x0 - a.x1 >= MIN_GUTTER * b.size and x0 < x1:
                events += [(x0, 1), (x1, -1)]
    events.sort()  # at one x, a gap's end (-1) before another's start
    em = statistics.median(row[0].size for row in glyph_rows)
    best, at, count = 0, 0.0, 0
    for (x, step), (after, _) in zip(events, events[1:]):
        count += step
        # A sliver where gaps of different widths barely overlap (a bullet hanging into the
        # gutter) is no gutter.
        if count > best and after - x >= MIN_GUTTER * em / 3:
            best, at = count, (x + after) / 2
    if best < MIN_COLUMN_ROWS:
        return None
    split = [row for row in glyph_rows if row[0].x0 < at < row[-1].x1 and not _across(row, at)]
    crossing = sum(row[0].x0 < at < row[-1].x1 for row in glyph_rows) - len(split)
    full_left = full_right = 0
    for row in split:
        on_left = [g for g in row if g.x1 <= at]
        on_right = [g for g in row if g.x0 >= at]
        full_left += on_left[-1].x1 - on_left[0].x0 >= FULL_COLUMN * (at - left)
        full_right += on_right[-1].x1 - on_right[0].x0 >= FULL_COLUMN * (right - at)
    return at if crossing * 2 <= len(split) and min(full_left, full_right) * 2 >= len(split) else None


def _across(row: list[Glyph], x: float) -> bool:
    """Whether a printed line runs across ``x`` (no gutter-wide gap there)."""
    for a, b in zip(row, row[1:]):
        if a.x1 <= x <= b.x0:
            return b.x0 - a.x1 < MIN_GUTTER * b.size
    return row[0].x0 < x < row[-1].x1  # a glyph covers x


def _right_column_first(glyphs: Sequence[Glyph], gutter: float) -> bool:
    """Whether the right column is read first. Word and LibreOffice draw a page's text in
    reading order, so the column drawn first comes first: the right one in a right-to-left
    section, the left one in a left-to-right section holding Arabic paragraphs. A producer
    that draws both columns line by line says nothing; Arabic is then read right first."""
    order = {True: [], False: []}
    for n, g in enumerate(glyphs):
        order[g.x0 + g.x1 > 2 * gutter].append(n)
    if order[True] and order[False]:
        right, left = statistics.mean(order[True]), statistics.mean(order[False])
        if abs(right - left) > len(glyphs) / 10:
            return right < left
    return _mostly_arabic(list(glyphs))


def _in_column_order(
    glyph_rows: Sequence[list[Glyph]], spanned: Sequence[bool], gutter: float, right_first: bool
) -> list[tuple[list[Glyph], int]]:
    """The page's rows in reading order with their column (0: across the gutter): between two
    rows that run across the gutter (a title; ``spanned``: a ruled table's row), the first
    column top to bottom, then the second."""
    out: list[tuple[list[Glyph], int]] = []
    sides: tuple[list[Glyph], list[Glyph]] = ([], [])

    def close() -> None:
        for column, glyphs in enumerate(sides, 1):
            out.extend((row, column) for row in rows(glyphs))
            glyphs.clear()

    for row, table in zip(glyph_rows, spanned):
        if table or _across(row, gutter):
            close()
            out.append((row, 0))
            continue
        for g in row:
            on_right = g.x0 + g.x1 > 2 * gutter
            sides[0 if on_right == right_first else 1].append(g)
    close()
    return out


def _framed_slide(lines: list[Line]) -> list[Line]:
    """One box on a page is no table: its lines are read as lines. A box above the rest of
    the page's text is a slide drawn on its notes page (PowerPoint's and LibreOffice's notes
    pages): its title and bullets, then the notes below, as one unit, as the pptx reader puts
    them."""
    boxes = {line.cell for line in lines if line.cell is not None}
    if len(boxes) != 1:
        return lines
    box = boxes.pop()
    inside = [line for line in lines if line.cell == box]
    if len(inside) < 2:
        return lines
    notes = any(line.cell is None and line.y < box[3] and not _PAGE_NUMBER_RE.match(line.text) for line in lines)
    return [(_unit_bullet(line) if notes else line)._replace(cell=None) if line.cell == box else line for line in lines]


def _text_area(pieces: list[list[Glyph]], bounds: tuple[float, float]) -> tuple[float, float]:
    """The left and right edge of the page's text. An edge two lines reach is the margin;
    otherwise margins are taken as symmetric, so the area spans both even when no line
    reaches one side (left-aligned Arabic, short right-aligned lines, a list number hanging
    in the margin)."""
    lefts = [p[0].x0 for p in pieces]
    rights = [p[-1].x1 for p in pieces]
    em = statistics.median(p[0].size for p in pieces)
    left, right = min(lefts), max(rights)
    mirror = bounds[0] + bounds[1]
    if sum(x < left + em for x in lefts) < 2:
        left = min(left, mirror - right)
    if sum(x > right - em for x in rights) < 2:
        right = max(right, mirror - left)
    return left, right


def rows(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into printed lines, top to bottom, each sorted left to right."""
    result: list[list[Glyph]] = []
    centre = size = 0.0
    for g in sorted(glyphs, key=lambda g: -(g.y0 + g.y1) / 2):
        c = (g.y0 + g.y1) / 2
        if result and abs(centre - c) < SAME_ROW * max(size, g.size):
            result[-1].append(g)
        else:
            result.append([g])
            centre, size = c, g.size
    return [_with_marks(_without_strays(sorted(row, key=_left_edge))) for row in result]


def _left_edge(g: Glyph) -> float:
    """Where a glyph starts, for the left-to-right order. A letter drawn with no width at the
    left edge of a ligature (the «أ» of «لأ», a tenth of a point right of the lam's start,
    LibreOffice) is drawn before it: it goes first."""
    return g.x0 - ZERO_WIDTH_LEAD if g.x1 - g.x0 < ZERO_WIDTH else g.x0


def _without_strays(row: list[Glyph]) -> list[Glyph]:
    """A kashida its font mapped to a wrong character: LibreOffice justifies Arabic lines by
    stretching words with kashidas, and some fonts give those glyphs the text «R», «_», «`» or
    «6» («الشخصRية», «الع_الم», «الع`لامات», «مراجع6ة»). A lone Latin letter, «_» or «`»
    touching an Arabic letter, or a lone digit between two, is kept as ink without text, so it
    neither shows nor splits the word's run. Real ones have neighbours of their kind
    («(Ring)», «132هـ») or a space before Arabic («فيتامين C»)."""
    def latin(g: Glyph) -> bool:
        return len(g.text) == 1 and g.text.isascii() and (g.text.isalnum() or g.text in _KASHIDA_MARKS)

    def touching(g: Glyph, n: Glyph) -> bool:
        return bool(_RTL_CHAR_RE.match(n.text)) and max(g.x0, n.x0) - min(g.x1, n.x1) < WORD_GAP * g.size

    for i, g in enumerate(row):
        neighbours = row[max(i - 1, 0):i] + row[i + 1:i + 2]
        if not latin(g) or any(latin(n) for n in neighbours):
            continue
        touches = sum(touching(g, n) for n in neighbours)
        if touches == 2 or (touches and not g.text.isdigit()):
            row[i] = g._replace(text="")
    return row


def _with_marks(row: list[Glyph]) -> list[Glyph]:
    """Combining marks drawn as glyphs of their own (tanween, shadda) joined to the letter
    they sit on, so that reordering cannot move them to a neighbour («ثانياً», not «ثانيًا»)."""
    bases = [g for g in row if not _is_mark(g)]
    if len(bases) == len(row) or not bases:
        return row
    texts = [g.text for g in bases]
    starts = [g.x0 for g in bases]
    for mark in (g for g in row if _is_mark(g)):
        centre = (mark.x0 + mark.x1) / 2
        i = max(bisect.bisect_right(starts, centre) - 1, 0)  # the last base starting left of it
        if i + 1 < len(bases) and bases[i].x1 < centre and bases[i + 1].x0 - centre < centre - bases[i].x1:
            i += 1
        texts[i] += mark.text
    return [g._replace(text=text) for g, text in zip(bases, texts)]


def _is_mark(g: Glyph) -> bool:
    return bool(g.text) and all(unicodedata.category(c) == "Mn" for c in g.text)


def _split(row: list[Glyph], rules: Sequence[Rule]) -> list[list[Glyph]]:
    """A printed line cut at vertical rules and at column-wide gaps; a list marker is kept
    with its text however wide the tab after it."""
    y = (row[0].y0 + row[0].y1) / 2
    cuts = [r.x0 for r in rules if r.x1 - r.x0 < 2 and r.y0 <= y <= r.y1]
    pieces = [[row[0]]]
    for prev, g in zip(row, row[1:]):
        ruled = any(prev.x1 - 1 <= x <= g.x0 + 1 for x in cuts)
        wide = g.x0 - prev.x1 > COLUMN_GAP * g.size
        if ruled or (wide and not _lone_marker(pieces[-1])):
            pieces.append([g])
        else:
            pieces[-1].append(g)
    pieces = [p for p in pieces if "".join(g.text for g in p).strip()]
    # A marker drawn at the right of a right-to-left line is the last piece, not the first.
    if len(pieces) > 1 and _lone_marker(pieces[-1]):
        if not any(pieces[-2][-1].x1 - 1 <= x <= pieces[-1][0].x0 + 1 for x in cuts):
            pieces[-2:] = [pieces[-2] + pieces[-1]]
    return pieces


def _lone_marker(piece: list[Glyph]) -> bool:
    return bool(_LONE_MARKER_RE.fullmatch("".join(g.text for g in piece).strip()))


def _cell(piece: list[Glyph], rules: Sequence[Rule]) -> tuple[float, float, float, float] | None:
    """The rules that box a piece in on all four sides (a table cell), or None."""
    x = (piece[0].x0 + piece[-1].x1) / 2
    y = (piece[0].y0 + piece[0].y1) / 2
    left = [r.x0 for r in rules if r.x1 - r.x0 < 2 and r.y0 <= y <= r.y1 and r.x0 <= piece[0].x0 + 1]
    right = [r.x0 for r in rules if r.x1 - r.x0 < 2 and r.y0 <= y <= r.y1 and r.x0 >= piece[-1].x1 - 1]
    below = [r.y0 for r in rules if r.y1 - r.y0 < 2 and r.x0 <= x <= r.x1 and r.y0 < y]
    above = [r.y0 for r in rules if r.y1 - r.y0 < 2 and r.x0 <= x <= r.x1 and r.y0 > y]
    if left and right and below and above:
        return round(max(left)), round(min(right)), round(min(above)), round(max(below))
    return None


def _edges(pieces: list[list[Glyph]]) -> tuple[float, float]:
    """The left and right edge of a text column, which one stray glyph (a bracket LibreOffice
    drew past the margin) does not move."""
    lefts = sorted(p[0].x0 for p in pieces)
    rights = sorted(p[-1].x1 for p in pieces)
    return lefts[min(1, len(lefts) - 1)], rights[max(-2, -len(rights))]


def _flush_side(pieces: list[list[Glyph]], edges: tuple[float, float] | None = None) -> str:
    """«right» when the page's lines line up on the right (Arabic text as usual), «left» when
    they line up on the left; ``edges``: the text's edges, if not its outermost glyphs."""
    if not pieces:
        return "right"
    lefts = [p[0].x0 for p in pieces]
    rights = [p[-1].x1 for p in pieces]
    left, right = edges or (min(lefts), max(rights))
    em = statistics.median(p[0].size for p in pieces)
    on_left = sum(abs(x - left) < em for x in lefts)
    on_right = sum(abs(right - x) < em for x in rights)
    return "right" if on_right >= on_left else "left"


def _line(piece: list[Glyph], area: tuple[float, float], flush: str, page: int, cell, backwards: bool,
          left_rtl: frozenset[float] = frozenset()) -> Line:
    bounds = (cell[0], cell[1]) if cell is not None else area
    sizes = Counter(round(g.size * 2) / 2 for g in piece if g.text.strip())
    size = sizes.most_common(1)[0][0] if sizes else piece[0].size
    by_side = not _centred(piece, bounds)
    text, rtl, shown = _read(piece, flush == "right" or size in left_rtl if by_side else _mostly_arabic(piece))
    flipped = backwards and bool(_RTL_CHAR_RE.search(text))
    if flipped:  # the producer drew the letters in reading order: take them as drawn
        text = _spaced(" ".join("".join(_visual(piece)).split()))
    text = unicodedata.normalize("NFKC", text)
    inked = [g for g in piece if g.text.strip()]
    bold = sum(g.bold for g in inked) >= 0.6 * len(inked)
    rtl = rtl and not flipped
    x0, x1 = piece[0].x0, piece[-1].x1
    if cell is not None:  # inside a cell the text area is the cell
        area = (cell[0], cell[1])
    free = x0 - area[0] if flush == "right" else area[1] - x1
    left_shows = shown if by_side and flush == "left" else None
    return Line(text, x0, x1, piece[0].y0, size, bold, rtl, _first_word(piece, rtl), free, page, cell,
                flipped=flipped, left_shows=left_shows)


def _centred(piece: list[Glyph], bounds: tuple[float, float]) -> bool:
    """A line standing clear of both edges, as far from each (a slide title): its side says
    nothing of its direction."""
    left, right, em = piece[0].x0 - bounds[0], bounds[1] - piece[-1].x1, piece[0].size
    return min(left, right) > em and abs(left - right) < 1.5 * em


def _mostly_arabic(piece: list[Glyph]) -> bool:
    letters = [g.text for g in piece if g.text.isalpha()]
    return sum(bool(_RTL_CHAR_RE.match(t)) for t in letters) * 2 > len(letters)


def _first_word(piece: list[Glyph], rtl: bool) -> float:
    """Width of the logical first word: the rightmost word of a right-to-left line."""
    draws_spaces = any(g.text == " " for g in piece)
    word: list[Glyph] = []
    for g in reversed(piece) if rtl else piece:
        if g.text.isspace():
            if word:
                break
        elif word and _space_between(*sorted((word[-1], g), key=lambda g: g.x0), draws_spaces):
            break
        else:
            word.append(g)
    return max(g.x1 for g in word) - min(g.x0 for g in word) if word else 0.0


def _space_between(left: Glyph, right: Glyph, draws_spaces: bool) -> bool:
    """Whether the gap between two neighbouring glyphs is a space nobody drew. A producer
    that draws its spaces (LibreOffice, Word) also stretches justified lines, between the
    letters of a word as well: there only a gap next to a digit or a sign (the tab after
    «1.») is a space."""
    if right.x0 - left.x1 <= WORD_GAP * right.size or left.text.isspace() or right.text.isspace():
        return False
    return not (draws_spaces and _inked_letter(left) and _inked_letter(right))


def _inked_letter(g: Glyph) -> bool:
    return g.text == "" or g.text[-1].isalpha()


def logical_text(piece: Sequence[Glyph], rtl: bool = True) -> tuple[str, bool]:
    """Glyphs drawn left to right, as text in logical (reading) order, and whether it was read
    as a right-to-left paragraph.

    The bidi algorithm needs the paragraph's direction. A line that opens a list item shows
    it: the marker comes first, so it sits on the right of a right-to-left line and on the
    left of a left-to-right one (:func:`_shown_direction`). Otherwise ``rtl`` decides, which
    the caller takes from the side the page's lines are flush with (Arabic paragraphs in Word
    are right-aligned; an Arabic line in a left-to-right paragraph is left-aligned) or from
    the lecture's other left-aligned lines (:func:`left_lines_rtl`)."""
    text, rtl, _ = _read(piece, rtl)
    return text, rtl


def _read(piece: Sequence[Glyph], rtl: bool) -> tuple[str, bool, int]:
    """:func:`logical_text`, and the direction the line shows by itself (see
    :func:`_shown_direction`; 0 for a line without Arabic)."""
    from bidi import get_display

    visual = " ".join("".join(_visual(piece)).split())
    if not _RTL_CHAR_RE.search(visual):
        # A Latin gloss wrapped onto a line of its own in a right-to-left paragraph («خافضات
        # الضغط» / «(Antihypertensives)») is laid out right to left too: its end brackets come
        # out mirrored («)Antihypertensives(») unless read with that base. No left-to-right
        # line opens with a closing bracket or ends with an opening one.
        if _MIRRORED_ENDS_RE.search(visual):
            visual = get_display(visual, base_dir="R")
        return _spaced(visual), False, 0
    right, left = (_spaced(get_display(visual, base_dir=base)) for base in "RL")
    if shown := _shown_direction(visual, right, left):
        rtl = shown > 0
    return (right if rtl else left), rtl, shown


def _shown_direction(visual: str, right: str, left: str) -> int:
    """1 when a line's two readings show it right to left, -1 left to right, 0 when they show
    nothing: a list marker drawn at one edge, else fewer signs of a wrong base (:func:`_misordered`)."""
    opens_right, opens_left = _opens_item(right, visual[-4:]), _opens_item(left, visual[:4])
    if opens_right != opens_left:
        return 1 if opens_right else -1
    misordered = _misordered(right) - _misordered(left)
    return (misordered < 0) - (misordered > 0)


def left_lines_rtl(pages: Iterable[Sequence[Line]]) -> frozenset[float]:
    """The font sizes whose left-aligned Arabic lines are right-to-left paragraphs: Word
    left-aligns those too, and a document sets the paragraphs of one style one way (its notes
    may be set the other way than its slides). At each size, the lines that show their direction
    (:attr:`Line.left_shows`) decide (:func:`_shows_rtl`)."""
    shown: dict[float, Counter[int | None]] = {}
    for page in pages:
        for line in page:
            shown.setdefault(line.size, Counter())[line.left_shows] += 1
    # A size with too few lines to show it (a heading's) follows the whole lecture, unless one
    # of its lines shows left to right.
    lecture = sum(shown.values(), Counter())
    return frozenset(size for size, votes in shown.items() if _shows_rtl(votes) or (_shows_rtl(lecture) and not votes[-1]))


def _shows_rtl(votes: Counter[int | None]) -> bool:
    """At least MIN_SHOWN_LINES lines show right to left, twice as many as left to right."""
    return votes[1] >= MIN_SHOWN_LINES and votes[1] >= 2 * votes[-1]


def _misordered(reading: str) -> int:
    """How many signs of a wrong base direction a reading shows: a line that opens with the
    punctuation that ends a sentence («.ATP الطاقة على شكل»), a bracket closed before it opens
    («)Nucleoid(السيتوبلازم»), a comma glued to the word after it («بعض ،TCP/IP و OSI»). A
    paragraph whose Arabic lines are aligned left (a document never
    set right to left) still has them laid out right to left: these signs say so when the side
    the lines are flush with does not."""
    return (int(reading[:1] in _SENTENCE_ENDS or reading[:1] == ":") + len(_CLOSED_FIRST_RE.findall(reading))
            + len(_GLUED_PUNCTUATION_RE.findall(reading)))


def _opens_item(reading: str, edge: str) -> bool:
    """Whether ``reading`` opens with a list marker drawn at the line's ``edge`` (a number
    inside the line, «(2FA)», is no marker)."""
    m = _ITEM_RE.match(reading)
    return bool(m) and m.group().strip()[0] in edge


def _visual(piece: Sequence[Glyph]) -> Iterator[str]:
    """The glyphs' text left to right, with the spaces the producer left as gaps."""
    draws_spaces = any(g.text == " " for g in piece)
    for prev, g in zip((None, *piece), piece):
        if prev is not None and _space_between(prev, g, draws_spaces):
            yield " "
        # A ligature glyph («لا») carries its letters in logical order; the reordering
        # reverses right-to-left runs, so its letters are reversed first to land right.
        yield g.text[::-1] if len(g.text) > 1 and _RTL_CHAR_RE.match(g.text) else g.text


def _spaced(text: str) -> str:
    """No space inside brackets: «( Cloud» → «(Cloud» (a wrapped line's end space lands there)."""
    return _BRACKET_SPACE_RE.sub(lambda m: m.group(1) or m.group(2), text).strip()


def _evidence(word: str) -> int:
    """Positive when ``word`` looks like Arabic in reading order, negative when reversed."""
    score = 0
    first, last = _form(word[0]), _form(word[-1])
    score += (first == "initial") - (first in ("final", "medial"))
    score += (last == "final") - (last in ("initial", "medial"))
    forward = unicodedata.normalize("NFKC", word)
    backward = unicodedata.normalize("NFKC", word[::-1])
    return score + _plausible(forward) - _plausible(backward)


@functools.lru_cache(maxsize=512)
def _form(char: str) -> str:
    """Positional form of an Arabic presentation-form character («initial», «final», …)."""
    decomposition = unicodedata.decomposition(char)
    return decomposition[1 : decomposition.index(">")] if decomposition.startswith("<") else ""


def _plausible(word: str) -> int:
    return (
        (len(word) > 3 and word.startswith("ال"))
        + word.endswith(_SUFFIXES)
        - word.startswith(("ة", "ى"))
        - (unicodedata.category(word[0]) == "Mn")  # a word never opens with a mark
    )


# -- the whole lecture ---------------------------------------------------------------------------


def notes_with_their_slides(pages: list[list[Line]]) -> list[list[Line]]:
    """Slides exported with their notes pages: a page that opens with an earlier page's text
    (the slide, drawn small above its speaker notes) gives its remaining lines, the notes, to
    that slide, and is left empty; so the notes follow their slide's title and bullets as one
    unit, as the pptx reader puts them. The two drawings are compared by their letters in any
    order: the small one wraps its lines and orders mixed runs its own way."""
    def letters(lines: Iterable[Line]) -> str:
        return "".join(c for line in lines if not _PAGE_NUMBER_RE.match(line.text) for c in line.text if c.isalnum())

    slides: dict[int, dict[str, int]] = {}  # letter count → sorted letters → first page
    for n, page in enumerate(pages):
        if key := letters(page):
            slides.setdefault(len(key), {}).setdefault("".join(sorted(key)), n)
    found: dict[int, tuple[int, list[Line]]] = {}  # notes page → its slide, its notes
    for n, page in enumerate(pages):
        shown = [line for line in page if not _PAGE_NUMBER_RE.match(line.text)]
        opening = ""
        for k, line in enumerate(shown[:MAX_SLIDE_LINES], 1):  # a slide is drawn at a page's top
            opening += letters([line])
            same_size = slides.get(len(opening))
            slide = same_size.get("".join(sorted(opening))) if same_size else None
            if slide is not None and slide < n and slide not in found:
                found[n] = (slide, shown[k:])
                break
    if not any(notes for _, notes in found.values()):
        return pages  # no notes pages: a page repeated is the lecture's own
    result = [list(page) for page in pages]
    for n, (slide, notes) in found.items():
        if notes:
            result[slide] = [_unit_bullet(line) for line in result[slide]] + notes
        result[n] = []  # a notes page without notes repeats its slide
    return result


def _unit_bullet(line: Line) -> Line:
    """A bullet line shown with the one-unit mark (base.UNIT_MARK), any other line as it is."""
    if not _BULLET_RE.match(line.text):
        return line
    return line._replace(text=UNIT_MARK + _BULLET_RE.sub("", line.text, count=1))


def lecture_lines(lines: Sequence[Line]) -> list[str]:
    """The lecture's text lines: paragraphs joined, headings marked, tables as rows."""
    lines = _without_furniture(lines)
    if not lines:
        return []
    body = _body_size(lines)
    levels = _heading_levels(lines, body)
    pitch = _usual_pitch(lines)
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.cell is not None or line.row:  # a table, between blank lines as in the Word reader
            j = i
            while j < len(lines) and lines[j].row == line.row and (lines[j].cell is None) == (line.cell is None):
                j += 1
            rows = _table(lines[i:j]) if line.cell is not None else _unruled(lines[i:j])
            out += ["", *rows, ""]
            i = j
            continue
        texts = [line.text]
        while i + 1 < len(lines) and _continues(lines[i], lines[i + 1], pitch):
            i += 1
            texts.append(lines[i].text)
        paragraph = _spaced(" ".join(texts))  # «(» ending a line, «Encryption)» the next
        level = 0 if _bulleted(paragraph) else levels.get((line.size, line.bold), 0)
        if line.size < body * TITLE_SIZE and not _heading_like(paragraph):
            level = 0  # a long bold or slightly larger paragraph is emphasis
        if line.size < body * HEADING_SIZE and _ITEM_RE.match(paragraph):
            level = 0  # a list item set in bold is still an item
        out.append(_render(paragraph, level))
        i += 1
    return out


def _bulleted(text: str) -> bool:
    """A bullet opens an item, never a heading, however large: slides shrink their text to
    fit, so one slide's bullets are larger than another's."""
    return text[:1] in BULLETS or text.startswith(UNIT_MARK)


def _heading_like(text: str) -> bool:
    """Short and not ended like a statement, nor opened like a sentence's tail: what a bold or
    slightly larger line must be to be a heading."""
    return (len(text.split()) <= MAX_HEADING_WORDS and not text.endswith(_STATEMENT_ENDS)
            and not text.startswith(_SENTENCE_TAIL_STARTS))


def _without_furniture(lines: Sequence[Line]) -> list[Line]:
    """Lines without page numbers and running headers or footers: a page's first or last
    line, no larger than the body text, repeated at the same height on half of the pages
    (two at least). Slide titles repeated on «continued» slides are larger: they stay."""
    lines = [line for line in lines if not _PAGE_NUMBER_RE.match(line.text)]
    if not lines:
        return []
    body = _body_size(lines)
    pages = len({line.page for line in lines})
    edges = {id(line) for _, group in groupby(lines, key=lambda l: l.page) for line in _ends(list(group))}
    seen = Counter(
        (line.text, round(line.y)) for line in lines if id(line) in edges and line.size <= body and line.cell is None
    )
    repeated = {key for key, n in seen.items() if n >= max(2, pages / 2)}
    return [line for line in lines if id(line) not in edges or (line.text, round(line.y)) not in repeated]


def _ends(page: list[Line]) -> list[Line]:
    """A page's top and bottom lines (where headers and footers are)."""
    return [max(page, key=lambda l: l.y), min(page, key=lambda l: l.y)]


def _body_size(lines: Sequence[Line]) -> float:
    """The size most of the lecture's letters are set in."""
    weight: Counter[float] = Counter()
    for line in lines:
        weight[line.size] += len(line.text)
    return weight.most_common(1)[0][0]


def _heading_levels(lines: Sequence[Line], body: float) -> dict[tuple[float, bool], int]:
    """Heading level of each (size, bold) style that marks headings."""
    body_bold = sum(len(l.text) for l in lines if l.size == body and l.bold) > 0.5 * sum(
        len(l.text) for l in lines if l.size == body
    )
    styles: Counter[tuple[float, bool]] = Counter()  # headings per style (a wrapped one once)
    previous = None
    for line in lines:
        if line.cell is not None or line.row or _bulleted(line.text):
            continue
        style = (line.size, line.bold)
        larger = line.size >= body * HEADING_SIZE and (line.size >= body * TITLE_SIZE or _heading_like(line.text))
        emphasised = (
            line.size >= body and line.bold and not body_bold and _heading_like(line.text)
            and not _ITEM_RE.match(line.text)
        )
        if (larger or emphasised) and style != previous:
            styles[style] += 1
        previous = style
    ranked = sorted(styles, key=lambda s: (-s[0], not s[1]))
    levels = {}
    # A title: the largest style, used once, before any other heading.
    first = next(iter(styles), None)  # styles are counted in reading order
    title = ranked and styles[ranked[0]] == 1 and first == ranked[0]
    if title and len(ranked) > 1:
        levels[ranked.pop(0)] = 1
    for n, style in enumerate(ranked, 1):
        levels[style] = min(n, 6)
    return levels


def _usual_pitch(lines: Sequence[Line]) -> dict[float, float]:
    """The most common distance between consecutive baselines, per font size."""
    steps: dict[float, list[float]] = {}
    for a, b in zip(lines, lines[1:]):
        if a.page == b.page and a.size == b.size and a.cell is None and b.cell is None and a.y > b.y:
            steps.setdefault(a.size, []).append(round(a.y - b.y, 1))
    return {size: Counter(s).most_common(1)[0][0] for size, s in steps.items()}


def _continues(prev: Line, line: Line, pitch: dict[float, float]) -> bool:
    """Whether ``line`` is ``prev``'s paragraph wrapped onto the next printed line."""
    if line.cell is not None or line.row or prev.size != line.size or prev.bold != line.bold:
        return False
    if _ITEM_RE.match(line.text) or _bulleted(line.text) or _PAGE_NUMBER_RE.match(line.text):
        return False
    # From the foot of the page's first text column to the head of the second, as over a page
    # break, the paragraph goes on wherever the line stands.
    next_column = (prev.column, line.column) == (1, 2)
    if line.page == prev.page and not next_column:
        step = prev.y - line.y
        if step <= 0 or step > PITCH_SLACK * pitch.get(line.size, 1.2 * line.size) + 0.5:
            return False
    elif line.page not in (prev.page, prev.page + 1):
        return False
    return prev.free < line.first_word + WRAP_SLACK * line.size


def _render(text: str, level: int) -> str:
    """A paragraph in the reader's conventions: «# » heading, «- » bullet, «1/ » number."""
    if level:
        return "#" * level + " " + text
    if m := _NUMBER_RE.match(text):
        return f"{m.group(1)}/ {text[m.end():]}"
    if _BULLET_RE.match(text):
        return "- " + _BULLET_RE.sub("", text, count=1)
    return text


def _table(cells: Sequence[Line]) -> list[str]:
    """Table rows from cell lines: each cell's lines joined, cells in reading order. A row
    that a page break cut in two is put back together: the part on the next page has nothing
    in the row's first column, which a new row would."""
    rows: dict[tuple[int, float, float], dict[tuple[float, float], list[str]]] = {}
    for line in cells:
        left, right, top, bottom = line.cell
        rows.setdefault((line.page, top, bottom), {}).setdefault((left, right), []).append(line.text)
    # A right-to-left table aligns its cells' text on the right: its first column is there.
    rtl = sum(line.cell[1] - line.x1 <= line.x0 - line.cell[0] for line in cells) * 2 >= len(cells)
    out: list[dict[tuple[float, float], list[str]]] = []
    page = None
    for (row_page, _, _), columns in rows.items():
        if out and row_page != page and _overlapping(columns, _first(out[-1], rtl)) is None:
            for column, texts in columns.items():
                out[-1].setdefault(_overlapping(out[-1], column) or column, []).extend(texts)
        else:
            out.append(columns)
        page = row_page
    ordered = [sorted(row, key=lambda c: -c[0] if rtl else c[0]) for row in out]
    rows_text = [[_spaced(" ".join(row[c])) for c in columns] for row, columns in zip(out, ordered)]
    return [mark + text for mark, text in table_lines(rows_text)]  # as the Word reader writes tables


def _unruled(rows: Sequence[Line]) -> list[str]:
    """Rows of a table drawn without rules (their cells already joined by « | »), written as the
    Word reader writes tables."""
    return [mark + text for mark, text in table_lines([row.text.split(" | ") for row in rows])]


def _first(columns: dict[tuple[float, float], list[str]], rtl: bool) -> tuple[float, float]:
    """The column read first in a row (the rightmost in a right-to-left table)."""
    return max(columns) if rtl else min(columns)


Column = tuple[float, float]  # a table column's left and right rule


def _overlapping(columns: dict[Column, list[str]], column: Column) -> Column | None:
    """The column of ``columns`` that covers the middle of ``column``, if any."""
    middle = (column[0] + column[1]) / 2
    return next((c for c in columns if c[0] <= middle <= c[1]), None)
