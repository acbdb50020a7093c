"""Stage 2, ``fold``: one canonical character for each variant, the length always kept.

Expected values come from the tables in ``decoding/fold.py`` and ``data/t2s.txt`` (the line
of each pair is easy to find with grep); the property checks the fast BMP table against the
dict it is built from, on any text.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from speechparse.decoding.fold import _table, fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("局长：", "局长："),  # simplified text with canonical punctuation is unchanged
        ("局長:", "局长："),  # traditional character, half-width colon
        ("ＡＢ１２", "AB12"),  # full-width letters and digits
        ("（一）,", "（一），"),
        ("(一)", "（一）"),
        ("a\u3000b\tc", "a b c"),  # the many spaces fold to one
        ("「对」", "“对”"),
        ("薴", "苧"),  # one step only: 苧 itself folds to 苎, but a target is never folded again
        ("㑮", "\U0002b748"),  # a BMP character whose simplified form is astral
        ("\U0002005e", "\U0002003e"),  # an astral traditional character
        ("局長\U0002005e:", "局长\U0002003e："),  # astral and BMP folds in one text
        ("\U0001f600局長", "\U0001f600局长"),  # an astral character with no fold stays as it is
        ("\U0002003e", "\U0002003e"),  # an astral target is not a key
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected
    assert len(fold(text)) == len(text)


@given(st.text())
def test_fold_is_the_dict_translation(text: str) -> None:
    assert fold(text) == text.translate(_table())
