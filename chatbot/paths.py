"""Where the default corpus and index live.

Run from a checkout (``uv run chatbot``) they are the checkout's ``corpus/`` and ``index/``, as
they always were. An installed copy (``uv tool install .``, ``pip install .``) has no checkout
beside it, and a read-only checkout cannot take an index or new lectures: then they live in the
user's data folder, which the first use seeds with the bundled lecture. The wheel build maps the
checkout's ``corpus/`` to ``chatbot/bundled/`` (pyproject's ``force-include``), so the lecture has
one copy in the repository.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import platformdirs

__all__ = ["bundled_corpus", "default_corpus", "default_corpus_path", "default_index_for"]

PACKAGE_DIR = Path(__file__).resolve().parent
CHECKOUT_DIR = PACKAGE_DIR.parent
BUNDLED_DIR = PACKAGE_DIR / "bundled"  # only in a built wheel
APP_NAME = "chatbot"


def default_index_for(corpus: Path) -> Path:
    """``index/`` beside the corpus folder."""
    return corpus.resolve().parent / "index"


def _writable_checkout_corpus() -> Path | None:
    """The checkout's ``corpus/`` when running from a checkout whose corpus and index can be
    written (the index folder, or the checkout to create it); else None."""
    corpus = CHECKOUT_DIR / "corpus"
    if not (CHECKOUT_DIR / "pyproject.toml").is_file() or not corpus.is_dir():
        return None
    index = default_index_for(corpus)
    index_writable = os.access(index, os.W_OK) if index.exists() else os.access(CHECKOUT_DIR, os.W_OK)
    return corpus if os.access(corpus, os.W_OK) and index_writable else None


def default_corpus_path() -> Path:
    """The default corpus folder, without creating anything (for ``--help``)."""
    return _writable_checkout_corpus() or platformdirs.user_data_path(APP_NAME, appauthor=False) / "corpus"


def bundled_corpus() -> Path:
    """The lecture(s) shipped with the program: the wheel's copy, else the checkout's."""
    return BUNDLED_DIR if BUNDLED_DIR.is_dir() else CHECKOUT_DIR / "corpus"


def default_corpus() -> Path:
    """The default corpus folder; outside a checkout, the first call copies the bundled lecture
    into the user's data folder (whole or not at all: copied beside it, then renamed)."""
    corpus = default_corpus_path()
    if not corpus.exists():
        corpus.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".corpus-", dir=corpus.parent))
        try:
            shutil.copytree(bundled_corpus(), staging, dirs_exist_ok=True)
            staging.rename(corpus)
        except OSError:
            if not corpus.is_dir():  # not another run seeding it at the same moment
                raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return corpus
