"""Structure-aware passages: a lecture becomes a tree of headings and items.

Lecture notes are written with a visible structure: ordinal top headings (اولا، ثانيا),
markdown ``#`` headings, numbered headings («2/ …»), short unnumbered heading lines followed by
a list, lettered items (أ/ ب/ ج/) and numbered items («1/ …»), some followed by a paragraph of
explanation. Passages are indexed at two levels so a list question gets the whole section and
a question about one item gets just that item:

* ``section`` — a heading with its own text and items (not its sub-sections);
* ``item`` — one list item with its explanation;
* ``paragraph`` — text that belongs to no list (a file with no headings is all paragraphs).

Each passage keeps its source, its first and last line (1-based) and its heading path.

Splitting is linear in the number of lines: each line is classified once, the next non-blank
line is found by one backward pass, and every line enters one section body. A hostile file
therefore costs time in proportion to its size; what is too large for any lecture is refused
by the limits below (and by those of :mod:`chatbot.index.readers`), with the file named.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import NamedTuple, Sequence

from chatbot.index.readers.base import BULLETS, UnreadableFile
from chatbot.messages import PASSAGE_TOO_LONG

__all__ = ["Level", "Passage", "split_passages", "strip_marker", "heading_topic", "outline", "whole_span", "is_formula",
           "is_table_row", "MAX_ANSWER_CHARS", "MAX_ASPECT_WORDS", "MAX_NESTED_SECTIONS", "MAX_PASSAGE_CHARS"]

# A paragraph longer than this is cut at line boundaries: BM25 favours short passages and a
# student wants the part that answers.
MAX_PASSAGE_WORDS = 220
# A heading is short; a longer line is text even when a list follows it.
MAX_HEADING_WORDS = 12
# A heading of at most this many content words («العيوب:», «التصنيف:», «أنواعها») names an aspect
# of the heading above it. Measured on the 18 dev sets (benchmarks/quality.py): right@1 1,320 →
# 1,326 of 1,601 (words only 1,275 → 1,282); with 1 word, 1,325; every section, 1,327 but the
# bundled lecture lost four definitions (its topic words in every section lowered their IDF).
MAX_ASPECT_WORDS = 2
# A section or item longer than this (about four pages; the longest in the question sets' lectures
# has about 200 words) keeps its opening, and the rest of its text becomes paragraphs.
MAX_TITLED_WORDS = 4 * MAX_PASSAGE_WORDS
# How many levels of a nested list become sections over their sub-items (_Builder._item). The
# development lectures nest three deep at most (h58's criminology notes).
MAX_NESTED_SECTIONS = 3
# The longest passage a student is given as an answer (the evaluation's rule too): longer, it is
# a chapter, not an answer. A section longer than this is cut as one over MAX_TITLED_WORDS is:
# a heading over five paragraphs of one line each (h19's al-Andalus lecture, 2,793 characters)
# made one passage no answer could be given from.
MAX_ANSWER_CHARS = 2000
# Paragraphs are cut at line ends, so only a single line can make a passage longer than this
# (about 80 printed pages without a line break): no lecture has one, and the file is refused.
MAX_PASSAGE_CHARS = 200_000


class Level(StrEnum):
    """What a passage is in its lecture's tree (the value is stored in the index's JSON)."""

    SECTION = "section"
    """A heading with its own text and the lines of its items, not its sub-sections."""
    ITEM = "item"
    """One list item with its explanation; ``parent`` is its section."""
    PARAGRAPH = "paragraph"
    """Text under no list: a file with no headings is all paragraphs."""


class Passage(NamedTuple):
    """One retrievable unit of a lecture, as it stands in its file."""

    source: str
    section: tuple[str, ...]
    first: int
    last: int
    text: str
    level: Level
    heading: str  # the passage's own title line (heading or item line), "" for paragraphs
    parent: int  # index of the enclosing section passage, -1 when there is none


_ORDINALS = (
    "اولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا"
    "|حادي عشر|ثاني عشر|ثالث عشر|رابع عشر|خامس عشر"
)
_ORDINAL_RE = re.compile(rf"^(?:{_ORDINALS})(?:\s*[:：\-–/.)]\s*|\s+|(?=\w{{3}}))")
# «I- مفهوم السياحة», «IV. الفندقة»: Roman numerals number the parts of a lecture written in the
# French manner (the Maghreb), as «أولاً» and «ثانياً» do elsewhere.
_ROMAN_RE = re.compile(r"^(?:XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\s*[-–.)]\s*(?=[^\W\d_])")
# «المحور الأول: …», «الفصل الثاني», «الوحدة 3 -», «الفرع الرابع: …»: a unit of the course named by
# its rank.
_UNIT_RE = re.compile(
    r"^(?:المحور|الفصل|الوحد[ةه]|المبحث|الباب|الدرس|الجزء|القسم|المطلب|الفرع|الموضوع|المحاضر[ةه])\s+"
    r"(?:الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|الاخير|\d{1,2})"
    r"[ةه]?(?:\s*[:：\-–/.)]\s*|\s+|$)"
)
# The divisions of an Arabic book or thesis, largest first: «المبحث الأول» holds «المطلب الأول»,
# which holds «الفرع الأول». The other units (lecture, lesson, axis) have no fixed order.
_UNIT_RANKS = ("الباب", "الفصل", "المبحث", "المطلب", "الفرع")
# «س١: ما المقصود بـ…؟», «سؤال 3 -», «س: …»: a review sheet's question, heading its «ج: …» answer.
_SHEET_QUESTION_RE = re.compile(r"^(?:س|سوال|سؤال)\s*[0-9٠-٩]{0,3}\s*[:：/)\-–.]")
# «… ؟ ج: …»: the answer on the question's own line; the line is a point, not a heading.
_SHEET_ANSWER_RE = re.compile(r"[?؟.]\s*ج\s*[0-9٠-٩]{0,3}\s*[:：/)\-–]")
MAX_SHEET_QUESTION_WORDS = 30
# Notes typed in a plain editor often leave out the space («##المضادات الحيوية»); a single «#»
# glued to a word is a hashtag («#الصحة»), not a heading.
_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+\S|^(#{2,6})(?=[^\W\d_])")
# A heading set apart by marks on both sides, as notes typed without styles write one: brackets
# («[[ مقدمة ]]», «【 التحيز 】», «<< الصرف >>») or a run of one mark, spaced from the text
# («== قانون نيوتن ==», «-- الأصوات --», «** البناء الضوئي **», «⭐ المبيدات ⭐»; Markdown's
# «**bold**» is emphasis).
_FRAMES = {"[": "]", "[[": "]]", "【": "】", "〖": "〗", "《": "》", "〔": "〕", "((": "))", "<<": ">>", "{": "}"}
_FRAMED_RE = re.compile(
    r"^(?:(?P<open>\[\[?|【|〖|《|〔|\(\(|<<|\{)\s*(?P<inside>.*?)\s*(?P<close>\]\]?|】|〗|》|〕|\)\)|>>|\})"
    r"|(?P<run>(?:[⭐🌟✨]\ufe0f?)+|(?P<mark>[=\-*~★☆◆◇❖■□])(?P=mark)+)\s+(?P<text>.*?)\s+(?P=run))$"
)
_UNDERLINE_RE = re.compile(r"^\s*(={3,}|-{3,}|~{3,}|_{3,}|\*{3,}|[═━]{3,}|─{3,})\s*$")
_DOUBLE_RULES = "=═━"  # an underline of these marks a heading of level 1, of the others level 2
_COLUMNS_RE = re.compile(r"\S {3,}\S")  # words set apart in columns by runs of spaces
_LETTER_RE = re.compile(r"[^\W\d_]")
# «1/ …», «2) …», «(3) …», and chat notes' keycap digits «4️⃣ …».
_NUMBERED_RE = re.compile(r"^\(?(\d{1,3})\s*[/.)\-–]\s*|^\((\d{1,3})\)\s*|^(\d)\ufe0f?\u20e3\s*")
_LETTERED_RE = re.compile(r"^\(?(هـ|[أابجدهوزحطيكلمنسعفصقرشتثخذضظغ])\s*[/)\-–]\s*")
# A bullet, or an arrow students type for one («-> النبض», «=> …», «→ …»). «>>» is left out:
# notes use it as often for a heading («>> طاقة الحركة» over «-» items, h18) as for an item.
# Word's bullets pasted as plain text are letters of their symbol fonts: «o» (Courier, a
# second-level bullet; no word of a lecture is «o»), and before Arabic text «§», «Ø», «ü», «v»
# (Wingdings).
_BULLET_RE = re.compile(
    rf"^(?:(?:--|[-*+{BULLETS}])\s+|(?:-{{1,2}}>|={{1,2}}>|[→⇐⇒])\s*|o\s+|[vØü§]\s+(?=[\u0600-\u06ff]))")
_LATIN_GLOSS_RE = re.compile(r"\(\s*[A-Za-z]")
# Something equated to something: «W = ½ × C × V²», «حقوق الملكية = الأصول - الخصوم».
_FORMULA_RE = re.compile(r"[\w)\]²³]\s*=\s*[\w(\[√½-]")
_HEADING_END_PUNCT = (".", "..", "،", "؛")
# Readers join a table's cells with this; a header row over the rows' items heads them.
_CELL_SEPARATOR = " | "


def is_formula(line: str) -> bool:
    """A line equating something to something: a formula, never a heading, and the answer to
    the line introducing it."""
    return bool(_FORMULA_RE.search(line))


def _clean(line: str) -> str:
    """A line as the structure detector sees it: trimmed, in bare letters («أولاً:» → «اولا:»)."""
    return _bare(line.strip())


def _bare(text: str) -> str:
    """:func:`chatbot.text.arabic.bare_letters`, imported on first use: that module loads
    camel-tools (most of a second), and the chat imports this module before its first frame."""
    from chatbot.text.arabic import bare_letters

    return bare_letters(text)


class LineKind(StrEnum):
    """What a line of a lecture is to the structure detector: :func:`_classify` tells each line
    by its look, then :func:`_resolve_kinds` decides by its neighbours which are headings."""

    BLANK = "blank"
    TEXT = "text"
    HEADING = "heading"
    """A markdown ``#`` heading; its ``value`` is the number of ``#``."""
    ORDINAL = "ordinal"
    """A short line opened by an ordinal or a course unit: «ثانيا: …», «المحور الأول: …»."""
    TITLE = "title"
    """The lecture's title: a short first line over a heading or a numbered line."""
    SUBHEADING = "subheading"
    """A numbered, starred or short plain line that heads a list or a paragraph."""
    NUMBERED = "numbered"
    """«1/ …», «(2) …»; its ``value`` is the number."""
    LETTERED = "lettered"
    """«أ/ …», «هـ) …»."""
    BULLET = "bullet"
    """«- …», «* …», «• …»."""


