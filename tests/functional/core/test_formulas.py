"""A section that states a formula and little else is an answer, not a bare heading that gives
way to the worked example using it (chatbot.qa.retrieve._is_thin)."""

from pathlib import Path

from lecture_files import engine_over

LECTURE = """# المكثفات
## تعريف المكثف
المكثف عنصر كهربائي يستخدم لتخزين الشحنة الكهربائية بين لوحين موصلين يفصل بينهما عازل.
## الطاقة المخزنة في المكثف
`W = ½ × C × V²`
## مثال محلول
مكثف سعته 10 μF موصل بمصدر جهده 100 V. احسب الطاقة المخزنة في المكثف.
الحل: نعوض في قانون الطاقة المخزنة فنجد ان الطاقة تساوي نصف السعة في مربع الجهد اي 0.05 جول.
"""


def test_a_formula_answers_for_its_heading(tmp_path: Path) -> None:
    reply = engine_over(tmp_path, "capacitors.md", LECTURE).ask("قانون الطاقه المخزنه في المكثف")
    assert reply.answer is not None and "W = ½ × C × V²" in reply.answer.passage.text
