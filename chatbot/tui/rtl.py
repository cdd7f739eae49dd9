"""Right-to-left text for terminals that know nothing about it.

Textual lays text out left to right, one cell per character, and most terminals (xterm, kitty,
alacritty, tmux, VS Code…) neither join Arabic letters nor reorder a line. So in ``app`` mode
we do it ourselves, in an order that matters:

1. **wrap the logical text** to the width (wrapping after reordering would put the *end* of a
   sentence on the first line);
2. **shape** each line (``arabic_reshaper``: letters take their joined presentation forms);
3. **reorder** it (``python-bidi``, with a right-to-left paragraph direction) so Latin words and
   numbers inside an Arabic line still read left to right;
4. **right-align** it.

In ``terminal`` mode the text stays logical: Konsole, mlterm or GNOME Terminal with bidi on do
steps 2–4 themselves and would undo ours.

Everything here is a pure function of its arguments, so it can be tested without a terminal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import NamedTuple

import arabic_reshaper
# The pure-Python algorithm, not the Rust one at ``bidi.get_display``: the Rust core does not
# mirror brackets («(في الدول)» would come out as «)لودلا يف(»), and its steps can be run one
# by one on characters that remember their logical index.
from bidi import algorithm as _bidi
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

__all__ = [
    "APP",
    "MODES",
    "TERMINAL",
    "render",
    "resolve_mode",
    "sanitize",
    "truncate",
    "logical_word",
    "InputView",
    "input_view",
    "visual_cells",
    "visual_line",
    "wrap",
]

APP = "app"
TERMINAL = "terminal"
MODES = (APP, TERMINAL)

# The «الله» ligature is one code point drawn several cells wide by most fonts while the
# terminal gives it one cell; only the lam-alef ligatures (which the script requires) are kept.
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"ARABIC LIGATURE ALLAH": False})

# C0 controls (but newline), DEL and C1 controls become the visible "control pictures" (ESC is
# shown as ␛): a passage holding "\x1b[31m" must show those characters, never colour the screen.
_CONTROL_RE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides, isolates and marks: we order the line ourselves, and a stray
# override would otherwise reach a bidi terminal and scramble everything after it.
_BIDI_FORMAT_RE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Letter by letter (same length as its input), so glyphs keep their logical index.
_LETTER_SHAPER = arabic_reshaper.ArabicReshaper(
    configuration={"delete_harakat": False, "support_ligatures": False}
)
# Lam before an alef joins into one glyph: the lam's initial form gives the isolated ligature,
# its medial form the final one (both taken from the reshaper, not written out here).
_LAM_JOINING = (_LETTER_SHAPER.reshape("لب")[0], _LETTER_SHAPER.reshape("بلب")[1])
_LAM_ALEF = {
    alef: (_RESHAPER.reshape("ل" + alef), _RESHAPER.reshape("بل" + alef)[-1])
    for alef in "اأإآ"
}
_WORD_RE = re.compile(r"\w+")
_OPEN_TO_CLOSE = {"(": ")", "[": "]", "{": "}"}
_CLOSE_TO_OPEN = {close: open_ for open_, close in _OPEN_TO_CLOSE.items()}


def resolve_mode(requested: str | None, env: Mapping[str, str]) -> str:
    """``app`` or ``terminal`` from ``--rtl``/``CHATBOT_RTL`` (``auto`` or unknown → guess).

    The guess says ``terminal`` only for terminals that do bidi by default: Konsole (it sets
    ``KONSOLE_VERSION``) and mlterm. GNOME Terminal (``VTE_VERSION``) does not count: its bidi
    is opt-in, and double reordering is worse than none. Everything else gets ``app``.
    """
    choice = (requested or env.get("CHATBOT_RTL") or "auto").strip().lower()
    if choice in MODES:
        return choice
    if env.get("KONSOLE_VERSION") or env.get("TERM", "").startswith("mlterm"):
        return TERMINAL
    return APP


def sanitize(text: str) -> str:
    """Text safe to put on screen: controls made visible, bidi controls dropped, tabs spaced."""
    text = _BIDI_FORMAT_RE.sub("", text.replace("\r\n", "\n").replace("\t", "    "))
    return _CONTROL_RE.sub(_control_picture, text)


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟ (␛ for ESC)
    return "␡" if code == 0x7F else "�"


def wrap(text: str, width: int) -> list[str]:
    """Logical lines of at most ``width`` cells, broken between words (a word longer than the
    width is cut). Line breaks in ``text`` are kept; blank lines stay blank."""
    width = max(1, width)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if cell_len(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = ""
            while cell_len(word) > width:
                head = _cells_prefix(word, width)
                lines.append(head)
                word = word[len(head):]
            line = word
        lines.append(line)
    return lines


def _cells_prefix(word: str, width: int) -> str:
    """The longest prefix of ``word`` that fits in ``width`` cells (at least one character)."""
    end = 1
    while end < len(word) and cell_len(word[: end + 1]) <= width:
        end += 1
    return word[:end]


def truncate(text: str, width: int) -> str:
    """The start of a one-line logical ``text`` in at most ``width`` cells, «…» marking a cut.

    Cut in logical order, so a right-to-left label loses its end (drawn on the left), never
    its beginning as cropping the drawn line would.
    """
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    return _cells_prefix(text, max(1, width - 1)).rstrip() + "…"


class Cell(NamedTuple):
    """One drawn glyph and the index, in the logical line, of the character it shows."""

    glyph: str
    index: int


def visual_cells(line: str, base: str = "R") -> list[Cell]:
    """One logical line as a left-to-right terminal must draw it, glyph by glyph.

    Each glyph remembers its logical index, so an input box can put its cursor (and a click)
    at the right character. Shaping is one glyph per letter; a lam-alef pair becomes its
    ligature on the lam's cell and nothing on the alef's; vowel marks are dropped (a terminal
    would attach them to the wrong letter once the line is reversed).
    """
    if not line:
        return []
    shaped = _shape(line)
    embedded = _embed_latin_brackets(line)
    # Positions of ``line``'s characters in ``embedded`` (the embedding codes belong to none).
    origin = [i for i, ch in enumerate(embedded) if ch not in "\u202a\u202c"]
    logical_at = {pos: i for i, pos in enumerate(origin)}
    storage = _bidi.get_empty_storage()
    storage["base_level"], storage["base_dir"] = (1, "R") if base == "R" else (0, "L")
    _bidi.get_embedding_levels(embedded, storage)
    for position, char in enumerate(storage["chars"]):
        char["index"] = logical_at.get(position, -1)
    for step in (_bidi.explicit_embed_and_overrides, _bidi.resolve_weak_types,
                 _bidi.resolve_neutral_types, _bidi.resolve_implicit_levels,
                 _bidi.reorder_resolved_levels, _bidi.apply_mirroring):
        step(storage, False)
    return [
        Cell(shaped[c["index"]] if shaped[c["index"]] != line[c["index"]] else c["ch"], c["index"])
        for c in storage["chars"]
        if c["index"] >= 0
    ]


def _shape(line: str) -> list[str]:
    """The glyph for each character of ``line`` (same length; "" for a mark or a lam-alef's alef)."""
    glyphs = list(_LETTER_SHAPER.reshape(line))
    previous = -1  # the last letter (marks skipped)
    for i, ch in enumerate(line):
        if unicodedata.combining(ch):
            glyphs[i] = ""
            continue
        if ch in _LAM_ALEF and previous >= 0 and line[previous] == "ل" and glyphs[previous] in _LAM_JOINING:
            glyphs[previous] = _LAM_ALEF[ch][_LAM_JOINING.index(glyphs[previous])]
            glyphs[i] = ""
        previous = i
    return glyphs


def visual_line(line: str, base: str = "R") -> str:
    """One logical line as a left-to-right terminal must draw it: shaped, then reordered."""
    return "".join(cell.glyph for cell in visual_cells(line, base))


class InputView(NamedTuple):
    """An input line laid out right to left in ``width`` cells.

    ``cells`` are drawn left to right after ``pad`` blank cells, the first of them the empty
    slot where the cursor sits at the end of the line (the left, in a right-to-left line);
    the window shows columns ``start`` to ``start + width``. ``cursor`` is the position in
    ``cells`` of the cursor's cell and ``column`` its column on screen.
    """

    cells: list[Cell]
    pad: int
    start: int
    cursor: int
    column: int

    def index_at(self, column: int) -> int:
        """The logical index under a screen column (left of the text: the end of the line)."""
        x = column - self.pad + self.start
        if x < 0:
            return self.cells[0].index
        for cell in self.cells:
            x -= cell_len(cell.glyph)
            if x < 0:
                return cell.index
        return self.cells[-1].index


def input_view(value: str, cursor: int, width: int, start: int = 0) -> InputView:
    """Where each character of a typed line goes, with the cursor at its logical place.

    The cursor sits on the cell of the character after it (as in a left-to-right box); a
    character drawn as nothing (a vowel mark, the alef of «لا») lends it the cell of the
    letter before. A line wider than ``width`` scrolls so the cursor stays in view, moving
    the previous window ``start`` as little as it can.
    """
    width = max(1, width)
    cells = [Cell(" ", len(value))] + [cell for cell in visual_cells(value) if cell.glyph]
    position_of = {cell.index: k for k, cell in enumerate(cells)}
    at = cursor
    while at > 0 and at not in position_of:
        at -= 1
    k = position_of.get(at, 0)
    column = sum(cell_len(cell.glyph) for cell in cells[:k])
    total = sum(cell_len(cell.glyph) for cell in cells)
    if total <= width:
        return InputView(cells, width - total, 0, k, width - total + column)
    start = min(max(start, column - width + 1, 0), column, total - width)
    return InputView(cells, 0, start, k, column - start)


def _embed_latin_brackets(line: str) -> str:
    """Wrap each bracket pair holding only left-to-right text in a left-to-right embedding.

    The pure-Python algorithm predates the bracket-pair rule (N0), so in «كلمة [bold]» the
    opening bracket would join the Arabic run and land on the wrong side. Embedding the pair
    keeps «[bold]», «(e-government)» and «(v2)» intact; pairs around Arabic or digits are left
    to the algorithm, which mirrors them correctly. The embedding codes are removed by it (X9).
    """
    openers: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(line):
        if ch in _OPEN_TO_CLOSE:
            openers.append(i)
        elif ch in _CLOSE_TO_OPEN:
            for k in range(len(openers) - 1, -1, -1):
                if line[openers[k]] == _CLOSE_TO_OPEN[ch]:
                    if _is_ltr(line[openers[k] + 1 : i]):
                        pairs.append((openers[k], i))
                    del openers[k:]
                    break
    for start, end in sorted(pairs, reverse=True):
        line = f"{line[:start]}\u202a{line[start:end + 1]}\u202c{line[end + 1:]}"
    return line


def _is_ltr(text: str) -> bool:
    classes = {unicodedata.bidirectional(ch) for ch in text}
    return "L" in classes and not classes & {"R", "AL"}


def logical_word(visual_word: str) -> str:
    """The logical spelling of a word as it appears in a visual line (for highlighting)."""
    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in visual_word):
        visual_word = visual_word[::-1]
    return unicodedata.normalize("NFKC", visual_word)  # presentation forms → letters


def render(
    text: str,
    width: int,
    mode: str,
    *,
    style: str = "",
    highlight: Callable[[str], bool] | None = None,
    highlight_style: str | Style = "bold reverse",
    base: str = "R",
) -> Text:
    """Logical ``text`` as a rich Text of lines fitting ``width`` cells, for ``mode``.

    ``base`` is the paragraph direction: ``R`` lines are right-aligned, ``L`` lines (English
    chrome, a file path) left-aligned.

    ``highlight`` is asked about each word (in logical spelling); the words it accepts get
    ``highlight_style``. The result is built from plain strings, never parsed as markup.
    """
    lines = wrap(sanitize(text), width)
    if mode == APP:
        lines = [visual_line(line, base) for line in lines]
        if base == "R":
            lines = [_right_align(line, width) for line in lines]
    result = Text("\n".join(lines), style=style, no_wrap=True, overflow="crop", end="")
    if highlight is not None:
        for match in _WORD_RE.finditer(result.plain):
            word = logical_word(match.group()) if mode == APP else match.group()
            if highlight(word):
                result.stylize(highlight_style, match.start(), match.end())
    return result


def _right_align(line: str, width: int) -> str:
    return " " * max(0, width - cell_len(line)) + line
