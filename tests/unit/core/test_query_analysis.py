"""Corpus-aware stems, the question forms the search recognises (what-is, lists,
comparisons), each on an Arabic example, and when an answer is supported."""

import pytest

from chatbot.analysis import corpus_stems, indexed_stem
from chatbot.arabic import without_proclitic
from chatbot.answer import _support
from chatbot.search import asks_definition


def test_without_proclitic_strips_one_letter_prefix() -> None:
    assert without_proclitic("بتاريخ") == "تاريخ"
    assert without_proclitic("لمصر") == "مصر"
    assert without_proclitic("تاريخ") is None  # no proclitic
    assert without_proclitic("بيت") is None  # too short to hold one


def test_corpus_stems_strip_a_proclitic_only_where_the_corpus_says_so() -> None:
    counts = {"التاريخ": 5, "تاريخ": 2, "بتاريخ": 1, "كتاب": 4, "تاب": 1}
    stems = corpus_stems(counts)
    assert stems["بتاريخ"] == stems["التاريخ"] == "تاريخ"
    assert stems["كتاب"] == "كتاب"  # «تاب» is rarer than «كتاب»: the ك is part of the word


def test_indexed_stem_finds_the_form_the_index_holds() -> None:
    held = {"تاريخ", "كتاب"}.__contains__
    assert indexed_stem("بتاريخ", held) == "تاريخ"
    assert indexed_stem("الكتاب", held) == "كتاب"
    assert indexed_stem("قلم", held) is None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("ما هي الحكومة الالكترونية؟", True),
        ("شو هي الخصخصة", True),
        ("ماهو النموذج المركزي", True),
        ("ما هي مراحل الحكومة الالكترونية", False),  # a list
        ("ما هي الدولة التي تحد سوريا", False),  # a relative clause: not a definition
        ("ما مفهوم الحكومة الالكترونية", False),  # already says what it asks
        ("كيف تعمل الحكومة الالكترونية", False),
        ("الحكومة الالكترونية", True),  # a bare topic
        ("الحكومة الالكترونية في الدول النامية", False),  # more than a topic
        ("what is e-government?", True),
    ],
)
def test_asks_definition(question: str, expected: bool) -> None:
    assert asks_definition(question) is expected


@pytest.mark.parametrize(
    ("cov", "count", "held", "expected"),
    [
        (1.0, 3, 1.0, "sure"),
        (0.5, 2, 0.67, "unsure"),  # the lecture holds only part of the question
        (0.9, 2, 0.4, "unsure"),  # the passage holds only part of it
        (0.5, 1, 0.5, "none"),  # unsure, and a single shared word
        (0.2, 3, 1.0, "none"),  # the lecture is about something else
        (0.9, 1, 0.25, "none"),  # the passage holds too little of the question
    ],
)
def test_support_for_answering(cov: float, count: int, held: float, expected: str) -> None:
    assert _support(cov, count, held) == expected
