"""Evaluation gate: accuracy on gold-annotated reports may not regress.

``tests/corpus`` holds invented reports in layouts from the format catalogue, with gold answers
written by hand; the seed and (when ``../shared`` is present) the dev corpus are scored too. The
scoring itself is the shared scorer's, so the gate measures exactly what the project is judged on.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"

FLOORS = [
    pytest.param([SHARED / "seeds"], 1.0, id="seed"),
    pytest.param([ROOT / "tests" / "corpus"], 0.99, id="invented-corpus"),
    pytest.param([SHARED / "corpus" / "dev"], 0.97, id="dev-corpus"),
]


@pytest.mark.parametrize(("paths", "floor"), FLOORS)
def test_score_stays_above_the_floor(paths: list[Path], floor: float) -> None:
    if not SCORER.is_file() or not all(p.is_dir() for p in paths):
        pytest.skip("the shared scorer or corpus is not beside this checkout")
    done = subprocess.run(
        [sys.executable, str(SCORER), *map(str, paths), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads(done.stdout)
    fields = summary["fields"]
    assert fields["grounding"] == 1.0 and fields["coverage"] == 1.0, fields
    assert summary["score"] >= floor, summary["misses"][:20]
