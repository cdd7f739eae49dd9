"""A chat app over a temporary copy of the lecture, built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bundled_lecture import LECTURE
from chatbot.qa.engine import open_engine
from chatbot.tui.app import ChatApp, create_app

UNSAFE_TEXT = """\
عنوان خطير
1/ نص فيه [bold]وسم[/bold] و [link=http://example.com]رابط[/link]
2/ نص فيه تسلسل \x1b[31mتحكم\x1b[0m في الطرفية
"""


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(corpus, index) folders with the lecture, index already built."""
    root = tmp_path_factory.mktemp("tui")
    (root / "corpus").mkdir()
    shutil.copy(LECTURE, root / "corpus" / LECTURE.name)
    open_engine(root / "corpus", root / "index")
    return root / "corpus", root / "index"


@pytest.fixture(scope="session")
def engine(corpus: tuple[Path, Path]):
    """One engine over the lecture for every app (it keeps no state between questions)."""
    return open_engine(*corpus)


@pytest.fixture
def make_app(engine, tmp_path: Path):
    """``make_app(rtl="app", lang="ar")``: a fresh app over the lecture, exporting into ``tmp_path``."""

    def make(rtl: str = "app", folders: tuple[Path, Path] | None = None, lang: str = "ar") -> ChatApp:
        if folders is None:
            return create_app(lambda progress: engine, rtl, tmp_path, lang)
        return create_app(lambda progress: open_engine(*folders, progress), rtl, tmp_path, lang)

    return make


@pytest.fixture
def unsafe_corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus whose text holds markup and an escape sequence."""
    (tmp_path / "unsafe").mkdir()
    (tmp_path / "unsafe" / "unsafe.txt").write_text(UNSAFE_TEXT, encoding="utf-8")
    return tmp_path / "unsafe", tmp_path / "unsafe-index"

