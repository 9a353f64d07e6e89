"""Debian's Chromium with the unpacked cwguard extension, plus the real service, for tests and benchmarks.

Used by tests/e2e/conftest.py and importable by the benchmark (`sys.path.insert(0, "tests/e2e")`):

    from playwright.sync_api import sync_playwright
    import harness, threadpage
    with sync_playwright() as pw, harness.stack(pw) as s:      # service + proxy + browser
        page = s.browser.open_thread(threadpage.thread_html(messages))
        s.browser.wait_for_risk(page, "high")

Follows shared/reference/browser-testing.md: `--disable-extensions-except` beside
`--load-extension`, its own XDG_CONFIG_HOME and a short TMPDIR, /usr/bin/chromium (never a
downloaded browser), pages served as https://crowdworks.jp/... through `context.route`.
"""
from __future__ import annotations

import colorsys
import contextlib
import itertools
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from faultserver import FaultProxy

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, when imported by the benchmark
from support.service import ServiceProcess  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
# CWGUARD_EXTENSION_DIR runs the suite against another copy (e.g. to show a test fails on old code).
EXTENSION_DIR = Path(os.environ.get("CWGUARD_EXTENSION_DIR") or REPO / "extension")
CHROMIUM = os.environ.get("CWGUARD_CHROMIUM", "/usr/bin/chromium")
CROWDWORKS = "https://crowdworks.jp"
# Chromium flags that keep a test browser quiet, fast and off the network (see the reference).
QUIET_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--no-default-browser-check", "--disable-features=Translate,MediaRouter",
]


