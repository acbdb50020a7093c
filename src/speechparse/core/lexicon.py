"""Word lists the parser knows, kept as plain data files under ``speechparse/data``.

Knowledge about the genre (job titles, surnames, byline role words ...) lives in data so a
rule never has to name a person or a unit. Each file is read once, on first use.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load_words(name: str) -> tuple[str, ...]:
    """Entries of ``data/<name>.txt``: one per line, ``#`` starts a comment, order kept.

    Duplicates are dropped (first wins) so a list can be grown by appending.
    """
    text = resources.files("speechparse").joinpath("data", f"{name}.txt").read_text("utf-8")
    seen: dict[str, None] = {}
    for raw in text.splitlines():
        entry = raw.split("#", 1)[0].strip()
        if entry:
            seen.setdefault(entry, None)
    return tuple(seen)


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of ``data/<name>.txt`` as a set, for membership tests."""
    return frozenset(load_words(name))
