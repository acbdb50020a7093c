"""Reports as flat tables: one normalised relational layout for spreadsheets, DataFrames, Parquet
and SQLite.

Analysts ask questions across many reports ("who spoke, in which positions, how often, about
what"); nested JSON answers them only with code, tables answer them with a spreadsheet or SQL.
Every row is keyed by its report's ``sha256`` (so rows from different files never mix and a
re-parsed report replaces its old rows) and carries the offsets of what it describes.

Rows are read from the report's JSON dump (``model_dump(mode="json")``), the published
contract, not from model attributes: a table follows the JSON Schema, and adding a column for
a new JSON field is one line in :data:`TABLES`. ``tests/test_tables.py`` checks that every value
of the JSON lands in some column, so a field added to the models without a column fails there.

Column names avoid the words SQL reserves (``end``, ``column``): a row's own place in the source
is ``span_start``/``span_end`` and every other span is ``<name>_start``/``<name>_end``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import count
from typing import TYPE_CHECKING, Any, Literal

from .models import SCHEMA_VERSION, Report

if TYPE_CHECKING:
    import pandas

__all__ = [
    "TABLES",
    "TABLE_SCHEMA_VERSION",
    "Column",
    "Table",
    "schema_markdown",
    "to_dataframes",
    "to_tables",
]

TABLE_SCHEMA_VERSION = SCHEMA_VERSION
"""The table layout is versioned with the JSON Schema it is read from."""

ColumnType = Literal["text", "integer", "real", "boolean"]
Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Column:
    """One column: where its value comes from in the row's JSON object, or how it is derived."""

    name: str
    type: ColumnType
    source: str = ""
    """Dotted path inside the row's JSON object (``speaker.name``); empty for derived values."""
    doc: str = ""
    covers: tuple[str, ...] = ()
    """JSON paths (relative to the row object) a derived column summarises, e.g. a count."""


@dataclass(frozen=True, slots=True)
class Table:
    """One table: its rows' JSON objects, key, references and indexes."""

    name: str
    doc: str
    paths: tuple[str, ...]
    """The JSON paths of the objects that make its rows (``[]`` stands for any list index)."""
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    references: tuple[tuple[tuple[str, ...], str], ...] = ()
    """(columns, table): a foreign key onto that table's primary key."""
    indexes: tuple[tuple[str, ...], ...] = field(default=())

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _span(name: str, source: str, what: str) -> tuple[Column, ...]:
    """The three columns of a span-valued JSON field: its text and where it starts and ends."""
    return (
        Column(name, "text", f"{source}.text", what),
        Column(f"{name}_start", "integer", f"{source}.start", f"where {name} starts"),
        Column(f"{name}_end", "integer", f"{source}.end", f"where {name} ends"),
    )


def _own_span(what: str) -> tuple[Column, ...]:
    return (
        Column("text", "text", "text", what),
        Column("span_start", "integer", "start", "where it starts in the source"),
        Column("span_end", "integer", "end", "where it ends in the source"),
    )


_SHA = Column("sha256", "text", "", "the report's `source.sha256`")
_SPEECH = Column("speech_index", "integer", "", "0-based index of the speech in `speeches`")
_SPEECH_OR_NULL = Column(
    "speech_index", "integer", "", "0-based index of the speech; null for the whole report"
)
_PERSON = Column("person_index", "integer", "", "the speaker's row in `people`")
_OF_REPORT = ((("sha256",), "reports"),)
_OF_SPEECH = ((("sha256", "speech_index"), "speeches"), *_OF_REPORT)
_TITLE_PARTS = ("genre", "topic", "delegation", "destination", "meeting")
_POSITION_KEYS = (
    "organization",
    "title",
    "inherited",
    "organization_full",
    "level",
    "text",
    "start",
    "end",
)

