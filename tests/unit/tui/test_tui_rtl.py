"""The wrap-then-shape-then-reorder step, on its own (no terminal needed)."""

import unicodedata

from rich.cells import cell_len

from chatbot.tui import rtl


def unshaped(text: str) -> str:
    """Presentation forms back to letters, to compare a display line with plain Arabic."""
    return unicodedata.normalize("NFKC", text)


def test_wrap_breaks_between_words_within_the_width():
    text = "هي قدرة القطاعات الحكوميه على توفير الخدمات الحكوميه التقليديه للمواطنين"
    lines = rtl.wrap(text, 20)
    assert all(cell_len(line) <= 20 for line in lines)
    assert " ".join(lines) == text


def test_wrap_keeps_line_breaks_and_cuts_overlong_words():
    assert rtl.wrap("اولا\n\nثانيا", 10) == ["اولا", "", "ثانيا"]
    assert rtl.wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]


def test_latin_words_and_numbers_stay_left_to_right_inside_an_arabic_line():
    line = rtl.visual_line("الحكومة e-government عام 2024")
    assert "e-government" in line
    assert "2024" in line
    # Read from the right: الحكومة, then e-government, then عام, then 2024 at the far left.
    assert line.index("2024") < line.index("e-government")
    assert unshaped(line).endswith("الحكومة"[::-1])


def test_arabic_is_shaped_into_joined_presentation_forms():
    line = rtl.visual_line("مراحل")
    assert line != "مراحل"[::-1]
    assert unshaped(line) == "مراحل"[::-1]
    assert all(0xFE70 <= ord(ch) <= 0xFEFF for ch in line)


def test_lines_are_wrapped_before_reordering():
    """The first display line holds the *start* of the sentence, not its end."""
    text = "اولا مفهوم الحكومة الالكترونيه ثانيا متطلبات الحكومة"
    first, *_ = rtl.render(text, 20, rtl.APP).plain.split("\n")
    assert rtl.logical_word(first.strip()) == "اولا مفهوم الحكومة"


def test_app_mode_right_aligns_to_the_width():
    lines = rtl.render("نعم\nالحكومة الالكترونيه", 30, rtl.APP).plain.split("\n")
    assert [cell_len(line) for line in lines] == [30, 30]
    assert lines[0].startswith(" ") and not lines[0].endswith(" ")


def test_brackets_are_mirrored_around_arabic_and_kept_around_latin():
    assert "(ﻪﻴﻣﺎﻨﻟﺍ ﻝﻭﺪﻟﺍ ﻲﻓ)" in rtl.visual_line("معوقات (في الدول الناميه)")
    assert "(e-government)" in rtl.visual_line("الحكومة (e-government) هي")
    assert "[bold]" in rtl.visual_line("قال [bold] نعم")


def test_terminal_mode_passes_logical_text():
    text = "ما مراحل الحكومة e-government؟"
    assert rtl.render(text, 80, rtl.TERMINAL).plain == text


def test_markup_and_escape_sequences_stay_visible_text():
    text = rtl.render("[bold]نص[/bold] [link=http://x]هنا \x1b[31mأحمر", 80, rtl.TERMINAL)
    assert text.spans == []
    assert "[bold]نص[/bold]" in text.plain and "[link=http://x]" in text.plain
    assert "\x1b" not in text.plain and "␛[31m" in text.plain


def test_sanitize_drops_bidi_overrides_and_shows_controls():
    assert rtl.sanitize("a\u202eb\u2067c\x07") == "abc␇"
    assert rtl.sanitize("x\ty\r\nz") == "x    y\nz"


def test_highlight_marks_matching_words_in_both_modes():
    for mode in rtl.MODES:
        text = rtl.render("مراحل الحكومة e-government", 40, mode, highlight=lambda w: w in ("الحكومة", "government"))
        marked = sorted(unshaped(text.plain[span.start : span.end]) for span in text.spans)
        expected = ["government", "الحكومة" if mode == rtl.TERMINAL else "الحكومة"[::-1]]
        assert marked == sorted(expected)


