"""Issue 9, item 8: the card and the panel live in CLOSED shadow roots, so the page's own scripts
cannot read or rewrite what the freelancer is told (a lure page that knows cwguard would turn its
「高リスク」 into 「安全」)."""
from __future__ import annotations

import pytest
from harness import shadow_eval, wait_card
from threadpage import Message, thread_html

LEVELS = ("high", "medium", "low", "none", "error")
LURE = "はじめまして。詳細はLINEでお伝えしますので、よろしくお願いします。"

# What a hostile page script would do to whatever it can reach.
TAMPER_JS = """() => {
  const out = {};
  for (const id of ['cwguard-panel', 'cwguard-card']) {
    const host = document.getElementById(id);
    out[id] = {found: !!host, shadowRoot: host ? host.shadowRoot !== null : null};
    if (!host) continue;
    try { host.attachShadow({mode: 'open'}); out[id].reattached = true; } catch (e) { out[id].reattached = false; }
    if (host.shadowRoot) {  // an open root: rewrite every text in it
      for (const el of host.shadowRoot.querySelectorAll('*')) if (!el.children.length) el.textContent = '安全です';
    }
    host.textContent = '安全です（ページが書いた文）';  // light DOM: never shown without a slot
    host.style.display = 'none';  // the page's own styles lose to the host's !important rules
  }
  return out;
}"""


# the panel's place, dismissed warnings and trusted clients start empty (tests/e2e/conftest.py)
pytestmark = pytest.mark.usefixtures("fresh_ui_prefs")


def test_page_scripts_cannot_reach_or_rewrite_the_card_and_panel(stack, browser):
    page = browser.open_thread(thread_html([Message("client", LURE, id="lure")]))
    assert browser.wait_for_risk(page, *LEVELS) == "high"
    point = browser.range_center(page, "LINE")
    page.mouse.move(point["x"], point["y"])
    wait_card(page, True)
    why = shadow_eval(page, "cwguard-card", "(r) => r.querySelector('.why').textContent")

    tampered = page.evaluate(TAMPER_JS)
    for host in ("cwguard-panel", "cwguard-card"):
        assert tampered[host]["found"]
        assert tampered[host]["shadowRoot"] is False, f"#{host} has an open shadow root"
        assert tampered[host]["reattached"] is False

    # What the freelancer sees is unchanged, and still shown.
    assert shadow_eval(page, "cwguard-panel", "(r) => r.querySelector('#label').textContent") == "高リスク"
    assert shadow_eval(page, "cwguard-card", "(r) => r.querySelector('.why').textContent") == why
    assert "安全" not in shadow_eval(page, "cwguard-panel", "(r) => r.querySelector('#panel').innerText")
    for host in ("cwguard-panel", "cwguard-card"):
        assert page.evaluate("(id) => getComputedStyle(document.getElementById(id)).display", host) == "block"
    panel = page.evaluate("() => document.getElementById('cwguard-panel').getBoundingClientRect().width")
    assert panel > 0
