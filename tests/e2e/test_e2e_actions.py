"""Issue 10, problem 4 (second half): every warning can be acted on.

- 「断り文をコピー」 puts a short polite refusal for that category on the clipboard, in the UI language.
- 「報告の方法」 opens CrowdWorks' own reporting route: the face-mark menu under the partner's icon
  when the page has it, else the partner's icon is brought into view and focused, with the steps.
- 「問題なし」 sets that warning aside on that message; 「このクライアントを信頼」 does it for every
  message of that client. Both are kept in chrome.storage.local only, listed in the panel as
  dismissed, survive a reload and can be undone.
"""
from __future__ import annotations

import pytest
from harness import (
    html_attr,
    local_storage,
    locale,
    shadow_click,
    shadow_eval,
    wait_card,
    wait_html_attr,
    wait_in_shadow,
)
from threadpage import CLIENT_PATH, Message, thread_html

LURE = "はじめまして。詳細はLINEでお伝えしますので、よろしくお願いします。"
FEE = "開始前に初期費用3万円をお振込みください。マニュアル代です。"
BENIGN = [Message("worker", "承知しました。構成案からお送りします。", id="reply")]
LEVELS = ("high", "medium", "low", "none", "error")


# the panel's place, dismissed warnings and trusted clients start empty (tests/e2e/conftest.py)
pytestmark = pytest.mark.usefixtures("fresh_ui_prefs")


def _open(browser, **kwargs):
    page = browser.open_thread(thread_html([Message("client", LURE, id="lure"), *BENIGN, Message("client", FEE, id="fee")], **kwargs))
    assert browser.wait_for_risk(page, *LEVELS) == "high"
    return page


def _card_for(browser, page, text: str) -> None:
    point = browser.range_center(page, text)
    assert point is not None, f"no passage reads {text!r}: {browser.highlighted_ranges(page)}"
    page.mouse.move(point["x"], point["y"])
    wait_card(page, True)


def _click_card(page, action: str) -> None:
    assert shadow_click(page, "cwguard-card", f'[data-action="{action}"]'), f"no {action} button in the card"


