"""Every message the chatbot gives a user, as (Arabic, English) pairs in one place.

The command line, ``--json`` replies, exception messages and logs print both halves on one
line, Arabic first: «عربي / English» (``str(say)``, or ``say.both(field=…)`` to fill its
``{field}`` placeholders). The chat shows one language at a time (``say(lang, field=…)``).
A field may itself be a :class:`Say`: each half is then filled with its own language's
words (a reason, a kind of file).

Light on purpose (the standard library only, no chatbot import): every layer, from the
readers to the chat, takes its words from here. What follows a message in one language only
(a path, an OS error, a list of valid names) is appended by the caller after the pair.
"""

from __future__ import annotations

import errno
from enum import StrEnum
from typing import NamedTuple

__all__ = ["SEPARATOR", "Language", "Say"]

# Between the halves of a bilingual line; the chat's engine_message splits on it.
SEPARATOR = " / "


class Language(StrEnum):
    AR = "ar"
    EN = "en"

    @property
    def base(self) -> str:
        """The paragraph direction of the chat's own lines in this language (``R`` or ``L``).

        Taken from the language, not from a line's first letter: «e-government.txt، الأسطر 5-9»
        is an Arabic line that starts with a Latin word.
        """
        return "R" if self is Language.AR else "L"


class Say(NamedTuple):
    """One message in both languages; ``say(lang)`` picks one (``format`` fills its fields),
    ``str(say)`` / ``say.both(**fields)`` gives the bilingual line «ar / en»."""

    ar: str
    en: str

    def __call__(self, lang: Language, **fields: object) -> str:
        text = self.ar if lang is Language.AR else self.en
        if not fields:
            return text
        return text.format(**{k: v(lang) if isinstance(v, Say) else v for k, v in fields.items()})

    def both(self, **fields: object) -> str:
        """The bilingual line «ar / en» the command line, JSON and exceptions carry."""
        return SEPARATOR.join(self.pair(**fields))

    def pair(self, **fields: object) -> tuple[str, str]:
        """Both halves, filled (for a caller that lays them out otherwise than «ar / en»)."""
        return self(Language.AR, **fields), self(Language.EN, **fields)

    def __str__(self) -> str:
        return self.both()


# -- Questions: why a question cannot be searched, and the replies that are not a passage -------

EMPTY = Say("اكتب سؤالك أولا.", "Please type a question.")
QUESTION_TOO_LONG = Say("السؤال طويل جدا: اختصره في أقل من {limit} حرف.",
                        "The question is too long: keep it under {limit} characters.")
NO_WORDS = Say("لم أجد في السؤال كلمات أبحث عنها، اكتبه بكلمات عربية.", "The question has no words to search for.")
NO_ANSWER = Say("لا أجد إجابة لهذا السؤال في المحاضرة.", "The lecture does not answer this question.")
UNSURE = Say("قد لا تجيب المحاضرة عن سؤالك مباشرة، وهذا أقرب ما وجدت.",
             "The lecture may not answer this directly; this is the closest passage.")
# Replies to smalltalk, by chatbot.qa.smalltalk.Smalltalk value.
SMALLTALK = {
    "greeting": Say("أهلا وسهلا! اسألني عن أي شيء في المحاضرة.", "Hello! Ask me anything about the lecture."),
    "wellbeing": Say("بخير والحمد لله! اسألني عن أي شيء في المحاضرة.", "Fine, thanks! Ask me about the lecture."),
    "thanks": Say("العفو، بالتوفيق في دراستك!", "You're welcome, good luck!"),
    "bye": Say("مع السلامة، بالتوفيق!", "Goodbye, good luck!"),
}
# How sure an answer is, by chatbot.qa.kinds.Confidence value (the CLI and the chat).
CONFIDENCE_LEVELS = {
    "high": Say("عالية", "high"),
    "medium": Say("متوسطة", "medium"),
    "low": Say("منخفضة", "low"),
}

# -- Index: building and opening it (chatbot.index.build) --------------------------------------

