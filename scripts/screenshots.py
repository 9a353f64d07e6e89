"""`make screenshots`: the README's pictures, rendered by the real extension in Debian's Chromium.

Starts the service on a free port, loads the unpacked extension, opens CrowdWorks-like threads
(tests/e2e/threadpage.py) and writes to docs/screenshots/:
  thread-warnings.png     a high-risk thread: highlights, the open panel beside the messages and
                          the short warning card (hovered) with its actions
  thread-pill.png         a medium-risk thread: the panel stays a small pill showing the level
  job-posting.png         a job posting whose description asks to add a LINE account and pay a fee
  reply-guard.png         the freelancer's draft shares an e-mail address: the quiet note under the box
  thread-stale.png        the service stopped: the last result stays, greyed, 「前回の結果（hh:mm）」
  popup.png               the toolbar popup for the high-risk tab (level, counts, warnings, service)
  popup-service-down.png  the popup when the service is not running (what it is, how to start it)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "e2e"), str(REPO / "tests")]

import harness  # noqa: E402 - found through the path set just above
from playwright.sync_api import expect, sync_playwright  # noqa: E402
from threadpage import Message, fixture_page, thread_html  # noqa: E402

from support.service import port_is_free  # noqa: E402

OUT = REPO / "docs" / "screenshots"
DEFAULT_PORT = 8765  # shown in the popup's service line, as a user would see it
VIEWPORT = {"width": 1280, "height": 860}
# A popup is about as wide as its body's min-width; its height follows the content.
POPUP_SIZE = {"width": 380, "height": 1600}

HIGH_THREAD = [
    Message("client", "はじめまして。ご応募ありがとうございます。SNS運用アシスタントの件でご連絡しました。", "2026-11-20T10:00:00+09:00"),
    Message("worker", "ご連絡ありがとうございます。山田です。ぜひ詳しくお聞かせください。", "2026-11-20T10:30:00+09:00"),
    Message("client", "詳細はLINEでお伝えしますので、ID: bright_link55 を追加してください。", "2026-11-20T11:00:00+09:00", id="lure"),
    Message("worker", "恐れ入りますが、やり取りはこちらのメッセージでお願いできますでしょうか。", "2026-11-20T11:20:00+09:00"),
    Message("client", "手数料がもったいないので直接契約でお願いします。開始前に初期費用3万円をお振込みください。",
            "2026-11-21T09:15:00+09:00", id="fee"),
]
MEDIUM_THREAD = [
    Message("client", "ご応募ありがとうございます。構成案を拝見しました。", "2026-11-20T10:00:00+09:00"),
    Message("worker", "ありがとうございます。ご不明な点があればお知らせください。", "2026-11-20T10:30:00+09:00"),
    Message("client", "一度、弊社の事務所にお越しいただき、対面で面談させてください。", "2026-11-20T11:00:00+09:00"),
]
REPLY_THREAD = [
    Message("client", "ご応募ありがとうございます。詳しいお話をしたいのですが、ご連絡先を教えていただけますか。", "2026-11-20T10:00:00+09:00"),
]
DRAFT = "承知しました。taro.yamada@example.com までご連絡ください。"


def _open(browser: harness.BrowserSession, messages: list[Message], **kwargs):
    page = browser.context.new_page()
    page.set_viewport_size(VIEWPORT)
    browser.open_thread(thread_html(messages, title="【急募】SNS運用アシスタント（在宅・未経験OK）", **kwargs), page=page)
    level = browser.wait_for_risk(page, "high", "medium", "low", "none", "error")
    if level == "error":
        raise SystemExit("the extension could not reach the service")
    harness.next_frames(page)
    return page


def _hover(browser: harness.BrowserSession, page, text: str) -> None:
    point = browser.range_center(page, text)
    if point is None:
        raise SystemExit(f"the extension drew no highlight reading {text!r}")
    page.mouse.move(point["x"], point["y"])
    harness.wait_card(page, True)
    harness.next_frames(page)


def shoot_popup(browser: harness.BrowserSession, tab: int, path: Path, state: str) -> None:
    popup = browser.context.new_page()
    popup.set_viewport_size(POPUP_SIZE)
    popup.goto(browser.popup_url(tab))
    expect(popup.locator("#service")).to_have_attribute("data-state", state)
    # A popup is as tall as its content: crop the picture to it.
    bottom = popup.evaluate("() => Math.ceil(document.body.getBoundingClientRect().bottom)")
    margin = popup.evaluate("() => Math.ceil(parseFloat(getComputedStyle(document.body).marginBottom) || 0)")
    height = min(max(bottom + max(margin, 12), 120), POPUP_SIZE["height"])
    popup.screenshot(path=str(path), clip={"x": 0, "y": 0, "width": POPUP_SIZE["width"], "height": height})
    popup.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    args = parser.parse_args()
    reason = harness.chromium_missing_reason()
    if reason:
        print(f"cannot render screenshots: {reason}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    port = DEFAULT_PORT if port_is_free(DEFAULT_PORT) else None
    names = []
    with sync_playwright() as playwright, harness.stack(playwright, viewport=VIEWPORT, service_port=port) as stack:
        browser = stack.browser
        browser.configure(serviceUrl=stack.service.url)  # no proxy in the picture
        harness.reset_ui_prefs(browser)

        high = _open(browser, HIGH_THREAD)
        high.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
        harness.next_frames(high)
        _hover(browser, high, "LINE")
        high.screenshot(path=str(args.out / "thread-warnings.png"))
        names.append("thread-warnings.png")
        high.mouse.move(5, 5)
        harness.wait_card(high, False)

        medium = _open(browser, MEDIUM_THREAD)
        medium.screenshot(path=str(args.out / "thread-pill.png"))
        names.append("thread-pill.png")
        medium.close()

        job = browser.open_at("public/jobs/31337", fixture_page("job-lure.html"))
        browser.wait_for_risk(job, "high")
        harness.next_frames(job)
        _hover(browser, job, "LINE")
        job.screenshot(path=str(args.out / "job-posting.png"))
        names.append("job-posting.png")
        job.close()

        reply = _open(browser, REPLY_THREAD)
        box = reply.locator('textarea[name="message[body]"]')
        box.scroll_into_view_if_needed()
        box.click()
        reply.keyboard.type(DRAFT)
        harness.wait_html_attr(reply, "draft", "high")
        harness.next_frames(reply)
        reply.screenshot(path=str(args.out / "reply-guard.png"))
        names.append("reply-guard.png")
        reply.close()

        tab = browser.tab_id(high)
        shoot_popup(browser, tab, args.out / "popup.png", "up")
        names.append("popup.png")
        # Stop the service: the page keeps the last result, greyed; the popup explains.
        stack.service.stop()
        browser.rescan(tab)
        harness.wait_html_attr(high, "stale", "1")
        harness.next_frames(high)
        high.screenshot(path=str(args.out / "thread-stale.png"))
        names.append("thread-stale.png")
        shoot_popup(browser, tab, args.out / "popup-service-down.png", "down")
        names.append("popup-service-down.png")
        harness.reset_ui_prefs(browser)
    for name in names:
        print(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
