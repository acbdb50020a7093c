"""Keywords are a function of the document and the options alone.

Words a document teaches (its quoted terms, its unit names) used to be added for good to a
tokenizer shared by the whole process, so a report parsed after another one could get other
keywords than the same report parsed first, alone, in another thread or with another ``-j``.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import orjson

import speechparse
from speechparse.export import to_json

# Invented reports. B quotes a term (“数智赋能”) that A uses unquoted: had B's quoted terms been
# added to a shared dictionary, A parsed after B would get 数智赋能 as one keyword.
REPORT_A = """云湖市数字经济座谈会发言摘要
本报记者 林小溪
　　5月6日，云湖市召开数字经济座谈会。现将发言摘要刊发如下。
　　云湖市工业和信息化局局长 苏青禾：我们推进数智赋能传统产业，数智赋能已覆盖三百家企业。
　　下一步，我们将以数智赋能带动制造业升级，建设工业互联网平台。
　　云湖市科技局副局长 杜远帆：科技创新是数智赋能的基础。我们将加快建设创新平台，支持企业研发。
"""
REPORT_B = """青柳县乡村振兴座谈会发言摘要
本报记者 韦晓川
　　6月2日，青柳县召开乡村振兴座谈会。现将发言摘要刊发如下。
　　青柳县农业农村局局长 韩松涛：我们提出“数智赋能”行动，让农民用上新技术。
"""
CORPUS = Path(__file__).resolve().parent / "corpus"


def test_a_report_parsed_after_another_gives_the_same_bytes() -> None:
    first = to_json(speechparse.parse(REPORT_A))
    learnt = speechparse.parse(REPORT_B)
    again = to_json(speechparse.parse(REPORT_A))
    assert first == again
    assert "数智赋能" in {k.word for k in learnt.keywords}  # B itself does keep its term whole
    assert "数智赋能" not in {k.word for k in speechparse.parse(REPORT_A).keywords}


def _digests_in_fresh_process(paths: list[Path]) -> list[str]:
    code = (
        "import hashlib, sys, speechparse\n"
        "from speechparse.export import to_json\n"
        "for p in sys.argv[1:]:\n"
        "    print(hashlib.sha256(to_json(speechparse.parse_file(p))).hexdigest())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, paths)], capture_output=True, text=True, check=True
    )
    return done.stdout.split()


def test_threads_give_the_same_bytes_as_a_fresh_process(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT_A, "utf-8")
    (tmp_path / "b.txt").write_text(REPORT_B, "utf-8")
    paths = [tmp_path / "a.txt", tmp_path / "b.txt", *sorted(CORPUS.glob("inv0*.txt"))]
    expected = _digests_in_fresh_process(paths)

    def digest(path: Path) -> str:
        return hashlib.sha256(to_json(speechparse.parse_file(path))).hexdigest()

    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(digest, paths[::-1] * 3))
    assert got == expected[::-1] * 3


def _cli(*args: str) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "speechparse.cli", "parse", *args],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def test_cli_jobs_one_and_two_give_the_same_bytes(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a1.txt").write_text(REPORT_A, "utf-8")
    (folder / "b.txt").write_text(REPORT_B, "utf-8")
    (folder / "c.txt").write_text(REPORT_A, "utf-8")
    for path in sorted(CORPUS.glob("inv1*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    one = _cli(str(folder), "-j", "1")
    two = _cli(str(folder), "-j", "2")
    assert one == two
    records = {Path(r["path"]).name: r["report"] for r in map(orjson.loads, one.splitlines())}
    assert len(records) == len(list(folder.iterdir()))
    # a1 (parsed before b) and c (after it) are the same text, so the same report
    assert records["a1.txt"]["keywords"]
    assert records["a1.txt"] == records["c.txt"]
