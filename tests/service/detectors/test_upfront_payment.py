"""Tests of the upfront_payment detector: the worker asked to pay money.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

from _kit import DetectorChecks, found

from cwguard.detectors.upfront_payment import DETECTOR, RULES
from cwguard.lang import vocab

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    # families generalised from the hold-out misses (new sentences, not the hold-out's own)
    # second round: further families (new sentences, not the second hold-out's own)
    ('入会金は後日キャッシュバックされるので実質0円です！', '入会金', 'client', 'before_contract'),
    ('講座費用は全額返金保証つきなので実質無料です。', '講座', 'client', 'before_contract'),
    ('14日間のお試し期間の後、月額4,980円のプランに自動で移行します。', '月額4,980円のプランに自動で移行', 'client', 'before_contract'),
    ('体験が終わったらゴールド会員へ移行していただきます。', 'ゴールド会員へ移行', 'client', 'before_contract'),
    ('教材代はクレジットカードの分割払いも可能です。', '分割払いも可能', 'client', 'before_contract'),
    ('To start, there is a registration fee of $30.', 'registration fee', 'client', 'before_contract'),
    ('Before you start, you need to pay for the starter kit.', 'need to pay', 'client', 'before_contract'),
    ('Please buy the manual first; it explains every step.', 'buy the manual', 'client', 'before_contract'),
    ('You must pay a $50 deposit to receive the tasks.', 'must pay', 'client', 'before_contract'),
    ('お仕事を始めるにあたり、登録費用として1万円をご用意ください。', '登録費用', 'client', 'before_contract'),
    ('研修を受けていただく必要があり、受講料は49,800円です。', '受講料', 'client', 'before_contract'),
    ('教材費（3万円）は初回報酬から差し引かせていただきます。', '教材費', 'client', 'before_contract'),
    ('当社のツール利用料として月額2,980円が発生します。', '月額2,980円', 'client', 'before_contract'),
    ('保証金5万円をお預かりしております。', '保証金', 'client', 'before_contract'),
    ('まずは下記口座に入会金をお振込みください。', '入会金', 'client', 'before_contract'),
    ('作業用アプリの有料プランへのご加入が必要です（月額1,500円）。', '有料プラン', 'client', 'before_contract'),
    ('スターターキットをご購入いただいた方から順にお仕事をご案内しています。', 'ご購入', 'client', 'before_contract'),
    ('参加費はPayPayで送ってください。', '参加費', 'client', 'before_contract'),
    ('研修サイトのご利用には登録料5,000円が必要です。', '登録料5,000円', 'client', 'before_contract'),
    ('確認は不要です。本日中にお振込みいただければ、明日からお仕事を開始できます。', 'お振込み', 'client', 'before_contract'),
    ('まずは専用マニュアル（29,800円）をご購入いただき、その手順どおりに作業していただきます。', 'マニュアル', 'client', 'before_contract'),
    ('次の案件に進むには、認定試験の受験料5,000円が必要です。', '5,000円', 'client', 'contracted'),
]

# (message, sender, contract phase): no hit
NEGATIVE = [
    # look-alikes of the generalised families
    # second round: look-alikes of the further families
    ('登録料は無料です。後日費用が発生することもありません。', 'client', 'before_contract'),
    ('報酬は後払いも可能です。', 'client', 'before_contract'),
    ('報酬のお支払いは分割でも対応します。', 'client', 'before_contract'),
    ('次月から新しい記事フォーマットに移行します。', 'client', 'before_contract'),
    ('サブスクの料金比較記事で、月額980円のプランへの移行方法を解説してください。', 'client', 'before_contract'),
    ('There is no registration fee.', 'client', 'before_contract'),
    ('The registration fee is waived for you.', 'client', 'before_contract'),
    ('We will cover the training fee.', 'client', 'before_contract'),
    ('I will pay you $200 after delivery.', 'client', 'before_contract'),
    ('Please send the invoice after delivery.', 'client', 'before_contract'),
    ('Please buy the domain in your own name.', 'client', 'before_contract'),
    ('You need to pay attention to the tone.', 'client', 'before_contract'),
    ('報酬は1本5,000円です。', 'client', 'before_contract'),
    ('初期費用は一切かかりませんのでご安心ください。', 'client', 'before_contract'),
    ('必要な素材費は弊社で負担いたします。', 'client', 'before_contract'),
    ('記事テーマ：開業にかかる初期費用の相場と資金調達', 'client', 'before_contract'),
    ('有料素材が必要な場合は事前にご相談ください。費用はこちらで負担します。', 'client', 'before_contract'),
    ('仕事を受けるためにお金を払うことはできません。', 'worker', 'before_contract'),
    ('報酬は検収後にクラウドワークスからお支払いされます。', 'client', 'before_contract'),
    ('予算は3万円です。', 'client', 'before_contract'),
    ('交通費は別途お支払いします。', 'client', 'before_contract'),
    ('商品は弊社から無償でお送りします。', 'client', 'before_contract'),
    ('月額3万5千円でいかがでしょうか。', 'client', 'before_contract'),
    ('システム利用料はクラウドワークスの規定どおりです。', 'client', 'before_contract'),
    ('登録作業をお願いします。1件50円です。', 'client', 'before_contract'),
    ('会員登録フォームの作成をお願いしたいです。', 'client', 'before_contract'),
    ('有料会員向けのメルマガ記事を書いてください。', 'client', 'before_contract'),
    ('プレミアム会員限定コンテンツの企画をお願いします。', 'client', 'before_contract'),
    ('テーマは「飲食店開業にかかる初期費用の目安」と「個人事業主の住所変更の手続き」の2本です。', 'client', 'before_contract'),
    ('交通費はご負担いただく形となります。', 'client', 'before_contract'),
    ('ご購入いただいたお客様へのサンクスメールを作成していただきます。', 'client', 'before_contract'),
    ('登録料は無料です。', 'client', 'before_contract'),
]


class TestSharedChecks(DetectorChecks):
    detector = DETECTOR
    positive = POSITIVE
    negative = NEGATIVE


def test_the_rules_treated_apart_are_named_by_their_fields():
    assert [r.id for r in RULES if r.names_a_fee] == ["fee_noun"]
    assert [r.id for r in RULES if r.needs_purchase] == ["instalment_offer"]


def test_its_vocabulary_groups_have_a_reason_and_words():
    for lang, name in (("ja", "money"), ("en", "money"), ("common", "payment_apps")):
        for key in vocab.groups(lang, name):
            assert vocab.words(lang, name, key), (lang, name, key)


def test_an_instalment_offer_counts_only_for_what_the_worker_buys():
    assert found(DETECTOR, "教材代は分割払いも可能です。")
    assert not found(DETECTOR, "報酬の分割払いも可能です。")
