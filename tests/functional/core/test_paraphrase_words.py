"""A student who rephrases puts a near-synonym for the lecture's word («يحمي» for «يقي», «سماكة»
for «سمك»): the general thesaurus in chatbot/text/data/synonyms.txt finds the lecture's word."""

from pathlib import Path

from chatbot.qa.engine import open_engine
from chatbot.qa.query import TermOrigin, read_query

CONCRETE = """# الخرسانة المسلحة
## الغطاء الخرساني
الغطاء الخرساني هو سمك الخرسانة الذي يغلف حديد التسليح من الخارج، وهو يقي الحديد من الصدأ والحريق.
## نسبة الماء إلى الأسمنت
كلما زادت نسبة الماء إلى الأسمنت قلت مقاومة الخرسانة بعد التصلب.
## المعالجة
المعالجة هي المحافظة على رطوبة الخرسانة في الأيام الأولى بعد الصب حتى يكتمل تفاعل الأسمنت.
"""


def test_a_near_synonym_finds_the_lectures_word(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "concrete.md").write_text(CONCRETE, encoding="utf-8")
    engine = open_engine(corpus, tmp_path / "index", semantic=False)
    question = "ليش نترك سماكة من الخرسانة يحمي الحديد"
    query = read_query(question, engine.index.fields["word"], engine.speller, engine.extra_synonyms)
    assert {(t.word, t.stem, t.origin) for t in query.terms} >= {
        ("سماكه", "سمك", TermOrigin.SYNONYM), ("يحمي", "يقي", TermOrigin.SYNONYM)}
    reply = engine.ask(question)
    assert reply.answer is not None and reply.answer.passage.heading == "## الغطاء الخرساني"
