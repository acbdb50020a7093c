"""Tables from reports: row counts and keys against the JSON, offsets against the source, the
CSV / Parquet / SQLite files the `table` command writes, and idempotent SQLite appends.

Expected counts are computed here from the JSON a user gets (``to_json``), by walking it, not
from the table builder.
"""

from __future__ import annotations

import csv
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

import speechparse
from speechparse.cli import main
from speechparse.tables import TABLES, leaf_paths_covered, schema_markdown

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ba715635817add7f.txt"
FIXTURES = ROOT / "tests" / "fixtures"
DEV = ROOT.parent / "shared" / "corpus" / "dev"
LAYOUT_SPACE = re.compile(r"\s+")


def _dump(report: speechparse.Report) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(speechparse.to_json(report))
    return data


def expected_counts(dumps: list[dict[str, Any]]) -> dict[str, int]:
    """Row counts per table, straight from the JSON documents."""
    counts = dict.fromkeys([t.name for t in TABLES], 0)
    for d in dumps:
        speeches = d["speeches"]
        counts["reports"] += 1
        counts["speeches"] += len(speeches)
        counts["people"] += len({s["speaker"]["name"] for s in speeches})
        counts["positions"] += sum(len(s["speaker"]["positions"]) for s in speeches)
        counts["credits"] += len((d["byline"] or {}).get("credits", [])) + sum(
            len(s["byline"]["credits"]) for s in speeches if s["byline"]
        )
        counts["paragraphs"] += sum(len(s["paragraphs"]) for s in speeches)
        counts["points"] += sum(len(s["points"]) for s in speeches)
        counts["figures"] += sum(len(s["figures"]) for s in speeches)
        counts["quoted_terms"] += sum(len(s["quoted_terms"]) for s in speeches)
        counts["keywords"] += len(d["keywords"]) + sum(len(s["keywords"]) for s in speeches)
        counts["diagnostics"] += len(d["diagnostics"])
    return counts


@pytest.fixture(scope="module")
def seed() -> speechparse.Report:
    return speechparse.parse_file(SEED)


@pytest.fixture(scope="module")
def fixture_reports() -> list[tuple[Path, speechparse.Report, str]]:
    out = []
    for path in [SEED, *sorted(FIXTURES.glob("*.txt"))]:
        report = speechparse.parse_file(path, keywords=False)
        text = path.read_bytes().decode(report.source.encoding).removeprefix("\ufeff")
        out.append((path, report, text))
    return out


# --- to_tables -----------------------------------------------------------------------------------


def test_seed_row_counts_match_the_json(seed: speechparse.Report) -> None:
    dump = _dump(seed)
    tables = speechparse.to_tables([seed])
    counts = expected_counts([dump])
    assert counts["speeches"] == 15  # the seed's fifteen speakers (README)
    assert counts["positions"] > 15 and counts["credits"] >= 15 and counts["figures"] > 0
    assert {name: len(rows) for name, rows in tables.items()} == counts


def test_dumps_and_models_give_the_same_rows(seed: speechparse.Report) -> None:
    assert speechparse.to_tables([_dump(seed)]) == speechparse.to_tables([seed])


def test_every_row_is_keyed_by_the_report_sha256_and_keys_are_unique(
    fixture_reports: list[tuple[Path, speechparse.Report, str]],
) -> None:
    reports = [r for _, r, _ in fixture_reports]
    tables = speechparse.to_tables(reports)
    shas = {r.source.sha256 for r in reports}
    for table in TABLES:
        rows = tables[table.name]
        assert {row["sha256"] for row in rows} <= shas, table.name
        keys = [tuple(row[k] for k in table.key) for row in rows]
        assert len(keys) == len(set(keys)), f"duplicate key in {table.name}"
        assert all(None not in key for key in keys), table.name
        assert all(list(row) == list(table.column_names) for row in rows), table.name


