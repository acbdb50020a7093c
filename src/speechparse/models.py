"""The report model: the one definition of speechparse's JSON contract.

Every value that comes from the source carries its span: ``start``/``end`` are half-open
``str`` offsets into the decoded document (BOM dropped, line endings as in the file), and
``text`` is ``source[start:end]`` with layout line breaks and indentation taken out. The JSON
Schema in ``schemas/`` is generated from these classes, so a field documented here is a field
documented there.

Every field is written on every object (null where it may be null), so every field is required:
no defaults here, which also makes each constructor call name every field (the pydantic mypy
plugin checks them). Closed sets of values are ``Literal`` types, enums in the schema.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from speechparse.core.diagnostics import REGISTRY, Code, Severity

SchemaVersion = Literal["2.0.0"]
SCHEMA_VERSION: Final[SchemaVersion] = "2.0.0"
"""Semantic version of the JSON contract: a major bump when a valid document may stop
validating or a field changes meaning, a minor one when fields are added."""

Offset = Annotated[int, Field(ge=0, description="Half-open str offset into the decoded source.")]

SpeakerForm = Literal[
    "colon",
    "line",
    "name_first",
    "reported",
    "quote_first",
    "dash",
    "dash_ended",
    "glued",
    "dialogue",
    "label",
    "name_line",
    "author_note",
]
"""How a speaker was introduced (see ``Speaker.form``); one list for the model and the builder."""
BylineForm = Literal["trailing", "line", "parenthesized", "dateline"]
Brackets = Literal["【】"]
SourceKind = Literal["text", "html"]
FigureKind = Literal["amount", "count", "percent", "duration", "ratio", "other"]
Bound = Literal["lower", "upper", "range"]
HomeLevel = Literal["municipal", "county", "district", "provincial"]
OrgLevel = Literal[
    "municipal",
    "county",
    "district",
    "township",
    "village",
    "provincial",
    "national",
    "university",
    "enterprise",
    "legislature",
    "cppcc",
    "party",
    "hospital",
    "association",
    "unknown",
]


def _codes_described() -> str:
    rows = "; ".join(
        f"`{code.value}` ({info.severity}): {info.meaning}" for code, info in REGISTRY.items()
    )
    return f"A stable, dotted code: {rows}."


class _Model(BaseModel):
    """Shared base: unknown keys are errors, so a typo in a consumer's JSON never passes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Every field is required, so every instance's set of fields set is the class's whole
    # field list. Pydantic gives each instance its own copy of that set, which is 40% of a
    # report's memory; the instances of a class share one instead. The models are frozen, so
    # nothing mutates it (``model_copy`` copies it before an update).
    _all_fields: ClassVar[set[str]] = set()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._all_fields = set(cls.model_fields)

    def model_post_init(self, context: Any, /) -> None:
        object.__setattr__(self, "__pydantic_fields_set__", self._all_fields)


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
        description="The enumerating or decorative marker before it (■, （一）, 一、), or null.",
    )
    brackets: Brackets | None = Field(
        description="The bracket pair the headline was written in (【】), or null."
    )