def chromium_missing_reason() -> str:
    """Why the browser tests cannot run here, or "" when they can."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing (make test-deps installs Debian's chromium)"
    return ""


# ---------------------------------------------------------------------- the service


# ---------------------------------------------------------------------- the browser


def colour_family(rgba) -> str:
    """A badge colour ([r, g, b, a] from chrome.action) named as a person would: red, orange, ..."""
    r, g, b = rgba[:3]
    hue, _lightness, saturation = colorsys.rgb_to_hls(r / 255, g / 255, b / 255)
    if saturation < 0.15:
        return "grey"
    degrees = hue * 360
    for limit, name in ((15, "red"), (45, "orange"), (70, "yellow"), (170, "green"), (260, "blue"), (330, "purple")):
        if degrees < limit:
            return name
    return "red"


@dataclass
class Badge:
    text: str
    color: tuple[int, int, int, int]
    title: str


class BrowserSession:
    """A persistent Chromium context with the extension loaded; serves fixture pages as crowdworks.jp."""

    def __init__(self, playwright, extension_dir: Path = EXTENSION_DIR, headless: bool = True,
                 viewport: dict | None = None):
        self._scratch = Path(tempfile.mkdtemp(prefix="crx-"))  # short: Chromium puts sockets under it
        (self._scratch / "tmp").mkdir()
        self.extension_dir = Path(extension_dir).resolve()
        self.context = playwright.chromium.launch_persistent_context(
            str(self._scratch / "profile"),
            executable_path=CHROMIUM,
            headless=headless,
            ignore_https_errors=True,
            viewport=viewport or {"width": 1280, "height": 900},
            locale="ja-JP",
            env={**os.environ, "XDG_CONFIG_HOME": str(self._scratch / "config"), "TMPDIR": str(self._scratch / "tmp")},
            args=[f"--disable-extensions-except={self.extension_dir}", f"--load-extension={self.extension_dir}",
                  *QUIET_FLAGS],
        )
        self._pages: dict[str, str] = {}
        self._files: dict[str, tuple[bytes, str]] = {}  # path -> (body, content type): images, ...
        self.served: dict[str, int] = {}  # path -> how many times the browser asked for it
        self._numbers = itertools.count(1001)
        self.context.route(f"{CROWDWORKS}/**", self._serve_route)
        self.extension_id = self.worker().url.split("/")[2]

    # ---------------------------------------------------------------- extension plumbing

    def worker(self):
        """The extension's service worker (waits for it after launch or after Chrome restarted it)."""
        for worker in reversed(self.context.service_workers):
            if worker.url.startswith("chrome-extension://"):
                return worker
        return self.context.wait_for_event(
            "serviceworker", predicate=lambda w: w.url.startswith("chrome-extension://"), timeout=15000)

    def in_worker(self, expression: str, arg=None):
        """Evaluate a `(arg) => ...` function in the service worker."""
        return self.worker().evaluate(expression, arg)

    def configure(self, **settings) -> None:
        """Write chrome.storage.local settings (serviceUrl, token, autoScan, lang)."""
        self.in_worker("(s) => chrome.storage.local.set(s)", settings)

    def manifest(self) -> dict:
        return json.loads((self.extension_dir / "manifest.json").read_text(encoding="utf-8"))

    def extension_url(self, path: str) -> str:
        return f"chrome-extension://{self.extension_id}/{path.lstrip('/')}"

    def popup_url(self, tab_id: int) -> str:
        popup = self.manifest().get("action", {}).get("default_popup", "popup.html")
        return self.extension_url(f"{popup}?tabId={tab_id}")

    # ---------------------------------------------------------------- pages

    def serve(self, path: str, html: str) -> str:
        """Serve `html` at https://crowdworks.jp/<path>; returns the full URL."""
        self._pages["/" + path.lstrip("/")] = html
        return f"{CROWDWORKS}/{path.lstrip('/')}"

    def serve_file(self, path: str, body: bytes, content_type: str) -> str:
        """Serve `body` (an image, ...) at https://crowdworks.jp/<path>; returns the full URL."""
        self._files["/" + path.lstrip("/")] = (body, content_type)
        return f"{CROWDWORKS}/{path.lstrip('/')}"

    def _serve_route(self, route) -> None:
        path = route.request.url[len(CROWDWORKS):].split("?", 1)[0].split("#", 1)[0]
        self.served[path] = self.served.get(path, 0) + 1
        if path in self._files:
            body, content_type = self._files[path]
            route.fulfill(status=200, content_type=content_type, body=body)
            return
        html = self._pages.get(path)
        if html is None:
            route.fulfill(status=404, content_type="text/plain", body="not found")
        else:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

    def open_at(self, path: str, html: str, page=None):
        """A new tab showing `html` at https://crowdworks.jp/<path> (a job page, a list, ...)."""
        url = self.serve(path, html)
        page = page or self.context.new_page()
        page.goto(url)
        return page

    def open_thread(self, html: str, page=None):
        """A new tab showing `html` as a proposal thread at its own https://crowdworks.jp/proposals/<n>."""
        url = self.serve(f"proposals/{next(self._numbers)}", html)
        page = page or self.context.new_page()
        page.goto(url)
        return page

    def tab_id(self, page) -> int:
        """The chrome.tabs id of `page`: the active tab once the page is brought to the front.

        (The extension has no `tabs` permission, so chrome.tabs.query cannot filter by URL.)"""
        page.bring_to_front()
        ids = self.in_worker(
            "async () => (await chrome.tabs.query({active: true, lastFocusedWindow: true})).map((t) => t.id)")
        if len(ids) != 1:
            raise AssertionError(f"expected one active tab for {page.url}, found {ids}")
        return ids[0]

    def badge(self, tab_id: int) -> Badge:
        got = self.in_worker(
            """async (tabId) => ({
                text: await chrome.action.getBadgeText({tabId}),
                color: await chrome.action.getBadgeBackgroundColor({tabId}),
                title: await chrome.action.getTitle({tabId}),
            })""", tab_id)
        return Badge(got["text"], tuple(got["color"]), got["title"])

    def wait_for_badge(self, tab_id: int, text: str, timeout_s: float = 10.0) -> Badge:
        """Wait until the tab's badge reads `text` (the worker draws it just after the page's attribute)."""
        deadline = time.monotonic() + timeout_s
        badge = self.badge(tab_id)
        while badge.text != text and time.monotonic() < deadline:
            time.sleep(0.05)  # polling the worker: chrome.action has no change event
            badge = self.badge(tab_id)
        return badge

    @staticmethod
    def risk(page) -> str | None:
        return page.evaluate("() => document.documentElement.getAttribute('data-cwguard-risk')")

    @staticmethod
    def wait_for_risk(page, *levels: str, timeout_s: float = 15.0) -> str:
        """Wait until data-cwguard-risk is one of `levels`; returns it."""
        page.wait_for_function(
            "(levels) => levels.includes(document.documentElement.getAttribute('data-cwguard-risk'))",
            arg=list(levels), timeout=timeout_s * 1000)
        return BrowserSession.risk(page)

    @staticmethod
    def highlight_count(page) -> int | None:
        value = page.evaluate("() => document.documentElement.getAttribute('data-cwguard-highlights')")
        return None if value is None else int(value)

    @staticmethod
    def highlighted_ranges(page) -> list[dict]:
        """Every range in the extension's CSS highlights: its text, severity and message id."""
        return page.evaluate(HIGHLIGHTED_RANGES_JS)

    def rescan(self, tab_id: int) -> None:
        """What the popup's button and the keyboard shortcut do: ask the tab's content script to re-scan."""
        self.in_worker("(tabId) => chrome.tabs.sendMessage(tabId, {type: 'cwguard:rescan'})", tab_id)

    @staticmethod
    def range_center(page, text: str) -> dict | None:
        """Viewport centre {x, y} of the first highlighted range reading `text`, scrolled into view."""
        return page.evaluate(RANGE_CENTER_JS, text)

    @staticmethod
    def count_deep(page, selector: str) -> int:
        """Elements matching `selector` in the document and in every open shadow root."""
        return page.evaluate(COUNT_DEEP_JS, selector)

    def measure_scan(self, html: str, timeout_s: float = 120.0) -> dict:
        """Open `html` as a thread and time the extension's first scan of it, from the page's side:
        {"scan_to_highlights_ms": from data-cwguard-risk="scanning" to the final level with the
        highlights drawn, "longest_task_ms": the longest main-thread task seen (PerformanceObserver
        'longtask', 50 ms and up; 0.0 when none), "highlights": int, "level": str}."""
        page = self.context.new_page()
        page.add_init_script(SCAN_TIMING_INIT_JS)
        try:
            self.open_thread(html, page=page)
            self.wait_for_risk(page, "none", "low", "medium", "high", "error", timeout_s=timeout_s)
            timing = page.evaluate("() => window.__cwguardTiming.report()")
        finally:
            page.close()
        return timing

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.context.close()
        shutil.rmtree(self._scratch, ignore_errors=True)


