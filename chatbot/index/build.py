"""From the corpus folder to a fresh index: what to (re)build, and building it safely.

The index follows the corpus: every lecture file is fingerprinted (size, mtime, SHA-256); when
any file appears, changes or disappears, or the analysis pipeline changes version, the index is
rebuilt. Rebuilds are incremental: each file's passages and analysed words are cached by
content hash (with a checksum: a damaged entry is analysed again, never served), so only
changed files are read and analysed again; the char postings of the files unchanged at both
ends of the corpus are copied from the build in use rather than counted again (see
:func:`_with_kept_ends`). Either way the build is byte for byte what a first build would be.

Two locks: one build at a time (``.lock``, held for the whole build), and the switch to a new
build (``.switch.lock``, held only while CURRENT changes and old builds are removed). Students
never wait for a build another process runs: while it runs they are answered from the index in
use. The write is atomic (see :mod:`chatbot.index.store`).

Nothing outside the corpus is read (a symlink leading out of it is skipped and named), a file
that vanishes during a build is skipped and named, and an index folder that cannot be written
leaves the last good index served read-only, with a warning.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import shutil
import time
from contextlib import AbstractContextManager, contextmanager
from itertools import chain
from enum import StrEnum
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

import numpy as np

from chatbot import messages as msg
from chatbot.index import cache, semantic, store
from chatbot.index.analysis import FIELDS, FILE_PREFIX, HEADING_REPEAT, PIPELINE_VERSION, char_terms, corpus_stems, lecture_words, named_in
from chatbot.index.bm25 import BM25Params, SparseBM25
from chatbot.index.passages import Level, split_passages
from chatbot.index.readers import UnreadableFile, is_lecture_file, read_document
from chatbot.messages import Say

__all__ = [
    "BuildReport", "IndexBusy", "IndexUnavailable", "IndexUnwritable", "build_index", "corpus_files", "is_fresh",
    "open_index",
]

Progress = Callable[[int, int, str], None]
logger = logging.getLogger(__name__)

# The BM25 parameters an index of this pipeline holds: any other value is tampering.
PIPELINE_BM25 = {**FIELDS, **{FILE_PREFIX + field: params for field, params in FIELDS.items()}}
VANISHED = str(msg.VANISHED)
OUTSIDE = str(msg.OUTSIDE)


class IndexUnavailable(Exception):
    """The index can be neither built nor used here now; ``str()`` is the message for the user,
    Arabic then English."""


class IndexBusy(IndexUnavailable):
    """Another process is building this index."""


class IndexUnwritable(IndexUnavailable):
    """The index folder cannot be written (read-only, immutable, not a folder, full) and, where
    an index was being opened, holds no good index to serve instead."""

    def __init__(self, folder: Path, error: OSError):
        self.folder = folder
        if folder.exists() and not folder.is_dir():
            self.why = msg.NOT_A_FOLDER
        else:
            self.why = Say(msg.UNWRITABLE_WHY_AR.get(error.errno, msg.UNWRITABLE_WHY_AR_OTHER),
                           error.strerror or str(error))
        super().__init__(msg.INDEX_UNWRITABLE.both(folder=folder, why=self.why))

    def serving_previous(self) -> str:
        """The one-line warning when the last good index is served instead."""
        return msg.SERVING_PREVIOUS.both(folder=self.folder, why=self.why)


class SemanticState(StrEnum):
    """Whether a build holds passage vectors (:mod:`chatbot.index.semantic`), and if not why."""

    ON = "on"
    OFF = "off"  # turned off by hand (--no-semantic, CHATBOT_SEMANTIC=0)
    TOO_LARGE = "too-large"  # over semantic.MAX_PASSAGES
    UNAVAILABLE = "unavailable"  # the model cannot load here


class BuildReport(NamedTuple):
    files: int
    passages: int
    sections: int
    reused: list[str]  # files taken from the cache
    processed: list[str]  # files read and analysed again
    skipped: dict[str, str]  # file → reason it was left out
    seconds: float


def corpus_files(corpus: Path) -> list[Path]:
    """Lecture files of the corpus, sorted, sub-folders included; none reached through a
    symlink out of the corpus folder (see :func:`_walk`)."""
    return _walk(corpus)[0]


def _walk(corpus: Path) -> tuple[list[Path], list[Path]]:
    """(lecture files, lecture names that are symlinks out of the corpus folder). Symlinked
    folders are not entered at all (``rglob``); a symlinked file is read only when its target
    lies inside the corpus, so a lecture folder cannot make the index read /etc or a home."""
    root = corpus.resolve()
    inside, outside = [], []
    for path in sorted(corpus.rglob("*")):
        if not is_lecture_file(path) or _hidden(path, corpus):
            continue
        (inside if not path.is_symlink() or path.resolve().is_relative_to(root) else outside).append(path)
    return inside, outside


def _hidden(path: Path, corpus: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(corpus).parts[:-1])


def _stat_key(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def is_fresh(corpus: Path, index_dir: Path, semantic_wanted: bool | None = None) -> bool:
    """True when the index in use was built by this pipeline from the corpus as it is now, and
    not with vectors turned off by hand when they are wanted (False when there is none;
    IndexCorrupt when its params.json is damaged)."""
    try:
        params = store.read_params(index_dir)
    except store.IndexMissing:
        return False
    if params.get("pipeline") != PIPELINE_VERSION:
        return False
    if _wanted(semantic_wanted) and params.get("semantic") == SemanticState.OFF:
        return False
    seen = params.get("stat", {})
    try:
        files = corpus_files(corpus)
        return len(files) == len(seen) and all(
            seen.get(f.relative_to(corpus).as_posix()) == _stat_key(f) for f in files
        )
    except FileNotFoundError:  # a file vanished while it was looked at: the corpus is changing
        return False


# -- writing the index folder ----------------------------------------------------------------

@contextmanager
def _writing(index_dir: Path) -> Iterator[None]:
    """Turn an OS error while writing the index into IndexUnwritable."""
    try:
        yield
    except OSError as exc:
        raise IndexUnwritable(index_dir, exc) from exc


@contextmanager
def _lock(index_dir: Path, name: str, wait: bool) -> Iterator[None]:
    """An exclusive lock on ``index_dir/name``: IndexBusy at once when held elsewhere and
    ``wait`` is False, IndexUnwritable when the folder cannot hold a lock file."""
    with _writing(index_dir):
        index_dir.mkdir(parents=True, exist_ok=True)
        fh = (index_dir / name).open("a")
    with fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            raise IndexBusy(
                msg.INDEX_BUSY.both(folder=index_dir)
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def build_lock(index_dir: Path, wait: bool) -> AbstractContextManager[None]:
    """Held for a whole build: one build of an index at a time."""
    return _lock(index_dir, ".lock", wait)


def switch_lock(index_dir: Path) -> AbstractContextManager[None]:
    """Held only while the build in use changes, by the build and by a reader that found the
    build it was reading removed."""
    return _lock(index_dir, ".switch.lock", wait=True)


# -- the per-file cache (see chatbot.index.cache) ---------------------------------------------

def _analyse_file(path: Path, source: str) -> cache.FileEntry:
    """Read, split and analyse one lecture file into its cache entry."""
    doc = read_document(path)
    passages = split_passages(doc.text, source)
    return cache.from_analysis(
        PIPELINE_VERSION, doc.encoding, list(doc.warnings), time.strftime("%Y-%m-%dT%H:%M:%S"), passages,
        lecture_words(doc.text, passages),
    )


class _FileAnalysis(NamedTuple):
    digest: str  # SHA-256 of the file's bytes: its cache entry's name
    entry: cache.FileEntry
    reused: bool  # taken from the cache
    damaged: bool  # a cache entry was there but could not be trusted


def _file_analysis(path: Path, index_dir: Path, source: str) -> _FileAnalysis:
    """One corpus file's analysis: its cache entry when that is intact, else the file read,
    analysed and cached. OSError or UnreadableFile when the file cannot be read;
    IndexUnwritable when its entry cannot be cached."""
    cache_dir = index_dir / "cache"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    damaged = False
    try:
        cached = cache.read_entry(cache_dir, digest, PIPELINE_VERSION)
    except store.IndexCorrupt:
        cached, damaged = None, True
    if cached is not None:
        return _FileAnalysis(digest, cached, reused=True, damaged=False)
    entry = _analyse_file(path, source)
    with _writing(index_dir):
        cache.write_entry(cache_dir, digest, entry)
    return _FileAnalysis(digest, entry, reused=False, damaged=damaged)


# -- building ----------------------------------------------------------------------------------

def _skip(skipped: dict[str, str], source: str, reason: str) -> None:
    """Leave a file out of the build with a warning naming it (repr: a name's control
    characters are shown escaped, never sent to the terminal)."""
    skipped[source] = reason
    logger.warning("تُرك %r: %s", source, reason)


def build_index(
    corpus: Path, index_dir: Path, progress: Progress | None = None, wait: bool = False, semantic_wanted: bool | None = None
) -> BuildReport:
    """Build the index of ``corpus`` into ``index_dir``, reusing cached files that did not change.

    IndexBusy when another build runs (and ``wait`` is False); IndexUnwritable when the index
    folder cannot be written. Corpus files that vanish, cannot be read or lead out of the corpus
    are skipped and named in the report. Only the final switch locks out readers."""
    start = time.perf_counter()
    with build_lock(index_dir, wait):
        with _writing(index_dir):
            (index_dir / "cache").mkdir(parents=True, exist_ok=True)
            _clean_leftovers(index_dir)
        files, outside = _walk(corpus)
        entries: dict[str, cache.FileEntry] = {}  # file → its analysis, files with passages only
        manifest: dict[str, dict] = {}
        stat: dict[str, list[int]] = {}
        reused, processed, skipped, damaged = [], [], {}, []
        for path in outside:
            _skip(skipped, path.relative_to(corpus).as_posix(), OUTSIDE)
        for n, path in enumerate(files):
            source = path.relative_to(corpus).as_posix()
            if progress:
                progress(n, len(files), source)
            try:
                stat[source] = _stat_key(path)
                found = _file_analysis(path, index_dir, source)
            except (OSError, UnreadableFile) as exc:
                if not path.exists():  # as if it had never been there: the corpus as it is now
                    stat.pop(source, None)
                    _skip(skipped, source, VANISHED)
                elif isinstance(exc, UnreadableFile):
                    skipped[source] = str(exc)
                else:
                    skipped[source] = f"{msg.CANNOT_READ_FILE}: {exc.strerror or exc}"
                continue
            (reused if found.reused else processed).append(source)
            if found.damaged:
                damaged.append(source)
            if not found.entry.lines:
                skipped[source] = str(msg.NO_INDEXABLE_TEXT)
                continue
            entries[source] = found.entry
            manifest[source] = {
                "sha256": found.digest,
                "encoding": found.entry.encoding,
                "warnings": found.entry.warnings,
                "passages": len(found.entry.lines),
                "sections": found.entry.levels.count(Level.SECTION),
                "indexed_at": found.entry.indexed_at,
            }
        if progress:
            progress(len(files), len(files), "")
        if damaged:
            logger.warning("%s: %s", msg.DAMAGED_CACHE.both(count=len(damaged)),
                           ", ".join(map(repr, damaged[:5])) + (" …" if len(damaged) > 5 else ""))
        fields, surface = _build_fields(list(entries.values()), _kept(index_dir, manifest))
        with _writing(index_dir):
            state, vectors = _vectors(index_dir / "cache", manifest, entries, _wanted(semantic_wanted), progress)
            params = {"pipeline": PIPELINE_VERSION, "corpus": manifest, "skipped": skipped, "stat": stat,
                      "files": list(manifest), "semantic": state, "semantic_model": semantic.MODEL,
                      "named": named_in(surface)}
            build = store.write_build(index_dir, params, _passage_rows(entries), fields, surface, vectors)
            with switch_lock(index_dir):
                store.switch_to(index_dir, build)
            _prune_cache(index_dir / "cache", set(m["sha256"] for m in manifest.values()))
    passages = sum(m["passages"] for m in manifest.values())
    return BuildReport(
        len(manifest), passages, sum(m["sections"] for m in manifest.values()),
        reused, processed, skipped, time.perf_counter() - start,
    )


def _wanted(semantic_wanted: bool | None) -> bool:
    """None: as ``CHATBOT_SEMANTIC`` says (on by default)."""
    return semantic.wanted_by_default() if semantic_wanted is None else semantic_wanted


def _vectors(
    cache_dir: Path, manifest: dict[str, dict], entries: dict[str, cache.FileEntry], wanted: bool,
    progress: Progress | None,
) -> tuple[SemanticState, np.ndarray | None]:
    """The passages' vectors, each file's taken from its cache entry when its content (and the
    model) did not change, the others embedded in batches with the progress bar."""
    if not wanted:
        return SemanticState.OFF, None
    if sum(meta["passages"] for meta in manifest.values()) > semantic.MAX_PASSAGES:
        return SemanticState.TOO_LARGE, None
    parts: list[np.ndarray] = []
    try:
        for source, meta in manifest.items():
            cached = cache_dir / f"{meta['sha256']}.{semantic.MODEL}.npy"
            try:
                part = np.load(cached, allow_pickle=False)
                if part.shape != (meta["passages"], semantic.DIM) or part.dtype != np.float16:
                    raise ValueError("stale vectors")
            except (OSError, ValueError):
                texts = [semantic.passage_text(p.section, p.text) for p in entries[source].passages(source, 0)]
                part = semantic.embed_passages(
                    texts, (lambda done, total, s=source: progress(done, total, s)) if progress else None)
                store.write_atomic(cached, store.npy_bytes(part))
            parts.append(part)
    except semantic.SemanticUnavailable as exc:
        logger.warning("%s", msg.SEMANTIC_UNAVAILABLE.both(reason=exc))
        return SemanticState.UNAVAILABLE, None
    return SemanticState.ON, (np.concatenate(parts) if parts else np.empty((0, semantic.DIM), dtype=np.float16))


def _passage_rows(entries: dict[str, cache.FileEntry]) -> store.PassageRows:
    """The build's passages, file after file: cached lines placed, never parsed."""
    lines: list[bytes] = []
    sections: list[bool] = []
    sizes = []
    for source, entry in entries.items():
        lines += cache.placed_lines(entry, source, len(lines))
        sections += [level != Level.ITEM for level in entry.levels]
        sizes.append(len(entry.lines))
    return store.PassageRows(lines, np.repeat(np.arange(len(sizes), dtype=np.int64), sizes),
                             np.array(sections, dtype=bool))


