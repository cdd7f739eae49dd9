"""Judging, the report and its TREC lines (chatbot.eval.judge, .report, .trec) over one small
hand-made corpus, on hand-computed cases."""

import pytest

from chatbot.eval.gold import EvalError, Gold, Span
from chatbot.eval.judge import Judge, docid
from chatbot.eval.report import Outcome, reply_ranking, report
from chatbot.eval.trec import qrels_lines, run_lines
from chatbot.index.passages import Passage


def _p(first, last, level="item", text="نص", source="a.txt"):
    return Passage(source, (), first, last, text, level, "", -1)


PASSAGES = [
    _p(5, 13, "section", "ثانيا مراحل\n1/ التبخر\nتسخن الشمس المياه\n2/ التكاثف"),
    _p(6, 7, "item", "1/ التبخر\nتسخن الشمسُ   المياهَ"),
    _p(8, 9, "item", "2/ التكاثف"),
    _p(6, 7, "item", "1/ التبخر", source="b.txt"),
]


def test_a_gold_span_is_right_for_itself_and_for_the_section_holding_it():
    judge = Judge(PASSAGES)
    assert judge.relevant(Gold("q", "?", passage=Span("a.txt", 6, 7))) == {0, 1}


def test_a_gold_line_inside_an_item_is_answered_by_the_item_and_its_section():
    assert Judge(PASSAGES).relevant(Gold("q", "?", passage=Span("a.txt", 7, 7))) == {0, 1}


def test_a_section_whose_heading_opens_the_gold_span_is_right():
    # The gold took the section with a sub-section (lines 5-20); the section passage stops at 13.
    assert Judge(PASSAGES).relevant(Gold("q", "?", passage=Span("a.txt", 5, 20))) == {0}


def test_a_gold_span_across_passages_is_judged_by_those_sharing_its_lines(caplog):
    gold = Gold("q", "?", passage=Span("a.txt", 9, 14), where="g.jsonl line 4")
    assert Judge(PASSAGES).relevant(gold) == {0, 2}
    assert "g.jsonl line 4: no passage holds" in caplog.text


def test_an_item_inside_a_gold_section_is_not_right():
    assert Judge(PASSAGES).relevant(Gold("q", "?", passage=Span("a.txt", 5, 13))) == {0}


def test_answer_contains_compares_normalised_text_with_whitespace_collapsed():
    gold = Gold("q", "?", answer_contains=("تسخن  الشمس", "المياه"))
    assert Judge(PASSAGES).relevant(gold) == {0, 1}


def test_a_gold_question_no_passage_satisfies_is_an_error():
    with pytest.raises(EvalError, match="no passage of the corpus matches"):
        Judge(PASSAGES).relevant(Gold("q", "?", passage=Span("a.txt", 1, 2), where="g.jsonl line 3"))


def test_unanswerable_has_no_right_passage():
    assert Judge(PASSAGES).relevant(Gold("q", "?", unanswerable=True)) == frozenset()


def test_docid_escapes_whitespace_for_trec_columns():
    assert docid(_p(3, 4, source="my notes.txt")) == "my%20notes.txt:3-4"


def test_reply_ranking_puts_the_answer_or_the_abstention_first():
    assert reply_ranking(4, [1, 4, 2], 3) == (4, 1, 2)
    assert reply_ranking(None, [1, 4, 2], 3) == (None, 1, 4)


def _outcomes():
    return [
        Outcome(Gold("q1", "?", passage=Span("a.txt", 6, 7)), "answer", (2, 1), (1, 2), frozenset({0, 1})),
        Outcome(Gold("q2", "?", passage=Span("a.txt", 8, 9)), "no_answer", (None, 2, 1), (2, 1), frozenset({2})),
        Outcome(Gold("q3", "?", unanswerable=True), "no_answer", (None, 1), (1,), frozenset()),
    ]


def test_run_lines_have_distinct_decreasing_scores_and_the_abstention_placeholder():
    lines = run_lines(_outcomes(), PASSAGES)
    assert lines == [
        "q1 Q0 a.txt:8-9 1 2 chatbot",
        "q1 Q0 a.txt:6-7 2 1 chatbot",
        "q2 Q0 NO_ANSWER 1 3 chatbot",
        "q2 Q0 a.txt:8-9 2 2 chatbot",
        "q2 Q0 a.txt:6-7 3 1 chatbot",
    ]


def test_qrels_lines_list_every_right_passage_of_answerable_questions():
    assert qrels_lines(_outcomes(), PASSAGES) == [
        "q1 0 a.txt:5-13 1", "q1 0 a.txt:6-7 1", "q2 0 a.txt:8-9 1",
    ]


def test_report_scores_reply_and_search_and_lists_failures():
    result = report(_outcomes(), PASSAGES, 10)
    assert result["questions"] == 3 and result["answerable"] == 2
    assert result["recall@1"] == 0.0 and result["mrr@10"] == 0.5 * (0.5 + 0.5)
    assert result["search"]["recall@1"] == 1.0
    assert result["abstentions"] == 2
    assert result["abstention_precision"] == 0.5 and result["abstention_recall"] == 1.0
    assert [f["id"] for f in result["failures"]] == ["q1", "q2"]
    assert result["failures"][0]["returned"] == "a.txt:8-9" and result["failures"][0]["first_right_rank"] == 2
    assert result["failures"][1]["returned"] is None and result["failures"][1]["kind"] == "no_answer"
    assert result["by_type"] == {}


def test_report_groups_by_type_with_untyped_apart():
    outcomes = _outcomes()
    outcomes[0] = outcomes[0]._replace(gold=outcomes[0].gold._replace(type="definition"))
    groups = report(outcomes, PASSAGES, 10)["by_type"]
    assert list(groups) == ["definition", "untyped"]
    assert groups["definition"]["questions"] == 1 and groups["untyped"]["questions"] == 2
