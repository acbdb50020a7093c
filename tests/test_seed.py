"""The seed report against its hand-checked expectations (seeds/*.expected.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import speechparse

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED = SEEDS / "000_ba715635817add7f.txt"
EXPECTED: dict[str, Any] = json.loads(
    (SEEDS / "000_ba715635817add7f.expected.json").read_text("utf-8")
)


@pytest.fixture(scope="module")
def report() -> speechparse.Report:
    return speechparse.parse_file(SEED, keywords=False)


def test_document_fields(report: speechparse.Report) -> None:
    assert report.title is not None and report.title.text == EXPECTED["title"]
    assert report.lead is None and report.byline is None
    assert report.home is not None and report.home.name == EXPECTED["home"]
    assert report.title_parts is not None
    got = {k: getattr(report.title_parts, k) for k in EXPECTED["title_parts"]}
    assert {k: (v.text if v else None) for k, v in got.items()} == EXPECTED["title_parts"]
    assert len(report.speeches) == len(EXPECTED["speeches"]) == 15


@pytest.mark.parametrize("index", range(15), ids=lambda i: f"speech{i}")
def test_speech(report: speechparse.Report, index: int) -> None:
    want = EXPECTED["speeches"][index]
    got = report.speeches[index]
    body = "".join(p.text for p in got.paragraphs).replace(" ", "")
    assert got.headline is not None and got.headline.text == want["headline"]
    assert got.speaker.text == want["speaker"]
    assert got.speaker.name == want["name"]
    positions = [[p.organization, p.title, p.organization_full] for p in got.speaker.positions]
    assert positions == want["positions"]
    assert got.byline is not None
    assert [[c.role, c.name] for c in got.byline.credits] == want["byline"]
    assert len(got.paragraphs) == want["paragraphs"]
    assert body.startswith(want["body_start"]) and body.endswith(want["body_end"])
    assert [p.marker for p in got.points] == want["points"]
    assert [[f.text, f.value, f.unit] for f in got.figures] == want["figures"]
    assert [q.text for q in got.quoted_terms] == want["quoted_terms"]


def test_every_quote_pair_is_a_quoted_term(report: speechparse.Report) -> None:
    """Issue acceptance: the quoted terms match every “…” pair in the speeches."""
    text = SEED.read_text("utf-8")
    pairs = []
    at = text.find("“")
    while at >= 0:
        close = text.index("”", at)
        pairs.append(text[at + 1 : close])
        at = text.find("“", close)
    got = [q.text for s in report.speeches for q in s.quoted_terms]
    assert got == pairs


def test_every_city_unit_resolves_to_the_home_city(report: speechparse.Report) -> None:
    units = [p for s in report.speeches for p in s.speaker.positions if p.organization]
    city_units = [p for p in units if p.organization and p.organization.startswith("市")]
    assert len(city_units) == 10  # 市纪委监委 … 市委教育工委, counted in the text
    for p in city_units:
        assert p.organization_full == "安庆" + p.organization
