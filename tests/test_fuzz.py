"""Mutation fuzzing of real-shaped inputs: only typed errors escape, and the invariants hold.

Hypothesis's text strategies rarely produce what breaks a parser in the field: a report cut
mid-character, a byte flipped inside a GB18030 pair, lines of two reports spliced together,
a file re-encoded or declared in the wrong encoding. This run starts from the seed, the
invented corpus and the fixtures (and the dev corpus when it is present) and applies such
mutations, stacked at random.

The run is deterministic: a fixed seed and a fixed number of mutants (a time cap only stops
a pathologically slow machine early). For a longer run set ``SPEECHPARSE_FUZZ_MUTANTS``
(e.g. 20000) and ``SPEECHPARSE_FUZZ_SECONDS``; ``SPEECHPARSE_FUZZ_SEED`` picks another seed.
A failure names the seed and mutant number, which reproduce it.
"""

from __future__ import annotations

import codecs
import os
import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import speechparse
from invariants import assert_covered, assert_grounded
from speechparse.decoding.decode import decode

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"
SOURCES = sorted(
    [
        *(ROOT / "seeds").glob("*.txt"),
        *(ROOT / "tests" / "corpus").glob("*.txt"),
        *(ROOT / "tests" / "fixtures").glob("*.txt"),
        *(DEV.glob("*.txt") if DEV.is_dir() else []),
    ]
)
SEED = int(os.environ.get("SPEECHPARSE_FUZZ_SEED", "20261201"))
MUTANTS = int(os.environ.get("SPEECHPARSE_FUZZ_MUTANTS", "600"))
SECONDS = float(os.environ.get("SPEECHPARSE_FUZZ_SECONDS", "60"))
# Encodings a file may be rewritten in, and encodings a careless caller may declare.
REWRITE = ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5hkscs", "utf-16", "utf-16-le", "utf-16-be"]
DECLARE = [*REWRITE, "latin-1", "cp1252", "ascii", "rot13", "hex", "base64", "idna", "no-such"]
ENRICH: list[bool | set[str]] = [True, False, {"figures"}, {"quotes", "organizations"}]

Mutation = Callable[[random.Random, bytes, list[bytes]], bytes]