class _Line(NamedTuple):
    number: int  # 1-based line number in the file
    raw: str
    kind: LineKind
    value: int  # heading level for md headings, number for numbered lines


_HEADING_KINDS = (LineKind.TITLE, LineKind.HEADING, LineKind.ORDINAL, LineKind.SUBHEADING)
_LIST_KINDS = (LineKind.NUMBERED, LineKind.LETTERED, LineKind.BULLET)


def _classify(number: int, raw: str) -> _Line:
    line = _clean(raw)
    if not line:
        return _Line(number, raw, LineKind.BLANK, 0)
    if m := _MD_HEADING_RE.match(line):
        return _Line(number, raw, LineKind.HEADING, len(m.group(1) or m.group(2)))
    if _framed(line) is not None:
        return _Line(number, raw, LineKind.HEADING, 2)  # under a «#» title, if the file has one
    if (_ORDINAL_RE.match(line) or _UNIT_RE.match(line) or _ROMAN_RE.match(line)) and _is_heading_like(line):
        return _Line(number, raw, LineKind.ORDINAL, 1)
    if _SHEET_QUESTION_RE.match(line) and len(line.split()) <= MAX_SHEET_QUESTION_WORDS \
            and not _SHEET_ANSWER_RE.search(line):
        return _Line(number, raw, LineKind.SUBHEADING, 0)
    if m := _NUMBERED_RE.match(line):
        return _Line(number, raw, LineKind.NUMBERED, int(m.group(1) or m.group(2) or m.group(3)))
    if _LETTERED_RE.match(line):
        return _Line(number, raw, LineKind.LETTERED, 0)
    if _BULLET_RE.match(line):
        return _Line(number, raw, LineKind.BULLET, 0)
    return _Line(number, raw, LineKind.TEXT, 0)


