"""Character classes, defined once: every stage that asks "is this a sentence end?" asks here.

Sets hold folded (simplified, full-width-punctuation) forms unless a name says ASCII; each has
a regex character-class twin for patterns, built from the same string so the two cannot drift.
"""

from __future__ import annotations

from typing import Final

import regex

SENTENCE_END: Final = "。！？…!?"
"""Marks that end a sentence (a following chunk starts a new one)."""

CLAUSE_END: Final = "；;"
"""Marks that end a clause: in run-on round-ups they separate speakers' sentences."""

CLOSERS: Final = "”’）】》〕」』\"'"
"""Closing quotes and brackets that may follow a sentence end."""

OPENERS: Final = "“‘（【《〔「『"
"""Opening quotes and brackets."""

CLOSE_QUOTES: Final = "”’」』\"'》"
"""Closing quotation marks (and 》, which closes a quoted title the same way)."""

QUOTE_MARKS: Final = "“”‘’「」『』\"'"
"""Quotation marks of either script and width."""

LAYOUT_SPACE: Final = " \u3000\t\r\xa0"
"""Spaces that lay text out and carry no content (line feeds are handled apart)."""

BULLETS: Final = "■□◆◇●○★☆▲△▶►◎◉▪▫"
"""Decorative bullets leading headlines, designations and bylines (■ 标题, ■■姓名：)."""

CN_DIGITS: Final = "一二三四五六七八九十"
"""Chinese numerals one to ten, the markers of points and headlines (一、 （二） 三是)."""

CN_NUMERALS: Final = "〇零一二两三四五六七八九十百千万亿"
"""Every character of a Chinese-numeral number (二十三, 一百零二, 两万)."""

NAME_DOT: Final = "·"
"""The middle dot between the parts of a transliterated name (folding maps • ‧ ・ ∙ ⋅ to it)."""


def char_class(chars: str) -> str:
    """A regex character class matching exactly ``chars``."""
    if not chars:
        raise ValueError("char_class() needs at least one character")
    return "[" + "".join(regex.escape(c) for c in chars) + "]"


HAN: Final = r"\p{Han}"
"""The regex class of Chinese characters (CJK ideographs of every block)."""

SENTENCE_END_RE: Final = regex.compile(char_class(SENTENCE_END))
SENTENCE_OR_CLAUSE_END_RE: Final = regex.compile(char_class(SENTENCE_END + CLAUSE_END))