def test_references_point_at_existing_rows(
    fixture_reports: list[tuple[Path, speechparse.Report, str]],
) -> None:
    tables = speechparse.to_tables([r for _, r, _ in fixture_reports])
    keys = {t.name: {tuple(row[k] for k in t.key) for row in tables[t.name]} for t in TABLES}
    for table in TABLES:
        for columns, parent in table.references:
            for row in tables[table.name]:
                value = tuple(row[c] for c in columns)
                if None not in value:
                    assert value in keys[parent], (table.name, columns, value)


def test_offsets_in_rows_point_at_their_text(
    fixture_reports: list[tuple[Path, speechparse.Report, str]],
) -> None:
    checked = 0
    for path, report, text in fixture_reports:
        tables = speechparse.to_tables([report])
        for name, rows in tables.items():
            for row in rows:
                for column, value in row.items():
                    span = _span_of(row, column)
                    if value is None or span is None or not isinstance(value, str):
                        continue
                    start, end = span
                    assert LAYOUT_SPACE.sub("", text[start:end]) == LAYOUT_SPACE.sub("", value), (
                        path.name,
                        name,
                        column,
                    )
                    checked += 1
    assert checked > 300  # every text column with offsets, in five reports


def _span_of(row: dict[str, Any], column: str) -> tuple[int, int] | None:
    """The offsets that go with a text column: ``X_start``/``X_end`` or the row's own span.

    A speech's ``text`` is its paragraphs joined, while its span runs from headline to byline.
    """
    pairs = [(f"{column}_start", f"{column}_end")]
    if column in ("text", "name") and "designation" not in row:
        pairs.append(("span_start", "span_end"))
    for start, end in pairs:
        if row.get(start) is not None and row.get(end) is not None:
            return row[start], row[end]
    return None


def test_speech_text_and_people(seed: speechparse.Report) -> None:
    tables = speechparse.to_tables([seed])
    for row, speech in zip(tables["speeches"], seed.speeches, strict=True):
        assert row["text"] == "\n".join(p.text for p in speech.paragraphs)
        assert row["name"] == speech.speaker.name
        person = tables["people"][row["person_index"]]
        assert person["name"] == speech.speaker.name


def test_a_name_speaking_twice_is_one_person_with_two_speeches() -> None:
    text = (
        "某市座谈会发言摘要\n\n市科技局局长王建国：第一段话。\n\n区教育局局长张华：第二段话。"
        "\n\n市科技局局长王建国：第三段话。\n"
    )
    report = speechparse.parse(text, keywords=False)
    assert [s.speaker.name for s in report.speeches] == ["王建国", "张华", "王建国"]
    tables = speechparse.to_tables([report])
    assert [(p["name"], p["speeches"], p["first_speech_index"]) for p in tables["people"]] == [
        ("王建国", 2, 0),
        ("张华", 1, 1),
    ]
    assert [s["person_index"] for s in tables["speeches"]] == [0, 1, 0]


def test_same_report_twice_is_kept_once_and_paths_fill_the_path_column(
    seed: speechparse.Report,
) -> None:
    tables = speechparse.to_tables([seed, seed], paths=["a.txt", "b.txt"])
    assert [r["path"] for r in tables["reports"]] == ["b.txt"]
    assert len(tables["speeches"]) == 15
    with pytest.raises(ValueError, match="paths"):
        speechparse.to_tables([seed, seed], paths=["only-one.txt"])


def test_every_json_value_has_a_column(
    fixture_reports: list[tuple[Path, speechparse.Report, str]], seed: speechparse.Report
) -> None:
    """A field added to the models without a column (or a `covers`) fails here."""
    covered = leaf_paths_covered()
    covered |= {"$.speeches[].keywords", "$.keywords"}  # lists, their items are rows

    def leaves(node: Any, path: str) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                yield from leaves(value, f"{path}.{key}")
        elif isinstance(node, list):
            for value in node:
                yield from leaves(value, f"{path}[]")
        else:
            yield path

    for report in [seed, *(r for _, r, _ in fixture_reports)]:
        for leaf in leaves(_dump(report), "$"):
            assert any(c == leaf or c.startswith(leaf + ".") for c in covered), leaf