def _framed(line: str) -> str | None:
    """The text of a framed heading line (see ``_FRAMED_RE``), None for any other line."""
    m = _FRAMED_RE.match(line.strip())
    if m is None or (m["open"] and _FRAMES[m["open"]] != m["close"]):
        return None
    text = m["inside"] if m["open"] else m["text"]
    return text if _LETTER_RE.search(text) and _is_heading_like(text) else None


def _underlined(lines: list[_Line]) -> list[_Line]:
    """A short line standing alone and underlined with «=====», «-----», «~~~~~», «_____»,
    «*****» or a box-drawing rule («━━━━━») is a heading (of level 1, or 2 as in Markdown and
    reStructuredText), and its underline a blank line: notes typed in a plain editor mark
    headings so. Under a block of lines (a summary's opening «المادة: … / المحاضر: …»), the
    rule closes the block: it heads nothing; nor does it head a row set in columns (an
    account's «صافي الربح      17,000» or «(22,000)» over its sum rule)."""
    out = list(lines)
    for i in range(1, len(out)):
        m = _UNDERLINE_RE.match(out[i].raw)
        above = out[i - 1]
        alone = i == 1 or out[i - 2].kind == LineKind.BLANK
        if m and alone and above.kind in (LineKind.TEXT, LineKind.NUMBERED, LineKind.ORDINAL) and _is_heading_like(
                _clean(above.raw)) and _is_label(above.raw):
            out[i - 1] = above._replace(kind=LineKind.HEADING, value=1 if m.group(1)[0] in _DOUBLE_RULES else 2)
            out[i] = out[i]._replace(kind=LineKind.BLANK, raw="")
        elif m and (above.kind == LineKind.BLANK or not alone):
            out[i] = out[i]._replace(kind=LineKind.BLANK, raw="")  # a rule between parts, not text
    return out


def _is_label(line: str) -> bool:
    """Words, not a figure («(22,000)») or a row set in columns by runs of spaces."""
    return bool(_LETTER_RE.search(line)) and not _COLUMNS_RE.search(line.strip())


def _is_heading_like(line: str) -> bool:
    return len(line.split()) <= MAX_HEADING_WORDS and not line.rstrip().endswith(_HEADING_END_PUNCT)


def _plain(line: _Line) -> bool:
    """A line with no bullet, number or table cell: one that introduces («…:») rather than lists."""
    clean = _clean(line.raw)
    return not (_BULLET_RE.match(clean) or _NUMBERED_RE.match(clean) or _CELL_SEPARATOR in line.raw)


def _introduces(line: _Line) -> bool:
    """A plain line ending in a colon («العوامل المؤثرة على الامتصاص:»): it introduces what
    follows it."""
    return _plain(line) and _ends_with_colon(line.raw)


def _unit_rank(line: _Line | None) -> int | None:
    """Where a division heading («المبحث الثاني: …») stands in _UNIT_RANKS; None for any other line."""
    if line is None or line.kind != LineKind.ORDINAL or not _UNIT_RE.match(clean := _clean(line.raw)):
        return None
    return next((rank for rank, unit in enumerate(_UNIT_RANKS) if clean.startswith(unit)), None)


def _names_aspect(line: _Line) -> bool:
    """A plain colon heading of at most MAX_ASPECT_WORDS words: an aspect of a topic
    («خصائصها::», «العيوب:»), not a topic of its own. A term glossed in Latin letters
    («النبض (Pulse) :-» after «درجة الحرارة (Temperature) ::») is a topic: aspects are common
    words a lecture does not gloss."""
    return line.kind == LineKind.SUBHEADING and _introduces(line) and len(
        strip_marker(line.raw).strip(" :：-–").split()) <= MAX_ASPECT_WORDS and not _LATIN_GLOSS_RE.search(line.raw)


def _holds_aspects(node: _Node) -> bool:
    """A colon heading that is a topic, not an aspect: aspect headings under it are its own."""
    return node.line is not None and _introduces(node.line) and node.line.kind == LineKind.SUBHEADING \
        and not _names_aspect(node.line)


def _mark(line: _Line) -> str:
    """A bulleted line's mark as typed («-», «--», «+», «•», «=>»), "" for any other line."""
    m = _BULLET_RE.match(_clean(line.raw))
    return m.group().strip() if m else ""


