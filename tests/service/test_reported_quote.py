"""Words the writer reports having received, read back to ask or warn: the quoted lure is not the
sender's proposal (detectors/_cues.reported_quote; vocabulary in lang/ja/grammar.json
`reporting_tails` and lang/en/grammar.json `reporting_verbs`)."""
import pytest

from cwguard.detectors._cues import relayed_from_own_side, reported_quote
from support.scoring import categories, locate


@pytest.mark.parametrize("text, word, expected", [
    ("別のアカウントから「許可済みなのでTelegramで」と連絡が来たのですが", "Telegram", True),
    ("前に「別案件→ https://lin.ee/abc」みたいなのが来ました", "lin.ee", True),
    ("「LINEで話しましょう」って言われたんですが大丈夫ですか", "LINE", True),
    ('another client told me "text me on WhatsApp". Is that normal?', "WhatsApp", True),
    # a quote the sender writes itself, or a quote with no report: not reported
    ("件名は「LINEで詳細を」にしてください", "LINE", False),
    ("「LINEで」お願いします", "LINE", False),
    ('Please reply "ok, WhatsApp" to confirm.', "WhatsApp", False),
    ("LINEで連絡が来ました", "LINE", False),
    # words relayed from the writer's own side are that side's request, not received ones (round 25)
    ("担当いわく「まずライン交換で」とのことです", "ライン", False),
    ("上司から『LINEで詳細を送ります』と言われています", "LINE", False),
    ('my manager says "continue on Telegram"', "Telegram", False),
    # ...the other side's staff are not the writer's side
    ("御社のご担当者様から「LINEで」と言われたのですが", "LINE", True),
    ("そちらの担当の方から「LINEで」と言われました", "LINE", True),
])
def test_reported_quote(text, word, expected):
    assert reported_quote(*locate(text, word)) is expected


@pytest.mark.parametrize("text, word, expected", [
    ("担当いわく「まず無償でテスト記事1本」とのことです", "無償", True),
    ("代表から→『次からは直接契約で』", "直接", True),
    ("上司が、身分証が必要と言っています", "身分証", True),
    ("了解です。上司が、身分証が必要と言っています", "身分証", True),
    ("了解です\n代表から、直接契約でとのことです", "直接", True),
    ("ただ上が『外で契約』って言ってて", "外で", True),          # 「上」 alone for the boss (round 26)
    ("上から「直接契約で」と言われてます", "直接", True),
    ("売上が「LINE経由」で増えたと言われています", "LINE", False),  # not the end of a word
    ("以上が『LINEで連絡』の手順です", "LINE", False),
    ("サイト上から「LINE連携」を押してください", "LINE", False),
    # a quote closed before the words: they are the writer's own
    ("上司から「了解です」とのこと。LINEで連絡が来たと言われました", "LINE", False),
    ("お客様から「LINEで」と言われました", "LINE", False),
    ("my manager says “ok”, and WhatsApp me for the rest", "WhatsApp", False),  # in English too
])
def test_relayed_from_own_side(text, word, expected):
    norm, start, _ = locate(text, word)
    assert relayed_from_own_side(norm, start) is expected


@pytest.mark.parametrize("text, sender, flagged", [
    ("確認させてください。別のアカウントから「事務局です、許可済みなのでTelegramで」と連絡が来たのですが、御社でしょうか？", "worker", set()),
    ("前に別の方から「この案件は締め切りました 別案件→ https://lin.ee/abcd」みたいなのが来たことがあって、こちらも外部に移りますか？",
     "worker", set()),
    ('Quick question: another client told me "text me on WhatsApp". Is that normal on CW?', "worker", set()),
    # relayed from the writer's own side: their request, whatever reporting verb follows (round 26)
    ("上司から『LINEで詳細を送ります』と言われています", "client", {"off_platform_contact"}),
    ("上司から「直接契約で」と言われてます", "client", {"direct_deal"}),
    ("先方から『LINEで詳細を送ります』と言われて困っています", "worker", set()),
    # the same lures, proposed by the sender, are still flagged
    ("許可済みなのでTelegramでお願いします", "client", {"off_platform_contact"}),
    ("この案件は締め切りました。別案件→ https://lin.ee/abcd", "client", {"contact_details"}),
    ("text me on WhatsApp", "client", {"off_platform_contact"}),
])
def test_a_reported_lure_is_not_flagged_but_the_lure_is(text, sender, flagged):
    found = categories(text, sender)
    assert found >= flagged and (flagged or not found)
