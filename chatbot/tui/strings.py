"""Every word the chat shows around the lecture, as (Arabic, English) pairs.

The chat speaks Arabic; ``--lang en`` or ``CHATBOT_LANG=en`` switch it to English. One
language per run and per line: a bilingual line such as «… / The lecture does not …» puts its
punctuation at the wrong end in either direction and breaks mid-sentence at 80 columns. The
engine's own messages come bilingual («عربي / English»); :func:`engine_message` keeps one half.
:class:`Say` and :class:`Language` live in :mod:`chatbot.messages`, with the engine's messages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import NamedTuple

from chatbot.messages import SEPARATOR, Language, Say

__all__ = [
    "BINDINGS", "COMMANDS", "Language", "Say", "engine_message", "localize_bindings", "resolve_language",
]


def resolve_language(requested: str | None, env: Mapping[str, str]) -> Language:
    """``--lang``, else ``CHATBOT_LANG``, else Arabic (an unknown value also means Arabic)."""
    choice = (requested or env.get("CHATBOT_LANG") or "").strip().lower()
    return Language.EN if choice.startswith("en") else Language.AR


def engine_message(message: str, lang: Language) -> str:
    """The half of an engine message «عربي / English» in ``lang`` (the whole if not split)."""
    arabic, slash, english = message.partition(SEPARATOR)
    if not slash:
        return message
    return arabic if lang is Language.AR else english


# Footer keys and palette commands, by binding id: (footer word, palette title, palette help).
class Command(NamedTuple):
    footer: Say
    title: Say
    help: Say


BINDINGS: dict[str, Command] = {
    "ask": Command(Say("اسأل", "Ask"), Say("اسأل", "Ask"), Say("أرسل السؤال", "Send the question")),
    "toc": Command(Say("الفهرس", "Contents"), Say("فهرس المحاضرات", "Table of contents"),
                   Say("عناوين المحاضرات وأقسامها", "The lectures' headings and sections")),
    "more": Command(Say("المزيد", "More"), Say("إجابات أخرى", "Other answers"),
                    Say("إجابات أخرى للسؤال الأخير", "Other answers to the last question")),
    "copy": Command(Say("نسخ", "Copy"), Say("نسخ الإجابة", "Copy the answer"),
                    Say("نسخ الإجابة الأخيرة إلى الحافظة", "Copy the last answer to the clipboard")),
    "save": Command(Say("حفظ", "Save"), Say("حفظ الجلسة", "Save the session"),
                    Say("حفظ المحادثة في ملف Markdown", "Save the conversation as a Markdown file")),
    "clear": Command(Say("مسح", "Clear"), Say("مسح المحادثة", "Clear the conversation"),
                     Say("بدء محادثة جديدة", "Start a new conversation")),
    "rtl": Command(Say("العرض", "RTL"), Say("تبديل عرض العربية", "Switch Arabic rendering"),
                   Say("يرتبها التطبيق أو الطرفية", "Laid out by the app or by the terminal")),
    "help": Command(Say("مساعدة", "Help"), Say("المساعدة", "Help"),
                    Say("المفاتيح وطريقة الاستعمال", "Keys and how to use the chat")),
    "quit": Command(Say("خروج", "Quit"), Say("خروج", "Quit"), Say("إغلاق البرنامج", "Close the chat")),
    "close": Command(Say("إغلاق", "Close"), Say("إغلاق", "Close"), Say("إغلاق النافذة", "Close this page")),
    "theme": Command(Say("السمة", "Theme"), Say("تغيير السمة", "Change theme"),
                     Say("ألوان فاتحة أو داكنة", "Light or dark colours")),
}


def localize_bindings(key_to_bindings: dict[str, list], lang: Language, shown: Callable[[str], str]) -> None:
    """Give each binding with an id in :data:`BINDINGS` its footer word and tooltip in ``lang``.

    ``key_to_bindings`` is a Textual ``BindingsMap.key_to_bindings`` (bindings are frozen
    dataclasses, so they are replaced); ``shown`` lays a word out for the screen. Those
    bindings are declared without a description, which Textual reads as hidden: they are all
    meant for the footer (a hidden key simply has no id here).
    """
    for key, bindings in key_to_bindings.items():
        key_to_bindings[key] = [
            replace(b, description=shown(BINDINGS[b.id].footer(lang)), tooltip=BINDINGS[b.id].help(lang), show=True)
            if b.id in BINDINGS else b
            for b in bindings
        ]


# The binding ids also offered as palette commands.
COMMANDS = ("toc", "more", "copy", "save", "clear", "rtl", "theme", "help", "quit")

TITLE = Say("مساعد المحاضرة — اسأل بالعربية", "Lecture assistant — ask in Arabic")
RENDERING = Say("العرض: {mode}", "rendering: {mode}")
MODE_NAMES = {"app": Say("التطبيق", "app"), "terminal": Say("الطرفية", "terminal")}
PLACEHOLDER = Say("اكتب سؤالك بالعربية ثم اضغط Enter", "Type your question in Arabic, then Enter")
FILTER_PLACEHOLDER = Say("ابحث في الفهرس…", "Filter the contents…")
PALETTE_PLACEHOLDER = Say("ابحث عن أمر…", "Search for commands…")

GREETING = Say(
    "أهلا! اكتب سؤالك عن المحاضرة بالعربية ثم اضغط Enter، وستظهر الإجابة من نص المحاضرة نفسه مع مصدرها.",
    "Hello! Type your question about the lecture in Arabic and press Enter: the answer comes "
    "from the lecture's own text, with where it is.",
)
EXAMPLES = Say("أمثلة (Tab ثم Enter لطرح أحدها):", "Examples (Tab, then Enter to ask one):")
CLOSEST = Say("أقرب الأقسام:", "Closest sections:")
SUGGESTIONS = Say("أقرب الأقسام (Tab ثم Enter للفتح):", "Closest sections (Tab, then Enter to open):")
PREPARING = Say("جارٍ تحضير فهرس المحاضرات…", "Preparing the lectures' index…")
LOADING = Say("جارٍ فتح المحاضرات… يمكنك الكتابة الآن.", "Opening the lectures… you can type already.")

YOUR_QUESTION = Say("سؤالك: {question}", "Your question: {question}")
ANSWER = Say("الإجابة", "Answer")
FROM_CONTENTS = Say("من الفهرس", "From the contents")
OTHER_ANSWER = Say("إجابة أخرى", "Other answer")
NEAR_SECTION = Say("قسم قريب", "Nearby section")
CONFIDENCE = Say("الثقة: {level}", "confidence: {level}")
MORE_HINT = Say("ctrl+o: إجابات أخرى ({count})", "ctrl+o: other answers ({count})")
NOT_FOUND = Say("لم أجد إجابة في المحاضرة.", "The lecture does not answer this.")
SOURCE_LINE = Say("{source}، السطر {first}", "{source}, line {first}")
SOURCE_LINES = Say("{source}، الأسطر {first}-{last}", "{source}, lines {first}-{last}")
SHOW_MORE = Say(
    "عرض المزيد ({shown} من {total} سطرا معروضة)",
    "Show more ({shown} of {total} lines shown)",
)

WILL_ANSWER = Say("سأجيب حين تجهز المحاضرات…", "I will answer as soon as the lectures are ready…")
OPEN_FAILED = Say("تعذّر فتح المحاضرات: {error}", "Could not open the lectures: {error}")
SEARCH_FAILED = Say("حدث خطأ أثناء البحث: {error}", "Something went wrong while searching: {error}")
NO_OTHERS = Say("لا توجد إجابات أخرى", "No other answers")
NOTHING_TO_COPY = Say("لا توجد إجابة لنسخها بعد", "No answer to copy yet")
COPY_SENT = Say(
    "أُرسلت الإجابة إلى الحافظة، لكن الطرفية لا تؤكد النسخ؛ إن لم تجدها فاحفظ الجلسة (ctrl+s).",
    "The answer was sent to the clipboard, but the terminal cannot confirm it; if it is not "
    "there, save the session (ctrl+s).",
)
NOTHING_TO_SAVE = Say("لا يوجد ما يُحفظ بعد", "Nothing to save yet")
SAVE_FAILED = Say("تعذّر حفظ الجلسة: {error}", "Could not save the session: {error}")
SAVED = Say("حُفظت الجلسة", "Session saved")
SESSION = Say("جلسة أسئلة", "Question session")
SAVED_IN = Say("حُفظت الجلسة في الملف:", "The session was saved in the file:")

HELP = Say(
    """\
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
ctrl+p: لوحة الأوامر (ابحث بالعربية، مثل «حفظ»)
F1: هذه المساعدة
ctrl+q: خروج

إذا ظهرت الحروف العربية مقطعة أو معكوسة فاضغط ctrl+r: بعض الطرفيات (مثل Konsole) \
تعرض العربية بنفسها.""",
    """\
Type your question about the lecture in Arabic and press Enter: the paragraph of the lecture \
that answers it appears, the words matching your question marked, with where it is (heading, \
file and lines) and how confident the match is.

Enter: ask
Up / Down: earlier questions
ctrl+o: other answers to the last question
ctrl+t: table of contents (Enter opens a passage, Esc closes)
ctrl+y: copy the last answer
ctrl+s: save the session as a Markdown file
ctrl+l: clear the conversation
ctrl+r: switch Arabic rendering (app / terminal)
Tab: move between examples, suggestions and the contents
PageUp / PageDown: scroll the conversation
ctrl+p: command palette
F1: this help
ctrl+q: quit

If Arabic letters look separated or reversed, press ctrl+r: some terminals (such as Konsole) \
lay Arabic out themselves.""",
)
