"""A question is read once into a Query: its intent, the answer it expects, its terms; and the
decision works on what retrieval gathered, without searching again."""

import ast
from pathlib import Path

import pytest

import chatbot.qa.decide as decide_module
from chatbot.qa.answer_types import AnswerType
from chatbot.qa.engine import Engine
from chatbot.qa.query import Intent, Query, TermOrigin, Unaskable, read_query


def _read(engine: Engine, question: str) -> Query | Unaskable:
    return read_query(question, engine.index.fields["word"], engine.speller, engine.extra_synonyms)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("ما مراحل الحكومة الالكترونية", Intent.LIST),
        ("اذكر معوقات تطبيق الحكومة الالكترونية", Intent.LIST),
        ("ما هي أمثلة تطبيقات الحكومة الالكترونية", Intent.LIST),  # examples are a list
        ("ما الفرق بين النموذج المركزي واللامركزي", Intent.COMPARISON),
        ("لماذا تحتاج الحكومة الالكترونية الى ادارة للمعلومات", Intent.WHY),
        ("ما هي الحكومة الالكترونية؟", Intent.DEFINITION),
        ("شو يعني النموذج اللامركزي", Intent.DEFINITION),
        ("ما المقصود بالنموذج المركزي", Intent.DEFINITION),  # a definition word names what is asked
        ("عرف الحكومة الالكترونية", Intent.DEFINITION),
        ("ما المقصود بتقييم الوظائف", Intent.DEFINITION),  # a list word inside the term defined
        ("ما هي المراحل التي تسمى مراحل النضج", Intent.LIST),  # the list asked first
        ("كيف تصل الخدمة الى المواطن", Intent.OTHER),
        ("مساء الخير", Intent.SMALLTALK),
    ],
)
def test_intent(engine: Engine, question: str, intent: Intent) -> None:
    query = _read(engine, question)
    assert isinstance(query, Query) and query.intent == intent


def test_answer_type_and_terms(engine: Engine) -> None:
    query = _read(engine, "متى ظهرت الحكومه الالكترونيه")
    assert query.answer_type == AnswerType.DATE
    assert {t.origin for t in query.terms} >= {TermOrigin.EXACT}
    typo = _read(engine, "ما هي معوقت تطبيق الحكومة الالكترونية")
    assert any(t.origin == TermOrigin.FUZZY and t.word == "معوقت" for t in typo.terms)


@pytest.mark.parametrize(("question", "typo", "meant"), [
    ("ما هي تغذيت المرتده", "تغذيت", "تغذ"),  # the lecture writes «التغذيه» only
    ("من هو مستفيدد الخدمه", "مستفيدد", "مستفيد"),  # «المستفيد»
])
def test_a_typo_is_matched_to_the_word_the_lecture_writes_with_its_article(
        engine: Engine, question: str, typo: str, meant: str) -> None:
    query = _read(engine, question)
    assert any(t.origin == TermOrigin.FUZZY and t.word == typo and t.stem == meant for t in query.terms)


@pytest.mark.parametrize("question", ["", "   ", "؟؟ !!", "x" * 1001])
def test_what_cannot_be_searched_says_why(engine: Engine, question: str) -> None:
    unaskable = _read(engine, question)
    assert isinstance(unaskable, Unaskable) and " / " in unaskable.message


def test_the_decision_calls_no_retrieval_function() -> None:
    """decide.py may take types and constants from retrieve.py, never a function: it chooses
    among the candidates retrieval gathered."""
    tree = ast.parse(Path(decide_module.__file__).read_text(encoding="utf-8"))
    taken = {a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module == "chatbot.qa.retrieve"
             for a in node.names}
    import chatbot.qa.retrieve as retrieve

    assert not [name for name in taken if callable(getattr(retrieve, name)) and not isinstance(getattr(retrieve, name), type)]