def test_logical_word_undoes_shaping_and_reversal():
    assert rtl.logical_word(rtl.visual_line("الحكومة")) == "الحكومة"
    assert rtl.logical_word("2024") == "2024"


def test_resolve_mode():
    assert rtl.resolve_mode("terminal", {}) == rtl.TERMINAL
    assert rtl.resolve_mode(None, {"CHATBOT_RTL": "terminal"}) == rtl.TERMINAL
    assert rtl.resolve_mode("auto", {"KONSOLE_VERSION": "230800"}) == rtl.TERMINAL
    assert rtl.resolve_mode("auto", {"TERM": "mlterm"}) == rtl.TERMINAL
    assert rtl.resolve_mode("auto", {"VTE_VERSION": "7600"}) == rtl.APP
    assert rtl.resolve_mode("auto", {}) == rtl.APP
    assert rtl.resolve_mode("nonsense", {}) == rtl.APP


def test_truncate_keeps_the_start_of_a_label():
    assert rtl.truncate("ثانيا متطلبات ومعوقات تحقيق الحكومه", 14) == "ثانيا متطلبات…"
    assert rtl.truncate("قصير", 14) == "قصير"


# -- the input line ----------------------------------------------------------------------------


def drawn(view: rtl.InputView) -> str:
    return "".join(cell.glyph for cell in view.cells)


def test_visual_cells_keep_each_glyphs_logical_index():
    cells = rtl.visual_cells("ما هو HTML")
    assert "".join(c.glyph for c in cells) == rtl.visual_line("ما هو HTML")
    assert [c.index for c in cells[:4]] == [6, 7, 8, 9]  # «HTML» left to right, on the left
    assert cells[-1].index == 0  # the first letter on the right


def test_lam_alef_is_one_glyph_and_vowel_marks_are_dropped():
    cells = rtl.visual_cells("لَا")
    assert [c.glyph for c in cells if c.glyph] == ["ﻻ"]
    assert rtl.visual_line("الاسم") == "ﻢﺳﻻﺍ"


def test_input_view_is_right_aligned_with_the_cursor_at_the_end_on_the_left():
    view = rtl.input_view("ما مراحل", 8, 20)
    assert drawn(view) == " " + rtl.visual_line("ما مراحل")
    assert view.pad + len(drawn(view)) == 20
    assert view.column == view.pad  # the end of a right-to-left line is its left


def test_input_view_puts_the_cursor_on_the_character_after_it():
    view = rtl.input_view("ما مراحل", 0, 20)
    assert view.column == 19  # before the first letter: the rightmost cell
    view = rtl.input_view("ما مراحل", 3, 20)  # before «مراحل»
    assert view.cells[view.cursor].index == 3
    view = rtl.input_view("الاسم", 2, 20)  # between lam and alef: the ligature's cell
    assert view.cells[view.cursor].glyph == "ﻻ"


def test_input_view_orders_latin_and_digits_left_to_right():
    view = rtl.input_view("ما هو HTML 5", 6, 30)  # cursor before «HTML»
    assert "HTML 5" in drawn(view)
    assert view.cells[view.cursor].glyph == "H"


def test_input_view_scrolls_a_long_line_to_keep_the_cursor_in_view():
    question = "ما مراحل الحكومة الالكترونية في الدول النامية"
    at_end = rtl.input_view(question, len(question), 10)
    assert at_end.pad == 0 and at_end.start == 0 and at_end.column == 0
    at_start = rtl.input_view(question, 0, 10)
    assert at_start.column == 9 and at_start.start == len(drawn(at_start)) - 10


def test_input_view_maps_a_click_back_to_the_logical_index():
    view = rtl.input_view("ما مراحل", 0, 20)
    assert view.index_at(19) == 0  # the rightmost letter is the first
    assert view.index_at(0) == len("ما مراحل")  # left of the text: the end
