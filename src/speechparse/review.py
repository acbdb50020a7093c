"""The review page: one self-contained HTML file laying a report's extraction over its text.

Before an analyst trusts an extraction they want to see it on the text: which characters became
the headline, the name, a point, a byline, and what was set aside. The page shows the source
with every span-carrying part of the JSON highlighted by kind, a side list of speeches, people
and diagnostics, and on click the part's JSON path and values.

A *part* is (a) every JSON object with integer ``start`` and ``end`` (its path is the object's
path, e.g. ``$.speeches[2].points[0]``) and (b) every pair of integer ``X_start``/``X_end``
fields of an object (its path is the object's path plus ``.X``, e.g.
``$.speeches[2].speaker.name``). The parts are found by walking the JSON dump, so a span added
to the models later is highlighted without a change here (with the ``other`` look until it gets
a kind of its own).

Safety: every character from the report or the text is HTML-escaped; the JSON the script reads
sits in a ``application/json`` block with ``<``, ``>`` and ``&`` escaped, so ``</script>`` in a
report cannot end it; and a Content-Security-Policy allows only this page's own style and script
(by hash) and no network at all.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import orjson

from .errors import SpeechParseError
from .models import Report

__all__ = ["KINDS", "Part", "parts_of", "read_source", "to_html"]


@dataclass(frozen=True, slots=True)
class Part:
    """One highlighted part: its JSON path, kind and half-open span of the source."""

    path: str
    kind: str
    start: int
    end: int


KINDS: dict[str, str] = {
    "title": "title",
    "subtitle": "subtitle",
    "lead-label": "lead label",
    "lead": "lead",
    "title-part": "part of the title",
    "home": "home place",
    "headline": "headline",
    "marker": "marker",
    "speaker": "designation",
    "position": "position (unit + title)",
    "name": "name",
    "verb": "verb of saying",
    "paragraph": "paragraph",
    "point": "point",
    "figure": "figure",
    "sentence": "figure's sentence",
    "quote": "quoted term",
    "byline": "byline",
    "credit": "credit",
    "keyword": "keyword",
    "clutter": "set aside (page chrome)",
    "diag-info": "diagnostic: info",
    "diag-warning": "diagnostic: warning",
    "diag-error": "diagnostic: error",
    "other": "other",
}
"""Kind → label, in legend order."""

_HIDDEN_AT_FIRST = frozenset({"sentence"})
"""Kinds whose highlight starts switched off: a figure's sentence covers its whole paragraph."""

# (ending of the path with list indexes as [], kind); the first match wins.
_RULES: tuple[tuple[str, str], ...] = (
    ("$.title", "title"),
    ("$.subtitle", "subtitle"),
    ("$.lead_label", "lead-label"),
    ("$.lead", "lead"),
    ("$.home.evidence", "home"),
    (".occurrences[]", "keyword"),
    (".credits[]", "credit"),
    (".byline", "byline"),
    (".marker", "marker"),
    (".headline", "headline"),
    (".speaker.positions[]", "position"),
    (".speaker.name", "name"),
    (".speaker.verb", "verb"),
    (".speaker", "speaker"),
    (".paragraphs[]", "paragraph"),
    (".points[]", "point"),
    (".figures[].sentence", "sentence"),
    (".figures[]", "figure"),
    (".quoted_terms[]", "quote"),
)


def _kind(path: str, obj: Any) -> str:
    shape = _shape(path)
    if shape.startswith("$.title_parts."):
        return "title-part"
    if shape == "$.diagnostics[]" and isinstance(obj, Mapping):
        if obj.get("code") == "layout.page_chrome":
            return "clutter"
        severity = obj.get("severity")
        return f"diag-{severity}" if severity in ("info", "warning", "error") else "other"
    for ending, kind in _RULES:
        if shape == ending or (ending.startswith(".") and shape.endswith(ending)):
            return kind
    return "other"


def _shape(path: str) -> str:
    """``$.speeches[3].points[0]`` → ``$.speeches[].points[]``."""
    out: list[str] = []
    skipping = False
    for char in path:
        if char == "[":
            skipping = True
            out.append("[]")
        elif char == "]":
            skipping = False
        elif not skipping:
            out.append(char)
    return "".join(out)


def _is_offset(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parts_of(dump: Mapping[str, Any]) -> list[Part]:
    """Every part of a report's JSON dump, in JSON order (see the module docstring)."""
    found: list[Part] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, Mapping):
            if _is_offset(node.get("start")) and _is_offset(node.get("end")):
                found.append(Part(path, _kind(path, node), node["start"], node["end"]))
            for key, value in node.items():
                if key.endswith("_start") and _is_offset(value):
                    stem = key[: -len("_start")]
                    if _is_offset(node.get(f"{stem}_end")):
                        sub = f"{path}.{stem}"
                        found.append(Part(sub, _kind(sub, None), value, node[f"{stem}_end"]))
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}]")

    walk(dump, "$")
    return found


