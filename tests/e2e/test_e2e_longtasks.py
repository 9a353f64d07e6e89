"""Issue 10, problem 2: no main-thread task over 50 ms on a 3,000-message thread, for the first
scan, a re-scan and a message appended by the page.

Measured in CPU time, not wall time: the page's renderer is traced through the DevTools protocol
and every task of its main thread is read with its thread time (`tdur`, the time the thread really
ran). A busy machine deschedules the renderer and stretches a task's wall time (seen: 64 ms for a
task of 23 ms of CPU under two busy loops), but not the work the task does, so a correct change
stays green on a loaded machine, and the quadratic step of the old code (433 ms in one block of
adapter.js's outermost(), on every scan) fails by a wide margin.

The first scan is counted from the later of the content script's first evaluation and the page's
first contentful paint: the page's own first layout of 3,000 messages (about 48 ms of CPU here) is
not ours. A task over the bound is measured again on a fresh page; the test fails only if the same
phase is over the bound in both runs.

Thread time still grows on a loaded virtual machine (shared cores and caches: under two busy loops
and a test run, our longest tasks read 1.4x their quiet time, 40 ms became 60). So each run ends
with a fixed piece of work on the same thread (`CALIBRATION_JS`), measured in the same trace: when it
takes longer than its quiet CALIBRATION_MS, the bound grows in the same proportion (it never
shrinks). The quadratic step of the old code is nine times the bound, far beyond any load."""
from __future__ import annotations

import pytest
from threadpage import Message, thread_html

N = 3000
BOUND_MS = 50
# A fixed piece of work run on the page's main thread at the end of each run, and its CPU ms on a
# quiet machine (the yardstick of how slow this run's machine is).
CALIBRATION_JS = ("() => { const a = []; let s = 0;"
                  " for (let i = 0; i < 300000; i++) { a.push({k: i % 977, v: Math.sqrt(i)}); }"
                  " a.sort((x, y) => x.k - y.k || x.v - y.v); for (const o of a) { s += o.v; } return s; }")
CALIBRATION_MS = 100.0
RUNS = 2
CATEGORIES = "toplevel,devtools.timeline,blink.user_timing"
TASK = "ThreadControllerImpl::RunTask"
PHASES = ("first scan", "re-scan", "appended message")
CALIBRATION = "calibration"


def _messages(n: int) -> list[Message]:
    out = []
    for i in range(n):
        if i % 10 == 3:
            text = f"#{i} ご応募ありがとうございます。詳細はLINEでお伝えしますので、ID: cw_{i} を追加してください。"
            out.append(Message("client", text, id=f"m{i}"))
        elif i % 10 == 7:
            out.append(Message("client", f"#{i} 手数料がもったいないので直接契約でお願いします。", id=f"m{i}"))
        elif i % 2:
            out.append(Message("worker", f"#{i} 承知しました。構成案を明日までにお送りします。", id=f"m{i}"))
        else:
            out.append(Message("client", f"#{i} 納期は契約から7日以内、文字単価1.2円でお願いします。", id=f"m{i}"))
    return out


class Trace:
    """Trace events of the browser while the block runs (CDP Tracing, reported as events)."""

    def __init__(self, browser, page):
        self.cdp = browser.context.new_cdp_session(page)
        self.page = page
        self.events: list[dict] = []
        self.complete = False
        self.cdp.on("Tracing.dataCollected", lambda params: self.events.extend(params["value"]))
        self.cdp.on("Tracing.tracingComplete", lambda _params: setattr(self, "complete", True))

    def __enter__(self) -> Trace:
        self.cdp.send("Tracing.start", {"categories": CATEGORIES, "transferMode": "ReportEvents"})
        return self

    def __exit__(self, *exc) -> None:
        self.cdp.send("Tracing.end")
        while not self.complete:
            self.page.wait_for_timeout(50)  # a condition wait: events arrive while Playwright waits
        self.cdp.detach()


def _wait_scan(browser, page) -> None:
    page.wait_for_function("() => document.documentElement.getAttribute('data-cwguard-risk') === 'scanning'", timeout=30000)
    assert browser.wait_for_risk(page, "high", "medium", "low", "none", "error", timeout_s=120) == "high"
    page.wait_for_timeout(300)  # the frame after the last paint


def _mark(page, name: str) -> None:
    page.evaluate("(name) => performance.mark(name)", name)


def _run_scenario(browser) -> list[dict]:
    page = browser.context.new_page()
    try:
        with Trace(browser, page) as trace:
            browser.open_thread(thread_html(_messages(N)), page=page)
            assert browser.wait_for_risk(page, "high", "medium", "low", "none", "error", timeout_s=120) == "high"
            page.wait_for_timeout(300)
            assert page.evaluate("() => document.documentElement.getAttribute('data-cwguard-messages')") == str(N)
            _mark(page, "cwguard-test:re-scan")
            browser.rescan(browser.tab_id(page))
            _wait_scan(browser, page)
            _mark(page, "cwguard-test:appended message")
            page.evaluate("(m) => window.__fixture.receive(m)",
                          {"sender": "client", "text": "追加のご相談です。続きはLINEでお話ししましょう。"})
            _wait_scan(browser, page)
            assert page.evaluate("() => document.documentElement.getAttribute('data-cwguard-messages')") == str(N + 1)
            page.wait_for_timeout(300)
            _mark(page, f"cwguard-test:{CALIBRATION}")
            page.evaluate(CALIBRATION_JS)
        return trace.events
    finally:
        page.close()


