"""Issue 10, problem 2: no main-thread task over 50 ms on a 3,000-message thread, for the first
scan, a re-scan and a message appended by the page. Measured from the page with a
PerformanceObserver for long tasks (the Long Tasks API reports every task of 50 ms or more,
rendering included), counted from DOMContentLoaded (the page's own parsing is not ours).

The old code spent 433 ms in one block in adapter.js's outermost() on every scan of such a page.
A busy machine must not turn a correct change red (the Long Tasks API measures wall time, and a
descheduled renderer makes any task long). So the bound is 50 ms times how much slower the page
itself runs a fixed loop just then (its median over its fastest of seven runs: 1 on a quiet
machine), and a run over the bound is repeated on a fresh page, twice at most; the test fails only
if the same phase has a task over its bound in every run. The quadratic step of the old code
(433 ms in one block, in every scan) fails every run by a wide margin."""
from __future__ import annotations

import pytest
from threadpage import Message, thread_html

N = 3000
LONG_TASKS_JS = """(() => {
  window.__cwguardLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__cwguardLongTasks.push({start: e.startTime, duration: e.duration});
  }).observe({type: 'longtask', buffered: true});
})();"""


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


BOUND_MS = 50
RUNS = 3
CALIBRATE_JS = """() => {
  const times = [];
  for (let r = 0; r < 7; r++) {
    const start = performance.now();
    let x = 0;
    for (let i = 0; i < 2e6; i++) x = (x * 31 + i) | 0;
    times.push(performance.now() - start + (x === 0.5 ? 1 : 0));
  }
  times.sort((a, b) => a - b);
  return times[3] / Math.max(times[0], 0.01);
}"""


def _slowdown(page) -> float:
    """How much slower than its own best the page runs a fixed loop now (1 when the machine is quiet)."""
    return max(1.0, float(page.evaluate(CALIBRATE_JS)))


def _tasks_since(page, since: float) -> list[float]:
    return page.evaluate("(s) => window.__cwguardLongTasks.filter((t) => t.start >= s).map((t) => Math.round(t.duration))",
                         since)


def _wait_scan(browser, page) -> None:
    page.wait_for_function("() => document.documentElement.getAttribute('data-cwguard-risk') === 'scanning'", timeout=30000)
    assert browser.wait_for_risk(page, "high", "medium", "low", "none", "error", timeout_s=120) == "high"
    page.wait_for_timeout(300)  # the frame after the last paint


def _measure(browser, html: str) -> dict[str, list[float]]:
    page = browser.context.new_page()
    page.add_init_script(LONG_TASKS_JS)
    try:
        browser.open_thread(html, page=page)
        assert browser.wait_for_risk(page, "high", "medium", "low", "none", "error", timeout_s=120) == "high"
        page.wait_for_timeout(300)
        assert page.evaluate("() => document.documentElement.getAttribute('data-cwguard-messages')") == str(N)
        dcl = page.evaluate("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
        found = {"first scan": _tasks_since(page, dcl)}

        since = page.evaluate("() => performance.now()")
        browser.rescan(browser.tab_id(page))
        _wait_scan(browser, page)
        found["re-scan"] = _tasks_since(page, since)

        since = page.evaluate("() => performance.now()")
        page.evaluate("(m) => window.__fixture.receive(m)", {"sender": "client", "text": "追加のご相談です。続きはLINEでお話ししましょう。"})
        _wait_scan(browser, page)
        assert page.evaluate("() => document.documentElement.getAttribute('data-cwguard-messages')") == str(N + 1)
        found["appended message"] = _tasks_since(page, since)
        found["bound_ms"] = round(BOUND_MS * _slowdown(page))
        return found
    finally:
        page.close()


def _phases_over_bound(run: dict) -> set[str]:
    return {name for name, tasks in run.items() if name != "bound_ms" and any(t > run["bound_ms"] for t in tasks)}


def test_no_long_task_on_a_3000_message_thread(stack, browser):
    """Fails only if one phase has a task over the bound in every run: a long task of our own code
    recurs where that code runs, while a renderer descheduled by a busy machine lengthens whichever
    task runs then (seen: 90, 61+64 and 72 ms in three different phases of three runs)."""
    html = thread_html(_messages(N))
    runs, recurring = [], None
    for _ in range(RUNS):
        runs.append(_measure(browser, html))
        over = _phases_over_bound(runs[-1])
        recurring = over if recurring is None else recurring & over
        if not recurring:
            return
    pytest.fail(f"a task over the bound in {sorted(recurring)} in every run (ms): {runs}")
