#!/usr/bin/env python3
"""`make eval`: the reference measurement of every labelled corpus, in-process, with the rules, the
model and the fused engine side by side.

This loads the vendored reference evaluator (tests/service/data/evaluate.py) unchanged and replaces
only its `post` (an HTTP round trip to a running service) by an in-process call on the same JSON
payload, so every figure is computed by the reference definitions.

    .venv/bin/python scripts/evaluate.py                       # every corpus, three detections
    .venv/bin/python scripts/evaluate.py path/to/other.jsonl -v  # one corpus, fused, misses listed
    .venv/bin/python scripts/evaluate.py --detection rules --json
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from functools import partial
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "service" / "data"
REFERENCE = DATA / "evaluate.py"
DEFAULT_CORPUS = DATA / "dev.jsonl"
DETECTIONS = ("rules", "model", "fused")
COLUMNS = (("message_recall", "recall"), ("benign_fpr", "FPR"), ("span_recall", "span"), ("level_exact", "level"))


def corpora() -> list[Path]:
    """Every labelled corpus of the project: the tests', the model's training files and the
    threads that check the rules only (corpus/rules: not trained on, see its README)."""
    return [*sorted(DATA.glob("*.jsonl")), *sorted((ROOT / "corpus" / "train").glob("*.jsonl")),
            *sorted((ROOT / "corpus" / "rules").glob("*.jsonl"))]


def load_reference(detection: str = "fused") -> ModuleType:
    """The reference evaluator with `post` answered in-process."""
    spec = importlib.util.spec_from_file_location(f"cwguard_reference_evaluate_{detection}", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.post = partial(post_in_process, detection=detection)
    return module


def post_in_process(url: str, payload: dict, timeout: float, detection: str = "fused") -> tuple[dict, float]:
    """What the reference's `post` returns, without HTTP: the payload goes through JSON both ways,
    as it would on the wire."""
    from cwguard.pipeline import score_request
    from cwguard.schemas import load_request
    started = time.perf_counter()
    request = load_request(json.loads(json.dumps(payload, ensure_ascii=False)))
    answer = json.loads(json.dumps(score_request(request, detection=detection), ensure_ascii=False))
    return answer, (time.perf_counter() - started) * 1000


def read_threads(paths: list[Path]) -> list[dict]:
    threads = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            threads += [json.loads(line) for line in f if line.strip()]
    return threads


def measure(paths: list[Path] | None = None, detection: str = "fused") -> dict:
    return load_reference(detection).evaluate(read_threads(paths or [DEFAULT_CORPUS]), "in-process", 30)


def side_by_side(paths: list[Path]) -> dict[str, dict[str, dict]]:
    return {path.name: {d: measure([path], d) for d in DETECTIONS} for path in paths}


def cell(value: float | None) -> str:
    """A figure, or a dash where it is undefined (a corpus with no risky message has no recall)."""
    return "—" if value is None else f"{value:.3f}"


def print_table(figures: dict[str, dict[str, dict]]) -> None:
    head = " | ".join(f"{d} {label}" for d in DETECTIONS for _, label in COLUMNS[:2])
    print(f"| corpus | threads | {head} | fused span | fused level |")
    print("|---|---|" + "---|" * (len(DETECTIONS) * 2 + 2))
    for name, by in figures.items():
        cells = " | ".join(cell(by[d][key]) for d in DETECTIONS for key, _ in COLUMNS[:2])
        fused = by["fused"]
        print(f"| {name} | {fused['threads']} | {cells} | {cell(fused['span_recall'])} | {cell(fused['level_exact'])} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path, help="JSONL corpora (default: every corpus, side by side)")
    parser.add_argument("--detection", choices=DETECTIONS, help="one detection only, full report")
    parser.add_argument("-v", "--verbose", action="store_true", help="list missed messages and false alarms")
    parser.add_argument("--json", action="store_true", help="print one JSON object with every figure")
    args = parser.parse_args()
    if args.detection or (args.corpus and (args.verbose or len(args.corpus) == 1)):
        reference = load_reference(args.detection or "fused")
        result = reference.evaluate(read_threads(args.corpus or [DEFAULT_CORPUS]), "in-process", 30)
        print(json.dumps(result, ensure_ascii=False)) if args.json else reference.show(result, args.verbose)
        return 1 if result["errors"] else 0
    figures = side_by_side(args.corpus or corpora())
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        print_table(figures)
    return 1 if any(by[d]["errors"] for by in figures.values() for d in DETECTIONS) else 0


if __name__ == "__main__":
    sys.exit(main())
