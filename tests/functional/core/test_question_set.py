"""The lecture question set: canonical, paraphrase, one-item, orthographic, typo, dialect,
split-word and out-of-scope questions, and greetings. The product must answer at least 95%."""

import json
from pathlib import Path

import pytest

from chatbot.text.arabic import normalize
from chatbot.eval import Judge, load_gold
from chatbot.qa.engine import Engine, open_engine

DATA = Path(__file__).resolve().parents[2] / "data"


def _flat(text: str) -> str:
    return " ".join(normalize(text).split())


def _right(engine: Engine, gold: dict) -> bool:
    reply = engine.ask(gold["question"])
    if gold.get("unanswerable"):
        return reply.kind == "no_answer"
    if reply.kind != "answer":
        return False
    p = reply.answer.passage
    if "passage" in gold:
        return gold["passage"] == f"{p.source}:{p.first}-{p.last}"
    return all(_flat(phrase) in _flat(p.text) for phrase in gold["answer_contains"])


def test_question_set_scores_at_least_95_percent(engine: Engine) -> None:
    golds = [json.loads(line) for line in (DATA / "lecture_questions.jsonl").read_text(encoding="utf-8").splitlines()]
    greetings = (DATA / "lecture_smalltalk.txt").read_text(encoding="utf-8").split("\n")
    greetings = [g for g in greetings if g.strip()]
    assert len(golds) + len(greetings) >= 60
    kinds = {g["type"] for g in golds}
    assert {"canonical", "paraphrase", "item", "orthography", "typo", "dialect", "out_of_scope"} <= kinds
    failed = [g["question"] for g in golds if not _right(engine, g)]
    failed += [q for q in greetings if engine.ask(q).kind != "smalltalk"]
    score = 1 - len(failed) / (len(golds) + len(greetings))
    assert score >= 0.95, f"score {score:.3f}; failed: {failed}"


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


def _blind_score(engine: Engine, gold_file: Path) -> tuple[float, list[str]]:
    golds = load_gold(gold_file)
    judge = Judge(engine.passages)
    position = {(p.source, p.first, p.last): i for i, p in enumerate(engine.passages)}
    failed = []
    for gold in golds:
        reply = engine.ask(gold.question)
        if gold.unanswerable:
            right = reply.kind == "no_answer"
        else:
            p = reply.answer.passage if reply.answer else None
            right = p is not None and position[(p.source, p.first, p.last)] in judge.relevant(gold)
        if not right:
            failed.append(gold.question)
    return 1 - len(failed) / len(golds), failed


@pytest.mark.parametrize(
    "gold_file, corpus, floor",
    [
        ("lecture_questions_blind.jsonl", None, 0.85),
        # 0.871 before the abstention model (qa/abstention.json) declined 80% of the
        # out-of-scope questions on its training sets, at the cost of one right answer in twenty.
        ("blind2_questions.jsonl", "blind2", 0.83),
        ("lecture_questions_blind3.jsonl", None, 0.85),
        ("blind4_questions.jsonl", "blind4", 0.75),
        ("blind5_questions.jsonl", "blind5", 0.8),
        ("lecture_questions_blind6.jsonl", None, 0.85),
        ("dev/d1/questions.jsonl", "dev/d1/corpus", 0.77),
        ("dev/d2/questions.jsonl", "dev/d2/corpus", 0.69),
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
    score, failed = _blind_score(engine, DATA / gold_file)
    assert score >= floor, f"score {score:.3f}; failed: {failed}"


def test_what_is_gets_the_definition_and_a_comparison_gets_the_section(engine: Engine) -> None:
    for question in ("ما هي الحكومة الالكترونية", "ما هو e-government", "what is e-government?", "الحكومة"):
        assert engine.ask(question).answer.passage.first == 2
    both = engine.ask("ايش الفرق بين النموذج المركزي واللامركزي").answer.passage
    assert both.level == "section" and "النموذج المركزي" in both.text and "اللا مركزي" in both.text


def test_a_function_word_typed_onto_a_word_is_dropped_but_a_typo_is_corrected_first(engine: Engine) -> None:
    assert engine.ask("ماهوالنموذج اللامركزي").answer.passage.first == 54
    assert engine.ask("ما هي معوقت تطبيق الحكومة الالكترونية؟").answer.passage.first == 37  # not «مع» + «وقت»


def test_paraphrase_with_words_the_lecture_lacks_is_answered_with_a_caution(engine: Engine) -> None:
    reply = engine.ask("وش الأشياء اللي مهدت لظهور الحكومة الالكترونية")
    assert reply.kind == "answer" and reply.answer.passage.first == 7
    assert reply.answer.confidence == "low" and "قد لا تجيب المحاضرة" in reply.message
    # A question sharing a single word with the lecture is still declined.
    assert engine.ask("من هو مخترع الهاتف").kind == "no_answer"
