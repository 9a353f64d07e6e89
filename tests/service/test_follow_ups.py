"""A later message of a sender that only gives what their earlier request needs continues that
request (engine/categories.CONTINUED_BY, engine/scoring._follow_ups): a meeting place given alone
after the same sender asked to meet in person, the detail of a document or a code after the same
sender asked for it (round 21), a way to pay after the same sender proposed a direct deal, a quick payback after the same sender asked
for a fee (round 22), the talk sent on to the place just given after an ID, a handle or a link (round 27). Table-driven: the threads are written for this table, read by the
rules alone."""
from __future__ import annotations

import pytest

from cwguard import pipeline
from cwguard.engine import categories, scoring
from cwguard.engine.scoring import Finding
from cwguard.lang.ja.follow_ups import document_details, paybacks, payment_means, places_given, there_given
from cwguard.schemas import load_request

VISIT = "一度事務所に来ていただけますか？面談させてください"

# (case, messages as (sender, text), contract status, the follow-up highlights as (message id, text))
THREADS = [
    ("a station and the walk, after the visit", [("client", VISIT), ("client", "大崎駅南口から徒歩5分です")],
     "before_contract", {("m2", "大崎駅南口から徒歩5分")}),
    ("an address with its building's floor, two messages on", [("client", VISIT), ("worker", "場所はどちらですか"),
                                                               ("client", "品川区大崎2-3-4 サンライズビル3F")],
     "before_contract", {("m3", "品川区大崎2-3-4 サンライズビル3F")}),
    ("a postal code, the status unknown", [("client", "面接は弊社オフィスでお願いします"), ("client", "〒141-0032 です")],
     "unknown", {("m2", "〒141-0032")}),
    ("the worker's own place after the client's request", [("client", VISIT), ("worker", "渋谷駅から徒歩5分のところに住んでいます")],
     "before_contract", set()),
    ("a place with no visit asked before", [("client", "店舗データの入力をお願いします"), ("client", "渋谷駅から徒歩5分の店舗です")],
     "before_contract", set()),
    ("a place before the visit is asked", [("client", "渋谷駅から徒歩5分です"), ("client", VISIT)],
     "before_contract", set()),
]


ID = "本人確認のため運転免許証の画像を送ってください"
CODE = "SMSで届いた認証コードを教えてください"

# (case, messages as (sender, text), contract status, the follow-up's detail highlights as (message id, text))
DETAIL_THREADS = [
    ("both sides, after an ID photo", [("client", ID), ("client", "表と裏、両方で📷")], "before_contract", {("m2", "表と裏")}),
    ("the digits alone, after an SMS code", [("client", CODE), ("client", "6桁の数字だけでいいので")], "unknown",
     {("m2", "6桁の数字")}),
    ("the number alone, after an SMS code", [("client", CODE), ("client", "番号だけで大丈夫です")], "before_contract",
     {("m2", "番号だけで大丈夫")}),
    ("the worker's own detail after the client's request", [("client", ID), ("worker", "表面だけでもいいですか？")],
     "before_contract", set()),
    ("a detail with no request before", [("client", "名刺は両面印刷でお願いします")], "before_contract", set()),
]


DIRECT = "次から直接でお願いできません？手数料もったいないので"

# (case, messages as (sender, text), contract status, the follow-up's means highlights as (message id, text))
MEANS_THREADS = [
    ("a bank transfer, after a direct deal", [("client", DIRECT), ("worker", "直接というのは…？"),
                                               ("client", "銀行振込で。請求書はメールでもらえれば")], "contracted",
     {("m3", "銀行振込で")}),
    ("an app in English, after pay me directly", [("worker", "pay me directly, cheaper for both"), ("worker", "paypal ok?")],
     "before_contract", {("m2", "paypal ok")}),
    ("the platform's escrow named", [("client", DIRECT), ("client", "すみません、やはり仮払いの振込でお願いします")], "contracted", set()),
    ("the platform named", [("client", DIRECT), ("client", "冗談です、CW上で振込でお願いします")], "contracted", set()),
    ("a means with no direct deal before", [("client", "PayPal決済の導入をお願いします"), ("client", "PayPalでの決済テストもお願いします")],
     "before_contract", set()),
    ("the other side's means after a direct deal", [("client", DIRECT), ("worker", "振込でも直接はできません")], "contracted", set()),
]


FEE = "参加費3,000円のお振込みをお願いします"

# (case, messages as (sender, text), contract status, the follow-up's payback highlights as (message id, text))
PAYBACK_THREADS = [
    ("at once, after a fee", [("client", FEE), ("worker", "先に払うんですか？"), ("client", "すぐ回収できるから！きょうじゅうね")],
     "before_contract", {("m3", "すぐ回収でき")}),
    ("in a week, after a fee", [("client", FEE), ("client", "1週間で全然回収できますよ😊")], "unknown",
     {("m2", "1週間で全然回収でき")}),
    ("with no fee asked before", [("client", "機材の選び方の記事です"), ("client", "すぐ回収できるかは読者次第です")], "before_contract", set()),
    ("the worker's own words after the client's fee", [("client", FEE), ("worker", "すぐ回収できるなんて怪しいです")],
     "before_contract", set()),
]


LINE_ID = "LINEのIDです→ nx_link2026"

