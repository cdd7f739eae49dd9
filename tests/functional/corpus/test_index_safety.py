"""The index survives what happens to it: incremental rebuilds, kill -9 and Ctrl+C mid-build,
two builds at once, tampering and truncation, leftovers of killed builds.

The interrupted and concurrent builds run in-process by default (an exception mid-build, the
build lock held); the same stories with real processes and signals are marked slow."""

import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from chatbot.cli.exits import Exit
from chatbot.cli.main import main
from chatbot.index import build as indexer
from chatbot.index import store
from chatbot.index.build import build_index, build_lock, open_index
from chatbot.qa.engine import open_engine

LARGE = 220  # enough files for `chatbot index` to print progress lines into a pipe
TOPICS = ["الحكومة", "التجارة", "التعليم", "الصحة", "المصارف", "النقل", "الزراعة", "السياحة"]


def index_of(corpus: Path) -> Path:
    return corpus.parent / "index"


def current(corpus: Path) -> str:
    return (index_of(corpus) / "CURRENT").read_text()


def add_many(corpus: Path, count: int = LARGE) -> None:
    """Many small, distinct lectures (distinct so none is taken from the cache)."""
    for n in range(count):
        topic = TOPICS[n % len(TOPICS)]
        (corpus / f"lecture-{n:03}.txt").write_text(
            f"محاضرة {topic} رقم {n}\nاولا مفهوم {topic} الالكترونية\n"
            f"هي استخدام التقنية في قطاع {topic} للمرة {n}.\nثانيا مزايا {topic}\n1/ السرعة\n2/ خفض التكلفة\n",
            encoding="utf-8",
        )