TABLES: tuple[Table, ...] = (
    Table(
        "reports",
        "one row per report",
        ("$",),
        ("sha256",),
        (
            Column("sha256", "text", "source.sha256", "SHA-256 of the decoded text (UTF-8)"),
            Column("path", "text", "", "the file it was read from, when known"),
            Column("schema_version", "text", "schema_version", "JSON Schema version"),
            Column("encoding", "text", "source.encoding", "encoding the text was decoded from"),
            Column("chars", "integer", "source.chars", "length of the decoded text"),
            Column("source_kind", "text", "source.kind", "`text` or `html`"),
            Column("source_url", "text", "source.url", "the address of an HTML page, if given"),
            Column("source_text", "text", "source.text", "the text extracted from an HTML page"),
            *_span("title", "title", "the title"),
            *_span("kicker", "kicker", "a kicker line above the title"),
            *_span("subtitle", "subtitle", "a `——` subtitle"),
            *_span("lead_label", "lead_label", "the lead's label (编者按)"),
            *_span("lead", "lead", "the lead paragraph(s)"),
            *_span("byline", "byline", "a byline for the whole report (credits in `credits`)"),
            Column("byline_form", "text", "byline.form", "where that byline stood"),
            *(
                column
                for part in _TITLE_PARTS
                for column in _span(part, f"title_parts.{part}", f"the title's {part}")
            ),
            Column("home", "text", "home.name", "the place the report is about (安庆市)"),
            Column("home_level", "text", "home.level", "its level (municipal, county …)"),
            Column("home_reason", "text", "home.reason", "how it was inferred"),
            *_span("home_evidence", "home.evidence", "where the home place is first named"),
            Column("speeches", "integer", "", "number of speeches", ("speeches",)),
            Column("people", "integer", "", "number of distinct speakers (rows in `people`)"),
            Column("diagnostics", "integer", "", "number of diagnostics", ("diagnostics",)),
            *_span("guest_list", "guest_list", "a dialogue's guest list (guests in `guests`)"),
            *_span("guest_list_label", "guest_list.label", "its label (对话嘉宾)"),
        ),
        indexes=(("path",),),
    ),
    Table(
        "people",
        "one row per person who speaks in a report (the report's `people`), in order of first "
        "speech",
        ("$.people[]",),
        ("sha256", "person_index"),
        (
            _SHA,
            Column("person_index", "integer", "", "0-based, in order of first appearance"),
            Column("person_id", "text", "id", "the person's id in the report (p1, p2 …)"),
            Column("name", "text", "name", "the speaker's name"),
            Column("name_start", "integer", "", "where the name is first written"),
            Column("name_end", "integer", "", "where that first mention ends"),
            Column("first_speech_index", "integer", "", "the first speech this person gave"),
            Column(
                "speeches", "integer", "", "number of speeches this person gave", ("speeches[]",)
            ),
            Column(
                "positions",
                "text",
                "",
                "every distinct position found for the person, `unit title` joined by `；`",
                tuple(f"positions[].{k}" for k in _POSITION_KEYS),
            ),
            Column(
                "mentions",
                "integer",
                "",
                "how many places name the person as a speaker or guest",
                ("mentions[].text", "mentions[].start", "mentions[].end"),
            ),
        ),
        _OF_REPORT,
        (("name",),),
    ),
    Table(
        "speeches",
        "one row per speech",
        ("$.speeches[]",),
        ("sha256", "speech_index"),
        (
            _SHA,
            _SPEECH,
            _PERSON,
            Column("name", "text", "speaker.name", "the speaker's name"),
            Column("name_start", "integer", "speaker.name_start", "where the name starts"),
            Column("name_end", "integer", "speaker.name_end", "where the name ends"),
            *_span("designation", "speaker", "the whole designation (unit, titles, name)"),
            Column("form", "text", "speaker.form", "how the designation was written"),
            *_span("speaker_marker", "speaker.marker", "a marker before the designation"),
            *_span("verb", "speaker.verb", "a verb of saying after the designation"),
            *_span("speaker_label", "speaker.label", "a speaker label (讲述人) before it"),
            *_span("place", "speaker.place", "the place on a name line (`地名  姓名`)"),
            Column("person_id", "text", "person", "the speaker's id in `people`"),
            *_span("headline", "headline", "the speech's headline"),
            *_span("headline_marker", "headline.marker", "the headline's marker"),
            Column("headline_brackets", "text", "headline.brackets", "brackets around it"),
            Column(
                "text",
                "text",
                "",
                "the speech's paragraphs joined by newlines",
                ("paragraphs[].text",),
            ),
            Column("span_start", "integer", "", "first offset of anything in the speech"),
            Column("span_end", "integer", "", "last offset of anything in the speech"),
            Column("paragraphs", "integer", "", "number of paragraphs", ("paragraphs",)),
            Column("points", "integer", "", "number of points", ("points",)),
            *_span("byline", "byline", "the speech's byline (credits in `credits`)"),
            Column("byline_form", "text", "byline.form", "where the byline stood"),
        ),
        ((("sha256", "person_index"), "people"), *_OF_REPORT),
        (("name",), ("sha256", "person_index")),
    ),
    Table(
        "positions",
        "one row per position in a designation",
        ("$.speeches[].speaker.positions[]",),
        ("sha256", "speech_index", "position_index"),
        (
            _SHA,
            _SPEECH,
            Column("position_index", "integer", "", "0-based, in the order written"),
            _PERSON,
            Column("organization", "text", "organization", "the unit (null when none)"),
            Column("title", "text", "title", "the job title"),
            Column("inherited", "boolean", "inherited", "unit carried over from before"),
            Column(
                "organization_full",
                "text",
                "organization_full",
                "the unit completed against the report's home place (null when not stated)",
            ),
            Column("level", "text", "level", "the kind or level of body (null when no unit)"),
            *_own_span("this part of the designation as written"),
        ),
        (*_OF_SPEECH, (("sha256", "person_index"), "people")),
        (("organization",), ("title",), ("sha256", "person_index")),
    ),
    Table(
        "credits",
        "one row per person credited in a byline (reporters, writers)",
        ("$.byline.credits[]", "$.speeches[].byline.credits[]"),
        ("sha256", "credit_index"),
        (
            _SHA,
            Column("credit_index", "integer", "", "0-based over the whole report"),
            _SPEECH_OR_NULL,
            Column("role", "text", "role", "the role word (全媒体记者, 通讯员)"),
            Column("name", "text", "name", "the credited name"),
            Column("span_start", "integer", "start", "where the name starts"),
            Column("span_end", "integer", "end", "where the name ends"),
        ),
        _OF_SPEECH,
        (("name",), ("sha256", "speech_index")),
    ),
    Table(
        "paragraphs",
        "one row per paragraph of a speech",
        ("$.speeches[].paragraphs[]",),
        ("sha256", "speech_index", "paragraph_index"),
        (
            _SHA,
            _SPEECH,
            Column("paragraph_index", "integer", "", "0-based within the speech"),
            *_own_span("the paragraph"),
        ),
        _OF_SPEECH,
    ),
    Table(
        "points",
        "one row per enumerated point (一是 …)",
        ("$.speeches[].points[]",),
        ("sha256", "speech_index", "point_index"),
        (
            _SHA,
            _SPEECH,
            Column("point_index", "integer", "", "0-based within the speech"),
            Column("marker", "text", "marker", "the ordinal marker (一是, 第二)"),
            Column("marker_start", "integer", "marker_start", "where the marker starts"),
            Column("marker_end", "integer", "marker_end", "where the marker ends"),
            *_own_span("the point's text after its marker"),
        ),
        _OF_SPEECH,
    ),
    Table(
        "figures",
        "one row per number with its unit",
        ("$.speeches[].figures[]",),
        ("sha256", "speech_index", "figure_index"),
        (
            _SHA,
            _SPEECH,
            Column("figure_index", "integer", "", "0-based within the speech"),
            *_own_span("the figure as written (30多亿)"),
            Column("value", "real", "value", "the value with magnitude applied"),
            Column("unit", "text", "unit", "unit or currency"),
            Column("inferred_unit", "boolean", "inferred_unit", "unit taken from the sentence"),
            Column("approximate", "boolean", "approximate", "多, 余, 近, 约 …"),
            Column("bound", "text", "bound", "lower, upper or null"),
            Column("kind", "text", "kind", "amount, count, percent, duration, ratio, other"),
            *_span("sentence", "sentence", "the sentence it belongs to"),
        ),
        _OF_SPEECH,
        (("kind",),),
    ),
    Table(
        "quoted_terms",
        "one row per phrase in quotation marks",
        ("$.speeches[].quoted_terms[]",),
        ("sha256", "speech_index", "term_index"),
        (
            _SHA,
            _SPEECH,
            Column("term_index", "integer", "", "0-based within the speech"),
            *_own_span("the phrase without its marks"),
        ),
        _OF_SPEECH,
    ),
    Table(
        "keywords",
        "one row per keyword of the report or of a speech",
        ("$.keywords[]", "$.speeches[].keywords[]"),
        ("sha256", "keyword_index"),
        (
            _SHA,
            Column("keyword_index", "integer", "", "0-based over the whole report"),
            _SPEECH_OR_NULL,
            Column("rank", "integer", "", "0-based rank within its list (by weight)"),
            Column("word", "text", "word", "the term"),
            Column("weight", "real", "weight", "TF-IDF (or TextRank) weight"),
            Column("occurrences", "integer", "", "how often it occurs", ("occurrences",)),
            Column(
                "offsets",
                "text",
                "",
                "every occurrence as `start-end`, space-separated",
                ("occurrences[].start", "occurrences[].end", "occurrences[].text"),
            ),
        ),
        _OF_SPEECH,
        (("word",), ("sha256", "speech_index")),
    ),
    Table(
        "guests",
        "one row per line of a dialogue's guest list",
        ("$.guest_list.guests[]",),
        ("sha256", "guest_index"),
        (
            _SHA,
            Column("guest_index", "integer", "", "0-based, in the order listed"),
            *_span("name", "name", "the guest's name"),
            Column("person_id", "text", "person", "the guest's id in `people` (null if silent)"),
            Column(
                "positions",
                "text",
                "",
                "the positions listed, `unit title` joined by `；`",
                tuple(f"positions[].{k}" for k in _POSITION_KEYS),
            ),
        ),
        _OF_REPORT,
    ),
    Table(
        "questions",
        "one row per interviewer's question in a dialogue (not a speech)",
        ("$.questions[]",),
        ("sha256", "question_index"),
        (
            _SHA,
            Column("question_index", "integer", "", "0-based, in order"),
            *_span("asker", "asker", "who asks (记者, 主持人)"),
            *_own_span("the question, its label included"),
            Column(
                "paragraphs",
                "integer",
                "",
                "number of paragraphs",
                ("paragraphs[].text", "paragraphs[].start", "paragraphs[].end"),
            ),
            Column("section_index", "integer", "section", "the section it stands in"),
            Column("before_speech", "integer", "before_speech", "the speech that answers it"),
        ),
        _OF_REPORT,
    ),
    Table(
        "sections",
        "one row per section head of a dialogue",
        ("$.sections[]",),
        ("sha256", "section_index"),
        (
            _SHA,
            Column("section_index", "integer", "", "0-based, in order"),
            *_span("heading", "heading", "the section head"),
            Column(
                "text",
                "text",
                "",
                "text under the head before any turn (a scene), paragraphs joined by newlines",
                ("paragraphs[].text", "paragraphs[].start", "paragraphs[].end"),
            ),
            Column("first_speech", "integer", "first_speech", "the first speech in it"),
        ),
        _OF_REPORT,
    ),
    Table(
        "diagnostics",
        "one row per diagnostic",
        ("$.diagnostics[]",),
        ("sha256", "diagnostic_index"),
        (
            _SHA,
            Column("diagnostic_index", "integer", "", "0-based, as in the JSON"),
            Column("code", "text", "code", "stable dotted code (see Diagnostics)"),
            Column("severity", "text", "severity", "info, warning or error"),
            Column("message", "text", "message", "human-readable explanation"),
            Column("span_start", "integer", "start", "where it starts in the source"),
            Column("span_end", "integer", "end", "where it ends in the source"),
            Column("line", "integer", "line", "1-based line of span_start"),
            Column("col", "integer", "column", "1-based column of span_start"),
        ),
        _OF_REPORT,
        (("code",),),
    ),
)
"""The layout, parents before children (the order tables are created and filled in)."""