VANISHED = Say("اختفى الملف أثناء بناء الفهرس", "the file vanished during the build")
OUTSIDE = Say("رابط رمزي إلى خارج مجلد المحاضرات، لم يُتبع", "a symlink out of the corpus folder, not followed")
NO_INDEXABLE_TEXT = Say("لا يحوي نصا يمكن فهرسته", "no indexable text")
INDEX_UNWRITABLE = Say("تعذرت كتابة فهرس المحاضرات في {folder}: {why}", "cannot write the index in {folder}: {why}")
SERVING_PREVIOUS = Say(
    "تنبيه: تعذر تحديث الفهرس في {folder} ({why})، فالإجابة من الفهرس السابق",
    "warning: cannot write the index in {folder} ({why}); answering from the last good index, read-only",
)
# Why the index folder cannot be written (the English is the OS's own words, strerror).
NOT_A_FOLDER = Say("ليس مجلدا", "it is not a folder")
UNWRITABLE_WHY_AR = {
    errno.EACCES: "لا صلاحية للكتابة فيه", errno.EPERM: "لا صلاحية للكتابة فيه",
    errno.EROFS: "مثبت للقراءة فقط", errno.ENOSPC: "لا مساحة على القرص", errno.ENOENT: "لا يمكن إنشاؤه",
}
UNWRITABLE_WHY_AR_OTHER = "لا يمكن الكتابة فيه"
INDEX_BUSY = Say("فهرس المحاضرات في {folder} يُبنى الآن في عملية أخرى، حاول بعد قليل",
                 "another process is building the index in {folder}; try again when it finishes")
DAMAGED_CACHE = Say("تحليل محفوظ تالف أعيد لـ {count} ملف", "damaged cached analysis redone for {count} file(s)")
SEMANTIC_UNAVAILABLE = Say("البحث الدلالي غير متاح ({reason})، البحث بالكلمات وحده",
                           "semantic search unavailable ({reason}): words only")
INDEX_CORRUPT = Say("تنبيه: الفهرس تالف ({reason}) وسيعاد بناؤه", "warning: index is corrupt ({reason}); rebuilding")

# -- Readers: why a lecture file cannot be read, and what was left out of it --------------------

UNSUPPORTED_TYPE = Say("نوع ملف غير مدعوم ({suffix})", "unsupported file type ({suffix})")
NO_SUFFIX = Say("بلا امتداد", "no extension")
TOO_LARGE = Say("الملف أكبر من الحد ({size:,} بايت والحد {limit:,})", "file too large: {size:,} bytes, the limit is {limit:,}")
CANNOT_READ_FILE = Say("تعذرت قراءة الملف", "cannot read the file")
EMPTY_FILE = Say("ملف فارغ", "empty file")
NO_ARABIC = Say("لا يحوي نصا عربيا", "no Arabic text")
TOO_MANY_LINES = Say("الملف طويل جدا: {lines:,} سطرا والحد {limit:,}", "too long: {lines:,} lines, the limit is {limit:,}")
TOO_MANY_PARTS = Say("الحزمة تضم {parts:,} جزءا والحد {limit:,}", "the package has {parts:,} parts, the limit is {limit:,}")
PART_TOO_LARGE = Say("الجزء {part} يتفكك إلى {size} والحد {limit}", "part {part} unpacks to {size}, the limit is {limit}")
ZIP_BOMB = Say("الجزء {part} مضغوط بنسبة {ratio:,.0f} إلى 1 والحد {limit} (قنبلة ضغط)",
               "part {part} is compressed {ratio:,.0f} to 1, the limit is {limit} (a zip bomb)")
PACKAGE_TOO_LARGE = Say("الحزمة تتفكك إلى {size} والحد {limit}", "the package unpacks to {size}, the limit is {limit}")
TOO_MANY_PARAGRAPHS = Say("الملف يضم {paragraphs:,} فقرة والحد {limit:,}", "{paragraphs:,} paragraphs, the limit is {limit:,}")
BAD_BOM = Say("ترميز غير صالح بعد علامة {encoding}", "invalid {encoding} after its BOM")
BINARY_FILE = Say("ملف ثنائي وليس نصا", "binary file, not text")
UNKNOWN_ENCODING = Say("ترميز غير معروف: ليس UTF-8 ولا Windows-1256", "unknown encoding: neither UTF-8 nor Windows-1256")
DAMAGED_DOCX = Say("ملف Word تالف أو غير صالح", "damaged or invalid .docx")
DAMAGED_PPTX = Say("ملف PowerPoint تالف أو غير صالح", "damaged or invalid .pptx")
PDF_PASSWORD = Say("ملف PDF محمي بكلمة مرور: أزل الحماية ثم أضفه من جديد",
                   "damaged or protected PDF: password-protected, remove the password and add it again")
