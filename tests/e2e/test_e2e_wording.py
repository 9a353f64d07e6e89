"""Issue 10, problem 7 (wording) and the popup for people who are not developers.

- The badge says 高/中/低/OK in the Japanese UI (HIGH/MED/LOW/OK in English).
- A clean contracted thread reads 「リスクなし」, without a count; counts agree between the panel,
  the popup and the highlights drawn; the 0-100 score is not shown anywhere.
- The popup's service line says the state once (no 「判定サービス: 判定サービスに…」), explains in one
  sentence what the service is and shows the commands to start it.
- A warning on the freelancer's own message is worded for the freelancer.
- Highlights end on word boundaries.
"""
from __future__ import annotations

import copy
import re

import pytest
from harness import shadow_click, shadow_eval, wait_card, wait_in_shadow
from playwright.sync_api import expect
from threadpage import Message, fixture_page, thread_html

LEVELS = ("high", "medium", "low", "none", "error")
LURE = "はじめまして。詳細はLINEでお伝えしますので、よろしくお願いします。"
FEE = "開始前に初期費用3万円をお振込みください。"


# the panel's place, dismissed warnings and trusted clients start empty (tests/e2e/conftest.py)
pytestmark = pytest.mark.usefixtures("fresh_ui_prefs")


@pytest.mark.parametrize(("lang", "text", "label"), [("ja", "高", "高リスク"), ("en", "HIGH", "High risk")])
def test_badge_and_panel_speak_the_ui_language(stack, browser, lang, text, label):
    browser.configure(lang=lang)
    page = browser.open_thread(fixture_page("thread-high.html"))
    assert browser.wait_for_risk(page, *LEVELS) == "high"
    assert browser.wait_for_badge(browser.tab_id(page), text).text == text
    assert shadow_eval(page, "cwguard-panel", "(r) => r.querySelector('#label').textContent") == label


def _clean_contracted(answer: dict) -> dict:
    """A contracted thread: level none, one note (info) about the team's chat room, one signal."""
    out = copy.deepcopy(answer)
    out["risk"] = {"level": "none", "score": 0}
    out["warnings"] = [
        {"id": "w1", "category": "off_platform_contact", "kind": "risk", "severity": "info",
         "title": "契約後のチャットツール利用", "detail": "契約後の利用は認められています。", "advice": "サービス外連絡申請の扱いも確認しましょう。",
         "message_ids": [m for m in [answer["highlights"][0]["message_id"]] if m] if answer["highlights"] else []},
        {"id": "w2", "category": "platform_contract", "kind": "signal", "severity": "info",
         "title": "契約はクラウドワークス上", "detail": "", "advice": "", "message_ids": []},
    ]
    out["highlights"] = [dict(h, severity="info", warning_id="w1", category="off_platform_contact") for h in answer["highlights"][:1]]
    return out


def test_a_clean_contracted_thread_shows_no_count(stack, browser):
    stack.proxy.set_mode("rewrite", rewrite=_clean_contracted)
    page = browser.open_thread(fixture_page("thread-contracted.html"))
    assert browser.wait_for_risk(page, *LEVELS) == "none"
    toggle = shadow_eval(page, "cwguard-panel", "(r) => r.querySelector('#toggle').textContent")
    assert "リスクなし" in toggle and not re.search(r"[(（]\d+[)）]|件", toggle), toggle
    badge = browser.wait_for_badge(browser.tab_id(page), "OK")
    assert badge.title.split("\n")[0] == "cwguard: リスクなし", badge.title


def test_counts_agree_and_no_score_is_shown(stack, browser):
    page = browser.open_thread(thread_html([Message("client", LURE, id="lure"), Message("client", FEE, id="fee")]))
    assert browser.wait_for_risk(page, *LEVELS) == "high"
    answer = stack.proxy.last_exchange().response
    warnings = [w for w in answer["warnings"] if w["kind"] == "risk" and w["severity"] != "info"]
    drawn = browser.highlight_count(page)
    expected = f"警告 {len(warnings)} 件（{drawn} か所）"
    count = shadow_eval(page, "cwguard-panel", "(r) => r.querySelector('#count').textContent")
    assert count == expected, (count, expected)
    assert len(shadow_eval(page, "cwguard-panel", "(r) => [...r.querySelectorAll('#warnings > li')]")) >= len(warnings)

    popup = browser.context.new_page()
    popup.goto(browser.popup_url(browser.tab_id(page)))
    expect(popup.locator("#count")).to_have_text(expected)
    body = popup.locator("body").inner_text()
    assert "スコア" not in body and not re.search(r"score", body, re.I), body
    assert str(answer["risk"]["score"]) not in popup.locator("#summary").inner_text()
    assert popup.locator("#score").count() == 0
    popup.close()
    assert "スコア" not in (shadow_eval(page, "cwguard-panel", "(r) => r.querySelector('#panel').textContent") or "")


