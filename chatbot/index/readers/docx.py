"""Word documents (.docx): paragraphs in order, with the structure Word knows made visible.

* Heading styles («Heading 1»… or any style/paragraph with an outline level) become markdown
  ``#`` lines by level and the Title style a ``#`` line, so they feed the same passage tree as a
  text lecture's «اولا / 2/» headings.
* List paragraphs (numbering in the paragraph or its style, or a «List …» style) become «- »
  lines for bullets and «1/ » lines for numbered lists, numbered as Word would show them.
* Tables with a header row (term | explanation | example) become one list item per row,
  titled by its first cell and keeping the header of every other cell, in the list or section
  they follow (:func:`chatbot.index.readers.base.table_lines`); other tables one line per row, cells
  joined with « | ». Text boxes (``w:txbxContent``) follow the paragraph that anchors them, so
  text an instructor put in a frame is not lost.
* A paragraph's text is all the text Word shows in it: runs, hyperlinks, tracked insertions not
  yet accepted, content controls, fields and equations (``m:t``); deleted and moved-away text
  is not. Paragraphs inside a block content control (a template's cover, a boxed part) are read
  in their place. python-docx's ``Paragraph.text`` reads runs and hyperlinks alone.

Reading is linear in the document's size: styles are looked up once per style, list counters
are kept per list, and table cells are read from the XML (python-docx's merged-cell lookup
rescans the table for every cell).
"""

from __future__ import annotations

import io
import re
from typing import Iterator

from chatbot import messages as msg
from chatbot.index.readers.base import Document, UnreadableFile, checked, table_lines

_HEADING_STYLE_RE = re.compile(r"^heading\s*(\d)$", re.IGNORECASE)
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_TEXT_TAGS = (_W + "t", _M + "t")
_SHOWN_AS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
# What Word does not show as the paragraph's text: deleted and moved-away runs, and text boxes
# (read after their paragraph) with the VML copy Word keeps of each.
_UNSHOWN = frozenset({_W + "del", _W + "moveFrom", _W + "txbxContent", _MC_FALLBACK})


def read(data: bytes) -> Document:
    """A .docx lecture as text lines (see the module docstring)."""
    import docx  # imported here: only a build that meets a .docx needs python-docx

    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_DocxLines(document).lines())
    except Exception as exc:  # a damaged package may fail anywhere in zip, XML or python-docx
        raise UnreadableFile(f"{msg.DAMAGED_DOCX}: {type(exc).__name__}: {exc}") from exc
    return checked("\n".join(lines), "docx")