def test_readme_documents_the_current_layout() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    begin, end = "<!-- tables:begin -->\n", "<!-- tables:end -->"
    assert begin in readme and end in readme
    documented = readme.split(begin, 1)[1].split(end, 1)[0]
    assert documented == schema_markdown(), "run python tools/write_table_docs.py"
    assert f"Table layout {speechparse.SCHEMA_VERSION}" in documented


def test_to_dataframes_has_typed_columns(seed: speechparse.Report) -> None:
    pytest.importorskip("pandas")
    frames = speechparse.to_dataframes([seed])
    tables = speechparse.to_tables([seed])
    for table in TABLES:
        frame = frames[table.name]
        assert list(frame.columns) == list(table.column_names)
        assert len(frame) == len(tables[table.name])
    assert str(frames["speeches"]["speech_index"].dtype) == "Int64"
    assert str(frames["positions"]["inherited"].dtype) == "boolean"
    assert frames["speeches"]["name"].tolist() == [s.speaker.name for s in seed.speeches]


def test_missing_pandas_names_the_extra(
    seed: speechparse.Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'speechparse[tables]'")):
        speechparse.to_dataframes([seed])
    with pytest.raises(speechparse.SpeechParseError):
        speechparse.to_dataframes([seed])


# --- files ---------------------------------------------------------------------------------------


def _sqlite_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as con:
        return {t.name: con.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in TABLES}


def _csv_rows(folder: Path, name: str, encoding: str = "utf-8") -> list[dict[str, str]]:
    with open(folder / f"{name}.csv", encoding=encoding, newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def seed_dump() -> dict[str, Any]:
    return _dump(speechparse.parse_file(SEED))


def test_csv_folder_with_header_rows(
    tmp_path: Path, seed_dump: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["table", str(SEED), "--format", "csv", "-o", str(tmp_path / "out")]) == 0
    assert "1 reports, 15 speeches" in capsys.readouterr().out
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t.name}.csv" for t in TABLES)
    counts = expected_counts([seed_dump])
    for table in TABLES:
        raw = (out / f"{table.name}.csv").read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        rows = _csv_rows(out, table.name)
        assert len(rows) == counts[table.name], table.name
        assert raw.decode("utf-8").splitlines()[0] == ",".join(table.column_names)
    speeches = _csv_rows(out, "speeches")
    assert [r["name"] for r in speeches] == [s["speaker"]["name"] for s in seed_dump["speeches"]]
    assert {r["sha256"] for r in speeches} == {seed_dump["source"]["sha256"]}
    positions = _csv_rows(out, "positions")
    assert {r["inherited"] for r in positions} <= {"true", "false"}


def test_csv_with_bom_for_spreadsheets(tmp_path: Path) -> None:
    assert main(["table", str(SEED), "--format", "csv", "--bom", "-o", str(tmp_path)]) == 0
    for table in TABLES:
        assert (tmp_path / f"{table.name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _csv_rows(tmp_path, "speeches", encoding="utf-8-sig")
    assert len(rows) == 15 and next(iter(rows[0])) == "sha256"


def test_parquet_files_with_typed_columns(tmp_path: Path, seed_dump: dict[str, Any]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    assert main(["table", str(SEED), "--format", "parquet", "-o", str(tmp_path)]) == 0
    counts = expected_counts([seed_dump])
    for table in TABLES:
        data = pq.read_table(tmp_path / f"{table.name}.parquet")
        assert data.num_rows == counts[table.name], table.name
        assert data.column_names == list(table.column_names)
    speeches = pq.read_table(tmp_path / "speeches.parquet").to_pylist()
    assert [r["speech_index"] for r in speeches] == list(range(15))
    figures = pq.read_table(tmp_path / "figures.parquet")
    assert str(figures.schema.field("value").type) == "double"
    assert str(figures.schema.field("approximate").type) == "bool"


def test_sqlite_keys_indexes_and_counts(tmp_path: Path, seed_dump: dict[str, Any]) -> None:
    db = tmp_path / "reports.db"
    assert main(["table", str(SEED), "--format", "sqlite", "-o", str(db)]) == 0
    assert _sqlite_counts(db) == expected_counts([seed_dump])
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA foreign_keys = ON")
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        pk = [r[1] for r in con.execute("PRAGMA table_info(speeches)") if r[5]]
        assert pk == ["sha256", "speech_index"]
        fks = {(r[2], r[3]) for r in con.execute("PRAGMA foreign_key_list(positions)")}
        assert ("speeches", "speech_index") in fks and ("reports", "sha256") in fks
        indexed = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"people_name", "positions_organization", "speeches_name"} <= indexed
        sha = seed_dump["source"]["sha256"]
        with pytest.raises(sqlite3.IntegrityError):  # the primary key holds
            con.execute("INSERT INTO speeches (sha256, speech_index) VALUES (?, 0)", (sha,))
        with pytest.raises(sqlite3.IntegrityError):  # and so does the foreign key
            con.execute("INSERT INTO points (sha256, speech_index, point_index) VALUES ('x', 0, 0)")


def test_sqlite_append_is_idempotent_per_report(
    tmp_path: Path, fixture_reports: list[tuple[Path, speechparse.Report, str]]
) -> None:
    db = tmp_path / "reports.db"
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "linjiang_report.txt", folder / "a.txt")
    args = ["table", "--no-keywords", "--format", "sqlite", "-o", str(db)]
    assert main([*args, str(folder)]) == 0
    first = _sqlite_counts(db)
    with sqlite3.connect(db) as con:  # damage the stored copy: an append must restore it
        con.execute("UPDATE reports SET title = 'changed'")
        con.execute("DELETE FROM points")
    assert main([*args, str(folder)]) == 0
    assert _sqlite_counts(db) == first
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT title FROM reports").fetchone()[0] != "changed"
    shutil.copy(SEED, folder / "b.txt")  # a new report is added beside it
    assert main([*args, str(folder)]) == 0
    dumps = [
        _dump(speechparse.parse_file(folder / name, keywords=False)) for name in ("a.txt", "b.txt")
    ]
    assert _sqlite_counts(db) == expected_counts(dumps)
    shutil.copy(SEED, folder / "c.txt")  # the same text under another name: still one report
    assert main([*args, str(folder)]) == 0
    assert _sqlite_counts(db) == expected_counts(dumps)


def test_json_and_json_lines_inputs_give_the_same_tables(tmp_path: Path) -> None:
    fixture = FIXTURES / "linjiang_report.txt"
    (tmp_path / "one.json").write_bytes(
        speechparse.to_json(speechparse.parse_file(fixture, keywords=False))
    )
    assert (
        main(["parse", str(fixture), str(SEED), "--no-keywords", "-o", str(tmp_path / "m.jsonl")])
        == 0
    )
    for source in ("one.json", "m.jsonl"):
        out = tmp_path / source.replace(".", "_")
        assert main(["table", str(tmp_path / source), "--format", "csv", "-o", str(out)]) == 0
    direct = tmp_path / "direct"
    assert main(["table", str(fixture), "--no-keywords", "--format", "csv", "-o", str(direct)]) == 0
    speeches = _csv_rows(direct, "speeches")
    assert _csv_rows(tmp_path / "one_json", "speeches") == speeches
    assert len(_csv_rows(tmp_path / "m_jsonl", "speeches")) == len(speeches) + 15
    assert [r["path"] for r in _csv_rows(tmp_path / "m_jsonl", "reports")] == [
        str(fixture),
        str(SEED),
    ]


def test_a_failing_input_is_reported_and_the_rest_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "linjiang_report.txt", folder / "a.txt")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary" * 50)
    out = tmp_path / "out"
    status = main(["table", str(folder), "--no-keywords", "--format", "csv", "-o", str(out)])
    captured = capsys.readouterr()
    assert status == 1
    assert len(captured.err.splitlines()) == 1 and "b.txt" in captured.err
    assert len(_csv_rows(out, "reports")) == 1


