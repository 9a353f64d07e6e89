"""`make bench`: how fast cwguard scores, measured in one run, printed as a table and saved as JSON.

Sections (issue #5): scaling with the thread size, distance from a floor (NFKC plus one alternation
of every detector's literal terms), HTTP overhead through the real waitress server, re-scans with
the per-message cache, peak memory, adversarial inputs (issue #4), and the in-browser figures.

Results go to bench/results/latest.json and bench/results/<short commit>.json, so two commits can
be compared. This is a benchmark, not a test: it reports missed aims and exits 0, unless --strict.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import regex

import adversarial
import browser
import workload
from results_store import commit_info, save
from server import Server, read_memory_kb, running_server, send

BENCH = Path(__file__).resolve().parent
SIZES = (10, 100, 1000, 2000)

# name -> (aim, how the value is compared, whether the issue says "must")
AIMS: dict[str, tuple[float, str, bool]] = {
    "scaling.per_message_ratio_2000_vs_10": (1.3, "<=", True),
    "scaling.worst_full_over_floor": (4.0, "<=", False),
    "scaling.worst_over_baseline": (1.5, "<=", False),
    "http.score_over_health_fresh": (2.0, "<=", False),
    "http.score_over_health_repeat": (2.0, "<=", False),
    "rescan.one_new_over_cold": (0.20, "<=", False),
    "memory.peak_rss_mb": (100.0, "<", False),
    # 10x the input: linear stays near 1 (2 leaves room for a loaded machine), quadratic gives ~10.
    "adversarial.worst_growth_1m_over_100k": (2.0, "<=", True),
    "adversarial.timeouts": (0, "<=", True),
    # issue #11: the engine is loaded before /health answers
    "startup.first_over_later": (5.0, "<=", True),
    "browser.longest_task_ms": (50.0, "<=", False),
    # the 3,000-message thread the end-to-end tests scan for correctness (their time is measured here)
    "browser_big.longest_task_ms": (50.0, "<=", False),
}


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


# --- scaling and floor -------------------------------------------------------------------------

def score_windows_cold(threads: list[dict]) -> float:
    """Seconds to score every thread, each with an empty per-message cache."""
    import cwguard
    total = 0.0
    for payload in threads:
        adversarial.clear_engine_cache()
        gc.collect()
        total += timed(lambda payload=payload: cwguard.score(payload))
    return total


def literal_terms_pattern() -> tuple[regex.Pattern | None, int]:
    """One alternation of all detectors' literal terms, folded like the engine folds patterns.

    Case is folded by lower-casing the text, not by IGNORECASE: with IGNORECASE the `regex` module
    loses its literal-prefix scan and the "floor" costs 5x more (measured), which would flatter
    the ratio."""
    from cwguard.detectors import load_detectors
    from cwguard.engine.normalize import fold_pattern
    terms = {fold_pattern(t).lower() for d in load_detectors() for t in getattr(d, "terms", ())}
    if not terms:
        return None, 0
    longest_first = sorted(terms, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(t) for t in longest_first)), len(terms)


def floor_seconds(texts: list[str], pattern: regex.Pattern) -> float:
    def scan() -> None:
        for text in texts:
            for _ in pattern.finditer(unicodedata.normalize("NFKC", text).lower()):
                pass
    return timed(scan)


def warm_up() -> None:
    """Warm the engine up as `cwguard serve` does before /health answers (`api.warm_up`: detectors,
    compiled patterns, the domain and phone tables, the model, the word segmenter), so one-time
    loading is not counted as the cost of the first size's messages."""
    import cwguard
    from cwguard import api
    api.warm_up()
    cwguard.score(workload.thread(10, tag="warm-up"))
    adversarial.clear_engine_cache()