def _build_fields(
    entries: list[cache.FileEntry], kept: _Kept | None = None
) -> tuple[dict[str, SparseBM25], dict[str, str]]:
    """The passage fields, the same fields over whole files, and the corpus's distinct words
    with their stems.

    Sparse matrices do the counting in C: passages × words (a title word counts
    HEADING_REPEAT times) times words × field terms gives passages × terms; files × words
    times the same gives files × terms. Each distinct word is analysed once. Counts are
    exact integers, so no order of adding changes a bit. The ``char`` counts of the files
    ``kept`` unchanged at both ends of the corpus are taken from the build in use.
    """
    from scipy.sparse import csr_matrix

    words, occurrences, by_passage = _passage_words(entries)
    sizes = [len(e.lines) for e in entries]
    passages = by_passage.shape[0]
    by_file = csr_matrix(
        (np.ones(passages, dtype=np.int32), (np.repeat(np.arange(len(sizes)), sizes), np.arange(passages))),
        shape=(len(sizes), passages),
    )
    by_file_words = by_file @ by_passage
    stems = corpus_stems(dict(zip(words, occurrences.tolist())))
    terms_of = {"word": lambda w: (stems[w],), "char": char_terms}
    fields: dict[str, SparseBM25] = {}
    for field, params in FIELDS.items():
        to_terms, terms = _to_terms(words, terms_of[field])
        per_word = np.asarray(to_terms.sum(axis=1)).ravel()  # a passage's length: its words' terms
        for name, by_words in ((field, by_passage), (FILE_PREFIX + field, by_file_words)):
            lengths = by_words @ per_word
            counts = None
            if kept and name in kept.fields:
                ends = kept.files if name.startswith(FILE_PREFIX) else kept.passages
                counts = _with_kept_ends(kept.fields[name], ends, by_words, to_terms, terms, lengths)
            if counts is None:
                counts = _term_counts(by_words, to_terms, lengths)
            fields[name] = SparseBM25.from_counts(counts, terms, params, lengths)
    return fields, stems


