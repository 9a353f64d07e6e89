"""Guard against catastrophic backtracking (issue #4), without a clock (issue #11).

Every adversarial message of bench/adversarial.py (runs of one character, separators, digits,
`@`, `L I N E`, URL and e-mail junk, zero-width, emoji...) is scored at the service's own
per-message limit and at three times that, in one child process, and measured in CPU time
against itself and against ordinary text measured in that same process:

- growth: the cost per character at the larger size is at most `GROWTH_LIMIT` times the cost at
  the smaller one (linear is 1, quadratic 3);
- cost: at most `OVER_ORDINARY_LIMIT` times ordinary text of the same length (today's worst is a
  twentieth);
- a case past ten times the CPU of ordinary text is killed by a CPU limit set from that same
  baseline, and fails here instead of hanging the suite.

None of this depends on how busy the machine is. The absolute figures, and the 1 MB messages,
are `make bench`'s (bench/run.py, "adversarial").
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
SMALL, LARGE = 20_000, 60_000  # the per-message limit of the service, and three times it
REPEAT = 3
GROWTH_LIMIT = 2.0
OVER_ORDINARY_LIMIT = 5.0
# Below this much CPU a measure is mostly noise: growth is judged from at least this.
NOISE_FLOOR_S = 0.01
LEVELS = {"none", "low", "medium", "high"}


def _load_adversarial():
    spec = importlib.util.spec_from_file_location("bench_adversarial", BENCH / "adversarial.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


adversarial = _load_adversarial()


@pytest.fixture(scope="module")
def measured() -> dict:
    return adversarial.run_growth(SMALL, LARGE, repeat=REPEAT)


def test_the_baseline_was_measured(measured):
    assert set(measured["baseline"]) == {SMALL, LARGE}, measured["stderr"]
    assert all(seconds > 0 for seconds in measured["baseline"].values())


@pytest.mark.parametrize("case", sorted(adversarial.CASES))
def test_adversarial_message_costs_grow_linearly(measured, case):
    result = measured["cases"].get(case)
    assert result is not None, f"{case} was never reached: {measured['status']}\n{measured['stderr']}"
    assert "killed" not in result, (
        f"{case}: killed past {adversarial.CPU_LIMIT_FACTOR}x the CPU of ordinary text ({result['killed']})")
    assert result[f"chars_{SMALL}"] == SMALL and result[f"chars_{LARGE}"] == LARGE
    assert result["level"] in LEVELS
    small, large = result["cpu_s"][SMALL], result["cpu_s"][LARGE]
    growth = (large / LARGE) / (max(small, NOISE_FLOOR_S) / SMALL)
    assert growth <= GROWTH_LIMIT, f"{case}: {small:.3f} s CPU at {SMALL} chars, {large:.3f} s at {LARGE}"
    over_ordinary = large / measured["baseline"][LARGE]
    assert over_ordinary <= OVER_ORDINARY_LIMIT, f"{case}: {over_ordinary:.1f}x ordinary text"


def test_the_guard_catches_a_quadratic_cost():
    """The arithmetic above fails a cost that grows with the square of the length."""
    small = 0.05
    large = small * (LARGE / SMALL) ** 2
    assert (large / LARGE) / (small / SMALL) > GROWTH_LIMIT


def test_a_case_past_its_cpu_allowance_is_killed_not_waited_for():
    """The kill that replaces a clock: a child given one CPU second that spins is stopped by the
    kernel (SIGXCPU) after that second of CPU, however busy the machine is."""
    import signal
    import subprocess
    import sys

    spin = ("import importlib.util, sys; spec = importlib.util.spec_from_file_location('a', sys.argv[1]); "
            "a = importlib.util.module_from_spec(spec); spec.loader.exec_module(a); a._allow_cpu(1)\n"
            "while True: pass")
    done = subprocess.run([sys.executable, "-c", spin, str(BENCH / "adversarial.py")], capture_output=True,
                          timeout=3600)  # the hang guard only; the CPU limit ends it
    assert done.returncode == -signal.SIGXCPU