def measure_scaling(repeat: int) -> dict:
    pattern, term_count = literal_terms_pattern()
    warm_up()
    rows = []
    for size in SIZES:
        runs, floors = [], []
        for rep in range(repeat):
            # A new tag per repetition: never-seen texts, so the run is cold even if the engine's
            # cache could not be emptied.
            threads = workload.windows(size, workload.corpus_size(), tag=f"s{rep}")
            runs.append(score_windows_cold(threads))
            texts = [m["text"] for t in threads for m in t["messages"]]
            if pattern is not None:
                floors.append(floor_seconds(texts, pattern))
        messages = sum(len(t["messages"]) for t in threads)
        chars = sum(len(m["text"]) for t in threads for m in t["messages"])
        full = statistics.median(runs)
        row = {
            "thread_size": size, "threads": len(threads), "messages": messages, "chars": chars,
            "median_s": full, "runs_s": runs,
            "us_per_message": full / messages * 1e6, "chars_per_s": chars / full,
        }
        if floors:
            floor = statistics.median(floors)
            row.update(floor_s=floor, floor_us_per_message=floor / messages * 1e6, full_over_floor=full / floor)
        rows.append(row)
    by_size = {row["thread_size"]: row for row in rows}
    baseline = _baseline_rows()
    for row in rows:
        if row["thread_size"] in baseline:
            row["over_baseline"] = row["us_per_message"] / baseline[row["thread_size"]]
    ratio = by_size[2000]["us_per_message"] / by_size[10]["us_per_message"]
    per_char_ratio = by_size[10]["chars_per_s"] / by_size[2000]["chars_per_s"]
    floor_ratios = [row["full_over_floor"] for row in rows if "full_over_floor" in row]
    return {
        "rows": rows,
        "per_message_ratio_2000_vs_10": ratio,
        "per_char_ratio_2000_vs_10": per_char_ratio,
        "floor_terms": term_count,
        "worst_full_over_floor": max(floor_ratios) if floor_ratios else None,
        # issues #8 and #15: cold cost per message against the committed baseline (same machine kind)
        "worst_over_baseline": max((row["over_baseline"] for row in rows if "over_baseline" in row), default=None),
        "model_share": measure_model_share(),
    }


def _baseline_rows() -> dict[int, float]:
    """Cold µs per message of bench/results/baseline.json, by thread size."""
    try:
        saved = json.loads((BENCH / "results" / "baseline.json").read_text())
        return {row["thread_size"]: row["us_per_message"] for row in saved["scaling"]["rows"]}
    except (OSError, KeyError, ValueError):
        return {}


def measure_model_share(size: int = 100) -> dict:
    """The same never-seen threads scored by the rules alone and by rules plus model, in one run:
    what the model adds to the cold cost per message."""
    from cwguard import pipeline
    from cwguard.schemas import load_request
    threads = [load_request(t) for t in workload.windows(size, workload.corpus_size(), tag="model-share")]
    out = {}
    for detection in ("rules", "fused"):
        total = 0.0
        for request in threads:
            adversarial.clear_engine_cache()
            total += timed(lambda request=request, detection=detection: pipeline.score_request(request, detection=detection))
        out[detection] = total / sum(len(t["messages"]) for t in threads) * 1e6
    out["fused_over_rules"] = out["fused"] / out["rules"]
    return out


def measure_stages(messages: int = 2000) -> dict:
    """Where the time goes: normalising, then each detector alone, per message of the same texts.

    Not a contract figure; it points at hot spots (the sum is below the full scoring, which also
    maps offsets, applies the rubric and builds the answer)."""
    from cwguard.detectors import load_detectors
    from cwguard.engine.detector import MessageView
    from cwguard.engine.normalize import normalize
    source = workload.stream_messages(0, messages, tag="stages")
    normalised = []
    normalize_s = timed(lambda: normalised.extend(normalize(m["text"]) for m in source))
    views = [MessageView(m["id"], m["sender"], n, "before_contract") for m, n in zip(source, normalised, strict=True)]
    per_detector = {}
    for detector in load_detectors():
        seconds = timed(lambda detector=detector: [list(detector.detect(view)) for view in views])
        per_detector[detector.name] = seconds / messages * 1e6
    return {"messages": messages, "normalize_us_per_message": normalize_s / messages * 1e6,
            "detector_us_per_message": dict(sorted(per_detector.items(), key=lambda kv: -kv[1]))}


