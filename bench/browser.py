"""In-browser figures of issue #5: the hook the end-to-end harness fills.

`measure_browser_scan()` must return
    {"status": "ok", "messages": 1000, "highlights": int,
     "scan_to_highlights_ms": float,   # scan start (data-cwguard-risk="scanning") -> highlights drawn
     "longest_task_ms": float}         # longest main-thread task seen by PerformanceObserver('longtask')
or {"status": "not_available", "reason": "..."} when it cannot run (no extension, no Chromium,
no end-to-end harness yet). bench/run.py prints and saves whichever it gets.
"""
from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
E2E_CONFTEST = REPO / "tests" / "e2e" / "conftest.py"
PAGE_MESSAGES = 1000


def measure_browser_scan(messages: int = PAGE_MESSAGES) -> dict:
    """Time from scan start to highlights drawn on a `messages`-message page, and the longest task."""
    missing = _missing_prerequisites()
    if missing:
        return {"status": "not_available", "reason": missing}
    return {"status": "not_available",
            "reason": "the end-to-end harness exists but this hook is not wired to it yet"}


def _missing_prerequisites() -> str:
    if not (REPO / "extension" / "manifest.json").exists():
        return "extension/manifest.json missing"
    if not Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium missing (make test-deps installs it)"
    if not E2E_CONFTEST.exists():
        return "tests/e2e/conftest.py (Chromium launcher with the extension) missing"
    return ""
