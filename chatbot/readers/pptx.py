"""PowerPoint slides (.pptx): instructors mostly have their lectures as slides.

Each slide becomes a section: its title a markdown ``#`` line, its body text frames lines under
it (paragraphs of a body placeholder or with a bullet as «- » items, auto-numbered ones as
«1/ » items), its tables one line per row (cells joined with « | »), and its speaker notes —
often where the explanation is — appended last, inside the slide's section.
"""

from __future__ import annotations

import io
from typing import Iterator

from chatbot.readers.base import Document, UnreadableFile, checked

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# Placeholders that repeat on every slide and are no part of the lecture's text.
_FURNITURE = ("DATE", "FOOTER", "SLIDE_NUMBER", "HEADER")


def read(data: bytes) -> Document:
    """A .pptx lecture as text lines (see the module docstring)."""
    import pptx  # imported here: only a build that meets a .pptx needs python-pptx

    try:
        presentation = pptx.Presentation(io.BytesIO(data))
        lines = [line for slide in presentation.slides for line in _slide_lines(slide)]
    except Exception as exc:  # a damaged package may fail anywhere in zip, XML or python-pptx
        raise UnreadableFile(f"ملف PowerPoint تالف أو غير صالح / damaged or invalid .pptx: {type(exc).__name__}: {exc}") from exc
    return checked("\n".join(lines), "pptx")


def _slide_lines(slide) -> Iterator[str]:
    title_shape = slide.shapes.title
    title = _one_line(title_shape.text_frame.text) if title_shape is not None else ""
    if title:
        yield f"# {title}"
    for shape in slide.shapes:
        if title_shape is not None and shape.shape_id == title_shape.shape_id:
            continue
        yield from _shape_lines(shape)
    if slide.has_notes_slide:
        frame = slide.notes_slide.notes_text_frame
        notes = [p.text.strip() for p in frame.paragraphs] if frame is not None else []
        # No blank line before the notes: after a list, a blank line would close the slide's
        # section and leave its explanation outside it.
        yield from (n for n in notes if n)
    yield ""


def _shape_lines(shape) -> Iterator[str]:
    if shape.is_placeholder and shape.placeholder_format.type.name in _FURNITURE:
        return
    if getattr(shape, "shapes", None) is not None:  # a group: its shapes in order
        for child in shape.shapes:
            yield from _shape_lines(child)
    elif getattr(shape, "has_table", False):
        for row in shape.table.rows:
            cells = [_one_line(cell.text) for cell in row.cells if cell.text.strip()]
            if cells:
                yield " | ".join(cells)
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
                yield f"{indent}{number}/ {text}"
            elif "buChar" in marks or (body and "buNone" not in marks):
                yield f"{indent}- {text}"
            else:
                yield text


def _one_line(text: str) -> str:
    """Line breaks inside a title or cell (vertical tab in python-pptx) joined by a space."""
    return " ".join(text.replace("\v", " ").split())
