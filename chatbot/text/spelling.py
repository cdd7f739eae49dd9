"""Which corpus word a misspelt question word was meant to be.

Symmetric delete (the idea behind SymSpell): every corpus word is filed under itself and each
form with one letter deleted; a question word's forms are looked up the same way. Two words
meet when they are at most one deletion apart on each side — one typo (a letter missing,
added, replaced or swapped) and many two-typo cases — and each candidate is then checked with
the true edit distance. A lookup costs a few dictionary probes, whatever the corpus size.
"""

from __future__ import annotations

import editdistance

from chatbot.text.arabic import loosen
from chatbot.text.transliteration import skeleton

__all__ = ["Speller", "edit_distance", "max_edits"]

# A skeleton of fewer consonants matches words that only share a few sounds; a word spelling a
# borrowed term writes its vowels («كودين», «cipro»: 3 consonants in 5 letters), an abbreviation
# or a short Arabic word does not.
MIN_SKELETON = 3
MIN_TRANSLITERATED_LETTERS = 5


def max_edits(word: str) -> int:
    """Edits forgiven in a word: none for short ones, where one edit makes another word."""
    return 0 if len(word) <= 3 else 1 if len(word) <= 7 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance (the ``editdistance`` package, in C) with two neighbouring letters
    swapped counting as one edit («الرمحلي» for «المرحلي»), or limit+1 beyond ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    d = editdistance.eval(a, b)
    if d == 2 and _one_swap(a, b):
        d = 1
    return min(d, limit + 1)


def _one_swap(a: str, b: str) -> bool:
    """True when b is a with two neighbouring letters swapped."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _deletes(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


class Speller:
    """Corrects words against a corpus's normalised words (``surface``: word → stem)."""

    def __init__(self, surface: dict[str, str]):
        self.surface = surface
        self._loose = {loosen(word): stem for word, stem in sorted(surface.items())}
        self._filed: dict[str, list[str]] = {}
        self._skeletons: dict[bool, dict[str, set[str]]] = {}  # per script, built on first use
        for word in surface:
            if max_edits(word) and not word.isdigit():
                for form in _deletes(word):
                    self._filed.setdefault(form, []).append(word)

    def loose(self, word: str) -> str | None:
        """The stem of the corpus word ``word`` stands for with «ذ ث ظ» typed «د ت ض», as many
        dialects say them («اخد» for «اخذ», «التلاجه» for «الثلاجه»), short words included."""
        return self._loose.get(loosen(word))

    def suggest(self, word: str) -> dict[str, int]:
        """Stems of the corpus words within :func:`max_edits` of ``word``, with the distance."""
        limit = max_edits(word)
        if not limit:
            return {}
        found: dict[str, int] = {}
        for form in _deletes(word):
            for known in self._filed.get(form, ()):
                d = edit_distance(word, known, min(limit, max_edits(known)))
                if 0 < d <= limit:
                    stem = self.surface[known]
                    found[stem] = min(d, found.get(stem, d))
        return found

    def transliterated(self, word: str) -> list[str]:
        """Stems of the corpus words that spell ``word`` in the other script: «الميتفورمين» →
        «metformin», «cipro» → «سيبرو» (a Latin plural too: «التتراسيكلين» → «tetracyclines»)."""
        latin = word.isascii()
        skel = skeleton(word)
        if len(skel) < MIN_SKELETON or len(word) < MIN_TRANSLITERATED_LETTERS:
            return []
        found = self._skeleton_index(not latin).get(skel, set())
        return sorted({self.surface[w] for w in found})

    def _skeleton_index(self, latin: bool) -> dict[str, set[str]]:
        """Skeleton → the corpus words of one script written so (a Latin plural also under its
        singular's skeleton). Built for a script when first asked: an Arabic question word needs
        only the lecture's Latin words, a few of its vocabulary."""
        if latin not in self._skeletons:
            index: dict[str, set[str]] = {}
            for word in self.surface:
                if word.isascii() != latin or (latin and not word.isalpha()):
                    continue
                skel = skeleton(word)
                for form in ({skel, skel[:-1]} if latin and word.endswith("s") else {skel}):
                    if len(form) >= MIN_SKELETON:
                        index.setdefault(form, set()).add(word)
            self._skeletons[latin] = index
        return self._skeletons[latin]
