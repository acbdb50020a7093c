"""Shared by the review page tests: the parts a page must highlight, computed from the JSON on
their own (not with the library's walker), the pages' fixtures, and hostile inputs.

A part is every JSON object with integer ``start`` and ``end`` (path: the object's path) and
every pair of integer ``X_start``/``X_end`` fields of an object (path: the object's path + ``.X``).
"""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import orjson

import speechparse

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ba715635817add7f.txt"
CLUTTER = ROOT / "tests" / "fixtures" / "review_clutter.txt"

_INDEX = re.compile(r"\.([A-Za-z_]\w*)|\[(\d+)\]")


def dump_of(report: speechparse.Report) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(speechparse.to_json(report))
    return data


def expected_parts(dump: Any) -> dict[str, tuple[int, int]]:
    """JSON path → (start, end) of every part."""
    found: dict[str, tuple[int, int]] = {}

    def is_int(value: Any) -> bool:
        return type(value) is int

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            if is_int(node.get("start")) and is_int(node.get("end")):
                assert path not in found
                found[path] = (node["start"], node["end"])
            for key, value in node.items():
                stem = key.removesuffix("_start")
                if stem != key and is_int(value) and is_int(node.get(f"{stem}_end")):
                    assert f"{path}.{stem}" not in found
                    found[f"{path}.{stem}"] = (value, node[f"{stem}_end"])
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{path}[{index}]")

    walk(dump, "$")
    return found


def value_at(dump: Any, path: str) -> Any:
    """What the page should show for a part: the JSON object, or a pair's value and offsets."""
    node = dump
    steps = _INDEX.findall(path.removeprefix("$"))
    for key, index in steps[:-1]:
        node = node[key] if key else node[int(index)]
    key, index = steps[-1]
    pair = key and isinstance(node, dict) and f"{key}_start" in node and f"{key}_end" in node
    if pair and not isinstance(node.get(key), (dict, list)):
        return {"value": node.get(key), "start": node[f"{key}_start"], "end": node[f"{key}_end"]}
    return node[key] if key else node[int(index)]


def load(path: Path) -> tuple[speechparse.Report, str]:
    report = speechparse.parse_file(path)
    text = path.read_bytes().decode(report.source.encoding).removeprefix("\ufeff")
    return report, text


LONG_RUN = "长" * 2500 + "A" * 3000
PARSED_HOSTILE_TEXT = (
    "<script>window.__pwned = 1</script>某市<b>座谈会</b>发言摘要</title>\n\n"
    "【</script><script>window.__pwned = 2</script>】\n\n"
    '市科技局局长王建国：我们要<img src=x onerror="window.__pwned=3">推进“<style>*{display:none}'
    "</style>”工作。" + LONG_RUN + "。一是&lt;不&gt;变&amp;；二是<!-- 注释 -->继续。"
    ' 全媒体记者 李<a href="#x" onclick="window.__pwned=4">明</a>\n\n'
    '区教育局局长张华：<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>'
    "增长了百分之十二。\r\n记者 陈静\r\n"
)
"""A report whose text is full of markup, a ``</script>``, a CR LF and a 5,500-character line."""

HOSTILE = '</script><script>window.__pwned=6</script><img src=x onerror="window.__pwned=7">"\'&'


def built_hostile() -> tuple[speechparse.Report, str]:
    """A report built by hand with markup in every string the page shows (title, name,
    headline, byline, diagnostic message, keyword), spans included."""
    title = f"标题{HOSTILE}"
    name = f"王{HOSTILE}"
    body = f"正文{HOSTILE}\n" + LONG_RUN
    text = f"{title}\n{name}：{body}\n"
    t0, n0 = 0, len(title) + 1
    b0 = n0 + len(name) + 1
    span = {"text": title, "start": t0, "end": len(title)}
    speaker = {
        "text": name,
        "start": n0,
        "end": n0 + len(name),
        "name": name,
        "name_start": n0,
        "name_end": n0 + len(name),
        "positions": [],
        "form": "colon",
        "marker": None,
        "verb": None,
        "label": None,
        "place": None,
    }
    report = {
        "schema_version": speechparse.SCHEMA_VERSION,
        "source": {
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "chars": len(text),
            "encoding": "str",
            "kind": "text",
            "text": None,
            "url": None,
        },
        "title": span,
        "kicker": None,
        "subtitle": None,
        "lead_label": None,
        "lead": None,
        "byline": None,
        "title_parts": None,
        "home": None,
        "keywords": [
            {
                "word": HOSTILE,
                "weight": 1.0,
                "occurrences": [{"text": "标题", "start": 0, "end": 2}],
            }
        ],
        "speeches": [
            {
                "headline": {
                    "text": HOSTILE,
                    "start": 2,
                    "end": len(title),
                    "marker": None,
                    "brackets": None,
                },
                "speaker": speaker,
                "paragraphs": [{"text": body, "start": b0, "end": b0 + len(body)}],
                "points": [],
                "byline": None,
                "keywords": [],
                "figures": [],
                "quoted_terms": [],
                "person": None,
            }
        ],
        "people": [],
        "guest_list": None,
        "questions": [],
        "sections": [],
        "diagnostics": [
            {
                "code": "layout.unclassified",
                "message": HOSTILE,
                "severity": "warning",
                "start": b0,
                "end": b0 + 6,
                "line": 2,
                "column": 1,
            }
        ],
    }
    return speechparse.validate(report), text


class PageParser(HTMLParser):
    """Collects what the static tests look at: tags, attributes, the text of ``#text`` and the
    text inside each part (every piece of a part adds its characters to that part)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_bodies: list[str] = []
        self.style_bodies: list[str] = []
        self.source = ""
        self.part_text: dict[str, str] = {}
        self._in_text = 0
        self._open: list[str | None] = []
        self._raw: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag in ("script", "style"):
            self._raw = tag
        if self._in_text:
            self._in_text += 1
            self._open.append(attributes.get("data-path"))
            path = attributes.get("data-path")
            if path is not None:
                self.part_text.setdefault(path, "")
        elif attributes.get("id") == "text":
            self._in_text = 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._raw = None
        if self._in_text:
            self._in_text -= 1
            if self._open and self._in_text:
                self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._raw == "script":
            self.script_bodies.append(data)
        elif self._raw == "style":
            self.style_bodies.append(data)
        if self._in_text:
            self.source += data
            for path in set(self._open):
                if path is not None:
                    self.part_text[path] += data


def parse_page(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser
