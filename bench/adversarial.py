"""Adversarial messages: inputs that make a careless pattern backtrack, and their cost.

Each case is a generator of exactly `chars` characters. A case is scored in a child process
(`python bench/adversarial.py --case NAME --chars N`) so that a catastrophic pattern is killed at a
timeout instead of hanging the benchmark or CI (a `regex` match cannot be interrupted from Python).
The message goes to `engine.scoring.score_request` directly: the HTTP schema's per-message limit
would refuse a 1 MB message before any pattern sees it, and the point is what the patterns do.

Used by bench/run.py (the timings: cost per character against ordinary text, at 100 KB and
1 MB) and by tests/service/test_adversarial_guard.py through `run_growth`, which times nothing
against a clock: every case is scored at two sizes in one child process, in CPU time, and
compared with itself (growth) and with ordinary text measured in the same process. A case that
uses `CPU_LIMIT_FACTOR` times the CPU of ordinary text is killed by an RLIMIT_CPU set from that
same baseline, so a catastrophic pattern fails the guard instead of hanging it.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def _repeat(unit: str) -> Callable[[int], str]:
    def make(chars: int) -> str:
        return (unit * (chars // len(unit) + 1))[:chars]
    return make


def _ordinary(chars: int) -> str:
    # Imported here: this module is also loaded by the guard test without bench/ on sys.path.
    from workload import ordinary_text
    return ordinary_text(chars)


def _around_at(chars: int) -> str:
    # A long local part and a long domain with one '@' in the middle: the shape an e-mail
    # pattern with nested quantifiers chokes on.
    half = chars // 2
    return ("a." * half)[: half - 1] + "@" + ("b-" * chars)[: chars - half]


# name -> generator. Names are stable: the JSON results are compared between commits by them.
CASES: dict[str, Callable[[int], str]] = {
    "ordinary_text": _ordinary,
    "one_letter": _repeat("a"),
    "one_kana": _repeat("ら"),
    "separators": _repeat(" ・.-_"),
    "digits": _repeat("0"),
    "digit_groups": _repeat("090-1234-"),
    "spaced_digits": _repeat("0 9 0 "),
    "at_signs": _repeat("@"),
    "line_spaced": _repeat("L I N E "),
    "line_dotted_near_miss": _repeat("L・I・N・"),
    "line_mixed": _repeat("L I N E L・I・N・E ら い ん L1NE "),
    "url_junk": _repeat("https://a.b/"),
    "dotted_host": _repeat("a."),
    "email_junk": _repeat("a@b."),
    "around_one_at": _around_at,
    "atto_dotto": _repeat("あっとどっと"),
    "zero_width": _repeat("\u200b"),
    "combining_marks": _repeat("a\u0301"),
    "emoji": _repeat("😀"),
}
BASELINE_CASE = "ordinary_text"


def validated_request(text: str) -> dict:
    """One client message before a contract, in the validated shape `score_request` takes."""
    return {
        "messages": [{"id": "m1", "sender": "client", "sent_at": None, "text": text}],
        "context": {"contract_status": "before_contract", "client": None, "page_url": None},
        "lang": "ja",
    }


def clear_engine_cache() -> bool:
    """Empty the engine's per-message cache; False when the engine exposes none."""
    from cwguard.engine import scoring
    clear = getattr(scoring, "clear_cache", None)
    if callable(clear):
        clear()
        return True
    return False


def time_case(name: str, chars: int, repeat: int) -> dict:
    """Score the case `repeat` times (cache emptied before each) and return the timings."""
    from cwguard.pipeline import score_request
    text = CASES[name](chars)
    # Load the detectors and compile their patterns before timing: in a fresh child process the
    # first call pays for that, which would add ~0.5 s to whichever size is timed first.
    score_request(validated_request("ウォームアップ warm-up LINE 090-1234-5678 a@b.jp"))
    seconds, answer = [], {}
    for _ in range(repeat):
        clear_engine_cache()
        started = time.perf_counter()
        answer = score_request(validated_request(text))
        seconds.append(time.perf_counter() - started)
    return {
        "case": name,
        "chars": len(text),
        "seconds": seconds,
        "median_s": statistics.median(seconds),
        "level": answer.get("risk", {}).get("level"),
        "highlights": len(answer.get("highlights", [])),
    }


def run_case(name: str, chars: int, repeat: int = 1, timeout: float = 60.0) -> dict:
    """`time_case` in a child process; {"case", "timeout": True} when it does not finish in time."""
    command = [sys.executable, str(BENCH / "adversarial.py"), "--case", name,
               "--chars", str(chars), "--repeat", str(repeat)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"case": name, "chars": chars, "timeout": True, "limit_s": timeout}
    if done.returncode != 0:
        return {"case": name, "chars": chars, "error": done.stderr.strip()[-2000:]}
    return json.loads(done.stdout)