PDF_UNPARSABLE = Say("ملف PDF تالف لا يمكن قراءته", "damaged or protected PDF: cannot be parsed")
PDF_NO_PAGE = Say("ملف PDF تالف: لا صفحة فيه تقرأ", "damaged or protected PDF: no readable page")
PDF_NO_TEXT = Say("لا يحوي طبقة نص، ربما صور ممسوحة ضوئيا: حوّله بالتعرف الضوئي (OCR) أولا",
                  "no text layer (a scanned PDF?): run OCR on it first")
PDF_GARBLED = Say("النص المستخرج غير صالح (خطوط بلا ترميز يونيكود)", "unusable text layer (fonts without a Unicode map)")
PDF_FAULTS = Say("ملف PDF فيه عيوب في بنيته ({count}) تجاوزها القارئ، وقد ينقص بعض نصه",
                 "the PDF has {count} structural faults that were worked around; some text may be missing")
PDF_DAMAGED_PAGES = Say("صفحات تالفة تُركت: {pages}", "damaged pages left out: {pages}")
PDF_BLANK_PAGES = Say("صفحات بلا نص (ممسوحة ضوئيا؟): {pages}", "pages without text (scanned?): {pages}")
PDF_FLIPPED = Say("صُحح اتجاه {count} سطرا رُسمت حروفه معكوسة",
                  "{count} lines had their letters drawn in reverse order and were put back in reading order")
PDF_NOT_ARABIC = Say("أغلب النص المستخرج ليس عربيا، تحقق منه", "most extracted letters are not Arabic: check the text")

# -- Passages: a lecture the splitter refuses (chatbot.index.passages) --------------------------

PASSAGE_TOO_LONG = Say(
    "في الملف {source} مقطع طوله {chars:,} حرفا (الأسطر {first}–{last})، والحد {limit:,}؛ قسّمه إلى أسطر",
    "{source}: a passage of {chars:,} characters (lines {first}-{last}) is over the limit of {limit:,}; "
    "break it into lines",
)

# -- Evaluation: gold files and SQuAD datasets (chatbot.eval) -----------------------------------

# What an evaluation reads, for the messages about it.
GOLD_FILE = Say("ملف الإجابات", "gold file")
SQUAD_FILE = Say("ملف SQuAD", "SQuAD file")
INPUT_NOT_FOUND = Say("{what} غير موجود", "{what} not found")
INPUT_IS_FOLDER = Say("{what} مجلد وليس ملفا", "{what} is a folder, not a file")
INPUT_NOT_UTF8 = Say("{what} ليس بترميز UTF-8", "{what} is not UTF-8")
INPUT_UNREADABLE = Say("تعذرت قراءة {what}", "cannot read {what}")
GOLD_LINE_TOO_LONG = Say("السطر أطول من {limit} بايت", "the line is longer than {limit} bytes")
NOT_JSON = Say("ليس JSON صالحا", "not valid JSON")
NOT_AN_OBJECT = Say("كل سطر كائن JSON", "each line must be a JSON object")
ID_MISSING = Say("«id» نص غير فارغ مطلوب", '"id" must be a non-empty string')
ID_SPACES = Say("«id» لا يحوي مسافات: {value!r}", '"id" must not contain whitespace: {value!r}')
ID_REPEATED = Say("«id» مكرر: {value}", 'duplicate "id": {value}')
QUESTION_MISSING = Say("«question» نص غير فارغ مطلوب", '"question" must be a non-empty string')
ONE_KIND = Say("يلزم واحد فقط من answer_contains أو passage أو unanswerable",
               'give exactly one of "answer_contains", "passage", "unanswerable"')
TYPE_EMPTY = Say("«type» نص غير فارغ", '"type" must be a non-empty string')
ANSWER_CONTAINS_EMPTY = Say("«answer_contains» قائمة عبارات غير فارغة",
                            '"answer_contains" must be a non-empty list of non-empty strings')
