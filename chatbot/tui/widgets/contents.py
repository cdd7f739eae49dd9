"""The corpus's table of contents: files → sections → items, with a filter box above it.

Labels are laid out for the tree's real width, each time the panel is shown or resized (a
panel that starts hidden has no width: labels made then were cut to a few letters).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Tree
from textual.widgets.tree import TreeNode

from chatbot.index.passages import Level, Passage, whole_span
from chatbot.tui import rtl, strings
from chatbot.tui.messages import PassageRequested
from chatbot.tui.widgets.rtl_input import RtlInput
from chatbot.tui.widgets.rtl_text import current_language, current_mode

MAX_LABEL_WORDS = 8
GUIDE_WIDTH = 4  # cells of tree guide per level (Tree's default guide_depth)


def entry_label(passage: Passage) -> str:
    """A section or item by its heading; a paragraph by its first words."""
    if passage.heading:
        return " ".join(passage.heading.split())
    words = passage.text.split()
    return " ".join(words[:MAX_LABEL_WORDS]) + (" …" if len(words) > MAX_LABEL_WORDS else "")


def _shown_as(passages: Sequence[Passage]) -> dict[int, int]:
    """Each section's entry in the tree: itself, or for a heading's own text, the section of its
    whole span (:func:`~chatbot.index.passages.whole_span`): a heading is listed once."""
    return {i: whole if (whole := whole_span(passages, i)) is not None else i
            for i, p in enumerate(passages) if p.level == Level.SECTION}


def passage_tree(passages: Sequence[Passage]) -> tuple[dict[str, list[int]], dict[int, list[int]]]:
    """The tree as (top entries per file, children per entry), indices in reading order.

    Sections nest by heading path (a section whose path extends another's sits under it);
    items sit under their ``parent`` section; paragraphs and sections with no enclosing
    section passage sit at the file's top level. A heading's own text is not listed beside its
    whole span: it shares that entry and its children.
    """
    shown = _shown_as(passages)
    tops: dict[str, list[int]] = {}
    children: dict[int, list[int]] = {}
    section_at: dict[tuple[str, tuple[str, ...]], int] = {}
    for index, passage in enumerate(passages):
        if shown.get(index, index) != index:
            children[index] = children[shown[index]]
            continue
        children[index] = []
        parent = shown.get(passage.parent, passage.parent) if passage.level == Level.ITEM else -1
        if passage.level == Level.SECTION:
            section_at[(passage.source, passage.section)] = index
            parent = section_at.get((passage.source, passage.section[:-1]), -1)
        if parent >= 0:
            children[parent].append(index)
        else:
            tops.setdefault(passage.source, []).append(index)
    return tops, children


def kept(passages: Sequence[Passage], query: str, fold: Callable[[str], str]) -> set[int] | None:
    """The entries a filter keeps: those whose label holds ``query`` (both folded by ``fold``,
    e.g. «الالكترونية» finds «الإلكترونيه»), and the sections around them. ``None``: no filter."""
    wanted = fold(query)
    if not wanted:
        return None
    shown = _shown_as(passages)
    keep: set[int] = set()
    section_at = {(p.source, p.section): shown[i] for i, p in enumerate(passages) if p.level == Level.SECTION}
    for index, passage in enumerate(passages):
        if wanted in fold(entry_label(passage)):
            keep.add(shown.get(index, index))
            if passage.level == Level.ITEM and passage.parent >= 0:
                keep.add(shown.get(passage.parent, passage.parent))
            path = passage.section
            while path:
                if (found := section_at.get((passage.source, path))) is not None:
                    keep.add(found)
                path = path[:-1]
    return keep


class Contents(Tree[int]):
    """Choosing an entry (Enter) posts ``PassageRequested`` with the passage's index."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text(""), id=id)
        self.show_root = False
        self._passages: Sequence[Passage] = ()
        self._keep: set[int] | None = None

    def on_mount(self) -> None:
        self.watch(self.app, "rtl_mode", self._relabel, init=False)

    def on_show(self) -> None:
        self.call_after_refresh(self._relabel)

    def load(self, passages: Sequence[Passage]) -> None:
        """Fill the tree from ``engine.passages``."""
        self._passages = passages
        self._rebuild()

    def filter(self, query: str) -> None:
        """Keep only the entries whose label holds ``query`` (all of them for an empty one)."""
        from chatbot.text.arabic import normalize  # loaded with the engine, after the first frame

        self._keep = kept(self._passages, query, normalize)
        self._rebuild()

    def on_resize(self) -> None:
        self._relabel()

    def _relabel(self) -> None:
        """Redraw every label for the current width and RTL mode, keeping what is expanded."""
        pending = list(self.root.children)
        while pending:
            node = pending.pop()
            pending.extend(node.children)
            if node.data is not None:
                depth = 1 + sum(1 for _ in _ancestors(node))
                node.set_label(self._label(entry_label(self._passages[node.data]), depth))

    def _label(self, text: str, depth: int) -> Text:
        """One line that fits beside the tree's guides (``depth`` levels of indentation)."""
        room = max(8, self.scrollable_content_region.width - GUIDE_WIDTH * (depth - 1) - 3)
        text = rtl.truncate(rtl.sanitize(text), room)
        return Text(rtl.visual_line(text) if current_mode(self) == rtl.APP else text)

    def _rebuild(self) -> None:
        self.clear()
        tops, children = passage_tree(self._passages)
        keep = self._keep
        for source, entries in tops.items():
            entries = [i for i in entries if keep is None or i in keep]
            if not entries:
                continue
            file_node = self.root.add(Text(rtl.sanitize(source)), expand=True)
            for index in entries:
                self._add(file_node, index, children, depth=2)
        self.cursor_line = 0

    def _add(self, node: TreeNode[int], index: int, children: dict[int, list[int]], depth: int) -> None:
        kids = [kid for kid in children[index] if self._keep is None or kid in self._keep]
        label = self._label(entry_label(self._passages[index]), depth)
        if not kids:
            node.add_leaf(label, data=index)
            return
        branch = node.add(label, data=index, expand=self._keep is not None)
        for kid in kids:
            self._add(branch, kid, children, depth + 1)


class ContentsPanel(Vertical):
    """The filter box over the tree: typing narrows the tree, Down goes into it."""

    BINDINGS = [Binding("down", "into_tree", show=False)]

    def compose(self) -> ComposeResult:
        placeholder = strings.FILTER_PLACEHOLDER(current_language(self))
        yield RtlInput(placeholder=placeholder, id="contents-filter")
        yield Contents(id="contents-tree")

    @on(Input.Changed, "#contents-filter")
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one(Contents).filter(event.value)

    @on(Input.Submitted, "#contents-filter")
    def _into_tree(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_into_tree()

    def action_into_tree(self) -> None:
        tree = self.query_one(Contents)
        tree.focus()
        if tree.cursor_line < 0 and tree.last_line >= 0:
            tree.cursor_line = 0

    @on(Tree.NodeSelected)
    def _open(self, event: Tree.NodeSelected[int]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(PassageRequested(event.node.data))


def _ancestors(node: TreeNode[int]) -> Iterator[TreeNode[int]]:
    """The node's enclosing entries up to (not including) the file node's parent, the root."""
    while node.parent is not None and node.parent.parent is not None:
        node = node.parent
        yield node