_BY_NAME = {table.name: table for table in TABLES}


# --- rows ----------------------------------------------------------------------------------------


def to_tables(
    reports: Iterable[Report | Mapping[str, Any]],
    *,
    paths: Iterable[str | None] | None = None,
) -> dict[str, list[Row]]:
    """Flatten reports into rows, table by table (see :data:`TABLES` and the README).

    ``reports`` are models or their JSON dumps; ``paths`` (same order) fills ``reports.path``.
    A report whose sha256 was seen before replaces the earlier one, as a database append does.
    """
    path_list = list(paths) if paths is not None else None
    by_sha: dict[str, dict[str, list[Row]]] = {}
    for number, report in enumerate(reports):
        dump = report.model_dump(mode="json") if isinstance(report, Report) else report
        path = None
        if path_list is not None:
            if number >= len(path_list):
                raise ValueError(f"paths has {len(path_list)} entries, reports more")
            path = path_list[number]
        rows = report_rows(dump, path=path)
        by_sha[rows["reports"][0]["sha256"]] = rows
    return {
        table.name: [row for rows in by_sha.values() for row in rows[table.name]]
        for table in TABLES
    }


def report_rows(dump: Mapping[str, Any], *, path: str | None = None) -> dict[str, list[Row]]:
    """The rows of one report's JSON dump, table by table."""
    sha = _get(dump, "source.sha256")
    if not isinstance(sha, str):
        raise ValueError("a report dump needs source.sha256")
    out: dict[str, list[Row]] = {table.name: [] for table in TABLES}

    def add(table: str, obj: Mapping[str, Any] | None, **derived: Any) -> None:
        out[table].append(_row(_BY_NAME[table], obj or {}, {"sha256": sha, **derived}))

    speeches: list[Mapping[str, Any]] = list(dump.get("speeches") or [])
    people = _people(dump, speeches)
    person_of = {i: p for p, (_, indices) in enumerate(people) for i in indices}
    add(
        "reports",
        dump,
        path=path,
        speeches=len(speeches),
        people=len(people),
        diagnostics=len(dump.get("diagnostics") or []),
    )
    for index, (person, indices) in enumerate(people):
        first = speeches[indices[0]].get("speaker") or {}
        add(
            "people",
            person,
            person_index=index,
            name_start=first.get("name_start"),
            name_end=first.get("name_end"),
            first_speech_index=indices[0],
            speeches=len(indices),
            positions=_positions_text(_items(person, "positions")),
            mentions=len(_items(person, "mentions")),
        )
    for i, guest in enumerate(_items(dump, "guest_list.guests")):
        add("guests", guest, guest_index=i, positions=_positions_text(_items(guest, "positions")))
    for i, question in enumerate(_items(dump, "questions")):
        add("questions", question, question_index=i, paragraphs=len(_items(question, "paragraphs")))
    for i, section in enumerate(_items(dump, "sections")):
        text = "\n".join(str(p.get("text", "")) for p in _items(section, "paragraphs"))
        add("sections", section, section_index=i, text=text)
    credit_index, keyword_index = count(), count()
    for credit in _items(dump, "byline.credits"):
        add("credits", credit, credit_index=next(credit_index), speech_index=None)
    for rank, keyword in enumerate(_items(dump, "keywords")):
        add("keywords", keyword, **_keyword(keyword, next(keyword_index), None, rank))
    for s, speech in enumerate(speeches):
        starts, ends = _offsets(speech)
        paragraphs = _items(speech, "paragraphs")
        add(
            "speeches",
            speech,
            speech_index=s,
            person_index=person_of[s],
            text="\n".join(str(p.get("text", "")) for p in paragraphs),
            span_start=min(starts, default=None),
            span_end=max(ends, default=None),
            paragraphs=len(paragraphs),
            points=len(_items(speech, "points")),
        )
        for i, position in enumerate(_items(speech, "speaker.positions")):
            add("positions", position, speech_index=s, position_index=i, person_index=person_of[s])
        for credit in _items(speech, "byline.credits"):
            add("credits", credit, credit_index=next(credit_index), speech_index=s)
        for i, paragraph in enumerate(paragraphs):
            add("paragraphs", paragraph, speech_index=s, paragraph_index=i)
        for i, point in enumerate(_items(speech, "points")):
            add("points", point, speech_index=s, point_index=i)
        for i, figure in enumerate(_items(speech, "figures")):
            add("figures", figure, speech_index=s, figure_index=i)
        for i, term in enumerate(_items(speech, "quoted_terms")):
            add("quoted_terms", term, speech_index=s, term_index=i)
        for rank, keyword in enumerate(_items(speech, "keywords")):
            add("keywords", keyword, **_keyword(keyword, next(keyword_index), s, rank))
    for i, diagnostic in enumerate(_items(dump, "diagnostics")):
        add("diagnostics", diagnostic, diagnostic_index=i)
    return out


