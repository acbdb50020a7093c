"""The output must not depend on the process's string hashing.

Python salts ``str`` hashes per process, so iterating a set of words gives a different order
in every process. Where two entries of a list both fit (`回答` and `答` at the end of a
designation), a choice made while iterating a set gave `张明回` one run and `张明` the next.
Each document here runs in processes with different hash seeds and must come out the same.
"""

from __future__ import annotations

import json
import os

import pytest

from clirun import run_cli

DOCUMENTS = {
    # A verb of two characters whose last character is a verb too.
    "answer": "座谈会发言摘要\n\n区教育局局长张明回答：我们将继续加大投入。\n\n"
    "区财政局局长李强说：资金保障要到位。\n",
    # A manner word inside another (笑着 / 着) before a verb, in running text.
    "manner": "座谈会发言摘要\n\n会上，区农业农村局局长王丽笑着说，今年的收成比去年好。\n",
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_same_output_whatever_the_hash_seed(name: str) -> None:
    outputs = set()
    for seed in ("1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = run_cli("parse", "-", "--no-keywords", stdin=DOCUMENTS[name].encode(), env=env)
        assert done.returncode == 0
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_a_two_character_verb_is_taken_whole() -> None:
    env = {**os.environ, "PYTHONHASHSEED": "1"}  # the seed that once took 答 alone
    done = run_cli("parse", "-", "--no-keywords", stdin=DOCUMENTS["answer"].encode(), env=env)
    speeches = json.loads(done.stdout)["speeches"]
    assert [(s["speaker"]["name"], s["speaker"]["verb"]["text"]) for s in speeches] == [
        ("张明", "回答"),
        ("李强", "说"),
    ]
    verb = speeches[0]["speaker"]["verb"]
    assert DOCUMENTS["answer"][verb["start"] : verb["end"]] == "回答"