# -- what a re-index keeps of the build in use ---------------------------------------------------

# Fields whose terms depend on the word alone: a file that did not change has the same rows of
# counts in every build (the word field's stems depend on the whole corpus: it is counted again).
KEPT_FIELDS = ("char", FILE_PREFIX + "char")


class _Kept(NamedTuple):
    """The build in use, as far as a re-index can keep it: the files at the start and at the
    end of the corpus that are the same (name, content, passages) in both builds."""

    fields: dict[str, SparseBM25]  # KEPT_FIELDS of the build in use
    files: tuple[int, int]  # files kept at the start, at the end
    passages: tuple[int, int]  # their passages


def _kept(index_dir: Path, manifest: dict[str, dict]) -> _Kept | None:
    """What of the build in use this build can keep; None when there is none of this pipeline
    or it cannot be trusted (then every count is made afresh, as in a first build)."""
    try:
        loaded = [store.load_field(index_dir, field) for field in KEPT_FIELDS]
        params = loaded[0][0]
        old = [(source, params["corpus"][source]["sha256"], int(params["corpus"][source]["passages"]))
               for source in params["files"]]
    except (store.IndexCorrupt, KeyError, TypeError, ValueError):
        return None
    head, tail = _same_ends(old, [(source, m["sha256"], m["passages"]) for source, m in manifest.items()])
    if params.get("pipeline") != PIPELINE_VERSION or head + tail == 0:
        return None
    fields = {field: model for field, (_, model) in zip(KEPT_FIELDS, loaded)}
    rows = {"char": sum(n for *_, n in old), FILE_PREFIX + "char": len(old)}
    if not all(_postings_fit(fields[field], rows[field]) for field in KEPT_FIELDS):
        return None
    return _Kept(fields, (head, tail), (sum(n for *_, n in old[:head]), sum(n for *_, n in old[len(old) - tail :])))