def _bullet_mark(line: _Line | None) -> str:
    """The mark of a starred or dashed heading line («*», «-», …), "" for any other line."""
    if line is None or line.kind != LineKind.SUBHEADING:
        return ""
    return _mark(line)


def _continues_list(open_bullets: list[_Line], line: _Line) -> bool:
    """Whether a bullet follows an item of its own list: one with its mark and indent, above it
    in the same run of bullet lines, past deeper items only (a nested list's sub-items).
    ``open_bullets`` are the run's bullets not yet closed by a shallower one (see _opened)."""
    for above in reversed(open_bullets):
        if _indent(above) < _indent(line):
            return False
        if _indent(above) == _indent(line):
            return _mark(above) == _mark(line)
    return False


def _opened(open_bullets: list[_Line], previous: _Line | None, line: _Line) -> list[_Line]:
    """The run's open bullets once ``line`` is read: it closes those at its depth or deeper, so
    each bullet is looked at a bounded number of times however the run is indented."""
    if line.kind != LineKind.BULLET:
        return []
    if previous is None or previous.kind != LineKind.BULLET or previous.number != line.number - 1:
        open_bullets = []
    while open_bullets and _indent(open_bullets[-1]) >= _indent(line):
        open_bullets.pop()
    open_bullets.append(line)
    return open_bullets


def _next_contents(lines: list[_Line]) -> list[_Line | None]:
    """For each line, the first non-blank line after it (None at the end): one backward pass,
    so a file of blank lines costs no more than its length."""
    following: list[_Line | None] = [None] * len(lines)
    nxt = None
    for i in range(len(lines) - 1, -1, -1):
        following[i] = nxt
        if lines[i].kind != LineKind.BLANK:
            nxt = lines[i]
    return following


def _ends_with_colon(line: str) -> bool:
    """«…:», and as students write it «…:-» or «…::», or in bold «**الأدوات:**»."""
    return line.rstrip().rstrip("*_").rstrip().rstrip("-–").endswith((":", "："))


def _resolve_kinds(lines: list[_Line]) -> list[_Line]:
    """Decide which numbered, bulleted and text lines are headings.

    A numbered line is a heading when a lettered list or a list restarting at 1 follows it, or
    when it does not continue the numbered list in progress; otherwise it is an item. A short
    text line followed directly by a list is a heading («مراحل الحكومة الالكترونيه»), unless it
    directly follows a heading (then it introduces that heading's list); so is a short line
    ending in a colon with a list after it across blank lines, and a line of table cells over
    the table's rows. So are a short first line followed by a heading (the lecture's title),
    and a short line standing after a blank line over a paragraph longer than a heading
    («مقدمة» above its text, directly or after a blank line: a paragraph lecture writes each
    heading as a block of its own), or opening a block with a colon («القدرة الكهربائية::»,
    «قانون أوم:-» over its first line of text).

    A short starred or dashed line ending in a colon («* تعريف الشبكات :», «- انواع الشبكات:»)
    is a heading when a list follows it, and, in a lecture with no other headings, when text
    follows it; under a real heading it stays an item with its explanation, as in a list of
    «- المزايا:» items each explained on the next line.
    """
    resolved: list[_Line] = []
    open_bullets: list[_Line] = []  # the bullets of the run of bullet lines above, by depth
    last_item = 0  # number of the last numbered item in the list in progress
    headed = False  # a markdown, ordinal or title heading has been seen
    marked: tuple[_Line, _Line] | None = None  # the last bulleted heading (and its first point)
    for line, nxt in zip(lines, _next_contents(lines)):
        kind = line.kind
        after_nxt = lines[nxt.number] if nxt is not None and nxt.number < len(lines) else None
        list_follows = nxt is not None and nxt.kind in _LIST_KINDS
        if kind == LineKind.NUMBERED:
            opens_list = nxt is not None and (
                nxt.kind == LineKind.LETTERED or (nxt.kind == LineKind.NUMBERED and nxt.value == 1 and line.value != 0)
            )
            continues = line.value == last_item + 1
            # A table row opening with a figure («25 - 29.9 | زيادة في الوزن») is a row, not a heading.
            heading_like = _is_heading_like(strip_marker(line.raw)) and _CELL_SEPARATOR not in line.raw
            if heading_like and (opens_list or not continues):
                kind = LineKind.SUBHEADING
                last_item = 0
            else:
                last_item = line.value
        elif kind in (LineKind.ORDINAL, LineKind.HEADING):
            last_item = 0
            headed = True
            marked = None
        elif kind == LineKind.SUBHEADING:  # a review sheet's question: a list under it starts anew
            last_item = 0
        elif kind == LineKind.BULLET and nxt is not None and nxt.kind not in _HEADING_KINDS:
            label = strip_marker(line.raw)
            # An item of a list in progress with its own sub-list («- التداخل: …، وله نوعان:» over
            # «  - …», after «- التلاشي: …» and its own sub-items), not a heading cutting the list short.
            in_list = _continues_list(open_bullets, line)
            sub_items = in_list and list_follows and _indent(nxt) > _indent(line)
            # «• الترويب والتلبيد» over «=> …» items: a bullet standing after a blank line over a
            # list of another mark heads it (notes whose bullets are the topics, arrows the points);
            # so does, without a blank line, the next bullet of a heading's mark («+ حساسية
            # البنسلين» over «-- …», after «+ تصنيف المضادات:» and its «--» points).
            sibling = marked is not None and _mark(marked[0]) == _mark(line) and _indent(marked[0]) == _indent(line) \
                and _mark(marked[1]) == _mark(nxt)
            opens_other_list = (
                (not resolved or resolved[-1].kind == LineKind.BLANK or sibling) and list_follows
                and nxt.kind == LineKind.BULLET and nxt.number == line.number + 1
                and _indent(nxt) == _indent(line) and _mark(nxt) != _mark(line)
            )
            if ((_ends_with_colon(label) and (list_follows or not headed)) or opens_other_list) \
                    and _is_heading_like(_clean(label)) and not sub_items:
                kind = LineKind.SUBHEADING
                last_item = 0
                marked = (line, nxt)
        elif kind == LineKind.TEXT and nxt is not None:
            short = _is_heading_like(_clean(line.raw)) and not is_formula(line.raw)
            adjacent = nxt.number == line.number + 1
            after_heading = bool(resolved) and resolved[-1].kind in _HEADING_KINDS and (
                resolved[-1].number == line.number - 1
            )
            heads_list = list_follows and (adjacent or _ends_with_colon(line.raw))
            table_header = _CELL_SEPARATOR in line.raw and list_follows and adjacent
            is_title = not resolved and nxt.kind in (LineKind.ORDINAL, LineKind.HEADING, LineKind.NUMBERED)
            # Over a paragraph longer than a heading, or standing alone over a block of lines.
            alone = not adjacent and after_nxt is not None and after_nxt.kind == LineKind.TEXT
            over_paragraph = (
                nxt.kind == LineKind.TEXT
                and (len(_clean(nxt.raw).split()) > MAX_HEADING_WORDS or alone)
                and (not resolved or resolved[-1].kind == LineKind.BLANK)
            )
            heads_block = (_ends_with_colon(line.raw) and adjacent and nxt.kind == LineKind.TEXT
                           and bool(resolved) and resolved[-1].kind == LineKind.BLANK)
            heads = (heads_list and not after_heading) or is_title or over_paragraph or heads_block
            # A table's first row may head it; a later one (under an ASCII rule «-----|-----») is a row.
            in_table = bool(resolved) and resolved[-1].number == line.number - 1 and "|" in resolved[-1].raw
            if (table_header or (short and heads)) and not (in_table and _CELL_SEPARATOR in line.raw):
                kind = LineKind.TITLE if is_title and not heads_list and not table_header else LineKind.SUBHEADING
                last_item = 0
                headed = headed or kind == LineKind.TITLE
        open_bullets = _opened(open_bullets, resolved[-1] if resolved else None, line._replace(kind=kind))
        resolved.append(line._replace(kind=kind))
    return resolved


