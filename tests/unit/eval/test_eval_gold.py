"""Gold JSONL parsing: good files load, bad ones name the line and the problem."""

import pytest

from chatbot.cli.exits import Exit
from chatbot.eval.gold import EvalError, Span, load_gold, parse_span


def _gold(tmp_path, *lines):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_three_kinds_of_gold_and_the_type(tmp_path):
    path = _gold(
        tmp_path,
        '{"id": "a", "question": "ما هو التبخر؟", "passage": "water.txt:6-7", "type": "definition"}',
        "",
        '{"id": "b", "question": "كيف تتكون السحب؟", "answer_contains": ["قطرات"]}',
        '{"id": "c", "question": "من مخترع الهاتف؟", "unanswerable": true}',
    )
    a, b, c = load_gold(path)
    assert a.passage == Span("water.txt", 6, 7) and a.type == "definition"
    assert b.answer_contains == ("قطرات",) and b.type is None and b.where.endswith("line 3")
    assert c.unanswerable and c.expected == "unanswerable"


def test_span_parsing():
    assert parse_span("sub/my file.txt:3-3") == Span("sub/my file.txt", 3, 3)
    assert parse_span("a.txt:5") == Span("a.txt", 5, 5)  # one line
    assert parse_span("a.txt:7-3") is None
    assert parse_span("a.txt:0-3") is None
    assert parse_span("a.txt") is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: ليس JSON صالحا / not valid JSON"),
        ('["a"]', "line 2: كل سطر كائن JSON / each line must be a JSON object"),
        ('{"id": "a", "question": "س", "unanswerable": true}', 'duplicate "id": a'),
        ('{"id": "b c", "question": "س", "unanswerable": true}', "must not contain whitespace"),
        ('{"id": 3, "question": "س", "unanswerable": true}', '"id" must be a non-empty string'),
        ('{"id": "b", "question": " ", "unanswerable": true}', '"question" must be a non-empty string'),
        ('{"id": "b", "question": "س"}', "give exactly one of"),
        ('{"id": "b", "question": "س", "unanswerable": true, "passage": "a.txt:1-2"}', "give exactly one of"),
        ('{"id": "b", "question": "س", "unanswerable": false}', '"unanswerable" can only be true'),
        ('{"id": "b", "question": "س", "answer_contains": []}', "non-empty list of non-empty strings"),
        ('{"id": "b", "question": "س", "answer_contains": ["ً"]}', "non-empty list of non-empty strings"),
        ('{"id": "b", "question": "س", "passage": "a.txt:5-"}', "SOURCE:FIRST-LAST"),
        ('{"id": "b", "question": "س", "pasage": "a.txt:5"}', "give exactly one of"),
        ('{"id": "b", "question": "س", "unanswerable": true, "type": ""}', '"type" must be a non-empty string'),
    ],
)
def test_bad_lines_are_named(tmp_path, line, message):
    path = _gold(tmp_path, '{"id": "a", "question": "س", "unanswerable": true}', line)
    with pytest.raises(EvalError) as err:
        load_gold(path)
    assert message in str(err.value)
    assert str(err.value).startswith("gold.jsonl السطر/line 2")
    assert err.value.status == Exit.MISUSE


def test_extra_keys_are_ignored_with_one_warning(tmp_path, caplog):
    path = _gold(
        tmp_path,
        '{"id": "a", "question": "س", "unanswerable": true, "note": "x"}',
        '{"id": "b", "question": "س", "passage": "a.txt:2", "note": "y", "answer": "z"}',
    )
    a, b = load_gold(path)
    assert a.unanswerable and b.passage == Span("a.txt", 2, 2)
    assert len(caplog.records) == 1 and "note (line 1), answer (line 2)" in caplog.text


def test_missing_empty_and_undecodable_files(tmp_path):
    with pytest.raises(EvalError, match="gold file not found"):
        load_gold(tmp_path / "nope.jsonl")
    with pytest.raises(EvalError, match="no questions in gold file"):
        load_gold(_gold(tmp_path, "", "  "))
    (tmp_path / "latin.jsonl").write_bytes(b"\xe9\xe9")
    with pytest.raises(EvalError, match="not UTF-8"):
        load_gold(tmp_path / "latin.jsonl")
    with pytest.raises(EvalError, match="is a folder"):
        load_gold(tmp_path)
