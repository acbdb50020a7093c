"""Hostile inputs for the regular-expression safety checks, shared by the unit test (linear
growth) and ``benchmarks/adversarial.py`` (cost against an ordinary report of the same size).
"""

from __future__ import annotations

from collections.abc import Callable


def repeat(unit: str, size: int) -> str:
    """``unit`` repeated and cut to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


# name -> builder(size). Every builder returns a string of about ``size`` characters, except
# the "lines of one char" case, which holds size / 10 lines (two characters each).
WORST_CASES: dict[str, Callable[[int], str]] = {
    "giant_line_cjk_colon_every_60": lambda n: repeat("汉" * 59 + "：", n),
    "dunhao_only": lambda n: repeat("、", n),
    "open_paren_only": lambda n: repeat("（", n),
    "designation_prefix_repeated": lambda n: repeat("市委常委、", n),
    "square_markers_inline": lambda n: repeat("■ ", n),
    "square_markers_alternating_text": lambda n: repeat("■ 汉", n),
    "square_marker_lines": lambda n: repeat("■ \n", n),
    "lines_of_one_char": lambda n: "字\n" * (n // 10),
    "spaces_only": lambda n: repeat(" ", n),
    "ideographic_spaces_only": lambda n: repeat("\u3000", n),
    "space_runs_between_chars": lambda n: repeat("字" + " " * 999 + "\n", n),
    "ideographic_space_runs_colon": lambda n: repeat("\u3000" * 500 + "局长王明：", n),
    "titles_repeated": lambda n: repeat("局长", n),
    "point_markers_only": lambda n: repeat("一是二是第一第二首先其次", n),
    "byline_roles_only": lambda n: repeat("全媒体记者 ", n),
    "open_quotes_only": lambda n: repeat("“", n),
    "enumerated_headlines_only": lambda n: repeat("（一）", n),
    "crlf_blank_lines": lambda n: repeat("\r\n", n),
}
