"""Run the ``speechparse`` command in a child process, the way a shell would.

Every run asserts that stderr holds no Python traceback: whatever goes wrong, the command owes
the user one line and a status. ``CLI`` runs exactly what the console script runs
(``sys.exit(main())``); ``python -m speechparse`` and the installed script are checked
against it in tests/test_hardening_cli.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

CLI = [sys.executable, "-c", "import sys; from speechparse.cli import main; sys.exit(main())"]


def assert_no_traceback(stderr: bytes) -> None:
    for marker in (b"Traceback", b"Exception ignored", b"Fatal Python error"):
        assert marker not in stderr, stderr.decode("utf-8", "replace")


def run_cli(
    *args: str | os.PathLike[str] | bytes,
    stdin: bytes | None = None,
    timeout: float = 120,
    preexec: Callable[[], None] | None = None,
    **kwargs: Any,
) -> subprocess.CompletedProcess[bytes]:
    """Run to completion (bounded by ``timeout``) and return the result; no traceback allowed."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    done = subprocess.run(
        [*CLI, *args],
        input=stdin,
        timeout=timeout,
        check=False,
        preexec_fn=preexec,
        **kwargs,
    )
    assert_no_traceback(done.stderr)
    return done


def start_cli(*args: str | os.PathLike[str] | bytes, **kwargs: Any) -> subprocess.Popen[bytes]:
    """Start without waiting (for signals and closed pipes); check stderr when it ends."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen([*CLI, *args], **kwargs)


def one_line(stderr: bytes) -> str:
    """The single ``speechparse: …`` line an error must print."""
    text = stderr.decode("utf-8")
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("speechparse: "), text
    return lines[0]
