"""The speechparse command: output shapes, exit statuses, and one-line errors."""

from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson
import pytest

import speechparse
from clirun import assert_no_traceback
from speechparse.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "linjiang_report.txt"


def _lines(out: str) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in out.splitlines()]


def test_parse_one_file_prints_one_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURE), "--no-keywords"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    report = speechparse.validate(out)
    assert [s.speaker.name for s in report.speeches] == ["周砚秋", "魏澜"]
    assert [s.headline.text for s in report.speeches if s.headline] == [
        "把链主企业留在本地",
        "让园区土地用得更省",
    ]
    assert (
        out.encode() == speechparse.to_json(speechparse.parse_file(FIXTURE, keywords=False)) + b"\n"
    )


def test_indent_and_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.json"
    assert main(["parse", str(FIXTURE), "--no-keywords", "--indent", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    text = target.read_text("utf-8")
    assert text.startswith('{\n  "schema_version"')
    assert speechparse.validate(text).speeches[1].speaker.name == "魏澜"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_output_to_a_device_writes_through_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURE), "--no-keywords", "-o", os.devnull]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # still the device, not a renamed file
    assert capsys.readouterr().out == ""


def _directory_with_broken_file(root: Path) -> list[Path]:
    (root / "sub").mkdir(parents=True)
    paths = [root / "a.txt", root / "b.txt", root / "sub" / "c.txt"]
    shutil.copy(FIXTURE, paths[0])
    paths[1].write_bytes(b"\x00\x01\x02\xff\xfe binary" * 50)
    shutil.copy(FIXTURE, paths[2])
    (root / "notes.md").write_text("not a report", "utf-8")  # not *.txt: skipped
    return paths


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_over_directory_reports_failure_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    paths = _directory_with_broken_file(tmp_path)
    assert main(["parse", str(tmp_path), "--no-keywords", "-j", jobs]) == 1
    out, err = capsys.readouterr()
    assert err == ""  # stderr is not a TTY here: no progress bar
    records = _lines(out)
    assert [r["path"] for r in records] == [str(p) for p in paths]
    assert records[1] == {
        "path": str(paths[1]),
        "error": {"type": "DecodeError", "message": records[1]["error"]["message"]},  # type: ignore[index]
    }
    for i in (0, 2):
        report = speechparse.validate(orjson.dumps(records[i]["report"]))
        assert report.speeches[0].speaker.name == "周砚秋"


def test_jsonl_flag_and_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = FIXTURE.read_text("utf-8").encode("gb18030")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["parse", "-", "--jsonl", "--no-keywords"]) == 0
    (record,) = _lines(capsys.readouterr().out)
    assert record["path"] == "-"
    report = speechparse.validate(orjson.dumps(record["report"]))
    assert report.source.encoding == "gb18030"
    assert report.speeches[1].speaker.name == "魏澜"


def test_glob(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("x1.txt", "x2.txt"):
        shutil.copy(FIXTURE, tmp_path / name)
    assert main(["parse", str(tmp_path / "x*.txt"), "--no-keywords", "-j", "1"]) == 0
    assert [r["path"] for r in _lines(capsys.readouterr().out)] == [
        str(tmp_path / "x1.txt"),
        str(tmp_path / "x2.txt"),
    ]


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("{\n  ")
    assert orjson.loads(out) == speechparse.json_schema()


def test_validate_ok_and_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.json"
    good.write_bytes(speechparse.to_json(speechparse.parse_file(FIXTURE, keywords=False)))
    lines = tmp_path / "good.jsonl"
    _directory_with_broken_file(tmp_path / "d")
    assert main(["parse", str(tmp_path / "d"), "--no-keywords", "-j", "1", "-o", str(lines)]) == 1
    bad = tmp_path / "bad.json"
    document = orjson.loads(good.read_bytes())
    document["speeches"][1]["speaker"]["name"] = 42
    bad.write_bytes(orjson.dumps(document))
    capsys.readouterr()

    assert main(["validate", str(good), str(lines)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"OK {good}", f"OK {lines}"]

    assert main(["validate", str(good), str(bad)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == f"OK {good}"
    assert out.splitlines()[1].startswith(f"{bad}: $.speeches[1].speaker.name:")
    assert err == ""


def test_validate_unreadable_and_not_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junk = tmp_path / "junk.json"
    junk.write_text("{not json", "utf-8")
    assert main(["validate", str(junk), str(tmp_path / "absent.json")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    assert err[0].startswith(f"speechparse: {junk}: ")
    assert err[1].startswith(f"speechparse: {tmp_path / 'absent.json'}: ")


@pytest.mark.parametrize(
    "argv",
    [
        ["parse", "/definitely/not/here.txt"],
        ["parse", "/definitely/not/*.txt"],
    ],
)
def test_bad_path_is_one_line_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith("speechparse: /definitely/not/")
    assert "Traceback" not in err


def test_undecodable_single_file_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "b.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    assert main(["parse", str(binary), "--no-keywords"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [err.rstrip("\n")]
    assert err.startswith(f"speechparse: {binary}: not UTF-8")


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURE), "-j", "0"]) == 2
    assert main([]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_console_script_no_keywords_never_imports_jieba(tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import sys
        from speechparse.cli import main
        status = main(sys.argv[1:])
        assert 'jieba' not in sys.modules, 'jieba was imported'
        sys.exit(status)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "parse", str(FIXTURE), "--no-keywords"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert_no_traceback(done.stderr)
    assert speechparse.validate(done.stdout).speeches[0].speaker.name == "周砚秋"
