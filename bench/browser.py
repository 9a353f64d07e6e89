"""In-browser figures of issue #5, measured with the end-to-end harness (tests/e2e/harness.py).

`measure_browser_scan()` opens a 1,000-message thread page in Debian's Chromium with the unpacked
extension, pointed straight at a fresh `cwguard serve` (no test proxy in between), and returns
    {"status": "ok", "messages": 1000, "highlights": int,
     "scan_to_highlights_ms": float,   # first scan: data-cwguard-risk="scanning" -> final level set
                                       # (service round trip on a cold cache + painting)
     "rescan_to_highlights_ms": float, # re-scan command -> final level set (reading the page,
                                       # a warm service, painting)
     "longest_task_ms": float,         # longest main-thread task during either scan
     "page_load_longest_task_ms": float}  # the fixture page's own parsing, for comparison
or {"status": "not_available", "reason": "..."} when it cannot run. Long tasks come from
PerformanceObserver('longtask') in the page's main world: the content script's isolated world
shares the page's event loop, so its tasks are reported there too (only tasks over 50 ms exist as
entries; "0" means none was that long).
"""
from __future__ import annotations

import sys
from pathlib import Path

import workload

REPO = Path(__file__).resolve().parents[1]
E2E = REPO / "tests" / "e2e"
PAGE_MESSAGES = 1000
FINAL_LEVELS = ("none", "low", "medium", "high", "error")
SCAN_TIMEOUT_S = 120.0

# Installed before the page's own scripts: records every change of data-cwguard-risk and every long
# task. `document` is observed with subtree because <html> may not exist yet when this runs.
OBSERVER_JS = """(() => {
  const marks = [], tasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({start: e.startTime, duration: e.duration});
    }).observe({type: 'longtask', buffered: true});
  } catch (e) { /* longtask unsupported: tasks stays empty and the report says so */ }
  new MutationObserver(() => {
    const root = document.documentElement;
    const risk = root.getAttribute('data-cwguard-risk');
    const last = marks[marks.length - 1];
    if (!last || last.risk !== risk) {
      marks.push({t: performance.now(), risk, highlights: Number(root.getAttribute('data-cwguard-highlights'))});
    }
  }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-cwguard-risk']});
  window.__cwguardBench = {marks, tasks, longtaskSupported:
    PerformanceObserver.supportedEntryTypes.includes('longtask')};
})();"""

# True once a scan that started after `since` has set a final level.
SCAN_DONE_AFTER_JS = """([since, finals]) => {
  const marks = window.__cwguardBench.marks.filter((m) => m.t >= since);
  const started = marks.findIndex((m) => m.risk === 'scanning');
  return started >= 0 && marks.slice(started + 1).some((m) => finals.includes(m.risk));
}"""


def measure_browser_scan(messages: int = PAGE_MESSAGES) -> dict:
    """Time from scan start to highlights drawn on a `messages`-message page, and the longest task."""
    missing = _missing_prerequisites()
    if missing:
        return {"status": "not_available", "reason": missing}
    sys.path.insert(0, str(E2E))
    try:
        import harness
        import threadpage
        from playwright.sync_api import sync_playwright
    except ImportError as problem:
        return {"status": "not_available", "reason": f"cannot import the e2e harness: {problem}"}
    html = threadpage.thread_html([
        threadpage.Message(sender=m["sender"], text=m["text"], sent_at=m["sent_at"], id=m["id"])
        for m in workload.stream_messages(0, messages, tag="page")])
    service = harness.ServiceProcess()
    service.start()
    try:
        with sync_playwright() as playwright:
            session = harness.BrowserSession(playwright)
            try:
                return _measure(session, service.url, html, messages)
            finally:
                session.close()
    except Exception as problem:  # noqa: BLE001 - a benchmark section reports, never aborts the run
        return {"status": "failed", "reason": f"{type(problem).__name__}: {problem}"[:500]}
    finally:
        service.stop()


def _measure(session, service_url: str, html: str, messages: int) -> dict:
    session.configure(serviceUrl=service_url, token="", autoScan=True, lang="ja")
    page = session.context.new_page()
    page.add_init_script(OBSERVER_JS)
    session.open_thread(html, page=page)
    page.wait_for_function(SCAN_DONE_AFTER_JS, arg=[0, list(FINAL_LEVELS)], timeout=SCAN_TIMEOUT_S * 1000)
    first = _scan_window(page, since=0)

    since = page.evaluate("() => performance.now()")
    session.rescan(session.tab_id(page))
    page.wait_for_function(SCAN_DONE_AFTER_JS, arg=[since, list(FINAL_LEVELS)], timeout=SCAN_TIMEOUT_S * 1000)
    again = _scan_window(page, since=since, start_at_command=True)

    bench = page.evaluate("() => window.__cwguardBench")
    before_scan = [t["duration"] for t in bench["tasks"] if t["start"] < first["start"]]
    return {
        "status": "ok" if first["level"] != "error" else "failed",
        "messages": messages,
        "level": first["level"],
        "highlights": first["highlights"],
        "scan_to_highlights_ms": first["end"] - first["start"],
        "rescan_to_highlights_ms": again["end"] - again["start"],
        "longest_task_ms": max(first["longest_task_ms"], again["longest_task_ms"]),
        "first_scan_long_tasks": first["long_tasks"],
        "rescan_long_tasks": again["long_tasks"],
        "page_load_longest_task_ms": max(before_scan, default=0.0),
        "longtask_supported": bench["longtaskSupported"],
    }


def _scan_window(page, since: float, start_at_command: bool = False) -> dict:
    """The first complete scan after `since`: its start, end, level and the long tasks inside it."""
    bench = page.evaluate("() => window.__cwguardBench")
    marks = [m for m in bench["marks"] if m["t"] >= since]
    started = next(i for i, m in enumerate(marks) if m["risk"] == "scanning")
    final = next(m for m in marks[started + 1:] if m["risk"] in FINAL_LEVELS)
    start = since if start_at_command else marks[started]["t"]
    # A task belongs to the scan if it overlaps [start, end]; painting ends when the level is set.
    inside = [t["duration"] for t in bench["tasks"]
              if t["start"] <= final["t"] and t["start"] + t["duration"] >= start]
    return {"start": start, "end": final["t"], "level": final["risk"], "highlights": final["highlights"],
            "longest_task_ms": max(inside, default=0.0), "long_tasks": len(inside)}


def _missing_prerequisites() -> str:
    if not (REPO / "extension" / "manifest.json").exists():
        return "extension/manifest.json missing"
    if not (E2E / "harness.py").exists():
        return "tests/e2e/harness.py (Chromium launcher with the extension) missing"
    if not Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium missing (make test-deps installs it)"
    return ""