# --- re-scans and memory -----------------------------------------------------------------------

def measure_rescan(repeat: int) -> dict:
    import cwguard
    cold, one_new, unchanged = [], [], []
    for rep in range(repeat):
        tag = f"r{rep}"
        base, grown = workload.thread(2000, tag=tag), workload.thread(2001, tag=tag)
        adversarial.clear_engine_cache()
        gc.collect()
        cold.append(timed(lambda base=base: cwguard.score(base)))
        one_new.append(timed(lambda grown=grown: cwguard.score(grown)))
        unchanged.append(timed(lambda grown=grown: cwguard.score(grown)))
    cold_s = statistics.median(cold)
    return {
        "cold_s": cold_s,
        "one_new_message_s": statistics.median(one_new),
        "unchanged_s": statistics.median(unchanged),
        "one_new_over_cold": statistics.median(one_new) / cold_s,
        "unchanged_over_cold": statistics.median(unchanged) / cold_s,
    }


def measure_memory() -> dict:
    done = subprocess.run([sys.executable, str(BENCH / "memory_probe.py"), "2000"],
                          capture_output=True, text=True, timeout=300, check=True)
    probe = json.loads(done.stdout)
    probe["peak_rss_mb"] = probe["peak_rss_kb"] / 1024
    probe["import_rss_mb"] = probe["after_import_rss_kb"] / 1024
    return probe


# --- HTTP --------------------------------------------------------------------------------------

