"""PowerPoint slides (.pptx): instructors mostly have their lectures as slides.

Each slide becomes a section: its title a markdown ``#`` line, its body text frames lines under
it (paragraphs of a body placeholder or with a bullet as «- » items, auto-numbered ones as
«1/ » items), its tables as :func:`chatbot.index.readers.base.table_lines` reads them, and its speaker
notes — often where the explanation is — appended last, inside the slide's section.

A SmartArt diagram (a process, a cycle, a list drawn as boxes) keeps its text in a part of its
own, which python-pptx does not read: its nodes are read from there as items, indented by
depth, in the diagram's order.

A slide whose bullets are explained by its speaker notes or by free text on the slide is one
unit: its bullets are shown with «· », a mark the splitter does not read as a list item (its
list marks are «- * • ▪ ● ◦ –», numbers and letters), so the slide's passage is title + bullets
+ notes and a bullet that only names a term («الذكاء الاصطناعي (AI)») is never a passage alone,
away from its explanation; a bullet whose text begins with a typed number («7- التطبيقات») stays
in the slide too. A slide of bullets alone keeps them as items.
"""

from __future__ import annotations

import io
from typing import Iterator, NamedTuple

from chatbot import messages as msg
from chatbot.index.readers.base import ITEM_MARK, UNIT_MARK, Document, UnreadableFile, checked, table_lines

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# Placeholders that repeat on every slide and are no part of the lecture's text.
_FURNITURE = ("DATE", "FOOTER", "SLIDE_NUMBER", "HEADER")


def read(data: bytes) -> Document:
    """A .pptx lecture as text lines (see the module docstring)."""
    import pptx  # imported here: only a build that meets a .pptx needs python-pptx

    try:
        presentation = pptx.Presentation(io.BytesIO(data))
        lines = [line for slide in presentation.slides for line in _slide_lines(slide)]
    except Exception as exc:  # a damaged package may fail anywhere in zip, XML or python-pptx
        raise UnreadableFile(f"{msg.DAMAGED_PPTX}: {type(exc).__name__}: {exc}") from exc
    return checked("\n".join(lines), "pptx")


class _Line(NamedTuple):
    """One line of a slide's body: its indent, its list mark («- », «3/ » or none), its text,
    and whether it is free text (a text frame's paragraph without a bullet)."""

    indent: str
    mark: str
    text: str
    free: bool = False


def _slide_lines(slide) -> Iterator[str]:
    title_shape = slide.shapes.title
    title = _one_line(title_shape.text_frame.text) if title_shape is not None else ""
    if title:
        yield f"# {title}"
    body = [
        line for shape in slide.shapes
        if title_shape is None or shape.shape_id != title_shape.shape_id
        for line in _shape_lines(shape)
    ]
    notes = []
    if slide.has_notes_slide and (frame := slide.notes_slide.notes_text_frame) is not None:
        notes = [text for p in frame.paragraphs if (text := p.text.strip())]
    unit = bool(notes) or any(line.free for line in body)
    for line in body:
        mark = (UNIT_MARK if line.mark else "") if unit else line.mark
        yield line.indent + mark + line.text
    # No blank line before the notes: a blank line would close the slide's section and leave
    # its explanation outside it.
    yield from notes
    yield ""


def _shape_lines(shape) -> Iterator[_Line]:
    if shape.is_placeholder and shape.placeholder_format.type.name in _FURNITURE:
        return
    if getattr(shape, "shapes", None) is not None:  # a group: its shapes in order
        for child in shape.shapes:
            yield from _shape_lines(child)
    elif (diagram := shape.element.find(f".//{_DGM}relIds")) is not None:
        yield from _diagram_lines(shape, diagram.get(f"{_R}dm"))
    elif getattr(shape, "has_table", False):
        rows = [[_one_line(cell.text) for cell in row.cells] for row in shape.table.rows]
        yield from (_Line("", mark, text) for mark, text in table_lines(rows))
    elif shape.has_text_frame:
        body = shape.is_placeholder and shape.placeholder_format.type.name in ("BODY", "OBJECT")
        number = 0
        for paragraph in shape.text_frame.paragraphs:
            text = _one_line(paragraph.text)
            if not text:
                continue
            ppr = paragraph._p.pPr
            marks = {child.tag.removeprefix(_A) for child in ppr} if ppr is not None else set()
            indent = "  " * paragraph.level
            if "buAutoNum" in marks:
                number += 1
                yield _Line(indent, f"{number}/ ", text)
            elif "buChar" in marks or (body and "buNone" not in marks):
                yield _Line(indent, ITEM_MARK, text)
            else:
                yield _Line(indent, "", text, free=True)


def _diagram_lines(shape, data_id: str | None) -> Iterator[_Line]:
    """A SmartArt diagram's nodes as items: its data part lists the nodes (``dgm:pt``) and who
    is whose child in what order (``dgm:cxn``); read depth first from the document node, each
    node once (a damaged file's cycle ends there). Nodes nothing links are read in list order."""
    from pptx.oxml import parse_xml  # python-pptx's own parser: no entities resolved

    try:
        blob = shape.part.related_part(data_id).blob
    except (KeyError, AttributeError):
        return
    root = parse_xml(blob)
    texts, top = {}, []
    for point in root.iter(f"{_DGM}pt"):
        kind = point.get("type", "node")
        if kind == "doc":
            top.append(point.get("modelId"))
        elif kind == "node" and (body := point.find(f"{_DGM}t")) is not None:
            texts[point.get("modelId")] = _one_line(" ".join(
                "".join(t.text or "" for t in p.iter(f"{_A}t")) for p in body.iter(f"{_A}p")))
    children: dict[str | None, list[tuple[int, str]]] = {}
    for link in root.iter(f"{_DGM}cxn"):
        if link.get("type", "parOf") == "parOf":
            order = link.get("srcOrd", "0")
            rank = int(order) if order.isdigit() else 0
            children.setdefault(link.get("srcId"), []).append((rank, link.get("destId")))
    seen: set[str | None] = set()
    stack = [(node, 0) for node in reversed(top)]
    while stack:
        node, depth = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        if texts.get(node):
            yield _Line("  " * max(depth - 1, 0), ITEM_MARK, texts[node])
        stack.extend((child, depth + 1) for _, child in sorted(children.get(node, []), reverse=True))
    for node, text in texts.items():
        if node not in seen and text:
            yield _Line("", ITEM_MARK, text)


def _one_line(text: str) -> str:
    """Line breaks inside a title or cell (vertical tab in python-pptx) joined by a space."""
    return " ".join(text.replace("\v", " ").split())
