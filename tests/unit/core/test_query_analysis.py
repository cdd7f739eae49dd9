"""Corpus-aware stems, the question forms the search recognises (what-is, lists,
comparisons), each on an Arabic example, and when an answer is supported."""

import pytest

from chatbot.index.analysis import corpus_stems, indexed_stem, passage_words
from chatbot.index.passages import split_passages
from chatbot.text.arabic import without_proclitic
from chatbot.qa.answer_types import AnswerType, expected_answer_type, has_figure, names_counted
from chatbot.qa.decide import abstention_models, support
from chatbot.qa.retrieve import Evidence, _asks, _names_summary, defines, phrase_match, title_names
from chatbot.qa.query import asks_definition, defined_words


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


def test_a_section_is_indexed_with_the_heading_it_stands_under() -> None:
    text = ("### النمط الإشعاعي\nطرق رئيسية تخرج من المركز نحو الأطراف.\n\n"
            "- العيوب:\n  - ازدحام شديد في المركز\n  - صعوبة التنقل بين الأطراف\n")
    drawbacks = next(p for p in split_passages(text, "x.md") if p.heading == "- العيوب:")
    title, body = passage_words(drawbacks)
    assert title == ["العيوب"] and {"النمط", "الاشعاعي"} <= set(body)
    item = next(p for p in split_passages(text, "x.md") if p.level == "item")
    assert "النمط" not in passage_words(item)[1], "an item is found through its section"
    text = "### الحكومة الالكترونية\nمقدمة عنها.\n\nمراحل التحول الرقمي:\n- الاعلان\n- التبادل\n"
    stages = next(p for p in split_passages(text, "x.md") if p.heading == "مراحل التحول الرقمي:")
    assert "الحكومه" not in passage_words(stages)[1], "a heading naming its own subject stands alone"


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


@pytest.mark.parametrize("semantic", [0.1, None])  # the model with vectors, and the one without
@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        (dict(coverage=1.0, held=1.0, count=3, answer_type=True), "sure"),
        (dict(coverage=0.2, held=0.3, count=1, answer_type=True), "none"),  # one shared word
        (dict(coverage=0.1, held=0.2, count=1, answer_type=False), "none"),
    ],
)
def test_support_for_answering(evidence: dict, semantic: float | None, expected: str) -> None:
    assert support(Evidence(**evidence, semantic=semantic)) in (expected, "unsure" if expected == "sure" else expected)


def test_support_grows_with_the_evidence() -> None:
    """More of the question held, by the lecture or the passage, never lowers the probability."""
    model = abstention_models()["semantic"]
    weak = Evidence(0.4, 0.4, 2, True, 0.02)
    assert model.probability(weak._replace(coverage=0.9)) > model.probability(weak)
    assert model.probability(weak._replace(held=0.9, count=4)) > model.probability(weak)
    assert model.probability(weak._replace(answer_type=False)) < model.probability(weak)
    assert model.probability(weak._replace(factoid=True)) < model.probability(weak)  # «متى …», «كم …»


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("متى توفي فريدريك تايلور", AnswerType.DATE),
        ("متى نشأت المدرسة الكلاسيكية", AnswerType.DATE),
        ("متى نستخدم الوسيط بدل الوسط الحسابي", None),  # in what case, not at what date
        ("متى يحدث الخسوف القمري", None),
        ("امتى بيستخدموا نموذج الشلال", None),
        ("متى بنيت مدينة بغداد", AnswerType.DATE),
        ("when do we use denormalization", None),  # in what case
        ("when did the Abbasid state fall", AnswerType.DATE),
        ("كم عدد مراحل الذاكرة", AnswerType.NUMBER),
        ("مين اكتشف الدورة الدموية", AnswerType.PERSON),
        ("منو زرياب وشلون وصل الأندلس", None),  # who, and then how: the reply describes
        ("مين بنى تاج محل ولشو", None),
        ("من اكتشف البنسلين ومتى", AnswerType.PERSON),
        ("ما هي الذاكرة", None),
        # «how many» wherever it stands, across dialects
        ("البحر الأحمر يتسع بكم سنتيمتر في السنة؟", AnswerType.NUMBER),
        ("قديش بتتحرك الصفائح بالسنة", AnswerType.NUMBER),
        ("الطبقات كام واحدة", AnswerType.NUMBER),
        ("شكد مدة السبرنت", AnswerType.NUMBER),
        ("فوقاش تأسست الجامعة", AnswerType.DATE),
        ("ما الفرق بين الكم والكيف", None),
    ],
)
def test_expected_answer_type(question: str, kind: AnswerType | None) -> None:
    assert expected_answer_type(question) == kind


