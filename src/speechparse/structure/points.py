"""Enumerated points in a speech: 一是/二是, 一要/二要, 第一/第二, 首先/其次/最后.

An ordinal is a point only as part of a sequence that starts at one and counts up; that one
structural rule keeps 一把手, 第一时间, 第一书记 and 最后一公里 out without listing them.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from speechparse.core.text import Compact

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
    """A point marker and the text it introduces, as source offsets."""

    marker_start: int
    marker_end: int
    start: int
    end: int


Found = list[tuple[tuple[int, int], int, int]]  # ((paragraph, start), end, value)


def _runs(found: Found) -> list[tuple[tuple[int, int], int]]:
    """Keep markers that form 1, 2, 3 … runs of length two or more."""
    kept: list[tuple[tuple[int, int], int]] = []
    run: list[tuple[tuple[int, int], int]] = []
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


def find_points(views: list[Compact]) -> list[PointMatch]:
    """Points across a speech's paragraphs; each ends at the next marker or paragraph end.

    Matching runs on the paragraphs' compact views, so a marker broken by a hard wrap
    (`一⏎是`) is still one marker; offsets are mapped back to the source.
    """
    families: dict[str, Found] = {}
    for k, view in enumerate(views):
        text = view.text
        for m in _SUFFIXED.finditer(text):
            families.setdefault("x" + m.group(2), []).append(
                ((k, m.start()), m.end(), _DIGITS[m.group(1)])
            )
        for m in _NUMBERED.finditer(text):
            families.setdefault("第", []).append(((k, m.start()), m.end(), _DIGITS[m.group(1)]))
        for m in _SEQUENCE.finditer(text):
            value = {"首先": 1, "其次": 2, "再次": 3}.get(m.group(), 0)
            families.setdefault("seq", []).append(((k, m.start()), m.end(), value))
    markers: list[tuple[tuple[int, int], int]] = []
    for name, found in families.items():
        markers.extend(_sequence_run(found) if name == "seq" else _runs(found))
    markers.sort()
    points: list[PointMatch] = []
    for i, ((k, m_start), m_end) in enumerate(markers):
        view, text = views[k], views[k].text
        stop = len(text)
        if i + 1 < len(markers) and markers[i + 1][0][0] == k:
            stop = markers[i + 1][0][1]
        text_start = m_end
        while text_start < stop and text[text_start] in _SEP:
            text_start += 1
        marker_start, marker_end = view.span(m_start, m_end)
        start, end = view.span(text_start, stop)
        points.append(PointMatch(marker_start, marker_end, start, end))
    return points


def _sequence_run(found: Found) -> list[tuple[tuple[int, int], int]]:
    """首先 … 其次/再次 … 最后: starts with 首先 and needs a second step; 最后 closes the run."""
    kept: list[tuple[tuple[int, int], int]] = []
    run: list[tuple[tuple[int, int], int]] = []
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
