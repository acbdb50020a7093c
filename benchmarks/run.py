"""speechparse benchmarks (issue 5). Not part of the unit tests.

Run from the repository root with the project's interpreter:

    .venv/bin/python benchmarks/run.py            # full run (a few minutes), writes RESULTS.md
    .venv/bin/python benchmarks/run.py --quick    # fewer repeats, for a smoke test
    .venv/bin/python benchmarks/run.py --hardening [--quick]   # one long line, RSS per MB only

Every figure is the median of repeated runs with its spread (interquartile range and min/max),
next to a reference measured in the same run on the same machine, so the ratio is meaningful
even when the absolute numbers drift. Measured and reference runs are interleaved so that a
noisy neighbour slows both. Fresh-process figures start a new interpreter each time; warm
figures are per call after a warm-up call in this process. The jieba/IDF cache is warmed once
first (a cold-cache fresh run is reported separately, for information).
"""

from __future__ import annotations

import argparse
import os
import pickle
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_ba715635817add7f.txt"
DEV = ROOT.parent / "shared" / "corpus" / "dev"
PY = sys.executable
MIB = 1024 * 1024
NOTES_MARKER = "<!-- notes: kept across runs -->\n"


@dataclass
class Stat:
    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def spread(self, unit: float = 1.0, fmt: str = ".3g") -> str:
        s = sorted(self.samples)
        if len(s) >= 4:
            q = statistics.quantiles(s, n=4)
            iqr = f"IQR {q[0] / unit:{fmt}}–{q[2] / unit:{fmt}}, "
        else:
            iqr = ""
        return f"{iqr}min/max {s[0] / unit:{fmt}}/{s[-1] / unit:{fmt}}, n={len(s)}"


@dataclass
class Row:
    name: str
    value: str
    spread: str
    reference: str
    ratio: float | None
    target: str
    met: bool | None

    def cells(self) -> list[str]:
        ratio = "—" if self.ratio is None else f"{self.ratio:.3g}×"
        met = "—" if self.met is None else ("met" if self.met else "**missed**")
        return [self.name, self.value, self.spread, self.reference, ratio, self.target, met]


