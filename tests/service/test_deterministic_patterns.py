"""Every pattern the engine compiles is the same from run to run.

An alternation built from a set of words would follow the string hash, which Python changes from
run to run (PYTHONHASHSEED): among words of one length the first that matches wins, so the span a
warning highlights (「直でやりませんか」 or 「直でやりませんか？」) changed between two starts of the
service. Two interpreters with different hash seeds must compile the same sources."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cwguard.lang.vocab import longest_first

SERVICE = Path(__file__).resolve().parents[2] / "service"

_DIGEST = """
import hashlib, sys, regex
from cwguard import pipeline
from cwguard.engine.literals import GatedPattern
pipeline.detectors()

def patterns(value, depth=0):
    if isinstance(value, regex.Pattern):
        yield value
    elif isinstance(value, GatedPattern):
        yield value.regex
    elif depth < 2 and isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from patterns(item, depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for item in value.values():
            yield from patterns(item, depth + 1)
    elif depth < 2 and (hasattr(value, "patterns") or hasattr(value, "_triggers") or hasattr(value, "regex")):
        for name in ("patterns", "_triggers", "regex"):
            yield from patterns(getattr(value, name, None), depth + 1)

sources = set()
for name, module in list(sys.modules.items()):
    if name.startswith("cwguard"):
        for value in list(vars(module).values()):
            sources.update(p.pattern for p in patterns(value) if isinstance(p.pattern, str))
print(len(sources), hashlib.sha256("\\n".join(sorted(sources)).encode()).hexdigest())
"""


def _digest(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "CWGUARD_MODEL": "off", "PYTHONPATH": str(SERVICE)}
    done = subprocess.run([sys.executable, "-c", _DIGEST], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_two_hash_seeds_compile_the_same_patterns():
    first, second = _digest(1), _digest(2)
    count = int(first.split()[0])
    assert count > 200, first
    assert first == second


def test_longest_first_orders_equal_lengths_by_code_point():
    assert longest_first({"ませんか", "でどう", "やりませんか", "でいい"}) == ["やりませんか", "ませんか", "でいい", "でどう"]
    assert longest_first(["ab", "ab", "a"]) == ["ab", "a"]
    # any order of the same words gives the same list
    assert longest_first(["でどう", "でいい"]) == longest_first(("でいい", "でどう"))

