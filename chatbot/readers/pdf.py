"""PDF lectures (.pdf): the text layer, put back into Arabic reading order.

Arabic in PDFs comes out of text extraction in several broken ways, all repaired here:

* **Presentation forms.** Many PDFs store the shaped glyphs (ﻣﻔﻬﻮﻡ) rather than letters
  (مفهوم); NFKC maps them back, lam-alef ligatures (ﻻ → لا) included.
* **Visual order.** Some producers write each line right-to-left as drawn, so the extracted
  line reads backwards («ةموكحلا» for «الحكومة»). Each line is tested: its words are scored in
  the forward and the reversed reading — words start with «ال» and end with ة/ى/ات/ين/ون/ية,
  never start with ة/ى, and before NFKC a word starts with an initial or isolated form and ends
  with a final or isolated one — and the line is reversed when the reversed reading is the more
  plausible. Only the stretches of Arabic words are reversed, in place: pypdf already turned
  them around once and left digits, Latin and punctuation where they stood («1/ نالعالا» →
  «1/ الاعلان»). Reversal happens *before* NFKC so a ligature's two letters land in reading
  order (reversed «ال» shows as «لا»).
* **Unusable text.** A scanned PDF has no text layer (unreadable, or a warning naming the pages
  without text); glyphs without a Unicode map come out as private-use or replacement characters.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata

from chatbot.readers.base import Document, UnreadableFile, arabic_share, checked

_ARABIC = "\u0621-\u064a\ufb50-\ufdff\ufe70-\ufefc"  # letters and their presentation forms
_ARABIC_WORD_RE = re.compile(f"[{_ARABIC}]+")
# A stretch of Arabic words with the spaces and Arabic punctuation between them.
_ARABIC_RUN_RE = re.compile(f"[{_ARABIC}](?:[{_ARABIC}\\s،؛؟.!:]*[{_ARABIC}])?")
_GARBLED_RE = re.compile("[\ue000-\uf8ff\ufffd]|\\(cid:\\d+\\)")
_SUFFIXES = ("ة", "ى", "ات", "ين", "ون", "ية")
MAX_GARBLED_SHARE = 0.3


def read(data: bytes) -> Document:
    """A .pdf lecture's text layer, repaired (see the module docstring)."""
    import pypdf  # imported here: only a build that meets a .pdf needs pypdf

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")  # many PDFs are "encrypted" with an empty user password
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds on damaged or locked files
        raise UnreadableFile(f"ملف PDF تالف أو محمي / damaged or protected PDF: {type(exc).__name__}: {exc}") from exc
    blank = [n for n, text in enumerate(pages, 1) if not text.strip()]
    if len(blank) == len(pages):
        raise UnreadableFile(
            "لا يحوي طبقة نص، ربما صور ممسوحة ضوئيا: حوّله بالتعرف الضوئي (OCR) أولا / "
            "no text layer (a scanned PDF?): run OCR on it first"
        )
    warnings = []
    if blank:
        warnings.append(f"صفحات بلا نص (ممسوحة ضوئيا؟): {_pages(blank)} / pages without text (scanned?): {_pages(blank)}")
    lines = [fix_line(line) for text in pages for line in text.splitlines() + [""]]
    flipped = sum(was_flipped for _, was_flipped in lines)
    if flipped:
        warnings.append(f"صُحح اتجاه {flipped} سطرا مقلوبا / {flipped} lines were in visual order and were reversed")
    text = "\n".join(line for line, _ in lines)
    visible = re.sub(r"\s", "", text)
    if visible and len("".join(_GARBLED_RE.findall(text))) / len(visible) > MAX_GARBLED_SHARE:
        raise UnreadableFile(
            "النص المستخرج غير صالح (خطوط بلا ترميز يونيكود) / unusable text layer (fonts without a Unicode map)"
        )
    if arabic_share(text) < 0.5:
        warnings.append("أغلب النص المستخرج ليس عربيا، تحقق منه / most extracted letters are not Arabic: check the text")
    return checked(text, "pdf", tuple(warnings))


def _pages(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:10])) + (" …" if len(numbers) > 10 else "")


def fix_line(line: str) -> tuple[str, bool]:
    """One extracted line in reading order and with letters instead of presentation forms;
    also whether it had to be reversed."""
    line = line.rstrip()
    flipped = _reads_reversed(line)
    if flipped:
        line = _ARABIC_RUN_RE.sub(lambda m: m.group()[::-1], line)
    return unicodedata.normalize("NFKC", line), flipped


def _reads_reversed(line: str) -> bool:
    """True when the line's Arabic words are more plausible read backwards."""
    return sum(_evidence(word) for word in _ARABIC_WORD_RE.findall(line)) < 0


def _evidence(word: str) -> int:
    """Positive when ``word`` looks like Arabic in reading order, negative when reversed."""
    score = 0
    first, last = _form(word[0]), _form(word[-1])
    score += (first == "initial") - (first in ("final", "medial"))
    score += (last == "final") - (last in ("initial", "medial"))
    forward = unicodedata.normalize("NFKC", word)
    backward = unicodedata.normalize("NFKC", word[::-1])
    return score + _plausible(forward) - _plausible(backward)


@functools.lru_cache(maxsize=512)
def _form(char: str) -> str:
    """Positional form of an Arabic presentation-form character («initial», «final», …)."""
    decomposition = unicodedata.decomposition(char)
    return decomposition[1 : decomposition.index(">")] if decomposition.startswith("<") else ""


def _plausible(word: str) -> int:
    return (
        (len(word) > 3 and word.startswith("ال"))
        + word.endswith(_SUFFIXES)
        - word.startswith(("ة", "ى"))
    )