def _people(
    dump: Mapping[str, Any], speeches: Sequence[Mapping[str, Any]]
) -> list[tuple[Mapping[str, Any], list[int]]]:
    """The report's people with their speeches' indexes, in order of first speech.

    The report links each speech to its person (``speech.person``); a dump without that link
    (an older schema) is grouped by name, the only identity a report gives.
    """
    listed = [p for p in _items(dump, "people") if isinstance(p.get("id"), str)]
    if listed and all(isinstance(s.get("person"), str) for s in speeches):
        by_id: dict[str, tuple[Mapping[str, Any], list[int]]] = {
            str(p["id"]): (p, []) for p in listed
        }
        for index, speech in enumerate(speeches):
            by_id[str(speech["person"])][1].append(index)
        return [entry for entry in by_id.values() if entry[1]]
    groups: dict[str, tuple[Mapping[str, Any], list[int]]] = {}
    for index, speech in enumerate(speeches):
        speaker = speech.get("speaker") or {}
        name = str(speaker.get("name", ""))
        groups.setdefault(name, ({"name": name}, []))[1].append(index)
    return list(groups.values())


def _positions_text(positions: Sequence[Mapping[str, Any]]) -> str:
    return "；".join(
        f"{p.get('organization') or ''} {p.get('title') or ''}".strip() for p in positions
    )


