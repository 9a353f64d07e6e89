"""Issue 10, problems 3 and 4 (first half): calm placement.

- The panel starts as a small pill showing the level; it opens itself only for a high-risk thread,
  and never over the reply box or the send button (at 1024x640 and 1280x900, with the page at the
  top, with the reply box scrolled into view, and at the bottom).
- It can be docked in another corner and remembers that, and being closed, across page loads.
- The card is one line of why and one line of what to do, with 「詳しく」; it stays inside the
  viewport and below the site's fixed header.
"""
from __future__ import annotations

import pytest
from harness import (
    box_of,
    local_storage,
    next_frames,
    overlaps,
    shadow_box,
    shadow_click,
    shadow_eval,
    wait_card,
    wait_in_shadow,
)
from threadpage import Message, thread_html

# the panel's place, dismissed warnings and trusted clients start empty (tests/e2e/conftest.py)
pytestmark = pytest.mark.usefixtures("fresh_ui_prefs")


LURE = "はじめまして。詳細はLINEでお伝えしますので、ID: cw_taro123 を追加してください。"
MEETING = "一度、弊社の事務所にお越しいただき、対面で面談させてください。"
BENIGN = [Message("client", "ご応募ありがとうございます。納期は契約から7日以内でお願いします。"),
          Message("worker", "承知しました。構成案からお送りします。")]
REPLY_BOX = 'textarea[name="message[body]"]'
SEND = "#post"


