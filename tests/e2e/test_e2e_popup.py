"""The popup (opened as popup.html?tabId=<id> in a normal tab): level, warnings, re-scan, service state."""
from __future__ import annotations

from playwright.sync_api import expect
from threadpage import fixture_page


def test_popup_shows_the_tab_result_and_its_rescan_scores_again(stack, browser):
    thread = browser.open_thread(fixture_page("thread-high.html"))
    assert browser.wait_for_risk(thread, "high", "medium", "low", "none", "error") == "high"
    tab = browser.tab_id(thread)
    answer = stack.proxy.last_exchange().response
    scored = stack.proxy.count()

    popup = browser.context.new_page()
    popup.goto(browser.popup_url(tab))
    expect(popup.locator("#level")).to_have_attribute("data-level", "high")
    warnings = popup.locator("#warnings > li")
    expect(warnings).to_have_count(len(answer["warnings"]))
    for warning in answer["warnings"]:
        expect(popup.locator("#warnings")).to_contain_text(warning["title"])
    expect(popup.locator("#service")).to_have_attribute("data-state", "up")

    # The button must make the service score the thread again, not just redraw the popup.
    popup.locator("#rescan").click()
    stack.proxy.wait_for_count(scored + 1)
    assert stack.proxy.last_exchange().request["messages"], "the re-scan sent no messages"
    assert browser.wait_for_risk(thread, "high") == "high"
    expect(popup.locator("#level")).to_have_attribute("data-level", "high")
    assert stack.proxy.count() == scored + 1, "one click, one scoring"


def test_popup_says_when_the_page_has_no_messages(stack, browser):
    page = browser.open_thread("<!doctype html><html lang='ja'><body><main><h1>お知らせ</h1>"
                               "<p>メッセージはまだありません。</p></main></body></html>")
    browser.wait_for_risk(page, "none", "error")
    assert page.evaluate("() => document.documentElement.getAttribute('data-cwguard-messages')") == "0"
    assert stack.proxy.count() == 0, "nothing to score, nothing sent"
    popup = browser.context.new_page()
    popup.goto(browser.popup_url(browser.tab_id(page)))
    expect(popup.locator("#level")).to_have_attribute("data-level", "empty")
    expect(popup.locator("#message")).not_to_be_empty()
