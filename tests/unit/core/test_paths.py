"""Where the default corpus and index live: the checkout's own folders when running from a
writable checkout, else the user's data folder, seeded once with the bundled lecture."""

import os
from pathlib import Path

import pytest

from chatbot import paths
from chatbot.cli.main import main

LECTURE = "e-government.txt"


@pytest.fixture
def installed(tmp_path: Path, monkeypatch) -> Path:
    """As in an installed copy: no checkout beside the package, a bundled lecture in the package,
    a fresh user data folder. Returns the data folder."""
    package = tmp_path / "site-packages" / "chatbot"
    (package / "bundled").mkdir(parents=True)
    (package / "bundled" / LECTURE).write_text("اولا مفهوم الحكومة الالكترونية\n", encoding="utf-8")
    monkeypatch.setattr(paths, "CHECKOUT_DIR", package.parent)
    monkeypatch.setattr(paths, "BUNDLED_DIR", package / "bundled")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "chatbot"


def test_a_checkout_keeps_its_corpus_and_index() -> None:
    corpus = paths.default_corpus()
    assert corpus == paths.CHECKOUT_DIR / "corpus" and (corpus / LECTURE).is_file()
    assert paths.default_index_for(corpus) == paths.CHECKOUT_DIR / "index"
    assert paths.bundled_corpus() == corpus, "one copy of the lecture: the wheel maps corpus/ in"


def test_installed_copy_seeds_the_data_folder_once(installed: Path) -> None:
    assert paths.default_corpus_path() == installed / "corpus"
    assert not installed.exists(), "finding the path for --help creates nothing"
    corpus = paths.default_corpus()
    assert corpus == installed / "corpus"
    assert (corpus / LECTURE).read_text(encoding="utf-8") == "اولا مفهوم الحكومة الالكترونية\n"
    assert paths.default_index_for(corpus) == installed / "index"
    assert [p.name for p in installed.iterdir()] == ["corpus"], "no staging folder left behind"
    (corpus / LECTURE).unlink()  # the instructor's corpus from now on: never seeded again
    assert paths.default_corpus() == corpus and not any(corpus.iterdir())


def test_read_only_checkout_uses_the_data_folder(tmp_path: Path, monkeypatch) -> None:
    checkout = tmp_path / "checkout"
    (checkout / "corpus").mkdir(parents=True)
    (checkout / "corpus" / LECTURE).write_text("نص\n", encoding="utf-8")
    (checkout / "pyproject.toml").write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "CHECKOUT_DIR", checkout)
    monkeypatch.setattr(paths, "BUNDLED_DIR", checkout / "chatbot" / "bundled")  # as in a checkout
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert paths.default_corpus_path() == checkout / "corpus"
    real_access = os.access  # chmod would not do: root may write anything
    monkeypatch.setattr(paths.os, "access", lambda p, mode: real_access(p, mode) and checkout not in Path(p).parents)
    corpus = paths.default_corpus()
    assert corpus == tmp_path / "data" / "chatbot" / "corpus"
    assert (corpus / LECTURE).read_text(encoding="utf-8") == "نص\n", "seeded from the checkout's lecture"


def test_help_says_where_the_default_corpus_and_index_are(installed: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # argparse would cut the long temporary path
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert str(installed / "corpus") in out and str(installed / "index") in out
