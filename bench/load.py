"""`make load`: many concurrent clients against the real waitress server on loopback, for a bounded time.

Traffic is a mix of what the extension sends (re-scans of the same thread, new threads of every size
up to 2,000 messages, the one-text shorthand) and of bad requests that must be refused with a JSON
4xx. Reports throughput, latency percentiles, errors and the server's memory before, during and
after; exits 1 when there is any 5xx, connection error or wrong answer, or when the server's memory
grows beyond a bound (a cache that is not bounded shows up here: a large share of the traffic is
messages the server has never seen).

Only 127.0.0.1 is contacted; the run stops at --duration seconds or --max-requests, whichever first.
"""
from __future__ import annotations

import argparse
import functools
import http.client
import itertools
import json
import random
import statistics
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import workload
from results_store import commit_info, save
from server import read_memory_kb, running_server, send

REQUEST_TIMEOUT_S = 60.0
# Sampling period of the server's memory during the run.
MEMORY_SAMPLE_S = 0.5


@dataclass(frozen=True)
class Request:
    kind: str
    body: bytes
    content_type: str = "application/json"
    expect: str = "ok"  # "ok": 200 with a risk; "refused": JSON 4xx; "ok_or_refused": either


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


@functools.cache
def bad_requests() -> list[Request]:
    """Requests the service must refuse with a JSON 4xx (issue #2, "Bad input")."""
    one = workload.stream_messages(0, 1)
    return [
        Request("bad_json", b'{"messages": [', expect="refused"),
        Request("bad_empty_body", b"", expect="refused"),
        Request("bad_not_object", b"[1, 2, 3]", expect="refused"),
        Request("bad_content_type", _json(workload.thread_payload(one)), "text/plain", expect="refused"),
        Request("bad_missing_messages", _json({"context": {}}), expect="refused"),
        Request("bad_empty_messages", _json({"messages": []}), expect="refused"),
        Request("bad_unknown_field", _json({**workload.thread_payload(one), "surprise": 1}), expect="refused"),
        Request("bad_wrong_type", _json({"messages": "hello"}), expect="refused"),
        Request("bad_sender", _json({"messages": [{**one[0], "sender": "boss"}]}), expect="refused"),
        Request("bad_duplicate_ids", _json({"messages": [one[0], one[0]]}), expect="refused"),
        Request("bad_lone_surrogate", b'{"text": "LINE \\ud800 ID"}', expect="refused"),
    ]


@functools.cache
def over_limit_requests() -> list[Request]:
    """Just past each documented limit (cwguard.schemas): a thread, a message and a body too big."""
    from cwguard import schemas
    too_many = [{"id": f"x{i}", "text": "了解です"} for i in range(schemas.MAX_MESSAGES + 1)]
    too_long = [{"id": "m1", "text": "あ" * (schemas.MAX_MESSAGE_CHARS + 1)}]
    padding = "x" * (schemas.MAX_BODY_BYTES + 1)
    return [
        Request("over_limit_messages", _json({"messages": too_many}), expect="refused"),
        Request("over_limit_message_chars", _json({"messages": too_long}), expect="refused"),
        Request("over_limit_body", _json({"text": "LINE", "padding": padding}), expect="refused"),
    ]


@functools.cache
def repeated_bodies() -> tuple[list[bytes], bytes]:
    """Threads sent again and again (re-scans): ten of 20 messages and one of 2,000."""
    return [_json(workload.thread(20, start=i * 20)) for i in range(10)], _json(workload.thread(2000))