# --- the highlighted text ------------------------------------------------------------------------


def _reading_order(parts: list[Part]) -> list[int]:
    """Outer parts before the parts they contain: by start, longer first, then JSON order."""
    return sorted(range(len(parts)), key=lambda i: (parts[i].start, -parts[i].end, i))


def _escape_text(text: str) -> str:
    # A carriage return as a character reference survives the HTML parser's line-ending
    # normalisation, so the page's text is the source, character for character.
    return html.escape(text, quote=False).replace("\r", "&#13;")


def _highlighted(text: str, parts: list[Part], order: list[int]) -> str:
    """The text with nested ``<span>`` elements; a part crossing another is split in pieces.

    Every piece of part ``i`` carries ``data-i`` and ``data-path``; the first also ``id`` and
    ``tabindex`` so the script can focus it.
    """
    size = len(text)
    bounds = {0, size}
    for part in parts:
        bounds.update((min(max(part.start, 0), size), min(max(part.end, 0), size)))
    starting: dict[int, list[int]] = {}
    for i in order:
        starting.setdefault(min(max(parts[i].start, 0), size), []).append(i)
    opened: set[int] = set()
    stack: list[int] = []
    out: list[str] = []

    def open_tag(i: int) -> str:
        part = parts[i]
        attrs = f' data-i="{i}" data-path="{html.escape(part.path)}"'
        if i not in opened:
            opened.add(i)
            attrs += f' id="part-{i}" tabindex="-1"'
        return f'<span class="p k-{part.kind}"{attrs}>'

    previous = 0
    for position in sorted(bounds):
        out.append(_escape_text(text[previous:position]))
        previous = position
        if any(min(parts[i].end, size) <= position for i in stack):
            reopen: list[int] = []
            while any(min(parts[i].end, size) <= position for i in stack):
                top = stack.pop()
                out.append("</span>")
                if min(parts[top].end, size) > position:
                    reopen.append(top)
            for i in reversed(reopen):
                out.append(open_tag(i))
                stack.append(i)
        for i in starting.get(position, ()):
            out.append(open_tag(i))
            if min(parts[i].end, size) <= position:  # empty (or reversed) span: a bare marker
                out.append("</span>")
            else:
                stack.append(i)
    out.extend("</span>" for _ in stack)
    return "".join(out)


# --- the page ------------------------------------------------------------------------------------


