"""Score parses against hand-written gold files, reading only the published JSON.

A document ``NAME.<anything>.txt`` (or ``NAME.txt``) has its answers in ``NAME.gold.json``
beside it: the title, the lead's first characters, the document's reporters, and for each
speech its headline, designation as written, name, positions (organization, title), the
first and last characters of its body, its paragraph count, reporters, the first reporter's
role and its point markers. A gold value that is a list accepts any of its members (``null``
among them accepts a missing value); comparisons ignore whitespace. Keys absent from a gold
file are not scored.

Every document also scores the two invariants, as one field each: ``grounding`` (every object
with ``start``/``end`` lies in the source and its ``text`` is that slice modulo whitespace) and
``coverage`` (every letter and digit lies in some object's range). The score is the mean of the
per-field accuracies, so a rare field weighs as much as a common one.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import speechparse


def nows(text: str | None) -> str:
    return "".join((text or "").split())


def _alternatives(want: Any) -> list[Any]:
    return want if isinstance(want, list) else [want]


def same(got: str | None, want: Any) -> bool:
    """``got`` is one of the accepted values, whitespace ignored."""
    options = _alternatives(want)
    if got is None:
        return None in options
    return any(o is not None and nows(o) == nows(got) for o in options)


def _text(node: Any) -> str | None:
    return node.get("text") if isinstance(node, dict) else None


def _names(byline: Any) -> list[str]:
    return [c["name"] for c in byline["credits"]] if isinstance(byline, dict) else []


@dataclass
class Tally:
    """Hits and trials per field, and a line for every miss."""

    fields: dict[str, list[int]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, where: str, got: Any = None, want: Any = None) -> None:
        counts = self.fields.setdefault(name, [0, 0])
        counts[0] += int(ok)
        counts[1] += 1
        if not ok:
            self.misses.append(f"{where} {name}: got {got!r}, want {want!r}")

    def accuracy(self) -> dict[str, float]:
        return {k: hits / total for k, (hits, total) in sorted(self.fields.items())}

    def score(self) -> float:
        values = list(self.accuracy().values())
        return sum(values) / len(values) if values else 0.0


def gold_pairs(folders: Iterable[Path]) -> Iterator[tuple[Path, Path]]:
    """(document, gold file) for every gold file in the folders, in name order."""
    for folder in folders:
        for gold in sorted(folder.glob("*.gold.json")):
            stem = gold.name.removesuffix(".gold.json")
            documents = sorted(
                p for p in folder.glob(f"{stem}.*") if not p.name.endswith(".gold.json")
            )
            if not documents:
                raise FileNotFoundError(f"no document beside {gold}")
            yield documents[0], gold


def score(folders: Iterable[Path]) -> Tally:
    tally = Tally()
    for document, gold_file in gold_pairs(folders):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        score_document(tally, document, gold)
    return tally


def score_document(tally: Tally, path: Path, gold: dict[str, Any]) -> None:
    name = gold.get("id", path.stem)
    source = path.read_bytes().decode(gold.get("encoding", "utf-8"))
    data = json.loads(speechparse.to_json(speechparse.parse_file(path)))
    tally.add("parsed", True, name)
    if "title" in gold:
        got = _text(data["title"])
        tally.add("title", same(got, gold["title"]), name, got, gold["title"])
    if "lead" in gold:
        got = _text(data["lead"])
        options = _alternatives(gold["lead"])
        ok = (
            None in options
            if got is None
            else any(o is not None and nows(got).startswith(nows(o)) for o in options)
        )
        tally.add("lead", ok, name, got, gold["lead"])
    if "document_reporters" in gold:
        got_names = _names(data["byline"])
        want = gold["document_reporters"]
        tally.add("document_reporters", got_names == want, name, got_names, want)
    speeches = data["speeches"]
    want_speeches = gold["speeches"]
    tally.add(
        "speech_count", len(speeches) == len(want_speeches), name, len(speeches), len(want_speeches)
    )
    for i, want in enumerate(want_speeches):
        _score_speech(tally, f"{name}#{i}", speeches[i] if i < len(speeches) else None, want)
    _score_invariants(tally, name, source, data)


def _score_speech(
    tally: Tally, where: str, got: dict[str, Any] | None, want: dict[str, Any]
) -> None:
    speech = got or {}
    speaker = speech.get("speaker") or {}
    if "headline" in want:
        headline = _text(speech.get("headline"))
        tally.add("headline", same(headline, want["headline"]), where, headline, want["headline"])
    raw = _text(speaker)
    tally.add("speaker_raw", same(raw, want["speaker_raw"]), where, raw, want["speaker_raw"])
    tally.add(
        "speaker_name",
        same(speaker.get("name"), want["name"]),
        where,
        speaker.get("name"),
        want["name"],
    )
    positions = [(p["organization"], p["title"]) for p in speaker.get("positions", [])]
    wanted = [(p["organization"], p["title"]) for p in want["positions"]]
    ok = len(positions) == len(wanted) and all(
        same(org, w_org) and same(title, w_title)
        for (org, title), (w_org, w_title) in zip(positions, wanted, strict=True)
    )
    tally.add("positions", ok, where, positions, wanted)
    paragraphs = [p["text"] for p in speech.get("paragraphs", [])]
    body = nows("".join(paragraphs))
    start, end = nows(want["body_start"]), nows(want["body_end"])
    tally.add("body_start", body.startswith(start), where, body[:10], want["body_start"])
    tally.add("body_end", body.endswith(end), where, body[-10:], want["body_end"])
    if "paragraphs" in want:
        count = len(paragraphs)
        tally.add("paragraph_count", count == want["paragraphs"], where, count, want["paragraphs"])
    byline = speech.get("byline")
    if "reporters" in want:
        names = _names(byline)
        tally.add("reporters", names == want["reporters"], where, names, want["reporters"])
    if want.get("reporter_role"):
        credits = byline["credits"] if isinstance(byline, dict) else []
        role = credits[0]["role"] if credits else None
        tally.add(
            "reporter_role", same(role, want["reporter_role"]), where, role, want["reporter_role"]
        )
    if "points" in want:
        markers = [p["marker"] for p in speech.get("points", [])]
        tally.add("points", markers == want["points"], where, markers, want["points"])


def _objects_with_offsets(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            yield node
        for value in node.values():
            yield from _objects_with_offsets(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects_with_offsets(value)


def _score_invariants(tally: Tally, name: str, source: str, data: dict[str, Any]) -> None:
    covered = bytearray(len(source))
    off: list[str] = []
    for obj in _objects_with_offsets(data):
        start, end = obj["start"], obj["end"]
        if not 0 <= start <= end <= len(source):
            off.append(f"[{start}:{end}] outside the source")
            continue
        text = obj.get("text")
        if isinstance(text, str) and nows(text) != nows(source[start:end]):
            off.append(f"{text[:20]!r} != source[{start}:{end}]")
        covered[start:end] = b"\x01" * (end - start)
    tally.add("grounding", not off, name, off[:3], "every span grounded")
    lost = [
        i for i, ch in enumerate(source) if unicodedata.category(ch)[0] in "LN" and not covered[i]
    ]
    first = source[max(0, lost[0] - 10) : lost[0] + 10] if lost else None
    tally.add("coverage", not lost, name, f"{len(lost)} uncovered near {first!r}", "0 uncovered")
