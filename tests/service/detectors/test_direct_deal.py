"""Tests of the direct_deal detector: a contract or payment outside CrowdWorks, before or after a contract.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

import pytest
from _kit import DetectorChecks, found

from cwguard.detectors.direct_deal import DETECTOR

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    # terse direct deals: 直で / 次から直で / ちょっけい
    ('直でやりませんか', '直でやりませんか', 'client', 'before_contract'),
    ('次から直でお願いできます？', '次から直で', 'client', 'before_contract'),
    ('次回は直でどうですか', '次回は直で', 'client', 'before_contract'),
    ('今後は直がいいです', '今後は直が', 'client', 'before_contract'),
    ('直でやり取りしてお仕事お願いしたいです', '直でやり取りして', 'client', 'before_contract'),
    ('次も直でいい？手数料が惜しいので', '次も直で', 'client', 'contracted'),
    ('ちょっけいでやりましょう', 'ちょっけい', 'client', 'before_contract'),
    ('直契約でどうでしょう', '直契約', 'client', 'before_contract'),
    ('直取引でお願いします', '直取引', 'client', 'before_contract'),
    ('じか取引にしませんか', 'じか取引', 'client', 'before_contract'),
    ('2回目からはCW通さずにお願いしたいです', 'CW通さずに', 'client', 'contracted'),
    ('今後はクラウドワークスではなく、弊社との業務委託で進めたいです', 'クラウドワークスではなく', 'client', 'contracted'),
    ('これからはCWの外で直接お願いしたいです', 'これからはCWの外で直接', 'client', 'contracted'),
    ('手数料かからないよう、次は直接で', '手数料かからない', 'client', 'contracted'),
    ('次回から直接振り込むので、口座おしえて', '直接振り込', 'client', 'contracted'),
    ('直接のほうがお互い得ですよね、次から直接でどうですか', '次から直接で', 'client', 'before_contract'),
    # English: skip the fee
    ('skip the CW fee', 'skip the CW', 'client', 'before_contract'),
    ("Let's skip the CrowdWorks fee next time.", 'skip the CrowdWorks', 'client', 'before_contract'),
    ('We can both avoid the 20% fee if we work directly.', 'work directly', 'client', 'before_contract'),
    ('Pay me outside the platform and we both save the commission.', 'save the commission', 'client', 'before_contract'),
    ("let's go direct next time, no platform fee", "let's go direct", 'client', 'before_contract'),
    ("I'd rather pay you off-platform from now on.", 'pay you off-platform', 'client', 'before_contract'),
    # a refusal word later in a lure does not excuse it
    ('直接契約にするだけで手数料が浮きますよ', '直接契約', 'client', 'before_contract'),
    # the same words asking, which must still fire
    ('構成の件は了解です。あと次回から直接契約でお願いできますか？', '直接契約', 'client', 'before_contract'),
    ('「手数料がもったいない」ので、次から直でどうですか', '手数料がもったいない', 'client', 'before_contract'),
    ('・今後は直接お取引させてください', '直接お取引', 'client', 'before_contract'),
    ('H2の件了解です。次回は直でお願いします', '次回は直で', 'client', 'before_contract'),
    ('"Skip the CW fee" — that\'s my offer for the next job, interested?', 'Skip the CW', 'client', 'before_contract'),
    # the client's own payment system, site or app
    ('報酬のお受け取りは当社の精算システムからお願いします。', '報酬のお受け取りは当社の精算システム', 'client', 'before_contract'),
    ('報酬は弊社専用アプリでの受け取りになります。', 'アプリでの受け取', 'client', 'before_contract'),
    ('お支払いには独自の報酬サイトへの登録が必要です。', 'お支払いには独自の報酬サイト', 'client', 'before_contract'),
    ('今月分から報酬は提携のウォレットアプリで受け取ってください', 'アプリで受け取', 'client', 'contracted'),
    ('報酬は専用アプリから受け取ってください', 'アプリから受け取', 'client', 'before_contract'),
    # the client pays outside: still a deal
    ('報酬はPayPayでお送りしますね', '報酬はPayPay', 'client', 'before_contract'),
    ('お礼は現金でお渡しします', '現金でお渡し', 'client', 'before_contract'),
    # further sentences of each family (written after the rules, as a check of the generalisation)
    ('今後は直でやりましょう', '今後は直で', 'client', 'before_contract'),
    ('次からは直契でお願いします', '直契', 'client', 'before_contract'),
    ('直のほうが単価上げられますよ', '直のほうが単価', 'client', 'before_contract'),
    ('次の仕事からCW抜きでどうですか', 'CW抜きで', 'client', 'before_contract'),
    ('次回からはクラウドワークス外でお願いしたいです', 'クラウドワークス外で', 'client', 'before_contract'),
    ('手数料引かれるのもったいないし、今後は直接で', '手数料引かれる', 'client', 'before_contract'),
    ('直接やり取りでお仕事しませんか', '直接やり取りでお仕事', 'client', 'before_contract'),
    ("Next time let's do it directly, no CrowdWorks fee.", "let's do it directly", 'client', 'before_contract'),
    ('we can cut out the platform fee if you work with me directly', 'work with me directly', 'client', 'before_contract'),
    ('次回から銀行振込で払いますね', '銀行振込で払い', 'client', 'before_contract'),
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
    # look-alikes
    ('直接のお取引には応じかねます', 'client', 'before_contract'),
    ('直接取引はしない方針です。', 'client', 'before_contract'),
    ('直接取引は一切行っておりません。', 'client', 'before_contract'),
    ('直接契約のご提案は以前もいただきましたが、お受けしておりません。', 'client', 'before_contract'),
    ('直接のやり取りはご遠慮ください。', 'client', 'before_contract'),
    ('直接契約の話は以前ほかの方からありましたが、直接契約はお受けできません。', 'client', 'before_contract'),
    ('過去に「直でやろう」と言われたことがありますが、お断りしています。', 'worker', 'before_contract'),
    ('口座おしえて', 'client', 'before_contract'),
    ('直で書き込んでもらって大丈夫です', 'client', 'before_contract'),
    ('直でスプレッドシートに入力してください', 'client', 'before_contract'),
    ('ファイルは直でアップしてください', 'client', 'before_contract'),
    ('原稿は直でドキュメントに書いてOKです', 'client', 'before_contract'),
    ('手数料は弊社負担です。契約はクラウドワークスで。', 'client', 'before_contract'),
    ('次回もクラウドワークスでお願いします', 'client', 'before_contract'),
    ('The CrowdWorks fee is on us; the contract stays on CrowdWorks.', 'client', 'before_contract'),
    ('We cannot pay you outside CrowdWorks.', 'client', 'before_contract'),
    ("I won't skip the CrowdWorks fee; everything goes through escrow.", 'client', 'before_contract'),
    ('次回もCW経由でお願いします。直接はお受けできません', 'worker', 'before_contract'),
    # the work's own subject: outline headings and quoted lures named in an article job
    ('H3 直接取引を持ちかけられたときの断り方', 'client', 'before_contract'),
    ('見出し案：直接契約に切り替えるリスク', 'client', 'before_contract'),
    ('比較表：直接契約 vs クラウドソーシング', 'client', 'before_contract'),
    ('構成案です。\nH2 直契約のメリット\nH2 仲介サービスとの違い', 'client', 'before_contract'),
    ('「次から直でどうですか」と言われた体験談も入れてください。', 'client', 'before_contract'),
    ('「手数料を浮かせるために直接契約を」という誘いへの対処法も書いてください。', 'client', 'before_contract'),
    ('「直接取引」と「仲介経由」の違いを表にしてもよいですか？', 'worker', 'before_contract'),
    ('記事では『CWを通さずに払います』といった勧誘の見分け方を解説してください。', 'client', 'before_contract'),
    # the same words asking, which must still fire
    ('Can I add a section on "pay me directly, skip the fee" messages?', 'worker', 'before_contract'),
    ('Please write about the "let\'s work off-platform" pitch and why it is risky.', 'client', 'before_contract'),
    # look-alikes: the reader pays a fee (upfront_payment's), work received in an app, an exchange account as the task
    ('教材費はPayPayで送金をお願いします。', 'client', 'before_contract'),
    ('登録料1,000円をPayPayでお振込みください。', 'client', 'before_contract'),
    ('手数料は銀行振込でお支払いください。', 'client', 'before_contract'),
    ('お仕事は専用アプリで受け取っていただきます。', 'client', 'before_contract'),
    ('案件は弊社サイトで受け取ってください。', 'client', 'before_contract'),
    ('取引所の口座を開設するだけで3,000円もらえます。', 'client', 'before_contract'),
    ('報酬のお受け取りはクラウドワークスのシステムから行われます。', 'client', 'before_contract'),
    # further sentences of each family (written after the rules, as a check of the generalisation)
    ('直でご連絡いただければ対応します', 'client', 'before_contract'),
    ('直接こちらのスプレッドシートに入力してください', 'client', 'before_contract'),
    ('次回もクラウドワークスでお願いします', 'client', 'before_contract'),
    ('直接契約はお断りしております', 'client', 'before_contract'),
    ('直取引は規約違反なのでできません', 'client', 'before_contract'),
    ('記事のテーマ：直接契約のリスク', 'client', 'before_contract'),
    ('Please pay through CrowdWorks only.', 'client', 'before_contract'),
    ('Send the file directly to the shared folder.', 'client', 'before_contract'),
    ('手数料は銀行振込で払ってください', 'client', 'before_contract'),
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
