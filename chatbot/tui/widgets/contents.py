"""The corpus's table of contents: files → sections → items, from the passage tree."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.text import Text
from textual import on
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from chatbot.passages import Passage
from chatbot.tui import rtl
from chatbot.tui.messages import PassageRequested
from chatbot.tui.widgets.rtl_text import current_mode

MAX_LABEL_WORDS = 8
GUIDE_WIDTH = 4  # cells of tree guide per level (Tree's default guide_depth)


def entry_label(passage: Passage) -> str:
    """A section or item by its heading; a paragraph by its first words."""
    if passage.heading:
        return " ".join(passage.heading.split())
    words = passage.text.split()
    return " ".join(words[:MAX_LABEL_WORDS]) + (" …" if len(words) > MAX_LABEL_WORDS else "")


def outline(passages: Sequence[Passage]) -> tuple[dict[str, list[int]], dict[int, list[int]]]:
    """The tree as (top entries per file, children per entry), indices in reading order.

    Sections nest by heading path (a section whose path extends another's sits under it);
    items sit under their ``parent`` section; paragraphs and sections with no enclosing
    section passage sit at the file's top level.
    """
    tops: dict[str, list[int]] = {}
    children: dict[int, list[int]] = {}
    section_at: dict[tuple[str, tuple[str, ...]], int] = {}
    for index, passage in enumerate(passages):
        children[index] = []
        parent = passage.parent if passage.level == "item" else -1
        if passage.level == "section":
            section_at[(passage.source, passage.section)] = index
            parent = section_at.get((passage.source, passage.section[:-1]), -1)
        if parent >= 0:
            children[parent].append(index)
        else:
            tops.setdefault(passage.source, []).append(index)
    return tops, children


class Contents(Tree[int]):
    """Choosing an entry (Enter) posts ``PassageRequested`` with the passage's index."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("المحاضرات"), id=id)
        self.show_root = False
        self._passages: Sequence[Passage] = ()

    def on_mount(self) -> None:
        self.watch(self.app, "rtl_mode", self._relabel, init=False)

    def load(self, passages: Sequence[Passage]) -> None:
        """Fill the tree from ``engine.passages``."""
        self._passages = passages
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
        tops, children = outline(self._passages)
        for source, entries in tops.items():
            file_node = self.root.add(Text(rtl.sanitize(source)), expand=True)
            for index in entries:
                self._add(file_node, index, children, depth=2)
        self.cursor_line = 0

    def _add(self, node: TreeNode[int], index: int, children: dict[int, list[int]], depth: int) -> None:
        kids = children[index]
        label = self._label(entry_label(self._passages[index]), depth)
        if not kids:
            node.add_leaf(label, data=index)
            return
        branch = node.add(label, data=index, expand=False)
        for kid in kids:
            self._add(branch, kid, children, depth + 1)

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