class Position(_Model):
    """One position a speaker holds: the job title and the unit it belongs to."""

    organization: str | None = Field(
        description="The unit as written before the title, or inherited from the previous "
        "position; null when the designation names none."
    )
    title: str = Field(
        description="The job title ending this part of the designation (局长, 党委常委)."
    )
    inherited: bool = Field(
        description="True when the organization was not written in this part but carried over.",
    )
    organization_full: str | None = Field(
        description="The organization completed against the report's home place "
        "(市委组织部 → 安庆市委组织部), or as written when it already names its place; null "
        "when there is no organization or the place it belongs to is not stated."
    )
    level: OrgLevel | None = Field(
        description="What kind of body the organization is: an administrative level "
        "(municipal, county, district, township, village, provincial, national) or a kind of "
        "body (university, enterprise, legislature, cppcc, party, hospital, association); "
        "unknown when its name does not say; null when there is no organization."
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
    form: SpeakerForm = Field(
        description="How the designation was written: `单位职务姓名：` before the speech "
        "(colon), alone on its own line (line), name first as `姓名（单位职务）：` or "
        "`姓名委员（单位职务）说，` (name_first), as reported speech `单位职务姓名说，` "
        "(reported), after the quotation it introduces `“……”，单位职务姓名说。` (quote_first; "
        "the speech then starts at the quotation), or after the speech it closes, behind a "
        "dash `……。——姓名代表（单位职务）` (dash); `单位职务姓名——` ended by a dash "
        "(dash_ended); `单位职务姓名：` glued to the end of the previous paragraph (glued); a "
        "dialogue turn `姓名：` by a guest of the guest list, positions taken from the list "
        "(dialogue); after a speaker label `讲述人：` (label); a `地名  姓名` or bare name line "
        "under a headline (name_line); a closing note "
        "`（作者为单位职务姓名，本报记者某某采访整理）` naming the author of a signed piece, "
        "which is all one speech (author_note)."
    )
    marker: Span | None = Field(
        description="A marker written before the designation (■, 1.), or null."
    )
    verb: Span | None = Field(
        description="A verb of saying between the designation and the speech (说, "
        "在发言中表示), or null.",
    )
    label: Span | None = Field(
        description="A speaker label written before the designation (讲述人, 主讲人, 嘉宾).",
    )
    place: Span | None = Field(
        description="The place written before the name on a name line (`河南省某市  姓名`); "
        "a place, not a position.",
    )


class Credit(_Model):
    """One person credited in a byline."""

    role: str | None = Field(
        description="The role word before the name (全媒体记者, 通讯员, 整理), or null."
    )
    name: str = Field(description="The credited name, padding spaces removed.")
    start: Offset = Field(description="Where the name starts in the source.")
    end: Offset = Field(description="Where the name ends in the source.")


class Byline(Span):
    """A reporter byline, for one speech or for the whole document."""

    credits: list[Credit] = Field(description="The people credited, in the order written.")
    form: BylineForm = Field(
        description="Where it stood: after the last sentence (trailing), on its own line "
        "(line), in brackets after the text (parenthesized), or in a `本报讯（记者 …）` "
        "dateline (dateline)."
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


class Keyword(_Model):
    """A term that characterises a speech or the report, with where it occurs."""

    word: str = Field(description="The term as segmented (jieba, private dictionary).")
    weight: float = Field(description="TF-IDF weight; larger is more characteristic.")
    occurrences: list[Span] = Field(
        description="Every place the term occurs in the text it was drawn from."
    )


class Figure(_Model):
    """A number with its unit: an amount, a head-count, a percentage, a duration."""

    text: str = Field(description="The figure as written, e.g. 30多亿, 6.93万人.")
    start: Offset
    end: Offset
    value: float = Field(
        description="The numeric value with magnitude applied (385亿 → 38500000000); the low "
        "end of a range."
    )
    unit: str | None = Field(description="The unit or currency (元, 人, 个, %), or null.")
    inferred_unit: bool = Field(
        description="True when the unit came from the sentence, not the figure."
    )
    approximate: bool = Field(description="True for 多, 余, 近, 约, 左右 ….")
    bound: Bound | None = Field(
        description="lower (多, 余, 以上: at least the value), upper (近, 不到: at most), range "
        "(5至8家: value is the low end) or null (exact)."
    )
    kind: FigureKind = Field(
        description="amount (money), count, percent, duration, ratio (成, 倍) or other "
        "(measurements, bare numbers)."
    )
    sentence: Span = Field(description="The sentence the figure belongs to.")


class TitleParts(_Model):
    """What a report's title says about the meeting; absent parts are null, never guessed."""

    genre: Span | None = Field(description="The genre label, e.g. 讨论发言摘要, 发言摘登.")
    topic: Span | None = Field(description="The subject discussed, e.g. 科技创新改革工作.")
    delegation: Span | None = Field(description="A travelling body, e.g. 市党政考察团.")
    destination: Span | None = Field(description="Where the delegation went, e.g. 山西太原.")
    meeting: Span | None = Field(
        description="The meeting named in the title, e.g. 优化营商环境专题协商会."
    )


class HomePlace(_Model):
    """The place the report is about, against which abbreviated units (市委, 县委) resolve."""

    name: str = Field(description="The place name with its level suffix, e.g. 安庆市.")
    level: HomeLevel = Field(description="municipal, county, district or provincial.")
    evidence: Span = Field(description="Where it is first named.")
    reason: str = Field(description="How it was inferred.")


class Speech(_Model):
    """One speaker's excerpt."""

    headline: Headline | None = Field(
        description="The short headline above (or below) the designation, or null."
    )
    speaker: Speaker = Field(description="Who spoke, in which positions.")
    paragraphs: list[Span] = Field(
        description="The speech's logical paragraphs, layout damage undone."
    )
    points: list[Point] = Field(description="Enumerated points, in order.")
    byline: Byline | None = Field(description="The reporter byline of this speech, or null.")
    keywords: list[Keyword] = Field(
        description="Characteristic terms (empty when keywords are off)."
    )
    figures: list[Figure] = Field(description="Numbers with units, in order.")
    quoted_terms: list[Span] = Field(
        description="Phrases in quotation marks (slogans), without the marks."
    )
    person: str | None = Field(
        description="The id of the speaker in `people` (p1, p2 … in order of first "
        "appearance); several speeches by one person share it.",
    )


class Person(_Model):
    """Someone who speaks in the report, listed once however often they speak."""

    id: str = Field(description="Stable id within the report: p1, p2 … in order of first speech.")
    name: str = Field(description="The name, padding spaces removed.")
    positions: list[Position] = Field(
        description="Every distinct position found for the person (organization and title), "
        "each with the span where it was first written."
    )
    mentions: list[Span] = Field(
        description="Every place the person is named as a speaker or a guest, in order."
    )
    speeches: list[int] = Field(description="Indexes into `speeches` of the person's speeches.")


class Guest(_Model):
    """One line of a dialogue's guest list."""

    name: Span = Field(description="The guest's name as written (padding removed in `text`).")
    positions: list[Position] = Field(description="The positions written after the name.")
    person: str | None = Field(
        description="The id in `people` when the guest speaks; null for a silent guest."
    )


class GuestList(Span):
    """The guest list opening a dialogue (`对话嘉宾：` and one line per guest)."""

    label: Span = Field(description="The label, e.g. 对话嘉宾, 访谈嘉宾.")
    guests: list[Guest] = Field(description="The guests, in the order listed.")


class Question(Span):
    """An interviewer's turn in a dialogue (`记者：…`): a question, not a speech."""

    asker: Span = Field(description="The label of who asks (记者, 主持人).")
    paragraphs: list[Span] = Field(description="The question's paragraphs.")
    section: int | None = Field(
        description="Index into `sections` of the section it stands in, if any."
    )
    before_speech: int | None = Field(
        description="Index into `speeches` of the first turn after it (the answer), if any."
    )


class Section(_Model):
    """A section head between a dialogue's turns and the text under it before any turn."""

    heading: Span = Field(
        description="The section head; it is also the headline of the section's first speech."
    )
    paragraphs: list[Span] = Field(
        description="Text under the head that belongs to no turn or question (a scene)."
    )
    first_speech: int | None = Field(
        description="Index into `speeches` of the first speech in the section, if any."
    )


class Diagnostic(_Model):
    """Something the parser noticed: a line it set aside, or a decision resting on a weak rule."""

    code: Code = Field(description=_codes_described())
    message: str = Field(description="A human-readable explanation.")
    severity: Severity = Field(
        description="info (set aside as expected), warning (a weak rule), error; always the "
        "severity registered for the code."
    )
    start: Offset
    end: Offset
    line: int = Field(ge=1, description="1-based line of `start`.")
    column: int = Field(ge=1, description="1-based column of `start`.")


class Source(_Model):
    """Facts about the input, so a result can be matched to its file."""

    sha256: str = Field(
        pattern="^[0-9a-f]{64}$", description="SHA-256 of the decoded text encoded as UTF-8."
    )
    chars: int = Field(ge=0, description="Length of the decoded text in characters.")
    encoding: str = Field(
        description="The encoding the text was decoded from (`str` for text input)."
    )
    kind: SourceKind = Field(
        description="What the input was: plain text (or Markdown), or an HTML page whose "
        "extracted text every offset indexes.",
    )
    text: str | None = Field(
        description="For HTML input only: the text extracted from the page, which every "
        "`start`/`end` of the report indexes (plain-text input leaves it null: the offsets "
        "index the input itself).",
    )
    url: str | None = Field(
        description="The address an HTML page was read from, when the caller gave it; or null."
    )


class Report(_Model):
    """A parsed meeting report."""

    schema_version: SchemaVersion = Field(
        description="Version of this schema (semantic versioning)."
    )
    source: Source = Field(description="Facts about the input.")
    title: Span | None = Field(description="The report's title, or null.")
    kicker: Span | None = Field(
        description="A kicker line above the title that introduces it (`引题——`, or a "
        "Markdown `###` heading over the `#` title); never part of the title; or null.",
    )
    subtitle: Span | None = Field(description="A `——` subtitle line under the title, or null.")
    lead_label: Span | None = Field(description="The label of the lead, e.g. 编者按, or null.")
    lead: Span | None = Field(
        description="The lead paragraph(s) or editor's note before the speeches, or null."
    )
    byline: Byline | None = Field(
        description="A byline for the whole document (top or bottom), or null."
    )
    title_parts: TitleParts | None = Field(
        description="The title decomposed; null when there is no title."
    )
    home: HomePlace | None = Field(
        description="The place the report is about, or null when the text does not tell."
    )
    keywords: list[Keyword] = Field(
        description="Characteristic terms of the whole report (empty when keywords are off)."
    )
    speeches: list[Speech] = Field(description="The speeches, in the order printed.")
    people: list[Person] = Field(
        description="The people who speak, each once, in order of first speech.",
    )
    guest_list: GuestList | None = Field(
        description="A dialogue's guest list, when the report opens with one."
    )
    questions: list[Question] = Field(
        description="A dialogue's questions, kept apart from the speeches."
    )
    sections: list[Section] = Field(description="A dialogue's section heads, with any scene text.")
    diagnostics: list[Diagnostic] = Field(
        description="Lines set aside and decisions resting on weak rules, in source order."
    )
