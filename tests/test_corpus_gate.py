"""Evaluation gate: accuracy on gold-annotated reports may not regress.

``tests/corpus`` holds invented reports in layouts from the format catalogue, with gold answers
written by hand; it is scored by ``tests/scoring.py`` and needs nothing outside this checkout.
The seed and the dev corpus are scored the same way when ``../shared`` is beside the checkout.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import speechparse
from scoring import Tally, gold_pairs, score, score_document

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "tests" / "corpus"

FLOORS = [
    pytest.param(CORPUS, 0.99, id="invented-corpus"),
    pytest.param(SHARED / "seeds", 1.0, id="seed"),
    pytest.param(SHARED / "corpus" / "dev", 0.99, id="dev-corpus"),
]


@pytest.mark.parametrize(("folder", "floor"), FLOORS)
def test_score_stays_above_the_floor(folder: Path, floor: float) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} is not beside this checkout")
    tally = score([folder])
    fields = tally.accuracy()
    assert fields["grounding"] == 1.0 and fields["coverage"] == 1.0, tally.misses[:10]
    assert tally.score() >= floor, tally.misses[:20]


def test_every_invented_gold_file_has_its_document() -> None:
    pairs = list(gold_pairs([CORPUS]))
    assert len(pairs) == len(list(CORPUS.glob("*.gold.json"))) >= 47
    assert all(doc.suffix == ".txt" for doc, _ in pairs)


def test_a_wrong_answer_is_a_miss(tmp_path: Path) -> None:
    """The scorer can fail: gold that disagrees with the parse loses exactly those fields."""
    source = CORPUS / "inv01.txt"
    gold = json.loads((CORPUS / "inv01.gold.json").read_text(encoding="utf-8"))
    right = Tally()
    score_document(right, source, gold)
    assert right.score() == 1.0, right.misses
    gold["speeches"][0]["name"] = "某某某"
    gold["speeches"][1]["positions"] = gold["speeches"][1]["positions"][:1]
    gold["title"] = [None, "另一个标题"]
    wrong = Tally()
    score_document(wrong, source, gold)
    assert [m.split(" ", 2)[1] for m in wrong.misses] == ["title:", "speaker_name:", "positions:"]
    assert wrong.fields["speaker_name"][0] == wrong.fields["speaker_name"][1] - 1


def test_invariants_catch_an_ungrounded_span(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = CORPUS / "inv01.txt"
    gold = json.loads((CORPUS / "inv01.gold.json").read_text(encoding="utf-8"))
    real_to_json = speechparse.to_json

    def shifted(report: speechparse.Report, **kwargs: bool) -> bytes:
        data = json.loads(real_to_json(report, **kwargs))
        data["speeches"][0]["paragraphs"][0]["start"] += 1  # text no longer matches the slice
        data["speeches"][0]["paragraphs"] = data["speeches"][0]["paragraphs"][:1]
        data["diagnostics"] = []
        return json.dumps(data).encode()

    monkeypatch.setattr(speechparse, "to_json", shifted)
    tally = Tally()
    score_document(tally, source, gold)
    assert tally.fields["grounding"] == [0, 1]
    assert tally.fields["coverage"] == [0, 1]
