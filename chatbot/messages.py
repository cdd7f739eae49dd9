"""Every message the chatbot gives a user, as (Arabic, English) pairs in one place.

The words are data, like a gettext catalogue: ``messages.tsv`` beside this module, one
message a line, read once at import into :class:`Say` pairs that stand here as module
attributes by their names (``msg.NO_ANSWER``, ``msg.SMALLTALK[kind]``); the chat's own
words (``chat.NAME``) become :mod:`chatbot.tui.strings`'s the same way.

The command line, ``--json`` replies, exception messages and logs print both halves on one
line, Arabic first: «عربي / English» (``str(say)``, or ``say.both(field=…)`` to fill its
``{field}`` placeholders). The chat shows one language at a time (``say(lang, field=…)``).
A field may itself be a :class:`Say`: each half is then filled with its own language's
words (a reason, a kind of file).

Light on purpose (the standard library only, no chatbot import): every layer, from the
readers to the chat, takes its words from here. What follows a message in one language only
(a path, an OS error, a list of valid names) is appended by the caller after the pair.
"""

from __future__ import annotations

import errno
import re
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

__all__ = ["CATALOGUE", "SEPARATOR", "Language", "Say", "messages_in", "read_catalogue"]

T = TypeVar("T")

# Between the halves of a bilingual line; the chat's engine_message splits on it.
SEPARATOR = " / "


class Language(StrEnum):
    AR = "ar"
    EN = "en"

    @property
    def base(self) -> str:
        """The paragraph direction of the chat's own lines in this language (``R`` or ``L``).

        Taken from the language, not from a line's first letter: «e-government.txt، الأسطر 5-9»
        is an Arabic line that starts with a Latin word.
        """
        return "R" if self is Language.AR else "L"


class Say(NamedTuple):
    """One message in both languages; ``say(lang)`` picks one (``format`` fills its fields),
    ``str(say)`` / ``say.both(**fields)`` gives the bilingual line «ar / en»."""

    ar: str
    en: str

    def __call__(self, lang: Language, **fields: object) -> str:
        text = self.ar if lang is Language.AR else self.en
        if not fields:
            return text
        return text.format(**{k: v(lang) if isinstance(v, Say) else v for k, v in fields.items()})

    def both(self, **fields: object) -> str:
        """The bilingual line «ar / en» the command line, JSON and exceptions carry."""
        return SEPARATOR.join(self.pair(**fields))

    def pair(self, **fields: object) -> tuple[str, str]:
        """Both halves, filled (for a caller that lays them out otherwise than «ar / en»)."""
        return self(Language.AR, **fields), self(Language.EN, **fields)

    def __str__(self) -> str:
        return self.both()


# -- The catalogue: every message's words, in messages.tsv beside this module ---------------------

# A line break inside a message is written \n in the file, a backslash \\.
_ESCAPE = re.compile(r"\\(.)")
_ESCAPED = {"n": "\n", "\\": "\\"}


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPED[m.group(1)], text)


def read_catalogue(text: str) -> dict[str, Say | str]:
    """Every message of a catalogue by name, in its order (the format is told atop messages.tsv).

    A line with the Arabic only gives a ``str``: the half that pairs with the OS's own words.
    """
    catalogue: dict[str, Say | str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, *halves = line.split("\t")
        if len(halves) not in (1, 2) or name in catalogue or set(_ESCAPE.findall(line)) - _ESCAPED.keys():
            raise ValueError(f"messages.tsv, line {number}: write NAME<TAB>Arabic<TAB>English, each name once, "
                             f"escapes \\n or \\\\ only: {line[:80]!r}")
        texts = [_unescape(half) for half in halves]
        catalogue[name] = Say(*texts) if len(texts) == 2 else texts[0]
    return catalogue


# Beside the module, in the package as installed too (pathlib, not importlib.resources: lighter at start).
CATALOGUE = read_catalogue(Path(__file__).with_name("messages.tsv").read_text(encoding="utf-8"))


def messages_in(scope: str = "") -> dict[str, Any]:
    """One part of :data:`CATALOGUE` as module attributes: ``""`` the engine's (``NAME``),
    ``"chat"`` the chat's (``chat.NAME``). ``NAME.key`` lines gather into a table ``NAME``
    by key, in the file's order (the caller turns the keys into what it looks up by)."""
    found: dict[str, Any] = {}
    for name, message in CATALOGUE.items():
        owner, _, rest = name.partition(".")
        if scope:
            if owner != scope:
                continue
            name = rest
        elif owner.islower():
            continue
        table, dot, key = name.partition(".")
        if dot:
            found.setdefault(table, {})[key] = message
        else:
            found[name] = message
    return found


def _by_errno(table: dict[str, T]) -> dict[int, T]:
    """A table the file keys by errno name (``EACCES``), keyed by number as ``OSError.errno`` is."""
    return {getattr(errno, name): message for name, message in table.items()}


# EMPTY, NO_ANSWER, SMALLTALK[kind], OS_REASONS[errno], …: each name of the catalogue, here.
globals().update(messages_in())
OS_REASONS: dict[int, Say] = _by_errno(OS_REASONS)  # noqa: F821 (set just above)
UNWRITABLE_WHY_AR: dict[int, str] = _by_errno(UNWRITABLE_WHY_AR)  # noqa: F821