# Reads CSS.highlights from the page's main world: the registry belongs to the document, so the
# content script's Highlight objects are visible here with their live Range objects.
HIGHLIGHTED_RANGES_JS = """() => {
  const out = [];
  if (!window.CSS || !CSS.highlights) return out;
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('cwguard-') || name === 'cwguard-flash') continue;
    for (const range of highlight) {
      const node = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
      const item = node && node.closest('[data-message-id]');
      out.push({text: range.toString(), severity: name.slice('cwguard-'.length),
                messageId: item ? item.getAttribute('data-message-id') : null});
    }
  }
  return out;
}"""


RANGE_CENTER_JS = """(text) => {
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('cwguard-')) continue;
    for (const range of highlight) {
      if (range.toString() !== text) continue;
      const node = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentElement;
      node.scrollIntoView({block: 'center'});
      const rect = range.getClientRects()[0];
      return {x: rect.left + rect.width / 2, y: rect.top + rect.height / 2};
    }
  }
  return null;
}"""

COUNT_DEEP_JS = """(selector) => {
  let count = 0;
  const visit = (root) => {
    count += root.querySelectorAll(selector).length;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  return count;
}"""


# Installed before the page's own scripts: watches <html>'s data-cwguard-risk and long tasks.
SCAN_TIMING_INIT_JS = """(() => {
  const timing = {scanStart: null, scanEnd: null, tasks: []};
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) timing.tasks.push([entry.startTime, entry.duration]);
    }).observe({type: 'longtask', buffered: true});
  } catch (e) { /* no Long Tasks API: longest stays 0 */ }
  // <html> may not exist yet when this runs: watch the whole document for the attribute.
  new MutationObserver(() => {
    const risk = document.documentElement.getAttribute('data-cwguard-risk');
    if (risk === 'scanning' && timing.scanStart === null) timing.scanStart = performance.now();
    else if (risk && risk !== 'scanning' && timing.scanStart !== null && timing.scanEnd === null) {
      timing.scanEnd = performance.now();
    }
  }).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-cwguard-risk']});
  window.__cwguardTiming = {report: () => ({
    scan_to_highlights_ms: timing.scanEnd === null ? null : timing.scanEnd - timing.scanStart,
    // Content scripts start at document_idle, after DOMContentLoaded: earlier tasks are the
    // page's own parsing, not the extension's.
    longest_task_ms: Math.max(0, ...timing.tasks
      .filter(([start]) => start >= (performance.getEntriesByType('navigation')[0] || {}).domContentLoadedEventEnd)
      .map(([, duration]) => duration)),
    page_longest_task_ms: Math.max(0, ...timing.tasks.map(([, duration]) => duration)),
    highlights: Number(document.documentElement.getAttribute('data-cwguard-highlights')),
    level: document.documentElement.getAttribute('data-cwguard-risk'),
  })};
})();"""


