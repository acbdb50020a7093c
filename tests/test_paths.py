"""Finding input files: the scandir-based glob agrees with ``glob.glob`` wherever no link is
involved (a property over generated trees and patterns), and walks name every file once."""

from __future__ import annotations

import glob
import os
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from speechparse._paths import glob_files, walk_files

NAMES = st.sampled_from(["a", "b", "ab", ".h", "a.txt", "b.txt", ".h.txt", "x.md"])
# a tree: file names, and sub-directories holding trees (three levels at most)
TREES = st.recursive(
    st.dictionaries(NAMES, st.none(), max_size=4),
    lambda below: st.dictionaries(NAMES, st.none() | below, max_size=4),
    max_leaves=12,
)
PARTS = st.sampled_from(["*", "**", "?", "a*", "*.txt", "a", "ab", "b.txt", ".*", "[ab]*", "*b"])
# an empty last part ends the pattern with a separator: directories only
PATTERNS = st.lists(PARTS, min_size=1, max_size=4).flatmap(
    lambda parts: st.sampled_from([parts, [*parts, ""]])
)


def _build(root: Path, tree: dict[str, object]) -> None:
    for name, below in tree.items():
        if below is None:
            (root / name).write_text(name, "utf-8")
        else:
            (root / name).mkdir()
            assert isinstance(below, dict)
            _build(root / name, below)


@settings(max_examples=300)
@given(tree=TREES, parts=PATTERNS)
def test_glob_matches_the_standard_glob_on_trees_without_links(
    tree: dict[str, object], parts: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _build(root, tree)
        pattern = os.path.join(tmp, *parts)
        expected = sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))
        found = list(glob_files(pattern))
        assert found == [(p, None) for p in expected]


@settings(max_examples=150)
@given(tree=TREES)
def test_walk_yields_every_txt_file_once_in_path_order(tree: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _build(root, tree)
        expected = sorted(p for p in root.rglob("*.txt") if p.is_file())
        assert list(walk_files(tmp)) == [(str(p), None) for p in expected]


def test_trailing_separator_means_directories_so_no_file() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "d").mkdir()
        (Path(tmp) / "d" / "a.txt").write_text("x", "utf-8")
        assert list(glob_files(f"{tmp}/d/*")) == [(f"{tmp}/d/a.txt", None)]
        assert list(glob_files(f"{tmp}/d/*/")) == []
        assert list(glob_files(f"{tmp}/d/a.txt/")) == []