BAD_SPAN = Say("«passage» بالشكل SOURCE:FIRST-LAST: {value!r}",
               '"passage" must read SOURCE:FIRST-LAST with 1 <= FIRST <= LAST: {value!r}')
UNANSWERABLE_TRUE = Say("«unanswerable» قيمته true فقط", '"unanswerable" can only be true')
NO_GOLD_QUESTIONS = Say("لا أسئلة في ملف الإجابات", "no questions in gold file")
UNKNOWN_KEYS = Say("تنبيه: مفاتيح غير معروفة تُركت", "warning: unknown keys ignored")
NO_MATCHING_PASSAGE = Say("لا مقطع في المحاضرات يطابق الإجابة {expected} (السؤال {id})؛ هل ملف الإجابات قديم؟",
                          "no passage of the corpus matches {expected} (question {id}); is the gold file out of date?")
SQUAD_NOT_JSON = Say("ملف SQuAD ليس JSON صالحا", "SQuAD file is not valid JSON")
NO_ARTICLES = Say("لا مقالات في «data»", 'no articles under "data"')
NO_PARAGRAPHS = Say("لا فقرات", 'no "paragraphs"')
CONTEXT_MISSING = Say("«context» فارغ أو مفقود", '"context" is missing or empty')
QAS_NOT_LIST = Say("«qas» ليست قائمة", '"qas" is not a list')
SQUAD_QUESTION_MISSING = Say("«question» مفقود", '"question" is missing or empty')
NO_QUESTIONS = Say("لا أسئلة في الملف", "no questions")
PASSAGES_MISMATCH = Say("المقاطع لا تطابق الفقرات", "the passages do not match the paragraphs")

# -- Command line: misuse, failures and the end of a run (chatbot.cli) -------------------------

DESCRIPTION = Say("اسأل المحاضرة بالعربية", "Ask the lecture in Arabic.")
USAGE_ERROR = Say("خطأ في الاستخدام", "usage error")
ONE_QUESTION = Say("اكتب سؤالا واحدا أو استعمل --batch مع الأسئلة في المدخل القياسي",
                   "give one QUESTION, or --batch with questions on stdin")
CORPUS_NOT_FOUND = Say("مجلد المحاضرات غير موجود", "corpus folder not found")
STOPPED = Say("أوقف", "stopped")
INTERRUPTED = Say("أوقف", "interrupted")
INTERNAL_ERROR = Say("خطأ داخلي، أبلغ عنه من فضلك", "internal error, please report it")
CANNOT_USE = Say("تعذر الوصول إلى{where}: {reason}", "cannot use{where}: {reason}")
# What an OS error means for the user, by errno; others are given in the OS's words.
OS_REASONS = {
    errno.ENOENT: Say("غير موجود", "not found"),
    errno.EEXIST: Say("ملف موجود حيث يلزم مجلد", "a file stands where a folder is needed"),
    errno.ENOTDIR: Say("ملف موجود حيث يلزم مجلد", "a file stands where a folder is needed"),
    errno.EISDIR: Say("مجلد حيث يلزم ملف", "a folder stands where a file is needed"),
    errno.EACCES: Say("لا تسمح الصلاحيات بذلك", "permission denied"),
    errno.EPERM: Say("لا تسمح الصلاحيات بذلك", "operation not permitted"),
    errno.EROFS: Say("نظام الملفات للقراءة فقط", "read-only file system"),
    errno.ENOSPC: Say("لا مساحة كافية على القرص", "no space left on the disk"),
}
OS_REASON_OTHER_AR = "خطأ في نظام الملفات"
EVAL_ONE_INPUT = Say("أعط ملف أسئلة GOLD.jsonl أو --squad FILE.json (واحدا منهما)",
                     "give either GOLD.jsonl or --squad FILE.json")
SQUAD_OWN_CORPUS = Say("--squad يبني مجموعته الخاصة، فلا يقبل --corpus ولا --index",
                       "--squad builds its own corpus: --corpus and --index do not apply")
