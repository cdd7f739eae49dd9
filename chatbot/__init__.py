"""An Arabic question-answering chatbot over lecture notes.

A question travels down the packages once: ``text`` (normalise, tokenise, stem, spell) →
``index`` (read lecture files, split passages, BM25 fields, vectors, the index on disk) →
``qa`` (read the question, retrieve, decide) → ``cli`` and ``tui`` (show). ``eval`` scores the
replies in standard IR terms; ``paths`` says where the corpus and index live.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable

__all__ = ["lazy_exports"]


def lazy_exports(package: str, homes: dict[str, str]) -> Callable[[str], Any]:
    """A package's ``__getattr__`` that fetches each public name from its home module when
    first used: importing a package stays light (the chat draws its first frame before
    camel-tools is loaded)."""

    def __getattr__(name: str) -> Any:
        if name in homes:
            return getattr(import_module(f"{package}.{homes[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
