"""Hostile files (issue 13): what no lecture reaches is refused before it is parsed, with the
file named and the reason, Arabic first; what stays under the limits is read in linear time
(timings are in benchmarks/hostile_scale.py, not here)."""

import io
import re
import zipfile

import docx
import pytest
from lecture_files import write_pptx

from chatbot.index import passages
from chatbot.index.passages import split_passages
import chatbot.index.readers as readers
from chatbot.index.readers import UnreadableFile, base, read_document

ARABIC_RE = re.compile("[\u0621-\u064a]")


def _package(tmp_path, name, replace):
    """A real .docx or .pptx in which ``replace`` (part name → writer of its new content)
    swaps parts, written with zipfile as an attacker would."""
    if name.endswith(".docx"):
        document = docx.Document()
        document.add_paragraph("مرحبا بكم")
        buffer = io.BytesIO()
        document.save(buffer)
        original = buffer.getvalue()
    else:
        original = write_pptx(tmp_path / "source.pptx", [{"title": "مقدمة", "bullets": ["بند"]}]).read_bytes()
    path = tmp_path / name
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename in replace:
                with out.open(info.filename, "w", force_zip64=True) as part:
                    replace[info.filename](part)
            else:
                out.writestr(info, source.read(info))
    return path


def _spaces(n):
    return lambda part: [part.write(b" " * 2**20) for _ in range(n)]


def _refused(path, *words):
    with pytest.raises(UnreadableFile) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(path.name)
    arabic, _, english = message.partition(" / ")
    assert ARABIC_RE.search(arabic), "Arabic first"
    for word in words:
        assert word in english
    return message


@pytest.mark.parametrize("name, part", [("bomb.docx", "word/document.xml"), ("bomb.pptx", "ppt/slides/slide1.xml")])
def test_highly_compressed_part_is_refused_as_a_zip_bomb(tmp_path, name, part):
    path = _package(tmp_path, name, {part: _spaces(4)})
    assert path.stat().st_size < 100_000
    assert part in _refused(path, "zip bomb", part)


def test_part_declared_larger_than_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(base, "MAX_XML_BYTES", 2**20)
    monkeypatch.setattr(base, "MAX_RATIO", 10**6)
    path = _package(tmp_path, "big.docx", {"word/document.xml": _spaces(2)})
    _refused(path, "word/document.xml unpacks to 2.0 MiB", "limit is 1.0 MiB")


def test_whole_package_over_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(base, "MAX_ARCHIVE_BYTES", 2**20)
    monkeypatch.setattr(base, "MAX_RATIO", 10**6)
    _refused(_package(tmp_path, "big.docx", {"word/document.xml": _spaces(2)}), "the package unpacks to")


def test_too_many_paragraphs_are_counted_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(base, "MAX_PARAGRAPHS", 1000)
    document = docx.Document()
    for _ in range(1500):
        document.add_paragraph("")
    document.add_paragraph("نص")
    path = tmp_path / "empty-paragraphs.docx"
    document.save(path)
    _refused(path, "paragraphs, the limit is 1,000")


def test_million_empty_paragraphs_docx_is_refused_at_once(tmp_path):
    body = b"<w:p/>" * 1_000_000

    def write(part):
        part.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                   b'wordprocessingml/2006/main"><w:body>' + body + b"</w:body></w:document>")

    path = _package(tmp_path, "million.docx", {"word/document.xml": write})
    _refused(path, "word/document.xml")


def test_too_many_lines_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(base, "MAX_LINES", 100)
    path = tmp_path / "long.txt"
    path.write_text("اولا عنوان\n" + "سطر\n" * 200, encoding="utf-8")
    _refused(path, "too long: 202 lines, the limit is 100")


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("نص طويل اكثر من عشرة بايتات", encoding="utf-8")
    _refused(path, "file too large")


def test_passage_over_the_limit_is_refused_with_the_file_and_lines(monkeypatch):
    monkeypatch.setattr(passages, "MAX_PASSAGE_CHARS", 100)
    text = "اولا عنوان\n" + "سطر من النص الطويل\n" * 20
    with pytest.raises(UnreadableFile, match=r"^في الملف long.txt .* long.txt: a passage of .* \(lines 1-21\)"):
        split_passages(text, "long.txt")


def test_many_blank_lines_give_the_passages_of_the_text():
    text = "اولا عنوان\nسطر الشرح\n" + "\n" * 100_000 + "ثانيا عنوان اخر\nشرحه\n"
    ps = split_passages(text, "blank.txt")
    assert [(p.heading, p.first, p.last) for p in ps] == [
        ("اولا عنوان", 1, 2), ("ثانيا عنوان اخر", 100_003, 100_004)]


def test_ordinary_lecture_passes_every_limit(tmp_path):
    path = _package(tmp_path, "ordinary.docx", {})
    assert read_document(path).text == "مرحبا بكم"