@pytest.mark.parametrize(
    ("setup", "fragment"),
    [
        pytest.param(
            lambda p: p.write_text("not a database at all" * 100),
            "file is not a database",
            id="not-sqlite",
        ),
        pytest.param(
            lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)"),
            "not written by",
            id="foreign-db",
        ),
        pytest.param(lambda p: p.mkdir(), "is a directory", id="directory"),
    ],
)
def test_sqlite_output_that_cannot_be_used_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: Any, fragment: str
) -> None:
    db = tmp_path / "x.db"
    setup(db)
    status = main(
        [
            "table",
            str(FIXTURES / "linjiang_report.txt"),
            "--no-keywords",
            "--format",
            "sqlite",
            "-o",
            str(db),
        ]
    )
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("speechparse: ") and fragment in err and len(err.splitlines()) == 1


def test_sqlite_of_another_layout_version_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "x.db"
    args = ["table", str(FIXTURES / "linjiang_report.txt"), "--no-keywords", "--format", "sqlite"]
    assert main([*args, "-o", str(db)]) == 0
    with sqlite3.connect(db) as con:
        con.execute("UPDATE speechparse_meta SET value = '0.9.0'")
    assert main([*args, "-o", str(db)]) == 2
    err = capsys.readouterr().err
    assert "0.9.0" in err and speechparse.SCHEMA_VERSION in err and len(err.splitlines()) == 1