class _Node:
    """A heading under construction: its span and its items."""

    def __init__(self, line: _Line | None, depth: float, path: tuple[str, ...], start: int = 0):
        self.line = line
        self.depth = depth
        self.path = path
        self.start = start  # where its heading stands among the lines fed so far
        self.body: list[_Line] = []  # the heading's own lines, items included
        self.parent_of_any = False  # a sub-section has been opened under it


def split_passages(text: str, source: str) -> list[Passage]:
    """Split a lecture's text into section, item and paragraph passages (in reading order)."""
    lines = _resolve_kinds(_underlined([_classify(n, raw) for n, raw in enumerate(text.splitlines(), 1)]))
    builder = _Builder(source)
    for line in lines:
        builder.feed(line)
    return builder.finish()


class _Builder:
    def __init__(self, source: str):
        self.source = source
        self.passages: list[Passage] = []
        self.stack: list[_Node] = [_Node(None, 0, ())]
        self.fed: list[_Line] = []  # every line so far
        self.words_before: list[int] = [0]  # the words of the lines before each of them
        self.blank_since_item = False
        self.in_list = False

    # -- headings -------------------------------------------------------------------------
    def _open(self, line: _Line, depth: float) -> None:
        while len(self.stack) > 1 and self.stack[-1].depth >= depth:
            self._close(self.stack.pop())
        title = line.raw.strip()
        self.stack[-1].parent_of_any = True
        self.stack.append(_Node(line, depth, self.stack[-1].path + (title,), len(self.fed)))
        self.in_list = False

    def _depth_for(self, line: _Line) -> float:
        # A plain line that introduces what follows («العوامل المؤثرة على الامتصاص:» over «- خصائص
        # الدواء:» and «- خصائص المريض:») holds the headings right after it.
        top = self.stack[-1]
        if (top.line is not None and not top.parent_of_any and top.line.kind == LineKind.SUBHEADING
                and _introduces(top.line) and not _plain(line) and not _trim(top.body)):
            return top.depth + 1
        # An aspect heading («خصائصها::», «عيوبها:») right under a colon heading's own text
        # («توصيل المقاومات على التوالي:-») is the aspect of that heading, not a new topic; the
        # next aspect is its sibling.
        if _names_aspect(line) and _holds_aspects(top) and not top.parent_of_any:
            return top.depth + 1
        if _names_aspect(line) and top.line is not None and _names_aspect(top.line) and _holds_aspects(self.stack[-2]):
            return top.depth
        # A table's header row heads the table within the open section («6. مقارنة بين …» and
        # «يلخص الجدول التالي:» over «وجه المقارنة | …»): a table is part of a section, not a topic.
        if _CELL_SEPARATOR in line.raw and top.line is not None and _CELL_SEPARATOR not in top.line.raw:
            return top.depth + 1
        if line.kind == LineKind.TITLE:
            return 1
        if line.kind == LineKind.HEADING:
            return 1 + line.value
        if line.kind == LineKind.ORDINAL:
            if (rank := _unit_rank(line)) is not None:
                return self._division_depth(rank)
            # «أولاً: …» under «المطلب الثاني: …» is a point of that division.
            units = [node for node in self.stack[1:] if _unit_rank(node.line) is not None]
            return units[-1].depth + 1 if units and not _UNIT_RE.match(_clean(line.raw)) else 2
        # A starred or dashed heading is the sibling of the open one with the same mark, and
        # nests under an open one with another mark («* تعريف الدافعية :» over «- انواعها:»).
        if mark := _bullet_mark(line):
            marked = [node for node in self.stack[1:] if _bullet_mark(node.line)]
            same = next((node for node in reversed(marked) if _bullet_mark(node.line) == mark), None)
            if same is not None:
                return same.depth
            if marked and marked[-1] is self.stack[-1]:
                return self.stack[-1].depth + 1
        # Numbered and unnumbered sub-headings sit one level below the nearest ordinal or
        # markdown heading (or at top level when the lecture has none).
        for node in reversed(self.stack[1:]):
            if node.line is not None and node.line.kind in (LineKind.ORDINAL, LineKind.HEADING, LineKind.TITLE):
                return node.depth + 1
        return 2

    def _division_depth(self, rank: int) -> float:
        """A book's division («المبحث الثاني: …») stands between the heading holding the
        divisions and that heading's sub-headings («تمهيد:»), in the order of _UNIT_RANKS."""
        above = 1.0
        for node in self.stack[1:]:
            if _unit_rank(node.line) is not None:
                break
            if node.line is not None and node.line.kind in (LineKind.HEADING, LineKind.TITLE, LineKind.ORDINAL):
                above = node.depth
        return above + (rank + 1) / 10

    # -- body -----------------------------------------------------------------------------
    def feed(self, line: _Line) -> None:
        self._place(line)
        self.fed.append(line)
        self.words_before.append(self.words_before[-1] + len(line.raw.split()))

    def _place(self, line: _Line) -> None:
        node = self.stack[-1]
        if line.kind in _HEADING_KINDS:
            self._open(line, self._depth_for(line))
            return
        if line.kind not in (LineKind.BLANK, LineKind.BULLET) and _CELL_SEPARATOR not in line.raw and self._table_ended():
            # The text after a table («3-5 قواعد صياغة …» and its list) is its section's again,
            # not the table's: the table's section closes.
            self._close(self.stack.pop())
            node = self.stack[-1]
        if line.kind == LineKind.BLANK:
            if self.in_list:
                self.blank_since_item = True
            node.body.append(line)
            return
        if line.kind in _LIST_KINDS:
            self.in_list = True
            self.blank_since_item = False
        elif self.in_list and self.blank_since_item:
            # Text after a list and a blank line is no longer the last item's explanation:
            # it closes the section (e.g. the lecture's closing words), up to a Markdown
            # heading, whose section runs to the next one: there it is a paragraph of that
            # heading («### ثالثاً: …» over «**الخصائص:**», its list, then text).
            self._close_to_markdown()
            self.in_list = False
            node = self.stack[-1]
        node.body.append(line)

    def _table_ended(self) -> bool:
        """Whether the open section is a table (headed by its header row) holding rows: readers
        write each row as a bullet («- المقالية: المزايا: …»)."""
        top = self.stack[-1]
        return top.line is not None and _CELL_SEPARATOR in top.line.raw and bool(top.body) \
            and top.body[0].kind == LineKind.BULLET

    def _close_to_markdown(self) -> None:
        """Close the open headings up to a Markdown one, under which what follows is a paragraph."""
        while len(self.stack) > 1 and self.stack[-1].line is not None and self.stack[-1].line.kind != LineKind.HEADING:
            self._close(self.stack.pop())
        if len(self.stack) > 1 and self.stack[-1].line is not None:
            top = self.stack[-1]
            top.parent_of_any = True
            self.stack.append(_Node(None, top.depth + 1, top.path, len(self.fed)))

    def _close_all(self) -> None:
        while len(self.stack) > 1:
            self._close(self.stack.pop())

    def finish(self) -> list[Passage]:
        self._close_all()
        self._close(self.stack[0])
        # A section before the narrower ones it holds (a heading's whole span before its own
        # text), so that an item's parent, looked up after sorting by span, is the narrowest.
        self.passages.sort(key=lambda p: (p.first, p.level != Level.SECTION, -p.last))
        return _link_parents(self.passages)

    def _close(self, node: _Node) -> None:
        body = _trim(node.body)
        if node.line is None:
            self._paragraphs(body, node.path)
            return
        if body:
            items = _group_items(body, node.line)
            in_items = {line.number for item in items for line in item}
            self._titled([node.line] + body, node.path, Level.SECTION, in_items)
            for item in items:
                self._item(item, node.path)
        if node.parent_of_any:
            self._whole(node)

    def _whole(self, node: _Node) -> None:
        """A heading over sub-sections is also one section of them all when they are short: a
        slide whose bullets «- 2. التحليل:» and «- 3. التنبؤ:» head points of their own, a colon
        heading over «- خصائص الدواء:» and «- خصائص المريض:», or a section whose text ends
        announcing its table. A question about the whole («ما هي مراحل …») finds it in one
        passage. 68 development sets, words only: 5,643 → 5,693 of 7,153 right, 882 → 877 of
        1,092 out of scope declined."""
        end = len(self.fed)
        words = self.words_before[end] - self.words_before[node.start]
        if end - node.start <= MAX_PASSAGE_WORDS and words <= MAX_PASSAGE_WORDS:
            span = _trim(self.fed[node.start:end])
            if len(span) > 1:
                self.passages.append(self._passage(span, node.path, Level.SECTION, node.line.raw.strip()))

    def _item(self, item: list[_Line], path: tuple[str, ...], level: int = 1) -> None:
        """An item; one listing two or more sub-items («- **أركان الجريمة**: …» over «  -
        **الركن الشرعي**: …» and «  - **الركن المادي**: …») is a section of its own, over its
        sub-items: a question about one of them gets it, a list or a comparison gets them all,
        as under a heading. Down to MAX_NESTED_SECTIONS levels; deeper sub-items stay part of
        their item, so a hostile file's nesting costs work linear in its lines."""
        sub_items = _group_items(item[1:], item[0]) if level <= MAX_NESTED_SECTIONS else []
        if len(sub_items) < 2:
            self._titled(item, path, Level.ITEM, set())
            return
        own = path + (item[0].raw.strip(),)
        self._titled(item, own, Level.SECTION, {line.number for sub_item in sub_items for line in sub_item})
        for sub_item in sub_items:
            self._item(sub_item, own, level + 1)

    def _titled(self, span: list[_Line], path: tuple[str, ...], level: Level, in_items: set[int]) -> None:
        """A section or item passage. One longer than MAX_TITLED_WORDS or MAX_ANSWER_CHARS keeps
        its opening under its title and the rest of its text (not the lines of its items, which
        are passages of their own) becomes paragraphs under the same heading path: a heading over
        a whole chapter of prose must not make one passage of the chapter."""
        heading = span[0].raw.strip()
        words = sum(len(line.raw.split()) for line in span)
        if words <= MAX_TITLED_WORDS and len(_span_text(span)) <= MAX_ANSWER_CHARS:
            self.passages.append(self._passage(span, path, level, heading))
            return
        opening = span[:1] + _cut_long(span[1:])[0]  # never the title alone
        self.passages.append(self._passage(_trim(opening), path, level, heading))
        rest = [_Line(line.number, "", LineKind.BLANK, 0) if line.number in in_items else line for line in span[len(opening):]]
        self._paragraphs(rest, path)

    def _paragraphs(self, body: list[_Line], path: tuple[str, ...]) -> None:
        for block in _blocks(body):
            for chunk in _cut_long(block):
                self.passages.append(self._passage(chunk, path, Level.PARAGRAPH, ""))

    def _passage(self, span: list[_Line], path: tuple[str, ...], level: Level, heading: str) -> Passage:
        text = _span_text(span)
        if len(text) > MAX_PASSAGE_CHARS:
            raise UnreadableFile(PASSAGE_TOO_LONG.both(
                source=self.source, chars=len(text), first=span[0].number, last=span[-1].number, limit=MAX_PASSAGE_CHARS))
        return Passage(self.source, path, span[0].number, span[-1].number, text, level, heading, -1)


