"""The review page in a real browser: headless Chromium (Debian's package) driven by playwright
through ``executable_path``.

Skipped only where no browser can be had; under CI (``CI`` set) a missing browser fails, since
`.ci/run` installs one. Screenshots go to ``$SPEECHPARSE_ARTIFACTS`` (default
``build/test-artifacts``, not committed).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

import speechparse
from review_support import (
    CLUTTER,
    PARSED_HOSTILE_TEXT,
    ROOT,
    SEED,
    built_hostile,
    dump_of,
    expected_parts,
    load,
    value_at,
)

ARTIFACTS = Path(os.environ.get("SPEECHPARSE_ARTIFACTS", ROOT / "build" / "test-artifacts"))


def _no_browser(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must have a browser (.ci/run installs chromium)")
    pytest.skip(reason)


def _chromium() -> str | None:
    for candidate in (
        os.environ.get("SPEECHPARSE_CHROMIUM"),
        "/usr/lib/chromium/chromium",  # Debian's binary, without the launcher script's checks
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
    ):
        if candidate and os.path.isfile(candidate):
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("playwright is not installed")
    executable = _chromium()
    if executable is None:
        _no_browser("no chromium binary found")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, headless=True)
        try:
            yield instance
        finally:
            instance.close()


class Page:
    """A review page opened from a file, recording console errors, page errors, dialogs and
    every request it makes."""

    def __init__(self, browser: Any, path: Path, *, width: int = 1280, height: int = 900):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on(
            "console",
            lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None,
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def on_dialog(dialog: Any) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        self.page.on("dialog", on_dialog)
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)

    def js(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)

    def close(self) -> None:
        self.context.close()


def _write_page(tmp_path: Path, name: str, report: speechparse.Report, text: str) -> Path:
    path = tmp_path / f"{name}.html"
    path.write_text(speechparse.to_html(report, text), "utf-8")
    return path


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    page.page.screenshot(path=str(target), full_page=False)
    assert target.stat().st_size > 10_000


# Text of each part as the browser shows it: every piece of a part, in document order.
PART_TEXT = """() => {
  const out = {};
  for (const el of document.querySelectorAll('#text [data-path]')) {
    out[el.dataset.path] = (out[el.dataset.path] || '') + el.textContent;
  }
  return out;
}"""

# One clickable piece per kind: a piece holding no other part, with a visible box.
LEAVES = """() => {
  const seen = new Set(); const out = [];
  for (const el of document.querySelectorAll('#text [data-path]')) {
    const kind = [...el.classList].find(c => c.startsWith('k-'));
    const box = el.getBoundingClientRect();
    if (seen.has(kind) || el.querySelector('[data-path]') || box.width < 4) continue;
    seen.add(kind); out.push(el.dataset.path);
  }
  return out;
}"""


def _check_page(page: Page, report: speechparse.Report, text: str) -> None:
    dump = dump_of(report)
    parts = expected_parts(dump)
    # every speech in the side list, in order, and every person
    listed = page.js(
        "() => [...document.querySelectorAll('#speech-list li')].map(e => e.textContent)"
    )
    assert len(listed) == len(report.speeches)
    for item, speech in zip(listed, report.speeches, strict=True):
        assert item.startswith(speech.speaker.name)
    people = page.js("() => document.querySelectorAll('#people-list li').length")
    assert people == len({s.speaker.name for s in report.speeches})
    # as many highlighted parts as parts in the JSON, each holding exactly its characters
    shown = page.js(PART_TEXT)
    assert len(shown) == len(parts)
    assert shown == {path: text[start:end] for path, (start, end) in parts.items()}
    assert page.js("() => document.getElementById('text').textContent") == text
    # a click shows the part's JSON path and values
    leaves = page.js(LEAVES)
    assert len(leaves) >= 3
    for path in leaves:
        page.page.locator(f'#text [data-path="{path}"]').first.click()
        assert page.page.inner_text("#detail-path") == path
        assert orjson.loads(page.page.inner_text("#detail-json")) == value_at(dump, path)
    # nothing went wrong and nothing was fetched
    assert page.errors == []
    assert page.dialogs == []
    assert page.requests == [page.url]


@pytest.mark.parametrize("name", ["seed", "clutter"])
def test_review_page_in_chromium(browser: Any, tmp_path: Path, name: str) -> None:
    report, text = load(SEED if name == "seed" else CLUTTER)
    page = Page(browser, _write_page(tmp_path, name, report, text))
    try:
        _check_page(page, report, text)
        if name == "clutter":
            chrome = [d for d in report.diagnostics if d.code == "layout.page_chrome"]
            assert chrome and page.js(
                "() => document.querySelectorAll('#text .k-clutter[id]').length"
            ) == len(chrome)
            assert page.js(
                "() => document.querySelectorAll('#text .k-diag-warning[id]').length"
            ) == sum(d.severity == "warning" for d in report.diagnostics)
            last = len(report.diagnostics) - 1
            page.page.locator("#diagnostic-list button").last.click()
            assert page.page.inner_text("#detail-path") == f"$.diagnostics[{last}]"
        page.page.locator("#speech-list button").nth(1).click()
        assert page.page.inner_text("#detail-path") == "$.speeches[1].speaker"
        _shot(page, f"review-{name}")
    finally:
        page.close()


def test_keyboard_navigation(browser: Any, tmp_path: Path) -> None:
    report, text = load(CLUTTER)
    page = Page(browser, _write_page(tmp_path, "keys", report, text))
    try:
        p = page.page
        for _ in range(12):  # Tab reaches the speech list
            p.keyboard.press("Tab")
            if p.evaluate("() => !!document.activeElement.closest('#speech-list')"):
                break
        else:
            pytest.fail("Tab never reached the speech list")
        p.keyboard.press("Enter")
        assert p.inner_text("#detail-path") == "$.speeches[0].speaker"
        focused = "() => document.activeElement.dataset.path"
        assert p.evaluate(focused) == "$.speeches[0].speaker"  # focus moved to the part
        starts = [parts_start(report, "$.speeches[0].speaker")]
        for _ in range(5):  # n steps forward through the parts in reading order
            p.keyboard.press("n")
            path = p.inner_text("#detail-path")
            assert p.evaluate(focused) == path
            starts.append(parts_start(report, path))
        assert starts == sorted(starts)
        p.keyboard.press("p")
        p.keyboard.press("p")
        assert parts_start(report, p.inner_text("#detail-path")) == starts[3]
        p.keyboard.press("Escape")
        assert p.inner_text("#detail-path") == ""
        assert p.evaluate("() => document.activeElement.id") == "text"
        assert page.errors == []
    finally:
        page.close()


def parts_start(report: speechparse.Report, path: str) -> int:
    return expected_parts(dump_of(report))[path][0]


def test_phone_and_print_layouts(browser: Any, tmp_path: Path) -> None:
    report, text = load(SEED)
    page = Page(browser, _write_page(tmp_path, "phone", report, text), width=390, height=844)
    try:
        p = page.page
        assert p.evaluate("() => document.documentElement.scrollWidth") <= 390  # no sideways scroll
        assert p.is_visible("#speech-list") and p.is_visible("#text")
        _shot(page, "review-seed-phone")
        p.emulate_media(media="print")
        assert not p.is_visible("#side") and not p.is_visible("#detail")
        assert p.is_visible("#text")
        _shot(page, "review-seed-print")
        assert page.errors == []
    finally:
        page.close()


@pytest.mark.parametrize("name", ["parsed-hostile", "built-hostile"])
def test_hostile_report_renders_as_text_and_runs_nothing(
    browser: Any, tmp_path: Path, name: str
) -> None:
    if name == "parsed-hostile":
        report, text = speechparse.parse(PARSED_HOSTILE_TEXT), PARSED_HOSTILE_TEXT
    else:
        report, text = built_hostile()
    page = Page(browser, _write_page(tmp_path, name, report, text), width=390, height=844)
    try:
        p = page.page
        assert p.evaluate("() => window.__pwned") is None
        assert p.evaluate("() => document.scripts.length") == 2
        assert (
            p.evaluate("() => document.querySelectorAll('img, iframe, a[onclick], b').length") == 0
        )
        assert p.evaluate("() => document.getElementById('text').textContent") == text
        if report.title is not None:
            assert p.inner_text("h1") == report.title.text
            assert p.title().startswith(report.title.text)
        assert p.evaluate("() => document.documentElement.scrollWidth") <= 390  # long lines wrap
        _check_page(page, report, text)
        assert p.evaluate("() => window.__pwned") is None
        _shot(page, f"review-{name}")
    finally:
        page.close()
