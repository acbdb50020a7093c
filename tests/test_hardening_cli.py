"""The command line under hostile or careless use: odd names, endless input, signals, closed
pipes, links, unreadable directories, bad options. Every run goes through ``clirun`` and so
also checks that no traceback ever reaches the user.

Tests run as root here, where ``chmod 000`` does not stop reads: the unreadable-directory case
is simulated in-process by making ``os.scandir`` raise PermissionError for one directory (the
real ``chmod`` version runs, and is skipped under root).
"""

from __future__ import annotations

import contextlib
import os
import sys

import pytest

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("POSIX file names, signals and devices", allow_module_level=True)

import resource
import shutil
import signal
import stat
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson

import speechparse
from clirun import CLI, assert_no_traceback, one_line, run_cli, start_cli
from speechparse.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "linjiang_report.txt"
GBK_NAME = "临江发言摘要".encode("gbk") + b".txt"  # a name written by an old Windows archiver
ESCAPED_NAME = GBK_NAME.decode("utf-8", "backslashreplace")


def _records(out: bytes) -> list[dict[str, object]]:
    out.decode("utf-8")  # strict: the output is UTF-8 whatever the file names
    return [orjson.loads(line) for line in out.splitlines()]


def _names(records: list[dict[str, object]]) -> list[str]:
    return [os.path.basename(str(r["path"])) for r in records]


def _limit_memory() -> None:
    """Child processes of the tests that feed endless input may not take the machine down."""
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


@pytest.fixture
def gbk_dir(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    root.mkdir()
    shutil.copy(FIXTURE, root / "a.txt")
    shutil.copy(FIXTURE, os.fsdecode(os.fsencode(root) + b"/" + GBK_NAME))
    shutil.copy(FIXTURE, root / "z.txt")
    return root


# --- 1. a file name that is not UTF-8 ----------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("to_file", [False, True])
def test_non_utf8_name_is_an_error_record_and_the_batch_goes_on(
    gbk_dir: Path, tmp_path: Path, jobs: str, to_file: bool
) -> None:
    out = tmp_path / "out.jsonl"
    extra = ["-o", str(out)] if to_file else []
    done = run_cli("parse", gbk_dir, "--no-keywords", "-j", jobs, *extra)
    assert done.returncode == 1
    assert done.stderr == b""
    records = _records(out.read_bytes() if to_file else done.stdout)
    # name order: the escaped bytes sort after ASCII letters
    assert _names(records) == ["a.txt", "z.txt", ESCAPED_NAME]
    assert "report" in records[0] and "report" in records[1]
    error = records[2]["error"]
    assert isinstance(error, dict)
    assert error["type"] == "DecodeError"
    assert "file name is not valid UTF-8" in error["message"]
    assert records[2]["path"] == f"{gbk_dir}/{ESCAPED_NAME}"
    if to_file:
        assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "out.jsonl"]


def test_non_utf8_name_given_alone_is_one_line(gbk_dir: Path) -> None:
    done = run_cli("parse", os.fsencode(gbk_dir) + b"/" + GBK_NAME, "--no-keywords")
    assert done.returncode == 2
    assert done.stdout == b""
    line = one_line(done.stderr)
    assert ESCAPED_NAME in line and "not valid UTF-8" in line