def test_a_passage_without_the_kind_of_answer_asked_declines() -> None:
    """«متى توفي تايلور» on a passage that holds every word but no date: declined, however
    sure the model is of the rest."""
    assert support(Evidence(1.0, 1.0, 3, False, 0.1)) == "none"


@pytest.mark.parametrize(
    ("line", "topic", "expected"),
    [
        ("قاعدة البيانات (Database) هي مجموعة منظمة من البيانات", ["قاعد", "بيان"], True),
        ("أما الدستور الجامد (Rigid Constitution) فهو الدستور الذي يشترط لتعديله", ["دستور", "جامد"], True),
        ("- التطبيع: عملية تنظيم الجداول", ["تطبيع"], True),
        ("ويقصد بالتطبيع تنظيم الجداول لتقليل التكرار", ["تطبيع"], True),
        ("ولا تثار الرقابة إلا في ظل الدساتير الجامدة", ["دستور", "جامد"], False),  # named, not defined
        ("العلاقة (Relation): جدول ثنائي الأبعاد داخل قاعدة البيانات", ["قاعد", "بيان"], False),
        ("- التشفير (Encryption): الشرح: تحويل البيانات الى صيغة غير مفهومة | مثال: HTTPS", ["تشفير"], True),
        ("- الأصول (Assets): طبيعته: مدينة | يزيد بـ: الجانب المدين", ["اصول"], False),  # a table's column
        ("الزكاة لغة: النماء والطهارة. وشرعاً: حق واجب في مال مخصوص", ["زكا"], True),  # «X لغةً … واصطلاحاً …»
        ("· الأصول = الخصوم + حقوق الملكية", ["اصول"], False),  # an equation
        ("السلوك = كل شي منقدر نلاحظو ونقيسو", ["سلوك"], True),  # a note's definition
    ],
)
def test_a_line_defining_the_asked_topic(line: str, topic: list[str], expected: bool) -> None:
    stems = {"قاعد", "بيان", "دستور", "جامد", "تطبيع", "علاق", "جدول"}
    assert defines(line, [frozenset({t}) for t in topic], stems.__contains__) is expected


def test_a_figure_answers_in_a_sentence_naming_half_of_what_is_asked() -> None:
    question = "كم عدد أقمار كوكب زحل"
    assert not has_figure("في النظام الشمسي ثمانية كواكب أبعدها كوكب نبتون.", question)  # «كوكب» alone
    assert has_figure("يدور حول كوكب زحل 146 قمرا.", question)


def test_a_title_and_its_gloss_are_two_names() -> None:
    assert title_names("طبقة الشبكة (Network Layer)") == ["طبقة الشبكة  ", "Network Layer"]
    assert title_names("(مقدمة)") == ["(مقدمة)"]
    assert title_names("الشبكات") == ["الشبكات"]


@pytest.mark.parametrize("heading, expected", [
    ("## خلاصة المحاضرة", True), ("# ملخص المحاضرة", True), ("الخاتمة:", True), ("مراجعة سريعة", True),
    ("# محاور المحاضرة", True), ("محتويات المحاضرة", True), ("Outline", True),
    ("# خلاصة وأسئلة مراجعة", True), ("## أسئلة للمناقشة", True), ("أسئلة الامتحان المحتملة:", True),
    ("ملخص محاضرة الشبكات", False), ("مفهوم الخلاصة", False), ("أسئلة البحث العلمي", False), ("", False),
    ("# أهداف المحاضرة", True), ("مخرجات المحاضرة:", True),  # a plan beside the lecture
    ("الأهداف", False), ("أهداف الحكومة الإلكترونية", False)])  # the aims a section treats
