"""Tests of the direct_deal detector: a contract or payment outside CrowdWorks, before or after a contract.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

import pytest
from _kit import DetectorChecks, found

from cwguard.detectors.direct_deal import DETECTOR

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    # families generalised from the hold-out misses (new sentences, not the hold-out's own)
    # second round: further families (new sentences, not the second hold-out's own)
    ('Your fee will be paid in USDT to your crypto wallet.', 'USDT', 'client', 'before_contract'),
    ('Please send me your wallet address for the payment.', 'wallet address', 'client', 'before_contract'),
    ('We pay through Binance, not through CrowdWorks, it is faster.', 'not through CrowdWorks', 'client', 'before_contract'),
    ('Payment goes to you directly every week, no escrow.', 'directly', 'client', 'before_contract'),
    ('First, sign up with our partner exchange to receive the salary.', 'sign up with our partner exchange', 'client', 'before_contract'),
    ('報酬は仮想通貨で直接お送りします。', '仮想通貨', 'client', 'before_contract'),
    ('お支払いは楽天銀行へ直接振り込みます。', '直接', 'client', 'before_contract'),
    ('PayPayに直接送金しますね。', '直接', 'client', 'before_contract'),
    ('USDTの受け取りアドレスを送ってください。', 'USDT', 'client', 'before_contract'),
    ('まず暗号資産取引所で口座開設をお願いします。', '取引所', 'client', 'before_contract'),
    ("From the next job I'd like to pay you directly.", 'pay you directly', 'client', 'before_contract'),
    ("Let's continue outside CrowdWorks to save the fees.", 'outside CrowdWorks', 'client', 'before_contract'),
    ('I will pay you by bank transfer every month.', 'bank transfer', 'client', 'before_contract'),
    ('Can you accept payment via PayPal?', 'PayPal', 'client', 'before_contract'),
    ('次回からはクラウドワークスを介さずにお取引できればと思います。', '介さず', 'client', 'before_contract'),
    ('今後は弊社と個別に契約を結んでいただけないでしょうか。', '個別に契約', 'client', 'before_contract'),
    ('CWは手数料が20%も取られるので、直接やりとりして契約しませんか？', '直接やりとりして契約', 'client', 'before_contract'),
    ('お支払いはPayPalでお願いできますか。', 'PayPal', 'client', 'before_contract'),
    ('報酬は毎月末に銀行振込でお支払いします。', '銀行振込', 'client', 'before_contract'),
    ('報酬はAmazonギフト券でお渡しします。', 'ギフト券', 'client', 'before_contract'),
    ('2回目以降は外部で直接お取引いただけると助かります。', '直接お取引', 'client', 'before_contract'),
    ('システム利用料がもったいないので、直でやり取りしませんか。', 'もったいない', 'client', 'before_contract'),
    ('クラウドワークス経由だと手数料が引かれてしまうので、個人間でのお取引を希望します。', '個人間', 'client', 'before_contract'),
    ('ちょくせつ契約にしませんか？', 'ちょくせつ契約', 'client', 'before_contract'),
    ('直\u3000接\u3000契\u3000約でお願いします', '直\u3000接', 'client', 'before_contract'),
    ('報酬はUSDTで送金します。', '送金', 'client', 'before_contract'),
    ('今後のお支払いは下記のPayPalリンクからお受け取りください https://paypal.me/abc', 'リンクから', 'client', 'contracted'),
    ('継続分は振込でお支払いしたいので、請求書をお送りください。', '請求書', 'client', 'contracted'),
    ('次回からはCWを通さずにお仕事をお願いしたいです。', 'CWを通さず', 'client', 'contracted'),
    ('次回からはクラウドワークスを通さずに直接契約しませんか？', '直接契約', 'worker', 'before_contract'),
]

# (message, sender, contract phase): no hit
NEGATIVE = [
    # look-alikes of the generalised families
    # second round: look-alikes of the further families
    ('Payment is made through CrowdWorks escrow, directly after approval.', 'client', 'before_contract'),
    ('The app has a wallet screen that needs translating.', 'client', 'before_contract'),
    ('Please edit the document directly in Google Docs.', 'client', 'before_contract'),
    ('修正ポイントに直接コメントを書き込んでください。', 'client', 'before_contract'),
    ('銀行の窓口に直接行く必要はありません。', 'client', 'before_contract'),
    ('仮想通貨の入門記事を書いていただきます。', 'client', 'before_contract'),
    ('We never pay outside CrowdWorks.', 'client', 'before_contract'),
    ('Payment will go through CrowdWorks escrow, not PayPal.', 'client', 'before_contract'),
    ("Please don't contact me outside CrowdWorks.", 'client', 'before_contract'),
    ('Please upload the files directly to the shared folder.', 'client', 'before_contract'),
    ('直接契約はできませんので、クラウドワークス上でお願いします。', 'client', 'before_contract'),
    ('先方のサイトに直接入稿していただきます。', 'client', 'before_contract'),
    ('報酬はクラウドワークスの仮払いで先にお支払いします。', 'client', 'before_contract'),
    ('直接契約は規約違反となりますのでお受けできません。', 'client', 'before_contract'),
    ('クラウドワークスの直接依頼機能でご依頼いたします。', 'client', 'before_contract'),
    ('クラウドワークスから直接ご契約のオファーをお送りします。', 'client', 'before_contract'),
    ('文字単価は手数料を差し引いた金額で1円です。', 'client', 'before_contract'),
    ('記事テーマ：フリーランスが直接契約する際の注意点', 'client', 'before_contract'),
    ('「直接契約のメリット」についての記事を書いていただきます。', 'client', 'before_contract'),
    ('直接契約のメリットとデメリットについて解説する記事です。', 'client', 'before_contract'),
    ('記事ごとに個別の契約をお送りします。', 'client', 'before_contract'),
    ('報酬は1記事ごとにクラウドワークスで個別にお支払いします。', 'client', 'before_contract'),
    ('直接契約はお受けしておりません。', 'worker', 'before_contract'),
    ('クラウドワークスを通さないお取引はできかねます。', 'worker', 'before_contract'),
    ('ポイントサイトの紹介記事を書いていただきます。', 'client', 'before_contract'),
    ('本文には直接関係ないのですが、ご質問です。', 'client', 'before_contract'),
    ('直接お会いしたことはないですが、評判は伺っています。', 'client', 'before_contract'),
    ('支払いはクラウドワークス上で行います。', 'client', 'before_contract'),
    ('振込手数料は弊社で負担します。', 'client', 'before_contract'),
    ('仮払いが完了しました。', 'system', 'before_contract'),
]


class TestSharedChecks(DetectorChecks):
    detector = DETECTOR
    positive = POSITIVE
    negative = NEGATIVE


class _Untouchable:
    """Stands in for an English rule's compiled pattern: any scan is a failure."""

    def finditer(self, text):
        raise AssertionError("an English rule scanned a message without Latin letters")


def test_english_rules_are_skipped_without_latin_letters(monkeypatch):
    english = [t for t in DETECTOR._triggers if t.english]
    assert english, "the detector has English rules"
    assert not any(t.english for t in DETECTOR._triggers if not all(e.isascii() for e in t.rule.examples))
    for trig in english:
        monkeypatch.setattr(trig, "regex", _Untouchable())
    # a Japanese message never reaches them...
    assert found(DETECTOR, "次回からはクラウドワークスを通さず直接契約にしませんか？")
    # ...a message with Latin letters does
    with pytest.raises(AssertionError, match="English rule"):
        found(DETECTOR, "Payment in USDT, directly.")