def _same_ends(old: list[tuple], new: list[tuple]) -> tuple[int, int]:
    """How many items at the start and at the end (not overlapping) two lists share."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    return head, tail


def _postings_fit(model: SparseBM25, rows: int) -> bool:
    """Whether a field's arrays hold ``rows`` rows and point only inside themselves."""
    indptr, docs = model.indptr, model.docs
    return (len(model) == rows and len(indptr) == len(model.terms) + 1 and indptr[0] == 0
            and indptr[-1] == len(docs) == len(model.tfs) and bool((np.diff(indptr) >= 0).all())
            and (len(docs) == 0 or (docs.min() >= 0 and docs.max() < rows)))


def _with_kept_ends(old: SparseBM25, ends: tuple[int, int], by_words, to_terms, terms: list[str], lengths):
    """``by_words @ to_terms`` as compressed columns (postings), only the rows between the kept
    ends counted, the rest copied from the build in use.

    A term's postings are sorted by row, so the rows replaced are one run of each term's old
    postings: that run is swapped for the term's postings of the new rows (a term new to the
    corpus is put in before the next term the build in use had), and the rows after it are
    renumbered by the change in the number of rows. The old postings are copied once, in long
    runs: cheaper than counting all of them again (57M at 100k passages).

    None when the terms the two builds share are not numbered in the same order (a word first
    used in a replaced file is now first used later): then the caller counts everything."""
    from scipy.sparse import csc_matrix

    head, tail = ends
    rows, replaced_end = by_words.shape[0], len(old) - tail
    number = {t: i for i, t in enumerate(old.terms)}
    old_of = np.array([number.get(t, -1) for t in terms], dtype=np.int64)  # new term → old term, -1: none
    known = np.flatnonzero(old_of >= 0)
    replaced = np.flatnonzero((old.docs >= head) & (old.docs < replaced_end))
    term_of = np.searchsorted(old.indptr, replaced, side="right") - 1
    replaced_of = np.bincount(term_of, minlength=len(old.terms))
    kept = np.diff(old.indptr) - replaced_of
    if not (np.diff(old_of[known]) > 0).all() or kept.sum() != kept[old_of[known]].sum():
        return None  # a new order, or a term gone from the corpus that kept rows still hold
    middle = _term_counts(by_words[head : rows - tail], to_terms, lengths[head : rows - tail]).tocsc()
    news = np.diff(middle.indptr)
    # Edits of the old postings: (where, new term or -1, old postings replaced there).
    new_of = np.full(len(old.terms) + 1, -1)
    new_of[old_of[known]] = known
    edits = [(int(replaced[i]), int(new_of[o]), int(replaced_of[o])) for o, i in zip(*np.unique(term_of, return_index=True))]
    next_known = np.minimum.accumulate(np.where(old_of >= 0, old_of, len(old.terms))[::-1])[::-1]
    for t in np.flatnonzero(news):
        o = old_of[t]
        if o < 0:
            edits.append((int(old.indptr[next_known[t]]), int(t), 0))
        elif not replaced_of[o]:
            postings = old.docs[old.indptr[o] : old.indptr[o + 1]]
            edits.append((int(old.indptr[o] + np.searchsorted(postings, head)), int(t), 0))
    docs, tfs, fresh = [], [], []  # pieces of the new arrays; where the new rows' postings landed
    done = size = 0
    for at, t, removed in sorted(edits):
        docs.append(old.docs[done:at])
        tfs.append(old.tfs[done:at])
        size += at - done
        if t >= 0 and news[t]:
            lo, hi = middle.indptr[t], middle.indptr[t + 1]
            docs.append(middle.indices[lo:hi] + head)
            tfs.append(middle.data[lo:hi].astype(np.float32))
            fresh.append((size, size + hi - lo))
            size += hi - lo
        done = at + removed
    docs, tfs = np.concatenate([*docs, old.docs[done:]]), np.concatenate([*tfs, old.tfs[done:]])
    if rows != len(old):  # the rows after the replaced ones move
        later = docs >= replaced_end
        for lo, hi in fresh:
            later[lo:hi] = False
        np.add(docs, rows - len(old), out=docs, where=later)
    sizes = np.where(old_of >= 0, kept[np.maximum(old_of, 0)], 0) + news
    return csc_matrix((tfs, docs, np.concatenate(([0], np.cumsum(sizes)))), shape=(rows, len(terms)))