RUN_FOLDER_NOT_FOUND = Say("مجلد ملف التشغيل غير موجود", "folder for the run file not found")
RUN_UNWRITABLE = Say("تعذرت كتابة ملف التشغيل", "cannot write the run file")
INVALID_PORT = Say("رقم منفذ غير صالح", "invalid port")
# The browser chat's busy port: one line per language (printed one under the other).
PORT_TAKEN = Say("المنفذ {port} مشغول على {host}: اختر غيره بالخيار --port.",
                 "port {port} on {host} is already in use: choose another with --port.")

# -- Corpus command: why a file is refused, what a check found (chatbot.cli.corpus) -------------

HIDDEN_NAME = Say("اسم يبدأ بنقطة أو شرطة سفلية لا يُعد محاضرة", "a name starting with '.' or '_' is not a lecture")
ALREADY_THE_ONE = Say("هذا الملف في مجلد المحاضرات أصلا", "this file is already the one in the corpus")
NAME_TAKEN = Say("يوجد ملف بالاسم {name} في مجلد المحاضرات؛ استعمل --force لاستبداله",
                 "{name} is already in the corpus; use --force to replace it")
FILE_NOT_FOUND = Say("الملف غير موجود", "file not found")
CANNOT_ACCESS = Say("تعذر الوصول إلى الملف", "cannot access the file")
IS_A_FOLDER = Say("هذا مجلد وليس ملفا؛ أعط الملفات التي فيه", "this is a folder, not a file; give the files in it")
NOT_REGULAR = Say("ليس ملفا عاديا ({kind})", "not a regular file (a {kind})")
NO_LECTURES = Say("لا توجد محاضرات في {corpus}", "no lecture files in {corpus}")
NEAR_DUPLICATE = Say("شبه مكرر مع {other} ({similarity:.0%})", "near-duplicate of {other} ({similarity:.0%})")
UNSUPPORTED_KIND = Say("نوع غير مدعوم، لن يُفهرس", "unsupported type, not indexed")
NO_PROBLEMS = Say("لا مشكلات", "no problems")
NO_HEADINGS = Say("لم يُعثر على عناوين: ستكون الإجابات فقرات كاملة", "no headings found: answers will be whole paragraphs")
LONG_PASSAGE = Say("مقطع طويل جدا ({count} كلمة) في الأسطر {first}-{last}: أضف عناوين",
                   "very long passage ({count} words) at lines {first}-{last}: add headings")
NO_SUCH_LECTURE = Say("لا يوجد ملف بهذا الاسم في مجلد المحاضرات", "no such lecture file")

# -- Labels: one word a number, a name or a detail follows («الملفات / files: 3») ---------------

WARNING = Say("تنبيه", "warning")
ERROR = Say("خطأ", "error")
SKIPPED = Say("تُرك", "skipped")
ADDED = Say("أضيف", "added")
REMOVED = Say("أزيل", "removed")
INDEX = Say("الفهرس", "index")
INDEXING = Say("فهرسة", "indexing")
SUMMARY = Say("الخلاصة", "summary")
VALID_NAMES = Say("الأسماء المتاحة", "valid names")
CONFIDENCE = Say("الثقة", "confidence")
CLOSEST_SECTIONS = Say("أقرب الأقسام", "closest sections")
OTHER_ANSWERS = Say("إجابات أخرى", "other answers")
THE_FILES = Say("الملفات", "files")
THE_PASSAGES = Say("المقاطع", "passages")
THE_SECTIONS = Say("الأقسام", "sections")
PROCESSED = Say("أعيدت معالجته", "processed")
REUSED = Say("أعيد استعماله", "reused")
EVALUATION = Say("التقييم", "evaluation")
BY_TYPE = Say("حسب النوع", "by type")
FAILED_QUESTIONS = Say("الأسئلة الفاشلة", "failed questions")
# Counted nouns, after their number («3 ملفات / files»).
FILES = Say("ملفات", "files")
FILES_INDEXED = Say("ملفات مفهرسة", "files indexed")
PASSAGES = Say("مقطعا", "passages")
SECTIONS = Say("قسما", "sections")
ERRORS = Say("أخطاء", "errors")
WARNINGS = Say("تنبيهات", "warnings")
LEFT_OUT = Say("متروكة", "left out")
