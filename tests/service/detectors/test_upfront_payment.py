"""Tests of the upfront_payment detector: the worker asked to pay money.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

from _kit import DetectorChecks, found
from _money_lookalikes import MONEY_AND_DATA_LOOKALIKES

from cwguard.detectors.upfront_payment import DETECTOR, RULES
from cwguard.lang import vocab

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    # families generalised from the hold-out misses (new sentences, not the hold-out's own)
    # second round: further families (new sentences, not the second hold-out's own)
    # third round, terse families: the task-scam money step as a condition, pay in more, deposits,
    # payment apps, gift cards, crypto, purchases in the worker's name, paid courses, English fees
    ('出金には手数料が必要です', '手数料', 'client', 'before_contract'),
    ('次のタスク解放に3万円チャージ', '3万円チャージ', 'client', 'before_contract'),
    ('報酬を引き出すには、先に手数料5,000円を入金してください。', '入金してください', 'client', 'before_contract'),
    ('ランクアップには2万円のデポジットが必要になります', 'デポジット', 'client', 'before_contract'),
    ('アカウントの凍結解除には保証金をご入金いただく必要があります。', '保証金', 'client', 'before_contract'),
    ('残高の払い出し前に、事前に1万円入金が必要です', '1万円入金', 'client', 'before_contract'),
    ('Lv3に上がるには5万円チャージしてね', '5万円チャージ', 'client', 'before_contract'),
    ('ボーナスタスクは入金後に解放されます。最低3万円から。', '入金', 'client', 'before_contract'),
    ('出金手続きのため、先払いで手数料8,000円お願いします', '先払い', 'client', 'before_contract'),
    ('有効化するには3,000円の入金が必須です', '3,000円の入金', 'client', 'before_contract'),
    ('今日中にチャージしないと報酬が失効します', 'チャージ', 'client', 'before_contract'),
    ('次のミッションは先に2万円をご入金いただいた方のみです', '2万円をご入金', 'client', 'before_contract'),
    ('多く入金するほど報酬率UP', '入金', 'client', 'before_contract'),
    ('入金額が多いほどリターンも大きくなります', '入金額が多いほど', 'client', 'before_contract'),
    ('たくさんチャージするほど配当率がアップします！', 'チャージ', 'client', 'before_contract'),
    ('The more you deposit, the more you earn.', 'The more you deposit', 'client', 'before_contract'),
    ('Bigger top-ups mean higher commission.', 'Bigger top-ups', 'client', 'before_contract'),
    ('投資額が大きいほど利益も倍増します', '投資額が大きいほど', 'client', 'before_contract'),
    ('保証金として3万円をお預かりします', '保証金として3万円', 'client', 'before_contract'),
    ('業務開始前にデポジット1万円をお願いします', 'デポジット1万円', 'client', 'before_contract'),
    ('まずは1万円分チャージしてください', '1万円分チャージ', 'client', 'before_contract'),
    ('チャージ額は最低5,000円からです', 'チャージ額', 'client', 'before_contract'),
    ('作業アカウントに1万円入金お願いします', '入金お願い', 'client', 'before_contract'),
    ('万一に備えて保証金5万円が必要です', '保証金5万円', 'client', 'before_contract'),
    ('PayPayで3000円送って', 'PayPayで3000円送って', 'client', 'before_contract'),
    ('登録料はPayPayでお支払いください', '登録料', 'client', 'before_contract'),
    ('参加費の5,000円、paypayで送金して', '参加費の5,000円', 'client', 'before_contract'),
    ('LINE Payで手数料を送ってもらえますか', 'LINE Payで手数料を送ってもらえ', 'client', 'before_contract'),
    ('Appleギフトカード1万円分を買ってコードを送ってください', 'Appleギフトカード', 'client', 'before_contract'),
    ('コンビニでiTunesカード5,000円分を購入して、番号を写真で送ってください', 'iTunesカード5,000円分', 'client', 'before_contract'),
    ('Google Playギフトコード3000円分をご購入のうえ、コードを教えてください', 'Google Playギフトコード', 'client', 'before_contract'),
    ('USDTで100ドル分チャージしてください', '100ドル分チャージ', 'client', 'before_contract'),
    ('ビットコインで1万円分を送金してください', '送金してください', 'client', 'before_contract'),
    ('手数料はUSDTで指定ウォレットに送金お願いします', '送金お願い', 'client', 'before_contract'),
    ('Please send the $50 fee via PayPal.', 'send the $50 fee via PayPal', 'client', 'before_contract'),
    ('Buy two $100 Steam gift cards and send me the codes.', 'Buy two $100 Steam gift cards', 'client', 'before_contract'),
    ('Send 200 USDT to unlock your withdrawal.', 'Send 200 USDT', 'client', 'before_contract'),
    ('商品はご自身名義で購入してください', '購入してください', 'client', 'before_contract'),
    ('ご自身のクレジットカードで決済をお願いします', '決済をお願い', 'client', 'before_contract'),
    ('指定商品をあなたの名義で注文してください。代金は後日返金します', 'あなたの名義で注文', 'client', 'before_contract'),
    ('立て替えていただいた代金は翌月に報酬と一緒にお返しします', '立て替え', 'client', 'before_contract'),
    ('まず1点目4,980円の立替をお願いします', '4,980円の立替', 'client', 'before_contract'),
    ('専用講座（39,800円）を受講された方にお仕事をご紹介しています', '講座（39,800円）を受講', 'client', 'before_contract'),
    ('案件紹介の前にスクール（月額9,800円）へのご入会が必要です', '月額9,800円）へのご入会が必要', 'client', 'before_contract'),
    ('オンラインサロン（月額5,000円）に参加していただきます', 'オンラインサロン（月額5,000円）に参加', 'client', 'before_contract'),
    ('自分のカードで商品を買ってもらい、後で全額返します', '自分のカードで商品を買って', 'client', 'before_contract'),
    ('Pay the activation fee of $40 to unlock tasks.', 'activation fee', 'client', 'before_contract'),
    ('A $25 activation fee is required before you start.', 'activation fee', 'client', 'before_contract'),
    ('You must deposit $100 to unlock your account.', 'You must deposit', 'client', 'before_contract'),
    ('To withdraw your earnings, first pay a 10% withdrawal fee.', 'withdrawal fee', 'client', 'before_contract'),
    ('Your balance is frozen. Make a deposit to unfreeze it.', 'Make a deposit', 'client', 'before_contract'),
    ('There is an unlock fee of 50 USDT.', 'unlock fee', 'client', 'before_contract'),
    ('deposit 30 usdt to activate ur account', 'deposit 30 usdt', 'client', 'before_contract'),
    ('開始にはUSDTを100ドル分ご購入いただく必要があります。', 'ご購入いただ', 'client', 'before_contract'),
    ('ビットコインを1万円分買ってください', 'ビットコインを1万円分買って', 'client', 'before_contract'),
    ('まずは仮想通貨を3万円分購入して、指定のウォレットへ送ってください', '仮想通貨を3万円分購入し', 'client', 'before_contract'),
    ('登録料は後日全額返金されるので実質無料です', '登録料', 'client', 'before_contract'),
    ('あとで戻ってくるので実質タダです', 'あとで戻ってくる', 'client', 'before_contract'),
    ('本日中にお振込みの確認が取れない場合、参加取り消しとなります', 'お振込みの確認が取れない', 'client', 'before_contract'),
    ('Your VIP level unlocks once you top up.', 'top up', 'client', 'before_contract'),
    ('Recharge to withdraw your balance.', 'Recharge', 'client', 'before_contract'),
    ('次の案件に進むには保証金1万円の入金が必要です', '保証金1万円', 'client', 'contracted'),
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
    # third session: an amount ending in 0 before a currency code is money, not nothing (「send 50 USD」)
    ('send 40 USDT activation to unlock your withdrawal', 'send 40 USDT', 'client', 'before_contract'),
    ('pay 100 USD to unlock the next level', 'pay 100 USD', 'client', 'before_contract'),
    # the deposit's size sets the reward, Japanese and English
    ('チャージ額に応じて配当率がアップします', 'チャージ額に応じて', 'client', 'before_contract'),
    ('your commission depends on your deposit, min 100 USDT', 'depends on your deposit', 'client', 'before_contract'),
]

# (message, sender, contract phase): no hit
NEGATIVE = [
    # third round: refusals and warnings, Japanese and English (「費用は一切いただきません」"You need to pay nothing")
    *MONEY_AND_DATA_LOOKALIKES,
    # look-alikes of the generalised families
    # second round: look-alikes of the further families
    # third round: look-alikes (refusals, the client paying, CrowdWorks' own flows, the work's subject)
    ('報酬の出金はクラウドワークスのマイページから行えます。', 'client', 'before_contract'),
    ('出金時の振込手数料はクラウドワークスの規定どおりです。', 'client', 'before_contract'),
    ('仮払いの入金を確認しましたので、作業を開始してください。', 'client', 'before_contract'),
    ('本日こちらから仮払いの入金をいたしました。', 'client', 'before_contract'),
    ('次のタスクは来週解放予定です。入金などは一切不要です。', 'client', 'before_contract'),
    ('報酬は検収後、登録口座へ入金されます。', 'client', 'before_contract'),
    ('出金に手数料はかかりません。', 'client', 'before_contract'),
    ('タスク解放のために入金を求められても、絶対に応じないでください。', 'client', 'before_contract'),
    ('「出金には手数料が必要」と言われたら詐欺です。', 'client', 'before_contract'),
    ('出金には手数料が必要なんですか？', 'worker', 'before_contract'),
    ('入金確認後、すぐに作業を開始していただけます。', 'client', 'before_contract'),
    ('次のタスクに進む前に、前回の修正をお願いします。', 'client', 'before_contract'),
    ('記事を多く書くほど単価がアップします。', 'client', 'before_contract'),
    ('たくさん納品するほど評価が上がります。', 'client', 'before_contract'),
    ('The more you write, the more you earn.', 'client', 'before_contract'),
    ('キーワードを多く入れるほど良いわけではありません。', 'client', 'before_contract'),
    ('保証金等は一切いただいておりません。', 'client', 'before_contract'),
    ('PayPayへのチャージ方法を解説するマニュアルを作ってください。', 'client', 'before_contract'),
    ('交通系ICカードのチャージ機能について記事をお願いします。', 'client', 'before_contract'),
    ('敷金・保証金の相場についての記事です。', 'client', 'before_contract'),
    ('報酬はPayPayで送金いたします。', 'client', 'before_contract'),
    ('PayPayで送金をお願いすることはありません。', 'client', 'before_contract'),
    ('アンケート回答者にはAmazonギフト券500円分をお送りします。', 'client', 'before_contract'),
    ('Amazonギフト券プレゼントキャンペーンのバナーを作ってください。', 'client', 'before_contract'),
    ('PayPayのチャージ方法を紹介する記事をお願いします。', 'client', 'before_contract'),
    ('We will send your payment via PayPal after approval.', 'client', 'before_contract'),
    ('Never buy gift cards for anyone who asks.', 'client', 'before_contract'),
    ('報酬は仮想通貨ではなくクラウドワークス経由でお支払いします。', 'client', 'before_contract'),
    ('商品はこちらで購入してお送りします。', 'client', 'before_contract'),
    ('ご自身で購入された商品のレビューでも構いません。', 'client', 'before_contract'),
    ('購入費用は弊社が立て替えますのでご安心ください。', 'client', 'before_contract'),
    ('立て替えは発生しません。', 'client', 'before_contract'),
    ('オンライン講座（全8回）の受講生向けテキストを作成してください。', 'client', 'before_contract'),
    ('セミナー（参加費無料）の告知文を作ってください。', 'client', 'before_contract'),
    ('研修（時給1,200円）に参加していただきます。', 'client', 'before_contract'),
    ('報酬はご本人名義の口座にお振込みします。', 'client', 'before_contract'),
    ('You need to pay nothing to start.', 'client', 'before_contract'),
    ('There is no activation fee.', 'client', 'before_contract'),
    ('We never ask for a deposit to unlock anything.', 'client', 'before_contract'),
    ("You don't have to pay anything to join.", 'client', 'before_contract'),
    ('The activation fee is covered by us.', 'client', 'before_contract'),
    ('Write a post explaining how "activation fee" scams work.', 'client', 'before_contract'),
    ('費用は一切いただきません。', 'client', 'before_contract'),
    ('登録料・保証金などは一切かかりません。', 'client', 'before_contract'),
    ('お金を払う必要は一切ありません。', 'client', 'before_contract'),
    ('初期費用0円でスタートできます。', 'client', 'before_contract'),
    ('当社が費用を請求することはありません。', 'client', 'before_contract'),
    ('ビットコインの購入方法を解説する記事をお願いします。', 'client', 'before_contract'),
    ('仮想通貨を購入する必要はありません。', 'client', 'before_contract'),
    ('あとで返ってくるので実質0円、という勧誘には注意してください。', 'client', 'before_contract'),
    ("Once the client's escrow deposit is made, your payment will be released.", 'client', 'before_contract'),
    ('We never ask you to deposit money to unlock tasks.', 'client', 'before_contract'),
    ('交通費は後日精算しますので実質ご負担はありません。', 'client', 'before_contract'),
    ('検収が完了しました。報酬は月末にクラウドワークスから入金されます。', 'client', 'contracted'),
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
    # third session look-alikes: nothing paid, the worker's own account asked as a form, a count of work
    ('Registration costs 0 USD, there is nothing to pay.', 'client', 'before_contract'),
    ('報酬の振込先（銀行名・支店名・口座種別）はクラウドワークスに登録してください。', 'client', 'before_contract'),
    ('報酬は作業量に応じて変わります。', 'client', 'before_contract'),
    ('The fee depends on your word count.', 'client', 'before_contract'),
    # a list of scam tricks under a heading that names them: the work's subject
    ('記事で扱う手口は次のとおりです。\n・登録料や保証金の前払い\n・マニュアル代の請求', 'client', 'before_contract'),
    ('FAQを10問お願いします。よくある勧誘として「登録料3,000円をお振り込みください」を引用してください。', 'client', 'before_contract'),
]


class TestSharedChecks(DetectorChecks):
    detector = DETECTOR
    positive = POSITIVE
    negative = NEGATIVE


def test_the_rules_treated_apart_are_named_by_their_fields():
    assert [r.id for r in RULES if r.names_a_fee] == ["fee_noun", "advance_by_worker"]
    assert [r.id for r in RULES if r.needs_purchase] == ["instalment_offer", "advance_by_worker"]
    assert [r.id for r in RULES if r.reimbursed] == ["own_name_purchase", "advance_asked", "advance_by_worker"]
    assert {r.id for r in RULES if r.needs_condition} == {
        "money_in_for_a_condition", "amount_first_for_a_condition", "fee_for_a_condition",
        "english_money_in_verb_for_a_condition", "english_send_money_to_unlock", "english_share_paid_to_unlock", "paid_upgrade_for_a_condition",
        "amount_after_what_it_unlocks",
    }


def test_its_vocabulary_groups_have_a_reason_and_words():
    for lang, name in (("ja", "money"), ("en", "money"), ("common", "payment_apps")):
        for key in vocab.groups(lang, name):
            assert vocab.words(lang, name, key), (lang, name, key)


def test_an_instalment_offer_counts_only_for_what_the_worker_buys():
    assert found(DETECTOR, "教材代は分割払いも可能です。")
    assert not found(DETECTOR, "報酬の分割払いも可能です。")
