"""Metamorphic tests: layout, script and encoding changes must not change what a report says.

Each input (the seed report and every dev report) is pushed through meaning-preserving
transformations (tests/transforms.py), alone and combined, and parsed again. The parse must
have the same *meaning* as the parse of the untouched input -- title, headlines, speaker names
and positions, bylines, point markers and paragraph texts, compared after removing whitespace
and folding traditional→simplified and full/half-width punctuation -- and must stay grounded
in, and cover, the transformed text.

Known parser failures are listed in ``KNOWN_FAILURES`` and run as ``xfail(strict=True)``, so a
fix turns them into XPASS failures that remind us to take them off the list.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import opencc
import pytest

import speechparse
from invariants import assert_covered, assert_grounded, nows
from transforms import (
    FULL_TO_HALF,
    Transform,
    bom_bytes,
    compose,
    crlf,
    extra_blank_lines,
    fullwidth,
    gb18030_bytes,
    halfwidth,
    indent_all,
    indent_paragraphs,
    lf,
    remove_blank_lines,
    traditional,
    trailing_spaces,
    wrapper,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ba715635817add7f.txt"
DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"


# --- inputs ----------------------------------------------------------------------------------


def _read(path: Path) -> str:
    """Decode without newline translation (dev07 has CRLF endings; they must stay)."""
    data = path.read_bytes()
    encoding = "gb18030" if "gb18030" in path.name else "utf-8"
    return data.decode(encoding)


# ``(id, path or None)``; dev ids are listed statically so that collection never depends on
# the folder, and the test skips when the folder is missing.
INPUTS: list[tuple[str, str]] = [("seed", str(SEED))] + [
    (f"dev{i:02d}", f"dev{i:02d}.gb18030.txt" if i == 5 else f"dev{i:02d}.txt") for i in range(1, 9)
]


def _input_text(name: str, where: str) -> str:
    if name == "seed":
        return _read(Path(where))
    if not DEV.is_dir():
        pytest.skip(f"dev corpus not available at {DEV}")
    path = DEV / where
    if not path.is_file():
        pytest.skip(f"dev report {path} not available")
    return _read(path)


# --- meaning ---------------------------------------------------------------------------------


@functools.cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


_WIDTH_FOLD = str.maketrans(FULL_TO_HALF)


def fold(s: str | None) -> str | None:
    """Whitespace removed, full-width punctuation to ASCII, traditional to simplified."""
    if s is None:
        return None
    folded: str = _t2s().convert(nows(s).translate(_WIDTH_FOLD))
    return folded


def _credits(byline: Any) -> list[tuple[str | None, str | None]]:
    if byline is None:
        return []
    return [(fold(c.role), fold(c.name)) for c in byline.credits]


def meaning(report: speechparse.Report) -> dict[str, Any]:
    """What a reader takes from a report, independent of layout, script and punctuation width.

    Flat ``{field path: folded value}`` so a difference names the field it is in.
    """
    out: dict[str, Any] = {
        "title": fold(report.title.text) if report.title else None,
        "subtitle": fold(report.subtitle.text) if report.subtitle else None,
        "lead": fold(report.lead.text) if report.lead else None,
        "byline.credits": _credits(report.byline),
        "len(speeches)": len(report.speeches),
    }
    for i, sp in enumerate(report.speeches):
        p = f"speeches[{i}]"
        out[f"{p}.headline"] = fold(sp.headline.text) if sp.headline else None
        out[f"{p}.speaker.name"] = fold(sp.speaker.name)
        out[f"{p}.speaker.positions"] = [
            (fold(pos.organization), fold(pos.title)) for pos in sp.speaker.positions
        ]
        out[f"{p}.byline.credits"] = _credits(sp.byline)
        out[f"{p}.points.marker"] = [fold(pt.marker) for pt in sp.points]
        out[f"{p}.paragraphs"] = [fold(par.text) for par in sp.paragraphs]
    return out


def _short(value: Any, limit: int = 160) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _pair(got: Any, expected: Any) -> str:
    """Two values side by side; for two strings, the region around their first difference."""
    if isinstance(got, str) and isinstance(expected, str):
        i = next(
            (k for k, (a, b) in enumerate(zip(got, expected, strict=False)) if a != b),
            min(len(got), len(expected)),
        )
        lo = max(0, i - 25)
        return (
            f"differ at char {i} (len {len(got)} vs {len(expected)}):\n"
            f"      got      …{got[lo : i + 45]!r}\n      expected …{expected[lo : i + 45]!r}"
        )
    return f"\n      got      {_short(got)}\n      expected {_short(expected)}"


def _describe(key: str, got: Any, expected: Any) -> str:
    """One field's difference; for lists, the first differing items."""
    if isinstance(got, list) and isinstance(expected, list):
        lines = [f"  {key}: {len(got)} item(s), expected {len(expected)}"]
        bad = [
            i
            for i in range(max(len(got), len(expected)))
            if i >= len(got) or i >= len(expected) or got[i] != expected[i]
        ]
        for i in bad[:2]:
            g = got[i] if i < len(got) else "<missing>"
            e = expected[i] if i < len(expected) else "<missing>"
            lines.append(f"    [{i}] {_pair(g, e)}")
        return "\n".join(lines)
    return f"  {key}: {_pair(got, expected)}"


def assert_same_meaning(got: dict[str, Any], expected: dict[str, Any], label: str) -> None:
    diffs = [
        _describe(key, got.get(key, "<missing>"), expected.get(key, "<missing>"))
        for key in dict.fromkeys([*expected, *got])
        if got.get(key, "<missing>") != expected.get(key, "<missing>")
    ]
    if diffs:
        shown = "\n".join(diffs[:6])
        more = f"\n  ... and {len(diffs) - 6} more field(s)" if len(diffs) > 6 else ""
        raise AssertionError(f"{label}: meaning changed in {len(diffs)} field(s):\n{shown}{more}")