def test_parquet_without_pyarrow_is_one_line_naming_the_extra(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    args = ["table", str(SEED), "--no-keywords", "--format", "parquet", "-o", str(tmp_path)]
    assert main(args) == 2
    err = capsys.readouterr().err
    needs = "Parquet output needs the pyarrow package: pip install 'speechparse[tables]'"
    assert err == f"speechparse: {needs}\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["table", "nope.txt", "--format", "csv", "-o", "x"], id="missing-input"),
        pytest.param(["table", str(SEED), "--format", "xlsx", "-o", "x"], id="bad-format"),
        pytest.param(["table", str(SEED), "--format", "csv"], id="no-output"),
    ],
)
def test_table_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err.strip()


@pytest.mark.skipif(not DEV.is_dir(), reason="the shared dev corpus is not beside this checkout")
def test_dev_folder_in_all_three_formats(tmp_path: Path) -> None:
    dumps = [_dump(speechparse.parse_file(p, keywords=False)) for p in sorted(DEV.rglob("*.txt"))]
    counts = expected_counts(dumps)
    base = ["table", str(DEV), "--no-keywords", "-j", "2", "--format"]
    assert main([*base, "sqlite", "-o", str(tmp_path / "dev.db")]) == 0
    assert _sqlite_counts(tmp_path / "dev.db") == counts
    assert main([*base, "csv", "-o", str(tmp_path / "csv")]) == 0
    for table in TABLES:
        assert len(_csv_rows(tmp_path / "csv", table.name)) == counts[table.name], table.name
    pq = pytest.importorskip("pyarrow.parquet")
    assert main([*base, "parquet", "-o", str(tmp_path / "pq")]) == 0
    for table in TABLES:
        assert (
            pq.read_table(tmp_path / "pq" / f"{table.name}.parquet").num_rows == counts[table.name]
        )


def test_core_install_stays_small_and_tables_need_no_extra() -> None:
    """pydantic, regex, jieba and orjson are the whole core; to_tables and SQLite/CSV output use
    the standard library only, so they never import the extras."""
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    names = {re.split(r"[<>=\[ ]", d, maxsplit=1)[0] for d in project["dependencies"]}
    assert names == {"pydantic", "regex", "jieba", "orjson"}
    extras = project["optional-dependencies"]
    assert {re.split(r"[<>=]", d, maxsplit=1)[0] for d in extras["tables"]} == {"pyarrow", "pandas"}
    code = (
        "import sys, speechparse\n"
        "from speechparse.table_files import write_csv, write_sqlite\n"
        f"r = speechparse.parse_file({str(SEED)!r}, keywords=False)\n"
        "t = speechparse.to_tables([r])\n"
        f"write_sqlite(t, {':memory:'!r}); import tempfile; write_csv(t, tempfile.mkdtemp())\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'duckdb', 'numpy') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
