"""Markup in a message, and HTML in the service's answer, is shown as text and never runs:
in the page, in the hover card, in the on-page panel and in the popup."""
from __future__ import annotations

import copy

from harness import shadow_eval
from playwright.sync_api import expect
from threadpage import Message, thread_html

# Each payload, if it were ever parsed as HTML, marks <html> with where it ran.
MARK = "document.documentElement.setAttribute('data-xss', '{where}')"
MESSAGE_PAYLOAD = f'<img src=x onerror="{MARK.format(where="message")}">'
TITLE_PAYLOAD = f'<img src=x onerror="{MARK.format(where="title")}">外部連絡の誘導'
DETAIL_PAYLOAD = f'<svg onload="{MARK.format(where="detail")}"></svg><b>太字ではない</b>'
ADVICE_PAYLOAD = f'<a href="javascript:{MARK.format(where="advice")}">ここを押さない</a><script>{MARK.format(where="script")}</script>'
MESSAGE_TEXT = f"資料: {MESSAGE_PAYLOAD} と <b>重要</b> をご確認ください。詳細はLINEでお伝えします。"

# Elements the payloads would create (the fixture page's own inline script excepted).
MARKUP = 'img[src="x"], svg[onload], script:not([src]):not(#fixture-script), a[href^="javascript:"], b'


def _poison(answer: dict) -> dict:
    """The service's real answer with HTML in every user-facing string of every warning."""
    poisoned = copy.deepcopy(answer)
    for warning in poisoned["warnings"]:
        warning.update(title=TITLE_PAYLOAD, detail=DETAIL_PAYLOAD, advice=ADVICE_PAYLOAD)
    return poisoned


def _assert_the_detector_works(browser) -> None:
    """Control: the same payload parsed as HTML does mark the page, so silence below means safety."""
    control = browser.context.new_page()
    control.set_content("<p>control</p>")
    control.evaluate("(html) => { document.body.insertAdjacentHTML('beforeend', html); }", MESSAGE_PAYLOAD)
    control.wait_for_function("() => document.documentElement.getAttribute('data-xss') === 'message'")
    control.close()


def _assert_nothing_ran(browser, page, dialogs: list) -> None:
    assert page.evaluate("() => document.documentElement.getAttribute('data-xss')") is None
    assert dialogs == []
    # No element made from the strings, anywhere: page, card and panel shadow roots.
    page_markup = page.evaluate("() => document.querySelectorAll('[data-message-id] b, [data-message-id] img').length")
    assert page_markup == 0
    assert browser.count_deep(page, MARKUP) == 0
    for host in ("cwguard-card", "cwguard-panel"):
        assert shadow_eval(page, host, "(r, sel) => r.querySelectorAll(sel).length", MARKUP) in (0, None)


def test_markup_in_messages_and_answers_is_shown_as_text(stack, browser, page_errors):
    _assert_the_detector_works(browser)
    dialogs: list[str] = []
    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    browser.context.on("dialog", on_dialog)
    stack.proxy.set_mode("rewrite", rewrite=_poison)

    page = browser.open_thread(thread_html([Message("client", MESSAGE_TEXT, id="lure")]))
    assert browser.wait_for_risk(page, "high", "medium", "low", "none", "error") == "high"

    # The message reached the service as the characters it is, and still reads so in the page.
    sent = stack.proxy.last_exchange().request["messages"][0]["text"]
    assert MESSAGE_PAYLOAD in sent and "<b>重要</b>" in sent
    expect(page.locator("[data-message-id=lure]")).to_contain_text(MESSAGE_PAYLOAD)
    assert any("LINE" in r["text"] for r in browser.highlighted_ranges(page))

    # The hover card shows the poisoned title, detail and advice literally (under 「詳しく」; the
    # card and panel live in closed shadow roots, reached through harness.shadow_eval).
    point = browser.range_center(page, next(r["text"] for r in browser.highlighted_ranges(page) if "LINE" in r["text"]))
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function("() => getComputedStyle(document.getElementById('cwguard-card')).visibility === 'visible'")
    card_text = shadow_eval(page, "cwguard-card", "(r) => r.querySelector('.card').textContent")
    for text in (TITLE_PAYLOAD, DETAIL_PAYLOAD, ADVICE_PAYLOAD):
        assert text in card_text, text

    # The on-page panel lists the same strings as text.
    assert TITLE_PAYLOAD in shadow_eval(page, "cwguard-panel", "(r) => r.querySelector('#panel').textContent")
    _assert_nothing_ran(browser, page, dialogs)

    # The popup too.
    popup = browser.context.new_page()
    popup.goto(browser.popup_url(browser.tab_id(page)))
    expect(popup.locator("#warnings")).to_contain_text(TITLE_PAYLOAD)
    expect(popup.locator("#warnings")).to_contain_text(ADVICE_PAYLOAD)
    assert popup.evaluate("(s) => document.querySelectorAll(s).length", f"#warnings :is({MARKUP})") == 0
    assert popup.evaluate("() => document.documentElement.getAttribute('data-xss')") is None

    # The badge tooltip is plain text by nature; it carries the string unchanged.
    assert TITLE_PAYLOAD in browser.badge(browser.tab_id(page)).title
    _assert_nothing_ran(browser, page, dialogs)
    assert page_errors == []
    browser.context.remove_listener("dialog", on_dialog)
