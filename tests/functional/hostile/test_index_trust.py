"""Nothing the index trusts goes unchecked, and a hostile or unlucky disk never crashes `ask`.

Each case is built on the fly from the bundled lecture: a tampered cache entry, tampered
parameters, a removed field file, an index folder that cannot be written, a file removed in
the middle of a build, a symlink out of the corpus, and a build running while a student asks.
Each checks the message or warning, the exit status, and that the last good index answers.
"""

import errno
import json
import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

from chatbot.cli.exits import Exit
from chatbot.index import build as indexer
from chatbot.index import store
from chatbot.cli.main import main
from chatbot.qa.engine import open_engine
from chatbot.index.build import IndexUnwritable, build_index, is_fresh, open_index

QUESTION = "ما مراحل الحكومة الالكترونية"
NEW_LECTURE = "اولا مفهوم التجارة الالكترونية\nهي البيع والشراء عبر الانترنت\n"


def index_of(corpus: Path) -> Path:
    return corpus.parent / "index"


def answers_from_the_lecture(corpus: Path, index: Path | None = None) -> None:
    reply = open_engine(corpus, index).ask(QUESTION)
    assert reply.kind == "answer" and reply.answer.passage.source == "e-government.txt"
    assert "مرحلة الاعلان" in reply.answer.passage.text


def build_folder(corpus: Path) -> Path:
    return store.load_index(index_of(corpus)).path


# -- the per-file cache ------------------------------------------------------------------------

def test_tampered_cache_entry_is_analysed_again_never_served(corpus, caplog):
    build_index(corpus, index_of(corpus))
    [entry] = (index_of(corpus) / "cache").glob("*/passages.jsonl")
    lines = entry.read_bytes().splitlines(keepends=True)
    planted = json.loads(lines[0])
    planted["text"] = "نص مزروع / planted text"
    entry.write_bytes(json.dumps(planted, ensure_ascii=False).encode() + b"\n" + b"".join(lines[1:]))
    (corpus / "b.txt").write_text(NEW_LECTURE, encoding="utf-8")  # the index is stale: a rebuild

    report = build_index(corpus, index_of(corpus))
    assert sorted(report.processed) == ["b.txt", "e-government.txt"] and report.reused == []
    assert "damaged cached analysis redone for 1 file(s): 'e-government.txt'" in caplog.text
    index = store.load_index(index_of(corpus))
    assert not any("planted" in p.text for p in index.passages)
    assert b"planted" not in entry.read_bytes()
    answers_from_the_lecture(corpus)


def _rewrite_entry(folder: Path, change) -> None:
    """Apply ``change`` to a cache entry's JSON and recompute its checksum line, as a forger would."""
    meta = store.parse_checked((folder / "entry.json").read_bytes())
    change(meta)
    (folder / "entry.json").write_bytes(store.checked_json(meta))


@pytest.mark.parametrize("change", [
    lambda meta: meta["distinct"].pop(),  # one passage without its words
    lambda meta: meta["parents"].__setitem__(0, 10**6),  # a parent outside the file
    lambda meta: meta["levels"].__setitem__(0, "chapter"),  # no such level
    lambda meta: meta["distinct"].__setitem__(0, meta["distinct"][0] + 1),  # more words than stored
    lambda meta: meta["distinct"].__setitem__(0, "3"),  # not a number
], ids=["passages", "parent", "level", "word-count", "type"])
def test_cache_entry_with_a_recomputed_checksum_but_a_broken_shape_is_analysed_again(corpus, caplog, change):
    build_index(corpus, index_of(corpus))
    [folder] = (index_of(corpus) / "cache").glob("*/")
    _rewrite_entry(folder, change)
    (corpus / "b.txt").write_text(NEW_LECTURE, encoding="utf-8")
    assert "e-government.txt" in build_index(corpus, index_of(corpus)).processed
    assert "damaged cached analysis" in caplog.text


# -- params.json -------------------------------------------------------------------------------

def _edit_params(folder: Path, change, keep_checksum_line: bool) -> None:
    path = folder / "params.json"
    checksum, _, body = path.read_bytes().partition(b"\n")
    params = json.loads(body)
    change(params)
    if keep_checksum_line:  # edited by hand: the checksum line no longer matches
        path.write_bytes(checksum + b"\n" + json.dumps(params, ensure_ascii=False).encode())
    else:  # forged with a matching checksum: the values themselves must be refused
        path.write_bytes(store.checked_json(params))