def test_validate_names_a_non_utf8_file_readably(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/" + GBK_NAME.replace(b".txt", b".json")
    Path(os.fsdecode(name)).write_bytes(
        speechparse.to_json(speechparse.parse_file(FIXTURE, keywords=False))
    )
    done = run_cli("validate", name)
    assert done.returncode == 0
    assert done.stdout.decode("utf-8").startswith(f"OK {tmp_path}/\\x")


def test_dask_recipe_records_a_non_utf8_name(gbk_dir: Path, tmp_path: Path) -> None:
    dask = pytest.importorskip("dask")
    pytest.importorskip("dask.bag")
    from speechparse.cluster import parse_directory_dask

    out = tmp_path / "parts"
    with dask.config.set(scheduler="synchronous"):
        parts = parse_directory_dask(gbk_dir, out, partitions=2, keywords=False)
    records = _records(b"".join(p.read_bytes() for p in parts))
    assert _names(records) == ["a.txt", "z.txt", ESCAPED_NAME]
    assert records[2]["error"]["type"] == "DecodeError"  # type: ignore[index]
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.jsonl", "part-00001.jsonl"]


def test_dask_partition_that_fails_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from speechparse import batch, cluster

    shutil.copy(FIXTURE, tmp_path / "a.txt")
    calls = 0

    def failing_line(*args: object) -> bytes:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(28, "No space left on device")
        return b"{}\n"

    monkeypatch.setattr(batch, "json_line", failing_line)
    out = tmp_path / "parts"
    out.mkdir()
    tasks: list[batch._Task] = [(str(tmp_path / "a.txt"), None)] * 3
    with pytest.raises(OSError, match="No space"):
        cluster._write_partition((0, tasks), str(out), False)
    assert list(out.iterdir()) == []


# --- 2. standard input without end --------------------------------------------------------------


def _feed_forever(stream: object, written: list[int], cap: int) -> None:
    """Write to the child's stdin until it stops reading (or ``cap`` bytes: a safety net)."""
    chunk = "报告".encode() * 32768
    assert hasattr(stream, "write")
    try:
        while written[0] < cap:
            stream.write(chunk)
            written[0] += len(chunk)
        stream.close()
    except (BrokenPipeError, ValueError, OSError):
        pass


def test_endless_stdin_is_refused_once_past_the_limit() -> None:
    child = start_cli(
        "parse",
        "-",
        "--max-chars",
        "100",
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        preexec_fn=_limit_memory,
    )
    written = [0]
    cap = 256 << 20
    feeder = threading.Thread(target=_feed_forever, args=(child.stdin, written, cap))
    feeder.start()
    try:
        child.wait(timeout=60)
    finally:
        child.kill()
        feeder.join(timeout=60)
    assert child.stderr is not None
    err = child.stderr.read()
    assert_no_traceback(err)
    assert child.returncode == 2
    line = one_line(err)
    assert line.startswith("speechparse: standard input: more than 400 bytes, over the limit")
    # it stopped reading at the limit: the writer was cut off long before its safety cap
    assert written[0] < 16 << 20


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("是" * 150, "more than 400 bytes"),  # 450 bytes of UTF-8: refused while reading
        ("a" * 120, "120 characters, over the limit of 100"),  # 120 bytes, 120 characters
    ],
)
def test_stdin_limit_in_bytes_then_characters(data: str, message: str) -> None:
    done = run_cli("parse", "-", "--max-chars", "100", stdin=data.encode())
    assert done.returncode == 2
    assert message in one_line(done.stderr)


def test_stdin_over_the_limit_in_a_batch_is_one_record(tmp_path: Path) -> None:
    done = run_cli("parse", "-", FIXTURE, "--max-chars", "500", "--no-keywords", stdin=b"x" * 5000)
    assert done.returncode == 1
    first, second = _records(done.stdout)
    assert first["path"] == "-"
    assert first["error"] == {
        "type": "InputTooLargeError",
        "message": "more than 2,000 bytes, over the limit of 500 characters",
    }
    assert "report" in second


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_device_is_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    done = run_cli("parse", device, "--max-chars", "10", timeout=60, preexec=_limit_memory)
    assert done.returncode == 2
    assert "over the limit of 10 characters" in one_line(done.stderr)


# --- 3. signals ---------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    """Live child processes of ``pid`` (from /proc; zombies count as gone)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return fields[0] != "Z"


def _long_batch(root: Path, files: int = 60) -> Path:
    """Files slow enough (~0.1 s each) that a signal lands mid-batch."""
    text = FIXTURE.read_text("utf-8")
    body = text.split("\n", 2)[2]
    big = text + body * 40
    root.mkdir()
    for i in range(files):
        (root / f"r{i:03d}.txt").write_text(big, "utf-8")
    return root


