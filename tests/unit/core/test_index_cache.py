"""The per-file analysis cache: an entry read back is the entry written, and its passages
placed anywhere in a build are the index's passages.jsonl lines byte for byte."""

import json

import numpy as np
import pytest

from chatbot.index import cache, store
from chatbot.index.passages import Level, Passage

PASSAGES = [
    Passage("old.txt", ("الحكومة الإلكترونية",), 1, 4, "أولاً: مفهوم الحكومة «الإلكترونية»\n1/ السرعة", Level.SECTION,
            "أولاً: مفهوم الحكومة", -1),
    Passage("old.txt", ("الحكومة الإلكترونية", "أولاً: مفهوم الحكومة"), 2, 2, "1/ السرعة", Level.ITEM, "1/ السرعة", 0),
]
WORDS = [[["مفهوم", "الحكومه"], ["الحكومه", "السرعه"]], [["السرعه"], []]]


def entry() -> cache.FileEntry:
    return cache.from_analysis("v1", "utf-8", ["تحذير"], "2026-01-01T00:00:00", PASSAGES, WORDS)


def test_words_are_counted_per_passage_in_order_of_first_use():
    e = entry()
    assert e.vocab == ["مفهوم", "الحكومه", "السرعه"] and e.distinct == [3, 1]
    # word, in title, in body: «الحكومه» once in each; «السرعه» in the second passage's title
    assert e.counts.tolist() == [[0, 1, 2, 2], [1, 1, 0, 1], [0, 1, 1, 0]]


@pytest.mark.parametrize("source, offset", [("old.txt", 0), ("مجلد/جديد.md", 7)])
def test_placed_lines_are_the_index_lines_of_the_placed_passages(source, offset):
    lines = cache.placed_lines(entry(), source, offset)
    placed = [p._replace(source=source, parent=p.parent + offset if p.parent >= 0 else -1) for p in PASSAGES]
    assert lines == [json.dumps(p._asdict(), ensure_ascii=False).encode() + b"\n" for p in placed]
    assert list(entry().passages(source, offset)) == placed


def test_an_entry_read_back_is_the_entry_written(tmp_path):
    cache.write_entry(tmp_path, "abc", entry())
    back = cache.read_entry(tmp_path, "abc", "v1")
    assert back._replace(counts=None) == entry()._replace(counts=None)
    assert np.array_equal(back.counts, entry().counts)
    assert cache.read_entry(tmp_path, "abc", "v2") is None  # another pipeline's entry
    assert cache.read_entry(tmp_path, "missing", "v1") is None


def test_a_tampered_part_makes_the_entry_damaged(tmp_path):
    cache.write_entry(tmp_path, "abc", entry())
    (tmp_path / "abc" / "words.txt").write_text("مفهوم\nمزروع\nالسرعه", encoding="utf-8")
    with pytest.raises(store.IndexCorrupt):
        cache.read_entry(tmp_path, "abc", "v1")