def _set(field: str, key: str, value):
    def change(params: dict) -> None:
        params["bm25"][field][key] = value
    return change


def _drop_char_field(params: dict) -> None:
    del params["bm25"]["char"]


TAMPERING = {
    "k1=1e9": _set("word", "k1", 1e9),
    "b=-5": _set("char", "b", -5),
    "unknown variant": _set("word", "variant", "bm99"),
    "k1 in range but not the pipeline's": _set("word", "k1", 1.2),
    "char field dropped": _drop_char_field,
}


@pytest.mark.parametrize("tamper", TAMPERING.values(), ids=TAMPERING.keys())
def test_forged_params_mean_a_rebuild_with_a_warning(corpus, caplog, tamper):
    """Values refused even when whoever edited params.json also fixed its checksum line."""
    folder = open_engine(corpus).index.path
    _edit_params(folder, tamper, keep_checksum_line=False)

    answers_from_the_lecture(corpus)
    assert "index is corrupt" in caplog.text and len(caplog.records) == 1
    assert build_folder(corpus) != folder


def test_edited_params_are_caught_by_their_checksum_and_rebuilt(corpus, caplog):
    folder = open_engine(corpus).index.path
    _edit_params(folder, _set("word", "k1", 1e9), keep_checksum_line=True)
    with pytest.raises(store.IndexCorrupt, match="checksum mismatch"):
        store.read_params(index_of(corpus))
    answers_from_the_lecture(corpus)
    assert "index is corrupt (checksum mismatch)" in caplog.text and build_folder(corpus) != folder


@pytest.mark.parametrize("tamper", [_set("char", "b", -5), _set("word", "variant", "bm99")], ids=["b=-5", "variant"])
def test_forged_params_out_of_range_are_refused_by_the_store(corpus, tamper):
    folder = open_engine(corpus).index.path
    _edit_params(folder, tamper, keep_checksum_line=False)
    with pytest.raises(store.IndexCorrupt, match="BM25"):
        store.read_params(index_of(corpus))


def test_index_of_the_previous_format_is_rebuilt_quietly(corpus, caplog):
    folder = open_engine(corpus).index.path
    _, _, body = (folder / "params.json").read_bytes().partition(b"\n")
    params = json.loads(body)
    (folder / "params.json").write_text(json.dumps(dict(params, format=1)), encoding="utf-8")
    answers_from_the_lecture(corpus)
    assert build_folder(corpus) != folder and not caplog.records


# -- missing parts -------------------------------------------------------------------------------

