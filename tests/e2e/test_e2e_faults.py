"""The extension survives a service that is down, too slow, failing (500) or talking nonsense:
a clear error state, the page keeps working, and the next scan recovers."""
from __future__ import annotations

import pytest
from harness import colour_family
from playwright.sync_api import expect
from threadpage import Message, thread_html

LURE = "ご応募ありがとうございます。詳細はLINEでお伝えします。"
REPLY = "承知しました。こちらのメッセージでお願いします。"
ALL_STATES = ("high", "medium", "low", "none", "error")


def _thread(browser):
    return browser.open_thread(thread_html([Message("client", LURE, id="lure"), Message("worker", REPLY, id="reply")]))


def _assert_page_still_works(page, texts_before: list[str]) -> None:
    """The thread is untouched and the page's own script still answers clicks."""
    assert page.locator("[data-message-id]").all_inner_texts() == texts_before
    counter = page.locator("#page-counter")
    start = int(counter.inner_text())
    counter.click()
    expect(counter).to_have_text(str(start + 1))


def _assert_error_state(browser, page, tab: int, code: str, badge_text: str) -> None:
    """The failure is stated, and the earlier answer stays on screen greyed (issue 10: a dangerous
    thread never turns blank because the service is away)."""
    page.wait_for_function("(code) => document.documentElement.getAttribute('data-cwguard-error') === code", arg=code)
    assert page.evaluate("() => document.documentElement.getAttribute('data-cwguard-stale')") == "1"
    assert browser.wait_for_risk(page, *ALL_STATES) == "high", "the earlier level is kept"
    drawn = browser.highlighted_ranges(page)
    assert drawn and all(r["severity"].startswith("stale-") for r in drawn), drawn
    assert browser.highlight_count(page) == len(drawn)
    badge = browser.wait_for_badge(tab, badge_text)
    assert badge.text == badge_text
    assert colour_family(badge.color) == "grey", badge.color


def _recover(browser, page, tab: int) -> None:
    browser.rescan(tab)
    page.wait_for_function("() => document.documentElement.getAttribute('data-cwguard-stale') === null"
                           " && document.documentElement.getAttribute('data-cwguard-error') === null")
    assert browser.wait_for_risk(page, *ALL_STATES) == "high"
    assert browser.wait_for_badge(tab, "高").text == "高"
    drawn = browser.highlighted_ranges(page)
    assert any("LINE" in r["text"] for r in drawn)
    assert not any(r["severity"].startswith("stale-") for r in drawn)


def test_stopped_service_gives_the_grey_question_mark_and_recovers(stack, browser, page_errors):
    # Straight at the service (no proxy): nothing listens on its port once it is stopped.
    browser.configure(serviceUrl=stack.service.url)
    page = _thread(browser)
    assert browser.wait_for_risk(page, *ALL_STATES) == "high"
    tab = browser.tab_id(page)
    texts = page.locator("[data-message-id]").all_inner_texts()

    stack.service.stop()
    browser.rescan(tab)
    _assert_error_state(browser, page, tab, "unreachable", "?")
    _assert_page_still_works(page, texts)

    popup = browser.context.new_page()
    popup.goto(browser.popup_url(tab))
    expect(popup.locator("#level")).to_have_attribute("data-level", "error")
    expect(popup.locator("#service")).to_have_attribute("data-state", "down")
    expect(popup.locator("#service-command")).to_be_visible()
    expect(popup.locator("#service-command")).to_contain_text("cwguard serve")
    popup.close()

    stack.service.start()  # the same port
    _recover(browser, page, tab)
    assert page_errors == []


@pytest.mark.parametrize(("mode", "code", "badge_text"), [
    ("slow", "timeout", "?"),           # held past the extension's time limit
    ("error500", "http_error", "!"),
    ("malformed", "bad_response", "!"),
])
def test_faulty_answers_give_an_error_state_and_the_next_scan_recovers(stack, browser, page_errors, mode, code,
                                                                      badge_text):
    page = _thread(browser)
    assert browser.wait_for_risk(page, *ALL_STATES) == "high"
    tab = browser.tab_id(page)
    texts = page.locator("[data-message-id]").all_inner_texts()

    stack.proxy.set_mode(mode)
    scored = stack.proxy.count()
    browser.rescan(tab)
    stack.proxy.wait_for_count(scored + 1)
    _assert_error_state(browser, page, tab, code, badge_text)
    _assert_page_still_works(page, texts)
    assert page.evaluate("() => window.__cwguardInjected") is None, "the error body's script must never run"

    stack.proxy.set_mode("pass")
    _recover(browser, page, tab)
    assert page_errors == []
