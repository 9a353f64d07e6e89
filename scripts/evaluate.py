#!/usr/bin/env python3
"""`make eval`: the reference measurement of the corpus, scored in-process.

This loads the vendored reference evaluator (tests/service/data/evaluate.py) unchanged and replaces
only its `post` (an HTTP round trip to a running service) by a call to `cwguard.score` on the same
JSON payload, so every figure is computed by the reference definitions.

    .venv/bin/python scripts/evaluate.py                 # tests/service/data/dev.jsonl
    .venv/bin/python scripts/evaluate.py path/to/other.jsonl -v   # list misses and false alarms
    .venv/bin/python scripts/evaluate.py --json
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "service" / "data" / "evaluate.py"
DEFAULT_CORPUS = ROOT / "tests" / "service" / "data" / "dev.jsonl"


def load_reference() -> ModuleType:
    """The reference evaluator with `post` answered in-process."""
    spec = importlib.util.spec_from_file_location("cwguard_reference_evaluate", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.post = post_in_process
    return module


def post_in_process(url: str, payload: dict, timeout: float) -> tuple[dict, float]:
    """What the reference's `post` returns, without HTTP: the payload goes through JSON both ways,
    as it would on the wire."""
    import cwguard
    started = time.perf_counter()
    answer = cwguard.score(json.loads(json.dumps(payload, ensure_ascii=False)))
    answer = json.loads(json.dumps(answer, ensure_ascii=False))
    return answer, (time.perf_counter() - started) * 1000


def read_threads(paths: list[Path]) -> list[dict]:
    threads = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            threads += [json.loads(line) for line in f if line.strip()]
    return threads


def measure(paths: list[Path] | None = None) -> dict:
    reference = load_reference()
    return reference.evaluate(read_threads(paths or [DEFAULT_CORPUS]), "in-process", 30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path, help=f"JSONL corpora (default {DEFAULT_CORPUS.relative_to(ROOT)})")
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed messages and false alarms")
    parser.add_argument("--json", action="store_true", help="print one JSON object with every figure")
    args = parser.parse_args()
    reference = load_reference()
    result = reference.evaluate(read_threads(args.corpus or [DEFAULT_CORPUS]), "in-process", 30)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        reference.show(result, args.verbose)
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