def _lure_passages(browser, page) -> list[str]:
    return [r["text"] for r in browser.highlighted_ranges(page) if r["messageId"] == "lure"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_copy_refusal_puts_the_category_refusal_on_the_clipboard(stack, browser, lang):
    browser.context.grant_permissions(["clipboard-read", "clipboard-write"], origin="https://crowdworks.jp")
    browser.configure(lang=lang)
    page = _open(browser)
    _card_for(browser, page, "LINE")
    category = shadow_eval(page, "cwguard-card", "(r) => r.querySelector('.card').getAttribute('data-warning-id')")
    answer = stack.proxy.last_exchange().response
    category = next(w["category"] for w in answer["warnings"] if w["id"] == category)
    _click_card(page, "copy-refusal")
    wait_in_shadow(page, "cwguard-card", "(r) => r.querySelector('.feedback').textContent.length > 0")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == locale(lang)[f"refusal_{category}"], copied
    if lang == "ja":
        assert "クラウドワークス" in copied and "事務局" in copied  # keep it on CrowdWorks; ask about permission


def test_report_opens_crowdworks_own_menu_under_the_partners_icon(stack, browser):
    page = _open(browser, report_menu=True)
    _card_for(browser, page, "LINE")
    _click_card(page, "report")
    page.wait_for_function("() => document.body.getAttribute('data-report-menu') === 'open'")
    said = shadow_eval(page, "cwguard-card", "(r) => r.querySelector('.feedback').textContent")
    assert "問題あるやりとりをクラウドワークスに報告" in said, said


def test_report_without_the_menu_focuses_the_partner_and_says_how(stack, browser):
    page = _open(browser)
    _card_for(browser, page, "LINE")
    _click_card(page, "report")
    wait_in_shadow(page, "cwguard-card", "(r) => r.querySelector('.feedback').textContent.length > 0")
    said = shadow_eval(page, "cwguard-card", "(r) => r.querySelector('.feedback').textContent")
    assert "アイコン" in said and "問題あるやりとりをクラウドワークスに報告" in said, said
    focused = page.evaluate("() => document.activeElement && document.activeElement.getAttribute('href')")
    assert focused == CLIENT_PATH


def test_not_a_problem_hides_that_warning_on_that_message_keeps_it_listed_and_is_undoable(stack, browser):
    page = _open(browser)
    assert any("LINE" in t for t in _lure_passages(browser, page))
    fee_before = [r for r in browser.highlighted_ranges(page) if r["messageId"] == "fee"]
    _card_for(browser, page, "LINE")
    warning_id = shadow_eval(page, "cwguard-card", "(r) => r.querySelector('.card').getAttribute('data-warning-id')")
    answer = stack.proxy.last_exchange().response
    warning = next(w for w in answer["warnings"] if w["id"] == warning_id)
    _click_card(page, "dismiss")
    page.wait_for_function("() => ![...CSS.highlights].some(([n, h]) => [...h].some((r) => r.toString() === 'LINE'))")
    # Only that warning on that message: the fee message keeps its highlights.
    assert [r for r in browser.highlighted_ranges(page) if r["messageId"] == "fee"] == fee_before
    wait_html_attr(page, "dismissed", "1")
    listed = wait_in_shadow(page, "cwguard-panel", "(r) => !r.querySelector('#dismissed').hidden && r.querySelector('#dismissed-list').textContent")
    assert "問題なしにしました" in listed, listed
    # Kept on this machine only, without the message's words.
    stored = local_storage(browser)["cwguardDismissed"]
    assert [(d["message"], d["category"]) for d in stored] == [("lure", warning["category"])]
    assert stored[0]["thread"].startswith("/proposals/") and LURE not in str(stored)

    # A reload keeps the decision.
    page.reload()
    assert browser.wait_for_risk(page, *LEVELS) in LEVELS
    page.wait_for_function("() => document.documentElement.getAttribute('data-cwguard-dismissed') === '1'")
    assert not any("LINE" in t for t in _lure_passages(browser, page))

    # Undo from the panel brings it back.
    if not shadow_eval(page, "cwguard-panel", "(r) => !r.querySelector('#body').hidden"):
        assert shadow_click(page, "cwguard-panel", "#toggle")
    assert shadow_click(page, "cwguard-panel", '[data-action="undo"]')
    page.wait_for_function("() => [...CSS.highlights].some(([n, h]) => [...h].some((r) => r.toString() === 'LINE'))")
    wait_html_attr(page, "dismissed", "0")
    assert local_storage(browser).get("cwguardDismissed") == []


def test_trusting_the_client_hides_its_warnings_everywhere_and_is_undoable(stack, browser):
    page = _open(browser)
    drawn = browser.highlight_count(page)
    assert drawn >= 2
    _card_for(browser, page, "LINE")
    _click_card(page, "trust")
    page.wait_for_function("() => document.documentElement.getAttribute('data-cwguard-highlights') === '0'")
    assert browser.highlighted_ranges(page) == []
    stored = local_storage(browser)["cwguardTrusted"]
    assert [c["clientId"] for c in stored] == [CLIENT_PATH.rsplit("/", 1)[1]]
    assert "株式会社サンプルメディア" in stored[0]["name"]
    listed = wait_in_shadow(page, "cwguard-panel", "(r) => !r.querySelector('#dismissed').hidden && r.querySelector('#dismissed-list').textContent")
    assert "信頼したクライアント" in listed, listed
    assert shadow_eval(page, "cwguard-panel", "(r) => r.querySelector('#label').textContent") == "リスクなし"

    # Another thread of the same client: trusted there too.
    second = browser.open_thread(thread_html([Message("client", LURE, id="again")]))
    browser.wait_for_risk(second, *LEVELS)
    second.wait_for_function("() => document.documentElement.getAttribute('data-cwguard-highlights') === '0'")

    # Undo.
    if not shadow_eval(page, "cwguard-panel", "(r) => !r.querySelector('#body').hidden"):
        assert shadow_click(page, "cwguard-panel", "#toggle")
    assert shadow_click(page, "cwguard-panel", '[data-action="untrust"]')
    page.wait_for_function("(n) => Number(document.documentElement.getAttribute('data-cwguard-highlights')) === n", arg=drawn)
    assert local_storage(browser).get("cwguardTrusted") == []
    assert html_attr(page, "risk") == "high"
