"""The toolbar badge of a tab: its text and colour for a high-, a medium- and a no-risk thread."""
from __future__ import annotations

import pytest
from harness import colour_family
from threadpage import fixture_page

# What a freelancer sees at a glance. The words are the extension's; the colour families are the
# product's promise (red for high, orange for medium, green for nothing found).
EXPECTED = {
    "high": ("高", "red"),
    "medium": ("中", "orange"),
    "none": ("OK", "green"),
}  # the Japanese UI (the default); English (HIGH/MED/LOW/OK) is checked in test_e2e_wording.py
SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2, "info": 3}


@pytest.mark.parametrize("level", ["high", "medium", "none"])
def test_badge_text_and_colour_follow_the_thread_risk(stack, browser, level):
    page = browser.open_thread(fixture_page(f"thread-{level}.html"))
    assert browser.wait_for_risk(page, "high", "medium", "low", "none", "error") == level
    text, family = EXPECTED[level]
    badge = browser.wait_for_badge(browser.tab_id(page), text)
    assert badge.text == text
    assert colour_family(badge.color) == family, badge.color
    # The tooltip summarises the warnings: the most severe risks the service gave are listed.
    answer = stack.proxy.last_exchange().response
    risks = sorted((w for w in answer["warnings"] if w["kind"] == "risk"), key=lambda w: SEVERITY_RANK[w["severity"]])
    for warning in risks[:3]:
        assert warning["title"] in badge.title, (warning["title"], badge.title)


def test_each_tab_keeps_its_own_badge(stack, browser):
    risky = browser.open_thread(fixture_page("thread-high.html"))
    browser.wait_for_risk(risky, "high")
    calm = browser.open_thread(fixture_page("thread-none.html"))
    browser.wait_for_risk(calm, "none")
    assert browser.wait_for_badge(browser.tab_id(calm), "OK").text == "OK"
    assert browser.wait_for_badge(browser.tab_id(risky), "高").text == "高"


def test_colour_family_tells_the_badge_colours_apart():
    assert colour_family((197, 34, 31, 255)) == "red"
    assert colour_family((232, 113, 10, 255)) == "orange"
    assert colour_family((24, 128, 56, 255)) == "green"
    assert colour_family((128, 134, 139, 255)) == "grey"
