"""Issue 10, problem 1: stopping the service must not erase the warnings. The last answer stays
painted, greyed and marked 「前回の結果（hh:mm）」, <html data-cwguard-stale="1">, and the extension
keeps retrying until the service is back."""
from __future__ import annotations

import re

import pytest
from harness import html_attr, shadow_eval, wait_html_attr
from playwright.sync_api import expect
from threadpage import fixture_page

# the panel's place, dismissed warnings and trusted clients start empty (tests/e2e/conftest.py)
pytestmark = pytest.mark.usefixtures("fresh_ui_prefs")


LEVELS = ("high", "medium", "low", "none", "error")


def test_stopped_service_keeps_the_last_result_greyed_and_retries(stack, browser, page_errors):
    # Straight at the service (no proxy): nothing listens on its port once it is stopped.
    browser.configure(serviceUrl=stack.service.url)
    page = browser.open_thread(fixture_page("thread-high.html"))
    assert browser.wait_for_risk(page, *LEVELS) == "high"
    tab = browser.tab_id(page)
    before = browser.highlighted_ranges(page)
    assert len(before) == browser.highlight_count(page) >= 3
    assert html_attr(page, "stale") is None

    stack.service.stop()
    browser.rescan(tab)
    wait_html_attr(page, "stale", "1")

    # The dangerous thread still looks dangerous: every passage is still drawn, greyed.
    assert html_attr(page, "error") == "unreachable"
    assert browser.risk(page) == "high"
    after = browser.highlighted_ranges(page)
    assert sorted((r["messageId"], r["text"]) for r in after) == sorted((r["messageId"], r["text"]) for r in before)
    assert {r["severity"] for r in after} <= {"stale-high", "stale-medium", "stale-low", "stale-info"}
    assert browser.highlight_count(page) == len(before)

    # The panel says so, with the time of the answer it shows.
    panel = shadow_eval(page, "cwguard-panel", """(r) => ({stale: r.querySelector('#panel').getAttribute('data-stale'),
        note: r.querySelector('#stale').hidden ? '' : r.querySelector('#stale').textContent,
        count: r.querySelector('#count').textContent, warnings: r.querySelectorAll('#warnings > li').length})""")
    assert panel["stale"] == "1"
    assert re.search(r"前回の結果（\d\d:\d\d）", panel["note"]), panel
    assert re.search(r"前回の結果（\d\d:\d\d）", panel["count"]), panel
    assert panel["warnings"] >= 3

    # The badge is grey "?" and its tooltip keeps the earlier level; the popup keeps the warnings.
    badge = browser.wait_for_badge(tab, "?")
    assert re.search(r"前回の結果（\d\d:\d\d）: 高リスク", badge.title), badge.title
    popup = browser.context.new_page()
    popup.goto(browser.popup_url(tab))
    expect(popup.locator("body")).to_have_attribute("data-stale", "1")
    expect(popup.locator("#message")).to_contain_text("前回の結果")
    expect(popup.locator("#warnings > li")).not_to_have_count(0)
    popup.close()

    # It keeps retrying by itself: once the service is back, the fresh answer replaces the stale one.
    stack.service.start()  # the same port
    wait_html_attr(page, "stale", None, timeout_s=30)
    assert browser.wait_for_risk(page, *LEVELS) == "high"
    assert html_attr(page, "error") is None
    assert not any(r["severity"].startswith("stale-") for r in browser.highlighted_ranges(page))
    assert shadow_eval(page, "cwguard-panel", "(r) => r.querySelector('#panel').getAttribute('data-stale')") == "0"
    assert page_errors == []


def test_a_thread_never_scored_shows_the_error_not_a_stale_result(stack, browser):
    """Stale means 'an earlier answer for this thread': with none, the error state is plain."""
    browser.configure(serviceUrl=stack.service.url)
    stack.service.stop()
    try:
        page = browser.open_thread(fixture_page("thread-high.html"))
        assert browser.wait_for_risk(page, *LEVELS) == "error"
        assert html_attr(page, "stale") is None
        assert browser.highlighted_ranges(page) == []
    finally:
        stack.service.start()
