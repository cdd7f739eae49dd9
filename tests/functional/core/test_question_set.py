"""The lecture question set: canonical, paraphrase, one-item, orthographic, typo, dialect,
split-word and out-of-scope questions, and greetings. The product must answer at least 95%.

Every share-right test judges as ``chatbot eval`` does (its Judge) and, when it falls short,
names each question it got wrong with what came back."""

from pathlib import Path
from typing import Sequence

import pytest

from bundled_lecture import passage_titled
from chatbot.eval import Gold, Judge, load_gold
from chatbot.qa.engine import Engine, open_engine

DATA = Path(__file__).resolve().parents[2] / "data"


def _misses(engine: Engine, golds: Sequence[Gold]) -> list[str]:
    """The gold questions answered wrong, as «id: question → what came back; expected …»."""
    judge = Judge(engine.passages)
    position = {p: i for i, p in enumerate(engine.passages)}
    misses = []
    for gold in golds:
        reply = engine.ask(gold.question)
        passage = reply.answer.passage if reply.answer else None
        if gold.unanswerable:
            right = reply.kind == "no_answer"
        else:
            right = passage is not None and position[passage] in judge.relevant(gold)
        if not right:
            came = f"{passage.source}:{passage.first}-{passage.last} «{passage.heading}»" if passage else reply.kind
            misses.append(f"{gold.id}: {gold.question} → {came}; expected {gold.expected}")
    return misses


def _assert_share(asked: int, misses: list[str], floor: float) -> None:
    """At least ``floor`` of ``asked`` questions right; else the wrong ones, one a line."""
    score = 1 - len(misses) / asked
    assert score >= floor, f"score {score:.3f} < {floor}; {len(misses)} of {asked} wrong:\n" + "\n".join(misses)


def test_question_set_scores_at_least_95_percent(engine: Engine) -> None:
    golds = load_gold(DATA / "lecture_questions.jsonl")
    assert {"canonical", "paraphrase", "item", "orthography", "typo", "dialect", "out_of_scope"} <= {g.type for g in golds}
    misses = _misses(engine, golds)
    greetings = [g for g in (DATA / "lecture_smalltalk.txt").read_text(encoding="utf-8").split("\n") if g.strip()]
    misses += [f"smalltalk: {greeting} → {kind}" for greeting in greetings if (kind := engine.ask(greeting).kind) != "smalltalk"]
    _assert_share(len(golds) + len(greetings), misses, 0.95)


def test_list_question_gets_section_and_item_question_gets_item(engine: Engine) -> None:
    section = engine.ask("ما مراحل الحكومة الالكترونية").answer.passage
    assert section.level == "section" and "مرحلة التوصيل" in section.text
    item = engine.ask("ما هي مرحلة التبادل").answer.passage
    assert item.level == "item" and item.text.startswith("ب/ مرحلة التبادل")


def test_abstains_with_closest_sections(engine: Engine) -> None:
    for question in ("ما عاصمة فرنسا", "ما هي مراحل نمو الطفل"):
        reply = engine.ask(question)
        assert reply.kind == "no_answer" and reply.answer is None
        assert "لا أجد إجابة" in reply.message
    assert engine.ask("ما هي مراحل نمو الطفل").alternatives, "closest sections are suggested"


@pytest.mark.parametrize(
    "gold_file, corpus, floor",
    [
        ("lecture_questions_blind.jsonl", None, 0.85),
        # 0.871 before the abstention model (qa/abstention.json) declined 80% of the
        # out-of-scope questions on its training sets, at the cost of one right answer in twenty;
        # 0.829 since the model asks more of a factoid question: a nutrition lecture's «كم جرام …»
        # questions are answered, where most lectures' are not; 0.814 since the shares of the fused
        # score were fit on the development sets (one more «كم …» question declined).
        ("blind2_questions.jsonl", "blind2", 0.8),
        ("lecture_questions_blind3.jsonl", None, 0.85),
        ("blind4_questions.jsonl", "blind4", 0.75),
        ("blind5_questions.jsonl", "blind5", 0.8),
        ("lecture_questions_blind6.jsonl", None, 0.85),
        # The two largest development lectures build their index in over a second each: slow.
        pytest.param("dev/d1/questions.jsonl", "dev/d1/corpus", 0.77, marks=pytest.mark.slow),
        pytest.param("dev/d2/questions.jsonl", "dev/d2/corpus", 0.69, marks=pytest.mark.slow),
    ],
)
def test_helper_question_sets_hold_their_level(
    engine: Engine, tmp_path: Path, gold_file: str, corpus: str | None, floor: float
) -> None:
    """Question sets helpers wrote blind (tests/data/README.md), answerable and out-of-scope
    questions together, judged as ``chatbot eval`` judges them; each floor sits a little under
    today's score."""
    if corpus:
        engine = open_engine(DATA / corpus, tmp_path / "index")
    golds = load_gold(DATA / gold_file)
    _assert_share(len(golds), _misses(engine, golds), floor)


def test_what_is_gets_the_definition_and_a_comparison_gets_the_section(engine: Engine) -> None:
    definition = passage_titled(engine.passages, "مفهموم الحكومة")
    for question in ("ما هي الحكومة الالكترونية", "ما هو e-government", "what is e-government?", "الحكومة"):
        assert engine.ask(question).answer.passage == definition, question
    both = engine.ask("ايش الفرق بين النموذج المركزي واللامركزي").answer.passage
    assert both.level == "section" and "النموذج المركزي" in both.text and "اللا مركزي" in both.text


def test_a_function_word_typed_onto_a_word_is_dropped_but_a_typo_is_corrected_first(engine: Engine) -> None:
    assert engine.ask("ماهوالنموذج اللامركزي").answer.passage == passage_titled(engine.passages, "النموذج اللا مركزي")
    obstacles = passage_titled(engine.passages, "معوقات تطبيق")
    assert engine.ask("ما هي معوقت تطبيق الحكومة الالكترونية؟").answer.passage == obstacles  # not «مع» + «وقت»


def test_paraphrase_with_words_the_lecture_lacks_is_answered_with_a_caution(engine: Engine) -> None:
    reply = engine.ask("وش الأشياء اللي مهدت لظهور الحكومة الالكترونية")
    assert reply.kind == "answer" and reply.answer.passage == passage_titled(engine.passages, "التطورات التي مهدت")
    assert reply.answer.confidence == "low" and "قد لا تجيب المحاضرة" in reply.message
    # A question sharing a single word with the lecture is still declined.
    assert engine.ask("من هو مخترع الهاتف").kind == "no_answer"
