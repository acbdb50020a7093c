"""rjieba (fast, optional) and jieba (the reference) must give the same tokens and keywords.

The fast backend is only worth having if switching to it changes nothing a user can see; these
tests compare the two token for token on every report at hand and on random text built to hit
their known differences (characters outside jieba's Han range, runs of Latin letters and
digits with ``-`` and ``.``, three identical characters in a row).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechparse.decoding.decode import decode
from speechparse.enrichment import jieba_adapter
from speechparse.enrichment.keywords import rank_many

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("rjieba") is None, reason="rjieba (the 'fast' extra) not installed"
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _reports() -> Iterator[Path]:
    yield from sorted((ROOT / "seeds").glob("*.txt"))
    yield from sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    yield from sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
    for folder in ("corpus/dev", "corpus/real"):  # beside the repository when available
        yield from sorted((SHARED / folder).glob("*.txt"))


REPORTS = list(_reports())


def _text(path: Path) -> str:
    return decode(path.read_bytes(), None)[0]


@pytest.fixture(scope="module")
def backends() -> tuple[jieba_adapter.Segmenter, jieba_adapter.Segmenter]:
    rust = jieba_adapter._build("rjieba")
    assert rust.name == "rjieba"
    return rust, jieba_adapter.reference_segmenter()


@pytest.mark.parametrize("path", REPORTS, ids=[p.name for p in REPORTS])
def test_same_tokens_on_every_report(
    path: Path, backends: tuple[jieba_adapter.Segmenter, jieba_adapter.Segmenter]
) -> None:
    rust, reference = backends
    text = _text(path)
    assert rust.cut(text) == reference.cut(text)


def test_same_keywords_on_every_report(
    backends: tuple[jieba_adapter.Segmenter, jieba_adapter.Segmenter],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = [_text(p) for p in REPORTS]
    ranked = {}
    for name in ("rjieba", "jieba"):
        monkeypatch.setenv("SPEECHPARSE_SEGMENTER", name)
        assert jieba_adapter.segmenter().name == name
        ranked[name] = [rank_many([t], top_k=20, top_k_all=20, extra_words=[]) for t in texts]
    assert ranked["rjieba"] == ranked["jieba"]


def test_rjieba_embeds_jiebas_dictionary() -> None:
    """Every entry of jieba's dict.txt is in rjieba's own dictionary, with its count where rjieba
    tells it (``suggest_freq`` of a word its route keeps whole is the count, or one more)."""
    import rjieba

    rust = rjieba.Jieba()
    path = jieba_adapter._jieba_dir() / "dict.txt"
    entries = [line.split(" ")[:2] for line in path.read_text("utf-8").splitlines()]
    assert all(rust.has_word(w) for w, _ in entries)
    whole = [(w, int(n)) for w, n in entries if rust.cut(w, False) == [w]]
    assert len(whole) > len(entries) // 2
    assert [w for w, n in whole if rust.suggest_freq(w) - n not in (0, 1)] == []


def test_rjieba_stays_importable_after_speechparse_loaded_it() -> None:
    """speechparse loads rjieba's compiled module without rjieba's own instance; whoever
    imports rjieba afterwards in the same process still gets a working module."""
    code = (
        "import speechparse\n"
        "from speechparse.enrichment.keywords import segment\n"
        "assert segment('我们中出了一个叛徒') == ['我们', '中出', '了', '一个', '叛徒']\n"
        "import rjieba\n"
        "assert rjieba.cut('我们中出了一个叛徒') == ['我们', '中出', '了', '一个', '叛徒']\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


_SEED = (ROOT / "seeds").glob("*.txt")
_HAN = sorted({ch for p in _SEED for ch in p.read_text("utf-8") if "\u4e00" <= ch <= "\u9fd5"})
PIECES = st.one_of(
    st.sampled_from(_HAN),
    st.sampled_from(["AT&T", "B超", "C++", "T恤", "3D", "A股", "卡拉OK", "AA制"]),
    st.sampled_from([*list("abcXYZ0123456789+#&._%-"), "2024-07-10", "3.5%", "www.a.cn", "1.2.3"]),
    st.sampled_from([*list(" \n\r\t\u3000，。、“”：;"), "\r\n"]),
    st.sampled_from(["\u3400", "\u9fe0", "\uf900", "\U00020001", "가", "あ", "ａ", "Ω"]),
    st.sampled_from(_HAN).map(lambda ch: ch * 3),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(PIECES, max_size=30).map("".join))
def test_same_tokens_on_random_text(
    text: str, backends: tuple[jieba_adapter.Segmenter, jieba_adapter.Segmenter]
) -> None:
    rust, reference = backends
    assert rust.cut(text) == reference.cut(text)