def fresh(cmd: Sequence[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def interleaved(a: Callable[[], float], b: Callable[[], float], repeats: int) -> tuple[Stat, Stat]:
    sa: list[float] = []
    sb: list[float] = []
    for _ in range(repeats):
        sa.append(a())
        sb.append(b())
    return Stat(sa), Stat(sb)


def paired(a: Stat, b: Stat) -> Stat:
    """The ratio of each interleaved pair: noise that slows both runs of a pair cancels out."""
    return Stat([x / y for x, y in zip(a.samples, b.samples, strict=True)])


def timed(fn: Callable[[], object]) -> Callable[[], float]:
    def run() -> float:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    return run


def rss_mib(code: str) -> float:
    """Peak RSS of a fresh interpreter running ``code``, from its own /proc VmHWM.

    Not ru_maxrss: a forked child starts with its parent's peak, so after this driver has
    parsed 10 MB every child would report the driver's footprint. VmHWM belongs to the new
    address space that exec creates.
    """
    probe = code + (
        "\nprint([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
    )
    out = subprocess.run([PY, "-c", probe], check=True, capture_output=True, text=True).stdout
    return int(out.strip().splitlines()[-1]) * 1024 / MIB  # VmHWM is in kB


def _line_caches() -> list[Callable[[], None]]:
    """``cache_clear`` of every bounded cache in the package (line-level decisions)."""
    import functools
    import gc

    return [
        f.cache_clear
        for f in gc.get_objects()
        if isinstance(f, functools._lru_cache_wrapper)
        and getattr(f, "__module__", "").startswith("speechparse")
        and f.cache_info().maxsize is not None
    ]


def corpus_texts() -> list[str]:
    files = [SEED, *sorted(DEV.glob("*.txt"))] if DEV.is_dir() else [SEED]
    import speechparse.decoding.decode as dec

    return [dec.decode(p.read_bytes())[0] for p in files]


def machine() -> str:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    from importlib.metadata import PackageNotFoundError, version

    import jieba
    import pydantic

    try:
        rjieba = f"rjieba {version('rjieba')}"
    except PackageNotFoundError:
        rjieba = "no rjieba"
    return (
        f"{os.cpu_count()} cores ({model}), {ram:.0f} GiB RAM, Python {platform.python_version()}"
        f" on {platform.system()} {platform.release()}, pydantic {pydantic.VERSION},"
        f" jieba {jieba.__version__}, {rjieba}"
    )


def seed_bytes_text(seed_text: str, megabytes: float, *, one_line: bool) -> str:
    """The seed repeated to ``megabytes`` of UTF-8, or the same text without line breaks."""
    copies = int(megabytes * 1e6 / len(seed_text.encode("utf-8"))) + 1
    text = "\n\n".join([seed_text] * copies)
    return text.replace("\r", "").replace("\n", "") if one_line else text


def hardening(rows: list[Row], seed_text: str, quick: bool, log: Callable[[str], None]) -> None:
    """Issue 11: one long line costs what the lines cost; peak memory per MB of input."""
    import speechparse

    log("hardening: one long line vs the same text with line breaks")
    speechparse.parse(seed_text, keywords=False)
    for mb in (1, 5):
        lines = seed_bytes_text(seed_text, mb, one_line=False)
        flat = seed_bytes_text(seed_text, mb, one_line=True)
        big = 10 * len(lines)
        one, many = interleaved(
            timed(lambda t=flat, big=big: speechparse.parse(t, keywords=False, max_chars=big)),
            timed(lambda t=lines, big=big: speechparse.parse(t, keywords=False, max_chars=big)),
            1 if quick else 3,
        )
        # per character, since removing the breaks shortens the text a little
        ratio = (one.median / len(flat)) / (many.median / len(lines))
        rows.append(
            Row(
                f"{mb} MB report as one line, `parse(keywords=False)`",
                f"{one.median:.2f} s",
                one.spread(1, ".2f") + " s",
                f"same text with line breaks: {many.median:.2f} s",
                ratio,
                "≤ 2× per character",
                ratio <= 2.0,
            )
        )

    log("hardening: peak RSS per MB of input (fresh process, parse_file, keywords=False)")
    probe = "import speechparse; speechparse.parse_file({path!r}, keywords=False, max_chars=10**9)"
    base = Stat([rss_mib(probe.format(path=str(SEED))) for _ in range(1 if quick else 3)])
    sizes = (1, 10) if quick else (1, 10, 50)
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            for one_line in (False, True):
                path = Path(tmp) / f"{mb}mb{'-one-line' if one_line else ''}.txt"
                path.write_text(seed_bytes_text(seed_text, mb, one_line=one_line), "utf-8")
                size = path.stat().st_size / MIB
                peak = Stat([rss_mib(probe.format(path=str(path)))])
                path.unlink()
                per_mb = (peak.median - base.median) / size
                rows.append(
                    Row(
                        f"peak RSS, {size:.1f} MiB file{' as one line' if one_line else ''}",
                        f"{peak.median:.0f} MiB",
                        f"{per_mb:.1f} MiB per MiB of input above the seed's peak",
                        f"parse_file(seed): {base.median:.1f} MiB",
                        None,
                        "≤ 10 MiB per MiB",
                        per_mb <= 10,
                    )
                )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument(
        "--hardening",
        action="store_true",
        help="only the one-long-line and memory-per-MB figures (issue 11), printed, not written",
    )
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    args = parser.parse_args()
    q = args.quick
    rows: list[Row] = []
    seed_text = SEED.read_text("utf-8")
    cli = [PY, "-m", "speechparse.cli"]

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    if args.hardening:
        hardening(rows, seed_text, q, log)
        head = ["figure", "median", "spread", "reference (same run)", "ratio", "target", "status"]
        print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
        print("\n".join("| " + " | ".join(r.cells()) + " |" for r in rows))
        return 0

    # Measure as installed: bytecode compiled (a wheel install compiles it) and the per-user
    # dictionary/IDF cache present, as it is after any first run.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([*cli, "parse", str(SEED), "-o", os.devnull], check=True, env=env)
    load_before = os.getloadavg()

    log("1/8 import time")
    a, b = interleaved(
        lambda: fresh([PY, "-c", "import speechparse"]),
        lambda: fresh([PY, "-c", "import pydantic"]),
        5 if q else 21,
    )
    ratio = a.median / b.median
    rows.append(
        Row(
            "`import speechparse` (fresh process)",
            f"{a.median * 1e3:.0f} ms",
            a.spread(1e-3) + " ms",
            f"`import pydantic`: {b.median * 1e3:.0f} ms",
            ratio,
            "≤ 1.5×",
            ratio <= 1.5,
        )
    )

    log("2/8 warm parse without keywords, against jieba.lcut and the floor pipeline")
    import jieba
    import jieba.analyse

    import speechparse

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from floor import answer, floor

    speechparse.parse(seed_text, keywords=False)
    jieba.lcut(seed_text)
    tree = answer(seed_text)
    floor(seed_text, tree)

    def warm_row(
        label: str,
        measured: Callable[[], object],
        reference: Callable[[], object],
        reference_label: str,
        limit: float | None,
    ) -> None:
        """A row of warm per-call times, paired against a reference run interleaved with it."""
        a, b = interleaved(timed(measured), timed(reference), 7 if q else 31)
        r = paired(a, b)
        rows.append(
            Row(
                label,
                f"{a.median * 1e3:.2f} ms",
                a.spread(1e-3) + " ms",
                f"{reference_label}: {b.median * 1e3:.2f} ms (paired ratios {r.spread()})",
                r.median,
                f"≤ {limit:g}×" if limit is not None else "(info)",
                r.median <= limit if limit is not None else None,
            )
        )

    # The parser keeps bounded caches of line-level decisions (a line seen twice is judged
    # once); a warm parse of the same text hits them all. A text never seen misses them.
    caches = _line_caches()

    def unseen() -> None:
        for clear in caches:
            clear()
        speechparse.parse(seed_text, keywords=False)

    def lcut() -> object:
        return jieba.lcut(seed_text)

    def parse() -> object:
        return speechparse.parse(seed_text, keywords=False)

    warm_row("warm `parse(seed, keywords=False)`", parse, lcut, "`jieba.lcut(seed)`", 0.30)
    warm_row(
        "  same, line caches emptied before each call (as for a text never seen)",
        unseen,
        lcut,
        "`jieba.lcut(seed)`",
        None,
    )
    warm_row(
        "  same, against the floor pipeline (benchmarks/floor.py)",
        parse,
        lambda: floor(seed_text, tree),
        "floor",
        3.0,
    )

    log("3/8 warm parse with keywords")
    speechparse.parse(seed_text)
    jieba.analyse.extract_tags(seed_text, topK=20)
    a, b = interleaved(
        timed(lambda: speechparse.parse(seed_text)),
        timed(lambda: jieba.analyse.extract_tags(seed_text, topK=20)),
        7 if q else 31,
    )
    r = paired(a, b)
    rows.append(
        Row(
            "warm `parse(seed)` with keywords",
            f"{a.median * 1e3:.1f} ms",
            a.spread(1e-3) + " ms",
            f"`jieba.analyse.extract_tags(seed, topK=20)`: {b.median * 1e3:.1f} ms"
            f" (paired ratios {r.spread()})",
            r.median,
            "≤ 1.0×",
            r.median <= 1.0,
        )
    )
    from speechparse.enrichment import jieba_adapter

    fast = jieba_adapter.segmenter()
    reference = jieba_adapter.reference_segmenter()
    assert fast.cut(seed_text) == reference.cut(seed_text), "backends disagree on the seed"
    a, b = interleaved(
        timed(lambda: fast.cut(seed_text)),
        timed(lambda: reference.cut(seed_text)),
        7 if q else 31,
    )
    r = paired(a, b)
    rows.append(
        Row(
            f"segmenting the seed, `{fast.name}` backend (same tokens)",
            f"{a.median * 1e3:.2f} ms",
            a.spread(1e-3) + " ms",
            f"jieba backend: {b.median * 1e3:.1f} ms (paired ratios {r.spread()})",
            r.median,
            "(info)",
            None,
        )
    )

    log("4/8 fresh-process CLI run")
    bare = f"import jieba.analyse; jieba.analyse.extract_tags(open({str(SEED)!r}).read())"
    a, b = interleaved(
        lambda: fresh([*cli, "parse", str(SEED), "-o", os.devnull]),
        lambda: fresh([PY, "-c", bare]),
        5 if q else 15,
    )
    ratio = a.median / b.median
    rows.append(
        Row(
            "fresh `speechparse parse seed` (keywords, warm cache)",
            f"{a.median:.3f} s",
            a.spread(1, ".3f") + " s",
            f"bare jieba `extract_tags` process: {b.median:.3f} s",
            ratio,
            "≤ 1.0×",
            ratio <= 1.0,
        )
    )
    a, b = interleaved(
        lambda: fresh([*cli, "parse", str(SEED), "--no-keywords", "-o", os.devnull]),
        lambda: fresh([PY, "-c", "import pydantic"]),
        5 if q else 15,
    )
    ratio = a.median / b.median
    rows.append(
        Row(
            "fresh `speechparse parse seed --no-keywords`",
            f"{a.median:.3f} s",
            a.spread(1, ".3f") + " s",
            f"`python -c 'import pydantic'`: {b.median:.3f} s",
            ratio,
            "≤ 2.0×",
            ratio <= 2.0,
        )
    )
    cold: list[float] = []
    for _ in range(2 if q else 5):
        with tempfile.TemporaryDirectory() as empty:
            env = {**os.environ, "XDG_CACHE_HOME": empty}
            cold.append(fresh([*cli, "parse", str(SEED), "-o", os.devnull], env=env))
    c = Stat(cold)
    rows.append(
        Row(
            "  same, cold cache (first run per user; builds and writes it)",
            f"{c.median:.3f} s",
            c.spread(1, ".3f") + " s",
            f"bare jieba: {b.median:.3f} s",
            c.median / b.median,
            "(info)",
            None,
        )
    )

    log("5/8 throughput and scaling")
    texts = corpus_texts()
    batch: list[str] = []
    size = 0
    while size < 10 * MIB:
        for t in texts:
            batch.append(t)
            size += len(t.encode("utf-8"))
    mb = size / 1e6
    for kw in (False, True):
        runs = [
            timed(lambda kw=kw: [speechparse.parse(t, keywords=kw) for t in batch])()
            for _ in range(2 if q else 3)
        ]
        s = Stat(runs)
        floor_mb = 1.0 if kw else 4.0
        rows.append(
            Row(
                f"throughput, {mb:.1f} MB of reports, keywords={kw}, one core",
                f"{mb / s.median:.2f} MB/s",
                s.spread(1, ".2f") + " s total",
                f"{len(batch)} reports in {s.median:.1f} s",
                None,
                f"≥ {floor_mb:g} MB/s",
                mb / s.median >= floor_mb,
            )
        )
    for kw in (False, True):
        big = "\n\n".join([seed_text] * 64)
        speechparse.parse(big, keywords=kw)
        one, hundred = interleaved(
            timed(lambda kw=kw: speechparse.parse(seed_text, keywords=kw)),
            timed(lambda kw=kw, big=big: speechparse.parse(big, keywords=kw)),
            3 if q else (7 if not kw else 3),
        )
        ratio = hundred.median / one.median
        rows.append(
            Row(
                f"seed ×64 vs ×1 in one text, keywords={kw}",
                f"{hundred.median:.2f} s",
                hundred.spread(1, ".2f") + " s",
                f"seed ×1: {one.median * 1e3:.1f} ms",
                ratio,
                "≤ 70.4× (64× within 10%)",
                ratio <= 64 * 1.1,
            )
        )

    log("6/8 peak RSS")
    n = 2 if q else 5
    for kw in (False, True):
        code = f"import speechparse; speechparse.parse_file({str(SEED)!r}, keywords={kw})"
        ref = "import pydantic" if not kw else bare
        a, b = interleaved(lambda code=code: rss_mib(code), lambda ref=ref: rss_mib(ref), n)
        target = "≤ 60 MiB" if not kw else "(info)"
        rows.append(
            Row(
                f"peak RSS, parse_file(seed, keywords={kw})",
                f"{a.median:.1f} MiB",
                a.spread(1, ".1f") + " MiB",
                ("`import pydantic`" if not kw else "bare jieba extract_tags")
                + f": {b.median:.1f} MiB",
                a.median / b.median,
                target,
                a.median <= 60 if not kw else None,
            )
        )

    log("7/8 -j 2 vs -j 1 on 400 reports")
    cpu: dict[str, list[float]] = {"1": [], "2": []}

    def jobs(n: str, folder: str) -> float:
        """Wall time of one CLI run; its CPU time (all its processes) goes into ``cpu``."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = fresh([*cli, "parse", folder, "-j", n, "-o", os.devnull])
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        cpu[n].append(used)
        return wall

    with tempfile.TemporaryDirectory() as tmp:
        files = [SEED, *sorted(DEV.glob("*.txt"))] if DEV.is_dir() else [SEED]
        for i in range(400):
            shutil.copy(files[i % len(files)], Path(tmp) / f"r{i:03d}.txt")
        j1, j2 = interleaved(lambda: jobs("1", tmp), lambda: jobs("2", tmp), 2 if q else 5)
    speedup = paired(j1, j2)
    best = min(j1.samples) / min(j2.samples)  # least disturbed by other load on the machine
    cpu1, cpu2 = Stat(cpu["1"]).median, Stat(cpu["2"]).median
    rows.append(
        Row(
            "CLI `-j 2` on 400 reports (keywords)",
            f"{j2.median:.2f} s",
            j2.spread(1, ".2f") + " s",
            f"`-j 1`: {j1.median:.2f} s (best-of ratio {best:.2f}×); CPU time of all processes"
            f" {cpu2:.2f} s with `-j 2`, {cpu1:.2f} s with `-j 1`",
            speedup.median,
            "≥ 1.8× faster",
            speedup.median >= 1.8,
        )
    )

    # How parse_many gets reports back from workers: JSON bytes + validation vs pickle.
    report = speechparse.parse(seed_text)
    data = speechparse.to_json(report)
    pickled = pickle.dumps(report)
    js, pk = interleaved(
        timed(lambda: speechparse.Report.model_validate_json(speechparse.to_json(report))),
        timed(lambda: pickle.loads(pickle.dumps(report))),
        7 if q else 31,
    )
    rows.append(
        Row(
            "worker→parent: to_json + model_validate_json (seed report)",
            f"{js.median * 1e3:.2f} ms",
            js.spread(1e-3) + " ms",
            f"pickle round trip: {pk.median * 1e3:.2f} ms ({len(pickled) // 1024} KiB "
            f"vs {len(data) // 1024} KiB JSON)",
            js.median / pk.median,
            "(info)",
            None,
        )
    )

    log("8/8 hardening")
    hardening(rows, seed_text, q, log)

    head = ["figure", "median", "spread", "reference (same run)", "ratio", "target", "status"]
    table = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    table += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = "\n".join(
        [
            "# Benchmark results (issue 5)",
            "",
            f"Generated by `python benchmarks/run.py{' --quick' if q else ''}` on "
            f"{time.strftime('%Y-%m-%d %H:%M')}.",
            "",
            f"Machine: {machine()}. Load average (1/5/15 min) at start "
            f"{'/'.join(f'{x:.2f}' for x in load_before)}, at end "
            f"{'/'.join(f'{x:.2f}' for x in os.getloadavg())}: other processes on this "
            "shared machine compete for the same cores, which hurts `-j 2` most.",
            "",
            *table,
            "",
            f"(benchmark driver peak RSS {peak:.0f} MiB)",
            "",
        ]
    )
    out = Path(args.out)
    # Hand-written analysis below the marker survives a re-run; only the figures are replaced.
    kept = ""
    if out.exists() and NOTES_MARKER in out.read_text("utf-8"):
        kept = out.read_text("utf-8").split(NOTES_MARKER, 1)[1]
    out.write_text(text + NOTES_MARKER + kept, "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
