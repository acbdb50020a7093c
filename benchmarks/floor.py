"""The floor: the least work any parser of this genre must do, to measure speechparse against.

A parser cannot do less than fold the text, look at each line once, hash the input and build
one validated model tree of what it found. This does exactly that, with the real fold, the
real models and one regular expression per line kind; it finds designation lines, paragraphs
and bylines only by their shape, so its output is not a correct report, only a report-shaped
tree of the same size. ``parse`` is measured against it in ``run.py`` (same run, interleaved).
"""

from __future__ import annotations

import hashlib

import regex

from speechparse.decoding.fold import fold
from speechparse.models import SCHEMA_VERSION, Report

_LINE = regex.compile(r"[^\n]+")
_DESIGNATION = regex.compile(r"(\p{Han}{2,30}?)(\p{Han}{2,3})：")
_BYLINE = regex.compile(r"(?:全媒体|本报)?记者 ?(\p{Han}{2,3})$")


def _span(text: str, start: int, end: int) -> dict[str, object]:
    return {"text": text[start:end], "start": start, "end": end}


def floor(text: str) -> Report:
    """Fold, classify each line once, hash, build one validated model tree."""
    folded = fold(text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    speeches: list[dict[str, object]] = []
    for line in _LINE.finditer(folded):
        start, end = line.span()
        designation = _DESIGNATION.match(folded, start, min(end, start + 40))
        if designation is not None:
            name_start, name_end = designation.span(2)
            speaker = {
                **_span(text, start, designation.end()),
                "name": text[name_start:name_end],
                "name_start": name_start,
                "name_end": name_end,
                "positions": [
                    {
                        "organization": None,
                        "title": text[start:name_start],
                        "inherited": False,
                        "organization_full": None,
                        "level": None,
                        **_span(text, start, name_start),
                    }
                ],
                "form": "colon",
                "marker": None,
                "verb": None,
                "label": None,
                "place": None,
            }
            speeches.append(
                {
                    "headline": None,
                    "speaker": speaker,
                    "paragraphs": [],
                    "points": [],
                    "byline": None,
                    "keywords": [],
                    "figures": [],
                    "quoted_terms": [],
                    "person": None,
                }
            )
            start = designation.end()
        if not speeches:
            continue
        speech = speeches[-1]
        byline = _BYLINE.search(folded, start, end)
        if byline is not None:
            speech["byline"] = {
                **_span(text, byline.start(), end),
                "credits": [
                    {"role": None, "name": byline.group(1), "start": byline.start(1), "end": end}
                ],
                "form": "trailing",
            }
            end = byline.start()
        paragraphs = speech["paragraphs"]
        assert isinstance(paragraphs, list)
        paragraphs.append(_span(text, start, end))
    return Report.model_validate(
        {
            "schema_version": SCHEMA_VERSION,
            "source": {
                "sha256": digest,
                "chars": len(text),
                "encoding": "utf-8",
                "kind": "text",
                "text": None,
                "url": None,
            },
            **dict.fromkeys(("title", "kicker", "subtitle", "lead_label", "lead", "byline")),
            "title_parts": None,
            "home": None,
            "keywords": [],
            "speeches": speeches,
            "people": [],
            "guest_list": None,
            "questions": [],
            "sections": [],
            "diagnostics": [],
        }
    )
