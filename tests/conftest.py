"""Shared pytest configuration."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles, chosen with HYPOTHESIS_PROFILE (default "ci").
# "ci": derandomized so CI runs are reproducible; tests/test_properties.py gives each of its
# property tests an explicit share of the example budget (>= 2,000 in all).
# "nightly": random, 20,000 examples per property test.
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "nightly",
    max_examples=20_000,
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


# --- ajv: the committed schema as a JavaScript consumer compiles it ---------------------------

_AJV_SCRIPT = r"""
// argv: schema file, directory of documents; prints {"compiled": bool, "error": str|null,
// "results": {file name: [error, ...]}} as one JSON line.
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const [schemaFile, docDir] = process.argv.slice(2);
const out = {compiled: false, error: null, results: {}};
let validate;
try {
  const ajv = new Ajv2020({strict: true, allErrors: true});
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
  out.compiled = true;
} catch (e) {
  out.error = String(e.message || e);
}
if (validate && docDir) {
  for (const name of fs.readdirSync(docDir).sort()) {
    const doc = JSON.parse(fs.readFileSync(path.join(docDir, name), "utf8"));
    out.results[name] = validate(doc)
      ? []
      : validate.errors.map((e) => `${e.instancePath || "/"}: ${e.message}`);
  }
}
process.stdout.write(JSON.stringify(out) + "\n");
"""


class Ajv:
    """ajv (draft 2020-12, strict mode, with ajv-formats), installed in a temporary folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.script = folder / "validate.js"
        self.script.write_text(_AJV_SCRIPT, encoding="utf-8")

    def run(self, schema: Path, documents: dict[str, bytes] | None = None) -> dict[str, Any]:
        """Compile ``schema`` and validate every document in one node process."""
        with tempfile.TemporaryDirectory(dir=self.folder) as tmp:
            for name, blob in (documents or {}).items():
                (Path(tmp) / f"{name}.json").write_bytes(blob)
            done = subprocess.run(
                ["node", str(self.script), str(schema), tmp],
                capture_output=True,
                text=True,
                check=True,
                cwd=self.folder,
                timeout=300,
            )
        result: dict[str, Any] = json.loads(done.stdout)
        result["results"] = {k.removesuffix(".json"): v for k, v in result["results"].items()}
        return result


@pytest.fixture(scope="session")
def ajv(tmp_path_factory: pytest.TempPathFactory) -> Ajv:
    """Installs ajv with npm into a temporary folder (never into the repository)."""
    if shutil.which("npm") is None or shutil.which("node") is None:
        pytest.skip("node/npm are not installed: the ajv schema checks need them (CI has them)")
    folder = tmp_path_factory.mktemp("ajv")
    npm = ["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--silent"]
    done = subprocess.run(
        [*npm, "ajv@8", "ajv-formats@3"], capture_output=True, text=True, timeout=600
    )
    if done.returncode != 0:
        pytest.fail(f"npm could not install ajv into {folder}: {done.stderr.strip()[-500:]}")
    return Ajv(folder)