def _thread(messages_before: int = 6) -> list[Message]:
    return BENIGN * (messages_before // 2) + [Message("client", LURE, id="lure")]


def _panel(page) -> dict | None:
    """The panel's visible box (inside its closed shadow root)."""
    return shadow_box(page, "cwguard-panel", "#panel")


OPEN = "(r) => r.querySelector('#toggle').getAttribute('aria-expanded') === 'true'"
CLOSED = "(r) => r.querySelector('#toggle').getAttribute('aria-expanded') === 'false'"


def _open(page) -> bool:
    return bool(shadow_eval(page, "cwguard-panel", OPEN))


def _assert_clear_of_reply_controls(page, where: str) -> None:
    next_frames(page)
    panel = _panel(page)
    assert panel is not None, f"{where}: no panel drawn"
    for selector in (REPLY_BOX, SEND):
        control = box_of(page, selector)
        assert not overlaps(panel, control), f"{where}: the panel {panel} covers {selector} {control}"


def _assert_host_is_the_panel(page) -> None:
    """The host element is the panel's own box: what a page (or a probe) measures is what is seen."""
    panel = _panel(page)
    host = box_of(page, "#cwguard-panel")
    assert host and abs(host["left"] - panel["left"]) < 2 and abs(host["top"] - panel["top"]) < 2, (host, panel)


# One column as wide as the window, the reply box and its button spanning it (no side column to
# sit in): the panel has to find the free space above or below them.
WIDE = "._side_m8n7b { display: none; } ._layout_c3v4b { max-width: none; } #post { width: 100%; }"


@pytest.mark.parametrize("size", [(1024, 640), (1280, 900)], ids=["1024x640", "1280x900"])
@pytest.mark.parametrize("layout", ["two columns", "one wide column"])
def test_the_open_panel_never_covers_the_reply_box_or_the_send_button(stack, browser, size, layout):
    page = browser.context.new_page()
    page.set_viewport_size({"width": size[0], "height": size[1]})
    browser.open_thread(thread_html(_thread(12), extra_style=WIDE if layout == "one wide column" else ""), page=page)
    assert browser.wait_for_risk(page, "high", "medium", "low", "none", "error") == "high"
    if layout == "two columns":
        wait_in_shadow(page, "cwguard-panel", OPEN)  # beside the messages: it opens by itself
    else:
        # Over the messages it would stay a pill; the freelancer opens it.
        next_frames(page)
        if not _open(page):
            assert shadow_click(page, "cwguard-panel", "#toggle")
            wait_in_shadow(page, "cwguard-panel", OPEN)
    _assert_clear_of_reply_controls(page, "page top")
    page.locator(REPLY_BOX).scroll_into_view_if_needed()
    _assert_clear_of_reply_controls(page, "reply box in view")
    page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
    _assert_clear_of_reply_controls(page, "page bottom")
    # Collapsed to its pill, it is clear of them too.
    assert shadow_click(page, "cwguard-panel", "#toggle")
    wait_in_shadow(page, "cwguard-panel", CLOSED)
    _assert_clear_of_reply_controls(page, "pill, page bottom")
    _assert_host_is_the_panel(page)


def test_the_panel_is_a_pill_unless_the_thread_is_high_risk(stack, browser):
    page = browser.open_thread(thread_html(BENIGN + [Message("client", MEETING, id="meeting")]))
    assert browser.wait_for_risk(page, "high", "medium", "low", "none", "error") in ("medium", "low")
    next_frames(page)
    assert not _open(page), "a medium-risk thread must not open the panel by itself"
    pill = _panel(page)
    assert pill and pill["height"] <= 44 and pill["width"] <= 320, pill
    label = shadow_eval(page, "cwguard-panel", "(r) => r.querySelector('#toggle').textContent")
    assert "中" in label or "低" in label, label  # the level, in words and a mark, on the pill itself


def test_the_panel_can_be_docked_and_remembers_its_place_and_state(stack, browser):
    html = thread_html(_thread(6))
    page = browser.open_thread(html)
    assert browser.wait_for_risk(page, "high", "medium", "low", "none", "error") == "high"
    wait_in_shadow(page, "cwguard-panel", OPEN)
    next_frames(page)
    bottom_right = _panel(page)
    viewport = page.viewport_size

    assert shadow_click(page, "cwguard-panel", "#dock")  # next corner: top right
    wait_in_shadow(page, "cwguard-panel", "(r) => r.querySelector('#panel').getAttribute('data-dock') === 'tr'")
    next_frames(page)
    top_right = _panel(page)
    assert top_right["top"] < bottom_right["top"] and top_right["bottom"] < viewport["height"] / 2 + 200
    assert shadow_click(page, "cwguard-panel", "#toggle")  # the freelancer closes it
    wait_in_shadow(page, "cwguard-panel", CLOSED)
    page.wait_for_function("() => true")
    stored = local_storage(browser).get("cwguardPanel")
    assert stored == {"open": False, "dock": "tr"}, stored

    # A new page load keeps both: docked top right, and closed although the thread is high risk.
    again = browser.open_thread(html)
    assert browser.wait_for_risk(again, "high", "medium", "low", "none", "error") == "high"
    wait_in_shadow(again, "cwguard-panel", "(r) => r.querySelector('#panel').getAttribute('data-dock') === 'tr'")
    next_frames(again)
    assert not _open(again)
    pill = _panel(again)
    assert pill["top"] < 200, pill

    # Dragging the grip drops it in the nearest corner.
    grip = shadow_box(again, "cwguard-panel", "#dock")
    again.mouse.move(grip["left"] + grip["width"] / 2, grip["top"] + grip["height"] / 2)
    again.mouse.down()
    again.mouse.move(60, viewport["height"] - 60, steps=8)
    again.mouse.up()
    wait_in_shadow(again, "cwguard-panel", "(r) => r.querySelector('#panel').getAttribute('data-dock') === 'bl'")
    next_frames(again)
    moved = _panel(again)
    assert moved["left"] < viewport["width"] / 2 and moved["top"] > viewport["height"] / 2, moved


def _hover(browser, page, text: str) -> None:
    point = browser.range_center(page, text)
    assert point is not None, text
    page.mouse.move(point["x"], point["y"])
    wait_card(page, True)


def test_the_card_is_two_short_lines_with_details_on_demand_inside_the_viewport_below_the_header(stack, browser):
    page = browser.context.new_page()
    page.set_viewport_size({"width": 1024, "height": 420})
    browser.open_thread(thread_html(_thread(8), fixed_header=True), page=page)
    assert browser.wait_for_risk(page, "high", "medium", "low", "none", "error") == "high"
    header = box_of(page, "._siteHeader_h4g5f")
    assert header["top"] == 0 and header["height"] >= 50

    # The risky word just below the fixed header: the card must not slide under the header.
    page.evaluate("""() => { const el = document.querySelector('[data-message-id=lure]');
        window.scrollBy(0, el.getBoundingClientRect().top - 70); }""")
    _hover(browser, page, "LINE")
    card = shadow_box(page, "cwguard-card", ".card")
    lines = shadow_eval(page, "cwguard-card", """(r) => ['.why', '.todo'].map((s) => {
        const el = r.querySelector(s); const lh = parseFloat(getComputedStyle(el).lineHeight);
        return {text: el.textContent, lines: Math.round(el.getBoundingClientRect().height / lh)}; })""")
    assert [line["lines"] for line in lines] == [1, 1], lines
    assert card["height"] <= 150, card  # the old card was 240-320 px
    assert shadow_eval(page, "cwguard-card", "(r) => r.querySelector('#more').hidden") is True
    actions = shadow_eval(page, "cwguard-card", "(r) => [...r.querySelectorAll('[data-action]')].map((b) => b.dataset.action)")
    assert {"copy-refusal", "report", "dismiss"} <= set(actions), actions

    # 「詳しく」 opens the service's own title, detail and advice; the card still fits.
    assert shadow_click(page, "cwguard-card", "button.more")
    wait_in_shadow(page, "cwguard-card", "(r) => !r.querySelector('#more').hidden")
    next_frames(page)
    for where in ("below the header", "near the bottom"):
        card = shadow_box(page, "cwguard-card", ".card")
        viewport = page.viewport_size
        assert card["top"] >= header["bottom"], (where, card, header)
        assert card["bottom"] <= viewport["height"] and card["left"] >= 0 and card["right"] <= viewport["width"], (where, card)
        if where == "below the header":
            page.mouse.move(5, 300)
            wait_card(page, False)
            page.evaluate("""() => { const el = document.querySelector('[data-message-id=lure]');
                window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 10); }""")
            _hover(browser, page, "LINE")
            assert shadow_click(page, "cwguard-card", "button.more")
            wait_in_shadow(page, "cwguard-card", "(r) => !r.querySelector('#more').hidden")
            next_frames(page)
