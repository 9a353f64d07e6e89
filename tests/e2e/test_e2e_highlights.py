"""Inline highlights, the hover card and scanning of new messages, in a real Chromium."""
from __future__ import annotations

from collections import Counter

from harness import shadow_click, shadow_eval, wait_in_shadow
from threadpage import Message, thread_html


def card_visible(page) -> bool:
    return page.evaluate("() => { const h = document.getElementById('cwguard-card');"
                         " return !!h && getComputedStyle(h).visibility === 'visible'; }")

LURE = "はじめまして😊𠮷田です。詳細はLINEでお伝えしますので、ID: cw_taro123 を追加してください。"
BENIGN_CLIENT = "納期は契約から7日以内、文字単価1.2円でお願いします。"
BENIGN_WORKER = "承知しました。構成案からお送りします。"


def _utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[start * 2:end * 2].decode("utf-16-le")


def _answered_highlights(stack) -> tuple[dict, list[dict]]:
    exchange = stack.proxy.last_exchange()
    assert exchange is not None and exchange.status == 200, "the service was never asked"
    return exchange.request, exchange.response["highlights"]


def test_highlights_cover_the_risky_words(stack, browser):
    page = browser.open_thread(thread_html([
        Message("client", LURE, id="lure"),
        Message("worker", BENIGN_WORKER, id="reply"),
        Message("client", BENIGN_CLIENT, id="terms"),
    ]))
    assert browser.wait_for_risk(page, "high", "medium", "low", "none", "error") == "high"
    request, answered = _answered_highlights(stack)
    drawn = browser.highlighted_ranges(page)

    # The page's ranges are exactly the service's highlights, on the right messages, even with
    # an emoji and 𠮷 (two UTF-16 units each) before the words.
    assert Counter((r["messageId"], r["text"]) for r in drawn) == Counter((h["message_id"], h["text"]) for h in answered)
    assert browser.highlight_count(page) == len(drawn)
    texts = {m["id"]: m["text"] for m in request["messages"]}
    for h in answered:
        assert _utf16_slice(texts[h["message_id"]], h["start"], h["end"]) == h["text"]
    # ... and they cover the words a freelancer must see, in the lure only.
    lure_ranges = [r["text"] for r in drawn if r["messageId"] == "lure"]
    assert any("LINE" in text for text in lure_ranges), lure_ranges
    assert any("cw_taro123" in text for text in lure_ranges), lure_ranges
    assert all(r["messageId"] == "lure" for r in drawn), drawn
    assert all(len(r["text"]) <= 40 for r in drawn), "highlights should be short passages, not whole messages"


def test_warning_card_on_hover_shows_title_detail_and_advice(stack, browser):
    page = browser.open_thread(thread_html([Message("client", LURE, id="lure")]))
    browser.wait_for_risk(page, "high")
    _, answered = _answered_highlights(stack)
    target = next(h for h in answered if "LINE" in h["text"])
    warning = next(w for w in stack.proxy.last_exchange().response["warnings"] if w["id"] == target["warning_id"])

    # The card lives in a closed shadow root (issue 9): read through harness.shadow_eval.
    assert not card_visible(page)
    point = browser.range_center(page, target["text"])
    assert point is not None, f"no drawn range reads {target['text']!r}"
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function("() => getComputedStyle(document.getElementById('cwguard-card')).visibility === 'visible'")
    # Short by default (one line of why, one of what to do); 「詳しく」 shows the service's own words.
    assert shadow_eval(page, "cwguard-card", "(r) => r.querySelector('#more').hidden") is True
    assert shadow_click(page, "cwguard-card", "button.more")
    wait_in_shadow(page, "cwguard-card", "(r) => !r.querySelector('#more').hidden")
    shown = shadow_eval(page, "cwguard-card", "(r) => r.querySelector('.card').innerText")
    for text in (warning["title"], warning["detail"], warning["advice"]):
        assert text in shown, (text, shown)
    # None of its text leaks into the page's own DOM.
    assert warning["title"] not in page.evaluate("() => document.body.innerText")

    page.mouse.move(5, 5)
    page.wait_for_function("() => getComputedStyle(document.getElementById('cwguard-card')).visibility === 'hidden'")


def test_message_added_to_the_page_is_scanned(stack, browser):
    page = browser.open_thread(thread_html([
        Message("client", BENIGN_CLIENT, id="terms"),
        Message("worker", BENIGN_WORKER, id="reply"),
    ]))
    assert browser.wait_for_risk(page, "none", "low", "medium", "high", "error") == "none"
    assert browser.highlight_count(page) == 0
    scored = stack.proxy.count()

    # The page's own front end appends an incoming message, as a live CrowdWorks thread does.
    page.evaluate("(m) => window.__fixture.receive(m)",
                  {"id": "late", "sender": "client", "text": "追加のご相談です。続きはLINEでお話ししましょう。"})
    page.wait_for_function("() => Number(document.documentElement.getAttribute('data-cwguard-highlights')) > 0")
    assert browser.wait_for_risk(page, "high") == "high"
    assert stack.proxy.count() > scored
    drawn = browser.highlighted_ranges(page)
    assert {r["messageId"] for r in drawn} == {"late"}
    assert any("LINE" in r["text"] for r in drawn)
    sent_ids = [m["id"] for m in stack.proxy.last_exchange().request["messages"]]
    assert sent_ids == ["terms", "reply", "late"]