def _span_text(span: list[_Line]) -> str:
    """A passage's text: its lines as they stand, without trailing spaces or blank ends."""
    return "\n".join(line.raw.rstrip() for line in span).strip("\n")


def _trim(body: list[_Line]) -> list[_Line]:
    """The body without its leading and trailing blank lines (one slice)."""
    start, end = 0, len(body)
    while start < end and body[start].kind == LineKind.BLANK:
        start += 1
    while end > start and body[end - 1].kind == LineKind.BLANK:
        end -= 1
    return body[start:end]


def _indent(line: _Line) -> int:
    return len(line.raw) - len(line.raw.lstrip())


def _belongs_to(line: _Line, head: _Line, run_head: _Line) -> bool:
    """Whether a list line is a point of the item ``head`` rather than the next item: indented
    deeper («- الذكاء الاصطناعي» over «  - محاكاة التفكير»), or, at its indent, a bullet of
    another mark right under an item of the run's own kind («6) اختبار A/B:» over «- ترسل
    نسختين …», «+ حساسية البنسلين» over «-- لازم نسأل …»): notes typed without indents nest by
    the mark, the run's first mark the topics and the others their points."""
    if _indent(line) != _indent(head):
        return _indent(line) > _indent(head)
    if line.kind != LineKind.BULLET or (head.kind, _mark(head)) != (run_head.kind, _mark(run_head)):
        return False
    return head.kind != LineKind.BULLET or _mark(line) != _mark(head)


