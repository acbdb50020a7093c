"""Write the tables of :mod:`speechparse.tables` as CSV files, Parquet files or a SQLite database.

CSV and Parquet write a folder with one file per table (``speeches.csv``, ``speeches.parquet``)
and replace the files of an earlier run; SQLite appends to a database file, and a report already
in it (same ``sha256``) has its rows replaced, not duplicated, so re-running over a growing
folder of reports is safe. Each file is written beside its final name and renamed into place,
and the SQLite append is one transaction: a failed run leaves the previous output as it was.
"""

from __future__ import annotations

import csv
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from ._extras import require
from .errors import SpeechParseError
from .tables import TABLE_SCHEMA_VERSION, TABLES, Row, Table

__all__ = [
    "FORMATS",
    "TableFileError",
    "write_csv",
    "write_parquet",
    "write_sqlite",
    "write_tables",
]

Format = Literal["csv", "parquet", "sqlite"]
FORMATS: tuple[Format, ...] = ("csv", "parquet", "sqlite")
Tables = Mapping[str, Sequence[Row]]

_META = "speechparse_meta"


class TableFileError(SpeechParseError):
    """The output cannot be written: not a database, or one laid out by another version."""


def write_tables(
    tables: Tables, out: str | os.PathLike[str], *, format: Format, bom: bool = False
) -> None:
    """Write ``tables`` (from :func:`speechparse.to_tables`) in ``format`` to ``out``."""
    if format == "csv":
        write_csv(tables, out, bom=bom)
    elif format == "parquet":
        write_parquet(tables, out)
    elif format == "sqlite":
        write_sqlite(tables, out)
    else:
        raise ValueError(f"unknown table format {format!r}; expected one of {', '.join(FORMATS)}")


# --- CSV -----------------------------------------------------------------------------------------


def write_csv(tables: Tables, folder: str | os.PathLike[str], *, bom: bool = False) -> None:
    """One ``NAME.csv`` per table, header row first; ``bom`` helps spreadsheet programs.

    Empty cells are nulls; booleans are ``true``/``false``.
    """
    root = _folder(folder)
    encoding = "utf-8-sig" if bom else "utf-8"
    for table in TABLES:
        with (
            _replacing(root / f"{table.name}.csv") as tmp,
            open(tmp, "w", encoding=encoding, newline="") as stream,
        ):
            writer = csv.writer(stream)
            writer.writerow(table.column_names)
            for row in tables.get(table.name, ()):
                writer.writerow(_csv_cell(row.get(name)) for name in table.column_names)


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


# --- Parquet -------------------------------------------------------------------------------------


def write_parquet(tables: Tables, folder: str | os.PathLike[str]) -> None:
    """One ``NAME.parquet`` per table, typed nullable columns; needs ``speechparse[tables]``."""
    pa = require("pyarrow", extra="tables", purpose="Parquet output")
    pq = require("pyarrow.parquet", extra="tables", purpose="Parquet output")
    types = {
        "text": pa.string(),
        "integer": pa.int64(),
        "real": pa.float64(),
        "boolean": pa.bool_(),
    }
    root = _folder(folder)
    for table in TABLES:
        schema = pa.schema(
            [
                pa.field(c.name, types[c.type], nullable=c.name not in table.key)
                for c in table.columns
            ],
            metadata={"speechparse_table_schema": TABLE_SCHEMA_VERSION},
        )
        rows = [
            {name: row.get(name) for name in table.column_names}
            for row in tables.get(table.name, ())
        ]
        data = pa.Table.from_pylist(rows, schema=schema)
        with _replacing(root / f"{table.name}.parquet") as tmp:
            pq.write_table(data, tmp)


# --- SQLite --------------------------------------------------------------------------------------

_SQL_TYPES = {"text": "TEXT", "integer": "INTEGER", "real": "REAL", "boolean": "INTEGER"}


