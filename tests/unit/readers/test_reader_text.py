"""Plain text and markdown: every encoding an instructor's files come in, and the bad files."""

import codecs

import pytest

from chatbot.index.passages import split_passages
from chatbot.index.readers import UnreadableFile, read_document

LECTURE = "اولا مفهوم الحكومة الالكترونية\nهي قدرة القطاعات الحكومية على توفير الخدمات.\n2/ الاهداف\n1/ تسهيل الخدمات\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (LECTURE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + LECTURE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + LECTURE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + LECTURE.encode("utf-16-be"), "utf-16"),
        (LECTURE.encode("cp1256"), "cp1256"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1256"],
)
def test_each_encoding_reads_the_same_text(tmp_path, data, encoding):
    path = tmp_path / "lecture.txt"
    path.write_bytes(data)
    document = read_document(path)
    assert document.encoding == encoding
    assert document.text == LECTURE


def test_windows_line_ends_become_newlines(tmp_path):
    path = tmp_path / "lecture.txt"
    path.write_bytes(LECTURE.replace("\n", "\r\n").encode("cp1256"))
    assert read_document(path).text == LECTURE


def test_markdown_headings_feed_the_passage_tree(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# التجارة الالكترونية\n## مزايا التجارة\n- خفض التكاليف\n- اسواق عالمية\n", encoding="utf-8")
    passages = split_passages(read_document(path).text, path.name)
    section = next(p for p in passages if p.heading == "## مزايا التجارة")
    assert section.level == "section"
    assert [p.heading for p in passages if p.parent == passages.index(section)] == ["- خفض التكاليف", "- اسواق عالمية"]


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("junk.txt", bytes(range(256)) * 4, "binary file"),
        ("latin.txt", "Évaluation des élèves à l'école".encode("latin-1"), "unknown encoding"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n\t\n", "empty file"),
        ("english.txt", b"Lecture notes in English only.\n", "no Arabic text"),
        ("broken-bom.txt", codecs.BOM_UTF8 + b"\xff\xfe\xfa", "invalid utf-8-sig"),
        ("slides.odp", LECTURE.encode(), "unsupported file type"),
        ("README", LECTURE.encode(), "unsupported file type"),
    ],
)
def test_bad_files_say_why_in_arabic_then_english(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableFile) as caught:
        read_document(path)
    message = str(caught.value)
    assert reason in message
    assert message.index("/") < message.index(reason)  # the Arabic reason comes first
    assert any("\u0600" <= ch <= "\u06ff" for ch in message.split("/")[0])
