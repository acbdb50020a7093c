"""The README's table recipe, run as written: its shell commands through the CLI, its DuckDB and
sqlite3 blocks as Python, over a folder of invented reports; the answers are checked against
the JSON. Editing the README's queries changes what this test runs, so they cannot drift.
"""

from __future__ import annotations

import re
import shlex
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest

import speechparse
from speechparse.cli import main

ROOT = Path(__file__).resolve().parent.parent
HEADING = "### Recipe: speeches per unit, people in several reports"

# Two invented reports sharing a speaker (and a unit) with each other, so that the questions
# have non-trivial answers; beside them the seed and a fixture.
_MEETING = "临江市{topic}座谈会发言摘要\n\n{speeches}"
_SPEECH = "{headline}\n\n{designation}：{body}。 全媒体记者 {reporter}\n\n"
SHARED_SPEAKER = "临江市科技局局长石望川"


def _report(topic: str, speakers: list[tuple[str, str]]) -> str:
    speeches = "".join(
        _SPEECH.format(
            headline=headline, designation=designation, body="要把工作做细做实", reporter="王某某"
        )
        for designation, headline in speakers
    )
    return _MEETING.format(topic=topic, speeches=speeches)


def _blocks(language: str) -> list[str]:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert HEADING in readme
    section = readme.split(HEADING, 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", section, flags=re.S)


@pytest.fixture
def reports_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(ROOT / "seeds" / "000_ba715635817add7f.txt", folder / "seed.txt")
    shutil.copy(ROOT / "tests" / "fixtures" / "linjiang_report.txt", folder / "linjiang.txt")
    (folder / "spring.txt").write_text(
        _report(
            "科技创新",
            [(SHARED_SPEAKER, "让企业唱主角"), ("临江市教育局局长方知远", "办好家门口的学校")],
        ),
        "utf-8",
    )
    (folder / "autumn.txt").write_text(
        _report(
            "营商环境",
            [("临江市财政局局长贺青禾", "把钱花在刀刃上"), (SHARED_SPEAKER, "让政策直达企业")],
        ),
        "utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return [
        orjson.loads(speechparse.to_json(speechparse.parse_file(p)))
        for p in sorted(folder.glob("*.txt"))
    ]


def _expected(dumps: list[dict[str, Any]]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    units: Counter[str] = Counter()
    reports: dict[str, set[str]] = {}
    speeches: Counter[str] = Counter()
    for dump in dumps:
        for speech in dump["speeches"]:
            held = {p["organization"] for p in speech["speaker"]["positions"]}
            units.update(held - {None})
            name = speech["speaker"]["name"]
            reports.setdefault(name, set()).add(dump["source"]["sha256"])
            speeches[name] += 1
    per_unit = sorted(units.items(), key=lambda item: (-item[1], item[0]))
    repeat = sorted(
        ((name, len(shas), speeches[name]) for name, shas in reports.items() if len(shas) > 1),
        key=lambda item: (-item[1], item[0]),
    )
    return per_unit, repeat


def test_recipe_runs_as_written_and_answers_from_the_json(
    reports_folder: list[dict[str, Any]],
) -> None:
    pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    (shell,) = _blocks("sh")
    commands = [shlex.split(line) for line in shell.splitlines() if line.strip()]
    assert [c[0] for c in commands] == ["speechparse", "speechparse"]
    for command in commands:
        assert main(command[1:]) == 0
    python = _blocks("python")
    assert len(python) == 2 and "duckdb" in python[0] and "sqlite3" in python[1]
    per_unit, repeat = _expected(reports_folder)
    assert repeat == [("石望川", 2, 2)] and per_unit[0][1] >= 2  # the questions have answers
    for block in python:
        namespace: dict[str, Any] = {}
        exec(compile(block, "README.md", "exec"), namespace)
        assert [tuple(row) for row in namespace["per_unit"]] == per_unit
        assert [tuple(row) for row in namespace["repeat_speakers"]] == repeat