# --- growth, in CPU time, against a baseline of the same process (the guard test) ------------------

# A case's run (both sizes, every repeat) may use this many times the CPU of one ordinary-text run
# of both sizes per repeat before its child process is killed (RLIMIT_CPU). Today's worst case
# costs a twentieth of ordinary text; a quadratic pattern is thousands of times over.
CPU_LIMIT_FACTOR = 10
# ... and never less than this many CPU seconds (ordinary text may be fast; the interpreter is not).
CPU_LIMIT_FLOOR_S = 30


def cpu_seconds(text: str, repeat: int) -> tuple[float, dict]:
    """The least CPU time (this process, all threads) over `repeat` scorings with an empty cache,
    and the last answer."""
    from cwguard.pipeline import score_request
    best, answer = math.inf, {}
    for _ in range(repeat):
        clear_engine_cache()
        started = time.process_time()
        answer = score_request(validated_request(text))
        best = min(best, time.process_time() - started)
    return best, answer


def _allow_cpu(seconds: float) -> None:
    """Let this process use `seconds` more CPU from now, then be killed (SIGXCPU)."""
    import resource
    used = time.process_time()
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = math.ceil(used + seconds)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def growth_main(small: int, large: int, repeat: int) -> None:
    """Print one JSON line per case: CPU seconds at both sizes, level, highlights. Ordinary text
    comes first: it is the baseline the others' CPU limit is set from (measured once per size)."""
    from cwguard.pipeline import score_request
    score_request(validated_request("ウォームアップ warm-up LINE 090-1234-5678 a@b.jp"))
    baseline_total = 0.0
    for name in [BASELINE_CASE, *(n for n in CASES if n != BASELINE_CASE)]:
        runs = 1 if name == BASELINE_CASE else repeat
        allowance = CPU_LIMIT_FACTOR * baseline_total * runs if name != BASELINE_CASE else 0.0
        _allow_cpu(max(CPU_LIMIT_FLOOR_S, allowance) if name != BASELINE_CASE else 3600.0)
        print(json.dumps({"case": name, "starting": True}), flush=True)
        result: dict = {"case": name, "cpu_s": {}, "repeat": runs}
        for size in (small, large):
            text = CASES[name](size)
            seconds, answer = cpu_seconds(text, runs)
            result["cpu_s"][str(size)] = seconds
            result[f"chars_{size}"] = len(text)
            result["level"] = answer.get("risk", {}).get("level")
            result["highlights"] = len(answer.get("highlights", []))
        if name == BASELINE_CASE:
            baseline_total = sum(result["cpu_s"].values())
            print(json.dumps({"baseline": name, "cpu_s": result["cpu_s"]}), flush=True)
        print(json.dumps(result), flush=True)


def run_growth(small: int, large: int, repeat: int = 3, hang_guard_s: float = 3600.0) -> dict:
    """`growth_main` in a child process: {"baseline": {size: cpu_s}, "cases": {name: result}};
    a case the child was killed on (its CPU limit) has {"killed": signal or exit status}.
    `hang_guard_s` only ends a child that stopped using CPU and never returns."""
    command = [sys.executable, str(BENCH / "adversarial.py"), "--growth", "--small", str(small),
               "--large", str(large), "--repeat", str(repeat)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=hang_guard_s, check=False)
        lines, status, stderr = done.stdout.splitlines(), done.returncode, done.stderr
    except subprocess.TimeoutExpired as expired:
        out = expired.stdout or b""
        lines = (out.decode() if isinstance(out, bytes) else out).splitlines()
        status, stderr = "hung", ""
    report: dict = {"baseline": {}, "cases": {}, "status": status, "stderr": stderr[-2000:]}
    running = None
    for line in lines:
        item = json.loads(line)
        if "baseline" in item:
            report["baseline"] = {int(k): v for k, v in item["cpu_s"].items()}
        elif item.get("starting"):
            running = item["case"]
        else:
            item["cpu_s"] = {int(k): v for k, v in item["cpu_s"].items()}
            report["cases"][item["case"]] = item
            running = None
    if running is not None:
        report["cases"][running] = {"case": running, "killed": status}
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description="Time one adversarial case (a child of run.py), or measure "
                                                 "every case's growth in CPU time (--growth, for the guard test).")
    parser.add_argument("--case", choices=sorted(CASES))
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--growth", action="store_true")
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--large", type=int, default=80_000)
    args = parser.parse_args()
    if args.growth:
        growth_main(args.small, args.large, args.repeat)
    elif args.case:
        print(json.dumps(time_case(args.case, args.chars, args.repeat)))
    else:
        parser.error("--case or --growth")


if __name__ == "__main__":
    main()
