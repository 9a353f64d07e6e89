"""CrowdWorks coverage (issue 12) and the extension's side of adversarial robustness (issue 9) in a
real Chromium: page kinds, real-site markup, non-ISO times, the client's profile, job postings,
search lists, QR codes in images, impostor senders, limits that never silence, edits in place."""
from __future__ import annotations

import io
import json

import zxingcpp
from harness import html_attr
from PIL import Image
from threadpage import Message, fixture_page, thread_html

LINE_URL = "https://line.me/ti/p/AbCdEf123"
FINAL = ("none", "low", "medium", "high", "error")


def qr_png(text: str) -> bytes:
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode).to_image(scale=4)
    image = Image.frombytes("L", (barcode.shape[1], barcode.shape[0]), bytes(memoryview(barcode)))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def categories(exchange) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for w in exchange.response["warnings"]:
        out.setdefault(w["category"], []).extend(w["message_ids"])
    return out


def test_live_markup_with_non_iso_times_is_scored_not_refused(stack, browser):
    page = browser.open_at("proposals/9104", fixture_page("thread-live.html"))
    assert browser.wait_for_risk(page, *FINAL) == "high"
    assert html_attr(page, "page") == "thread"
    request = stack.proxy.last_exchange().request
    assert [m["sent_at"] for m in request["messages"]] == [
        "2026-09-20T12:02:00+09:00", "2026-09-20T12:30:00+09:00", "2026-09-21T09:05:00+09:00"]
    assert [m["sender"] for m in request["messages"]] == ["client", "worker", "client"]
    assert request["context"]["contract_status"] == "before_contract"
    assert any("mirai_note88" in r["text"] for r in browser.highlighted_ranges(page))


def test_slash_time_in_a_thread_page_is_sent_as_iso(stack, browser):
    html = thread_html([Message("client", "詳細はLINEでお伝えします。ID: slash_time1", id="t1")])
    html = html.replace('datetime="2026-11-20T10:00:00+09:00"', 'datetime="2026/09/20 12:02"')
    page = browser.open_thread(html)
    assert browser.wait_for_risk(page, *FINAL) == "high"
    assert stack.proxy.last_exchange().request["messages"][0]["sent_at"] == "2026-09-20T12:02:00+09:00"


def test_old_pre_react_markup_is_read(stack, browser):
    page = browser.open_at("messages/9077", fixture_page("thread-old.html"))
    assert browser.wait_for_risk(page, *FINAL) == "high"
    assert html_attr(page, "method") == "heuristic"
    assert [m["sender"] for m in stack.proxy.last_exchange().request["messages"]] == ["client", "worker"]


def test_reputation_only_on_the_profile_page(stack, browser):
    browser.serve("public/employers/4242", fixture_page("employer-profile.html"))
    page = browser.open_at("proposals/9201", fixture_page("thread-profile-only.html"))
    assert browser.wait_for_risk(page, *FINAL) == "medium"
    exchange = stack.proxy.last_exchange()
    client = exchange.request["context"]["client"]
    assert client["review_count"] == 4
    assert client["ratings"]["communication"] == 3.0
    assert "client_reputation" in categories(exchange)
    assert json.loads(html_attr(page, "client")) == {"rating": 3.2, "reviews": 4, "identity": True,
                                                "rule_check": False, "finished_rate": 75}
    # the profile is cached for the day: another page of the same client does not fetch it again
    fetched = browser.served.get("/public/employers/4242", 0)
    again = browser.open_at("proposals/9202", fixture_page("thread-profile-only.html"))
    assert browser.wait_for_risk(again, *FINAL) == "medium"
    assert browser.served.get("/public/employers/4242", 0) == fetched == 1


def test_a_failed_profile_fetch_means_no_reputation_never_an_error(stack, browser):
    html = fixture_page("thread-profile-only.html").replace("/public/employers/4242", "/public/employers/4343")
    page = browser.open_at("proposals/9203", html)  # /public/employers/4343 answers 404
    level = browser.wait_for_risk(page, *FINAL)
    assert level in ("low", "medium") and level != "error"
    assert "client_reputation" not in categories(stack.proxy.last_exchange())
    assert browser.served.get("/public/employers/4343") == 1


