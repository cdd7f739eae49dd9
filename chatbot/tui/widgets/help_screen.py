"""F1: what the keys do, in Arabic, drawn right to left like the rest."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from chatbot.tui.widgets.rtl_text import RtlText

HELP = """\
اكتب سؤالك عن المحاضرة بالعربية واضغط Enter: تظهر الفقرة التي تجيب عنه من نص المحاضرة، \
والكلمات المطابقة لسؤالك مميزة، ومعها موضعها (العنوان والملف والأسطر) ودرجة الثقة.

Enter: اسأل
Up / Down: الأسئلة السابقة
ctrl+o: إجابات أخرى للسؤال الأخير
ctrl+t: فهرس المحاضرات (Enter يفتح الفقرة، Esc يغلق)
ctrl+y: نسخ الإجابة الأخيرة
ctrl+s: حفظ الجلسة في ملف Markdown
ctrl+l: مسح المحادثة
ctrl+r: تبديل عرض العربية (التطبيق / الطرفية)
Tab: التنقل بين الأمثلة والاقتراحات والفهرس
PageUp / PageDown: تمرير المحادثة
ctrl+p: لوحة الأوامر
F1: هذه المساعدة
ctrl+q: خروج

إذا ظهرت الحروف العربية مقطعة أو معكوسة فاضغط ctrl+r: بعض الطرفيات (مثل Konsole) \
تعرض العربية بنفسها."""


class HelpScreen(ModalScreen[None]):
    """A modal page of help; Esc, F1 or q closes it."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 90; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield RtlText(HELP)