def _keyword(
    keyword: Mapping[str, Any], index: int, speech: int | None, rank: int
) -> dict[str, Any]:
    spans = _items(keyword, "occurrences")
    return {
        "keyword_index": index,
        "speech_index": speech,
        "rank": rank,
        "occurrences": len(spans),
        "offsets": " ".join(f"{o.get('start')}-{o.get('end')}" for o in spans),
    }


def _row(table: Table, obj: Mapping[str, Any], derived: Mapping[str, Any]) -> Row:
    return {c.name: _get(obj, c.source) if c.source else derived[c.name] for c in table.columns}


def _get(obj: Mapping[str, Any], path: str) -> Any:
    value: Any = obj
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def _items(obj: Mapping[str, Any], path: str) -> list[Mapping[str, Any]]:
    value = _get(obj, path)
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _offsets(obj: Any) -> tuple[list[int], list[int]]:
    """Every ``start`` and ``end`` in a JSON subtree (``*_start``/``*_end`` pairs included)."""
    starts: list[int] = []
    ends: list[int] = []
    stack = [obj]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            for key, value in node.items():
                if isinstance(value, int) and not isinstance(value, bool):
                    if key == "start" or key.endswith("_start"):
                        starts.append(value)
                    elif key == "end" or key.endswith("_end"):
                        ends.append(value)
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return starts, ends


