"""The headings above a passage say what it is about: of two sub-sections both titled «عملها»,
the question «ما عمل كان وأخواتها» names the headings of the one under «كان وأخواتها» more fully
(chatbot.qa.retrieve.headings_named, a term of the fused score, as are the words held, which
count a passage's headings)."""

from pathlib import Path

from lecture_files import engine_over
from chatbot.qa.query import read_query
from chatbot.qa.retrieve import _held, headings_named

GRAMMAR = """# النواسخ

## ثالثا: كان وأخواتها
### عملها
كان وأخواتها أفعال ناقصة تدخل على المبتدأ والخبر فترفع المبتدأ ويسمى اسمها وتنصب الخبر ويسمى خبرها.
### أخوات كان
- «كان»: اتصاف الاسم بالخبر في الماضي.
- «ليس»: النفي.

## رابعا: إن وأخواتها
### عملها
إن وأخواتها حروف تدخل على الجملة الاسمية فتنصب المبتدأ وترفع الخبر، بعكس كان وأخواتها.
### أخوات إن ومعانيها
- «إن» و«أن»: للتوكيد.
- «كأن»: للتشبيه.
- «ليت»: للتمني.
"""


def test_the_headings_the_question_names(tmp_path: Path) -> None:
    engine = engine_over(tmp_path, "grammar.md", GRAMMAR)
    query = read_query("ما عمل كان وأخواتها", engine.index.fields["word"], engine.speller, engine.extra_synonyms,
                       engine.settings, engine.named)
    kana, inna = (i for i, p in enumerate(engine.passages) if p.heading == "### عملها")
    assert engine.passages[kana].section[1] == "## ثالثا: كان وأخواتها"
    named = [headings_named(engine.passages[i], query.terms, engine.index) for i in (kana, inna)]
    assert named[0] == 1.0 > named[1] > 0.0  # «عمل» and «أخوات» both; «كان» only above the first
    # Both texts hold every word of the question (the second names «كان» to set it apart).
    assert _held(query.terms, engine.index, kana, {})[1] == _held(query.terms, engine.index, inna, {})[1] == 1.0