def test_popup_explains_the_service_and_its_commands_when_it_is_not_running(stack, browser):
    browser.configure(serviceUrl=stack.service.url)
    stack.service.stop()
    try:
        popup = browser.context.new_page()
        popup.goto(browser.extension_url("pages/popup.html"))
        expect(popup.locator("#service")).to_have_attribute("data-state", "down")
        line = popup.locator(".service-line").inner_text()
        assert line.count("判定サービス") == 1, line
        assert "停止中" in line and stack.service.url.split("//")[1] in line, line
        what = popup.locator("#service-what")
        expect(what).to_be_visible()
        sentence = what.inner_text().strip()
        assert sentence.count("。") == 1 and sentence.endswith("。"), sentence  # one sentence
        assert "このパソコン" in sentence and "外部" in sentence
        commands = popup.locator("#service-command code").all_inner_texts()
        assert {"make run", "cwguard serve", "cwguard autostart install"} <= set(commands), commands
        popup.close()
    finally:
        stack.service.start()


def _own_message_warning(answer: dict) -> dict:
    """The service's warning on the freelancer's own message, worded as if it were the client's."""
    out = copy.deepcopy(answer)
    text = "承知しました。LINEのIDは taro_99 です。"
    start = text.index("LINE")
    out["risk"] = {"level": "high", "score": 80}
    out["warnings"] = [{"id": "w1", "category": "off_platform_contact", "kind": "risk", "severity": "high",
                        "title": "契約前に外部の連絡手段へ誘導されています", "detail": "外部でのやり取りを持ちかけられています。",
                        "advice": "メッセージだけでやり取りしたいと伝えましょう。", "message_ids": ["own"]}]
    out["highlights"] = [{"message_id": "own", "start": start, "end": start + 4, "text": "LINE",
                          "category": "off_platform_contact", "severity": "high", "warning_id": "w1"}]
    return out


def test_a_warning_on_the_freelancers_own_message_is_worded_for_the_freelancer(stack, browser):
    stack.proxy.set_mode("rewrite", rewrite=_own_message_warning)
    page = browser.open_thread(thread_html([Message("client", "ご応募ありがとうございます。", id="hello"),
                                            Message("worker", "承知しました。LINEのIDは taro_99 です。", id="own")]))
    assert browser.wait_for_risk(page, *LEVELS) == "high"
    point = browser.range_center(page, "LINE")
    page.mouse.move(point["x"], point["y"])
    wait_card(page, True)
    assert shadow_click(page, "cwguard-card", "button.more")
    wait_in_shadow(page, "cwguard-card", "(r) => !r.querySelector('#more').hidden")
    card = shadow_eval(page, "cwguard-card", "(r) => r.querySelector('.card').innerText")
    assert "あなたのメッセージ" in card, card
    assert "誘導されています" not in card and "持ちかけられています" not in card, card
    item = shadow_eval(page, "cwguard-panel", "(r) => r.querySelector('#warnings > li').textContent")
    assert "あなたのメッセージ" in item and "誘導されています" not in item, item


SPLIT = "手数料がもったいないので直接契約させていただけませんか。詳細はLINEで。"


def _cut_mid_word(answer: dict) -> dict:
    """Highlights that stop inside a word: 「LIN|E」 and 「直接契約させ|ていただけ」."""
    out = copy.deepcopy(answer)
    line = SPLIT.index("LINE")
    deal = SPLIT.index("直接契約")
    out["risk"] = {"level": "high", "score": 80}
    out["warnings"] = [{"id": "w1", "category": "direct_deal", "kind": "risk", "severity": "high", "title": "直接取引",
                        "detail": "", "advice": "", "message_ids": ["split"]}]
    out["highlights"] = [
        {"message_id": "split", "start": line, "end": line + 3, "text": "LIN", "category": "direct_deal", "severity": "high", "warning_id": "w1"},
        {"message_id": "split", "start": deal, "end": deal + 6, "text": "直接契約させ", "category": "direct_deal", "severity": "high",
         "warning_id": "w1"},
    ]
    return out


def test_highlights_end_on_word_boundaries(stack, browser):
    stack.proxy.set_mode("rewrite", rewrite=_cut_mid_word)
    page = browser.open_thread(thread_html([Message("client", SPLIT, id="split")]))
    assert browser.wait_for_risk(page, *LEVELS) == "high"
    drawn = sorted(r["text"] for r in browser.highlighted_ranges(page))
    assert drawn == ["LINE", "直接契約"], drawn