@pytest.mark.parametrize("part", ["char.terms.json", "surface.json"])
def test_removed_part_means_a_rebuild_with_a_warning(corpus, caplog, capsys, part):
    folder = open_engine(corpus).index.path
    (folder / part).unlink()

    assert main(["ask", QUESTION, "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "مرحلة الاعلان" in out and "e-government.txt" in out
    assert "index is corrupt" in caplog.text
    assert (build_folder(corpus) / part).exists()


def test_a_part_missing_from_the_checksums_is_refused(corpus):
    folder = open_engine(corpus).index.path
    _edit_params(folder, lambda params: params["checksums"].pop("char.terms.json"), keep_checksum_line=False)
    with pytest.raises(store.IndexCorrupt, match="char.terms.json"):
        store.load_index(index_of(corpus))


# -- an index folder that cannot be written ------------------------------------------------------

@contextmanager
def unwritable(folder: Path, monkeypatch):
    """``folder`` made unwritable the way this machine allows: immutable (``chattr +i``) as
    root, read-only permissions otherwise, else the OS error mocked on writes under it."""
    if os.geteuid() == 0 and shutil.which("chattr"):
        frozen = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        if frozen:
            try:
                yield
            finally:
                subprocess.run(["chattr", "-i", str(folder)], check=True)
            return
    elif os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    with refused_writes(folder, monkeypatch, errno.EPERM):
        yield


@contextmanager
def refused_writes(folder: Path, monkeypatch, code: int):
    """Every write under ``folder`` fails with the OS error ``code`` (as on a read-only mount,
    or a full disk)."""
    real_open, real_mkdir = Path.open, Path.mkdir

    def refused(path: Path) -> bool:
        return path.resolve().is_relative_to(folder.resolve())

    def open_(self, mode="r", *args, **kwargs):
        if refused(self) and mode not in ("r", "rb"):
            raise OSError(code, os.strerror(code), str(self))
        return real_open(self, mode, *args, **kwargs)

    def mkdir(self, *args, **kwargs):
        if refused(self) and not self.is_dir():
            raise OSError(code, os.strerror(code), str(self))
        return real_mkdir(self, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(Path, "open", open_)
        m.setattr(Path, "mkdir", mkdir)
        yield


def test_stale_index_in_an_unwritable_folder_is_served_read_only(corpus, caplog, capsys, monkeypatch):
    build_index(corpus, index_of(corpus))
    before = (index_of(corpus) / "CURRENT").read_text()
    (corpus / "b.txt").write_text(NEW_LECTURE, encoding="utf-8")  # stale: ask would rebuild
    with unwritable(index_of(corpus), monkeypatch):
        answers_from_the_lecture(corpus)
        warnings = [r.getMessage() for r in caplog.records]
        assert len(warnings) == 1 and "\n" not in warnings[0]
        assert warnings[0].startswith("تنبيه: تعذر تحديث الفهرس")
        assert "answering from the last good index, read-only" in warnings[0]

        assert main(["ask", QUESTION, "--corpus", str(corpus)]) == 0
        assert "مرحلة الاعلان" in capsys.readouterr().out

        with pytest.raises(IndexUnwritable) as refused:
            build_index(corpus, index_of(corpus))
        assert str(refused.value).startswith("تعذرت كتابة فهرس المحاضرات")
        assert f"cannot write the index in {index_of(corpus)}" in str(refused.value)

        assert main(["index", "--corpus", str(corpus)]) == Exit.FAILED
        err = capsys.readouterr().err
        assert err.startswith("تعذرت كتابة فهرس المحاضرات") and "cannot write the index" in err
        assert "Traceback" not in err
    assert (index_of(corpus) / "CURRENT").read_text() == before


@pytest.mark.parametrize(("code", "reason"), [(errno.EROFS, "مثبت للقراءة فقط"), (errno.ENOSPC, "لا مساحة على القرص")])
def test_read_only_mount_or_full_disk_serves_the_last_good_index(corpus, caplog, monkeypatch, code, reason):
    build_index(corpus, index_of(corpus))
    (corpus / "b.txt").write_text(NEW_LECTURE, encoding="utf-8")
    with refused_writes(index_of(corpus), monkeypatch, code):
        answers_from_the_lecture(corpus)
        with pytest.raises(IndexUnwritable, match=reason):
            build_index(corpus, index_of(corpus))
    [warning] = caplog.records
    assert f"({reason})" in warning.getMessage() and os.strerror(code) in warning.getMessage()


def test_corrupt_index_in_an_unwritable_folder_is_a_clear_error(corpus, capsys, monkeypatch):
    folder = open_engine(corpus).index.path
    (folder / "char.terms.json").unlink()
    with unwritable(index_of(corpus), monkeypatch):
        with pytest.raises(IndexUnwritable):
            open_index(corpus, index_of(corpus))
        assert main(["ask", QUESTION, "--corpus", str(corpus)]) == Exit.FAILED
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("تعذرت كتابة فهرس المحاضرات")


def test_index_path_that_is_a_file_is_a_clear_error(corpus, capsys):
    not_a_folder = corpus.parent / "hostname"
    not_a_folder.write_text("box\n")
    assert main(["ask", QUESTION, "--corpus", str(corpus), "--index", str(not_a_folder)]) == Exit.FAILED
    err = capsys.readouterr().err
    assert err.strip() == (f"تعذرت كتابة فهرس المحاضرات في {not_a_folder}: ليس مجلدا / "
                           f"cannot write the index in {not_a_folder}: it is not a folder")
    assert not_a_folder.read_text() == "box\n"


@pytest.mark.slow
@pytest.mark.parametrize("index", ["/etc/hostname", "/proc/x", "/sys/kernel/x"])
def test_system_paths_as_index_exit_1_without_a_traceback(corpus, index):
    result = subprocess.run(
        [sys.executable, "-m", "chatbot.cli", "ask", QUESTION, "--corpus", str(corpus), "--index", index],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == Exit.FAILED and result.stdout == ""
    assert result.stderr.startswith("تعذرت كتابة فهرس المحاضرات") and "cannot write the index in" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
def test_unwritable_stale_index_served_by_the_cli(corpus, monkeypatch):
    build_index(corpus, index_of(corpus))
    (corpus / "b.txt").write_text(NEW_LECTURE, encoding="utf-8")
    if os.geteuid() == 0 and subprocess.run(["chattr", "+i", str(index_of(corpus))]).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "chatbot.cli", "ask", QUESTION, "--corpus", str(corpus)],
            capture_output=True, text=True, timeout=300,
        )
    finally:
        subprocess.run(["chattr", "-i", str(index_of(corpus))])
    assert result.returncode == 0 and "مرحلة الاعلان" in result.stdout
    assert result.stderr.count("\n") == 1 and "answering from the last good index, read-only" in result.stderr


# -- the corpus changing under a build -------------------------------------------------------------

@pytest.mark.parametrize("victim", ["itself", "the next file"])
def test_file_removed_mid_build_is_skipped_and_named(corpus, caplog, monkeypatch, victim):
    build_index(corpus, index_of(corpus))
    (corpus / "b.txt").write_text(NEW_LECTURE, encoding="utf-8")
    (corpus / "c.txt").write_text("اولا الصحة الالكترونية\nملفات المرضى الرقمية\n", encoding="utf-8")
    gone = {"itself": corpus / "b.txt", "the next file": corpus / "c.txt"}[victim]
    real_read = indexer.read_document

    def read_and_lose_a_file(path):
        if path.name == "b.txt":
            gone.unlink()
        return real_read(path)

    monkeypatch.setattr(indexer, "read_document", read_and_lose_a_file)
    report = build_index(corpus, index_of(corpus))
    assert report.skipped == {gone.name: indexer.VANISHED}
    assert f"تُرك {gone.name!r}: " in caplog.text and "vanished during the build" in caplog.text
    assert report.files == 2
    assert is_fresh(corpus, index_of(corpus))  # the index is of the corpus as it is now
    answers_from_the_lecture(corpus)


def test_reader_raising_file_not_found_is_a_vanished_file(corpus, monkeypatch):
    (corpus / "b.txt").write_text(NEW_LECTURE, encoding="utf-8")

    def vanish(path):
        path.unlink()
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(path))

    real_read = indexer.read_document
    monkeypatch.setattr(indexer, "read_document", lambda p: vanish(p) if p.name == "b.txt" else real_read(p))
    assert build_index(corpus, index_of(corpus)).skipped == {"b.txt": indexer.VANISHED}
    answers_from_the_lecture(corpus)


# -- symlinks --------------------------------------------------------------------------------------

def test_symlinks_out_of_the_corpus_are_not_followed(corpus, tmp_path, caplog):
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("اولا كلمة السر\nالسر المكتوم هنا\n", encoding="utf-8")
    (corpus / "leak.txt").symlink_to(outside / "secret.txt")
    (corpus / "folder").symlink_to(outside, target_is_directory=True)
    (corpus / "b.txt").write_text(NEW_LECTURE, encoding="utf-8")
    (corpus / "alias.md").symlink_to(corpus / "b.txt")  # inside the corpus: read

    report = build_index(corpus, index_of(corpus))
    assert report.skipped == {"leak.txt": indexer.OUTSIDE}
    assert "تُرك 'leak.txt': " in caplog.text and "a symlink out of the corpus folder, not followed" in caplog.text
    index = store.load_index(index_of(corpus))
    assert sorted(index.params["files"]) == ["alias.md", "b.txt", "e-government.txt"]
    assert not any("المكتوم" in p.text for p in index.passages)
    assert is_fresh(corpus, index_of(corpus))
    answers_from_the_lecture(corpus)


# -- the build does not keep students waiting ------------------------------------------------------

def test_ask_during_a_build_is_answered_from_the_index_in_use(corpus, monkeypatch):
    build_index(corpus, index_of(corpus))
    before = store.load_index(index_of(corpus)).path
    (corpus / "b.txt").write_text(NEW_LECTURE, encoding="utf-8")
    reading, release = threading.Event(), threading.Event()
    real_read = indexer.read_document

    def slow_read(path):
        reading.set()
        assert release.wait(60)
        return real_read(path)

    monkeypatch.setattr(indexer, "read_document", slow_read)
    builder = threading.Thread(target=build_index, args=(corpus, index_of(corpus)))
    builder.start()
    try:
        assert reading.wait(60)
        # Mid-build: the switch lock is free, and a student is answered at once from the old index.
        with indexer._lock(index_of(corpus), ".switch.lock", wait=False):
            pass
        assert open_index(corpus, index_of(corpus)).path == before
        answers_from_the_lecture(corpus)
        with pytest.raises(indexer.IndexBusy):  # a second build is still refused
            build_index(corpus, index_of(corpus))
    finally:
        release.set()
        builder.join(60)
    assert store.load_index(index_of(corpus)).path != before
    assert "b.txt" in store.load_index(index_of(corpus)).params["files"]
