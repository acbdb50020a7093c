"""The contract holds wherever a report travels: every field the library produces is in the
JSON, survives ``validate(to_json(r))`` and ``parse_many``, and models refuse undeclared fields.

Before schema 2.0.0, ``organization_full`` and ``level`` were attached to positions with an
unvalidated ``model_copy(update=…)``: readable on the parsed object, missing from the JSON, the
schema, batch results and round trips. These tests read the JSON, not the Python object.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

import speechparse
from speechparse import Position, parse_many

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ba715635817add7f.txt"
FILES = [SEED, *sorted((ROOT / "tests" / "fixtures").glob("*.txt"))]
FILES += sorted((ROOT / "tests" / "corpus").glob("*.txt"))[:6]


def _positions(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for s in data["speeches"] for p in s["speaker"]["positions"]]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_position_in_the_json_carries_organization_full_and_level(path: Path) -> None:
    data = json.loads(speechparse.to_json(speechparse.parse_file(path, keywords=False)))
    positions = _positions(data)
    for p in positions:
        assert {"organization_full", "level"} <= p.keys(), p
        if p["organization"] is None:
            assert (p["organization_full"], p["level"]) == (None, None), p
        else:
            assert p["level"] is not None, p


# Values checked against the seed by reading it: the report is about 安庆市 (named 15 times),
# so the city's abbreviated units complete to 安庆…; a county named in full stays as written.
SEED_POSITIONS = [
    ("市委组织部", "安庆市委组织部", "party"),
    ("市科技局", "安庆市科技局", "municipal"),
    ("安庆师范大学", "安庆师范大学", "university"),
    ("岳西县", "岳西县", "county"),
    ("市科协", "安庆市科协", "association"),
]


def test_seed_positions_in_the_json() -> None:
    data = json.loads(speechparse.to_json(speechparse.parse_file(SEED, keywords=False)))
    found = {p["organization"]: (p["organization_full"], p["level"]) for p in _positions(data)}
    for organization, full, level in SEED_POSITIONS:
        assert found[organization] == (full, level), organization


def test_validate_of_to_json_keeps_every_field() -> None:
    report = speechparse.parse_file(SEED, keywords=True)
    blob = speechparse.to_json(report)
    again = speechparse.validate(blob)
    assert speechparse.to_json(again) == blob
    positions = [p for s in again.speeches for p in s.speaker.positions]
    got = {p.organization: (p.organization_full, p.level) for p in positions}
    for organization, full, level in SEED_POSITIONS:
        assert got[organization] == (full, level)


def test_parse_many_results_keep_every_field() -> None:
    paths = FILES[:4]
    results = list(parse_many(paths, workers=2, keywords=False))
    assert [r.path for r in results] == [str(p) for p in paths]
    for path, result in zip(paths, results, strict=True):
        assert result.report is not None, result.error
        direct = speechparse.parse_file(path, keywords=False)
        assert speechparse.to_json(result.report) == speechparse.to_json(direct)
    seed = results[0].report
    assert seed is not None
    got = {
        p.organization: (p.organization_full, p.level)
        for s in seed.speeches
        for p in s.speaker.positions
    }
    for organization, full, level in SEED_POSITIONS:
        assert got[organization] == (full, level)


def test_models_refuse_undeclared_fields() -> None:
    fields = {
        "organization": "市科技局",
        "title": "局长",
        "inherited": False,
        "organization_full": None,
        "level": None,
        "text": "市科技局局长",
        "start": 0,
        "end": 6,
    }
    Position.model_validate(fields)
    with pytest.raises(ValidationError, match="extra"):
        Position.model_validate({**fields, "rank": 3})
    with pytest.raises(ValidationError, match="organization_full"):
        Position.model_validate({k: v for k, v in fields.items() if k != "organization_full"})


def test_no_unvalidated_model_copies_in_the_library() -> None:
    """``model_copy(update=…)`` skips validation and can set fields a model does not have."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "src").rglob("*.py")
        if "model_copy(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