def _term_counts(by_words, to_terms, lengths: np.ndarray):
    """``by_words @ to_terms``: term counts per passage (or file). In float32, the type the
    index stores them in, when every row's total ``lengths`` is below 2**24: each count and
    each partial sum is then an exact integer, and the 57M counts of a large corpus's char
    field are neither computed in int32 nor copied to float32 afterwards."""
    if len(lengths) and lengths.max() >= 2**24:
        return by_words @ to_terms
    return by_words.astype(np.float32) @ to_terms.astype(np.float32)


def _passage_words(entries: list[cache.FileEntry]):
    """(the corpus's distinct words in order of first use, how often each occurs, passages ×
    words counts with a title word counted HEADING_REPEAT times).

    The files' own word lists, joined in file order, number the words as the whole corpus
    read word by word would: no file is read word by word again, its counts are renumbered."""
    from scipy.sparse import csr_matrix

    number: dict[str, int] = {}
    cols = [np.zeros(0, dtype=np.int32)]
    for e in entries:
        new = [w for w in e.vocab if w not in number]
        number.update(zip(new, range(len(number), len(number) + len(new))))
        cols.append(np.fromiter(map(number.__getitem__, e.vocab), dtype=np.int32, count=len(e.vocab))[e.counts[0]])
    words = list(number)
    counts = np.concatenate([np.zeros((3, 0), dtype=np.int32), *(e.counts for e in entries)], axis=1)
    cols = np.concatenate(cols)
    distinct = list(chain.from_iterable(e.distinct for e in entries))
    indptr = np.concatenate(([0], np.cumsum(distinct, dtype=np.int64)))
    weighted = HEADING_REPEAT * counts[1] + counts[2]
    by_passage = csr_matrix((weighted, cols, indptr), shape=(len(distinct), len(words)))
    occurrences = np.bincount(cols, weights=counts[1] + counts[2], minlength=len(words)).astype(np.int64)
    return words, occurrences, by_passage


