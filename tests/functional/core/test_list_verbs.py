"""A lecture gives a list's kinds or parts with a verb («تنقسم العقوبات الى …», «يتكون الجهاز
من …»): «ما أنواع العقوبات», «ما مكونات الجهاز» search those verbs too (data/synonyms.txt)."""

from pathlib import Path

from chatbot.qa.engine import open_engine
from chatbot.qa.query import Query, TermOrigin, read_query

LECTURE = """# العقوبة
العقوبة جزاء يقرره القانون ويوقعه القاضي على من تثبت مسؤوليته.
تنقسم العقوبات من حيث الاصالة والتبعية الى:
1) العقوبات الاصلية: يمكن الحكم بها وحدها.
2) العقوبات التبعية: تلحق المحكوم عليه بقوة القانون.
# الجهاز القضائي
يتكون الجهاز القضائي من المحاكم والنيابة العامة.
"""


def test_kinds_and_parts_given_by_a_verb(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "law.md").write_text(LECTURE, encoding="utf-8")
    engine = open_engine(corpus, tmp_path / "index", semantic=False)
    for question, verb in (("ما هي أنواع العقوبات؟", "تنقسم"), ("ما مكونات الجهاز القضائي", "يتك")):
        query = read_query(question, engine.index.fields["word"], engine.speller, engine.extra_synonyms)
        assert isinstance(query, Query)
        assert any(t.origin == TermOrigin.SYNONYM and t.stem == verb for t in query.terms)
