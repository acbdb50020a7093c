"""The floor: the least work any parser of this genre must do, to measure speechparse against.

A parser cannot do less than fold the text, look at each line once, hash the input and build
one validated model tree as large as its answer. ``floor`` does exactly that: the real fold,
one regular expression per line (designation, byline or paragraph, by shape only), SHA-256,
and ``Report.model_validate`` of the report speechparse itself gives for the text (made
beforehand, outside the timing, by :func:`answer`). Everything else the parser does —
deciding, decomposing, grounding spans, enriching — is what the ratio ``parse / floor``
measures. ``run.py`` times both in the same run, interleaved.
"""

from __future__ import annotations

import hashlib
from typing import Any

import regex

import speechparse
from speechparse.decoding.fold import fold
from speechparse.models import Report

_LINE = regex.compile(r"[^\n]+")
_DESIGNATION = regex.compile(r"\p{Han}{2,30}?\p{Han}{2,3}：")
_BYLINE = regex.compile(r"(?:全媒体|本报)?记者 ?\p{Han}{2,3}$")


def answer(text: str) -> dict[str, Any]:
    """The tree the floor validates: the report of ``text`` as plain data."""
    return speechparse.parse(text, keywords=False).model_dump()


def floor(text: str, tree: dict[str, Any]) -> Report:
    """Fold, classify each line once, hash, build one validated model tree."""
    folded = fold(text)
    kinds = [
        "designation"
        if _DESIGNATION.match(folded, line.start(), line.end())
        else "byline"
        if _BYLINE.search(folded, line.start(), line.end())
        else "paragraph"
        for line in _LINE.finditer(folded)
    ]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert kinds and digest == tree["source"]["sha256"]
    return Report.model_validate(tree)