def _flip(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _truncate(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    return data[: rng.randint(0, len(data))]


def _cut_window(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 200) :]


def _insert_bytes(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    at = rng.randint(0, len(data))
    junk = rng.choice(
        [
            bytes(rng.randrange(256) for _ in range(rng.randint(1, 6))),
            b"\r",
            b"\n\n",
            b"\x00",
            "\u3000\u3000".encode(),
            "：".encode(),
            "“".encode(),
            "”".encode(),
            "\ufeff".encode(),
            "\u200b".encode(),
            "■".encode(),
            "（记者 ".encode(),
        ]
    )
    return data[:at] + junk + data[at:]


def _splice(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """Lines of this file and another, interleaved at random points."""
    mine, theirs = data.splitlines(keepends=True), rng.choice(pool).splitlines(keepends=True)
    if not mine or not theirs:
        return data
    a, b = rng.randrange(len(mine)), rng.randrange(len(theirs))
    return b"".join(mine[:a] + theirs[b : b + rng.randint(1, 20)] + mine[a:])


def _shuffle_lines(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    lines = data.splitlines(keepends=True)
    if len(lines) > 1:
        i, j = sorted(rng.sample(range(len(lines)), 2))
        lines[i : j + 1] = rng.sample(lines[i : j + 1], j + 1 - i)
    return b"".join(lines)


def _layout(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    return rng.choice(
        [
            lambda d: d.replace(b"\r", b"").replace(b"\n", b""),  # one long line
            lambda d: d.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"),
            lambda d: d.replace(b"\n", b"\r"),
            lambda d: d.replace(b"\n", b"\n\n"),
            lambda d: d * 2,
        ]
    )(data)


def _reencode(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    try:
        text, _used = decode(data)
    except speechparse.SpeechParseError:
        return data
    return text.encode(rng.choice(REWRITE), errors=rng.choice(["replace", "ignore"]))


# Characters the parser decides on: punctuation, numerals, quotes, brackets, level and role words.
INTERESTING = [
    *"：:，、。；！？“”‘’「」（）()【】〔〕《》—■●①",
    *"一二三十百千万亿0123456789%",
    *"市县区省委局长记者摄",
    *" \u3000\n\r\t",
]


def _edit_text(rng: random.Random, data: bytes, _: list[bytes]) -> bytes:
    """Character-level edits of the decoded text, written back in its own encoding.

    Byte flips mostly make undecodable files (rightly refused); edits of the text reach the
    parser itself.
    """
    try:
        text, used = decode(data)
    except speechparse.SpeechParseError:
        return data
    chars = list(text)
    for _ in range(rng.randint(1, 12)):
        at = rng.randint(0, len(chars))
        action = rng.randrange(4)
        if action == 0 and chars:
            chars[min(at, len(chars) - 1)] = rng.choice(INTERESTING)
        elif action == 1:
            chars[at:at] = rng.choices(INTERESTING, k=rng.randint(1, 5))
        elif action == 2:
            del chars[at : at + rng.randint(1, 30)]
        else:
            chars[at:at] = chars[at : at + rng.randint(1, 60)]  # a stretch written twice
    return "".join(chars).encode(used, errors="replace")


# (mutation, weight): byte-level damage mostly makes files that are rightly refused as
# undecodable, so edits of the text, which reach the parser, are drawn most often.
MUTATIONS: list[tuple[Mutation, int]] = [
    (_edit_text, 8),
    (_splice, 2),
    (_shuffle_lines, 1),
    (_layout, 2),
    (_reencode, 1),
    (_flip, 1),
    (_truncate, 1),
    (_cut_window, 1),
    (_insert_bytes, 1),
]


def _mutant(rng: random.Random, pool: list[bytes]) -> tuple[bytes, list[str]]:
    data = rng.choice(pool)
    applied = []
    for _ in range(rng.randint(1, 3)):
        mutation = rng.choices([m for m, _ in MUTATIONS], [w for _, w in MUTATIONS])[0]
        data = mutation(rng, data, pool)
        applied.append(mutation.__name__)
    return data, applied


def _check(path: Path, data: bytes, rng: random.Random) -> None:
    encoding = rng.choice(DECLARE) if rng.random() < 0.2 else None
    keywords = rng.random() < 0.1
    enrich = rng.choice(ENRICH)
    path.write_bytes(data)
    try:
        report = speechparse.parse_file(path, encoding=encoding, keywords=keywords, enrich=enrich)
    except speechparse.SpeechParseError:
        return  # a typed error is an acceptable answer to a broken file
    source, _used = decode(data, encoding)
    assert report.source.chars == len(source)
    assert_grounded(report, source)
    assert_covered(report, source)
    speechparse.Report.model_validate_json(speechparse.to_json(report))


@pytest.mark.skipif(not SOURCES, reason="no seed files")
def test_mutants_raise_only_typed_errors_and_keep_the_invariants(tmp_path: Path) -> None:
    pool = [p.read_bytes() for p in SOURCES]
    rng = random.Random(SEED)
    deadline = time.monotonic() + SECONDS
    path = tmp_path / "mutant.txt"
    for number in range(MUTANTS):
        if time.monotonic() > deadline:
            break
        data, applied = _mutant(rng, pool)
        check_rng = random.Random(f"{SEED}/{number}")
        try:
            _check(path, data, check_rng)
        except Exception as exc:
            saved = tmp_path / f"failing-{number}.bin"
            saved.write_bytes(data)
            raise AssertionError(
                f"mutant {number} (SPEECHPARSE_FUZZ_SEED={SEED}, mutations {applied}, "
                f"bytes saved in {saved}): {type(exc).__name__}: {exc}"
            ) from exc


def test_the_mutations_change_the_input() -> None:
    """Each mutation does what it says on a real file (a fuzzer that mutates nothing passes)."""
    pool = [p.read_bytes() for p in SOURCES[:3]]
    rng = random.Random(1)
    for mutation, _weight in MUTATIONS:
        assert any(mutation(rng, pool[0], pool) != pool[0] for _ in range(5)), mutation.__name__


def test_rewrite_encodings_are_text_codecs() -> None:
    for name in REWRITE:
        assert codecs.lookup(name)._is_text_encoding, name


# Inputs the fuzzer once broke, rewritten with invented wording: each must keep the invariants.
FOUND = {
    # a second `——` subtitle line replaced the first, which was then in no span
    "two-subtitles": (
        "凝聚众智 助推发展\n\n——鹿鸣区政协专题协商会发言摘编\n\n编者按\n\n日前，局\n\n"
        "——鹿鸣区政协专题协商会发言摘编\n\n编者按\n\n近日，鹿鸣区政协召开专题协商会。\n\n"
        "区工商联主席陈某某：我们要把政策落到实处。\n"
    ),
}


@pytest.mark.parametrize("name", sorted(FOUND))
def test_inputs_found_by_fuzzing(name: str) -> None:
    text = FOUND[name]
    report = speechparse.parse(text, keywords=False)
    assert_grounded(report, text)
    assert_covered(report, text)
