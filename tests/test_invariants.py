"""Grounding and coverage on every fixture file, the seed and (when present) the dev corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

import speechparse
from invariants import assert_covered, assert_grounded

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"
FILES = [
    *sorted((ROOT / "tests" / "fixtures").glob("*.txt")),
    *sorted((ROOT / "seeds").glob("*.txt")),
    *(sorted(DEV.glob("*.txt")) if DEV.is_dir() else []),
]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("keywords", [False, True], ids=["plain", "keywords"])
def test_every_value_is_grounded_and_every_letter_covered(path: Path, keywords: bool) -> None:
    report = speechparse.parse_file(path, keywords=keywords)
    encoding = report.source.encoding.replace("-sig", "")
    source = path.read_bytes().decode(report.source.encoding).removeprefix("\ufeff")
    assert encoding
    assert_grounded(report, source)
    assert_covered(report, source)
