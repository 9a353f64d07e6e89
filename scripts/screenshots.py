"""`make screenshots`: the README's pictures, rendered by the real extension in Debian's Chromium.

Starts the service on a free port, loads the unpacked extension, opens the CrowdWorks-like
fixture thread, and writes to docs/screenshots/:
  thread-warnings.png  the thread with its highlights, the warning card (hovered) and the panel
  popup.png            the toolbar popup for that tab (level, warnings, re-scan, service state)
  popup-service-down.png  the popup when the service is not running (with the command to start it)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "e2e"), str(REPO / "tests")]

import harness  # noqa: E402 - found through the path set just above
from playwright.sync_api import expect, sync_playwright  # noqa: E402
from threadpage import fixture_page  # noqa: E402

from support.service import port_is_free  # noqa: E402

OUT = REPO / "docs" / "screenshots"
PAGE = "thread-high.html"
# A popup is about as wide as its body's min-width; its height follows the content.
DEFAULT_PORT = 8765  # shown in the popup's service line, as a user would see it
POPUP_SIZE = {"width": 380, "height": 1600}


def hover_last_high_highlight(browser: harness.BrowserSession, page) -> None:
    """Hover the lowest high-severity passage, so its card opens below the thread and hides none of it."""
    ranges = browser.highlighted_ranges(page)
    high = [r for r in ranges if r["severity"] == "high"] or ranges
    if not high:
        raise SystemExit("the extension drew no highlight on the fixture page")
    points = [browser.range_center(page, r["text"]) for r in high]
    point = max((p for p in points if p), key=lambda p: p["y"])
    page.mouse.move(point["x"], point["y"])
    expect(page.locator("#cwguard-card [role=tooltip]")).to_be_visible()


def shoot_thread(browser: harness.BrowserSession, out: Path):
    page = browser.open_thread(fixture_page(PAGE))
    level = browser.wait_for_risk(page, "high", "medium", "low", "none", "error")
    if level == "error":
        raise SystemExit("the extension could not reach the service")
    hover_last_high_highlight(browser, page)
    page.screenshot(path=str(out / "thread-warnings.png"))
    return page


def shoot_popup(browser: harness.BrowserSession, tab: int, path: Path, state: str) -> None:
    popup = browser.context.new_page()
    popup.set_viewport_size(POPUP_SIZE)
    popup.goto(browser.popup_url(tab))
    expect(popup.locator("#service")).to_have_attribute("data-state", state)
    # A popup is as tall as its content: crop the picture to it.
    bottom = popup.evaluate("() => Math.ceil(document.body.getBoundingClientRect().bottom)")
    margin = popup.evaluate("() => Math.ceil(parseFloat(getComputedStyle(document.body).marginBottom) || 0)")
    height = min(max(bottom + max(margin, 12), 120), POPUP_SIZE["height"])
    popup.screenshot(path=str(path), clip={"x": 0, "y": 0, "width": POPUP_SIZE["width"], "height": height})
    popup.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    args = parser.parse_args()
    reason = harness.chromium_missing_reason()
    if reason:
        print(f"cannot render screenshots: {reason}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    port = DEFAULT_PORT if port_is_free(DEFAULT_PORT) else None
    with sync_playwright() as playwright, harness.stack(playwright, viewport={"width": 1280, "height": 1080},
                                                       service_port=port) as stack:
        browser = stack.browser
        browser.configure(serviceUrl=stack.service.url)  # no proxy in the picture
        page = shoot_thread(browser, args.out)
        tab = browser.tab_id(page)
        shoot_popup(browser, tab, args.out / "popup.png", "up")
        # Stop the service: the popup's "service down" state and its hint.
        stack.service.stop()
        browser.rescan(tab)
        browser.wait_for_risk(page, "error")
        shoot_popup(browser, tab, args.out / "popup-service-down.png", "down")
    for name in ("thread-warnings.png", "popup.png", "popup-service-down.png"):
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
