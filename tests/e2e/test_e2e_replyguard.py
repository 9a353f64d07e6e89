"""Issue 10, the reply guard: while the freelancer types in the reply box, the draft is scored
through the service worker (debounced, sender "worker", with the thread as context). Before a
contract a quiet note appears under the box when the draft shares a contact, agrees to move
elsewhere, accepts a direct deal or sends ID documents. It never blocks sending, and the draft is
never stored. <html data-cwguard-draft> is none|low|medium|high."""
from __future__ import annotations

import json

import pytest
from harness import (
    box_of,
    local_storage,
    overlaps,
    session_storage,
    shadow_eval,
    wait_html_attr,
)
from threadpage import Message, thread_html

LEVELS = ("high", "medium", "low", "none", "error")
BOX = 'textarea[name="message[body]"]'
THREAD = [Message("client", "ご応募ありがとうございます。構成案をお送りいただけますか。", id="ask"),
          Message("worker", "承知しました。", id="ok")]
EMAIL_DRAFT = "承知しました。詳しくは taro.yamada@example.com までご連絡ください。"


# the panel's place, dismissed warnings and trusted clients start empty (tests/e2e/conftest.py)
pytestmark = pytest.mark.usefixtures("fresh_ui_prefs")


def _draft_requests(stack) -> list[dict]:
    return [e.request for e in stack.proxy.exchanges() if e.request and e.request.get("messages")
            and e.request["messages"][-1]["id"] == "cwguard-draft"]


def _note(page) -> dict | None:
    return shadow_eval(page, "cwguard-draft-note", """(r) => ({text: r.querySelector('.note').textContent,
        shown: r.host.getAttribute('data-shown'), visibility: getComputedStyle(r.host).visibility})""")


def test_a_draft_with_an_email_before_a_contract_gets_a_quiet_note_and_is_never_blocked_or_kept(stack, browser):
    page = browser.open_thread(thread_html(THREAD))
    assert browser.wait_for_risk(page, *LEVELS) in LEVELS
    wait_html_attr(page, "draft", "none")
    page.locator(BOX).click()
    page.keyboard.type(EMAIL_DRAFT, delay=15)
    wait_html_attr(page, "draft", "high")

    # Scored through the worker, as the worker's next message, with the thread before it.
    drafts = _draft_requests(stack)
    assert 1 <= len(drafts) <= 2, f"debounced: {len(drafts)} requests for one burst of typing"
    last = drafts[-1]
    assert last["messages"][-1] == {"id": "cwguard-draft", "sender": "worker", "text": EMAIL_DRAFT}
    assert [m["id"] for m in last["messages"][:-1]] == ["ask", "ok"]
    assert last["context"]["contract_status"] == "before_contract"

    # A quiet note under the box, saying what and why.
    note = _note(page)
    assert note and note["shown"] == "1" and note["visibility"] == "visible", note
    assert "連絡先" in note["text"] and "契約前" in note["text"], note
    box = box_of(page, BOX)
    drawn = box_of(page, "#cwguard-draft-note")
    send = box_of(page, "#post")
    assert abs(drawn["left"] - box["left"]) <= 2 and abs(drawn["width"] - box["width"]) <= 2, (drawn, box)
    assert drawn["top"] >= box["bottom"] - 1 or drawn["bottom"] <= box["top"] + 1, "never over the box"
    assert not overlaps(drawn, send), ("the note must not cover the send button", drawn, send)

    # Never stored: not in the extension's storage, not in the page's.
    for stored in (local_storage(browser), session_storage(browser)):
        assert "taro.yamada@example.com" not in json.dumps(stored, ensure_ascii=False)
    assert "taro.yamada" not in page.evaluate("() => JSON.stringify(Object.assign({}, localStorage, sessionStorage))")

    # Never blocks sending: the page's own button posts the message as before.
    page.locator("#post").click()
    page.wait_for_function("(t) => [...document.querySelectorAll('[data-message-id]')].some((m) => m.textContent.includes(t))",
                           arg="taro.yamada@example.com")
    assert page.locator(BOX).input_value() == ""
    wait_html_attr(page, "draft", "none")
    assert _note(page)["visibility"] == "hidden"


def test_after_a_contract_the_same_draft_gets_no_note(stack, browser):
    page = browser.open_thread(thread_html(THREAD, status="契約済み（作業中）"))
    assert browser.wait_for_risk(page, *LEVELS) in LEVELS
    page.locator(BOX).fill(EMAIL_DRAFT)
    wait_html_attr(page, "draft-checks", "1")
    drafts = _draft_requests(stack)
    assert drafts and drafts[-1]["context"]["contract_status"] == "contracted"
    assert page.evaluate("() => document.documentElement.getAttribute('data-cwguard-draft')") in ("none", "low")
    note = _note(page)
    assert note is None or note["shown"] != "1"


def test_a_harmless_draft_stays_none(stack, browser):
    page = browser.open_thread(thread_html(THREAD))
    assert browser.wait_for_risk(page, *LEVELS) in LEVELS
    page.locator(BOX).fill("承知しました。明日までに構成案をお送りします。")
    wait_html_attr(page, "draft-checks", "1")
    assert _draft_requests(stack), "the draft was not scored"
    assert page.evaluate("() => document.documentElement.getAttribute('data-cwguard-draft')") == "none"
