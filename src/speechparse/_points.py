"""Enumerated points in a speech: 一是/二是, 一要/二要, 第一/第二, 首先/其次/最后.

An ordinal is a point only as part of a sequence that starts at one and counts up; that one
structural rule keeps 一把手, 第一时间, 第一书记 and 最后一公里 out without listing them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_DIGITS = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")}
# 一是 / 二要 — not when the numeral is the tail of a word (统一是, 唯一要, 之一是 …).
_SUFFIXED = regex.compile(
    r"(?<![统唯同万逐之其划专单不如第初整十])([一二三四五六七八九十])([是要])"
)
# 第一， 第二、 第三是 — an ordinal followed by a pause or a copula.
_NUMBERED = regex.compile(r"第([一二三四五六七八九十])(?=[，、：,:是要条])")
_SEQUENCE = regex.compile(r"首先|其次|再次|最后(?!一)")
_SEP = "，、：,: "


@dataclass(frozen=True, slots=True)
class PointMatch:
    """A point marker and the text it introduces, as offsets into the folded text."""

    marker_start: int
    marker_end: int
    start: int
    end: int


def _runs(found: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """Keep markers that form 1, 2, 3 … runs of length two or more; (start, end) each."""
    kept: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    expect = 1
    for start, end, value in found:
        if value == 1:
            if len(run) >= 2:
                kept.extend(run)
            run, expect = [(start, end)], 2
        elif value == expect and run:
            run.append((start, end))
            expect += 1
    if len(run) >= 2:
        kept.extend(run)
    return kept


def find_points(folded: str, paragraphs: list[tuple[int, int]]) -> list[PointMatch]:
    """Points across a speech's paragraphs; each ends at the next marker or paragraph end."""
    families: dict[str, list[tuple[int, int, int]]] = {}
    for start, end in paragraphs:
        for m in _SUFFIXED.finditer(folded, start, end):
            families.setdefault("x" + m.group(2), []).append(
                (m.start(), m.end(), _DIGITS[m.group(1)])
            )
        for m in _NUMBERED.finditer(folded, start, end):
            families.setdefault("第", []).append((m.start(), m.end(), _DIGITS[m.group(1)]))
        for m in _SEQUENCE.finditer(folded, start, end):
            value = {"首先": 1, "其次": 2, "再次": 3}.get(m.group(), 0)
            families.setdefault("seq", []).append((m.start(), m.end(), value))
    markers: list[tuple[int, int]] = []
    for name, found in families.items():
        if name == "seq":
            markers.extend(_sequence_run(found))
        else:
            markers.extend(_runs(found))
    markers.sort()
    points: list[PointMatch] = []
    for k, (m_start, m_end) in enumerate(markers):
        para_end = next(e for s, e in paragraphs if s <= m_start < e)
        stop = min(para_end, markers[k + 1][0]) if k + 1 < len(markers) else para_end
        text_start = m_end
        while text_start < stop and folded[text_start] in _SEP:
            text_start += 1
        text_end = stop
        while text_end > text_start and folded[text_end - 1] in " \n\r":
            text_end -= 1
        points.append(PointMatch(m_start, m_end, text_start, text_end))
    return points


def _sequence_run(found: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """首先 … 其次/再次 … 最后: starts with 首先 and needs a second step; 最后 closes the run."""
    kept: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    seen_second = False
    for start, end, value in found:
        if value == 1:
            if seen_second:
                kept.extend(run)
            run, seen_second = [(start, end)], False
        elif run and value in (2, 3):
            run.append((start, end))
            seen_second = True
        elif run and value == 0:
            run.append((start, end))
            kept.extend(run)
            run, seen_second = [], False
    if seen_second:
        kept.extend(run)
    return kept