def test_job_posting_description_is_scored_and_highlighted(stack, browser):
    page = browser.open_at("public/jobs/31337", fixture_page("job-lure.html"))
    assert browser.wait_for_risk(page, *FINAL) == "high"
    assert html_attr(page, "page") == "job"
    exchange = stack.proxy.last_exchange()
    [message] = exchange.request["messages"]
    assert (message["id"], message["sender"]) == ("job-31337", "client")
    assert exchange.request["context"]["job"]["title"] == "【在宅】スマホで簡単データ入力"
    assert exchange.request["context"]["contract_status"] == "before_contract"
    drawn = " ".join(r["text"] for r in browser.highlighted_ranges(page))
    assert "LINE" in drawn or "smile_works" in drawn, drawn
    assert {"off_platform_contact", "contact_details", "upfront_payment"} & set(categories(exchange))
    facts = json.loads(html_attr(page, "client"))
    assert facts["identity"] is False and facts["rule_check"] is False
    tab = browser.tab_id(page)
    badge = browser.wait_for_badge(tab, "HIGH")
    if badge.text != "HIGH":  # the Japanese UI may say 高
        badge = browser.wait_for_badge(tab, "高")
    assert badge.text in ("HIGH", "高")


def test_search_list_highlights_only_the_luring_listing(stack, browser):
    page = browser.open_at("public/jobs/search", fixture_page("search-list.html"))
    assert browser.wait_for_risk(page, *FINAL) == "high"
    assert html_attr(page, "page") == "search"
    assert stack.proxy.count() == 3, "each listing is scored alone"
    texts = [m["text"] for e in stack.proxy.exchanges() for m in e.request["messages"]]
    assert sum("easy_money77" in t for t in texts) == 1
    ranges = page.evaluate("""() => {
      const out = [];
      for (const [name, hl] of CSS.highlights) {
        if (!name.startsWith('cwguard-') || name === 'cwguard-flash') continue;
        for (const r of hl) {
          const n = r.startContainer.nodeType === 1 ? r.startContainer : r.startContainer.parentElement;
          const a = n.closest('li').querySelector('a[href^="/public/jobs/"]');
          out.push([a.getAttribute('href'), r.toString()]);
        }
      }
      return out;
    }""")
    assert ranges and all(href == "/public/jobs/11002" for href, _ in ranges), ranges
    markers = page.evaluate("""() => Array.from(document.querySelectorAll('[data-cwguard-ui="marker"]'))
      .map((m) => [m.closest('li').querySelector('a').getAttribute('href'), m.getAttribute('data-level')])""")
    assert markers == [["/public/jobs/11001", "none"], ["/public/jobs/11002", "high"], ["/public/jobs/11003", "none"]]


def qr_thread(image_path: str, name: str, alt: str, text: str = "こちらのQRコードから追加してください。") -> str:
    """thread-live.html with its only lure (if any) in the image of message 5003."""
    html = fixture_page("thread-live.html")
    html = html.replace("今後のやり取りはLINEでお願いします。ID: mirai_note88", "よろしくお願いいたします。")
    html = html.replace("こちらのQRコードから追加してください。", text)
    return (html.replace("/attachments/9001/line_qr.png", image_path).replace('download="line_qr.png"', f'download="{name}"')
            .replace('alt="LINE QRコード"', f'alt="{alt}"'))