def cpu_ms_by_phase(events: list[dict]) -> dict[str, list[float]]:
    """CPU milliseconds of every main-thread task of the page's renderer, by phase."""
    ours = [e for e in events if e.get("name") == "EvaluateScript"
            and "chrome-extension://" in str(e.get("args", {}).get("data", {}).get("url", ""))]
    assert ours, "the trace shows no evaluation of the extension's content script"
    pid, tid = ours[0]["pid"], ours[0]["tid"]
    painted = [e["ts"] for e in events if e.get("name") == "firstContentfulPaint" and e["pid"] == pid]
    assert painted, "the trace shows no first contentful paint of the page"
    starts = {"first scan": max(ours[0]["ts"], min(painted))}
    for e in events:
        if e.get("name", "").startswith("cwguard-test:") and e["pid"] == pid:
            starts[e["name"].split(":", 1)[1]] = e["ts"]
    assert set(starts) >= set(PHASES), f"phase marks missing from the trace: {sorted(starts)}"
    order = sorted(starts.items(), key=lambda item: item[1])
    found: dict[str, list[float]] = {name: [] for name in starts}
    for e in events:
        if e.get("name") != TASK or e.get("ph") != "X" or (e["pid"], e["tid"]) != (pid, tid):
            continue
        phase = [name for name, ts in order if ts <= e["ts"]]
        if phase and "tdur" in e:
            found[phase[-1]].append(round(e["tdur"] / 1000, 1))
    return found


def bound_ms(run: dict[str, list[float]]) -> float:
    """BOUND_MS, grown by as much as the calibration task exceeds its quiet time (a slower machine
    in this run), never shrunk."""
    calibration = max(run.get(CALIBRATION) or [0.0])
    return BOUND_MS * max(1.0, calibration / CALIBRATION_MS)


def _phases_over_bound(run: dict[str, list[float]]) -> set[str]:
    bound = bound_ms(run)
    return {name for name in PHASES if any(t > bound for t in run.get(name, ()))}


def test_no_long_task_on_a_3000_message_thread(stack, browser):
    runs, recurring = [], None
    for _ in range(RUNS):
        run = cpu_ms_by_phase(_run_scenario(browser))
        assert all(run[name] for name in PHASES), f"a phase ran no task on the page's main thread: {run}"
        runs.append({"bound": round(bound_ms(run), 1), **{name: sorted(tasks, reverse=True)[:5] for name, tasks in run.items()}})
        over = _phases_over_bound(run)
        recurring = over if recurring is None else recurring & over
        if not recurring:
            return
    pytest.fail(f"a task over the bound ({BOUND_MS} ms of CPU, grown with the calibration task) in {sorted(recurring)} "
                f"in every run (longest, ms): {runs}")


def test_the_trace_reader_splits_tasks_by_phase_and_flags_a_long_one():
    """The reader itself: tasks before our script are ignored, the rest go to the phase they
    start in, and a task over the bound is reported (so the browser test can fail)."""
    def task(ts, cpu_ms, pid=1, tid=2):
        return {"name": TASK, "ph": "X", "pid": pid, "tid": tid, "ts": ts, "dur": cpu_ms * 1500, "tdur": cpu_ms * 1000}
    events = [
        {"name": "EvaluateScript", "pid": 1, "tid": 2, "ts": 1000, "args": {"data": {"url": "chrome-extension://x/content/content.js"}}},
        {"name": "firstContentfulPaint", "pid": 1, "tid": 2, "ts": 900},
        {"name": "cwguard-test:re-scan", "pid": 1, "tid": 2, "ts": 5000},
        {"name": "cwguard-test:appended message", "pid": 1, "tid": 2, "ts": 9000},
        {"name": f"cwguard-test:{CALIBRATION}", "pid": 1, "tid": 2, "ts": 12000},
        task(500, 80), task(1200, 12), task(6000, 20), task(9500, 433), task(9600, 99, tid=3), task(12500, 100),
    ]
    found = cpu_ms_by_phase(events)
    assert found == {"first scan": [12.0], "re-scan": [20.0], "appended message": [433.0], CALIBRATION: [100.0]}
    assert _phases_over_bound(found) == {"appended message"}


@pytest.mark.parametrize("slower, ours, over", [
    (1.0, 51.0, True),      # a quiet machine: the bound is 50 ms
    (0.5, 51.0, True),      # a faster machine never tightens it
    (1.5, 60.0, False),     # the fixed work took 1.5x: so may ours
    (1.5, 433.0, True),     # the quadratic step fails under any load
    (None, 51.0, True),     # no calibration task seen: the plain bound
])
def test_the_bound_grows_only_with_the_calibration_task(slower, ours, over):
    run = {"first scan": [ours], "re-scan": [1.0], "appended message": [1.0],
           CALIBRATION: [] if slower is None else [CALIBRATION_MS * slower]}
    assert (_phases_over_bound(run) == {"first scan"}) is over
