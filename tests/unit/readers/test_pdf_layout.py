"""Page geometry to lecture lines: reading order, wrapped lines, headings, table cells."""

from pdf_glyphs import WIDTH, glyphs

from chatbot.index.readers.pdf_layout import Glyph, Rule, lecture_lines, left_lines_rtl, logical_text, page_lines, rows

PAGE = (0.0, 600.0)


def right_aligned(visual: str, y: float, size: float = 12.0, bold: bool = False, right: float = 560.0):
    """A line as an Arabic word processor draws it: flush with the right margin."""
    return glyphs(visual, x=right - len(visual) * WIDTH, y=y, size=size, bold=bold)


def test_mixed_arabic_english_run_in_reading_order():
    assert logical_text(glyphs(":)Confidentiality( ةيرسلا"))[0] == "السرية (Confidentiality):"


def test_a_latin_gloss_wrapped_onto_its_own_line_keeps_its_brackets():
    # «خافضات الضغط (Antihypertensives)» wrapped: the gloss alone, laid out right to left.
    assert logical_text(glyphs(")Antihypertensives("))[0] == "(Antihypertensives)"
    assert logical_text(glyphs(")reactions"))[0] == "reactions)"
    assert logical_text(glyphs("TCP/IP (v4)"))[0] == "TCP/IP (v4)"


def test_heading_number_and_colon_stay_in_front():
    assert logical_text(glyphs("تامولعملا نمأ موهفم :الوأ"))[0] == "أولا: مفهوم أمن المعلومات"
    assert logical_text(glyphs("نالعالا ةلحرم .1"))[0] == "1. مرحلة الاعلان"


def test_left_to_right_paragraph_with_arabic_runs():
    # A Word paragraph left-to-right: runs laid out left to right, each Arabic run reversed.
    assert logical_text(glyphs("ةيرسلا (Confidentiality): نامض"), rtl=False) == ("السرية (Confidentiality): ضمان", False)
    assert logical_text(glyphs("نامض ةيرسلا."), rtl=False)[0] == "السرية ضمان."


def test_a_right_to_left_line_on_a_left_aligned_page_reads_right_to_left():
    # A document never set right to left: its Arabic lines are flush left, yet laid out right to
    # left — the full stop drawn leftmost, the English term's brackets around it.
    assert logical_text(glyphs(".ATP لكش ىلع ةقاطلا"), rtl=False) == ("الطاقة على شكل ATP.", True)
    assert logical_text(glyphs(".)Nucleoid( ةاونلا هبش"), rtl=False) == ("شبه النواة (Nucleoid).", True)


def test_left_aligned_lines_follow_those_of_their_size_that_show_their_direction():
    """Word left-aligns right-to-left paragraphs too: when the page's lines that show their
    direction (a full stop drawn leftmost, a list marker on the right) are right to left, a line
    of their size that shows nothing («تستخدم حلقة for عندما») is read right to left as well."""
    drawn = [".ATP لكش ىلع ةقاطلا", ".)Nucleoid( ةاونلا هبش", "نالعالا ةلحرم /1", "امدنع for ةقلح مدختست",
             "ةيلخلا ءاشغ"]
    page = [g for n, visual in enumerate(drawn) for g in glyphs(visual, x=40.0, y=700.0 - 20 * n)]
    first = page_lines(page, [], PAGE, 1)
    assert first[3].text == "عندما for تستخدم حلقة"  # by its side alone: left to right
    assert left_lines_rtl([first]) == {12.0}
    again = page_lines(page, [], PAGE, 1, left_rtl=left_lines_rtl([first]))
    assert again[3].text == "تستخدم حلقة for عندما"
    assert [line.text for line in again][:3] == [line.text for line in first][:3]


def test_a_size_with_too_few_lines_to_show_follows_the_lecture():
    """A heading of its own size («حلقة for», 14 pt) shows nothing; the lecture's body, right to
    left, decides it. A size with a line showing left to right keeps its side."""
    body = [".ATP لكش ىلع ةقاطلا", ".)Nucleoid( ةاونلا هبش", "نالعالا ةلحرم /1"]
    page = [g for n, visual in enumerate(body) for g in glyphs(visual, x=40.0, y=700.0 - 20 * n)]
    heading = glyphs("for ةقلح", x=40.0, y=760.0, size=14.0)
    first = page_lines(heading + page, [], PAGE, 1)
    assert left_lines_rtl([first]) == {12.0, 14.0}
    assert page_lines(heading + page, [], PAGE, 1, left_rtl=left_lines_rtl([first]))[0].text == "حلقة for"
    notes = glyphs("1. نالعالا ةلحرم", x=40.0, y=760.0, size=14.0)  # a 14 pt line showing left to right
    assert left_lines_rtl([page_lines(notes + page, [], PAGE, 1)]) == {12.0}


