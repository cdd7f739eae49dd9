"""`chatbot corpus add / list / check / remove` as an instructor uses them."""

import io
import shutil

import pytest
from lecture_files import LECTURES, write_docx, write_pptx

from chatbot.cli.exits import Exit
from chatbot.index import store
from chatbot.cli.main import main
from chatbot.cli.corpus import progress_bar
from chatbot.qa.engine import DEFAULT_CORPUS

BUNDLED = DEFAULT_CORPUS / "e-government.txt"


@pytest.fixture
def incoming(tmp_path):
    """Files an instructor brings: good ones in several formats and bad ones."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    shutil.copy(LECTURES / "e-commerce.txt", folder)  # Windows-1256
    write_docx(folder / "e-learning.docx", (LECTURES / "e-learning.md").read_text(encoding="utf-8"))
    write_pptx(folder / "slides.pptx", [{"title": "مزايا الحوسبة السحابية", "bullets": ["خفض التكلفة", "المرونة"]}])
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.md").write_bytes(b"")
    (folder / "english.txt").write_text("Only English here.", encoding="utf-8")
    (folder / "notes.odt").write_bytes(b"PK\x03\x04")
    return folder


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_copies_good_files_and_reports_bad_ones(capsys, corpus, incoming):
    files = sorted(incoming.iterdir())
    code, out, err = run(capsys, "corpus", "add", *files, "--corpus", corpus)
    assert code == Exit.FAILED  # some files failed
    for good in ("e-commerce.txt", "e-learning.docx", "slides.pptx"):
        assert (corpus / good).is_file()
        assert f"added {good}:" in out
    for bad, reason in [("junk.txt", "binary file"), ("empty.md", "empty file"),
                        ("english.txt", "no Arabic text"), ("notes.odt", "unsupported file type")]:
        assert not (corpus / bad).exists()
        line = next(l for l in err.splitlines() if bad in l)
        assert reason in line
    manifest = store.read_params(corpus.parent / "index")["corpus"]
    assert set(manifest) == {"e-government.txt", "e-commerce.txt", "e-learning.docx", "slides.pptx"}
    assert manifest["e-commerce.txt"]["encoding"] == "cp1256"
    assert manifest["e-learning.docx"]["sections"] >= 5
    assert "Traceback" not in out + err


def test_add_prints_passages_and_sections_and_exits_zero(capsys, corpus, incoming):
    code, out, _ = run(capsys, "corpus", "add", incoming / "e-commerce.txt", "--corpus", corpus)
    assert code == 0
    entry = store.read_params(corpus.parent / "index")["corpus"]["e-commerce.txt"]
    assert f"added e-commerce.txt: {entry['passages']} مقطعا / passages, {entry['sections']} قسما / sections (cp1256)" in out


def test_add_never_overwrites_without_force(capsys, corpus, tmp_path):
    other = tmp_path / "e-government.txt"
    other.write_text("اولا مفهوم جديد\nنص مختلف تماما عن المحاضرة\n", encoding="utf-8")
    code, _, err = run(capsys, "corpus", "add", other, "--corpus", corpus)
    assert code == Exit.FAILED and "use --force" in err
    assert (corpus / "e-government.txt").read_bytes() == BUNDLED.read_bytes()
    code, _, _ = run(capsys, "corpus", "add", other, "--force", "--corpus", corpus)
    assert code == 0
    assert (corpus / "e-government.txt").read_bytes() == other.read_bytes()


def test_add_refuses_names_that_are_not_lectures(capsys, corpus, tmp_path):
    hidden = tmp_path / "_synonyms.txt"
    hidden.write_text("حكومة = دولة\n", encoding="utf-8")
    code, _, err = run(capsys, "corpus", "add", hidden, tmp_path / "missing.txt", "--corpus", corpus)
    assert code == Exit.FAILED
    assert "is not a lecture" in err and "file not found" in err
    assert not (corpus / "_synonyms.txt").exists()


def test_list_shows_every_file_with_its_counts(capsys, corpus, incoming):
    shutil.copy(incoming / "e-commerce.txt", corpus)
    shutil.copy(incoming / "junk.txt", corpus)
    code, out, _ = run(capsys, "corpus", "list", "--corpus", corpus)
    assert code == 0
    manifest = store.read_params(corpus.parent / "index")["corpus"]
    for name, entry in manifest.items():
        row = next(l for l in out.splitlines() if l.startswith(name))
        assert row.split()[1:4] == [str(entry["passages"]), str(entry["sections"]), entry["encoding"]]
        assert entry["indexed_at"].replace("T", " ") in row
    assert "✗ junk.txt: ملف ثنائي وليس نصا / binary file, not text" in out


def test_list_keeps_the_time_a_file_was_really_indexed(capsys, corpus, incoming):
    run(capsys, "corpus", "list", "--corpus", corpus)
    first = store.read_params(corpus.parent / "index")["corpus"]["e-government.txt"]["indexed_at"]
    shutil.copy(incoming / "e-commerce.txt", corpus)
    run(capsys, "corpus", "list", "--corpus", corpus)
    assert store.read_params(corpus.parent / "index")["corpus"]["e-government.txt"]["indexed_at"] == first


def test_check_errors_exit_one(capsys, corpus, incoming):
    shutil.copy(incoming / "junk.txt", corpus)
    (corpus / "blank.txt").write_text("\n\n", encoding="utf-8")
    code, out, _ = run(capsys, "corpus", "check", "--corpus", corpus)
    assert code == Exit.FAILED
    assert "junk.txt\n  ✗ خطأ / error: ملف ثنائي وليس نصا / binary file, not text" in out
    assert "blank.txt\n  ✗ خطأ / error: ملف فارغ / empty file" in out
    assert "e-government.txt  [utf-8]" in out


def test_check_warnings_only_exit_zero(capsys, corpus):
    # The same lecture saved twice (one more line), a file with no headings, one long passage.
    (corpus / "copy.txt").write_text(BUNDLED.read_text(encoding="utf-8") + "\nسطر اضافي\n", encoding="utf-8")
    (corpus / "flat.txt").write_text("نص بلا عناوين عن الحكومة الالكترونية.\n", encoding="utf-8")
    (corpus / "long.txt").write_text("# مقدمة طويلة\n" + "كلمة عربية " * 300 + "\n", encoding="utf-8")
    (corpus / "scan.tiff").write_bytes(b"II*\x00")
    code, out, _ = run(capsys, "corpus", "check", "--corpus", corpus)
    assert code == 0
    assert "near-duplicate of e-government.txt" in out and "near-duplicate of copy.txt" in out
    assert "flat.txt  [utf-8]  1 مقطعا / passages, 0 قسما / sections\n  ! تنبيه / warning:" in out
    assert "no headings found" in out
    assert "very long passage (603 words) at lines 1-2" in out
    assert "scan.tiff\n  ! تنبيه / warning: نوع غير مدعوم، لن يُفهرس / unsupported type, not indexed" in out


def test_remove_updates_the_index(capsys, corpus, incoming):
    shutil.copy(incoming / "e-commerce.txt", corpus)
    run(capsys, "corpus", "list", "--corpus", corpus)
    code, out, _ = run(capsys, "corpus", "remove", "e-commerce.txt", "--corpus", corpus)
    assert code == 0 and "removed e-commerce.txt" in out
    assert not (corpus / "e-commerce.txt").exists()
    assert set(store.read_params(corpus.parent / "index")["corpus"]) == {"e-government.txt"}


def test_remove_unknown_name_lists_the_valid_ones(capsys, corpus):
    code, _, err = run(capsys, "corpus", "remove", "e-governement.txt", "--corpus", corpus)
    assert code == Exit.MISUSE
    assert "no such lecture file: e-governement.txt" in err
    assert "valid names: e-government.txt" in err
    assert (corpus / "e-government.txt").exists()


@pytest.mark.parametrize("argv", [["corpus"], ["corpus", "add"], ["corpus", "prune"], ["corpus", "remove"]])
def test_misuse_exits_two(capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == Exit.MISUSE
    assert "usage error" in capsys.readouterr().err


def test_missing_corpus_folder_is_misuse(capsys, tmp_path):
    code, _, err = run(capsys, "corpus", "list", "--corpus", tmp_path / "nowhere")
    assert code == Exit.MISUSE and "corpus folder not found" in err


def test_index_keeps_its_summary(capsys, corpus):
    code, out, _ = run(capsys, "index", "--corpus", corpus)
    assert code == 0
    assert "processed: 1" in out and "files: 1" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_for_a_large_corpus():
    stream = _Terminal()
    show = progress_bar(stream)
    for n in range(13):
        show(n, 12, f"lecture{n}.txt")
    text = stream.getvalue()
    assert text.count("\r") == 13 and text.endswith("\n")
    assert "[" + "#" * 30 + "] 12/12" in text


def test_progress_bar_silent_for_small_corpora_and_sparse_in_logs():
    quiet, log = _Terminal(), io.StringIO()
    for n in range(4):
        progress_bar(quiet)(n, 3, "x.txt")
    assert quiet.getvalue() == ""
    show = progress_bar(log)
    for n in range(301):
        show(n, 300, "x.txt")
    assert log.getvalue().splitlines()[0] == "فهرسة / indexing 0/300"
    assert len(log.getvalue().splitlines()) == 11
