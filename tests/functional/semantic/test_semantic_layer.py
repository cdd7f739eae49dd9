"""The semantic layer: passage vectors in the index, a paraphrase found by meaning, and the
layer off by hand, above its size limit, or where the model cannot load."""

import numpy as np
import pytest

from chatbot.index import semantic
from chatbot.qa.engine import open_engine
from chatbot.index.build import SemanticState, build_index
from chatbot.index.store import load_index

LECTURE = """# مقدمة في الاقتصاد

## التضخم
التضخم هو الارتفاع المستمر في المستوى العام للأسعار خلال فترة زمنية، فتقل القدرة الشرائية للنقود.

## البطالة
البطالة هي وجود أشخاص قادرين على العمل وراغبين فيه ويبحثون عنه دون أن يجدوه.

## الناتج المحلي الإجمالي
الناتج المحلي الإجمالي هو القيمة السوقية لكل السلع والخدمات النهائية المنتجة داخل الدولة في سنة.
"""


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "econ.md").write_text(LECTURE, encoding="utf-8")
    return folder


def test_the_index_holds_one_unit_vector_per_passage(corpus, tmp_path):
    build_index(corpus, tmp_path / "index", semantic_wanted=True)
    index = load_index(tmp_path / "index")
    assert index.params["semantic"] == SemanticState.ON
    assert index.vectors.shape == (len(index.passages), semantic.DIM)
    assert np.allclose(np.linalg.norm(index.vectors.astype(np.float32), axis=1), 1.0, atol=1e-2)


def test_a_question_in_other_words_is_closest_to_its_passage(corpus, tmp_path):
    engine = open_engine(corpus, tmp_path / "index", semantic=True)
    sims = engine.similarity("ليش الناس ما بتلاقي شغل مع انها بدها تشتغل")  # no word of the lecture's
    best = engine.passages[int(np.argmax(sims))]
    assert "البطالة" in best.text


def test_vectors_are_reused_from_the_cache_for_unchanged_files(corpus, tmp_path, monkeypatch):
    build_index(corpus, tmp_path / "index", semantic_wanted=True)
    (corpus / "other.txt").write_text("الادخار هو الجزء من الدخل الذي لا ينفق على الاستهلاك.", encoding="utf-8")
    embedded = []
    real = semantic.embed_passages
    monkeypatch.setattr(semantic, "embed_passages", lambda texts, progress=None: embedded.extend(texts) or real(texts))
    build_index(corpus, tmp_path / "index", semantic_wanted=True)
    assert len(embedded) == 1 and "الادخار" in embedded[0]


def test_off_by_hand_the_index_has_no_vectors_and_is_rebuilt_when_they_are_wanted(corpus, tmp_path):
    engine = open_engine(corpus, tmp_path / "index", semantic=False)
    assert engine.index.vectors is None and engine.similarity("ما هو التضخم") is None
    assert engine.ask("ما هو التضخم").kind == "answer"
    assert open_engine(corpus, tmp_path / "index", semantic=True).index.vectors is not None


def test_above_the_size_limit_the_layer_turns_itself_off(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(semantic, "MAX_PASSAGES", 2)
    build_index(corpus, tmp_path / "index", semantic_wanted=True)
    index = load_index(tmp_path / "index")
    assert index.params["semantic"] == SemanticState.TOO_LARGE and index.vectors is None


def test_where_the_model_cannot_load_words_alone_answer(corpus, tmp_path, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise semantic.SemanticUnavailable("no engine here")

    monkeypatch.setattr(semantic, "embed_passages", broken)
    engine = open_engine(corpus, tmp_path / "index", semantic=True)
    assert engine.index.params["semantic"] == SemanticState.UNAVAILABLE
    assert "semantic search unavailable" in caplog.text
    assert engine.ask("ما هو التضخم").kind == "answer"


def test_a_tampered_vector_file_means_a_rebuild(corpus, tmp_path):
    build_index(corpus, tmp_path / "index", semantic_wanted=True)
    vectors = load_index(tmp_path / "index").path / "semantic.npy"
    data = bytearray(vectors.read_bytes())
    data[-3] ^= 0xFF
    vectors.write_bytes(bytes(data))
    engine = open_engine(corpus, tmp_path / "index", semantic=True)
    assert engine.index.vectors is not None and engine.ask("ما هو التضخم").kind == "answer"