def test_a_summary_heading(heading: str, expected: bool) -> None:
    assert _names_summary(heading) is expected


@pytest.mark.parametrize("text, expected", [
    ("# أسئلة للمراجعة\n- اشرح تأثير المرور الأول\n- قارن بين الهيبارين والوارفارين\n"
     "- لماذا تسبب مثبطات ACE السعال؟\n- المحاضرة القادمة: المضادات الحيوية", True),
    ("- ما شروط صحة المرابحة؟", True),
    ("2. قارن النتائج ووضح اي خوارزمية افضل ولماذا.", True),
    # A question answered on its own line, and a line telling of questions, answer.
    ("لماذا يكون جدار البطين الأيسر أسمك؟ لأنه يضخ الدم الى الدورة الجهازية.", False),
    ("ويعقد الفريق اجتماعا يجيب فيه كل عضو عن ثلاثة أسئلة: ماذا أنجزت أمس؟ ماذا سأنجز اليوم؟", False),
    ("- عدد البائعين والمشترين في السوق.", False)])
def test_a_passage_that_asks(text: str, expected: bool) -> None:
    assert _asks(text) is expected


def test_a_short_line_speaks_of_its_heading() -> None:
    """A list item or table row gives its figure for what its heading names; a sentence does
    not borrow the heading's words."""
    question = "كم معامل السعة لمحطات الطاقة الشمسية"
    heading = "معامل السعة (Capacity Factor)"
    assert has_figure("· الشمسية: 15-25٪ تقريبا", question, heading=heading)
    assert not has_figure("· الشمسية: 15-25٪ تقريبا", question)
    long_line = "وتنتشر محطات الطاقة في الصحراء لان الشمس فيها قوية طوال العام وتنتج 300 يوم مشمس في كل عام"
    assert not has_figure(long_line.replace("الطاقة", "").replace("الشمس ", ""), question, heading=heading)


def test_a_list_counts_what_its_heading_names() -> None:
    assert names_counted("مراحل الحكومة الالكترونيه:", "كم عدد مراحل الحكومه الالكترونيه")
    assert not names_counted("3) علامات الشياع:", "كم عدد الابقار في السودان بالضبط")


def test_a_few_is_a_figure() -> None:
    assert has_figure("تتحرك الصفائح بسرعة بضع سنتيمترات بالسنة.", "قديش بتتحرك الصفائح بالسنة")
    assert has_figure("تستمر السبرنت بين اسبوع واربعة اسابيع.", "شكد مدة السبرنت")  # «و» + a number word


def test_a_list_number_is_no_figure() -> None:
    item = "5/ الأسباب العضوية: مثل إصابات الدماغ التي تؤدي الى تلف الخلايا العصبية."
    assert not has_figure(item, "كم عدد الخلايا العصبية في دماغ الانسان؟")
    assert has_figure(item.replace("مثل", "في 86 مليار من"), "كم عدد الخلايا العصبية في دماغ الانسان؟")


@pytest.mark.parametrize("question, expected", [
    ("ما هي السرية في أمن المعلومات؟", {"السريه"}),  # «في …» places the term
    ("ما المقصود بالبروتوكول في الشبكات", {"المقصود", "بالبروتوكول"}),
    ("ما معنى التكيف في موضوع التغير المناخي", {"معني", "التكيف"}),
    ("ما هو التعلم", {"التعلم"}),
    ("ما معنى في", {"معني"}),  # nothing after it: all the words
])
def test_the_words_a_definition_asks_to_define(question: str, expected: set[str]) -> None:
    assert defined_words(question) == expected


def test_neighbouring_words_of_the_question_side_by_side_in_a_passage() -> None:
    pairs = [(frozenset({"شروط", "شرط"}), frozenset({"دفاع"})), (frozenset({"دفاع"}), frozenset({"شرع"}))]
    assert phrase_match("ويشترط في الدفاع الشرعي ان يكون الخطر حالا", pairs) == 0.5
    assert phrase_match("الركن الشرعي: وجود نص يجرم الفعل، والدفاع عن النفس", pairs) == 0.0
