"""Adversarial messages: inputs that make a careless pattern backtrack, and their cost.

Each case is a generator of exactly `chars` characters. A case is scored in a child process
(`python bench/adversarial.py --case NAME --chars N`) so that a catastrophic pattern is killed at a
timeout instead of hanging the benchmark or CI (a `regex` match cannot be interrupted from Python).
The message goes to `engine.scoring.score_request` directly: the HTTP schema's per-message limit
would refuse a 1 MB message before any pattern sees it, and the point is what the patterns do.

Used by bench/run.py (cost per character against ordinary text) and by
tests/service/test_adversarial_guard.py (a generous time bound per 1 MB input).
"""
from __future__ import annotations

import argparse
import json
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
    from cwguard.engine.scoring import score_request
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


def main() -> None:
    parser = argparse.ArgumentParser(description="Time one adversarial case (a child of run.py).")
    parser.add_argument("--case", choices=sorted(CASES), required=True)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    print(json.dumps(time_case(args.case, args.chars, args.repeat)))


if __name__ == "__main__":
    main()