def test_a_list_marker_shows_the_paragraph_direction():
    assert logical_text(glyphs("1. نالعالا ةلحرم"), rtl=True) == ("1. مرحلة الاعلان", False)
    assert logical_text(glyphs("نالعالا ةلحرم /1"), rtl=False) == ("1/ مرحلة الاعلان", True)


def test_numbers_keep_their_digit_order():
    assert logical_text(glyphs("لقالا ىلع افرح 12 نم"))[0] == "من 12 حرفا على الاقل"


def test_gap_without_a_drawn_space_is_a_space():
    assert logical_text(glyphs("نمأ_تامولعملا"))[0] == "المعلومات أمن"


def test_bracket_spacing_of_a_wrapped_line_end():
    assert logical_text(glyphs("Cloud ( ةيباحسلا"))[0] == "السحابية (Cloud"


def test_wrapped_lines_join_and_a_short_line_ends_the_paragraph():
    full = "ةكبشلا ربع ةنزخملا تامولعملا ىلع مهل حرصملا ريغ صاخشلأا علاطا مدع نامض يه ةيرسلا" * 2
    page = (
        right_aligned(full, 700, right=560.0)
        + right_aligned(".ةلوقنملا وأ", 685)
        + right_aligned("ةيناث ةرقف", 670)
    )
    # the text area of this page: the first line spans it (margins are symmetric)
    lines = page_lines(page, [], (0.0, 560.0 + (560.0 - len(full) * WIDTH)), 1)
    out = lecture_lines(lines)
    assert len(out) == 2 and out[0].endswith("أو المنقولة.") and out[1] == "فقرة ثانية"


def test_list_items_are_never_joined():
    long = "ةكبشلا ربع ةنزخملا تامولعملا ىلع مهل حرصملا ريغ صاخشلأا علاطا مدع نامض" * 2
    page = right_aligned(long + " .1", 700) + right_aligned("ةلماكلا ةملاسلا .2", 685)
    out = lecture_lines(page_lines(page, [], (560.0 - len(long + " .1") * WIDTH, 560.0), 1))
    assert [line[:3] for line in out] == ["1/ ", "2/ "]


def test_headings_from_size_and_weight():
    page = (
        right_aligned("تامولعملا نمأ", 760, size=26)
        + right_aligned("موهفملا :الوأ", 720, size=14, bold=True)
        + right_aligned("تامولعملا ةيامح ملع وه", 700)
        + right_aligned("فيرعتلا", 680, size=12, bold=True)
        + right_aligned("يساسأ موهفم", 660)
        + right_aligned("رصانعلا :ايناث", 640, size=14, bold=True)
    )
    out = lecture_lines(page_lines(page, [], PAGE, 1))
    assert out == [
        "# أمن المعلومات",  # the title: largest, once, first — level 1 like Word's Title
        "# أولا: المفهوم",
        "هو علم حماية المعلومات",
        "## التعريف",  # bold at body size: the next level down
        "مفهوم أساسي",
        "# ثانيا: العناصر",
    ]


def test_ruled_table_cells_become_rows_in_reading_order():
    rules = [Rule(x, 500, x, 560) for x in (100, 300, 500)] + [Rule(100, y, 500, y) for y in (500, 530, 560)]
    page = (
        glyphs("فصولا", x=250, y=540) + glyphs("حلطصملا", x=440, y=540)
        + glyphs("تانايبلا ليوحت", x=200, y=512) + glyphs("ريفشتلا", x=440, y=512)
    )
    out = lecture_lines(page_lines(page, rules, PAGE, 1))
    assert out == ["", "المصطلح | الوصف", "- التشفير: الوصف: تحويل البيانات", ""]  # as the Word reader writes tables


def test_page_numbers_are_dropped():
    page = right_aligned("ىلوألا ةحفصلا صن", 700) + glyphs("3", x=300, y=40)
    assert lecture_lines(page_lines(page, [], PAGE, 1)) == ["نص الصفحة الأولى"]


def test_running_header_and_footer_are_dropped_repeated_titles_stay():
    lines = []
    for page in (1, 2):
        title = right_aligned("ةلثمأ", 760, size=20)  # the same slide title, «continued»
        header = right_aligned("ةيبوساحلا مولعلا ةيلك", 780, size=10)
        body = right_aligned(f"{page} ةحفصلا صن", 700)
        footer = right_aligned("تامولعملا نمأ تارضاحم", 60, size=10) + glyphs(str(page), x=300, y=40)
        lines += page_lines(header + title + body + footer, [], PAGE, page)
    assert lecture_lines(lines) == ["# أمثلة", "نص الصفحة 1", "# أمثلة", "نص الصفحة 2"]


