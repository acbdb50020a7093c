"""Data flows one way: no module imports from a stage above its own.

The table lists, for each layer, the layers it may import from. ``models`` and ``errors`` are
the contract every stage speaks and may be imported anywhere; the top-level modules
(``parser``, ``export``, ``batch``, ``cli`` …) are the API and may import everything.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "speechparse"

# Lowest first: each layer may import itself, the ones listed, and the contract.
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "decoding": {"core"},
    "people": {"core"},
    "structure": {"core", "decoding", "people"},
    "enrichment": {"core", "decoding"},
    "build": {"core", "decoding", "people", "structure", "enrichment"},
}
CONTRACT = {"models", "errors"}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "speechparse" or len(parts) < 2:
        return None
    return parts[1]


def _imports(path: Path, package: str | None = None) -> list[tuple[int, str]]:
    """Absolute module names ``path`` imports; relative imports resolved against ``package``."""
    if package is None:
        package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module == "speechparse":
                found += [(node.lineno, f"speechparse.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, module))
    return found


LAYERED = sorted(p for layer in ALLOWED for p in (PACKAGE / layer).rglob("*.py"))


def test_every_stage_package_is_in_the_table() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages == set(ALLOWED)


@pytest.mark.parametrize("path", LAYERED, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_import_from_a_later_stage(path: Path) -> None:
    own = path.relative_to(PACKAGE).parts[0]
    allowed = ALLOWED[own] | {own} | CONTRACT
    bad = [
        f"line {line}: {module}"
        for line, module in _imports(path)
        if (layer := _layer(module)) is not None and layer not in allowed
    ]
    assert not bad, f"{path.name} imports from a later stage: {bad}"


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    """Both import spellings must be seen, or the table proves nothing."""
    sample = tmp_path / "x.py"
    sample.write_text(
        "from speechparse.build import report\n"
        "import speechparse.structure.blocks\n"
        "from ..people import designation\n"
        "from speechparse import models\n"
    )
    modules = [m for _, m in _imports(sample, package="speechparse.core")]
    assert [_layer(m) for m in modules] == ["build", "structure", "people", "models"]
