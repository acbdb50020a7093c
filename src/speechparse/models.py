"""The report model: the one definition of speechparse's JSON contract.

Every value that comes from the source carries its span: ``start``/``end`` are half-open
``str`` offsets into the decoded document (BOM dropped, line endings as in the file), and
``text`` is ``source[start:end]`` with layout line breaks and indentation taken out. The JSON
Schema in ``schemas/`` is generated from these classes, so a field documented here is a field
documented there.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0.0"

Offset = Annotated[int, Field(ge=0, description="Half-open str offset into the decoded source.")]
Severity = Literal["info", "warning", "error"]


class _Model(BaseModel):
    """Shared base: unknown keys are errors, so a typo in a consumer's JSON never passes."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Model):
    """A piece of the source: its text (layout whitespace removed) and where it stands."""

    text: str = Field(
        description="The source slice with layout line breaks and indentation removed."
    )
    start: Offset
    end: Offset


class Headline(Span):
    """A speech's short headline, without its marker."""

    marker: Span | None = Field(
        default=None,
        description="The enumerating or decorative marker before it (■, （一）, 一、), if any.",
    )
    brackets: str | None = Field(
        default=None, description="The bracket pair the headline was written in, e.g. 【】, if any."
    )


class Position(_Model):
    """One position a speaker holds: the job title and the unit it belongs to."""

    organization: str | None = Field(
        description="The unit as written before the title, or inherited from the previous "
        "position; "
        "null when the designation names none."
    )
    title: str = Field(
        description="The job title ending this part of the designation (局长, 党委常委)."
    )
    inherited: bool = Field(
        default=False,
        description="True when the organization was not written in this part but carried over.",
    )
    text: str = Field(description="This part of the designation as written.")
    start: Offset
    end: Offset


class Speaker(Span):
    """The designation introducing a speech: unit, job titles and name."""

    name: str = Field(description="The speaker's name, padding spaces removed.")
    name_start: Offset = Field(description="Where the name starts in the source.")
    name_end: Offset = Field(description="Where the name ends in the source.")
    positions: list[Position] = Field(description="The positions, in the order written.")
    form: Literal["colon", "line", "name_first"] = Field(
        description="How the designation was written: `单位职务姓名：` before the speech "
        "(colon), alone "
        "on its own line (line), or `姓名（单位职务）：` (name_first)."
    )
    marker: Span | None = Field(
        default=None, description="A marker written before the designation (■)."
    )


class Credit(_Model):
    """One person credited in a byline."""

    role: str | None = Field(
        description="The role word before the name (全媒体记者, 通讯员, 整理), if any."
    )
    name: str = Field(description="The credited name, padding spaces removed.")
    start: Offset = Field(description="Where the name starts in the source.")
    end: Offset = Field(description="Where the name ends in the source.")


class Byline(Span):
    """A reporter byline, for one speech or for the whole document."""

    credits: list[Credit] = Field(description="The people credited, in the order written.")
    form: Literal["trailing", "line", "parenthesized", "dateline"] = Field(
        description="Where it stood: after the last sentence (trailing), on its own line "
        "(line), in "
        "brackets after the text (parenthesized), or in a `本报讯（记者 …）` dateline (dateline)."
    )


class Point(_Model):
    """One enumerated point of a speech (一是 …, 第二 …, 其次 …)."""

    marker: str = Field(description="The ordinal marker as written (一是, 第二, 其次).")
    marker_start: Offset
    marker_end: Offset
    text: str = Field(
        description="The point's text after the marker, up to the next marker or paragraph end."
    )
    start: Offset
    end: Offset


class Speech(_Model):
    """One speaker's excerpt."""

    headline: Headline | None = Field(
        description="The short headline above (or below) the designation."
    )
    speaker: Speaker
    paragraphs: list[Span] = Field(
        description="The speech's logical paragraphs, layout damage undone."
    )
    points: list[Point] = Field(description="Enumerated points, in order.")
    byline: Byline | None = Field(description="The reporter byline of this speech, if any.")


class Diagnostic(_Model):
    """Something the parser noticed: a line it set aside, or a decision resting on a weak rule."""

    code: str = Field(
        description="A stable, dotted code (see the README), e.g. `layout.page_chrome`."
    )
    message: str = Field(description="A human-readable explanation.")
    severity: Severity
    start: Offset
    end: Offset
    line: int = Field(ge=1, description="1-based line of `start`.")
    column: int = Field(ge=1, description="1-based column of `start`.")


class Source(_Model):
    """Facts about the input, so a result can be matched to its file."""

    sha256: str = Field(description="SHA-256 of the decoded text encoded as UTF-8.")
    chars: int = Field(ge=0, description="Length of the decoded text in characters.")
    encoding: str = Field(
        description="The encoding the text was decoded from (`str` for text input)."
    )


class Report(_Model):
    """A parsed meeting report."""

    schema_version: Annotated[Literal["1.0.0"], Field(description="Version of this schema.")] = "1.0.0"
    source: Source
    title: Span | None = Field(description="The report's title.")
    subtitle: Span | None = Field(default=None, description="A `——` subtitle line under the title.")
    lead_label: Span | None = Field(default=None, description="The label of the lead, e.g. 编者按.")
    lead: Span | None = Field(
        description="The lead paragraph(s) or editor's note before the speeches."
    )
    byline: Byline | None = Field(description="A byline for the whole document (top or bottom).")
    speeches: list[Speech]
    diagnostics: list[Diagnostic]
