"""What each block's text says about itself, asked once for all the layout passes.

The passes of :mod:`speechparse.structure.forms` put the same questions to many blocks: is it
a guest-list label, a question (`记者：`), an answer (`答：`), a name alone on its line? Each
answer depends on the text alone, never on the kind a pass has given the block, so it holds
until a pass splits or merges blocks. Asked through :class:`BlockFacts`, each question is put
to a block at most once, and only to blocks that can answer yes: every label needs a colon
after its first character, a name line holds no comma and no full stop, a guest-list label
is a word or two. The long paragraphs that make most of a report fail those tests in C and
are never asked, and a pass that no block can concern is skipped as a whole.
"""

from __future__ import annotations

from functools import cache

from speechparse.core.lexicon import word_set
from speechparse.core.text import Compact
from speechparse.people.dialogue import (
    Guest,
    answer_label,
    guest_line,
    guest_list_label,
    name_line,
    question_label,
)
from speechparse.structure.blocks import Block

Span = tuple[int, int]
NameLine = tuple[Span | None, Span]


@cache
def _guest_label_letters() -> int:
    """The most letters a guest-list label holds: its longest word, in brackets (`【…】`)."""
    return max(len(w) for w in word_set("guest_list_labels")) + 2


def _few_letters(text: str, most: int) -> bool:
    """Whether ``text`` without trailing colons and without spaces is at most ``most`` long,
    as a guest-list label must be (a necessary condition, tested without building a copy)."""
    if len(text) <= most:
        return True
    stripped = text.rstrip(" ：:")
    return len(stripped) - stripped.count(" ") <= most


class BlockFacts:
    """Answers about the texts of one list of blocks, by block index, each asked once."""

    __slots__ = (
        "_answers", "_guest_labels", "_guest_lines", "_guestish", "_names", "_questions",
        "colons", "nameish", "texts",
    )  # fmt: skip

    def __init__(self, blocks: list[Block]) -> None:
        texts = [b.view.text for b in blocks]
        self.texts = texts
        # Index → the first colon: every label, turn name and glued designation needs one.
        self.colons: dict[int, int] = {}
        # The blocks that may be a name alone on its line (or an ordinal like `案例一`).
        self.nameish: list[int] = []
        # The blocks that may be a guest-list label: short, or padded with spaces or colons.
        self._guestish: list[int] = []
        most = _guest_label_letters()
        for i, text in enumerate(texts):
            colon = text.find("：")
            if colon >= 0:
                self.colons[i] = colon
            if "，" not in text and "。" not in text:
                self.nameish.append(i)
            if len(text) <= most or " " in text or text[-1] in "：:":
                self._guestish.append(i)
        self._questions: dict[int, Span | None] = {}
        self._answers: dict[int, Span | None] = {}
        self._names: dict[int, NameLine | None] = {}
        self._guest_labels: dict[int, int] | None = None
        self._guest_lines: dict[int, Guest | None] = {}

    def question(self, i: int) -> Span | None:
        """:func:`question_label` of block ``i``'s text."""
        if self.colons.get(i, 0) <= 0:
            return None  # no colon, or one that opens the line: no label before it
        try:
            return self._questions[i]
        except KeyError:
            found = self._questions[i] = question_label(self.texts[i])
            return found

    def answer(self, i: int) -> Span | None:
        """:func:`answer_label` of block ``i``'s text."""
        if self.colons.get(i, 0) <= 0:
            return None
        try:
            return self._answers[i]
        except KeyError:
            found = self._answers[i] = answer_label(self.texts[i])
            return found

    def name_line(self, i: int) -> NameLine | None:
        """:func:`name_line` of block ``i``'s text (None at once outside :attr:`nameish`)."""
        try:
            return self._names[i]
        except KeyError:
            text = self.texts[i]
            found = None if "，" in text or "。" in text else name_line(text)
            self._names[i] = found
            return found

    @property
    def guest_labels(self) -> dict[int, int]:
        """Index → :func:`guest_list_label` of the blocks whose text is such a label."""
        if self._guest_labels is None:
            most = _guest_label_letters()
            self._guest_labels = {
                i: end
                for i in self._guestish
                if _few_letters(self.texts[i], most)
                and (end := guest_list_label(self.texts[i])) is not None
            }
        return self._guest_labels

    def guest_line(self, i: int, view: Compact) -> Guest | None:
        """:func:`guest_line` of block ``i`` (whose view is ``view``)."""
        try:
            return self._guest_lines[i]
        except KeyError:
            found = self._guest_lines[i] = guest_line(view)
            return found

    def guest_label_prefix(self, i: int, colon: int) -> int | None:
        """:func:`guest_list_label` of block ``i``'s text up to and with its colon at ``colon``."""
        head = self.texts[i][: colon + 1]
        return guest_list_label(head) if _few_letters(head, _guest_label_letters()) else None
