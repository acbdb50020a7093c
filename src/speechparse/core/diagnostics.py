"""Every diagnostic the parser can emit, in one table: its code, severity and meaning.

Codes are a public contract (users filter on them), so they live here once: modules name a
code by its enum member, the model's ``code`` field is this enum, and README's table is checked
against this one by a test.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Severity = Literal["info", "warning", "error"]


class Code(StrEnum):
    """Stable diagnostic codes, ``area.what``."""

    REPORT_EMPTY = "report.empty"
    REPORT_NO_SPEECHES = "report.no_speeches"
    PAGE_CHROME = "layout.page_chrome"
    BEFORE_TITLE = "layout.before_title"
    UNCLASSIFIED = "layout.unclassified"
    TRAILING_TEXT = "layout.trailing_text"
    UNCERTAIN_HEADLINE = "layout.uncertain_headline"
    UNKNOWN_SURNAME = "speaker.unknown_surname"
    UNIT_WITHOUT_TITLE = "speaker.unit_without_title"
    UNKNOWN_TITLE = "speaker.unknown_title"
    BYLINE_UNKNOWN_SURNAME = "byline.unknown_surname"
    BYLINE_SPLIT_NAMES = "byline.split_names"
    BYLINE_CLOSING = "byline.closing"
    ORG_UNRESOLVED = "org.unresolved"
    SPEAKER_LAYOUT_ONLY = "speaker.layout_only"
    SHARED_ATTRIBUTION = "speaker.shared_attribution"


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """What a code means and how much it should worry a reader."""

    severity: Severity
    meaning: str


REGISTRY: dict[Code, CodeInfo] = {
    Code.REPORT_EMPTY: CodeInfo("error", "the input holds no text"),
    Code.REPORT_NO_SPEECHES: CodeInfo(
        "error",
        "no speaker was found: not a meeting report; the span covers the whole text",
    ),
    Code.PAGE_CHROME: CodeInfo(
        "info",
        "a page header or footer, edition line, running head, jump line, navigation, share "
        "widget, markup, footer, photo credit or editors' credit line, set aside",
    ),
    Code.BEFORE_TITLE: CodeInfo(
        "warning", "a line above the report's title (e-paper pages list other headlines first)"
    ),
    Code.UNCLASSIFIED: CodeInfo(
        "warning", "a block the parser could not place (e.g. a headline with no speech under it)"
    ),
    Code.TRAILING_TEXT: CodeInfo(
        "warning", "text after a speech's own-line byline that belongs to no speech"
    ),
    Code.UNCERTAIN_HEADLINE: CodeInfo(
        "warning", "a sentence-like line taken as a headline only because a designation follows it"
    ),
    Code.UNKNOWN_SURNAME: CodeInfo(
        "warning",
        "the speaker's name does not start with a known surname; the name boundary rests on "
        "the title alone",
    ),
    Code.UNIT_WITHOUT_TITLE: CodeInfo(
        "warning", "a part of the designation names a unit but no job title"
    ),
    Code.UNKNOWN_TITLE: CodeInfo(
        "info",
        "the job title is not in the lexicon; the title grammar read it (a grammar head such as "
        "师 or 长 after the last unit word) and the layout vouches for it",
    ),
    Code.BYLINE_UNKNOWN_SURNAME: CodeInfo(
        "warning", "a credited name does not start with a known surname"
    ),
    Code.BYLINE_SPLIT_NAMES: CodeInfo(
        "warning", "names written with no separator were split where surnames agree"
    ),
    Code.BYLINE_CLOSING: CodeInfo(
        "info",
        "a closing byline for the whole report when the report already has one at the top",
    ),
    Code.ORG_UNRESOLVED: CodeInfo(
        "info", "an abbreviated unit could not be resolved against the report's home place"
    ),
    Code.SPEAKER_LAYOUT_ONLY: CodeInfo(
        "warning",
        "a speaker found from the layout alone: a name line under a headline with no place "
        "(or a word not ending like a place) before the name, in a column of such pieces",
    ),
    Code.SHARED_ATTRIBUTION: CodeInfo(
        "info",
        "one sentence credits several people with the same words (`甲、乙等委员在发言中…`): "
        "each gets a speech over the same paragraph",
    ),
}


def severity_of(code: Code) -> Severity:
    """The registered severity, so no call site picks its own."""
    return REGISTRY[code].severity