# --- DataFrames ----------------------------------------------------------------------------------

_PANDAS_DTYPES = {"text": "string", "integer": "Int64", "real": "Float64", "boolean": "boolean"}


def to_dataframes(
    reports: Iterable[Report | Mapping[str, Any]],
    *,
    paths: Iterable[str | None] | None = None,
) -> dict[str, pandas.DataFrame]:
    """The tables of :func:`to_tables` as pandas DataFrames with nullable column types.

    Needs the ``tables`` extra (``pip install 'speechparse[tables]'``).
    """
    from ._extras import require

    pd = require("pandas", extra="tables", purpose="to_dataframes")
    tables = to_tables(reports, paths=paths)
    frames: dict[str, pandas.DataFrame] = {}
    for table in TABLES:
        frame = pd.DataFrame.from_records(tables[table.name], columns=list(table.column_names))
        frames[table.name] = frame.astype({c.name: _PANDAS_DTYPES[c.type] for c in table.columns})
    return frames


# --- documentation -------------------------------------------------------------------------------


def schema_markdown() -> str:
    """The README's description of the tables, generated so that it cannot drift from them."""
    lines = [f"Table layout {TABLE_SCHEMA_VERSION} (read from JSON Schema {SCHEMA_VERSION}).", ""]
    for table in TABLES:
        refs = "; ".join(f"({', '.join(cols)}) → {target}" for cols, target in table.references)
        paths = ", ".join(f"`{p}`" for p in table.paths)
        lines.append(f"**{table.name}** — {table.doc}; rows from {paths}.")
        lines.append(f"Key ({', '.join(table.key)})" + (f"; references {refs}." if refs else "."))
        lines.append("")
        lines.append("| column | type | from the JSON | meaning |")
        lines.append("| --- | --- | --- | --- |")
        for column in table.columns:
            source = f"`{column.source}`" if column.source else "derived"
            lines.append(f"| `{column.name}` | {column.type} | {source} | {column.doc} |")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def leaf_paths_covered() -> set[str]:
    """The JSON paths (``[]`` for list indexes) whose values some column holds or summarises."""
    covered: set[str] = set()
    for table in TABLES:
        for base in table.paths:
            for column in table.columns:
                for source in (column.source, *column.covers):
                    if source:
                        covered.add(f"{base}.{source}")
    return covered
