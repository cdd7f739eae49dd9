"""SQuAD-layout datasets: parsing (bad files name the entry), the temporary corpus, and the
check that the splitter kept one passage a paragraph."""

import json

import pytest

from chatbot.cli.exits import Exit
from chatbot.eval.gold import EvalError, Span
from chatbot.eval.squad import SquadSet, check_squad_passages, load_squad, squad_files
from chatbot.index.passages import Passage


def _squad(tmp_path, data):
    path = tmp_path / "squad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_squad_paragraphs_are_flattened_and_questions_point_at_their_paragraph(tmp_path):
    path = _squad(tmp_path, {"data": [
        {"title": "x", "paragraphs": [
            {"context": "سطر اول\nسطر\u2028ثان", "qas": [{"id": "1", "question": "س؟"}]},
            {"context": "فقرة", "qas": [{"id": "2", "question": "ص؟", "is_impossible": True}]},
        ]},
        {"paragraphs": [{"context": "ثالثة", "qas": [{"id": "3", "question": "ع؟"}]}]},
    ]})
    dataset = load_squad(path)
    assert dataset.articles == [["سطر اول سطر ثان", "فقرة"], ["ثالثة"]]
    one, two, three = dataset.questions
    assert one.passage == Span("0001.txt", 1, 1)
    assert two.unanswerable and two.passage is None
    assert three.passage == Span("0002.txt", 1, 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"version": "1"}, 'no articles under "data"'),
        ({"data": [{"paragraphs": []}]}, 'data[0]: لا فقرات / no "paragraphs"'),
        ({"data": [{"paragraphs": [{"context": " ", "qas": []}]}]}, '"context" is missing or empty'),
        ({"data": [{"paragraphs": [{"context": "ن", "qas": [{"id": "1"}]}]}]}, '"question" is missing'),
        ({"data": [{"paragraphs": [{"context": "ن", "qas": []}]}]}, "no questions"),
    ],
)
def test_bad_squad_files(tmp_path, data, message):
    with pytest.raises(EvalError) as err:
        load_squad(_squad(tmp_path, data))
    assert message in str(err.value)


def test_squad_ids_are_made_usable_not_refused(tmp_path, caplog):
    qas = [{"id": 7, "question": "س؟"}, {"question": "ص؟"}, {"id": "a b", "question": "ع؟"},
           {"id": "x", "question": "ف؟"}, {"id": "x", "question": "ق؟"}]
    path = _squad(tmp_path, {"data": [{"paragraphs": [{"context": "ن", "qas": qas}]}]})
    assert [q.id for q in load_squad(path).questions] == ["7", "q0-0-1", "a_b", "x", "x#2"]
    assert "3 question ids" in caplog.text  # the number is not renamed


def test_squad_file_not_json(tmp_path):
    (tmp_path / "s.json").write_text("{", encoding="utf-8")
    with pytest.raises(EvalError, match="SQuAD file is not valid JSON"):
        load_squad(tmp_path / "s.json")


def test_squad_files_put_one_paragraph_a_line_with_blank_lines_between():
    dataset = SquadSet([["فقرة اولى", "4 - فقرة ثانية"]], [])
    text = squad_files(dataset)["0001.txt"]
    assert text.replace("\u200f", "").splitlines() == ["فقرة اولى", "", "4 - فقرة ثانية"]


def _paragraph(first, last):
    return Passage("0001.txt", (), first, last, "نص", "paragraph", "", -1)


def test_a_merged_squad_paragraph_is_reported_not_mis_scored():
    dataset = SquadSet([["فقرة اولى", "فقرة ثانية"]], [])
    check_squad_passages(dataset, [_paragraph(1, 1), _paragraph(3, 3)])
    with pytest.raises(EvalError, match="1 passages for 2 paragraphs") as err:
        check_squad_passages(dataset, [_paragraph(1, 3)])
    assert err.value.status == Exit.FAILED
