"""Enumerated points in a speech: 一是/二是, 一要/二要, 第一/第二, 首先/其次/最后.

An ordinal is a point only as part of a sequence that starts at one and counts up; that one
structural rule keeps 一把手, 第一时间, 第一书记 and 最后一公里 out without listing them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

from speechparse.core.text import Compact

_DIGITS = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")}
_STEPS = {"首先": 1, "其次": 2, "再次": 3}  # 最后 (0) closes a run
# One pattern, one family per group; no two families share a first character, so a scan
# for all of them finds exactly what three separate scans would:
# x: 一是 / 二要 — not when the numeral is the tail of a word (统一是, 唯一要, 之一是 …);
# n: 第一， 第二、 第三是 — an ordinal followed by a pause or a copula;
# s: 首先 / 其次 / 再次 / 最后 (not 最后一…).
_MARKERS = regex.compile(
    r"(?<![统唯同万逐之其划专单不如第初整十])(?P<x>[一二三四五六七八九十])(?P<xs>[是要])"
    r"|第(?P<n>[一二三四五六七八九十])(?=[，、：,:是要条])"
    r"|(?P<s>首先|其次|再次|最后(?!一))"
)
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
    (`一⏎是`) is still one marker; offsets are mapped back to the source. The paragraphs are
    scanned as one text, a line break between them: no pattern matches or looks across one.
    """
    texts = [view.text for view in views]
    starts: list[int] = []
    at = 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    families: dict[str, Found] = {}
    for m in _MARKERS.finditer("\n".join(texts)):
        k = bisect_right(starts, m.start()) - 1
        start, end = m.start() - starts[k], m.end() - starts[k]
        if m.group("x") is not None:
            family, value = "x" + m.group("xs"), _DIGITS[m.group("x")]
        elif m.group("n") is not None:
            family, value = "第", _DIGITS[m.group("n")]
        else:
            family, value = "seq", _STEPS.get(m.group("s"), 0)
        families.setdefault(family, []).append(((k, start), end, value))
    markers: list[tuple[tuple[int, int], int]] = []
    for name, found in families.items():
        markers.extend(_sequence_run(found) if name == "seq" else _runs(found))
    markers.sort()
    points: list[PointMatch] = []
    for i, ((k, m_start), m_end) in enumerate(markers):
        view, text = views[k], texts[k]
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
