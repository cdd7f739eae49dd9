"""The corpus's table of contents: files → sections → items, from the passage tree."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from chatbot.passages import Passage
from chatbot.tui import rtl
from chatbot.tui.messages import PassageRequested
from chatbot.tui.widgets.rtl_text import current_mode

MAX_LABEL_WORDS = 8


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
        self.watch(self.app, "rtl_mode", self._rebuild, init=False)

    def load(self, passages: Sequence[Passage]) -> None:
        """Fill the tree from ``engine.passages``."""
        self._passages = passages
        self._rebuild()

    def _label(self, text: str) -> Text:
        text = rtl.sanitize(text)
        return Text(rtl.visual_line(text) if current_mode(self) == rtl.APP else text)

    def _rebuild(self) -> None:
        self.clear()
        tops, children = outline(self._passages)
        for source, entries in tops.items():
            file_node = self.root.add(Text(rtl.sanitize(source)), expand=True)
            for index in entries:
                self._add(file_node, index, children)
        self.cursor_line = 0

    def _add(self, node: TreeNode[int], index: int, children: dict[int, list[int]]) -> None:
        kids = children[index]
        label = self._label(entry_label(self._passages[index]))
        if not kids:
            node.add_leaf(label, data=index)
            return
        branch = node.add(label, data=index, expand=False)
        for kid in kids:
            self._add(branch, kid, children)

    @on(Tree.NodeSelected)
    def _open(self, event: Tree.NodeSelected[int]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(PassageRequested(event.node.data))