def _group_items(body: list[_Line], heading: _Line | None) -> list[list[_Line]]:
    """Each list line with the explanation lines under it (up to the next item or blank); list
    lines that are its points (:func:`_belongs_to`) are part of its explanation, so an item
    that only names a term keeps what explains it. A bullet of its ``heading``'s mark is a
    topic beside the heading (too long to be one), whose run it heads."""
    items: list[list[_Line]] = []
    current: list[_Line] | None = None
    run_head: _Line | None = None  # the first item after a blank line: its mark heads the run
    heading_mark = _bullet_mark(heading)
    for line in body:
        topic = bool(heading_mark) and line.kind == LineKind.BULLET and _mark(line) == heading_mark
        if line.kind in _LIST_KINDS and (topic or current is None or not _belongs_to(line, current[0], run_head)):
            current = [line]
            items.append(current)
            run_head = line if topic else run_head or line
        elif line.kind == LineKind.BLANK:
            current = None
            run_head = None
        elif current is not None:
            current.append(line)
    return items


def _blocks(body: list[_Line]) -> list[list[_Line]]:
    """The body's paragraphs: runs of lines between blank lines. A formula set apart on its own
    lines («    n1 sin θ1 = n2 sin θ2») stays with the paragraph above it, which introduces it
    («وينص قانون سنل على أن …:»)."""
    blocks: list[list[_Line]] = []
    block: list[_Line] = []
    gap: list[_Line] = []  # the blank lines since the last block
    for line in body + [_Line(0, "", LineKind.BLANK, 0)]:
        if line.kind != LineKind.BLANK:
            block.append(line)
            continue
        if block and blocks and all(is_formula(b.raw) for b in block):
            blocks[-1] += gap + block
        elif block:
            blocks.append(block)
        if block:
            gap = []
        gap.append(line)
        block = []
    return blocks


