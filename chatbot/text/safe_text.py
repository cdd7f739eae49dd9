"""Text from lectures, file names and questions made safe for a terminal, in plain text and JSON.

A lecture is untrusted: a line holding ``ESC ] 52 ; c ; … BEL`` rewrites the clipboard of the
student's terminal, ``ESC [2J`` clears the screen, U+202E turns the rest of the line around.
Every human-readable path of the command line goes through this module (the CLI wraps its
output streams in :class:`SafeStream`, see :func:`chatbot.cli.main`), so no print can forget.

**The set** (:data:`UNSAFE_RE`), characters that make a terminal do something instead of
showing something:

* C0 controls except newline and tab (U+0000–U+0008, U+000B–U+001F: ESC, BEL, carriage
  return, backspace…), DEL (U+007F) and the C1 controls (U+0080–U+009F, e.g. U+009B, the
  one-byte CSI);
* bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they carry state to
  the end of the line or paragraph, so one stray override scrambles everything after it.

In plain text a control becomes a visible symbol — the Unicode "control picture" for C0
(``␛`` for ESC, ``␇`` for BEL, ``␍`` for CR), ``␡`` for DEL, ``�`` for C1, as the TUI shows
them — so the reader sees that the lecture holds something odd; a bidi control is dropped, since
it is invisible formatting (Word exports carry RLE/PDF pairs in honest Arabic text) and showing
it would only clutter the line.

**Kept on purpose**: the bidi *marks* LRM, RLM and ALM (U+200E, U+200F, U+061C) carry no state
— each is an invisible strong letter — and SQuAD corpus paragraphs open with RLM; zero-width
joiners and non-joiners (U+200C, U+200D), which Arabic-script text uses; newline and tab.

In JSON the same set is written as ``\\uXXXX`` escapes: the output is still valid JSON and reads
back to exactly the original text, and nothing raw reaches a terminal that shows it.
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

__all__ = ["SafeStream", "UNSAFE_RE", "to_json", "visible"]

# C0 but newline and tab, DEL, C1; bidi embeddings, overrides (U+202A–E) and isolates (U+2066–9).
UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_DEL_PICTURE = "\u2421"  # ␡
_C1_PICTURE = "\ufffd"  # �: Unicode has no pictures for C1


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    if char in _BIDI_CONTROLS:
        return ""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    return _DEL_PICTURE if code == 0x7F else _C1_PICTURE


def visible(text: str) -> str:
    """``text`` safe to print: controls shown as symbols, bidi controls dropped.

    «تعريف\\x1b[2J الحكومة» → «تعريف␛[2J الحكومة»; «الحكومة\\u202e الالكترونية» → «الحكومة الالكترونية».
    """
    return UNSAFE_RE.sub(_picture, text)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def to_json(obj: Any) -> str:
    """One line of JSON, Arabic kept readable, with every character of :data:`UNSAFE_RE` written
    as a ``\\uXXXX`` escape (``json.dumps`` alone leaves DEL, C1 and bidi controls raw).

    Outside strings JSON is ASCII punctuation, so the characters replaced are all inside strings
    and ``json.loads`` gives back the original text."""
    return UNSAFE_RE.sub(_escape, json.dumps(obj, ensure_ascii=False))


class SafeStream:
    """A text stream that writes through :func:`visible`; everything else is the wrapped
    stream's (``isatty``, ``encoding``, ``fileno``…). ``raw`` is the stream itself, for the one
    writer that sends a control on purpose (the progress bar's carriage return)."""

    def __init__(self, raw: TextIO):
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(visible(text))
        return len(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)