# ---------------------------------------------------------------------- everything together


@dataclass
class Stack:
    service: ServiceProcess
    proxy: FaultProxy
    browser: BrowserSession


@contextlib.contextmanager
def stack(playwright, extension_dir: Path = EXTENSION_DIR, headless: bool = True,
          viewport: dict | None = None, service_port: int | None = None) -> Iterator[Stack]:
    """The real service (on `service_port`, or a free port), the counting proxy in front of it,
    and the browser pointed at the proxy. Everything is stopped on exit."""
    service = ServiceProcess(service_port)
    service.start()
    proxy = None
    browser = None
    try:
        proxy = FaultProxy(service.port)
        browser = BrowserSession(playwright, extension_dir, headless=headless, viewport=viewport)
        browser.configure(serviceUrl=proxy.url, token="", autoScan=True, lang="ja")
        yield Stack(service, proxy, browser)
    finally:
        if browser is not None:
            browser.close()
        if proxy is not None:
            proxy.close()
        service.stop()


# ---------------------------------------------------------------------- closed shadow roots (issue 10)
#
# The card, the panel and the reply guard's note live in CLOSED shadow roots: the page's scripts
# cannot reach them (host.shadowRoot is null), and Playwright's CSS does not pierce them either.
# The tests reach them through the DevTools protocol, which sees every shadow root: each one is
# published as window.__cwguardRoots[<host id>] in the page's main world, for the test only.

def expose_shadow_roots(page) -> list[str]:
    """Publish the closed shadow roots of the extension's hosts; returns their host ids."""
    cdp = page.context.new_cdp_session(page)
    try:
        doc = cdp.send("DOM.getDocument", {"depth": 3, "pierce": True})
        found: list[tuple[str, int]] = []

        def walk(node: dict) -> None:
            attrs = node.get("attributes", [])
            named = dict(zip(attrs[::2], attrs[1::2], strict=False))
            if "data-cwguard-ui" in named and node.get("shadowRoots"):
                found.append((named.get("id") or named["data-cwguard-ui"], node["shadowRoots"][0]["backendNodeId"]))
            for child in node.get("children", []):
                walk(child)

        walk(doc["root"])
        for name, backend in found:
            obj = cdp.send("DOM.resolveNode", {"backendNodeId": backend})["object"]
            cdp.send("Runtime.callFunctionOn", {
                "objectId": obj["objectId"],
                "functionDeclaration": "function (name) { (window.__cwguardRoots = window.__cwguardRoots || {})[name] = this; }",
                "arguments": [{"value": name}],
            })
        return [name for name, _ in found]
    finally:
        cdp.detach()


def shadow_eval(page, host_id: str, body: str, arg=None):
    """Evaluate `(root, arg) => body` against the closed shadow root of #<host_id> (None when absent)."""
    fresh = page.evaluate("(id) => { const r = (window.__cwguardRoots || {})[id];"
                          " return !!(r && r.host && r.host.isConnected && r.host === document.getElementById(id)); }", host_id)
    if not fresh and host_id not in expose_shadow_roots(page):
        return None
    return page.evaluate(f"([id, arg]) => {{ const root = window.__cwguardRoots[id]; return ({body})(root, arg); }}",
                         [host_id, arg])


def shadow_text(page, host_id: str, selector: str) -> str | None:
    """textContent of the first `selector` in #<host_id>'s closed shadow root."""
    return shadow_eval(page, host_id, "(root, sel) => { const el = root.querySelector(sel); return el ? el.textContent : null; }",
                       selector)