def _cut_long(block: list[_Line]) -> list[list[_Line]]:
    """Cut a paragraph of many lines into chunks of at most MAX_PASSAGE_WORDS words."""
    if not block:
        return []
    chunks: list[list[_Line]] = [[]]
    count = 0
    for line in block:
        n = len(line.raw.split())
        if chunks[-1] and count + n > MAX_PASSAGE_WORDS:
            chunks.append([])
            count = 0
        chunks[-1].append(line)
        count += n
    return chunks


def _link_parents(passages: list[Passage]) -> list[Passage]:
    """Each item's parent: the narrowest section spanning it (passages sorted by span, a section
    before what it holds), past a nested list's sub-sections closed before it."""
    linked: list[Passage] = []
    open_sections: list[int] = []
    for i, p in enumerate(passages):
        while open_sections and passages[open_sections[-1]].last < p.last:
            open_sections.pop()
        if p.level == Level.SECTION:
            open_sections.append(i)
            linked.append(p)
        elif p.level == Level.ITEM and open_sections:
            linked.append(p._replace(parent=open_sections[-1]))
        else:
            linked.append(p)
    return linked


def is_table_row(passage: Passage) -> bool:
    """A row of a table read with its header («أبو تمام: الوفاة: 231هـ | أبرز الأغراض: …»): its
    labels make it whole, and the table holding it is its peers, no explanation of it."""
    return passage.level == Level.ITEM and _CELL_SEPARATOR in passage.text


def whole_span(passages: Sequence[Passage], i: int) -> int | None:
    """For the section of a heading's own text, the section of its whole span, sub-sections and
    all (made by ``_Builder._whole``): sorted right before it, with its heading path, spanning
    it. None for any other passage."""
    p = passages[i]
    if i == 0 or p.level != Level.SECTION:
        return None
    outer = passages[i - 1]
    same = outer.level == Level.SECTION and outer.source == p.source and outer.section == p.section
    return i - 1 if same and outer.first == p.first and outer.last > p.last else None


def strip_marker(line: str) -> str:
    """A heading or item line without its numbering: «2/ التطورات…» → «التطورات…»,
    «أ/ النموذج» → «النموذج», «## مقدمة» → «مقدمة», «ثانيا متطلبات» → «متطلبات»,
    «المحور الثاني: عصر الولاة» → «عصر الولاة», «II- المنتج السياحي» → «المنتج السياحي»."""
    line = line.strip()
    line = _framed(line) or line
    for regex in (_MD_HEADING_MARK_RE, _NUMBERED_RE, _LETTERED_RE, _BULLET_RE):
        line = regex.sub("", line, count=1)
    cleaned = _clean(line)
    if m := _ORDINAL_RE.match(cleaned) or _UNIT_RE.match(cleaned) or _ROMAN_RE.match(cleaned):
        line = line[_raw_offset(line, m.end()):]
    return line.strip()


def _raw_offset(line: str, clean_end: int) -> int:
    """The position in ``line`` matching position ``clean_end`` of ``_clean(line)``, which drops
    tatweel and diacritics («ثانياً:» is one letter longer than «ثانيا:») and keeps one letter
    for one."""
    stripped = line.strip()
    lead = len(line) - len(line.lstrip())
    kept = 0
    for i, ch in enumerate(stripped):
        if kept == clean_end:
            return lead + i
        kept += len(_bare(ch))
    return len(line)


_MD_HEADING_MARK_RE = re.compile(r"^#{1,6}\s*")
# An aside in brackets («(في الدول الناميه)») is no part of what a heading names.
_BRACKETED_RE = re.compile(r"\s*[(\[].*?[)\]]\s*")
_TOPIC_END = ".:،؛ "
# A sub-section's number («## 2.1 البرمجيات الخبيثة»): strip_marker takes «2.» and leaves «1 …»
# in the title that retrieval indexes; a topic drops the whole number.
_DOTTED_NUMBER_RE = re.compile(r"^(?:#{1,6}\s+)?\d{1,3}(?:\.\d{1,3})+\.?\s+")


def heading_topic(line: str) -> str:
    """What a heading names, to be read inside a sentence: :func:`strip_marker`, then without
    a sub-section's whole number, asides in brackets, tatweel and closing punctuation.
    «## مراحل الحكومة:» → «مراحل الحكومة», «## 2.1 البرمجيات» → «البرمجيات»,
    «معوقات تطبيق الحكومه(في الدول الناميه)» → «معوقات تطبيق الحكومه»."""
    from chatbot.text.arabic import strip_tatweel  # camel-tools: loaded on first use (see _bare)

    topic = _BRACKETED_RE.sub(" ", strip_marker(_DOTTED_NUMBER_RE.sub("", line.strip(), count=1)))
    return " ".join(strip_tatweel(topic).split()).rstrip(_TOPIC_END)


def outline(passage: Passage) -> list[str]:
    """A section's heading, introduction and item lines, without the items' explanations.

    The explanations are indexed with their items; left in the section they would only make
    it long, and BM25 would rank the section below a shorter one with the same heading words.
    """
    lines = passage.text.split("\n")
    if passage.level != Level.SECTION:
        return lines
    kept = [lines[0]]
    in_list = False
    for n, raw in enumerate(lines[1:], 2):
        if _classify(n, raw).kind in _LIST_KINDS:
            in_list = True
            kept.append(raw)
        elif not in_list:
            kept.append(raw)
    return kept
