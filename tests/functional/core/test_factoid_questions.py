"""«كم …» on a lecture's own topic is answered by a passage that gives a figure, and declined by
one that only names what is counted, however many of the question's words it holds; «متى …»
answered by a passage showing a date rests on that date (Evidence.dated)."""

from pathlib import Path

from lecture_files import engine_over

LECTURE = """# طاقة الشمس
## محطات الطاقة الشمسية
تحول محطات الطاقة الشمسية ضوء الشمس الى كهرباء بواسطة الالواح الكهروضوئية، وتبنى المحطات في المناطق المشمسة.
## معامل السعة
- الشمسية: 15-25٪ تقريبا
- الرياح: 25-45٪ تقريبا
## تاريخ المحطات
انشئت اول محطة طاقة شمسية تجارية سنة 1982 في كاليفورنيا.
## صيانة الالواح
تنظف الالواح من الغبار دوريا لان الغبار يقلل انتاج الالواح، وتفحص التوصيلات الكهربائية.
"""


def _engine(tmp_path: Path):
    return engine_over(tmp_path, "solar.md", LECTURE)


def test_a_figure_in_an_item_answers_how_many(tmp_path: Path) -> None:
    reply = _engine(tmp_path).ask("كم معامل السعة للطاقة الشمسية")
    assert reply.answer is not None and "15-25" in reply.answer.passage.text


def test_no_figure_no_count(tmp_path: Path) -> None:
    """Every word of «كم عدد المحطات الشمسية» is in the first section, but no number."""
    reply = _engine(tmp_path).ask("كم عدد محطات الطاقة الشمسية")
    assert reply.answer is None


def test_a_date_shown_is_evidence_for_when(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    reply = engine.ask("متى انشئت اول محطة شمسية")
    assert reply.answer is not None and "1982" in reply.answer.passage.text and reply.evidence.dated
    assert not engine.ask("كم معامل السعة للطاقة الشمسية").evidence.dated
