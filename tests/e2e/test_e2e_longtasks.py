"""Issue 10, problem 2: no main-thread task over 50 ms on a 3,000-message thread, for the first
scan, a re-scan and a message appended by the page. Measured from the page with a
PerformanceObserver for long tasks (the Long Tasks API reports every task of 50 ms or more,
rendering included), counted from DOMContentLoaded (the page's own parsing is not ours).

The old code spent 433 ms in one block in adapter.js's outermost() on every scan of such a page.
This machine is shared (2 cores, other test suites running): a run with a long task is repeated
once on a fresh page, and the test fails only if the repeat has one too. A quadratic step fails
both runs by a wide margin."""
from __future__ import annotations

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
        return found
    finally:
        page.close()


def test_no_long_task_on_a_3000_message_thread(stack, browser):
    html = thread_html(_messages(N))
    first = _measure(browser, html)
    if not any(first.values()):
        return
    again = _measure(browser, html)
    assert not any(again.values()), f"long tasks (ms) in two runs: {first} then {again}"