def _wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def reaper() -> Iterator[list[int]]:
    """Pids to kill after the test, whatever happened (a failing run may orphan workers)."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
@pytest.mark.parametrize(
    ("signum", "status", "jobs"),
    [(signal.SIGTERM, 143, "2"), (signal.SIGINT, 130, "2"), (signal.SIGTERM, 143, "1")],
)
def test_signal_mid_batch_stops_workers_and_removes_partial_output(
    tmp_path: Path, reaper: list[int], signum: int, status: int, jobs: str
) -> None:
    corpus = _long_batch(tmp_path / "in")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    child = start_cli("parse", corpus, "--no-keywords", "-j", jobs, "-o", out_dir / "all.jsonl")
    reaper.append(child.pid)
    try:
        partial = lambda: any(p.stat().st_size > 0 for p in out_dir.iterdir())  # noqa: E731
        assert _wait_for(partial, 60), "no output was written"
        workers = _children(child.pid)
        reaper.extend(workers)
        assert len(workers) == (int(jobs) if jobs != "1" else 0)
        child.send_signal(signum)
        _, err = child.communicate(timeout=60)
    finally:
        child.kill()
    assert_no_traceback(err)
    assert child.returncode == status
    assert one_line(err) == f"speechparse: interrupted ({signal.Signals(signum).name})"
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 10), workers
    assert list(out_dir.iterdir()) == []  # neither the output nor a partial file


@pytest.mark.skipif(sys.platform != "linux", reason="the kernel's parent-death signal is Linux's")
def test_workers_die_with_a_killed_parent(tmp_path: Path, reaper: list[int]) -> None:
    corpus = _long_batch(tmp_path / "in")
    child = start_cli("parse", corpus, "--no-keywords", "-j", "2", stdout=subprocess.DEVNULL)
    reaper.append(child.pid)
    try:
        assert _wait_for(lambda: len(_children(child.pid)) >= 2, 60)
        workers = _children(child.pid)
        reaper.extend(workers)
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
    finally:
        child.kill()
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 10), workers


def test_main_puts_signal_handlers_back() -> None:
    before = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    assert main(["parse", str(FIXTURE), "--no-keywords", "-o", os.devnull]) == 0
    after = {s: signal.getsignal(s) for s in before}
    assert after == before


# --- 4. a closed pipe ---------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closed_pipe_ends_quietly_with_141(tmp_path: Path, jobs: str, reaper: list[int]) -> None:
    for i in range(150):
        shutil.copy(FIXTURE, tmp_path / f"r{i:03d}.txt")
    child = start_cli("parse", tmp_path, "--no-keywords", "-j", jobs)
    reaper.append(child.pid)
    try:
        assert child.stdout is not None
        assert child.stdout.read(100).startswith(b'{"path":')
        child.stdout.close()  # what `| head -c 100` does
        workers = _children(child.pid) if os.path.isdir("/proc/self") else []
        reaper.extend(workers)
        child.wait(timeout=60)
    finally:
        child.kill()
    assert child.stderr is not None
    assert child.stderr.read() == b""
    assert child.returncode == 141
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 10)


# --- 5. validate --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "$: empty: no JSON document"),
        (b"  \n\n \r\n", "$: empty: no JSON document"),
        (b"[]", "$: Input should be an object"),
        (b"42\n", "$: Input should be an object"),
        (b'"report"', "$: Input should be an object"),
        (b"null", "$: Input should be an object"),
        (b'{"path": "a.txt", "report": 5}', "line 1: $: Input should be an object"),
        (b"[1]\n[2]\n", "line 1: $: a record must be an object with a 'report' or 'error' key"),
    ],
)
def test_validate_rejects_empty_and_non_object(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    done = run_cli("validate", path)
    assert done.returncode == 1
    assert done.stdout.decode().splitlines() == [f"{path}: {problem}"]
    assert done.stderr == b""


def test_validate_a_directory_and_stdin(tmp_path: Path) -> None:
    done = run_cli("validate", tmp_path)
    assert done.returncode == 2
    assert one_line(done.stderr) == f"speechparse: {tmp_path}: Is a directory"
    report = speechparse.to_json(speechparse.parse_file(FIXTURE, keywords=False))
    done = run_cli("validate", "-", stdin=report)
    assert (done.returncode, done.stdout) == (0, b"OK -\n")


def test_validate_indented_document_and_lines(tmp_path: Path) -> None:
    report = speechparse.parse_file(FIXTURE, keywords=False)
    indented = tmp_path / "indented.json"
    indented.write_bytes(speechparse.to_json(report, indent=True))
    lines = tmp_path / "lines.jsonl"
    record = b'{"path":"a.txt","report":' + speechparse.to_json(report) + b"}\n"
    bad = orjson.loads(speechparse.to_json(report))
    bad["speeches"][0]["speaker"]["name"] = 7
    lines.write_bytes(
        record
        + b"\n"
        + b'{"path":"b.txt","error":{"type":"DecodeError","message":"x"}}\n'
        + b'{"path":"c.txt","report":'
        + orjson.dumps(bad)
        + b"}\n"
    )
    done = run_cli("validate", indented, lines)
    assert done.returncode == 1
    assert done.stdout.decode().splitlines() == [
        f"OK {indented}",
        f"{lines}: line 4: $.speeches[0].speaker.name: Input should be a valid string",
    ]


# --- 6. links and loops -------------------------------------------------------------------------


@pytest.fixture
def looped(tmp_path: Path) -> Path:
    """One report under two links back to the top: 2**depth paths if links were followed."""
    root = tmp_path / "loop"
    (root / "sub").mkdir(parents=True)
    shutil.copy(FIXTURE, root / "sub" / "a.txt")
    os.symlink("..", root / "sub" / "up1")
    os.symlink("..", root / "sub" / "up2")
    os.symlink("sub/a.txt", root / "link.txt")  # a link to a file is a file
    return root


@pytest.mark.parametrize("pattern", ["**/*.txt", "**/a.txt", "*/*.txt", "**"])
def test_glob_does_not_follow_directory_links_into_loops(looped: Path, pattern: str) -> None:
    done = run_cli("parse", f"{looped}/{pattern}", "--no-keywords", "-j", "1", timeout=60)
    paths = [r["path"] for r in _records(done.stdout)]
    expected = {
        "**/*.txt": ["link.txt", "sub/a.txt"],
        "**/a.txt": ["sub/a.txt"],
        "*/*.txt": ["sub/a.txt"],
        "**": ["link.txt", "sub/a.txt"],
    }[pattern]
    assert paths == [f"{looped}/{p}" for p in expected]
    assert done.returncode == 0


def test_directory_walk_does_not_follow_links_into_loops(looped: Path) -> None:
    done = run_cli("parse", looped, "--no-keywords", "-j", "1", timeout=60)
    assert done.returncode == 0
    assert [r["path"] for r in _records(done.stdout)] == [
        f"{looped}/link.txt",
        f"{looped}/sub/a.txt",
    ]


def test_dangling_link_and_fifo_in_a_walk_are_reported(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path / "a.txt")
    os.symlink("gone.txt", tmp_path / "b.txt")
    os.mkfifo(tmp_path / "c.txt")  # would block the walk forever if opened
    done = run_cli("parse", tmp_path, "--no-keywords", "-j", "1", timeout=60)
    assert done.returncode == 1
    a, b, c = _records(done.stdout)
    assert "report" in a
    assert b["error"] == {"type": "FileNotFoundError", "message": "dangling symbolic link"}
    assert c["error"] == {
        "type": "OSError",
        "message": "not a regular file (a FIFO, socket or device)",
    }


def test_named_fifo_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as stream:
            stream.write(FIXTURE.read_bytes())

    writer = threading.Thread(target=write)
    writer.start()
    done = run_cli("parse", fifo, "--no-keywords", timeout=60)
    writer.join(timeout=60)
    assert done.returncode == 0
    assert speechparse.validate(done.stdout).speeches[1].speaker.name == "魏澜"


# --- 7. unreadable directories ------------------------------------------------------------------


def _tree_with_locked_dir(root: Path) -> Path:
    (root / "locked").mkdir(parents=True)
    (root / "open").mkdir()
    shutil.copy(FIXTURE, root / "a.txt")
    shutil.copy(FIXTURE, root / "locked" / "b.txt")
    shutil.copy(FIXTURE, root / "open" / "c.txt")
    return root / "locked"


@pytest.mark.parametrize("how", ["dir", "glob"])
def test_unreadable_directory_is_reported_in_place(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    how: str,
) -> None:
    # Simulated: as root, chmod 000 does not stop reading (the next test does it for real).
    locked = _tree_with_locked_dir(tmp_path / "t")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if os.path.abspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    source = str(tmp_path / "t") if how == "dir" else f"{tmp_path}/t/**/*.txt"
    assert main(["parse", source, "--no-keywords", "-j", "1"]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    records = _records(out.encode())
    assert [r["path"] for r in records] == [
        f"{tmp_path}/t/a.txt",
        str(locked),
        f"{tmp_path}/t/open/c.txt",
    ]
    assert records[1]["error"] == {"type": "PermissionError", "message": "Permission denied"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 directory anyway")
def test_unreadable_directory_for_real(tmp_path: Path) -> None:  # pragma: no cover - as root
    locked = _tree_with_locked_dir(tmp_path / "t")
    locked.chmod(0)
    try:
        done = run_cli("parse", tmp_path / "t", "--no-keywords", "-j", "1")
    finally:
        locked.chmod(0o755)
    assert done.returncode == 1
    assert _records(done.stdout)[1]["error"]["type"] == "PermissionError"  # type: ignore[index]


# --- 8. where -o writes -------------------------------------------------------------------------


def test_output_through_a_link_writes_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", "utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    done = run_cli("parse", FIXTURE, "--no-keywords", "-o", link)
    assert done.returncode == 0
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert speechparse.validate(real.read_bytes()).speeches[0].speaker.name == "周砚秋"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # the file's mode is kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_output_through_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    (tmp_path / "link.json").symlink_to("made.json")
    assert run_cli("parse", FIXTURE, "--no-keywords", "-o", tmp_path / "link.json").returncode == 0
    assert (tmp_path / "link.json").is_symlink()
    assert speechparse.validate((tmp_path / "made.json").read_bytes()).speeches


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("missing/out.json", "no such directory"),
        (".", "is a directory"),
        ("in.txt", "is also an input"),
    ],
)
def test_bad_output_is_refused_before_any_work(tmp_path: Path, output: str, message: str) -> None:
    shutil.copy(FIXTURE, tmp_path / "in.txt")
    before = (tmp_path / "in.txt").read_bytes()
    done = run_cli("parse", "in.txt", "--no-keywords", "-o", output, cwd=tmp_path)
    assert done.returncode == 2
    line = one_line(done.stderr)
    assert line.startswith(f"speechparse: -o {output}: {message}")
    assert ".part" not in line
    assert (tmp_path / "in.txt").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("how", ["-o", "stdout"])
def test_full_disk_is_one_line(how: str) -> None:
    if how == "-o":
        done = run_cli("parse", FIXTURE, "--no-keywords", "-o", "/dev/full")
        label = "/dev/full"
    else:
        with open("/dev/full", "wb") as full:
            done = run_cli("parse", FIXTURE, "--no-keywords", stdout=full, stderr=subprocess.PIPE)
        label = "standard output"
    assert done.returncode == 2
    assert one_line(done.stderr) == f"speechparse: {label}: No space left on device"


# --- 9. python -m, --version, __version__ ----------------------------------------------------


def test_python_dash_m_is_the_command() -> None:
    args = ["parse", str(FIXTURE), "--no-keywords"]
    by_module = subprocess.run(
        [sys.executable, "-m", "speechparse", *args], capture_output=True, timeout=120, check=False
    )
    by_cli = run_cli(*args)
    assert by_module.returncode == by_cli.returncode == 0
    assert by_module.stdout == by_cli.stdout
    assert speechparse.validate(by_module.stdout).speeches[0].speaker.name == "周砚秋"
    script = Path(sys.executable).with_name("speechparse")
    if script.exists():
        by_script = subprocess.run([script, *args], capture_output=True, timeout=120, check=False)
        assert by_script.stdout == by_cli.stdout


def test_version() -> None:
    from importlib.metadata import version

    installed = version("speechparse")
    assert speechparse.__version__ == installed
    assert "__version__" in dir(speechparse)
    done = run_cli("--version")
    assert (done.returncode, done.stdout.decode()) == (0, f"speechparse {installed}\n")
    by_module = subprocess.run(
        [sys.executable, "-m", "speechparse", "--version"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert by_module.stdout == done.stdout


def test_version_without_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.metadata

    from speechparse._version import package_version

    def missing(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", missing)
    assert package_version() == "0+unknown"


# --- 10 and the rest: careless options and closed streams ---------------------------------------


@pytest.mark.parametrize(
    "options",
    [
        ["-j", "0"],
        ["-j", "-1"],
        ["-j", "100000"],
        ["-j", "two"],
        ["--max-chars", "0"],
        ["--max-chars", "-5"],
        ["--max-chars", "1e3"],
        ["--encoding", "no-such-codec"],
        ["--encoding", "rot13"],
    ],
)
def test_bad_option_is_a_usage_error_before_any_work(tmp_path: Path, options: list[str]) -> None:
    shutil.copy(FIXTURE, tmp_path / "a.txt")
    shutil.copy(FIXTURE, tmp_path / "b.txt")
    done = run_cli("parse", tmp_path, "--no-keywords", *options)
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode().splitlines()[-1].startswith("speechparse parse: error: argument")


def test_closed_stdin_and_stdout_are_one_line() -> None:
    done = run_cli("parse", "-", preexec=lambda: os.close(0), stdin=None)
    assert done.returncode == 2
    assert one_line(done.stderr) == "speechparse: standard input is closed"
    done = subprocess.run(
        [*CLI, "parse", str(FIXTURE), "--no-keywords"],
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
        timeout=120,
        check=False,
    )
    assert_no_traceback(done.stderr)
    assert done.returncode == 2
    assert one_line(done.stderr).startswith("speechparse: standard output is closed")


def test_output_to_dev_stdout_is_written_through() -> None:
    done = run_cli("parse", FIXTURE, "--no-keywords", "-o", "/dev/stdout")
    assert done.returncode == 0
    assert speechparse.validate(done.stdout).speeches[0].speaker.name == "周砚秋"


def test_glob_matching_only_directories(tmp_path: Path) -> None:
    (tmp_path / "d1").mkdir()
    done = run_cli("parse", f"{tmp_path}/d*", "--no-keywords")
    assert done.returncode == 2
    assert one_line(done.stderr) == f"speechparse: {tmp_path}/d*: no file matches"


def test_deep_tree_is_walked(tmp_path: Path) -> None:
    """Deeper than Python's recursion limit: the walk must not recurse per level."""
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(1200):
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.open("r.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "wb") as file:
            file.write(FIXTURE.read_bytes())
    finally:
        os.close(fd)
    try:
        done = run_cli("parse", ".", "--no-keywords", "--jsonl", cwd=tmp_path, timeout=120)
    finally:  # shutil.rmtree recurses per level too: take the tree down here
        os.unlink(os.path.join(tmp_path, *["d"] * 1200, "r.txt"))
        for level in range(1200, 0, -1):
            os.rmdir(os.path.join(tmp_path, *["d"] * level))
    (record,) = _records(done.stdout)
    assert record["path"] == "/".join(["d"] * 1200 + ["r.txt"])
    assert done.returncode == 0