def start_build(corpus: Path) -> subprocess.Popen:
    """``chatbot index`` in a child that takes Ctrl-C as a terminal's user would give it: a
    test worker may ignore SIGINT, and a child would inherit that."""
    return subprocess.Popen(
        [sys.executable, "-m", "chatbot.cli", "index", "--corpus", str(corpus)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def pause_mid_build(build: subprocess.Popen) -> None:
    """Wait until the build reports files done but not all of them, then freeze it there."""
    for line in build.stderr:
        if (m := re.search(r"indexing (\d+)/(\d+)", line)) and 0 < int(m.group(1)) < int(m.group(2)):
            build.send_signal(signal.SIGSTOP)
            return
    raise AssertionError(f"the build ended before it was half done: {build.wait()}")


def ask(corpus: Path, question: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "chatbot.cli", "ask", question, "--corpus", str(corpus)],
        capture_output=True, text=True, timeout=300,
    )


# -- incremental -------------------------------------------------------------------------

def test_only_the_changed_file_is_processed_again(corpus):
    (corpus / "b.txt").write_text("اولا مفهوم التجارة الالكترونية\nهي البيع عبر الانترنت\n", encoding="utf-8")
    (corpus / "c.md").write_text("# التعليم الالكتروني\n- مرونة الوقت\n", encoding="utf-8")
    first = build_index(corpus, index_of(corpus))
    assert sorted(first.processed) == ["b.txt", "c.md", "e-government.txt"] and first.reused == []

    (corpus / "b.txt").write_text("اولا مفهوم التجارة الالكترونية\nهي البيع والشراء عبر الانترنت\n", encoding="utf-8")
    second = build_index(corpus, index_of(corpus))
    assert second.processed == ["b.txt"]
    assert sorted(second.reused) == ["c.md", "e-government.txt"]

    (corpus / "d.txt").write_text("اولا الصحة الالكترونية\nملفات المرضى الرقمية\n", encoding="utf-8")
    (corpus / "c.md").unlink()
    third = build_index(corpus, index_of(corpus))
    assert third.processed == ["d.txt"] and third.files == 3


def _build_parts(index: Path) -> dict[str, str]:
    """Every file of the build in use but params.json, by checksum (params.json also records
    when each file was analysed, which a re-index keeps)."""
    params = store.read_params(index)
    assert params["checksums"].keys() == set(store.parts(params))
    return params["checksums"]


def _edited_corpus(corpus: Path) -> None:
    """A corpus indexed, then edited in its middle: a lecture given new words, a heading changed
    and a new section with items, and a later lecture removed; a copy of a lecture under
    another name shares its cache entry."""
    (corpus / "b.txt").write_text(
        "اولا مفهوم التجارة الالكترونية\nهي البيع عبر الانترنت\nثانيا مزاياها\n1/ السرعة\n2/ خفض التكلفة\n",
        encoding="utf-8")
    (corpus / "c.md").write_text("# التعليم الالكتروني\n- مرونة الوقت\n- خفض التكلفة\n", encoding="utf-8")
    (corpus / "sub").mkdir()
    shutil.copy(corpus / "c.md", corpus / "sub" / "copy.md")
    add_many(corpus, 12)
    build_index(corpus, index_of(corpus))
    lecture = corpus / "lecture-006.txt"
    lecture.write_text(lecture.read_text(encoding="utf-8").replace("ثانيا مزايا", "ثانيا فوائد")
                       + "ثالثا عيوب الزراعة الرقمية\n1/ الاحتيال\n2/ ضعف الشبكات\n", encoding="utf-8")
    (corpus / "lecture-009.txt").unlink()


def _assert_same_as_a_full_build(corpus: Path, again, full_index: Path) -> None:
    full = build_index(corpus, full_index)
    assert full.reused == ["sub/copy.md"]  # same content as c.md
    assert (full.files, full.passages, full.sections) == (again.files, again.passages, again.sections)
    assert _build_parts(full_index) == _build_parts(index_of(corpus))
    assert list(store.load_index(full_index).passages) == list(store.load_index(index_of(corpus)).passages)


def _spy_kept_counts(monkeypatch) -> list:
    """Record what each call of the indexer's kept-rows path returned (None: it counted all)."""
    results, real = [], indexer._with_kept_ends

    def spy(*args):
        results.append(real(*args))
        return results[-1]

    monkeypatch.setattr(indexer, "_with_kept_ends", spy)
    return results


def test_reindex_after_an_edit_gives_the_index_a_full_build_gives(corpus, tmp_path, monkeypatch):
    _edited_corpus(corpus)
    kept = _spy_kept_counts(monkeypatch)
    again = build_index(corpus, index_of(corpus))
    assert again.processed == ["lecture-006.txt"] and len(again.reused) == again.files - 1
    assert len(kept) == 2 and all(counts is not None for counts in kept)  # char, file.char: rows kept
    _assert_same_as_a_full_build(corpus, again, tmp_path / "full")


def test_reindex_when_a_word_is_first_used_later_counts_everything(corpus, tmp_path, monkeypatch):
    """A word whose first use was in the edited file is now first used after another: its terms
    are numbered in a new order, so nothing is copied from the build in use."""
    _edited_corpus(corpus)
    build_index(corpus, index_of(corpus))
    (corpus / "b.txt").write_text("اولا مفهوم التجارة الالكترونية\nهي البيع عبر الانترنت\n", encoding="utf-8")
    kept = _spy_kept_counts(monkeypatch)
    again = build_index(corpus, index_of(corpus))
    assert again.processed == ["b.txt"] and None in kept  # «مزاياها», «السرعة» are first used later now
    _assert_same_as_a_full_build(corpus, again, tmp_path / "full")


def test_reindex_over_a_damaged_build_counts_everything_again(corpus, tmp_path):
    _edited_corpus(corpus)
    build = store.load_index(index_of(corpus)).path
    docs = build / "char.docs.npy"
    docs.write_bytes(docs.read_bytes()[:-4] + b"\0\0\0\0")
    _assert_same_as_a_full_build(corpus, build_index(corpus, index_of(corpus)), tmp_path / "full")


def test_unchanged_corpus_is_not_rebuilt(corpus):
    open_index(corpus, index_of(corpus))
    name = current(corpus)
    open_index(corpus, index_of(corpus))
    assert current(corpus) == name


# -- interrupted builds --------------------------------------------------------------------

def paused_rebuild(corpus):
    """An index built, then a larger rebuild started in a child process and frozen midway:
    (the child, the name of the build in use before it)."""
    build_index(corpus, index_of(corpus))
    before = current(corpus)
    add_many(corpus)
    build = start_build(corpus)
    pause_mid_build(build)
    return build, before


@pytest.mark.slow  # in-process: test_crash_while_writing_the_build_…
def test_kill_9_mid_build_leaves_the_previous_index_usable(corpus):
    build, before = paused_rebuild(corpus)
    build.kill()  # SIGKILL: no clean-up code runs
    build.wait()

    assert current(corpus) == before
    old = store.load_index(index_of(corpus))  # checksums verified
    assert {p.source for p in old.passages} == {"e-government.txt"}

    answer = ask(corpus, "ما مراحل الحكومة الالكترونية")
    assert answer.returncode == 0, answer.stderr
    assert "مرحلة الاعلان" in answer.stdout and "e-government.txt" in answer.stdout
    assert not list((index_of(corpus) / "builds").glob(".*.partial"))
    assert len(store.load_index(index_of(corpus)).params["corpus"]) == LARGE + 1


def test_ctrl_c_mid_index_command_exits_130_and_keeps_the_index(corpus, capsys, monkeypatch):
    build_index(corpus, index_of(corpus))
    before = current(corpus)
    (corpus / "b.txt").write_text("اولا مفهوم التجارة الالكترونية\nالبيع عبر الانترنت\n", encoding="utf-8")

    def interrupted(path):
        raise KeyboardInterrupt

    monkeypatch.setattr(indexer, "read_document", interrupted)
    assert main(["index", "--corpus", str(corpus)]) == Exit.INTERRUPTED
    assert "interrupted" in capsys.readouterr().err
    assert current(corpus) == before
    store.load_index(index_of(corpus))


@pytest.mark.slow
def test_ctrl_c_mid_build_stops_cleanly_and_keeps_the_index(corpus):
    build, before = paused_rebuild(corpus)
    build.send_signal(signal.SIGINT)
    build.send_signal(signal.SIGCONT)
    _, err = build.communicate(timeout=120)
    assert build.returncode == Exit.INTERRUPTED
    assert "interrupted" in err and "Traceback" not in err
    assert current(corpus) == before
    store.load_index(index_of(corpus))


def test_crash_while_writing_the_build_leaves_a_partial_that_the_next_build_removes(corpus, monkeypatch):
    build_index(corpus, index_of(corpus))
    before = current(corpus)
    (corpus / "b.txt").write_text("اولا مفهوم التجارة الالكترونية\nالبيع عبر الانترنت\n", encoding="utf-8")
    saves = []
    real_write = store._write_part

    def failing_write(*args, **kwargs):
        saves.append(args[0])
        if len(saves) == 3:
            raise KeyboardInterrupt  # as if Ctrl+C arrived while the arrays were written
        return real_write(*args, **kwargs)

    monkeypatch.setattr(store, "_write_part", failing_write)
    with pytest.raises(KeyboardInterrupt):
        build_index(corpus, index_of(corpus))
    monkeypatch.setattr(store, "_write_part", real_write)

    builds = index_of(corpus) / "builds"
    assert current(corpus) == before and len(list(builds.glob(".*.partial"))) == 1
    assert store.load_index(index_of(corpus)).passages
    (index_of(corpus) / ".CURRENT.999.tmp").write_bytes(b"half")

    report = build_index(corpus, index_of(corpus))
    assert report.processed == []  # b.txt's analysis was cached before the crash
    assert not list(builds.glob(".*")) and not list(index_of(corpus).glob(".*.tmp"))
    assert [p.name for p in builds.iterdir()] == [current(corpus)]


# -- two builds at once ----------------------------------------------------------------------

def test_index_command_is_refused_while_a_build_holds_the_lock(corpus, capsys):
    with build_lock(index_of(corpus), wait=False):  # as a build in another process holds it
        assert main(["index", "--corpus", str(corpus)]) == Exit.FAILED
    err = capsys.readouterr().err
    assert "يُبنى الآن في عملية أخرى" in err and "another process is building the index" in err
    assert main(["index", "--corpus", str(corpus)]) == 0, "free again once the build is over"


@pytest.mark.slow
def test_second_build_is_refused_while_one_runs(corpus):
    add_many(corpus)
    first = start_build(corpus)
    pause_mid_build(first)
    try:
        second = subprocess.run(
            [sys.executable, "-m", "chatbot.cli", "index", "--corpus", str(corpus)],
            capture_output=True, text=True, timeout=120,
        )
    finally:
        first.send_signal(signal.SIGCONT)
    assert second.returncode == Exit.FAILED
    assert "يُبنى الآن في عملية أخرى" in second.stderr and "another process is building the index" in second.stderr
    assert "Traceback" not in second.stderr
    _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    index = store.load_index(index_of(corpus))
    assert len(index.params["corpus"]) == LARGE + 1


# -- tampered and truncated ----------------------------------------------------------------------

def _tamper(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


@pytest.mark.parametrize("damage", [_tamper, _truncate], ids=["tampered", "truncated"])
@pytest.mark.parametrize("victim", ["passages.jsonl", "word.docs.npy"])
def test_damaged_index_is_detected_and_rebuilt(corpus, caplog, damage, victim):
    engine = open_engine(corpus)
    folder = engine.index.path
    victims = sorted(folder.glob(victim))
    assert victims, sorted(p.name for p in folder.iterdir())
    damage(victims[0])
    with pytest.raises(store.IndexCorrupt, match="checksum mismatch"):
        store.load_index(index_of(corpus))

    rebuilt = open_engine(corpus)
    assert "index is corrupt" in caplog.text
    assert rebuilt.index.path != folder
    assert rebuilt.ask("ما مراحل الحكومة الالكترونية").answer.passage.source == "e-government.txt"


def test_truncated_params_is_rebuilt(corpus):
    engine = open_engine(corpus)
    _truncate(engine.index.path / "params.json")
    rebuilt = open_engine(corpus)
    assert rebuilt.index.path != engine.index.path
    assert store.load_index(index_of(corpus)).passages


def test_tampered_cache_entry_is_processed_again(corpus):
    build_index(corpus, index_of(corpus))
    for entry in (index_of(corpus) / "cache").glob("*/entry.json"):
        entry.write_text('{"pipeline": "x"}', encoding="utf-8")
    (corpus / "b.txt").write_text("اولا مفهوم التجارة\nالبيع عبر الانترنت\n", encoding="utf-8")
    report = build_index(corpus, index_of(corpus))
    assert sorted(report.processed) == ["b.txt", "e-government.txt"]