# --- combinations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Combo:
    """Text transformations applied left to right, then optionally written to a file."""

    id: str
    steps: tuple[Transform, ...]
    file: Callable[[str], bytes] | None = None  # bom_bytes / gb18030_bytes: parse via parse_file

    def text(self, source: str) -> str:
        return compose(*self.steps)(source) if self.steps else source


w15, w20, w25, w30, w40 = (wrapper(n) for n in (15, 20, 25, 30, 40))

COMBOS: list[Combo] = [
    # singles
    Combo("halfwidth", (halfwidth,)),
    Combo("fullwidth", (fullwidth,)),
    Combo("crlf", (crlf,)),
    Combo("lf", (lf,)),
    Combo("indent_paragraphs", (indent_paragraphs,)),
    Combo("indent_all", (indent_all,)),
    Combo("wrap15", (w15,)),
    Combo("wrap25", (w25,)),
    Combo("wrap40", (w40,)),
    Combo("extra_blank_lines", (extra_blank_lines,)),
    Combo("remove_blank_lines", (remove_blank_lines,)),
    Combo("trailing_spaces", (trailing_spaces,)),
    Combo("traditional", (traditional,)),
    Combo("bom", (), bom_bytes),
    Combo("gb18030", (), gb18030_bytes),
    # combinations
    Combo("crlf+indent_paragraphs+wrap25", (crlf, indent_paragraphs, w25)),
    Combo("fullwidth+extra_blank_lines", (fullwidth, extra_blank_lines)),
    Combo("traditional+halfwidth", (traditional, halfwidth)),
    Combo("traditional+gb18030", (traditional,), gb18030_bytes),
    Combo("bom+crlf+trailing_spaces", (crlf, trailing_spaces), bom_bytes),
    Combo(
        "indent_paragraphs+remove_blank_lines+wrap30", (indent_paragraphs, remove_blank_lines, w30)
    ),
    Combo("indent_all+wrap20+crlf", (indent_all, w20, crlf)),
    Combo(
        "halfwidth+remove_blank_lines+trailing_spaces",
        (halfwidth, remove_blank_lines, trailing_spaces),
    ),
    Combo(
        "traditional+extra_blank_lines+indent_paragraphs+wrap15",
        (traditional, extra_blank_lines, indent_paragraphs, w15),
    ),
]

# (input id, combo id) -> reason for a parser bug a combination exposes; run as strict xfail so
# that a fix shows up as an XPASS. Every bug found so far (wrapped point markers, titles and
# bylines in indented layouts without blank lines, names split over two lines, traditional-script
# positions, re-wrapped bylines) is fixed, and the combinations that exposed them now guard them.
KNOWN_FAILURES: dict[tuple[str, str], str] = {}

# Transformations that really do lose information for one input, so they are skipped there.
# dev06 is hard-wrapped at ~20 columns and marks paragraph starts only by indentation; some
# paragraphs end in a 19-character line ending in 。 (游客看看就走。 ⏎　　现在我们把…). Indenting
# every line erases the only mark of those boundaries: no reader could restore them either.
NOT_MEANING_PRESERVING: dict[tuple[str, str], str] = {
    ("dev06", "indent_all"): "indenting every line of dev06 erases its paragraph boundaries",
    ("dev06", "indent_all+wrap20+crlf"): "indenting every line of dev06 erases its paragraph "
    "boundaries",
}


def _params() -> list[Any]:
    params = []
    for name, where in INPUTS:
        for combo in COMBOS:
            marks = []
            reason = KNOWN_FAILURES.get((name, combo.id))
            if reason is not None:
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            skip = NOT_MEANING_PRESERVING.get((name, combo.id))
            if skip is not None:
                marks.append(pytest.mark.skip(reason=f"not meaning-preserving: {skip}"))
            params.append(pytest.param(name, where, combo, id=f"{name}-{combo.id}", marks=marks))
    return params


@functools.cache
def _baseline(name: str, where: str) -> tuple[str, dict[str, Any]]:
    text = _input_text(name, where)
    return text, meaning(speechparse.parse(text, keywords=False))


@pytest.mark.parametrize(("name", "where", "combo"), _params())
def test_meaning_preserved(name: str, where: str, combo: Combo, tmp_path: Path) -> None:
    original, expected = _baseline(name, where)
    text = combo.text(original)
    if combo.file is None:
        report = speechparse.parse(text, keywords=False)
    else:
        path = tmp_path / f"{name}.txt"
        path.write_bytes(combo.file(text))
        report = speechparse.parse_file(path, keywords=False)
        assert report.source.chars == len(text), (
            "parse_file did not decode the file to the text written"
        )
    assert_grounded(report, text)
    assert_covered(report, text)
    assert_same_meaning(meaning(report), expected, f"{name} after {combo.id}")


def test_baselines_have_speeches() -> None:
    """The metamorphic comparison is only worth something if the baselines found speeches."""
    _text, expected = _baseline("seed", str(SEED))
    assert expected["len(speeches)"] >= 10
    assert expected["title"]


@pytest.mark.parametrize("combo", COMBOS, ids=[c.id for c in COMBOS])
def test_transforms_keep_the_letters(combo: Combo) -> None:
    """Sanity check of the transforms themselves: modulo whitespace, width and script they
    return the text they were given (so a meaning change is the parser's doing)."""
    original = _read(SEED)
    assert fold(combo.text(original)) == fold(original)
