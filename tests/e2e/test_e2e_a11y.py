"""Issue 10, problems 5 and 6: severity without colour; keyboard and screen readers.

- Each level has its own underline style on the page (double / wavy / dashed / dotted), and a
  高/中/低 mark in the card and the panel, so red-green colour blindness loses nothing.
- A shortcut (Alt+Shift+N, Alt+Shift+P) moves from warning to warning and shows its card with
  focus; Esc closes it and gives focus back.
- A polite live region announces the level when it changes; the card is a dialog labelled by its
  passage; the panel's toggle has aria-controls and aria-expanded; the pill comes early in Tab order.
"""
from __future__ import annotations

import pytest
from harness import card_visible, html_attr, shadow_eval, wait_card, wait_in_shadow
from threadpage import Message, thread_html

LEVELS = ("high", "medium", "low", "none", "error")
HIGH = "はじめまして。詳細はLINEでお伝えしますので、よろしくお願いします。"
MEDIUM = "一度、弊社の事務所にお越しいただき、対面で面談させてください。"
LOW = "本日中にお返事がなければ、他の方にお願いします。"
FEE = "開始前に初期費用3万円をお振込みください。"


# the panel's place, dismissed warnings and trusted clients start empty (tests/e2e/conftest.py)
pytestmark = pytest.mark.usefixtures("fresh_ui_prefs")


def _decoration(page, severity: str) -> dict:
    return page.evaluate("""(sev) => { const p = document.querySelector('[data-message-id] p');
        const cs = getComputedStyle(p, '::highlight(cwguard-' + sev + ')');
        return {style: cs.textDecorationStyle, line: cs.textDecorationLine, color: cs.textDecorationColor}; }""", severity)


def test_each_level_has_its_own_underline_style_and_a_written_mark(stack, browser):
    page = browser.open_thread(thread_html([Message("client", HIGH, id="high"), Message("client", MEDIUM, id="medium"),
                                            Message("client", LOW, id="low")]))
    assert browser.wait_for_risk(page, *LEVELS) == "high"
    styles = {sev: _decoration(page, sev) for sev in ("high", "medium", "low", "info")}
    assert all(s["line"] == "underline" for s in styles.values()), styles
    assert len({s["style"] for s in styles.values()}) == 4, styles  # four different shapes, not four colours
    stale = {sev: _decoration(page, f"stale-{sev}")["style"] for sev in ("high", "medium", "low", "info")}
    assert stale == {sev: s["style"] for sev, s in styles.items()}, "greyed results keep their shapes"

    # Marks written in the panel and the card: 高/中/低, matching each warning's severity.
    marks = shadow_eval(page, "cwguard-panel", """(r) => [...r.querySelectorAll('#warnings > li')].map((li) =>
        [li.dataset.severity, li.querySelector('.sev').textContent])""")
    assert marks, "no warning listed"
    written = {"high": "高", "medium": "中", "low": "低", "info": "参考"}
    for severity, mark in marks:
        assert mark == written[severity], marks
    label = shadow_eval(page, "cwguard-panel", "(r) => r.querySelector('#mark').textContent")
    assert label == "高"
    point = browser.range_center(page, "LINE")
    page.mouse.move(point["x"], point["y"])
    wait_card(page, True)
    assert shadow_eval(page, "cwguard-card", "(r) => r.querySelector('.head .sev').textContent") == "高"


def test_keyboard_moves_from_warning_to_warning_and_esc_gives_focus_back(stack, browser):
    page = browser.open_thread(thread_html([Message("client", HIGH, id="a"), Message("worker", "承知しました。", id="b"),
                                            Message("client", FEE, id="c")]))
    assert browser.wait_for_risk(page, *LEVELS) == "high"
    total = browser.highlight_count(page)
    assert total >= 2
    box = page.locator('textarea[name="message[body]"]')
    box.focus()

    page.keyboard.press("Alt+Shift+N")
    wait_card(page, True)
    assert html_attr(page, "nav") == f"1/{total}"
    assert page.evaluate("() => document.activeElement.id") == "cwguard-card", "the card takes focus"
    first = shadow_eval(page, "cwguard-card", "(r) => r.querySelector('#passage').textContent")
    page.keyboard.press("Alt+Shift+N")
    page.wait_for_function("(n) => document.documentElement.getAttribute('data-cwguard-nav') === '2/' + n", arg=total)
    second = shadow_eval(page, "cwguard-card", "(r) => r.querySelector('#passage').textContent")
    assert second != first
    page.keyboard.press("Alt+Shift+P")
    page.wait_for_function("(n) => document.documentElement.getAttribute('data-cwguard-nav') === '1/' + n", arg=total)
    # The card's own buttons are reachable with Tab.
    page.keyboard.press("Tab")
    assert shadow_eval(page, "cwguard-card", "(r) => r.activeElement && r.activeElement.tagName") == "BUTTON"

    page.keyboard.press("Escape")
    wait_card(page, False)
    assert page.evaluate("() => document.activeElement.getAttribute('name')") == "message[body]", "focus returns"
    assert not card_visible(page)


def test_screen_readers_hear_level_changes_and_the_card_names_its_passage(stack, browser):
    page = browser.open_thread(thread_html([Message("client", "ご応募ありがとうございます。よろしくお願いします。", id="a")]))
    assert browser.wait_for_risk(page, *LEVELS) in ("none", "low")
    live = shadow_eval(page, "cwguard-panel", """(r) => { const el = r.querySelector('[aria-live]');
        return {polite: el.getAttribute('aria-live'), role: el.getAttribute('role'), text: el.textContent}; }""")
    assert live["polite"] == "polite" and live["role"] == "status"
    before = live["text"]

    page.evaluate("(m) => window.__fixture.receive(m)", {"sender": "client", "text": HIGH})
    wait_in_shadow(page, "cwguard-panel", "(r) => r.querySelector('[aria-live]').textContent.includes('高リスク')")
    assert shadow_eval(page, "cwguard-panel", "(r) => r.querySelector('[aria-live]').textContent") != before

    toggle = shadow_eval(page, "cwguard-panel", """(r) => { const t = r.querySelector('#toggle');
        const target = r.getElementById(t.getAttribute('aria-controls'));
        return {controls: t.getAttribute('aria-controls'), exists: !!target, expanded: t.getAttribute('aria-expanded'),
                hidden: target ? target.hidden : null}; }""")
    assert toggle["controls"] and toggle["exists"]
    assert (toggle["expanded"] == "true") == (toggle["hidden"] is False)

    point = browser.range_center(page, "LINE")
    page.mouse.move(point["x"], point["y"])
    wait_card(page, True)
    card = shadow_eval(page, "cwguard-card", """(r) => { const c = r.querySelector('.card');
        const ids = (c.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
        return {role: c.getAttribute('role'), name: ids.map((id) => r.getElementById(id) && r.getElementById(id).textContent).join(' '),
                described: (r.getElementById(c.getAttribute('aria-describedby')) || {}).textContent}; }""")
    assert card["role"] == "dialog"
    assert "LINE" in card["name"], card  # linked to its passage
    assert card["described"], card


def test_the_pill_is_reachable_early_with_tab(stack, browser):
    page = browser.open_thread(thread_html([Message("client", HIGH, id="a")]))
    assert browser.wait_for_risk(page, *LEVELS) == "high"
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "cwguard-panel"
    assert shadow_eval(page, "cwguard-panel", "(r) => r.activeElement && r.activeElement.id") == "toggle"
