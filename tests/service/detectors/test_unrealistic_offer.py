"""Tests of the unrealistic_offer detector: easy-money and unrealistic income claims.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

from _kit import DetectorChecks

from cwguard.detectors.unrealistic_offer import DETECTOR, RULES
from cwguard.lang import vocab

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    # families generalised from the hold-out misses (new sentences, not the hold-out's own)
    # second round: further families (new sentences, not the second hold-out's own)
    ('在宅で月80万円！スマホ一台あれば大丈夫、1日15分の作業です。', '月80万円', 'client', 'before_contract'),
    ('日給3万円も。誰でもできるタップ作業です。', '日給3万円', 'client', 'before_contract'),
    ('週5万円！コピペ作業だけで完結します。', '週5万円', 'client', 'before_contract'),
    ('月収50万円を達成した主婦の方も。作業はほったらかしでOK。', '月収50万円', 'client', 'before_contract'),
    ('副業で月20万。完全在宅で簡単です。', '月20万', 'client', 'before_contract'),
    ('この案件は不労所得の仕組みで、寝ながら月10万円も可能です。', '不労所得', 'client', 'before_contract'),
    ('当ブログは権利収入の仕組みづくりの一部で、放置で月15万円入ります。', '権利収入', 'client', 'before_contract'),
    ('主婦の方でも在宅で月収30万円以上が可能です！', '月収30万円', 'client', 'before_contract'),
    ('1日たった15分の作業で月5万円の副収入に。', '15分', 'client', 'before_contract'),
    ('不労所得を手に入れませんか？', '不労所得', 'client', 'before_contract'),
    ('初心者でも3ヶ月で月収100万円を達成した方もいます。', '月収100万円', 'client', 'before_contract'),
    ('誰でもカンタンに稼げる副業です。', '稼げ', 'client', 'before_contract'),
    ('日給3万円保証！スマホ1台でOK', '日給3万円保証', 'client', 'before_contract'),
    ('寝ている間に勝手に稼げる仕組みです。', '寝ている間', 'client', 'before_contract'),
    ('初期費用は1週間で元が取れます。', '元が取れ', 'client', 'before_contract'),
    ('年収1000万円も夢ではありません。', '夢ではありません', 'client', 'before_contract'),
    ('【初心者歓迎】スマホだけで1日5分！簡単な画像加工で月10万円も夢じゃありません😊', 'スマホだけで', 'client', 'before_contract'),
    ('未経験でも1日30分で月20万円可能です。', '月20万円', 'client', 'before_contract'),
]

# (message, sender, contract phase): no hit
NEGATIVE = [
    # look-alikes of the generalised families
    # second round: look-alikes of the further families
    # counts, not money, after 万
    ('誰でもできる入力作業です。1日2万字程度を想定しています。', 'client', 'before_contract'),
    ('月10万PVのメディアです。未経験でも歓迎します。', 'client', 'before_contract'),
    ('スマホだけで月5万人が見ているアプリの翻訳です。', 'client', 'before_contract'),
    ('完全在宅・月15万円（週30時間稼働）の開発案件です。', 'client', 'before_contract'),
    ('報酬は月3万円です。1日30分程度の作業を想定しています。', 'client', 'before_contract'),
    ('予算は50万円です。スマホだけで確認できます。', 'client', 'before_contract'),
    ('12月1日に5万円お支払いします。1日10分程度の確認作業です。', 'client', 'before_contract'),
    ('月20万円ほどの案件です。作業はパソコンで行います。', 'client', 'before_contract'),
    ('「不労所得の仕組みと注意点」というテーマで記事を書いてください。', 'client', 'before_contract'),
    ('不労所得の仕組みについての記事を3本お願いします。', 'client', 'before_contract'),
    ('報酬は月3万円〜です。', 'client', 'before_contract'),
    ('文字単価1円、月10本で約3万円の想定です。', 'client', 'before_contract'),
    ('月に10万円程度のご発注が可能です。', 'client', 'before_contract'),
    ('1日2時間程度の作業時間を想定しています。', 'client', 'before_contract'),
    ('未経験の方も歓迎しますが、研修はございません。', 'client', 'before_contract'),
    ('スマホでの撮影が必要です。', 'client', 'before_contract'),
    ('スマホだけで作業が完結します。', 'client', 'before_contract'),
    ('副業の始め方についての記事を書いてください。テーマは「月5万円稼ぐ方法」です。', 'client', 'before_contract'),
    ('月30万円は現実的ではないと思います。', 'worker', 'before_contract'),
    ('誰でもわかる文章でお願いします。', 'client', 'before_contract'),
    ('簡単な作業ですが、丁寧さが求められます。', 'client', 'before_contract'),
    ('ご契約から5日以内に納品をお願いします。', 'client', 'before_contract'),
    ('月4〜6本、1本あたり3,000字です。', 'client', 'before_contract'),
    ('誰でも稼げるわけではありません。', 'client', 'before_contract'),
]


class TestSharedChecks(DetectorChecks):
    detector = DETECTOR
    positive = POSITIVE
    negative = NEGATIVE


def test_the_rules_treated_apart_are_named_by_their_fields():
    assert [r.id for r in RULES if r.large_income] == ["large_income_made_easy"]
    assert [r.id for r in RULES if r.needs_earning] == ["effortlessness_beside_earning"]


def test_effortlessness_is_read_after_every_claim_it_may_lean_on():
    """A rule that needs earning words accepts a match after another rule found a claim in the
    message, so it comes after all of them."""
    order = [r.needs_earning for r in RULES]
    assert order == sorted(order)


def test_its_vocabulary_groups_have_a_reason_and_words():
    for key in vocab.groups("ja", "offers"):
        assert vocab.words("ja", "offers", key), key