class Traffic:
    """Picks each client's next request. Fresh threads carry a unique tag: never seen by the server."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)
        self.counter = itertools.count()
        self.seed = seed
        self.repeat_small, self.repeat_large = repeated_bodies()
        self.bad = bad_requests()
        self.over_limit = over_limit_requests()
        # (weight, maker)
        self.mix = [
            (35, lambda: Request("repeat_small", self.random.choice(self.repeat_small))),
            (22, lambda: Request("fresh_small", self._fresh(self.random.randint(5, 30)))),
            (10, lambda: Request("fresh_medium", self._fresh(self.random.randint(100, 300)))),
            (2, lambda: Request("repeat_2000", self.repeat_large)),
            (5, self._shorthand),
            (25, lambda: self.random.choice(self.bad)),
            (1, lambda: self.random.choice(self.over_limit)),
        ]
        self.weights = [w for w, _ in self.mix]

    def _fresh(self, size: int) -> bytes:
        start = self.random.randrange(workload.corpus_size())
        return _json(workload.thread(size, start=start, tag=f"c{self.seed}n{next(self.counter)}"))

    def _shorthand(self) -> Request:
        message = workload.stream_messages(self.random.randrange(workload.corpus_size()), 1)[0]
        return Request("shorthand", _json({"text": message["text"]}))

    def next(self) -> Request:
        return self.random.choices(self.mix, weights=self.weights)[0][1]()


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)      # 5xx, connection errors, timeouts
    unexpected: list[str] = field(default_factory=list)  # a wrong answer (200 to bad input, 4xx to good)
    refused_as_expected: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def judge(request: Request, status: int, body: bytes) -> str:
    """'ok', 'refused' (expected 4xx), 'error' (5xx) or 'unexpected'."""
    if status >= 500:
        return "error"
    if status == 200 and request.expect in ("ok", "ok_or_refused"):
        return "ok" if body.startswith(b"{") and b'"risk"' in body else "unexpected"
    if 400 <= status < 500 and request.expect in ("refused", "ok_or_refused"):
        return "refused" if b'"error"' in body and b'"code"' in body else "unexpected"
    return "unexpected"


def client_loop(server, traffic: Traffic, tally: Tally, deadline: float, budget: itertools.count,
                max_requests: int) -> None:
    connection = server.connection(timeout=REQUEST_TIMEOUT_S)
    try:
        while time.monotonic() < deadline and next(budget) < max_requests:
            request = traffic.next()
            started = time.perf_counter()
            try:
                status, body = send(connection, "POST", "/score", request.body, request.content_type)
            except (OSError, http.client.HTTPException) as problem:
                connection.close()  # the next request opens a new connection
                with tally.lock:
                    tally.errors.append(f"{request.kind}: {type(problem).__name__}: {problem}")
                continue
            elapsed = time.perf_counter() - started
            verdict = judge(request, status, body)
            with tally.lock:
                tally.latencies[request.kind].append(elapsed)
                tally.statuses[status] += 1
                if verdict == "error":
                    tally.errors.append(f"{request.kind}: HTTP {status}: {body[:200]!r}")
                elif verdict == "unexpected":
                    tally.unexpected.append(f"{request.kind}: HTTP {status}: {body[:200]!r}")
                elif verdict == "refused":
                    tally.refused_as_expected += 1
    finally:
        connection.close()


def sample_memory(pid: int, stop: threading.Event, samples: list[tuple[float, int]]) -> None:
    started = time.monotonic()
    while not stop.wait(MEMORY_SAMPLE_S):
        try:
            samples.append((time.monotonic() - started, read_memory_kb(pid)["rss_kb"]))
        except OSError:
            return  # the server is gone; the clients report it


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    index = min(len(sorted_values) - 1, max(0, int(round(fraction * len(sorted_values) + 0.5)) - 1))
    return sorted_values[index]


def latency_summary(values: list[float]) -> dict:
    ordered = sorted(values)
    return {
        "count": len(ordered),
        "p50_ms": percentile(ordered, 0.50) * 1e3,
        "p90_ms": percentile(ordered, 0.90) * 1e3,
        "p99_ms": percentile(ordered, 0.99) * 1e3,
        "max_ms": ordered[-1] * 1e3,
        "mean_ms": statistics.fmean(ordered) * 1e3,
    }


def warm_up(server, traffic: Traffic) -> None:
    """One request of every kind first, so 'memory before' is the steady service, not a cold import."""
    connection = server.connection(timeout=REQUEST_TIMEOUT_S)
    try:
        for request in [*traffic.bad, Request("repeat_2000", traffic.repeat_large),
                        *(Request("repeat_small", body) for body in traffic.repeat_small)]:
            send(connection, "POST", "/score", request.body, request.content_type)
    finally:
        connection.close()


def run_load(args: argparse.Namespace) -> dict:
    tally = Tally()
    with running_server() as server:
        warm_up(server, Traffic(seed=0))
        before = server.memory_kb()
        samples: list[tuple[float, int]] = []
        stop = threading.Event()
        sampler = threading.Thread(target=sample_memory, args=(server.pid, stop, samples), daemon=True)
        traffics = [Traffic(seed=i + 1) for i in range(args.clients)]
        budget = itertools.count()
        deadline = time.monotonic() + args.duration
        clients = [threading.Thread(target=client_loop, daemon=True,
                                    args=(server, t, tally, deadline, budget, args.max_requests))
                   for t in traffics]
        started = time.perf_counter()
        sampler.start()
        for client in clients:
            client.start()
        for client in clients:
            client.join(timeout=args.duration + REQUEST_TIMEOUT_S + 10)
        wall = time.perf_counter() - started
        stop.set()
        sampler.join(timeout=5)
        after = server.memory_kb()
        alive = server.service.running()
        hung = sum(client.is_alive() for client in clients)
    all_latencies = [v for values in tally.latencies.values() for v in values]
    return {
        "environment": commit_info(),
        "settings": {"clients": args.clients, "duration_s": args.duration, "max_requests": args.max_requests,
                     "max_growth_mb": args.max_growth_mb},
        "wall_s": wall,
        "requests": len(all_latencies),
        "throughput_per_s": len(all_latencies) / wall,
        "latency": latency_summary(all_latencies) if all_latencies else {},
        "latency_by_kind": {k: latency_summary(v) for k, v in sorted(tally.latencies.items())},
        "statuses": {str(k): v for k, v in sorted(tally.statuses.items())},
        "refused_as_expected": tally.refused_as_expected,
        "errors": len(tally.errors), "error_examples": tally.errors[:10],
        "unexpected": len(tally.unexpected), "unexpected_examples": tally.unexpected[:10],
        "clients_still_running": hung,
        "server_alive_after": alive,
        "memory_kb": {"before": before, "after": after,
                      "timeline": [(round(t, 1), kb) for t, kb in samples[:: max(1, len(samples) // 40)]]},
        "rss_growth_mb": (after["rss_kb"] - before["rss_kb"]) / 1024,
    }


def failures(result: dict) -> list[str]:
    found = []
    if result["errors"]:
        found.append(f"{result['errors']} errors (5xx or connection): {result['error_examples'][:3]}")
    if result["unexpected"]:
        found.append(f"{result['unexpected']} wrong answers: {result['unexpected_examples'][:3]}")
    if result["clients_still_running"] or not result["server_alive_after"]:
        found.append("a client hung or the server died")
    if result["rss_growth_mb"] > result["settings"]["max_growth_mb"]:
        found.append(f"server memory grew {result['rss_growth_mb']:.1f} MB"
                     f" (bound {result['settings']['max_growth_mb']} MB)")
    if not result["requests"]:
        found.append("no request was answered")
    return found


def print_report(result: dict) -> None:
    lat = result["latency"]
    mem = result["memory_kb"]
    print(f"load: {result['requests']} requests in {result['wall_s']:.1f} s from {result['settings']['clients']}"
          f" clients = {result['throughput_per_s']:.0f} requests/s")
    if lat:
        print(f"latency (all): p50 {lat['p50_ms']:.1f} ms, p90 {lat['p90_ms']:.1f} ms,"
              f" p99 {lat['p99_ms']:.1f} ms, max {lat['max_ms']:.1f} ms")
    print(f"{'kind':<26}{'count':>7}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for kind, s in result["latency_by_kind"].items():
        print(f"{kind:<26}{s['count']:>7}{s['p50_ms']:>9.1f}{s['p90_ms']:>9.1f}{s['p99_ms']:>9.1f}{s['max_ms']:>9.1f}")
    print(f"statuses: {result['statuses']}; refused as expected: {result['refused_as_expected']};"
          f" errors: {result['errors']}; wrong answers: {result['unexpected']}")
    print(f"server RSS: before {mem['before']['rss_kb'] / 1024:.1f} MB, after {mem['after']['rss_kb'] / 1024:.1f} MB"
          f" (growth {result['rss_growth_mb']:+.1f} MB, bound {result['settings']['max_growth_mb']} MB),"
          f" peak {mem['after']['peak_rss_kb'] / 1024:.1f} MB")
    print("RSS timeline (s, MB): " + ", ".join(f"{t:g}:{kb / 1024:.0f}" for t, kb in mem["timeline"][::4]))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of traffic (bounded)")
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--max-growth-mb", type=float, default=100.0,
                        help="fail when the server's RSS grows more than this during the run")
    parser.add_argument("--no-save", action="store_true")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    result = run_load(args)
    print_report(result)
    if not args.no_save:
        save(result, stem="load-")
    problems = failures(result)
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
