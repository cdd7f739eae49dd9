"""Arabic text: normalisation, tokens, stems, spelling, and the language data they use.

* :mod:`~chatbot.text.arabic` — normalise (camel-tools, pyarabic), tokenise, function words,
  light stems, character n-grams;
* :mod:`~chatbot.text.spelling` — a symmetric-delete speller over the corpus's words;
* :mod:`~chatbot.text.resources` — the language data files in ``data/`` (general Arabic only);
* :mod:`~chatbot.text.safe_text` — text from files made safe for a terminal (no control or bidi
  characters);
* :mod:`~chatbot.text.bounded_lines` — lines read from a file with a bound on their length.
"""

from chatbot import lazy_exports

__all__ = ["Speller", "content_words", "light_stem", "normalize", "words"]
__getattr__ = lazy_exports(__name__, {"Speller": "spelling", "content_words": "arabic", "light_stem": "arabic",
                                      "normalize": "arabic", "words": "arabic"})
