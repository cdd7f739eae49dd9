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

import arabic_reshaper
# The pure-Python implementation, not the Rust one at ``bidi.get_display``: the Rust core does
# not mirror brackets, so «(في الدول)» would come out as «)لودلا يف(».
from bidi.algorithm import get_display
from rich.cells import cell_len
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


def visual_line(line: str) -> str:
    """One logical line as a left-to-right terminal must draw it: shaped, then reordered."""
    if not line:
        return line
    return get_display(_embed_latin_brackets(_RESHAPER.reshape(line)), base_dir="R")


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
    highlight_style: str = "bold reverse",
) -> Text:
    """Logical ``text`` as a rich Text of lines fitting ``width`` cells, for ``mode``.

    ``highlight`` is asked about each word (in logical spelling); the words it accepts get
    ``highlight_style``. The result is built from plain strings, never parsed as markup.
    """
    lines = wrap(sanitize(text), width)
    if mode == APP:
        lines = [_right_align(visual_line(line), width) for line in lines]
    result = Text("\n".join(lines), style=style, no_wrap=True, overflow="crop", end="")
    if highlight is not None:
        for match in _WORD_RE.finditer(result.plain):
            word = logical_word(match.group()) if mode == APP else match.group()
            if highlight(word):
                result.stylize(highlight_style, match.start(), match.end())
    return result


def _right_align(line: str, width: int) -> str:
    return " " * max(0, width - cell_len(line)) + line
