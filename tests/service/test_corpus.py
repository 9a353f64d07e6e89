"""The labelled corpora scored in-process with the reference measurement (tests/service/data/
evaluate.py, loaded unchanged by scripts/evaluate.py with its HTTP `post` replaced by
`cwguard.score`), held to the bars of issue #2.

`dev.jsonl` is the shared development corpus. `holdout.jsonl` and `holdout2.jsonl` were written
blind to the detectors by team members acting as independent labellers, to check that detection
generalises; once their misses were fixed they became regression guards held to the same bars."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_runner():
    spec = importlib.util.spec_from_file_location("cwguard_eval_runner", ROOT / "scripts" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CORPORA = {"dev.jsonl": 70, "holdout.jsonl": 64, "holdout2.jsonl": 51}  # name: thread count


@pytest.fixture(scope="module", params=sorted(CORPORA))
def corpus(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def figures(corpus) -> dict:
    from cwguard.engine import scoring
    scoring.clear_cache()  # measure from a cold cache, as a fresh service would
    return load_runner().measure([ROOT / "tests" / "service" / "data" / corpus])


def explain(figures: dict) -> str:
    return "\n".join(["missed:", *figures["missed"], "false alarms:", *figures["false_alarms"]])


def test_every_thread_is_scored(figures, corpus):
    assert figures["threads"] == CORPORA[corpus] and figures["errors"] == []


def test_risky_message_recall(figures):
    assert figures["message_recall"] >= 0.95, explain(figures)


def test_benign_false_positive_rate(figures):
    assert figures["benign_fpr"] <= 0.03, explain(figures)


def test_span_recall(figures):
    assert figures["span_recall"] >= 0.90


def test_thread_level_exact(figures):
    assert figures["level_exact"] >= 0.85, figures["confusion"]


def test_offset_consistency(figures):
    assert figures["highlights"] > 0 and figures["offset_consistency"] == 1.0