class _DocxLines:
    """Walks one document; keeps the list counters Word would keep."""

    def __init__(self, document):
        from docx.oxml.ns import qn

        self.document = document
        self.qn = qn
        self.counters: dict[str, dict[int, int]] = {}  # numId → level → last number shown
        self.formats = _numbering_formats(document, qn)
        self.styles: dict[str | None, object] = {}  # style id → style (python-docx searches)

    def lines(self) -> Iterator[str]:
        from docx.text.paragraph import Paragraph

        body = self.document._body
        for element in _blocks(body._element):
            if element.tag == _W + "tbl":
                yield from self._table_lines(element)
            else:
                yield self._paragraph_line(Paragraph(element, body))
                yield from self._text_box_lines(element)

    def _style(self, paragraph):
        key = paragraph._p.style
        if key not in self.styles:
            self.styles[key] = paragraph.style
        return self.styles[key]

    def _paragraph_line(self, paragraph) -> str:
        text = _shown_text(paragraph._p).strip()
        if not text:
            return ""
        paragraph_style = self._style(paragraph)
        style = paragraph_style.name if paragraph_style is not None else ""
        level = self._heading_level(paragraph, style)
        if level:
            return "#" * level + " " + text
        numbering = self._numbering(paragraph)
        if numbering is not None:
            num_id, ilvl = numbering
            indent = "  " * ilvl
            fallback = ("bullet" if "bullet" in style.lower() else "decimal", 1)
            if self.formats.get((num_id, ilvl), fallback)[0] == "bullet":
                return f"{indent}- {text}"
            return f"{indent}{self._next_number(num_id, ilvl)}/ {text}"
        if style.lower().startswith("list"):
            return f"- {text}"
        return text

    def _heading_level(self, paragraph, style: str) -> int:
        if style.lower() == "title":
            return 1
        if m := _HEADING_STYLE_RE.match(style):
            return min(int(m.group(1)), 6)
        # Localised or custom heading styles still carry Word's outline level (0 = level 1).
        for ppr in self._properties(paragraph):
            if (lvl := ppr.find(self.qn("w:outlineLvl"))) is not None:
                value = int(lvl.get(self.qn("w:val"), "9"))
                if value < 6:
                    return value + 1
        return 0

    def _numbering(self, paragraph) -> tuple[str, int] | None:
        """(numId, level) of a list paragraph, from the paragraph or else its style."""
        for ppr in self._properties(paragraph):
            num_pr = ppr.find(self.qn("w:numPr"))
            if num_pr is None:
                continue
            num_id = num_pr.find(self.qn("w:numId"))
            ilvl = num_pr.find(self.qn("w:ilvl"))
            value = num_id.get(self.qn("w:val")) if num_id is not None else None
            if value is None or value == "0":  # numId 0 switches numbering off
                return None
            return value, int(ilvl.get(self.qn("w:val"), "0")) if ilvl is not None else 0
        return None

    def _properties(self, paragraph) -> list:
        """The paragraph's own properties, then its style's: Word applies the first it finds."""
        style = self._style(paragraph)
        return [ppr for ppr in (paragraph._p.pPr, style.element.pPr if style is not None else None) if ppr is not None]

    def _next_number(self, num_id: str, ilvl: int) -> int:
        # A new item at one level restarts the deeper levels of the same list, as in Word.
        levels = self.counters.setdefault(num_id, {})
        for deeper in [level for level in levels if level > ilvl]:
            del levels[deeper]
        levels[ilvl] = levels[ilvl] + 1 if ilvl in levels else self.formats.get((num_id, ilvl), ("", 1))[1]
        return levels[ilvl]

    def _table_lines(self, tbl) -> Iterator[str]:
        """A table's rows (see :func:`chatbot.index.readers.base.table_lines`), set apart by blank
        lines so that no row is read as the explanation of the paragraph before it. A cell
        merged across columns is one ``w:tc``; the rows a vertically merged cell continues into
        hold an empty copy, skipped."""
        qn = self.qn
        rows = []
        for tr in tbl.iter(qn("w:tr")):
            if tr.getparent() is not tbl:  # a table nested in a cell is read with its cell
                continue
            rows.append([
                " ".join(text for p in tc.iter(qn("w:p")) if (text := " ".join(_shown_text(p).split())))
                for tc in tr.iterchildren(qn("w:tc")) if tc.vMerge != "continue"
            ])
        yield ""
        yield from (mark + text for mark, text in table_lines(rows))
        yield ""

    def _text_box_lines(self, element) -> Iterator[str]:
        """Paragraphs of the text boxes anchored in ``element``. Word stores each box twice
        (DrawingML and a VML fallback); the fallback copy is skipped."""
        for box in element.iter(self.qn("w:txbxContent")):
            if any(ancestor.tag == _MC_FALLBACK for ancestor in box.iterancestors()):
                continue
            for p in box.iter(self.qn("w:p")):
                text = _shown_text(p).strip()
                if text:
                    yield text


def _blocks(body) -> Iterator:
    """The body's paragraphs and tables in order, those inside block content controls
    (``w:sdt``) in their place: one pass over the body's children, however deep the nesting."""
    stack = [iter(body)]
    while stack:
        for element in stack[-1]:
            if element.tag in (_W + "p", _W + "tbl"):
                yield element
            elif element.tag == _W + "sdt":
                stack.extend(iter(content) for content in reversed(element.findall(_W + "sdtContent")))
                break
        else:
            stack.pop()


def _shown_text(element) -> str:
    """The text Word shows for ``element`` (a paragraph), read in one pass over its XML (see the
    module docstring for what is and is not shown)."""
    parts = []
    stack = [iter(element)]
    while stack:
        for child in stack[-1]:
            tag = child.tag
            if tag in _TEXT_TAGS:
                parts.append(child.text or "")
            elif tag in _SHOWN_AS:
                parts.append(_SHOWN_AS[tag])
            elif tag not in _UNSHOWN:
                stack.append(iter(child))
                break
        else:
            stack.pop()
    return "".join(parts)


def _numbering_formats(document, qn) -> dict[tuple[str, int], tuple[str, int]]:
    """(numId, level) → Word's number format («bullet», «decimal», …) and first number, from
    numbering.xml; a list restarted in Word is a new numId with a start override."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    val = qn("w:val")

    abstract = {}
    for node in numbering.findall(qn("w:abstractNum")):
        levels = {}
        for lvl in node.findall(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            first = lvl.find(qn("w:start"))
            levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                fmt.get(val) if fmt is not None else "decimal", int(first.get(val, "1")) if first is not None else 1
            )
        abstract[node.get(qn("w:abstractNumId"))] = levels
    formats = {}
    for num in numbering.findall(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        overrides = {
            int(o.get(qn("w:ilvl"), "0")): int(s.get(val, "1"))
            for o in num.findall(qn("w:lvlOverride")) if (s := o.find(qn("w:startOverride"))) is not None
        }
        for ilvl, (fmt, first) in abstract.get(ref.get(val) if ref is not None else None, {}).items():
            formats[num.get(qn("w:numId")), ilvl] = (fmt, overrides.get(ilvl, first))
    return formats
