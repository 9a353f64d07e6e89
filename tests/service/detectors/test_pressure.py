"""Tests of the pressure detector: urgency the client puts on the worker.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

from _kit import DetectorChecks, found

from cwguard.detectors.pressure import DETECTOR, RULES
from cwguard.lang import vocab

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    # families generalised from the hold-out misses (new sentences, not the hold-out's own)
    # second round: further families (new sentences, not the second hold-out's own)
    ('今週末には別の方に発注を決めますので、お早めに。', '今週末には別の方に発注', 'client', 'before_contract'),
    ('明日の昼には他の方で確定します。', '明日の昼には他の方で確定', 'client', 'before_contract'),
    ('募集締め切り迫る！気になった方は即応募を。', '締め切り迫', 'client', 'before_contract'),
    ('本日の夜までにご返信ください。', '本日の夜までに', 'client', 'before_contract'),
    ('迷ったらまず登録を！', '迷ったら', 'client', 'before_contract'),
    ('明朝までにお返事いただけますと幸いです。', '明朝まで', 'client', 'before_contract'),
    ('本日17時までにエントリーをお願いします。', '本日', 'client', 'before_contract'),
    ('応募いただいた方から順に採用を決めていきます。', '方から順に採用', 'client', 'before_contract'),
    ('残席わずかです。', '残席わずか', 'client', 'before_contract'),
    ('枠が埋まってしまう前にお申し込みください。', '埋まってしまう前に', 'client', 'before_contract'),
    ('今週中にご判断いただけると助かります。', '今週中', 'client', 'before_contract'),
    ('今回が最後の1名の募集です。', '最後の1名', 'client', 'before_contract'),
    ('Only 2 spots left, please reply ASAP.', '2 spots left', 'client', 'before_contract'),
    ('This offer is first come, first served.', 'first come', 'client', 'before_contract'),
    ('Please reply within 24 hours.', 'within 24 hours', 'client', 'before_contract'),
    ('明日までにお返事がなければ、今回のお話はなかったことにさせていただきます。', '明日まで', 'client', 'before_contract'),
    ('募集は本日までです！', '本日まで', 'client', 'before_contract'),
    ('残り3名様で締め切ります。', '残り3名', 'client', 'before_contract'),
    ('今月中のご登録で特典があります。お急ぎください。', 'お急ぎください', 'client', 'before_contract'),
    ('至急ご連絡ください。', '至急', 'client', 'before_contract'),
    ('24時間以内にご返信ください。', '24時間以内', 'client', 'before_contract'),
    ('定員になり次第締め切りますので、今すぐお申し込みください。', '今すぐ', 'client', 'before_contract'),
    ('急ぎで対応可能な方を探しています。', '急ぎで', 'client', 'before_contract'),
    ('本日17時までにご回答いただけない場合は辞退とみなします。', '本日17時', 'client', 'before_contract'),
    ('このチャンスを逃さないでください！', 'チャンスを逃さない', 'client', 'before_contract'),
    ('他にも応募者が多数いますので、早めにご決断いただけますと幸いです。', '早めにご決断', 'client', 'before_contract'),
    ('動画編集者を急募しています。', '急募', 'client', 'before_contract'),
    ('48時間以内に参加がない場合は次の方に回します⏰', '48時間以内', 'client', 'before_contract'),
    ('募集は本日23:59まで、残り2枠となっています。', '残り2枠', 'client', 'before_contract'),
    ('先着3名様で締め切りますので、ご希望の方はお早めにご返信ください。', '先着3名', 'client', 'before_contract'),
    ('今日中に納品してもらえますか？', '今日中に納品', 'client', 'contracted'),
]

# (message, sender, contract phase): no hit
NEGATIVE = [
    # look-alikes of the generalised families
    # second round: look-alikes of the further families
    ('本日のオンライン説明会にご参加ください。', 'client', 'before_contract'),
    ('今夜のミーティングでお会いしましょう。ご参加お待ちしています。', 'client', 'before_contract'),
    ('今日の打ち合わせの議事録をお送りします。', 'client', 'before_contract'),
    ('明日の朝に他の方の記事と合わせて確認します。', 'client', 'before_contract'),
    ('明日は他の方で確定した案件の作業日です。', 'client', 'before_contract'),
    ('明日までに納品してもらえると助かります。', 'client', 'before_contract'),
    ('明日の朝までに決めてご連絡します。', 'client', 'before_contract'),
    ('ご応募いただいた方から順にご連絡します。', 'client', 'before_contract'),
    ('最後の1名まで丁寧に対応します。', 'client', 'before_contract'),
    ("I'll send the contract ASAP.", 'client', 'before_contract'),
    ('This is not urgent.', 'client', 'before_contract'),
    ('Please send the file when you can.', 'client', 'before_contract'),
    ('納期は来週金曜日17時までです。', 'client', 'before_contract'),
    ('本日中に契約をお送りします。', 'client', 'before_contract'),
    ('今日中に確認してお返事いたします。', 'client', 'before_contract'),
    ('本日中に修正版をアップいたします。', 'worker', 'before_contract'),
    ('納期は10日後です。', 'client', 'before_contract'),
    ('急ぎではないので、ゆっくりで大丈夫です。', 'client', 'before_contract'),
    ('何かあればお早めにご相談ください。', 'client', 'before_contract'),
    ('ご不明点があれば早めにお知らせください。', 'client', 'before_contract'),
    ('残りの作業は来週で大丈夫です。', 'client', 'before_contract'),
    ('本日はありがとうございました。', 'client', 'before_contract'),
    ('今日は天気がいいですね。', 'client', 'before_contract'),
    ('先着順ではなく、内容で判断します。', 'client', 'before_contract'),
    ('至急の案件ではありませんので、ご都合のよいときに。', 'client', 'before_contract'),
    ('今すぐでなくて大丈夫です。', 'client', 'before_contract'),
    ('急募ではありません。', 'client', 'before_contract'),
    ('本日中に仮払いいたします。', 'client', 'before_contract'),
    ('明日までに契約をお送りしますので、少々お待ちください。', 'client', 'before_contract'),
    ('ありがとうございます。それでは本日中に契約のお手続きをいたしますので、内容をご確認のうえご承認ください。', 'client', 'before_contract'),
    ('テスト10件は3日以内の納品でお願いします。', 'client', 'before_contract'),
]


class TestSharedChecks(DetectorChecks):
    detector = DETECTOR
    positive = POSITIVE
    negative = NEGATIVE


def test_the_rules_treated_apart_are_named_by_their_fields():
    assert {r.id for r in RULES if r.self_evident} == {
        "deadline_with_consequence", "deadline_then_other_candidate", "no_answer_consequence",
        "first_come_first_hired", "scarcity", "closing_time_today"}
    assert [r.id for r in RULES if r.unless_conditional] == ["urging_words"]
    assert {r.id for r in RULES if r.needs} == {
        "deadline_with_consequence", "deadline_then_other_candidate", "no_answer_consequence",
        "same_day_deadline_on_answer", "same_day_deadline_on_work", "near_deadline_on_decision",
        "first_come_first_hired"}


def test_a_rule_whose_second_half_is_missing_is_skipped_whole():
    """「本日中に」 repeated: the deadline rules find no consequence, act or work anywhere."""
    assert found(DETECTOR, "本日中に" * 50) == []
    assert found(DETECTOR, "本日中にご返信がない場合は他の方を優先します。")


def test_its_vocabulary_groups_have_a_reason_and_words():
    for lang in ("ja", "en"):
        for key in vocab.groups(lang, "pressure"):
            assert vocab.words(lang, "pressure", key), (lang, key)
