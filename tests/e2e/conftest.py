"""End-to-end fixtures: one Chromium with the unpacked extension, the real service and the fault
proxy for the whole session; each test gets them reset to a known state.

Outside CI a missing /usr/bin/chromium skips these tests with the reason; with CI=true it fails
them, so a broken CI image can never pass by skipping.
"""
from __future__ import annotations

import os

import harness
import pytest
from playwright.sync_api import expect, sync_playwright

# Condition waits in the browser; generous for a loaded 2-core CI machine, never slept through.
expect.set_options(timeout=15_000)


def _require_browser() -> None:
    reason = harness.chromium_missing_reason()
    if not reason:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def e2e_stack():
    _require_browser()
    manifest = harness.EXTENSION_DIR / "manifest.json"
    assert manifest.exists(), f"{manifest} is missing: the extension cannot be loaded"
    with sync_playwright() as playwright, harness.stack(playwright) as stack:
        yield stack


@pytest.fixture
def stack(e2e_stack):
    """The session's service, proxy and browser, reset: service up, proxy passing through and
    counting from zero, settings pointing at the proxy; pages the test opened are closed after."""
    if not e2e_stack.service.healthy():
        e2e_stack.service.start()
    e2e_stack.proxy.reset()
    e2e_stack.browser.configure(serviceUrl=e2e_stack.proxy.url, token="", autoScan=True, lang="ja")
    before = set(e2e_stack.browser.context.pages)
    yield e2e_stack
    for page in e2e_stack.browser.context.pages:
        if page not in before:
            page.close()
    e2e_stack.proxy.reset()


@pytest.fixture
def browser(stack) -> harness.BrowserSession:
    return stack.browser


@pytest.fixture
def fresh_ui_prefs(browser):
    """The freelancer's stored decisions (panel place, dismissals, trusted clients) forgotten before
    and after the test."""
    harness.reset_ui_prefs(browser)
    yield
    harness.reset_ui_prefs(browser)


@pytest.fixture
def page_errors(stack):
    """Uncaught exceptions of every page opened during the test (a broken page shows up here)."""
    errors: list[str] = []

    def watch(page):
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))

    stack.browser.context.on("page", watch)
    yield errors
    stack.browser.context.remove_listener("page", watch)