def _hammer(server, requests: list[tuple[str, str, bytes | None]], clients: int) -> dict:
    """Send `requests` from `clients` threads with keep-alive connections; wall time and latencies."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    shares = [requests[i::clients] for i in range(clients)]

    def client(share: list[tuple[str, str, bytes | None]]) -> None:
        connection = server.connection()
        mine = []
        try:
            for method, path, body in share:
                started = time.perf_counter()
                status, _ = send(connection, method, path, body)
                mine.append(time.perf_counter() - started)
                if status != 200:
                    failures.append(f"{method} {path}: {status}")
        finally:
            connection.close()
            with lock:
                latencies.extend(mine)

    workers = [threading.Thread(target=client, args=(share,)) for share in shares]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(requests), "wall_s": wall, "per_s": len(requests) / wall,
        "mean_ms": statistics.fmean(latencies) * 1e3,
        "p50_ms": latencies[len(latencies) // 2] * 1e3,
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1e3,
        "failures": failures[:5], "failure_count": len(failures),
    }


def measure_http(requests: int, clients: int) -> dict:
    health = [("GET", "/health", None)] * requests
    repeat_body = json.dumps(workload.thread(20)).encode()
    repeat = [("POST", "/score", repeat_body)] * requests
    # Fresh: every request a thread the server has never seen (cold per-message cache).
    fresh = [("POST", "/score", json.dumps(workload.thread(20, start=i * 20, tag=f"h{i}")).encode())
             for i in range(requests)]
    with running_server() as server:
        _hammer(server, health[: requests // 4] + repeat[: requests // 4], clients)  # warm-up
        result = {
            "clients": clients,
            "health": _hammer(server, health, clients),
            "score_repeat": _hammer(server, repeat, clients),
            "score_fresh": _hammer(server, fresh, clients),
        }
        result["server_rss_before_2000_kb"] = server.memory_kb()
        status, _ = send(server.connection(timeout=120), "POST", "/score",
                         json.dumps(workload.thread(2000, tag="mem")).encode())
        result["server_2000_status"] = status
        result["server_rss_after_2000_kb"] = server.memory_kb()
    for variant in ("repeat", "fresh"):
        result[f"score_over_health_{variant}"] = (
            result[f"score_{variant}"]["mean_ms"] / result["health"]["mean_ms"])
    return result


# --- startup -------------------------------------------------------------------------------------

def measure_startup(later: int = 10) -> dict:
    """A fresh `cwguard serve`: as soon as /health answers, the first /score of a never-seen
    message against the median of `later` more never-seen ones (wall clock, one client)."""
    from support.service import ServiceProcess

    def text(n: int) -> bytes:
        return json.dumps({"text": f"はじめまして、案件{n}の件です。詳細はLINEで、ID: user_{n * 7919} まで。"
                                   f"メール taro{n}@example.com、電話 090-{n:04d}-{n * 3 % 10000:04d}"}).encode()

    with ServiceProcess() as service:
        server = Server(service)
        seconds = []
        for n in range(later + 1):
            connection = server.connection()
            started = time.perf_counter()
            status, _ = send(connection, "POST", "/score", text(n + 1))
            seconds.append(time.perf_counter() - started)
            connection.close()
            assert status == 200, status
    first, rest = seconds[0], statistics.median(seconds[1:])
    return {"first_ms": first * 1e3, "later_median_ms": rest * 1e3, "first_over_later": first / rest}


# --- adversarial -------------------------------------------------------------------------------

def measure_adversarial(sizes: tuple[int, int], timeout: float) -> dict:
    small, large = sizes
    cases = {}
    for name in adversarial.CASES:
        print(f"[bench]   adversarial {name}", file=sys.stderr, flush=True)
        first = adversarial.run_case(name, small, repeat=3, timeout=timeout)
        # Already past the limit at the small size: the large one would only burn the same limit.
        second = (adversarial.run_case(name, large, repeat=2, timeout=timeout) if not first.get("timeout")
                  else {"case": name, "chars": large, "timeout": True, "limit_s": timeout, "skipped": True})
        cases[name] = {"small": first, "large": second}
    base = cases[adversarial.BASELINE_CASE]
    timeouts, growths = [], []
    for name, runs in cases.items():
        for key in ("small", "large"):
            run = runs[key]
            if "median_s" in run:
                run["ns_per_char"] = run["median_s"] / max(run["chars"], 1) * 1e9
                if "ns_per_char" in base[key]:
                    run["over_ordinary"] = run["ns_per_char"] / base[key]["ns_per_char"]
            elif run.get("timeout"):
                timeouts.append(f"{name}@{key}")
        if "ns_per_char" in runs["small"] and "ns_per_char" in runs["large"]:
            runs["growth_large_over_small"] = runs["large"]["ns_per_char"] / runs["small"]["ns_per_char"]
            growths.append(runs["growth_large_over_small"])
    return {
        "sizes_chars": list(sizes), "timeout_s": timeout, "cases": cases,
        "timeouts": len(timeouts), "timed_out": timeouts,
        "worst_growth_1m_over_100k": max(growths) if growths else None,
    }


# --- report ------------------------------------------------------------------------------------

def lookup(results: dict, dotted: str):
    value = results
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def check_aims(results: dict) -> dict:
    checks = {}
    for name, (aim, comparison, must) in AIMS.items():
        value = lookup(results, name)
        if value is None:
            continue
        ok = value <= aim if comparison == "<=" else value < aim
        checks[name] = {"value": value, "aim": f"{comparison} {aim}", "must": must, "ok": ok}
    return checks


def table_rows(results: dict) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    startup = results.get("startup")
    if startup:
        rows.append(("startup", "first /score after start / later ones",
                     f"{startup['first_over_later']:.1f}x ({startup['first_ms']:.1f} vs "
                     f"{startup['later_median_ms']:.1f} ms)", "<= 5x"))
    scaling = results.get("scaling")
    if scaling:
        for row in scaling["rows"]:
            floor = f", floor {row['floor_us_per_message']:.1f} us/msg" if "floor_s" in row else ""
            rows.append(("scaling", f"{row['thread_size']:>5}-message threads x{row['threads']}",
                         f"{row['us_per_message']:.1f} us/msg, {row['chars_per_s'] / 1e6:.2f} M chars/s{floor}",
                         ""))
        rows.append(("scaling", "cost/message 2000 vs 10", f"{scaling['per_message_ratio_2000_vs_10']:.2f}x",
                     "<= 1.3x (must)"))
        rows.append(("scaling", "cost/char 2000 vs 10", f"{scaling['per_char_ratio_2000_vs_10']:.2f}x", ""))
        for row in scaling["rows"]:
            if "full_over_floor" in row:
                rows.append(("floor", f"full/floor at {row['thread_size']}", f"{row['full_over_floor']:.1f}x",
                             "<= 4x"))
        if not scaling["floor_terms"]:
            rows.append(("floor", "literal terms", "none found in detectors", "detectors need `terms`"))
        if scaling.get("worst_over_baseline") is not None:
            rows.append(("scaling", "cold cost vs baseline.json (worst size)",
                         f"{scaling['worst_over_baseline']:.2f}x", "<= 1.5x"))
        share = scaling.get("model_share")
        if share:
            rows.append(("scaling", "rules alone / rules + model, 100-message threads",
                         f"{share['rules']:.0f} / {share['fused']:.0f} us/msg ({share['fused_over_rules']:.2f}x)", ""))
    http = results.get("http")
    if http:
        for key in ("health", "score_repeat", "score_fresh"):
            part = http[key]
            rows.append(("http", f"{key} ({http['clients']} clients)",
                         f"{part['mean_ms']:.2f} ms mean, p99 {part['p99_ms']:.2f} ms, {part['per_s']:.0f}/s"
                         + (f", {part['failure_count']} non-200" if part["failure_count"] else ""), ""))
        rows.append(("http", "/score (same thread) / /health", f"{http['score_over_health_repeat']:.2f}x", "<= 2x"))
        rows.append(("http", "/score (new thread) / /health", f"{http['score_over_health_fresh']:.2f}x", "<= 2x"))
    stages = results.get("stages")
    if stages:
        slowest = list(stages["detector_us_per_message"].items())[:4]
        rows.append(("stages", "normalize", f"{stages['normalize_us_per_message']:.1f} us/msg", ""))
        rows.append(("stages", "slowest detectors",
                     ", ".join(f"{name} {us:.1f}" for name, us in slowest) + " us/msg", ""))
    rescan = results.get("rescan")
    if rescan:
        rows.append(("rescan", "cold 2000-message thread", f"{rescan['cold_s'] * 1e3:.1f} ms", ""))
        rows.append(("rescan", "+1 new message / cold", f"{rescan['one_new_over_cold'] * 100:.1f}%"
                     f" ({rescan['one_new_message_s'] * 1e3:.1f} ms)", "<= 20%"))
        rows.append(("rescan", "unchanged / cold", f"{rescan['unchanged_over_cold'] * 100:.1f}%", ""))
    memory = results.get("memory")
    if memory:
        rows.append(("memory", "peak RSS, fresh process, 2000 msgs", f"{memory['peak_rss_mb']:.1f} MB"
                     f" (after import {memory['import_rss_mb']:.1f} MB)", "< 100 MB"))
    if http and "server_rss_after_2000_kb" in http:
        rows.append(("memory", "server peak RSS after HTTP 2000 msgs",
                     f"{http['server_rss_after_2000_kb']['peak_rss_kb'] / 1024:.1f} MB", ""))
    rows.extend(_adversarial_rows(results.get("adversarial")))
    rows.extend(_browser_rows(results.get("browser")))
    rows.extend(_browser_rows(results.get("browser_big")))
    return rows


def _adversarial_rows(adv: dict | None) -> list[tuple[str, str, str, str]]:
    if not adv:
        return []
    rows = []
    small, large = (f"{n // 1000} KB" if n < 1_000_000 else f"{n / 1e6:g} MB" for n in adv["sizes_chars"])
    for name, runs in adv["cases"].items():
        cells = []
        for key, label in (("small", small), ("large", large)):
            run = runs[key]
            if run.get("timeout"):
                cells.append(f"{label}: TIMEOUT > {run['limit_s']:.0f} s")
            elif "error" in run:
                cells.append(f"{label}: ERROR")
            else:
                over = f" ({run['over_ordinary']:.2f}x ordinary)" if "over_ordinary" in run else ""
                cells.append(f"{label}: {run['ns_per_char']:.0f} ns/char{over}")
        growth = runs.get("growth_large_over_small")
        rows.append(("adversarial", name, "; ".join(cells), f"growth {growth:.2f}" if growth else ""))
    worst = adv["worst_growth_1m_over_100k"]
    rows.append(("adversarial", "worst per-char growth, large/small",
                 f"{worst:.2f}x" if worst else "n/a", "<= 2x (linear; quadratic ~10x)"))
    return rows


def _browser_rows(result: dict | None) -> list[tuple[str, str, str, str]]:
    if not result:
        return []
    if result.get("status") != "ok":
        return [("browser", "page", f"not measured: {result.get('reason', '')}", "")]
    longest = result["longest_task_ms"]
    return [
        ("browser", f"first scan: 'scanning' -> highlights drawn ({result['messages']} msgs)",
         f"{result['scan_to_highlights_ms']:.0f} ms ({result['highlights']} highlights, level {result['level']})", ""),
        ("browser", "re-scan command -> highlights drawn", f"{result['rescan_to_highlights_ms']:.0f} ms", ""),
        ("browser", "longest main-thread task in a scan",
         f"{longest:.0f} ms" if longest else "none over 50 ms", "<= 50 ms"),
        ("browser", "longest task of the page's own load", f"{result['page_load_longest_task_ms']:.0f} ms", ""),
    ]


def print_table(rows: list[tuple[str, str, str, str]], checks: dict) -> None:
    headers = ("section", "measure", "value", "aim")
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(4)]
    line = "  ".join("-" * w for w in widths)
    print(line)
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print(line)
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    print(line)
    missed = [f"{name} = {c['value']:.3g} (aim {c['aim']}{', must' if c['must'] else ''})"
              for name, c in checks.items() if not c["ok"]]
    print("aims missed: " + ("; ".join(missed) if missed else "none"))


# --- bookkeeping -------------------------------------------------------------------------------

def _cache_clearable() -> bool | None:
    try:
        return adversarial.clear_engine_cache()
    except ImportError:
        return None  # no engine.scoring yet


def environment() -> dict:
    import cwguard
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        **commit_info(),
        "engine_version": getattr(cwguard, "__version__", "?"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": len(os.sched_getaffinity(0)),
        "engine_cache_clearable": _cache_clearable(),
        "bench_rss_kb": read_memory_kb(),
    }


SECTIONS = ("scaling", "stages", "rescan", "memory", "http", "startup", "adversarial", "browser", "browser_big")
BIG_PAGE_MESSAGES = 3000


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, smaller inputs (a smoke run)")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated subset of {SECTIONS}")
    parser.add_argument("--no-save", action="store_true", help="print only; write no JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 when an aim the issue calls 'must' is missed")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    wanted = set(args.only.split(","))
    unknown = wanted - set(SECTIONS)
    if unknown:
        sys.exit(f"unknown sections: {sorted(unknown)}")
    repeat = 2 if args.quick else 5
    results: dict = {"environment": environment(), "quick": args.quick}
    steps = {
        "scaling": lambda: measure_scaling(repeat),
        "stages": measure_stages,
        "rescan": lambda: measure_rescan(repeat),
        "memory": measure_memory,
        "http": lambda: measure_http(requests=200 if args.quick else 800, clients=4),
        "startup": measure_startup,
        "adversarial": lambda: measure_adversarial(
            (20_000, 200_000) if args.quick else (100_000, 1_000_000), timeout=60.0),
        "browser": browser.measure_browser_scan,
        "browser_big": lambda: browser.measure_browser_scan(BIG_PAGE_MESSAGES),
    }
    for name in SECTIONS:
        if name in wanted:
            print(f"[bench] {name} ...", file=sys.stderr, flush=True)
            results[name] = steps[name]()
    results["checks"] = check_aims(results)
    print_table(table_rows(results), results["checks"])
    if not args.no_save:
        save(results)
    musts_missed = [n for n, c in results["checks"].items() if c["must"] and not c["ok"]]
    return 1 if args.strict and musts_missed else 0


if __name__ == "__main__":
    sys.exit(main())