def test_a_bold_sentence_is_emphasis_not_a_heading():
    page = (
        right_aligned("ناونعلا", 720, bold=True)
        + right_aligned(".ةماه ةلمج هذه", 700, bold=True)
        + right_aligned("يداع صن انه", 680)
        + right_aligned("يداع صن انهو", 660)
    )
    out = lecture_lines(page_lines(page, [], PAGE, 1))
    assert out[:2] == ["# العنوان", "هذه جملة هامة."]


def test_a_wide_tab_after_a_list_marker_keeps_the_item_whole():
    line = glyphs("ةيرسلا", x=400) + glyphs(".1", x=520)  # a tab wider than a column gap
    assert lecture_lines(page_lines(line, [], PAGE, 1)) == ["1/ السرية"]


def test_a_title_wrapped_on_two_lines_is_still_the_title():
    page = (
        right_aligned("ةيبرعلا تاكبشلا يف تامولعملا نمأ ئدابم", 760, size=26, right=300)
        + right_aligned("ةثيدحلا", 730, size=26, right=300)
        + right_aligned("موهفملا :الوأ", 700, size=14, bold=True, right=300)
        + right_aligned("تامولعملا ةيامح ملع وه", 680, right=300)
        + right_aligned("رطاخملا نم تانايبلا ةيامحب ىنعي", 660, right=300)
    )
    lines = page_lines(page, [], (0.0, 366.0), 1)  # margins of 66 points on both sides
    assert lecture_lines(lines)[:2] == ["# مبادئ أمن المعلومات في الشبكات العربية الحديثة", "# أولا: المفهوم"]


def test_a_mark_drawn_as_its_own_glyph_stays_on_its_letter():
    tanween = Glyph("\u064b", 12.0, 12.0, 703.0, 715.0, 12.0, False)  # over the alef at 10–16
    [line] = page_lines(glyphs("الوأ") + [tanween], [], PAGE, 1)
    assert line.text == "أولاً"


def test_a_title_under_a_page_header_is_still_the_title():
    page = (
        right_aligned("ةيلكلا مسا", 780, size=10)
        + right_aligned("تامولعملا نمأ", 740, size=26)
        + right_aligned("موهفملا :الوأ", 700, size=14, bold=True)
        + right_aligned("تامولعملا ةيامح ملع وه", 680)
        + right_aligned("رطاخملا نم تانايبلا ةيامحب ىنعي", 660)
    )
    assert lecture_lines(page_lines(page, [], PAGE, 1))[1:3] == ["# أمن المعلومات", "# أولا: المفهوم"]


def test_slide_bullets_shrunk_to_fit_stay_items():
    lines = []
    for page, size in ((1, 32), (2, 24), (3, 24)):
        slide = right_aligned("ةحيرشلا ناونع", 460, size=44)
        slide += right_aligned("اهحرشي ريصق صن عم ىلوأ ةطقن •", 380, size=size)
        slide += right_aligned(f"{page} ةحيرشلا يف اهحرشي صن عم ةيناث ةطقن •", 330, size=size)
        lines += page_lines(slide, [], (0.0, 720.0), page)
    out = lecture_lines(lines)
    assert out[:3] == ["# عنوان الشريحة", "- نقطة أولى مع نص قصير يشرحها", "- نقطة ثانية مع نص يشرحها في الشريحة 1"]
    assert sum(line.startswith("#") for line in out) == 3


def test_a_heading_one_point_above_the_body_and_a_long_larger_paragraph():
    page = (
        right_aligned("ةيعرفلا نيوانعلا", 720, size=12)  # Word's Heading 3: 12 points over 11
        + right_aligned(".اذه صنلا لثم ريبكلا طخلاب ةبوتكم ةليوط ةرقف يف ةدحاو ةلمج هذه", 700, size=12)
    )
    for n in range(6):  # the body of the page
        page += right_aligned(f".{n} مقر ةرقفلا يف يداعلا مجحلاب بوتكم يداع صن انه", 680 - 40 * n, size=11)
    out = lecture_lines(page_lines(page, [], PAGE, 1))
    assert out[0] == "# العناوين الفرعية" and not out[1].startswith("#")


def test_a_bold_list_item_stays_an_item():
    page = right_aligned("تامولعملا ةيامح ملع وه", 720)
    page += right_aligned("ةيرسلا .1", 700, bold=True) + right_aligned("ةمالسلا .2", 680, bold=True)
    for n in range(4):
        page += right_aligned(f".{n} مقر ةرقفلا يف يداعلا مجحلاب بوتكم يداع صن انه", 640 - 20 * n)
    out = lecture_lines(page_lines(page, [], PAGE, 1))
    assert out[1:3] == ["1/ السرية", "2/ السلامة"]