def write_sqlite(tables: Tables, path: str | os.PathLike[str]) -> int:
    """Append to (or create) a SQLite database; returns the number of reports written.

    A report already in the database (same sha256) has all its rows deleted first, in the same
    transaction, so appending the same report twice leaves one copy.
    """
    target = Path(path)
    if target.is_dir():
        raise TableFileError(f"{target}: is a directory; SQLite output is one database file")
    shas = [row["sha256"] for row in tables.get("reports", ())]
    try:
        con = sqlite3.connect(target, isolation_level=None)
    except sqlite3.Error as exc:
        raise TableFileError(f"{target}: cannot open the database: {exc}") from None
    try:
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("BEGIN IMMEDIATE")
        try:
            _prepare(con, target)
            for sha in shas:
                for table in reversed(TABLES):
                    con.execute(f'DELETE FROM "{table.name}" WHERE sha256 = ?', (sha,))
            for table in TABLES:
                names = table.column_names
                columns = ", ".join(f'"{n}"' for n in names)
                marks = ", ".join("?" * len(names))
                con.executemany(
                    f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})',
                    ([_sql_value(row.get(n)) for n in names] for row in tables.get(table.name, ())),
                )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    except sqlite3.DatabaseError as exc:
        raise TableFileError(f"{target}: {exc}") from None
    finally:
        con.close()
    return len(shas)


def _sql_value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def _prepare(con: sqlite3.Connection, target: Path) -> None:
    """Create the tables, or check that an existing database has this version's layout."""
    existing = {
        name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if _META in existing:
        row = con.execute(
            f"SELECT value FROM {_META} WHERE key = 'table_schema_version'"
        ).fetchone()
        version = row[0] if row else None
        if version != TABLE_SCHEMA_VERSION:
            raise TableFileError(
                f"{target}: holds tables of layout {version}, this speechparse writes "
                f"{TABLE_SCHEMA_VERSION}; write to a new database file"
            )
    elif existing:
        raise TableFileError(f"{target}: a SQLite database not written by speechparse table")
    con.execute(f"CREATE TABLE IF NOT EXISTS {_META} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    con.execute(
        f"INSERT OR REPLACE INTO {_META} VALUES ('table_schema_version', ?)",
        (TABLE_SCHEMA_VERSION,),
    )
    for table in TABLES:
        if table.name in existing:
            found = tuple(r[1] for r in con.execute(f'PRAGMA table_info("{table.name}")'))
            if found != table.column_names:
                raise TableFileError(
                    f"{target}: table {table.name} has other columns than expected"
                )
            continue
        for statement in create_statements(table):
            con.execute(statement)


def create_statements(table: Table) -> list[str]:
    """The ``CREATE TABLE`` and ``CREATE INDEX`` statements of one table."""
    lines = [
        f'"{c.name}" {_SQL_TYPES[c.type]}' + (" NOT NULL" if c.name in table.key else "")
        for c in table.columns
    ]
    lines.append(f"PRIMARY KEY ({', '.join(table.key)})")
    for columns, parent in table.references:
        target_key = next(t.key for t in TABLES if t.name == parent)
        lines.append(
            f"FOREIGN KEY ({', '.join(columns)}) REFERENCES {parent} ({', '.join(target_key)}) "
            "ON DELETE CASCADE"
        )
    body = ",\n  ".join(lines)
    statements = [f'CREATE TABLE "{table.name}" (\n  {body}\n)']
    for columns in table.indexes:
        index = f"{table.name}_{'_'.join(columns)}"
        statements.append(f'CREATE INDEX "{index}" ON "{table.name}" ({", ".join(columns)})')
    return statements


# --- files ---------------------------------------------------------------------------------------


def _folder(folder: str | os.PathLike[str]) -> Path:
    root = Path(folder)
    if root.exists() and not root.is_dir():
        raise TableFileError(f"{root}: not a directory; CSV and Parquet output is a folder")
    root.mkdir(parents=True, exist_ok=True)
    return root


@contextmanager
def _replacing(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``, renamed over it when the block succeeds."""
    tmp = target.with_name(f".{target.name}.part{os.getpid()}")
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