def _to_terms(words: list[str], terms_of: Callable[[str], tuple[str, ...]]):
    """(words × terms counts, the terms): each word's terms, numbered in order of first use
    over the words in order."""
    from scipy.sparse import csr_matrix

    per_word = list(map(terms_of, words))
    flat = list(chain.from_iterable(per_word))
    number = {t: i for i, t in enumerate(dict.fromkeys(flat))}
    cols = np.fromiter(map(number.__getitem__, flat), dtype=np.int64, count=len(flat))
    rows = np.repeat(np.arange(len(words)), [len(terms) for terms in per_word])
    ones = np.ones(len(flat), dtype=np.int32)
    return csr_matrix((ones, (rows, cols)), shape=(len(words), len(number))), list(number)


def _clean_leftovers(index_dir: Path) -> None:
    """Remove what a killed build left behind: its half-written build folder, cache entries and
    temporary files. Called under the build lock, so none of them belongs to a build still
    running."""
    for partial in [*(index_dir / "builds").glob(".*.partial"), *(index_dir / "cache").glob(".*.partial")]:
        shutil.rmtree(partial, ignore_errors=True)
    for tmp in [*index_dir.glob(".*.tmp"), *(index_dir / "cache").glob(".*.tmp")]:
        tmp.unlink(missing_ok=True)


