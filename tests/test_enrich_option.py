"""``parse(enrich=...)`` computes only the enrichments asked for; the default is unchanged.

Users who need the structure alone (speakers, speeches, points, bylines) should not pay for
figures, quoted terms, keywords, title parts and organisation resolution.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

import speechparse
from invariants import assert_covered, assert_grounded

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ba715635817add7f.txt"
TEXT = SEED.read_text("utf-8")
# Per enrichment: the report-level fields and speech-level fields it fills.
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "figures": ((), ("figures",)),
    "quotes": ((), ("quoted_terms",)),
    "keywords": (("keywords",), ("keywords",)),
    "organizations": (("home",), ()),  # and organization_full/level of every position
    "title_parts": (("title_parts",), ()),
}


def _json(report: speechparse.Report) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(speechparse.to_json(report))
    return data


def _without(data: dict[str, Any], names: set[str]) -> dict[str, Any]:
    """The report with the fields of ``names`` blanked as an unrequested enrichment leaves them."""
    out = dict(data)
    for name in names:
        report_fields, speech_fields = FIELDS[name]
        for field in report_fields:
            out[field] = [] if field == "keywords" else None
        out["speeches"] = [{**s, **{field: [] for field in speech_fields}} for s in out["speeches"]]
    if "organizations" in names:
        out["diagnostics"] = [d for d in out["diagnostics"] if d["code"] != "org.unresolved"]
        out["speeches"] = [_unresolved(s) for s in out["speeches"]]
        out["people"] = [
            {**person, "positions": [_null_resolution(p) for p in person["positions"]]}
            for person in out["people"]
        ]
    return out


def _null_resolution(position: dict[str, Any]) -> dict[str, Any]:
    return {**position, "organization_full": None, "level": None}


def _unresolved(speech: dict[str, Any]) -> dict[str, Any]:
    """The speech with its positions' resolution fields null, as without ``organizations``."""
    positions = [_null_resolution(p) for p in speech["speaker"]["positions"]]
    return {**speech, "speaker": {**speech["speaker"], "positions": positions}}


@pytest.fixture(scope="module")
def full() -> dict[str, Any]:
    return _json(speechparse.parse(TEXT))


def test_the_default_is_every_enrichment(full: dict[str, Any]) -> None:
    assert _json(speechparse.parse(TEXT, enrich=True)) == full
    every = set(FIELDS)
    assert _json(speechparse.parse(TEXT, enrich=every)) == full
    # the seed has each kind of enrichment, so dropping any one changes the output
    for name in FIELDS:
        assert _without(full, {name}) != full, name


def test_structure_only(full: dict[str, Any]) -> None:
    report = speechparse.parse(TEXT, enrich=False)
    assert _json(report) == _without(full, set(FIELDS))
    assert_grounded(report, TEXT)
    assert_covered(report, TEXT)


@pytest.mark.parametrize("name", sorted(FIELDS))
def test_one_enrichment_alone(full: dict[str, Any], name: str) -> None:
    alone = _json(speechparse.parse(TEXT, enrich={name}))
    assert alone == _without(full, set(FIELDS) - {name})
    assert _json(speechparse.parse(TEXT, enrich=name)) == alone


def test_keywords_false_still_wins(full: dict[str, Any]) -> None:
    report = speechparse.parse(TEXT, enrich={"keywords", "figures"}, keywords=False)
    assert _json(report) == _without(full, set(FIELDS) - {"figures"})


def test_parse_file_takes_the_option() -> None:
    full = _json(speechparse.parse_file(SEED))
    report = speechparse.parse_file(SEED, enrich=["quotes"])
    assert _json(report) == _without(full, set(FIELDS) - {"quotes"})


@pytest.mark.parametrize("bad", [{"figure"}, "everything", ["quotes", "jieba"]])
def test_an_unknown_enrichment_is_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="unknown enrichment"):
        speechparse.parse(TEXT, enrich=bad)  # type: ignore[arg-type]


def test_structure_only_never_loads_jieba() -> None:
    code = (
        "import sys, speechparse; "
        f"speechparse.parse_file({str(SEED)!r}, enrich=False); "
        "print('jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_an_html_page_takes_the_option() -> None:
    page = Path(__file__).resolve().parent / "fixtures" / "web" / "gov.html"
    full = speechparse.parse_file(page, keywords=False)
    bare = speechparse.parse_file(page, keywords=False, enrich=False)
    assert any(s.figures or s.quoted_terms for s in full.speeches) or full.title_parts
    assert all(not s.figures and not s.quoted_terms for s in bare.speeches)
    assert bare.title_parts is None and bare.home is None
    assert [s.speaker.name for s in bare.speeches] == [s.speaker.name for s in full.speeches]


@pytest.mark.parametrize("workers", [1, 2])
def test_parse_many_takes_the_option(workers: int) -> None:
    results = list(speechparse.parse_many([SEED, SEED], workers=workers, enrich={"quotes"}))
    full = _json(speechparse.parse_file(SEED))
    for result in results:
        assert result.report is not None
        assert _json(result.report) == _without(full, set(FIELDS) - {"quotes"})


def test_parse_many_refuses_an_unknown_enrichment_at_once() -> None:
    with pytest.raises(ValueError, match="unknown enrichment"):
        next(speechparse.parse_many([SEED], workers=1, enrich={"figure"}))