@cache
def _asset(name: str) -> str:
    return resources.files("speechparse").joinpath("assets", name).read_text("utf-8")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _script_json(value: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` can end or open a tag."""
    raw = orjson.dumps(value).decode("utf-8")
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def to_html(report: Report, text: str) -> str:
    """A self-contained HTML page showing ``report``'s extraction laid over ``text``.

    ``text`` is the decoded source the report was parsed from (see :func:`read_source` for a
    file); a text whose SHA-256 differs from ``report.source.sha256`` is refused, since every
    offset would point at the wrong characters.
    """
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    if digest != report.source.sha256:
        raise SpeechParseError(
            f"the text is not the report's source (sha256 {digest[:12]}…, the report says "
            f"{report.source.sha256[:12]}…)"
        )
    dump = report.model_dump(mode="json")
    parts = parts_of(dump)
    order = _reading_order(parts)
    index = {part.path: i for i, part in enumerate(parts)}
    css, js = _asset("review.css"), _asset("review.js")
    policy = (
        f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(js)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    title = report.title.text if report.title is not None else "(no title)"
    payload = {
        "report": dump,
        "parts": [[p.path, p.kind, p.start, p.end] for p in parts],
        "order": order,
        "labels": KINDS,
    }
    counts: dict[str, int] = {}
    for part in parts:
        counts[part.kind] = counts.get(part.kind, 0) + 1
    source = report.source
    meta = (
        f"{len(report.speeches)} speeches · {len(report.diagnostics)} diagnostics · "
        f"{source.chars} characters · {source.encoding} · schema {report.schema_version} · "
        f"sha256 {source.sha256}"
    )
    return "".join(
        (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{_e(policy)}">\n',
            '<meta name="generator" content="speechparse">\n',
            f"<title>{_e(title)} · speechparse review</title>\n",
            f"<style>{css}</style>\n</head>\n<body>\n",
            '<a class="skip" href="#text">Skip to the text</a>\n',
            f'<header>\n<h1 lang="zh">{_e(title)}</h1>\n<p class="meta">{_e(meta)}</p>\n',
            "</header>\n",
            '<div class="layout">\n<nav id="side" aria-label="Speeches, people, diagnostics">\n',
            _speech_list(report, index),
            _people_list(report, index),
            _diagnostic_list(report, index),
            _legend(counts),
            "</nav>\n<main>\n",
            '<div id="text" class="source" lang="zh" tabindex="0" role="document" '
            'aria-label="Source text. Keys: n next part, p previous part, Escape clears.">',
            _highlighted(text, parts, order),
            "</div>\n</main>\n",
            '<aside id="detail" aria-live="polite" aria-label="Selected part">\n',
            "<h2>Selected part</h2>\n",
            '<p id="detail-hint" class="hint">Click a highlighted part, or press '
            "<kbd>n</kbd> / <kbd>p</kbd> to step through them.</p>\n",
            '<p id="detail-kind"></p>\n<code id="detail-path"></code>\n',
            '<pre id="detail-json"></pre>\n<div id="detail-chain"></div>\n',
            '<p class="nav-buttons"><button type="button" id="prev">◀ previous</button>',
            '<button type="button" id="next">next ▶</button></p>\n</aside>\n</div>\n',
            '<script type="application/json" id="speechparse-data">',
            _script_json(payload),
            "</script>\n",
            f"<script>{js}</script>\n</body>\n</html>\n",
        )
    )


def _go(index: Mapping[str, int], path: str) -> str:
    i = index.get(path)
    return "" if i is None else f' data-go="{i}"'


def _speech_list(report: Report, index: Mapping[str, int]) -> str:
    items = []
    for s, speech in enumerate(report.speeches):
        headline = f" — {speech.headline.text}" if speech.headline is not None else ""
        items.append(
            f'<li><button type="button"{_go(index, f"$.speeches[{s}].speaker")}>'
            f"{_e(speech.speaker.name)}{_e(headline)}</button></li>\n"
        )
    return (
        f'<details open><summary>Speeches <span class="count">({len(items)})</span></summary>\n'
        f'<ol id="speech-list" lang="zh">\n{"".join(items)}</ol>\n</details>\n'
    )


def _people_list(report: Report, index: Mapping[str, int]) -> str:
    people: dict[str, list[int]] = {}
    for s, speech in enumerate(report.speeches):
        people.setdefault(speech.speaker.name, []).append(s)
    items = []
    for name, speeches in people.items():
        links = " ".join(
            f'<button type="button"{_go(index, f"$.speeches[{s}].speaker.name")} '
            f'aria-label="{_e(name)}, speech {s + 1}">{s + 1}</button>'
            for s in speeches
        )
        label = f'<span lang="zh">{_e(name)}</span> <span class="count">speech</span>'
        items.append(f"<li>{label} {links}</li>\n")
    return (
        f'<details open><summary>People <span class="count">({len(items)})</span></summary>\n'
        f'<ul id="people-list">\n{"".join(items)}</ul>\n</details>\n'
    )


def _diagnostic_list(report: Report, index: Mapping[str, int]) -> str:
    items = [
        f'<li><button type="button"{_go(index, f"$.diagnostics[{d}]")}>'
        f"{_e(diag.severity)} {_e(diag.code)} ({diag.line}:{diag.column}): "
        f"{_e(diag.message)}</button></li>\n"
        for d, diag in enumerate(report.diagnostics)
    ]
    return (
        f"<details{' open' if items else ''}><summary>Diagnostics "
        f'<span class="count">({len(items)})</span></summary>\n'
        f'<ul id="diagnostic-list">\n{"".join(items)}</ul>\n</details>\n'
    )


def _legend(counts: Mapping[str, int]) -> str:
    rows = [
        f'<label><input type="checkbox" data-kind="{kind}"'
        f"{'' if kind in _HIDDEN_AT_FIRST else ' checked'}> "
        f'<span class="swatch k-{kind}">{_e(label)}</span> '
        f'<span class="count">{counts[kind]}</span></label>\n'
        for kind, label in KINDS.items()
        if counts.get(kind)
    ]
    return f'<fieldset id="legend"><legend>Highlight</legend>\n{"".join(rows)}</fieldset>\n'


def read_source(path: str | os.PathLike[str], report: Report) -> str:
    """The decoded text of the file ``report`` was parsed from, as the parser saw it.

    Decoded with the encoding the report records, leading BOM dropped; a file changed since it
    was parsed is refused.
    """
    if report.source.text is not None:
        return report.source.text  # an HTML page: the offsets index its extracted text
    data = Path(path).read_bytes()
    try:
        text = data.decode(report.source.encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise SpeechParseError(
            f"{path}: cannot decode as {report.source.encoding}: {exc}"
        ) from None
    text = text.removeprefix("\ufeff")
    if hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest() != report.source.sha256:
        raise SpeechParseError(f"{path}: the file changed since it was parsed")
    return text