def shadow_click(page, host_id: str, selector: str) -> bool:
    """Click the first `selector` in #<host_id>'s closed shadow root (a real mouse click at its centre)."""
    box = shadow_eval(page, host_id, """(root, sel) => {
      const el = root.querySelector(sel); if (!el) return null;
      el.scrollIntoView({block: 'nearest'}); const r = el.getBoundingClientRect();
      return {x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width, h: r.height}; }""", selector)
    if not box or not box["w"]:
        return False
    page.mouse.click(box["x"], box["y"])
    return True


def wait_in_shadow(page, host_id: str, body: str, arg=None, timeout_s: float = 15.0):
    """Poll `(root, arg) => body` in #<host_id>'s closed root until it is truthy; returns the value."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = shadow_eval(page, host_id, body, arg)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting in #{host_id}: {body}")
        page.wait_for_timeout(50)


def box_of(page, selector: str) -> dict | None:
    """Viewport rectangle of the first element matching `selector` in the page (None when absent or not rendered)."""
    return page.evaluate("""(sel) => { const el = document.querySelector(sel); if (!el) return null;
      const r = el.getBoundingClientRect(); if (!r.width || !r.height) return null;
      const visible = getComputedStyle(el).visibility !== 'hidden';
      return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height, visible}; }""",
                         selector)


def overlaps(a: dict | None, b: dict | None) -> bool:
    return bool(a and b and a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"])


def html_attr(page, name: str) -> str | None:
    """data-cwguard-<name> on <html>."""
    return page.evaluate("(n) => document.documentElement.getAttribute('data-cwguard-' + n)", name)


def wait_html_attr(page, name: str, value: str | None, timeout_s: float = 15.0) -> None:
    """Wait until data-cwguard-<name> on <html> equals `value` (None: absent)."""
    page.wait_for_function("([n, v]) => document.documentElement.getAttribute('data-cwguard-' + n) === v",
                           arg=[name, value], timeout=timeout_s * 1000)


def next_frames(page, count: int = 2) -> None:
    """Let the page render `count` frames (placement runs in an animation frame)."""
    page.evaluate("(n) => new Promise((done) => { const step = (k) => k ? requestAnimationFrame(() => step(k - 1)) : done(); step(n); })",
                  count)


def shadow_box(page, host_id: str, selector: str) -> dict | None:
    """Viewport rectangle of `selector` in #<host_id>'s closed shadow root (None when absent, hidden or empty)."""
    return shadow_eval(page, host_id, """(root, sel) => { const el = root.querySelector(sel); if (!el) return null;
      const r = el.getBoundingClientRect(); if (!r.width || !r.height) return null;
      if (getComputedStyle(root.host).visibility === 'hidden' || getComputedStyle(root.host).display === 'none') return null;
      return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height}; }""", selector)


def card_visible(page) -> bool:
    return page.evaluate("() => { const h = document.getElementById('cwguard-card');"
                         " return !!h && getComputedStyle(h).visibility === 'visible'; }")


def wait_card(page, visible: bool = True, timeout_s: float = 15.0) -> None:
    page.wait_for_function("(v) => { const h = document.getElementById('cwguard-card');"
                           " return !!h && (getComputedStyle(h).visibility === 'visible') === v; }",
                           arg=visible, timeout=timeout_s * 1000)


def local_storage(browser) -> dict:
    """Everything in the extension's chrome.storage.local."""
    return browser.in_worker("() => chrome.storage.local.get(null)")


def session_storage(browser) -> dict:
    return browser.in_worker("() => chrome.storage.session.get(null)")


def locale(lang: str) -> dict[str, str]:
    """The extension's UI strings for `lang` ({key: text})."""
    data = json.loads((EXTENSION_DIR / "_locales" / lang / "messages.json").read_text(encoding="utf-8"))
    return {key: entry["message"] for key, entry in data.items()}


UI_PREF_KEYS = ["cwguardPanel", "cwguardDismissed", "cwguardTrusted"]


def reset_ui_prefs(browser) -> None:
    """Forget the panel's remembered place, dismissed warnings and trusted clients (chrome.storage.local)."""
    browser.in_worker("(keys) => chrome.storage.local.remove(keys)", UI_PREF_KEYS)