def _column(words: list[str], right: float, top: float = 700.0) -> list[list]:
    """A text column as a word processor draws it: each logical line (Arabic words) flush
    right at ``right``, 240 points wide (40 glyphs), one line every 15 points."""
    return [
        glyphs((" ".join(words[n:n + 1]) * 40)[:40][::-1], x=right - 40 * WIDTH, y=top - 15 * n)
        for n in range(len(words))
    ]


def test_two_text_columns_are_read_one_after_the_other():
    # Word's two-column layout, right-to-left section: the columns share the page's rows, and
    # the right one is drawn (and read) first; its last paragraph runs on into the left one.
    right = _column(["ا", "ب", "ت", "ث", "ج", "ح", "خ", "د"], right=560.0)
    left = _column(["ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط"], right=280.0)
    drawn = [g for line in right for g in line] + [g for line in left for g in line]
    out = lecture_lines(page_lines(drawn, [], PAGE, 1))
    assert len(out) == 1  # full lines all: one paragraph, over the gutter too
    assert [out[0].index(letter * 40) for letter in "ابتثجحخدذرزسشصضط"] == sorted(
        out[0].index(letter * 40) for letter in "ابتثجحخدذرزسشصضط"
    )


def test_the_column_drawn_first_is_read_first():
    # A left-to-right section holding Arabic paragraphs: the left column comes first.
    right = _column(["ا", "ب", "ت", "ث", "ج", "ح", "خ", "د"], right=560.0)
    left = _column(["ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط"], right=280.0)
    drawn = [g for line in left for g in line] + [g for line in right for g in line]
    text = lecture_lines(page_lines(drawn, [], PAGE, 1))[0]
    assert text.index("ذ" * 40) < text.index("ط" * 40) < text.index("ا" * 40) < text.index("د" * 40)


def test_a_table_drawn_without_rules_is_no_pair_of_columns():
    # Short cells on both sides of a wide gap, row after row: a table's rows, not two columns.
    page = []
    for n in range(8):
        page += glyphs("فصو", x=100, y=700 - 15 * n) + glyphs(f"{n} حلطصم", x=480, y=700 - 15 * n)
    out = lecture_lines(page_lines(page, [], PAGE, 1))
    assert out[1:3] == ["مصطلح 0 | وصف", "- مصطلح 1: وصف: وصف"]  # the header row names the column


def test_a_zero_width_letter_at_a_ligatures_left_edge_comes_first():
    # LibreOffice draws «لأ» as the lam's glyph with a zero-width «أ» a tenth of a point right
    # of the lam's start: read by start alone, «الأسلوب» came out «األسلوب».
    drawn = [("ب", 352.9, 363.7), ("و", 363.6, 370.2), ("ل", 370.3, 373.7), ("س", 373.7, 382.9),
             ("أ", 382.9, 382.9), ("ل", 382.8, 390.1), ("ا", 390.1, 393.6)]
    glyphs_drawn = [Glyph(text, x0, x1, 700.0, 712.0, 12.0, False) for text, x0, x1 in reversed(drawn)]
    assert logical_text(rows(glyphs_drawn)[0])[0] == "الأسلوب"
    assert logical_text(sorted(glyphs_drawn, key=lambda g: g.x0))[0] != "الأسلوب"  # read by start alone


def test_a_paragraph_s_last_fragment_in_a_latin_font_is_no_heading():
    """A wrapped paragraph's last line holding only «Tower).», its Latin font measured larger than
    the body, comes out «.)Tower»: a line opening with a full stop or a closing bracket ends a
    sentence; it heads nothing (h58's renewable-energy PDF had «### .)Tower» over a paragraph)."""
    page = (
        right_aligned("ةقاطلا رداصم :الوأ", 760, size=14, bold=True)
        + right_aligned("ةيسمشلا ةقاطلا جرب لثم ةديدع لاكشا اهلو", 740)
        + glyphs(".)Tower", x=62.0, y=720, size=13)
        + right_aligned("ةرارحلا نيزخت ةزيملا", 700)
        + right_aligned("حايرلا :ايناث", 680, size=14, bold=True)
        + right_aligned("حايرلا ةقاط", 660)
    )
    out = lecture_lines(page_lines(page, [], PAGE, 1))
    assert not any("Tower" in line and line.startswith("#") for line in out), out
    assert out[0] == "# أولا: مصادر الطاقة" and "# ثانيا: الرياح" in out
