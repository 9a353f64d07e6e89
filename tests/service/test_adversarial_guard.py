"""Guard against catastrophic backtracking: every adversarial ~1 MB message is scored in bounded time.

Not a timing benchmark (that is `make bench`): the bound is generous, far above the engine's real
cost, and only a pattern that goes quadratic or exponential on some input can miss it. Each case runs
in a child process that is killed at the limit, so a regression fails this test instead of hanging CI.
The inputs are bench/adversarial.py's, so the benchmark and the guard test the same things.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
MESSAGE_CHARS = 1_000_000
# Seconds one 1 MB message may take. The engine needs 3 to 6 s here, 11 s for 1 MB of ordinary
# text on a busy 2-core machine; a quadratic pattern on a 1 MB run needs hours, so a bound this
# loose still catches it without making CI flaky.
BOUND_S = 20.0
# The child is killed a little after the bound (interpreter start and import are not timed).
KILL_AFTER_S = BOUND_S + 20.0
LEVELS = {"none", "low", "medium", "high"}


def _load_adversarial():
    spec = importlib.util.spec_from_file_location("bench_adversarial", BENCH / "adversarial.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


adversarial = _load_adversarial()


@pytest.mark.parametrize("case", sorted(adversarial.CASES))
def test_adversarial_message_is_scored_in_bounded_time(case):
    result = adversarial.run_case(case, MESSAGE_CHARS, repeat=1, timeout=KILL_AFTER_S)

    assert not result.get("timeout"), f"{case}: still running after {KILL_AFTER_S:.0f} s (killed)"
    assert "error" not in result, f"{case}: the engine failed:\n{result.get('error')}"
    assert result["chars"] == MESSAGE_CHARS
    assert result["level"] in LEVELS
    assert result["median_s"] < BOUND_S, f"{case}: {result['median_s']:.1f} s for {MESSAGE_CHARS} characters"

