"""Fold the source into one canonical script and punctuation set, character for character.

Every later stage matches patterns against the folded text but cuts spans from the source, so
the fold must keep the length: offsets into one are offsets into the other. Folding covers
half-width vs full-width punctuation, full-width digits and letters, the many space and dot
characters, and traditional vs simplified characters.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_BMP = 0x10000
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

# One canonical form for punctuation that reports write either way.
_PUNCT = {
    ":": "：",
    ",": "，",
    ";": "；",
    "!": "！",
    "?": "？",
    "(": "（",
    ")": "）",
    "[": "【",
    "]": "】",
    "．": ".",
    "。": "。",
    "｡": "。",
    "「": "“",
    "」": "”",
    "『": "‘",
    "』": "’",
    '"': "“",
    "•": "·",
    "‧": "·",
    "・": "·",
    "∙": "·",
    "⋅": "·",
    "●": "●",
    "\u3000": " ",
    "\t": " ",
    "\xa0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u200b": " ",
    "\ufeff": " ",
    "—": "—",
    "－": "-",
    "─": "—",
    "―": "—",
    "〔": "〔",
    "〕": "〕",
}


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Full-width ASCII letters and digits (！ to ～) fold to their half-width forms first,
    # then punctuation is folded onto the canonical (mostly full-width) set above.
    for code in range(0xFF01, 0xFF5F):
        table[code] = chr(code - 0xFEE0)
    data = resources.files("speechparse").joinpath("data").joinpath("t2s.txt").read_text("utf-8")
    for line in data.splitlines():
        if line and not line.startswith("#"):
            trad, _, simp = line.partition("\t")
            if len(trad) == 1 and len(simp) == 1:
                table[ord(trad)] = simp
    for src, dst in _PUNCT.items():
        table[ord(src)] = dst
    for code, target in list(table.items()):
        folded = _PUNCT.get(target)
        if folded is not None:
            table[code] = folded
    return table


@cache
def _bmp_table() -> list[int]:
    """The fold of every code point below U+10000, indexed by code point.

    ``str.translate`` with a dict raises and catches a ``KeyError`` for each character the
    dict does not hold, which is most of a text; a list answers every BMP character without
    one, twice as fast, at the cost of about 2.5 MB held once. Astral characters fall off its
    end and stay unchanged, so text holding one is folded with the dict instead.
    """
    table = list(range(_BMP))
    for code, target in _table().items():
        if code < _BMP:
            table[code] = ord(target)
    return table


def fold(text: str) -> str:
    """Stage 2: the canonical view of ``text``; ``len(fold(t)) == len(t)`` always."""
    table = _bmp_table() if _ASTRAL.search(text) is None else _table()
    folded = text.translate(table)
    if len(folded) != len(text):  # pragma: no cover - the table maps one char to one char
        raise AssertionError("fold changed the text length")
    return folded
