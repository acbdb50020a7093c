"""Structural invariants every parse result must satisfy, whatever the input.

* :func:`assert_grounded` -- every object carrying ``start``/``end`` points inside the source,
  and when it also carries ``text`` that text is the source slice modulo whitespace. The same
  holds for the ``name_start``/``name_end`` (speaker name) and ``marker_start``/``marker_end``
  (point marker) pairs.
* :func:`assert_covered` -- every letter or digit of the source (Unicode categories L* and N*)
  lies inside at least one object's ``[start, end)``: nothing the parser saw is silently dropped.

Both take the report and the decoded source text (BOM dropped, line endings as in the file),
and their failure messages quote the offending excerpt.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

__all__ = ["assert_covered", "assert_grounded", "nows", "spans"]

_EXCERPT = 60


def nows(s: str) -> str:
    """``s`` with all whitespace (ASCII, ideographic space U+3000, line breaks ...) removed."""
    return "".join(s.split())


def _excerpt(source: str, start: int, end: int) -> str:
    """The slice with a little context, shortened for a readable failure message."""
    lo, hi = max(0, start - 10), min(len(source), end + 10)
    if end - start > _EXCERPT:
        inner = source[start : start + _EXCERPT // 2] + " … " + source[end - _EXCERPT // 2 : end]
    else:
        inner = source[start:end]
    return f"{source[lo:start]!r} [[{inner!r}]] {source[end:hi]!r}"


def _walk(node: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}[{i}]")


def _is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def spans(report: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(json_path, object)`` for every object of the dumped report with int start and end."""
    for path, obj in _walk(report.model_dump()):
        if _is_offset(obj.get("start")) and _is_offset(obj.get("end")):
            yield path, obj


def _check_pair(
    source: str, path: str, obj: dict[str, Any], start_key: str, end_key: str, text_key: str | None
) -> None:
    start, end = obj[start_key], obj[end_key]
    n = len(source)
    assert 0 <= start <= end <= n, (
        f"{path}: bad offsets {start_key}={start}, {end_key}={end} for a source of {n} chars"
        f" (text={obj.get(text_key) if text_key else None!r})"
    )
    if text_key is None:
        return
    text = obj.get(text_key)
    if not isinstance(text, str):
        return
    got, want = nows(source[start:end]), nows(text)
    assert got == want, (
        f"{path}: {text_key}={text!r} is not the source slice [{start}:{end}] modulo whitespace;"
        f" the slice is {_excerpt(source, start, end)}"
    )


def assert_grounded(report: Any, source: str) -> None:
    """Every span lies in ``source`` and its ``text`` equals the slice, ignoring whitespace."""
    for path, obj in _walk(report.model_dump()):
        if _is_offset(obj.get("start")) and _is_offset(obj.get("end")):
            _check_pair(source, path, obj, "start", "end", "text" if "text" in obj else None)
        # Secondary pairs: the speaker's name and a point's marker (a str next to its offsets).
        for prefix in ("name", "marker"):
            s, e = f"{prefix}_start", f"{prefix}_end"
            if _is_offset(obj.get(s)) and _is_offset(obj.get(e)):
                key = prefix if isinstance(obj.get(prefix), str) else None
                _check_pair(source, path, obj, s, e, key)


def assert_covered(report: Any, source: str) -> None:
    """Every L*/N* character of ``source`` lies inside some object's ``[start, end)``."""
    n = len(source)
    # Difference array over the source: +1 at start, -1 at end.
    delta = [0] * (n + 1)
    for _path, obj in spans(report):
        start, end = max(0, min(obj["start"], n)), max(0, min(obj["end"], n))
        if start < end:
            delta[start] += 1
            delta[end] -= 1
    depth = 0
    uncovered: list[tuple[int, int]] = []  # maximal runs of uncovered positions holding L/N
    run_start: int | None = None
    for i, ch in enumerate(source):
        depth += delta[i]
        if depth > 0:
            if run_start is not None:
                uncovered.append((run_start, i))
                run_start = None
            continue
        if unicodedata.category(ch)[0] in "LN":
            if run_start is None:
                run_start = i
        elif run_start is not None and ch in "\n\r":
            uncovered.append((run_start, i))
            run_start = None
    if run_start is not None:
        uncovered.append((run_start, n))
    if uncovered:
        shown = "\n".join(f"  [{s}:{e}] {_excerpt(source, s, e)}" for s, e in uncovered[:5])
        more = f"\n  ... and {len(uncovered) - 5} more" if len(uncovered) > 5 else ""
        raise AssertionError(
            f"{len(uncovered)} uncovered run(s) of letters/digits (L*/N*) in no span:"
            f"\n{shown}{more}"
        )
