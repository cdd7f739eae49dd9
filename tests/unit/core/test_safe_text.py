"""chatbot.text.safe_text and chatbot.text.bounded_lines on Arabic sentences."""

import io
import json

import pytest

from chatbot.text.bounded_lines import Line, bounded_lines
from chatbot.text.safe_text import SafeStream, to_json, visible


@pytest.mark.parametrize("text, shown", [
    ("تعريف\x1b[2J الحكومة", "تعريف␛[2J الحكومة"),
    ("نسخ \x1b]52;c;SGk=\x07 الحافظة", "نسخ ␛]52;c;SGk=␇ الحافظة"),
    ("الحكومة\u202e الالكترونية", "الحكومة الالكترونية"),  # override dropped
    ("\u2067الخدمات\u2069 \u202bالعامة\u202c", "الخدمات العامة"),  # isolates, embeddings
    ("المواطن\x9b31m والدولة\x7f", "المواطن�31m والدولة␡"),  # C1 and DEL
    ("سطر\rآخر\x08", "سطر␍آخر␈"),  # CR and backspace cannot overwrite a line
    ("سطر أول\n\tسطر ثان", "سطر أول\n\tسطر ثان"),  # newline and tab kept
    ("\u200fفقرة\u200e \u061cمع\u200cعلامات\u200d", "\u200fفقرة\u200e \u061cمع\u200cعلامات\u200d"),  # marks, ZWJ/ZWNJ kept
])
def test_visible(text, shown):
    assert visible(text) == shown


def test_to_json_escapes_the_set_and_reads_back():
    obj = {"نص": "الحكومة\x1b[2J\x7f\x9b\u202e\u2066 الالكترونية\u200f", "n": [1, None]}
    line = to_json(obj)
    for escape in ("\\u001b[2J", "\\u007f", "\\u009b", "\\u202e", "\\u2066"):
        assert escape in line
    assert "الحكومة" in line and "\u200f" in line  # Arabic and marks stay readable
    assert json.loads(line) == obj and "\n" not in line


def test_safe_stream_writes_visible_text_and_passes_the_rest():
    raw = io.StringIO()
    stream = SafeStream(raw)
    print("ملف\x1b[31m.txt", file=stream)
    stream.writelines(["\u202eأ", "ب\x07"])
    assert raw.getvalue() == "ملف␛[31m.txt\nأب␇"
    assert stream.isatty() is False and stream.raw is raw


def test_bounded_lines_cuts_a_long_line_and_keeps_the_next():
    data = "سؤال أول\r\n".encode() + "ا".encode() * 5000 + "\nسؤال ثالث".encode()
    lines = list(bounded_lines(io.BytesIO(data), 100))
    assert lines[0] == Line("سؤال أول".encode(), False)
    assert lines[1] == Line("ا".encode() * 50, True)
    assert lines[2] == Line("سؤال ثالث".encode(), False)


@pytest.mark.parametrize("length, cut", [(99, False), (100, False), (101, True)])
def test_bounded_lines_limit_is_inclusive(length, cut):
    for ending in (b"\n", b""):
        (line,) = bounded_lines(io.BytesIO(b"x" * length + ending), 100)
        assert line.cut is cut and len(line.data) == min(length, 100)


def test_bounded_lines_blank_lines_are_lines():
    assert [l.data for l in bounded_lines(io.BytesIO(b"\n\na\n"), 10)] == [b"", b"", b"a"]
