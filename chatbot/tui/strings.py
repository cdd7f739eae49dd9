"""Every word the chat shows around the lecture, as (Arabic, English) pairs.

The chat speaks Arabic; ``--lang en`` or ``CHATBOT_LANG=en`` switch it to English. One
language per run and per line: a bilingual line such as «… / The lecture does not …» puts its
punctuation at the wrong end in either direction and breaks mid-sentence at 80 columns. The
engine's own messages come bilingual («عربي / English»); :func:`engine_message` keeps one half.
:class:`Say` and :class:`Language` live in :mod:`chatbot.messages`, with the engine's messages;
the words are the ``chat.`` lines of its catalogue, ``chatbot/messages.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import NamedTuple

from chatbot.messages import SEPARATOR, Language, Say, messages_in

__all__ = [
    "BINDINGS", "COMMANDS", "Language", "Say", "engine_message", "localize_bindings", "resolve_language",
]


def resolve_language(requested: str | None, env: Mapping[str, str]) -> Language:
    """``--lang``, else ``CHATBOT_LANG``, else Arabic (an unknown value also means Arabic)."""
    choice = (requested or env.get("CHATBOT_LANG") or "").strip().lower()
    return Language.EN if choice.startswith("en") else Language.AR


def engine_message(message: str, lang: Language) -> str:
    """The half of an engine message «عربي / English» in ``lang`` (the whole if not split)."""
    arabic, slash, english = message.partition(SEPARATOR)
    if not slash:
        return message
    return arabic if lang is Language.AR else english


# Footer keys and palette commands, by binding id: (footer word, palette title, palette help).
class Command(NamedTuple):
    footer: Say
    title: Say
    help: Say


def _commands(table: dict[str, Say]) -> dict[str, Command]:
    """The catalogue's ``chat.BINDINGS.<id>.<footer|title|help>`` lines as a Command by id."""
    ids = dict.fromkeys(key.partition(".")[0] for key in table)
    return {id_: Command(*(table[f"{id_}.{field}"] for field in Command._fields)) for id_ in ids}


# TITLE, HELP, MODE_NAMES[mode], …: each chat.NAME of the catalogue (chatbot/messages.tsv), here.
globals().update(messages_in("chat"))
BINDINGS: dict[str, Command] = _commands(BINDINGS)  # noqa: F821 (set just above)


def localize_bindings(key_to_bindings: dict[str, list], lang: Language, shown: Callable[[str], str]) -> None:
    """Give each binding with an id in :data:`BINDINGS` its footer word and tooltip in ``lang``.

    ``key_to_bindings`` is a Textual ``BindingsMap.key_to_bindings`` (bindings are frozen
    dataclasses, so they are replaced); ``shown`` lays a word out for the screen. Those
    bindings are declared without a description, which Textual reads as hidden: they are all
    meant for the footer (a hidden key simply has no id here).
    """
    for key, bindings in key_to_bindings.items():
        key_to_bindings[key] = [
            replace(b, description=shown(BINDINGS[b.id].footer(lang)), tooltip=BINDINGS[b.id].help(lang), show=True)
            if b.id in BINDINGS else b
            for b in bindings
        ]


# The binding ids also offered as palette commands.
COMMANDS = ("toc", "more", "copy", "save", "clear", "rtl", "theme", "help", "quit")