def test_a_qr_image_carrying_a_line_url_is_read(stack, browser):
    browser.serve_file("attachments/9001/IMG_0412.png", qr_png(LINE_URL), "image/png")
    page = browser.open_at("proposals/9301", qr_thread("/attachments/9001/IMG_0412.png", "IMG_0412.png", "画像",
                                                       text="参考資料の画像です。"))
    assert browser.wait_for_risk(page, *FINAL) == "high"
    exchange = stack.proxy.last_exchange()
    sent = next(m for m in exchange.request["messages"] if m["id"] == "5003")
    assert sent["attachments"][0]["name"] == "IMG_0412.png"
    assert sent["attachments"][0]["mime"] == "image/png" and sent["attachments"][0]["data_base64"]
    assert exchange.response["attachments"][0]["qr"] == [LINE_URL]
    assert "5003" in categories(exchange).get("contact_details", [])
    # words found in the image are not painted into the message text
    assert all(LINE_URL not in r["text"] for r in browser.highlighted_ranges(page))


def test_a_qr_image_of_a_harmless_url_adds_no_contact_warning(stack, browser):
    browser.serve_file("attachments/9002/photo.png", qr_png("https://crowdworks.jp/public/jobs/1"), "image/png")
    page = browser.open_at("proposals/9302", qr_thread("/attachments/9002/photo.png", "photo.png", "参考資料",
                                                       text="参考資料の画像です。"))
    assert browser.wait_for_risk(page, *FINAL) == "none"
    exchange = stack.proxy.last_exchange()
    assert exchange.response["attachments"][0]["qr"] == ["https://crowdworks.jp/public/jobs/1"]
    assert "contact_details" not in categories(exchange)


def test_an_impostor_secretariat_client_is_flagged(stack, browser):
    page = browser.open_at("proposals/9401", fixture_page("thread-impostor.html"))
    assert browser.wait_for_risk(page, *FINAL) == "high"
    request = stack.proxy.last_exchange().request
    assert [m["sender"] for m in request["messages"]][:2] == ["client", "worker"]
    assert "system" not in [m["sender"] for m in request["messages"]]
    assert request["context"]["client"]["ratings"] == {"communication": 2.1, "partnership": 2.4}
    assert request["context"]["client"]["review_count"] == 4
    assert request["context"]["contract_status"] == "before_contract"


def test_seventy_decoy_mentions_before_a_lure_still_flag_it(stack, browser):
    """Issue 9: no cap on candidates, and no model veto bought by padding: 70 harmless LINE-marketing
    mentions before 「詳細はLINEで」 in one message still give high and the lure's words."""
    decoys = "LINE広告の運用、" * 70
    page = browser.open_thread(thread_html([
        Message("client", decoys + "詳細はLINEでお伝えします。ID: decoy_lure70", id="decoy"),
    ]))
    assert browser.wait_for_risk(page, *FINAL) == "high"
    drawn = browser.highlighted_ranges(page)
    assert any(r["messageId"] == "decoy" and "decoy_lure70" in r["text"] for r in drawn), drawn


def test_a_25000_character_message_next_to_a_lure_is_scored(stack, browser):
    long_text = "本日の作業報告です。" * 2500  # 25,000 characters
    page = browser.open_thread(thread_html([
        Message("worker", long_text, id="long"),
        Message("client", "詳細はLINEでお伝えします。ID: long_lure77", id="lure"),
    ]))
    assert browser.wait_for_risk(page, *FINAL) == "high"
    request = stack.proxy.last_exchange().request
    assert all(len(m["text"]) <= 20000 for m in request["messages"])
    assert sum(len(m["text"]) for m in request["messages"] if m["id"].startswith("long")) == 25000
    assert html_attr(page, "notes") == "split_messages:1"
    drawn = browser.highlighted_ranges(page)
    assert any(r["messageId"] == "lure" and "long_lure77" in r["text"] for r in drawn), drawn


def test_a_message_edited_in_place_is_scored_again(stack, browser):
    page = browser.open_thread(thread_html([Message("client", "納期は7日以内でお願いします。", id="edit")]))
    assert browser.wait_for_risk(page, *FINAL) == "none"
    scored = stack.proxy.count()
    page.evaluate("""() => { document.querySelector('[data-message-id="edit"] p').textContent =
        '詳細はLINEでお伝えします。ID: edited_99'; }""")
    assert browser.wait_for_risk(page, "high", "error") == "high"
    assert stack.proxy.count() > scored