def _prune_cache(cache_dir: Path, keep: set[str]) -> None:
    """Remove the cache entries (analysis folders and vectors) of file contents no longer in the
    corpus, and entries of the earlier one-JSON-file format."""
    for entry in cache_dir.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and entry.name not in keep:
            shutil.rmtree(entry, ignore_errors=True)
        elif not entry.is_dir() and (entry.suffix == ".json" or entry.name.split(".")[0] not in keep):
            entry.unlink(missing_ok=True)


# -- opening -----------------------------------------------------------------------------------

def open_index(
    corpus: Path, index_dir: Path, progress: Progress | None = None, semantic_wanted: bool | None = None
) -> store.StoredIndex:
    """The index of ``corpus``, (re)built first when it is stale, missing or corrupt.

    A corrupt index is rebuilt with a warning. When the index cannot be rebuilt here — another
    process is building it, or the folder cannot be written — the index in use is served as it
    is (with a warning when it cannot be written); IndexUnwritable when there is none to serve."""
    try:
        if is_fresh(corpus, index_dir, semantic_wanted):
            return _load(index_dir)
    except store.IndexCorrupt as exc:
        logger.warning("%s", msg.INDEX_CORRUPT.both(reason=exc))
    try:
        build_index(corpus, index_dir, progress, wait=False, semantic_wanted=semantic_wanted)
    except IndexBusy:
        previous = _last_good(index_dir)
        if previous is not None:
            logger.info("another process is building the index; answering from the index in use")
            return previous
        build_index(corpus, index_dir, progress, wait=True, semantic_wanted=semantic_wanted)
    except IndexUnwritable as exc:
        previous = _last_good(index_dir)
        if previous is None:
            raise
        logger.warning(exc.serving_previous())
        return previous
    return _load(index_dir)


def _last_good(index_dir: Path) -> store.StoredIndex | None:
    try:
        return _load(index_dir)
    except store.IndexCorrupt:
        return None


def _load(index_dir: Path) -> store.StoredIndex:
    """Load the index in use, verified; when its build was switched away while it was read,
    load again once the switch is over. IndexCorrupt when it is not this pipeline's index."""
    try:
        index = store.load_index(index_dir)
    except store.IndexCorrupt:
        try:
            with switch_lock(index_dir):
                index = store.load_index(index_dir)
        except IndexUnwritable:  # a read-only folder: no build can switch under us anyway
            index = store.load_index(index_dir)
    bm25 = {field: BM25Params(**values) for field, values in index.params["bm25"].items()}
    if bm25 != PIPELINE_BM25:
        raise store.IndexCorrupt("BM25 fields or parameters are not the pipeline's")
    return index
