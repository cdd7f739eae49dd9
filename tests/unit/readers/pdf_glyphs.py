"""Glyphs on a page from a string, for the PDF layout tests: what a producer would draw."""

from chatbot.index.readers.pdf_layout import Glyph

WIDTH = 6.0  # every glyph as wide, in points


def glyphs(visual: str, x: float = 10.0, y: float = 700.0, size: float = 12.0, bold: bool = False) -> list[Glyph]:
    """One glyph per character of ``visual``, drawn left to right from ``x`` on the baseline
    ``y``; «_» leaves a gap the width of a glyph (a space the producer did not draw)."""
    out = []
    for n, char in enumerate(visual):
        if char != "_":
            left = x + n * WIDTH
            out.append(Glyph(char, left, left + WIDTH, y, y + size, size, bold))
    return out