# (case, messages as (sender, text), contract status, the follow-up's highlights as (message id, text))
THERE_THREADS = [
    ("the rest there, after an ID", [("client", LINE_ID), ("client", "続きはそちらで🙏")], "before_contract",
     {("m2", "続きはそちらで")}),
    ("a word once added, after an invite link", [("client", "https://lin.ee/abcd"), ("worker", "これは？"),
                                                 ("client", "追加したら一言ください🙏")], "before_contract", {("m3", "追加したら一言")}),
    ("in English, after a handle", [("client", "tg: @kenji_trd"), ("client", "msg me there")], "unknown",
     {("m2", "msg me there")}),
    ("after the contract, the talk placed there", [("client", LINE_ID), ("client", "契約後は以降そちらでやり取りさせてください")],
     "before_contract", set()),
    ("with no contact given before", [("client", "資料はこの後メールで送ります"), ("client", "続きはそちらで")], "before_contract", set()),
    ("the worker's words after the client's ID", [("client", LINE_ID), ("worker", "続きはこちらのメッセージでお願いします")],
     "before_contract", set()),
]


def _follow_up_highlights(messages, status, category, reader) -> set[tuple[str, str]]:
    """The highlights of `category` that are what `reader` reads in the message (what only a follow-up reads)."""
    request = load_request({"messages": [{"id": f"m{i}", "sender": s, "text": t} for i, (s, t) in enumerate(messages, 1)],
                            "context": {"contract_status": status}})
    answer = pipeline.score_request(request, detection="rules")
    read = {(f"m{i}", text[a:b]) for i, (_, text) in enumerate(messages, 1) for a, b in reader(text)}
    return {(h["message_id"], h["text"]) for h in answer["highlights"]
            if h["category"] == category and (h["message_id"], h["text"]) in read}


# Every table above with the category its follow-ups are counted in and the reader that reads them.
FOLLOW_UPS = [(category, reader, row) for category, reader, rows in (
    ("in_person_meeting", places_given, THREADS), ("personal_info", document_details, DETAIL_THREADS),
    ("direct_deal", payment_means, MEANS_THREADS), ("unrealistic_offer", paybacks, PAYBACK_THREADS),
    ("off_platform_contact", there_given, THERE_THREADS)) for row in rows]


@pytest.mark.parametrize(("category", "reader", "row"), FOLLOW_UPS, ids=[f"{c}: {row[0]}" for c, _, row in FOLLOW_UPS])
def test_a_follow_up_continues_the_same_senders_request(category, reader, row):
    case, messages, status, expected = row
    assert _follow_up_highlights(messages, status, category, reader) == expected, case


def test_a_request_is_continued_by_later_messages_not_by_its_own():
    """The payback beside the fee in one message is the unrealistic-offer rule's to read, not a
    follow-up of that same message; the next message of the sender is one."""
    text = FEE + "。すぐ回収できるから！"
    fee = Finding("upfront_payment", "risk", 0, 10, 0, 10, False)
    asked: dict[str, set[str]] = {}
    assert scoring._follow_ups({"text": text, "sender": "client"}, [fee], asked) == []
    assert asked == {"unrealistic_offer": {"client"}}
    later = scoring._follow_ups({"text": "すぐ回収できるから！", "sender": "client"}, [], asked)
    assert [(f.category, f.cp_start) for f in later] == [("unrealistic_offer", 0)]


def test_a_follow_up_may_continue_another_categorys_request():
    assert "upfront_payment" in categories.CONTINUES["unrealistic_offer"]
    assert all(name in after for name, after in categories.CONTINUES.items())


@pytest.mark.parametrize("text", ["振込手数料はこちらで負担します", "PayPal決済の導入をお願いします", "現金化の記事です", "仮払いの振込で"])
def test_what_is_no_means(text):
    assert payment_means(text) == []


@pytest.mark.parametrize(("text", "place"), [
    ("五反田駅東口から徒歩3分です", "五反田駅東口から徒歩3分"),
    ("品川区東五反田1-14-9 KRビル4F", "品川区東五反田1-14-9 KRビル4F"),
    ("ＡＢＣビル２階までお越しください", "ＡＢＣビル２階"),
    ("住所は〒150-0002です", "〒150-0002"),
])
def test_the_shapes_of_a_place(text, place):
    assert [text[a:b] for a, b in places_given(text)] == [place]


@pytest.mark.parametrize("text", ["3分ほどで終わります", "駅伝の記事を2本", "1-2-3の順に並べてください", "第2ビル"])
def test_what_is_no_place(text):
    assert places_given(text) == []


def test_every_continued_category_has_a_reader():
    assert categories.CONTINUED_BY, "no category is continued by a follow-up"
    readers = pipeline.build().follow_ups
    assert set(categories.CONTINUED_BY.values()) <= set(readers)


@pytest.mark.parametrize("text", ["3分ほどで終わります", "表紙のデザインをお願いします", "両方の案を比べてください",
                                  "SMS認証の6桁入力欄も同じ画面に置いてください", "12桁のマスク表示に変えてください"])
def test_what_is_no_detail(text):
    assert document_details(text) == []


@pytest.mark.parametrize("text", ["詳細はそちらのページでご確認ください", "こちらで続けましょう", "そちら様のご都合で大丈夫です",
                                  "there is a typo in line 3"])
def test_what_is_no_pointing_there(text):
    assert there_given(text) == []
