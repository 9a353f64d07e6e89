"""upfront_payment: the worker is asked to pay money.

On CrowdWorks the client pays, through escrow; a job that costs the worker money first (a
registration fee, a manual, a "support fee", a paid membership) is how the classic side-job
scams start. Shapes:

1. a fee noun, often with an amount: 初期費用3万円, 登録料5,000円, マニュアル代, サポート費用;
2. a request that the reader pay: 「お振込みください」「お振込みいただければ」「ご購入いただき」;
3. an amount the reader must bear: 「月額980円の会員登録が必要」「3,000円がかかります」;
4. the money step of a task or investment scam: money put in (入金, チャージ, 先払い, deposit,
   top up) with an amount, a request, or in a sentence that names what it unlocks (「次のタスク解放に
   3万円チャージ」「出金には手数料が必要」「Lv2は入金額の1.3倍」「pay the activation fee to unlock」),
   and "pay in more, earn more" (「多く入金するほど報酬率UP」);
5. goods, crypto or courses bought in the worker's name or with the worker's money (「ご自身名義で
   購入」「立て替えお願いします」「USDTを購入」「講座(49,800円)を受講」), gift cards and payment apps
   (「Apple Gift Card 2万円分をご購入の上、コードを」「PayPayで送って」), the client's own account
   given to pay into (「振込先 みらい銀行…」).

Not a request: a topic (「『飲食店開業にかかる初期費用の目安』の記事」「賃貸の初期費用の内訳」),
the client paying (「初期費用は弊社が負担します」「報酬をお振込みいたします」), a fee that is
zero or refused (「登録料は無料です」「費用はかかりません」「You need to pay nothing」「初期費用0円」),
the worker's own words, the worker's own costs that ordinary work has (交通費, 通信費), the client's
own escrow (「仮払いの入金を確認しました」), CrowdWorks' own withdrawal (「クラウドワークスから出金する
ときの手数料」), a phrase reported or warned about (「…と言われたら詐欺です」), and a writing brief that
quotes a scam's lines (`about_the_work`: 「よくある誘い文句として『登録料5,000円をお振込みください』を
引用」).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ..lang import vocab
from ._cues import (
    AMOUNT,
    PAYMENT_APP,
    PLATFORM,
    RuleDetector,
    about_the_work,
    clause,
    enclosing_quote,
    has_latin_letters,
    job_topic,
    occurs_in_message,
    refused_around,
    reported,
    sentence,
    span_of,
)

# Vocabulary: lang/ja/money.json, lang/en/money.json, lang/common/payment_apps.json.
_FEE = f"(?:{vocab.words('ja', 'money', 'fee_nouns')})"
_PAY_REQUEST = (
    r"(?:(?:送金|入金)\s?(?:を)?\s?(?:お願い|おねがい)|"
    r"(?:お振込|お振り込|振り込ん|振込ん|ご入金|入金し|入金を|送金し|送金を|お支払い|支払っ|払い込|お納め|"
    r"ご購入|購入し|購入を|ご購入を|お買い求め|決済し|決済を|ご負担)(?:み)?\s?"
    r"(?:ください|下さい|くださ|いただ(?!いた(?:お客|方|商品|ユーザー|顧客|皆))|頂(?!いた)|を?お願い|を?おねがい|願|が必要|する必要|"
    r"して(?:ください|いただ|下さ)|ていただ|次第|"
    # the て-form asks too: 「振り込んでください」「入金してください」「送金して」 (tr5-0113, tr6-002)
    r"(?:て|で)\s?(?:ください|下さい|くださ|もらえ|もらい|ほしい|欲しい|ね(?=\s?(?:[。!?\n]|$))|(?=\s?(?:[。!?\n]|$)))|"
    # a deadline on the payment: 「明日の正午までにお振込みの確認ができない場合は」 (tr11-005)
    r"の?\s?確認\s?(?:が)?\s?(?:できない|できなければ|とれない|取れない|できません)))"
)
_BEAR = (
    r"(?:が必要|がかかり|がかかる|かかります|が発生|のご負担|をご負担|ご負担いただ|をお支払いいただ|をお支払いください|"
    r"をお振込|お振込|を振り込|をご入金|の(?:会員)?登録が必要|への登録が必要|のお支払いが必要|をご用意|を(?:ご)?準備|"
    # a subscription the reader moves onto: 「そのあと有料プラン（月額9,800円）に移行します」
    r"(?:に|へ)\s?(?:自動(?:で|的に)?)?\s?(?:移行|切り替|切替|更新|加入)|(?:が|の)?(?:自動)?(?:課金|引き落とし))"
)
# A payment app or a gift card by name.
_PAYMENT_APP = rf"(?:{PAYMENT_APP}|(?:{vocab.words('common', 'payment_apps', 'gift_card_brands')})\s?ギフト(?:券|カード)?)"
# English: a fee the worker pays (「there is a registration fee of $30」).
_EN_FEE = (
    rf"(?:{vocab.words('en', 'money', 'fee_kinds')})\s(?:{vocab.words('en', 'money', 'fee_nouns')})"
    # the fee's kind after its amount, the word fee left out (「pay $45 activation」, tr199)
    rf"|(?<=(?:[$¥€£]\s?\d[\d,.]{{0,8}}|\d[\d,.]{{0,8}}\s?(?:usd|usdt|yen|jpy|dollars?))\s)(?:{vocab.words('en', 'money', 'fee_kinds')})(?!\s(?:code|link|email|key))"
    # ...or after "for" (「need $50 for account activation on our task portal」, round 22)
    rf"|(?<=(?:[$¥€£]\s?\d[\d,.]{{0,8}}|\d[\d,.]{{0,8}}\s?(?:usd|usdt|yen|jpy|dollars?))\sfor\s(?:the\s|your\s|ur\s)?(?:account\s|acct\s)?)"
    rf"(?:{vocab.words('en', 'money', 'fee_kinds')})(?!\s(?:code|link|email|key))"
)

# --- the money step of task and investment scams (tr6–tr10, tr2, tr3) ---------------------------
# The worker puts money in: 入金, チャージ, 先払い, デポジット (lang/ja/money.json money_in_words),
# optionally after an amount or the fee it pays (「3万円のチャージ」「手数料20%を先に入金」
# 「手数料6,000円の先払い」).
_MONEY_IN = f"(?:{vocab.words('ja', 'money', 'money_in_words')})"
# Paying in stated as the task's scheme (「入金制です」「前払い型です」「Lv3からは立替制」), not a kind of
# product (「前払い型の電子マネー」).
_SCHEME = r"(?:制|型(?!\s?の))"
_MONEY_IN_PHRASE = (
    rf"(?:(?:{AMOUNT}|(?:手数料|保証金|保証として|最低)\s?(?:{AMOUNT}|\d{{1,3}}(?:\.\d)?\s?%)?)\s?(?:の|を|分の?|分)?\s?|最低\s?)?"
    rf"(?:先に|まず|最初に|事前に|先行して)?\s?{_MONEY_IN}(?:額|金額)?"
)
# What is held back until the worker pays in: a withdrawal, the next task, a level (「出金には」
# 「次のタスク解放に」「Lv2は」), read in the sentence of a bare 「入金」.
# What a side job sells the worker before the work, and the releases a task scam sells (lang/ja/money.json).
_PRICED_ITEM = vocab.words("ja", "money", "priced_items")
_UNLOCK_ACT = vocab.words("ja", "money", "unlock_acts")
_UNLOCK = compile_pattern(
    rf"{vocab.words('ja', 'money', 'unlock_conditions')}|"
    rf"(?<![a-z])(?:{vocab.words('en', 'money', 'unlock_conditions')})(?![a-z])"
)
# The client's own money in (「3万円入金しました」「入金を確認しました」), not the worker's.
_CLIENT_OWN_IN = compile_pattern(vocab.words("ja", "money", "client_own_money_in"))
# The money-in is the client's: said of itself, of the escrow, or of the worker's pay
# (「こちらで入金」「仮払い（入金）」「報酬5,000円の入金は月末」).
_CLIENT_SIDE_BEFORE = compile_pattern(
    r"(?:弊社|当社|こちら|私|当方|クライアント|発注者)\s?(?:で|から|より|が|の|側で?)|仮払い|エスクロー|"
    r"(?:報酬|売上|給与|給料|ギャラ|謝礼|お支払い|振込)\s?(?:の|は|を|が)?\s?(?:[\d,.万円]{0,10})?\s?(?:の|を|が)?\s?$"
)
# English amounts: 「$30」「150 USDT」「15,000 JPY」「¥30,000」「0.01 BTC」.
_EN_UNITS = vocab.words("en", "money", "currency_units")
_EN_AMOUNT = (
    rf"(?:[$¥€£]\s?\d[\d,]{{0,12}}(?:\.\d{{1,8}})?(?:\s?(?:k|{_EN_UNITS})(?![a-z]))?"
    rf"|\d[\d,]{{0,12}}(?:\.\d{{1,8}})?\s?(?:k\s?)?(?:{_EN_UNITS})(?![a-z]))"
)
_EN_MONEY_IN = f"(?:{vocab.words('en', 'money', 'money_in_verbs')})"
# A paid course with its price, joined (「専用講座(49,800円)を受講」「オンラインスクール（198,000円）にご入会」).
_COURSE = f"(?:{vocab.words('ja', 'money', 'course_nouns')})"
_COURSE_JOIN = f"(?:{vocab.words('ja', 'money', 'course_joins')})"
# A gift card by brand (「Amazonギフトカード」「Apple Gift Card」「iTunesコード」).
_GIFT_CARD = (
    rf"(?:(?<![a-z])(?:{vocab.words('common', 'payment_apps', 'gift_card_brands')}))\s?"
    rf"(?:{vocab.words('common', 'payment_apps', 'gift_card_nouns')})|"
    rf"(?<![a-z])(?:{vocab.words('common', 'payment_apps', 'prepaid_card_names')})"
)


@dataclass(frozen=True, slots=True)
class PaymentRule(Rule):
    """A rule of this detector, with what its context check needs to know about it."""
    # The span is a fee noun (「初期費用」): followed by 「の目安」「とは」 it is a topic, not a fee.
    names_a_fee: bool = False
    # A way to spread a payment (「分割払いもOK」): offered only when the worker is the one paying,
    # so it counts only in a message that names a purchase, a course or a fee (`_WORKER_BUYS`).
    needs_purchase: bool = False
    # A bare money-in word (「入金」「make a deposit」): the worker's only when its sentence names
    # what it unlocks (「出金には」「次のタスク解放に」「to withdraw」, `_UNLOCK`).
    needs_condition: bool = False
    # Money put in (入金, チャージ, deposit): not the client's own escrow or the worker's pay coming
    # in (「3万円入金しました」「仮払い（入金）」「報酬の入金」).
    money_in: bool = False
    # A bare English verb (「top up」「deposit」): the worker's only when the sentence speaks to the
    # worker (you, your) or the verb opens a clause as an order (「Recharge to withdraw」).
    needs_address: bool = False
    # The worker advances money to be paid back (立て替え, a purchase in the worker's name): the
    # promise to pay it back (「後日全額お振込みします」) is the scam's tell, not the client paying.
    reimbursed: bool = False
    # The match itself says the money goes in before anything else (「手数料…先に必要」): a cost the
    # worker usually bears (振込手数料, deducted from the pay) is then paid first, not deducted.
    paid_first: bool = False
    # The rule's own words hold a negation that is not a refusal (「no fee no job」): the polarity
    # reader masks them (`_cues.declined`).
    negative_by_itself: bool = False


# A fee and its amount, in English; the platform's own fee is not one (english_fee_stated).
_EN_FEE_WITH_AMOUNT = (r"(?:[a-z-]{1,15}\s){0,2}?(?<!crowdworks |platform |system |service |cw )(?:fee|deposit)\s?(?:of\s)?"
                       + _EN_AMOUNT)
RULES: tuple[PaymentRule, ...] = (
    PaymentRule(
        id="fee_noun",
        pattern=rf"(?P<s>{_FEE}(?:\s?(?:として|は|が|の|:|：)?\s?(?:初回のみ|初回|月額|年額|一括|税込|毎月)?\s?[(（]?{AMOUNT}[)）]?)?)",
        examples=("研修サイトのご利用には登録料5,000円が必要です。",),
        counter_examples=(
            "入会金は弊社が全額負担いたします。",
            "『副業にかかる初期費用の相場』という記事を書いてください。",
            "登録料はいただいておりません。",
            "その２件は旧事務所の敷金（差入保証金）の返還です。差入保証金の減少で処理してください",
        ),
        reason="a fee the worker pays (dev-062, dev-065, dev-052)",
        names_a_fee=True,
    ),
    PaymentRule(
        id="paid_membership_amount",
        pattern=rf"(?P<s>(?:{vocab.words('ja', 'money', 'billing_words')})"
        rf"[^。!?\n]{{0,10}}?{AMOUNT}[)）]?[^。!?\n]{{0,10}}?{_BEAR})",
        examples=("なお、作業にはプレミアム会員（月額980円）への登録が必要です。",),
        counter_examples=(
            "プレミアム会員（月額980円）への登録は不要です。",
            "プレミアム会員（月額980円）への登録費用は弊社が負担します。",
        ),
        reason="a paid membership or fee as a condition (dev-064 m3)",
    ),
    PaymentRule(
        id="amount_the_reader_bears",
        pattern=rf"(?P<s>{AMOUNT}[)）]?\s?(?:の|を|が)?\s?(?:費用|料金|お金|代金)?\s?{_BEAR})",
        examples=("作業開始にあたり、3,000円がかかります。",),
        counter_examples=(
            "作業に必要なソフト代3,000円がかかりますが、弊社が負担します。",
            "3,000円の交通費がかかりますが、別途お支払いします。",
        ),
        reason="an amount the reader must bear",
    ),
    PaymentRule(
        id="buy_manual_or_tool",
        pattern=rf"(?P<s>(?:{vocab.words('ja', 'money', 'bought_materials')})"
        rf"(?:\s?[(（][^)）\n]{{0,16}}[)）]|\s?{AMOUNT})?\s?(?:を|の|は)?\s?(?:各自(?:で)?\s?)?(?:ご?購入|お買い求め)"
        # its price in brackets right after it, offered (「作業マニュアル(2,980円)をご案内してます」, tr194)
        rf"|(?:{vocab.words('ja', 'money', 'bought_materials')})\s?[(（]\s?{AMOUNT}\s?[)）]\s?(?:を|の)?\s?(?:ご案内|ご用意|ご紹介))",
        examples=(
            "まずは専用マニュアル（29,800円）をご購入いただき、その手順どおりに作業していただきます。",
            "作業は専用ツールで。ライセンス8,000円は各自購入です",
            "追加してくれた方にだけ作業マニュアル(2,980円)をご案内してます",
        ),
        counter_examples=(
            "マニュアルの購入は不要です。",
            "教材をご購入いただく必要はございません。",
        ),
        reason="buying the manual, tool or licence the job needs, also 「各自購入」 (dev-052 m1, tr30 family)",
    ),
    PaymentRule(
        id="work_first_for_buyers",
        pattern=r"(?P<s>(?:ご?購入|ご?入会|ご?受講|ご?入金|課金|お支払い)\s?(?:者|された方|いただいた方|済みの方|済の方|した方)(?:様)?\s?(?:から|を|に|が|は)?\s?"
        r"優先[^。!?\n]{0,12}?(?:お仕事|仕事|案件|タスク|ご依頼|依頼))",
        examples=("購入は任意ですが、購入者様から優先してお仕事を割り振っております。", "ご入会いただいた方に優先的に案件をご紹介しています"),
        counter_examples=("ご購入者様からのお問い合わせを優先して対応するお仕事です。",),
        reason="buying or paying in said to bring the work first: the purchase made the condition of getting jobs (tr175)",
    ),
    PaymentRule(
        id="join_paid_plan",
        pattern=rf"(?P<s>(?:{vocab.words('ja', 'money', 'paid_tiers')})\s?(?:{vocab.words('ja', 'money', 'plan_nouns')})"
        r"(?:\s?[(（][^)）\n]{0,16}[)）])?\s?(?:への|に|の|へ)?\s?(?:自動)?\s?[ごお]?(?:加入|登録|契約|入会|購入|申し?込|アップグレード|"
        r"移行|切り替|切替))",
        examples=("作業用アプリの有料プランへのご加入が必要です（月額1,500円）。",),
        counter_examples=(
            "有料プランへの加入は不要です。",
            "有料会員への登録は必要ありません。",
        ),
        reason="a paid plan or membership the worker must join",
    ),
    PaymentRule(
        id="pay_request",
        pattern=rf"(?P<s>{_PAY_REQUEST})",
        examples=("本日中にお振込みいただければ、明日からお仕事を開始できます。",),
        counter_examples=(
            "報酬は納品の翌月末にお振込みいたします。",
            "お振込みいただく必要は一切ありません。",
        ),
        reason="asking the reader to pay (dev-062 m4, dev-052 m3)",
    ),
    # A way to spread what the worker pays (「一括が厳しければPaidyの後払いも使えます」).
    PaymentRule(
        id="instalment_offer",
        pattern=rf"(?P<s>(?:{vocab.words('ja', 'money', 'instalment_means')})\s?(?:の\s?後払い)?\s?"
        r"(?:も|で|を|が|に)?\s?(?:使え|利用でき|ご利用いただけ|ご利用可能|可能|対応|ok|オッケー|お支払いいただけ|お支払い可能|組め|選べ))",
        examples=("受講料は一括でなくても、分割払いもご利用いただけます。",),
        counter_examples=(
            "報酬の分割払いも可能です。",
            "報酬のお支払いは後払いにも対応しています。",
        ),
        reason="an instalment or buy-now-pay-later offer for what the worker pays",
        needs_purchase=True,
    ),
    # English: a fee the worker pays, or a request to pay or buy.
    PaymentRule(
        id="english_fee_noun",
        pattern=rf"(?P<s>(?<![a-z]){_EN_FEE}(?![a-z]))",
        examples=("To start, there is a registration fee of $30.", "register there and pay $45 activation first",
                  "also need $50 for account activation on our task portal, refunded w/ first payout"),
        counter_examples=(
            "The registration fee is paid by us.",
            "There is no membership fee for this job.",
            "We pay $50 for the registration page design.",
        ),
        lang="en",
        reason="in English: a fee the worker pays",
    ),
    PaymentRule(
        id="english_pay_request",
        pattern=r"(?P<s>(?<![a-z])(?:you(?:'ll| will)? (?:need|have|must) to|you must)\s(?:first\s)?"
        r"(?:pay(?! attention| close| a visit)|buy|purchase|deposit|transfer|send (?:us |me )?(?:\$|usd|\d|the money|a payment))"
        r"(?:\s(?:a|an|the|our|my|this))?(?:\s[a-z$0-9.,]+){0,3}?)(?=[\s.,!?]|$)",
        examples=("Before you start, you need to pay for the starter kit.",),
        counter_examples=(
            "You will need to pay close attention to details.",
            "We will pay you $100 per article.",
            "You never need to pay anything to work with us.",
        ),
        lang="en",
        reason="in English: the worker asked to pay or buy",
    ),
    # --- the money step of task scams, stated as what the worker must put in (tr6–tr10) ---------
    PaymentRule(
        id="money_in_asked",
        pattern=rf"(?P<s>{_MONEY_IN_PHRASE})\s?(?:が|を|は|も)?\s?"
        rf"(?:必要|必須|条件|{_SCHEME}|お願い|おねがい|(?:し|され)?て(?:ください|下さい|くださ|いただ|頂|もらえ|もらい|ほしい|欲しい)|"
        r"いただ|頂|ください|下さい|(?:する|した|すれ|される)(?:と|ば|ほど)|しないと|しなければ|(?:が)?(?:ない|無い)(?:場合|と|なら)|"
        rf"なければ|次第|で\s?(?:{AMOUNT}|\d|解放|有効|出金|レベル|ランク|返金|戻|倍|アップ|up)|"
        # a minimum deposit: 「チャージ額は最低5,000円から」
        rf"(?:最低|最小)?\s?{AMOUNT}\s?(?:から|以上|〜|~)|"
        # what is put in said to come back (「ﾁｬｰｼﾞ分は全額戻ります」「入金した分は出金時にまとめて返金」)
        r"(?:した)?分\s?(?:は|も)?[^。!?\n]{0,10}?(?:戻|返|キャッシュバック))",
        examples=(
            "出金には手数料20%を先に入金してください。",
            "本日中に入金ない場合アカウント凍結です",
            "次のレベルは入金制です。",
            "コンボは前払い型です",
            "最低入金は0.01BTCから。入金すると毎日3%配当です",
            "ﾁｬｰｼﾞ分は全額戻ります＋ボーナス付き",
            "入金した分は出金時にまとめて返金されます",
        ),
        counter_examples=(
            "本日3万円入金しました。ご確認ください。",
            "入金は一切不要です。",
            "仮払い（入金）が完了しましたら作業を開始してください。",
            "誤って入金された分はクラウドワークスから返金されます。",
        ),
        reason="the money step of a task scam: the worker asked to pay in (tr6-002, tr9-003, tr3-0140)",
        money_in=True,
    ),
    PaymentRule(
        id="amount_money_in",
        pattern=rf"(?P<s>{AMOUNT}\s?(?:の|を|分の?|分)?\s?(?:先に|まず|最初に|事前に)?\s?"
        rf"(?:{_MONEY_IN}|{vocab.words('ja', 'money', 'put_in_after_amount')}))",
        examples=(
            "その前に次のタスク解放に3万円のチャージが必要です",
            "10万入金で13万返金🎁",
            "報酬受け取りの前にUSDTで500ドル分チャージが必要です。",
            "出金するには手数料6,000円の先払いが必要です。",
            "3万入れたら4.5万返ってきます",
        ),
        counter_examples=(
            "仮払いで3万円入金しました。",
            "報酬5,000円の入金は月末になります。",
            "明日こちらから5万円を入金いたします。",
        ),
        reason="an amount put in by the worker: 「3万円のチャージ」「10万入金」 (tr6-001, tr3-0071, tr3-0037)",
        money_in=True,
    ),
    PaymentRule(
        id="money_in_for_a_condition",
        pattern=rf"(?P<s>{_MONEY_IN_PHRASE})",
        examples=(
            "タスク報酬を出金するには、最初に5,000円の入金でアカウントを有効化していただきます。",
            "Lv2は入金額の1.3倍返金",
            "残高の引き出しは保証金のご入金後となります。",
        ),
        counter_examples=(
            "報酬の受け取りは、こちらの入金確認後になります。",
            "出金手数料はクラウドワークスの規定どおりです。",
            "通帳CSVの入金・出金を弥生に入力する作業です。",
        ),
        reason="a bare money-in word in a sentence that names what it unlocks (tr2-0001, tr6-003)",
        money_in=True,
        needs_condition=True,
    ),
    PaymentRule(
        id="amount_first_for_a_condition",
        # the sum said to come first, with no verb at all (「報酬引き出す前に先に2万円」): the terse
        # money step; not a threshold to reach (「先に5,000円以上たまってから」) or work worth a sum
        pattern=rf"(?P<s>(?:先に|まず|事前に|前もって)\s?(?>{AMOUNT}))(?!\s?(?:以上|分|相当|たま|貯ま|稼|の報酬|の作業|の案件|の仕事|を?お?支払|を?お?振り?込|を?送金))",
        examples=("報酬引き出す前に先に2万円", "次のタスク解放は先に5千円です", "出金の前にまず3万円お願いします"),
        counter_examples=("出金は先に5,000円以上たまってから申請できます", "先に1万円分の作業を終えてから次のタスクに進みます",
                          "先に2万円お支払いします。残りは納品後です"),
        reason="a sum said to come first, bare, in a sentence that names what it unlocks (tr326 family)",
        money_in=True,
        needs_condition=True,
    ),
    PaymentRule(
        id="amount_after_what_it_unlocks",
        # the sum right after the release it buys (「次はLv2。解放に3万」「ロック解除には5万円かかります」): a
        # threshold (「出金は3,000円から」「1万円以上で」) or the pay of the next task is no money step
        pattern=rf"(?:{_UNLOCK_ACT})\s?(?:する|させる)?\s?(?:に|には|のに|の前に|前に|のため(?:に|には)?|の為に?)\s?(?:は|も)?\s?"
        # (a fee named between: 「出金には解除コード代4,800円」, round 11)
        rf"(?:[^\s\d。、!?\n]{{1,8}}?(?:代|料|費)\s?)?(?:先に|まず|最初に)?\s?(?P<s>(?>{AMOUNT}))(?!\s?(?:以上|から|たま|貯ま|稼|分|まで|以下|未満|相当|の報酬|の案件|の仕事|の作業|の残高|"
        r"を?お?支払|を?お?振り?込|が入|が振り?込|を?受け?取|が?もらえ|が?貰え|が?出ます|が?支払われ))",
        examples=("次はLv2。解放に3万", "次のレベル解放に2万必要です", "ロック解除には5万円かかります", "出金には解除コード代4,800円"),
        counter_examples=("出金には1,000円以上の残高が必要です", "出金には3,000円から申請できます",
                          "次のタスクには5,000円の報酬がつきます"),
        reason="a sum right after the release it buys: the task scam's money step said as little (round 10, tr334 family)",
        money_in=True,
        needs_condition=True,
    ),
    PaymentRule(
        id="paid_then_released",
        # paying as the condition of a release (「払えば凍結すぐ解除されます」「入金したら出金できます」, round 11)
        pattern=r"(?P<s>(?:払え|支払え|払っ|支払っ|入金すれ|入金し|振り込め|振り込ん|振込すれ|チャージすれ|チャージし|送金すれ|送金し)(?:ば|たら|て(?:もらえ|いただけ|くれ)れば))"
        rf"(?=[^。!?\n]{{0,12}}?(?:{_UNLOCK_ACT}|解除|復活|元に戻|元通り))",
        examples=("払えば凍結すぐ解除されます", "5千円入金したら出金できます"),
        counter_examples=("仮払いが済めば、作業を開始します",),
        reason="paying as the condition of a release: the task scam's money step, no sum named (round 11)",
        money_in=True,
    ),
    PaymentRule(
        id="priced_item_first",
        # an item and its price said to come first, nothing after (「ｽﾀｰﾄｷｯﾄ9,800円だけ先に」, round 11)
        pattern=rf"(?P<s>(?:{_PRICED_ITEM})\s?(?:は|が|の)?\s?(?>{AMOUNT}))\s?(?:だけ|のみ)?\s?(?:を)?\s?(?:先に|先払い|前払い|事前に)"
        r"(?=\s?(?:お願い(?:します|いたします)?|ください|下さい|で)?\s?(?:[。!！\n]|\p{So}|$))",
        examples=("ｽﾀｰﾄｷｯﾄ9,800円だけ先に", "教材セット1.5万を先にお願いします"),
        counter_examples=("報酬5,000円だけ先にお支払いします", "ツール代2,000円は先に弊社で負担します。"),
        reason="an item and its price said to come first, nothing after (round 11)",
        money_in=True,
    ),
    PaymentRule(
        id="transfer_to_our_account_first",
        # the client's designated account (never 「ご指定の口座」, the worker's), a transfer into it checked
        # before anything is handed over or started (「弊社指定口座へのお振込みを確認後、作業マニュアルと初回
        # データをお渡しいたします」, tr222)
        pattern=r"(?P<s>(?<!ご)(?:弊社|当社|こちらの|こちら)?\s?指定(?:の)?\s?口座\s?(?:へ|に|まで)\s?(?:の)?\s?(?:お|ご)?"
        r"(?:振込|振り込|入金|送金)(?:み)?)(?=[^。!?\n]{0,12}?(?:確認|次第|完了|後))",
        examples=("弊社指定口座へのお振込みを確認後、マニュアルをお渡しします", "指定口座への入金が確認でき次第、作業開始となります"),
        counter_examples=("報酬はご指定の口座へお振込みいたします", "指定口座への振込は月末締め翌月払いです"),
        reason="a transfer into the client's account checked before the work starts or its materials come (tr222): "
               "the worker pays first",
    ),
    PaymentRule(
        id="transfer_checked_before_the_next_step",
        # any transfer checked before the worker gets the next step, no account named
        # (「お振込み確認後に研修日程をご案内いたします」): the worker pays first
        pattern=r"(?P<s>(?:お|ご)?(?:振込|振り込|入金|送金|支払い|支払)(?:み)?\s?(?:の|を|が)?\s?確認)"
        r"(?=\s?(?:後|でき次第|次第|が(?:でき|とれ|取れ)(?:次第|ましたら|たら)|(?:いたし|し|でき)(?:次第|ましたら|たら))"
        # (what the worker is handed, not the start of the work: 「入金確認後、すぐに作業を開始」 follows the escrow)
        r"[^。!?\n]{0,24}?(?:案内|渡し|送付|送り|研修|日程|マニュアル|アカウント|発行|発送|お知らせ))",
        examples=("お振込み確認後に研修日程をご案内いたします。", "ご入金の確認がとれ次第、マニュアルをお送りします"),
        counter_examples=("仮払いの入金を確認後、作業開始のご連絡をします", "報酬のお振込み確認後にご連絡ください",
                          "報酬の受け取りは、こちらの入金確認後になります。"),
        reason="a transfer checked before training, materials or the start are given (tr299 family; "
               "transfer_to_our_account_first without the account)",
        money_in=True,
    ),
    PaymentRule(
        id="fee_for_a_condition",
        pattern=rf"(?P<s>(?:手数料|費用|料金|お金|税金|税)(?:\s?(?:{AMOUNT}|\d{{1,3}}(?:\.\d)?\s?%))?)\s?(?:分)?(?:が|を|は|の|も)?\s?"
        r"(?:(?:先に|まず|事前に)?\s?(?:必要|必須|かかり|かかる|発生|先払い|前払い|お支払|支払|払え|払っ|払う|お振込|振込|振り込|入金|ご用意|用意|納め)"
        # or just said to come first (「出金するには手数料5千円を先に」, round 10)
        r"|(?:先に|事前に|前もって)\s?(?=[。!！\n]|$))",
        examples=("出金には手数料が必要です", "凍結を解除するには税金15%の支払いが必要です。", "税金分を先に払えば全額出金できます",
                  "出金するには手数料5千円を先に"),
        counter_examples=(
            "クラウドワークスから出金するときの手数料がかかります。",
            "出金に手数料はかかりません。",
        ),
        reason="a fee or tax in a sentence that names what it unlocks: 「出金には手数料が必要」 (tr9-001, tr6-002)",
        needs_condition=True,
    ),
    PaymentRule(
        id="paid_upgrade_for_a_condition",
        pattern=rf"(?P<s>(?:vip|プレミアム|上位|有料|ゴールド)?\s?(?:会員|プラン|ランク|レベル|アカウント)?\s?(?:へ|への|に)?\s?(?:の)?\s?"
        rf"(?:アップグレード|グレードアップ|ランクアップ|昇格))[^。!?\n]{{0,16}}?[(（]?\s?{AMOUNT}",
        examples=("残高を引き出すにはVIPへのアップグレードが必要です（3万円）", "出金はゴールド会員に昇格してから。昇格は1万円です"),
        counter_examples=("サーバーのプランをアップグレードする費用（月3,000円）は弊社で負担します。",),
        reason="a paid upgrade named with its price in a message about withdrawing or unlocking: the task scam's money step (ninth session round 1)",
        needs_condition=True,
    ),
    PaymentRule(
        id="tax_or_fee_paid_first",
        # or said to be needed first, before or after the fee (「振込手数料2980円 先に必要です」, tr323)
        pattern=r"(?P<s>(?:税金|所得税|住民税|税|手数料|保証金|費用)[^。!?\n]{0,16}?(?:(?:先に|事前に|前もって)\s?(?:お?振込|振り込|お?支払|払|入金|納付|納め|必要)|事前納付|前納)"
        r"|(?:先に|事前に|前もって)\s?[^。!?\n]{0,4}?(?:税金|手数料|保証金)[^。!?\n]{0,12}?(?:が|を)?\s?(?:必要|お?支払|お?振込|振り込|入金))",
        examples=("報酬18万の支払い準備OKです。ただ税金2万円を先に振込してもらう必要あります",
                  "所得税相当額20%(¥9,840)の事前納付が確認でき次第、着金となります",
                  "報酬48000円 出金準備できました。振込手数料2980円 先に必要です", "先に振込手数料2980円が必要です"),
        counter_examples=("振込手数料は弊社が負担します。", "消費税は報酬に含めて先にお支払いします。"),
        reason="a tax or fee to be paid before the pay arrives (tr27, tr79 families): the payout held for money sent first",
        paid_first=True,
    ),
    PaymentRule(
        id="cost_deducted_from_pay",
        pattern=rf"(?P<s>(?:{_FEE}|{vocab.words('ja', 'money', 'deducted_costs')})(?:\s?[^。!?\n]{{0,16}}?)"
        rf"{vocab.words('ja', 'money', 'deducted_from_pay')})",
        examples=("あと研修動画の受講費1万円、初回報酬から天引きします", "スペック足りなければ編集用PCは当社から購入で。PC代は報酬から天引き"),
        counter_examples=("振込手数料は報酬から差し引かれます。", "システム利用料は報酬から差し引かれます。",
                          "教材費は報酬から天引きしません。弊社負担です。"),
        reason="a fee or the client's equipment paid by the worker out of the pay (round 22): money the worker pays, taken instead of sent",
    ),
    PaymentRule(
        id="pay_in_more",
        pattern=rf"(?P<s>{vocab.words('ja', 'money', 'pay_in_more')})",
        examples=("次のレベルは、多く入金するほど報酬率がアップします。", "入金額が大きいほど報酬率UPです！", "チャージすればするほど利益が増えます"),
        counter_examples=("キーワードを多く入れるほど評価が上がるわけではありません。", "購入額が多いほど送料がお得になります。",
                          "キーワードを入れれば入れるほど順位が上がるわけではありません。"),
        reason="\"pay in more, earn more\" (tr9-003, tr3-0071, tr6-003)",
    ),
    PaymentRule(
        id="english_money_in",
        pattern=rf"(?P<s>(?<![a-z]){_EN_MONEY_IN}\s(?:of\s|with\s|just\s|only\s|at least\s|a minimum of\s|min(?:imum)?\.?\s|another\s|"
        # or the amount first, as a price list writes it (「VIP2 = 300 USDT top up」)
        rf"(?:an?|the|your)\s)?{_EN_AMOUNT}|{_EN_AMOUNT}\s(?:top[- ]?up|recharge|deposit)(?![a-z]))",
        examples=(
            "To move to VIP level you need to top up 300 USDT.",
            "VIP2 = 300 USDT top up. higher VIP higher commission",
            "To unlock your commission you need to recharge 150 USDT first.",
            "Task 3 needs a deposit of ¥30,000, you get ¥39,000 back after completing",
        ),
        counter_examples=(
            "We will deposit $500 to your account after delivery.",
            "No top up of 100 USDT is needed.",
            "No 100 USDT deposit is needed.",
        ),
        lang="en",
        reason="in English: an amount the worker tops up or deposits (tr2-0003, tr3-0021, tr3-0181)",
        money_in=True,
    ),
    PaymentRule(
        id="english_money_in_verb_for_a_condition",
        pattern=r"(?P<s>(?<![a-z])(?:top[- ]?up|recharge|re-charge|deposit|prepay|pre-pay)(?![a-z]))",
        examples=(
            "VIP members get 30% commission on every order after you top up.", "lvl 3 gets 30%, deposit to upgrade",
            "Finish 3 orders and withdraw. Top-up is required to start.",
            "You must make a deposit to withdraw your earnings.",
            "if balance goes negative just deposit USDT to unlock next set",
        ),
        counter_examples=(
            "Once the client's escrow deposit is made, your payment will be released.",
            "We never ask you to deposit money to unlock tasks.",
            "Payment is released after the deposit is confirmed.",
            "No deposit is required.",
            "A top-up is not required.",
            "We will make a payment to you after delivery.",
            "Please make a deposit slip template in Excel.",
        ),
        lang="en",
        reason="in English: a bare top-up or deposit in a sentence that names what it unlocks (tr13-003, tr2-0003)",
        money_in=True,
        needs_condition=True,
        needs_address=True,
    ),
    PaymentRule(
        id="english_send_money_to_unlock",
        pattern=rf"(?P<s>(?<![a-z])(?:send|transfer|wire|pay)\s(?:us\s|me\s)?{_EN_AMOUNT})",
        examples=(
            "Before your next set of orders can be released please send 150 USDT (TRC20) to the wallet below.",
            "withdrawal locked until lvl 2. pay 80 USDT to unlock",
        ),
        counter_examples=("We pay 150 USDT per article.", "I will send 150 USDT to your wallet."),
        lang="en",
        reason="in English: an amount the worker sends, in a sentence that names what it unlocks (tr2-0007)",
        money_in=True,
        needs_condition=True,
    ),
    PaymentRule(
        id="overpayment_sent_back",
        # asked of the reader (「can you refund the extra」「pls send back the difference」), not the platform's refund
        pattern=r"(?P<s>(?<![a-z])(?:(?:can|could|would) (?:you|u)|please|pls|plz|kindly|just)\s(?:[a-z]+\s)?"
        r"(?:refund|send back|return|transfer back|pay back|give back)\s(?:me\s|us\s)?(?:the\s)?(?:extra|difference|excess|overpaid|overpayment|surplus)(?![a-z])"
        r"|(?:差額|多く(?:振り?込|入金|支払|払)[^。!?\n]{0,6}?分|過払い分?|余分)\s?(?:の\s?[^。!?\n]{0,10}?)?(?:を|は)?\s?(?:ご?返金|返して|戻して|お?振り?込み?(?:返|直)|送り返))",
        examples=("can you refund the extra ¥72,000 back to me? fastest is Wise", "多く振り込んでしまった分の差額を返金してください"),
        counter_examples=("If you were overcharged, CrowdWorks will refund the difference.",),
        reason="the overpayment scam: the client 'paid too much' and asks the worker to send the extra back (tr169, h14 brief)",
    ),
    PaymentRule(
        id="english_paid_back_with_the_pay",
        # an amount promised back with the first pay: the worker pays it first
        # (「work kit (software licence + headset) $79, refunded with first salary」, tr300)
        pattern=rf"(?P<s>{_EN_AMOUNT}[^.!?\n]{{0,30}}?(?<![a-z])(?:refunded|reimbursed|paid\sback|returned)\s(?:with|in|from|on|after)\s"
        r"(?:your\s|the\s)?(?:first\s)?(?:salary|pay|paycheck|payout|payment|commission|earnings)(?![a-z])"
        # or said to come back once some tasks are done (「only ¥5,000, u get it back after 3 tasks」, round 19)
        rf"|{_EN_AMOUNT}[^.!?\n]{{0,30}}?(?<![a-z])(?:you|u)(?:'ll| will)?\s(?:get|receive)\s(?:it|this|that|them|the money|everything|all)\s?"
        r"(?:all\s)?back\s(?:after|with|once|when|in)(?![a-z]))",
        examples=("Before day 1 you need our work kit (software licence + headset) $79, refunded with first salary.",
                  "The $50 deposit is reimbursed in your first payout.", "only ¥5,000, u get it back after 3 tasks"),
        counter_examples=("The $200 escrow is refunded to the client if you decline.",),
        lang="en",
        reason="in English, an amount promised back with the first pay (tr300 family): money the worker puts in first",
    ),
    PaymentRule(
        id="english_pay_the_fee",
        pattern=rf"(?P<s>(?<![a-z])pay(?:ing)?\s(?:a|an|the|your|this|that)?\s?(?:{_EN_AMOUNT}\s)?"
        r"(?:one-time\s|small\s|refundable\s|required\s)?(?:[a-z-]{1,15}\s){0,2}?"
        r"(?:fee|fees|deposit|registration|membership|charge|tax|taxes|fine))(?![a-z])",
        examples=(
            "withdrawal locked until lvl 2. pay the activaton fee 80 USDT to unlock",
            "Pay the $30 registration today and you can start.",
            "Your account will be unlocked after you pay a 15,000 JPY unlock fee.",
        ),
        counter_examples=("We pay the registration fee for you.", "You don't have to pay any fee."),
        lang="en",
        reason="in English: paying a fee, a deposit or a registration (tr9-014, tr2-0132, tr5-0077)",
    ),
    PaymentRule(
        id="english_share_paid_to_unlock",
        # a share of the balance as the price of a withdrawal (「To withdraw, pay 10% tax first」, round 19)
        pattern=r"(?P<s>(?<![a-z])pay(?:ing)?\s(?:a\s|the\s)?\d{1,2}(?:\.\d)?\s?%\s(?:[a-z-]{1,15}\s)?(?:fee|fees|tax|taxes|charge|deposit|commission)(?![a-z])"
        # or needed, paid first (「withdraw needs 20% tax paid first」, round 27)
        r"|(?<![a-z])(?:needs?|requires?|required)\s(?:a\s|the\s)?\d{1,2}(?:\.\d)?\s?%\s(?:[a-z-]{1,15}\s)?(?:fee|fees|tax|taxes|charge|deposit|commission)"
        r"\s(?:paid\s|to be paid\s)?(?:first|upfront|up front|in advance|before)(?![a-z]))",
        examples=("To withdraw, pay 10% tax first", "pay a 15% fee to unlock your balance",
                  "withdraw needs 20% tax paid first"),
        counter_examples=("you pay 10% tax on your income in Japan", "CrowdWorks charges a 20% fee on each contract.",
                          "the withdrawal requires 10% tax per Japanese law, explained in the article"),
        lang="en",
        reason="in English, a percentage paid as a fee or tax in a sentence that names what it unlocks (round 19)",
        needs_condition=True,
    ),
    PaymentRule(
        id="english_fee_stated",
        # a fee said to exist, with its amount, the payer left unsaid (「There is a small onboarding kit fee ¥4,980」,
        # tr230); the platform's own fee is not one
        pattern=r"(?P<s>(?<![a-z])(?:there is|there's|there will be|it's|it is|with|plus|includes?|including)\s(?:a|an|one)?\s?"
        r"(?:small\s|one-time\s|tiny\s|refundable\s|required\s|mandatory\s)?"
        + _EN_FEE_WITH_AMOUNT
        # or said to come first, in a few words (「license fee 4,800 yen first」, round 18)
        + r"|(?<![a-z])" + _EN_FEE_WITH_AMOUNT
        + r"\s(?:first|upfront|up front|in advance|to start|before you start|before starting)(?![a-z])"
        # or a kind of fee said to be an amount (「activation deposit is 5,000 yen」, round 27)
        + rf"|(?<![a-z])(?:{vocab.words('en', 'money', 'fee_kinds')})\s(?:fee|deposit)\s?(?:is|=|:)\s?{_EN_AMOUNT})",
        examples=("There is a small onboarding kit fee ¥4,980 (templates + LUTs).", "it's a one-time activation fee of $50",
                  "license fee 4,800 yen first. refunded w/ your reward",
                  "activation deposit is 5,000 yen, refunded with your 1st payout"),
        counter_examples=("There is no fee to join.", "There is a platform fee of ¥500 that CrowdWorks deducts from the pay.",
                          "There's a delivery fee of ¥800 that we pay for you.",
                          "Our app's registration fee is $5 for end users; please write the pricing FAQ."),
        lang="en",
        reason="in English: a fee said to exist, with its amount (tr230): the worker is the one who would pay it",
    ),
    PaymentRule(
        id="english_no_pay_no_work",
        # the payment as the condition, said as a slogan: 「no fee no job」「no deposit, no withdrawal」「no top up = no tasks」
        pattern=r"(?P<s>(?<![a-z])no\s(?:fee|fees|deposit|top[- ]?up|recharge|payment|prepayment|registration|activation)\s?[,=→\-]?\s?"
        r"(?:>\s?)?no\s(?:job|jobs|task|tasks|work|orders?|withdrawals?|withdraw|cash ?out|commission|payout|pay|start)(?![a-z]))",
        examples=("no fee no job", "no deposit, no withdrawal 🙏", "sorry no top up = no tasks"),
        counter_examples=("no fees, no hassle, escrow through CrowdWorks", "no experience no problem"),
        lang="en",
        reason="in English: paying in stated as the condition for the work or the pay, as a slogan (round 28)",
        paid_first=True,
        negative_by_itself=True,
    ),
    PaymentRule(
        id="english_pay_in_more",
        pattern=rf"(?P<s>(?<![a-z])(?:{vocab.words('en', 'money', 'pay_in_more')}))",
        examples=("The more you deposit the more you earn.", "higher deposit = higher commission 💰"),
        counter_examples=("The more you write, the more you improve.",),
        lang="en",
        reason="in English: \"pay in more, earn more\" (tr2-0003, tr3-0021)",
    ),
    # --- goods and courses bought by the worker ------------------------------------------------
    PaymentRule(
        id="buy_crypto",
        pattern=rf"(?P<s>(?:{vocab.words('ja', 'money', 'crypto_names')})\s?(?:を|で)?\s?(?:{AMOUNT}\s?分?\s?(?:を|の)?)?\s?"
        r"(?:ご購入|購入(?:し|する|すれば|すると|して|したら|の上|のうえ)|買って|買う|買えば|買い)|"
        rf"{AMOUNT}\s?分?\s?の\s?(?:{vocab.words('ja', 'money', 'crypto_names')})\s?(?:を)?\s?(?:ご購入|購入し|買っ))",
        examples=("開始にはUSDTを50ドル分ご購入いただくことが条件です。", "USDTを購入すると1日で20%の利益が出ます"),
        counter_examples=("ビットコインの購入方法を解説する記事をお願いします。", "仮想通貨を購入する必要はありません。"),
        reason="crypto bought by the worker as the step of a task or investment scam (tr5-0044; lure-patterns ladder 4)",
    ),
    PaymentRule(
        id="own_name_purchase",
        pattern=rf"(?P<s>(?:{vocab.words('ja', 'money', 'own_name_means')})\s?(?:で|にて|を使って|を使い|から)?\s?"
        rf"[^。!?\n、]{{0,10}}?(?:{vocab.words('ja', 'money', 'own_name_acts')}))",
        examples=(
            "指定ショップで商品をご自身名義で購入→届いたら写真送付",
            "スプレッドシートの30店舗の商品を、ご自身の名義とカードで購入してください。",
            "はい、ご本人名義でお申込みください。",
            "Amazonで代理購入お願いします。ご自身のカードで決済→翌月精算です",
        ),
        counter_examples=(
            "報酬はご本人名義の口座にお振込みします。",
            "ご自身で購入された商品のレビューでも構いません。",
            "ご自身名義での購入は不要です。",
        ),
        reason="a purchase in the worker's own name or with the worker's card (代理購入, tr8-006, tr2-0009, tr3-0175)",
        reimbursed=True,
    ),
    PaymentRule(
        id="advance_asked",
        pattern=rf"(?P<s>(?:{AMOUNT}\s?(?:の|を|分の?)?\s?)?(?:{vocab.words('ja', 'money', 'advance_words')})(?:え)?(?:分|金|額)?)\s?"
        rf"(?:を|も|は)?\s?(?:お願い|おねがい|して(?:ください|いただ|頂|もらえ|もらい)|ていただ|て(?:ください|もらえ)|いただ|が必要|必須|で|{_SCHEME})",
        examples=("まず1件目5,980円の立て替えお願いします", "購入代金は一旦立て替えで", "Lv3からは立替制になります"),
        counter_examples=("商品代金は弊社で立て替えます。", "立て替えは一切発生しません。", "交通費の立替分は後日精算します。"),
        reason="the worker asked to advance money to be paid back (立て替え, tr3-0047, tr3-0116)",
        reimbursed=True,
    ),
    PaymentRule(
        id="advance_by_worker",
        pattern=rf"(?P<s>(?:{AMOUNT}\s?(?:の|を|分の?)?\s?)?(?:{vocab.words('ja', 'money', 'advance_words')})(?:え)?(?:分|金|額)?)",
        examples=("指定ショップで商品をご自身名義で購入→届いたら写真送付→立替分+報酬お支払い",),
        counter_examples=(
            "商品到着後、立替分は翌月返金いたします。",
            "商品代金は弊社で立て替えます。",
        ),
        reason="the worker's advance named in a message that has the worker buy (tr8-006, tr2-0009)",
        names_a_fee=True,
        reimbursed=True,
        needs_purchase=True,
    ),
    PaymentRule(
        id="paid_course",
        pattern=rf"(?P<s>{_COURSE}(?:\s?[(（][^)）\n]{{0,16}}?{AMOUNT}[^)）\n]{{0,12}}[)）]|\s?(?:は|が|:|：)?\s?{AMOUNT})"
        rf"\s?(?:を|の|に|へ|は)?\s?{_COURSE_JOIN})",
        examples=(
            "未経験の方はまず専用講座(49,800円)を受講してもらいます",
            "継続案件を受けるにはスキルアップ講座（29,800円）の受講が条件です。",
            "オンラインスクール（198,000円・分割可）にご入会いただいた方にのみ案件をご紹介しています。",
        ),
        counter_examples=(
            "オンライン講座（全10回・29,800円）の受講生向けにサンクスメールを作成してください。",
            "研修（日当1万円）に参加いただきます。",
        ),
        reason="a paid course, school or community the worker must join (tr8-017, tr5-0009, tr5-0086)",
    ),
    PaymentRule(
        id="amount_paid_back",
        pattern=rf"(?P<s>{AMOUNT})[)）]?[^。!?\n]{{0,24}}?(?:{vocab.words('ja', 'money', 'payback_words')})",
        examples=("月額3,000円ですが、1件受ければ元取れます。",),
        counter_examples=("報酬は1本5,000円なので、機材費もすぐ回収できます。", "3万円は3か月で回収できるものではありません。"),
        reason="an amount with a promise to earn it back: what the worker pays (tr4-0107; rubric: a fee with a quick payback)",
    ),
    PaymentRule(
        id="pay_to_account",
        pattern=rf"(?P<s>{vocab.words('ja', 'money', 'pay_to_account')})",
        examples=("振込先　みらい銀行 渋谷支店 普通 1234567 カ）エムエスサポート",),
        counter_examples=("報酬の振込先はクラウドワークスに登録した口座になります。",),
        reason="the client's own bank account or wallet given for the worker to pay into (tr2-0025, tr3-0037)",
    ),
    PaymentRule(
        id="paid_now_refunded_later",
        # (not an advance said to be paid back, 「立替分は翌月返金いたします」: advance_by_worker reads those)
        pattern=r"(?P<s>(?<!立て替えた|立替)(?:代金|商品代(?:金)?|購入代金|購入費)\s?(?:は|も)?\s?"
        r"(?:後日|翌週|翌月|来週|来月|あとで|後で|のちほど|\d{1,2}\s?日後|納品後|完了後|月末)\s?(?:に)?\s?(?:全額)?\s?"
        r"(?:返金|お返し|返済|精算|払い戻|キャッシュバック))",
        examples=("代金は翌週に全額返金+1件800円", "購入代金は納品後に全額返金します"),
        counter_examples=("返金ポリシーのページを作成してください。代金は後日返金と書かないでください。",
                          "商品到着後、立替分は翌月返金いたします。"),
        reason="the worker pays for the goods now and is promised the money back later (代理購入 scams, tr320): money the worker puts in",
    ),
    PaymentRule(
        id="price_cut_for_the_reader",
        pattern=rf"(?P<s>通常\s?(?:価格)?\s?{AMOUNT}\s?[→⇒]\s?(?:今回|特別|ライターさん|受講生|メンバー|皆さん|皆様|あなた|モニター)"
        rf"[^。!?\n\d]{{0,8}}?{AMOUNT})(?!\s?(?:と|で|の形|を)\s?(?:表示|記載|入れ|書|掲載|表記))",
        examples=("通常98000円→今回49800円です。分割OK", "通常148,000円→ライターさん特価78,000円"),
        counter_examples=("セール表示は「通常9,800円→5,980円」の形でお願いします。",
                          "商品ページに通常9,800円→今回限り5,980円と表示してください"),
        reason="a course or kit's price cut for the reader (tr320): what the reader is asked to buy",
    ),
    PaymentRule(
        id="refunded_so_free",
        pattern=r"(?P<s>(?:あとで|後で|後日|のちほど|完了後|終了後|すぐ(?:に)?)?\s?(?:全額)?\s?(?:返って|戻って|返金され|返金|キャッシュバックされ|キャッシュバック)"
        r"(?:くる|きます|くるので|きますので|される|されます|します)?)\s?(?:ので|から|し)?\s?(?:、)?\s?実質\s?(?:0円|無料|ゼロ|タダ|負担なし|負担ゼロ)",
        examples=("途中でやめる方が多いので。あとで返ってくるので実質0円ですよ", "後日キャッシュバックされるので実質無料です"),
        counter_examples=("あとで返ってくるので実質0円、という勧誘には注意してください。",),
        reason="a payment said to come back, so \"effectively free\": a fee with a scam's promise (tr12-018; rubric: 「実質無料」)",
    ),
    # --- gift cards and payment apps ---------------------------------------------------------------
    PaymentRule(
        id="gift_card_purchase",
        pattern=rf"(?P<s>{_GIFT_CARD}(?:\s?[(（][^)）\n]{{0,16}}[)）])?(?:\s?{AMOUNT}\s?分?)?)[^。!?\n]{{0,16}}?"
        r"(?:ご購入|購入し|購入して|購入の(?:上|うえ)|買って|買い|お買い求め|"
        r"(?:コード|番号|pin)\s?(?:を|も)?\s?(?:送って|お送りください|お送りいただ|教えて|ご入力|入力して|撮って|写真))",
        examples=(
            "Apple Gift Card 2万円分をご購入の上、コードを送ってください",
            "指定のAmazonギフトカード（1万円分）をコンビニで購入して、コードをこちらに送っていただくだけです。",
        ),
        counter_examples=(
            "アンケートにご回答いただいた方にAmazonギフト券500円分のコードをお送りします。",
            "Amazonギフト券の購入方法を解説する記事をお願いします。",
        ),
        reason="a gift card the worker buys and sends the code of (tr3-0159, tr5-0084, tr2-0138)",
    ),
    PaymentRule(
        id="english_buy_goods",
        # what the worker buys for the job or the scam: the manual or kit, or a gift card to send the code of
        # (a word or two may describe it: 「buy our entry software license first」, tr332)
        # (not the client's own purchase: 「We will buy the new software license」)
        pattern=rf"(?P<s>(?<![a-z])(?<!(?:we|we'll|i'll|will|we can|we'd)\s)(?:buy|purchase|order)\s(?:the|our|a|my)\s(?:[a-z]{{2,12}}\s){{0,2}}?"
        rf"(?:{vocab.words('en', 'money', 'bought_materials')})s?|"
        rf"(?<![a-z])(?:buy|purchase|get|pick up)\s(?:an?\s|the\s|some\s|two\s|three\s|\d{{1,2}}\s)?"
        rf"(?:{_EN_AMOUNT}\s)?(?:worth of\s)?(?:[a-z]{{2,12}}\s)?(?:{vocab.words('en', 'money', 'gift_card_words')})|"
        # goods bought with the worker's own money (「order the 6 items in the sheet using your own card」, round 18)
        r"(?<![a-z])(?<!(?:we|we'll|i'll|will|we can|we'd)\s)(?:buy|purchase|order)\s[^.!?\n]{0,40}?(?:using|with|on|from)\s(?:your|ur)\s(?:own\s)?"
        r"(?:card|credit card|debit card|money|funds|account|wallet))(?![a-z])",
        examples=("Please buy the manual first; it explains every step.", "Please buy a $100 Apple gift card and send me the code.",
                  "Thx! Task 1: order the 6 items in the sheet using your own card",
                  "You need buy our entry software license first, 4,980円"),
        counter_examples=(
            "You do not need to buy the manual.",
            "We will buy the new software license for you.",
            "Please don't buy the course.",
            "We will buy you a gift card as a thank-you.",
            "Do not buy gift cards for anyone.",
        ),
        lang="en",
        reason="in English: goods the worker buys, the job's manual or kit or a gift card (the buy_manual_or_tool and gift card families)",
    ),
    PaymentRule(
        id="english_card_codes_sent",
        # the codes of cards asked for as pictures, cards named before (「only takes gift cards. 3x $100 Apple cards,
        # send pics of the codes」, round 22): the worker has bought them; not an error code's screenshot
        pattern=r"(?<=(?<![a-z])(?:gift\s?)?cards?(?![a-z])[^\n]{0,80}?)(?P<s>(?<![a-z])(?:send|share|text|dm)\s(?:me\s|us\s)?(?:the\s)?"
        r"(?:pics?|photos?|pictures?|images?|screenshots?|scans?)\s(?:of\s)?(?:the\s|all\s)?(?:card\s)?(?:codes?|pins?|backs?))(?![a-z])",
        examples=("our vendor only takes gift cards. 3x $100 Apple cards, send pics of the codes",),
        counter_examples=("The card reader fails; send screenshots of the error codes.", "Never send pics of gift card codes to anyone."),
        lang="en",
        reason="in English: the codes of cards the worker bought, asked for as pictures (round 22): the gift card scam's last step",
    ),
    PaymentRule(
        id="english_payment_app",
        pattern=r"(?P<s>(?<![a-z])(?:send|pay|transfer|wire)\s(?:it|them|us|me|the\s(?:[$¥]?\d[\d,]{0,9}\s)?(?:fee|money|payment|deposit|amount)|"
        rf"{_EN_AMOUNT})?\s?(?:via|through|by|on|with|using|over)\s(?:{vocab.words('common', 'payment_apps', 'app_names')}))(?![a-z])",
        examples=("Send the fee via PayPal before we start.",),
        counter_examples=("I will send the payment via PayPal.", "We pay via PayPal after delivery."),
        lang="en",
        reason="in English: a payment app as the way the worker pays",
    ),
    # A payment app named with a request that the reader send money through it (issue 9: a fee
    # asked through a payment app by name): 「PayPayで5,000円送金お願いします」.
    PaymentRule(
        id="payment_app_transfer",
        pattern=rf"(?P<s>{_PAYMENT_APP}[^。!?\n]{{0,20}}?(?:送金|送っ|お送り|お支払|支払っ|振り込|お振込|入金|チャージ)"
        r"(?:[^。!?\n]{0,6}?(?:ください|下さい|くださ|お願い|おねがい|願います|いただけ|もらえ|ほしい|欲しい)|"
        # terse: 「PayPayで3000円送って」「paypayで送金して」
        r"(?:して|て)(?:ね)?(?=\s?(?:[。!?\n]|$))))",
        examples=("PayPayで5,000円送金お願いします",),
        counter_examples=(
            "報酬はPayPayで送金いたします。",
            "PayPayで送金をお願いすることはありません。",
            "PayPayの送金方法を解説する記事をお願いします。",
        ),
        reason="a payment app as the way the worker pays",
    ),
)

# A message that names something the worker buys: where an instalment offer is about the worker paying.
_WORKER_BUYS = compile_pattern(rf"{_FEE}|{vocab.words('ja', 'money', 'purchase_words')}")
# The client (or someone else) pays: 「弊社が負担」「報酬をお振込みいたします」「支給します」.
_CLIENT_PAYS = compile_pattern(
    r"(?:弊社|当社|こちら|私|会社|当方|御社|クライアント)\s?(?:が|で|にて|の)?\s?(?:全額)?\s?(?:負担|お支払い|支給|持ち|立て替え)|"
    r"(?:負担|支給|お支払い|お振込み?|振り込み|送金)\s?(?:いたします|致します|します|させていただきます|いたしますので)|"
    # (a refund or cash-back promise is not the client paying: 「登録費用は後で返金されるので実質無料」
    # is a fee with a scam's promise attached)
    r"会社負担|弊社負担|当社負担|こちら負担|経費として精算|"
    r"(?<![a-z])(?:we|i|the client|our company)(?:'ll| will)? (?:cover|pay|reimburse)|(?:covered|paid|reimbursed) by (?:us|me|the client)|"
    r"(?:we|i)(?:'ll| will) pay you|pay you (?:\$|usd|\d)|"
    # the client asking leave to pay (「PayPayで直接送金させてください」, hold-053) or sending itself
    r"(?:送金|お支払い|支払い|お振込み?|振込み?|振り込み|入金)\s?(?:を)?\s?させて(?:ください|いただ|頂)|"
    r"(?<![a-z])(?:we|i)(?:'ll| will| can| would| shall)? (?:send|transfer|wire|deposit)(?![a-z])"
)
# A promise to pay the worker back (「後日全額+報酬をお振込みします」「立て替え分はお返しします」): the
# worker paid first, so the client's 「お振込みします」 in the same sentence is no reason to pass.
_REIMBURSED = compile_pattern(
    r"立て?替え?|建て?替え?|購入代金|商品代金|全額\s?[+＋と]|上乗せ|返金|お返し|キャッシュバック|払い戻|翌月精算|後日精算"
)
# The client advances the money itself (「商品代金は弊社で立て替えます」).
_CLIENT_ADVANCES = compile_pattern(
    r"(?:弊社|当社|こちら|私|当方|会社)\s?(?:が|で|にて|の方で)?\s?(?:全額)?\s?(?:立て?替え|建て?替え|購入|ご用意|用意|手配|お送り|送付|支給)"
)
# A purchase asked for, and the escrow added for it on the platform: the client pays, through CrowdWorks
# (round 18). Only for goods bought: a fee is never the worker's to pay, whatever escrow is added.
_PURCHASE = compile_pattern(r"購入|買っ|買い")
_ESCROW_FOR_IT = compile_pattern(r"(?:追加の|別途|追加で)\s?仮払い\s?(?:を|で)?\s?(?:します|いたします|致します|しますね|入れます|済み|しました)")
# An amount of nothing (「初期費用0円」「¥0」), unless 「実質0円」 (a refund promise, a scam's tell).
_ZERO_AMOUNT = compile_pattern(r"(?<![\d,.])0\s?(?:円|yen|usd|usdt|jpy)(?![a-z])|[¥$]\s?0(?![\d,.])|ゼロ円")
_VIRTUALLY = compile_pattern(r"実質|virtually|effectively")
# An amount paid to the worker, not by them (「研修（日当1万円）」「報酬は1本5,000円」).
_PAID_TO_WORKER = compile_pattern(r"日当|時給|日給|月給|報酬|謝礼|給与|給料|単価|支給|お支払い|稼")
# A refusal right after an English phrase: 「You need to pay nothing to start」.
_EN_NOTHING_AFTER = compile_pattern(r"\s?(?:nothing|zero|none|no\s(?:money|fee|fees|deposit)|\$\s?0(?![\d,.])|0\s?(?:yen|usd|jpy|usdt)(?![a-z]))(?![a-z])")
# A fee named as a topic: 「初期費用の目安」「登録料とは」「初期費用を抑える方法」.
_TOPIC_TAIL = compile_pattern(
    # (the fee's scheme may be named first: 「保証金制度について」「登録料プランの比較」)
    r"(?:制度|プラン|システム|ルール|規定|ポリシー)?\s?(?:の|を|は|が)?\s?(?:目安|内訳|相場|平均|比較|とは|について|に関する|を解説|の解説|シミュレーション|を抑え|"
    r"を削減|を安く|を節約|の計算|の勘定科目|の仕訳|の書き方|ランキング|が安い|が高い|の違い|"
    # a question about it or the article about it (「賃貸の初期費用はいくら？」「初期費用の記事は」, h3-006)
    r"いくら|っていくら|の記事|の原稿|のコラム|のページ|の項目|"
    # what a scam makes its victims pay, described (「キット代や受講料を先払いさせる例も」, round 18)
    r"(?:を|も)?\s?[^。!?\n]{0,8}?させる\s?(?:例|手口|詐欺|ケース|パターン|事例|業者)|"
    # a kind of scam named by its fee (「③アカウント凍結→解除金型」, tr27: the article's outline)
    r"型(?:の|詐欺|$|\s|[、。\n]))"
)

# A fee word inside the name of a piece of the work (「受講料（一括・分割）の説明文の書き直し」「教材費がかかる
# スクールの比較記事」): the noun phrase it starts is headed by the deliverable; read with no request
# to pay in its sentence.
_IN_THE_DELIVERABLE = compile_pattern(
    # (a fee inside the brackets that list several reads from their close: 「（敷金・礼金・保証金・仲介手数料）を…」)
    r"(?:[（(][^)）\n]{0,40}[)）]|[^。!?\n（()）]{0,24}?[)）])?(?:[^。!?\n、]{0,16}?の"
    # the fee as what the piece explains (「賃貸の初期費用（敷金・礼金…）を入居者向けに解説する記事」, tr288)
    r"|(?:を|について|に関する|に関して)[^。!?\n]{0,16}?(?:解説|説明|紹介|比較|まとめ|整理)(?:する|した|している)?)"
    r"\s?(?:" + vocab.words("ja", "money", "work_about_fees") + ")"
)
_ASKS_TO_PAY = compile_pattern(_PAY_REQUEST + "|" + _BEAR)
# A price list or fee page named as the piece to make: its fees are its content (`_in_the_price_list`).
_PRICE_LIST_WORK = compile_pattern(
    vocab.words("ja", "money", "price_list_work") + r"|(?<![a-z])(?:" + vocab.words("en", "money", "price_list_work") + r")(?![a-z])"
)
_EN_ASKS_TO_PAY = compile_pattern(
    r"(?<![a-z])(?:(?:please|pls|kindly|just)\s(?:pay|send|transfer|deposit|top up)|you\s(?:need|have|must|will need)\sto\s(?:pay|deposit)|"
    r"pay\s(?:us|me|the fee)|before you start)(?![a-z])"
)
# Someone else named as the fee's payer right before it (「受講生から受講料をいただく」「お客様が会費を支払う」).
_THIRD_PARTY_PAYS = compile_pattern(
    r"(?:" + vocab.words("ja", "money", "third_party_payers") + r")(?:の方)?(?:様)?\s?(?:から|より|が|は|に)\s?(?:は)?[^。!?\n、]{0,6}\Z"
)

# The worker's own costs of ordinary work (dev-029: 交通費は labelled in_person_meeting only).
_OWN_COSTS = compile_pattern(vocab.words("ja", "money", "own_work_costs"))
_LEDGER = compile_pattern(vocab.words("ja", "money", "ledger_terms"))
_CLAUSE_END = compile_pattern(r"[。!?\n]")


class UpfrontPaymentDetector(RuleDetector):
    name = "upfront_payment"
    category = "upfront_payment"
    kind = "risk"
    rules = RULES
    terms = (
        # a priced manual offered (「作業マニュアル(2,980円)をご案内」), a paid upgrade (「ランクアップ（2万円）」)
        "ご案内", "ご紹介", "アップグレード", "グレードアップ", "ランクアップ", "昇格",
        "有料", "プレミアム", "ゴールド", "vip", "スタンダード", "pro", "プロ", "費", "料", "代", "金", "投資", "デポジット", "振込", "振り込", "入金", "充値", "充值", "送金", "支払", "払い込", "納め", "購入", "買い求め", "決済",
        "負担", "必要", "かか", "発生", "登録", "用意", "準備", "fee", "cost", "charge", "payment", "deposit", "pay", "buy",
        "purchase", "transfer", "send", "order", "月額", "年額", "月々", "毎月", "移行", "切り替", "切替", "課金", "引き落とし", "paidy", "ペイディ", "後払い", "分割", "ローン", "リボ",
        # payment apps and gift cards (the rule that names them needs a verb of sending too)
        "paypay", "ペイペイ", "pay", "ペイ", "払い", "paypal", "ペイパル", "kyash", "wise", "venmo", "cash", "ギフト",
        # an amount promised back with the first pay (「$79, refunded with first salary」)
        "refund", "reimburs", "paid back", "returned",
        # a fee's kind after its amount (「pay $45 activation」): the currency or its unit is the term
        "$", "¥", "€", "£", "usd", "yen", "jpy", "dollar",
        # the money step of task scams, purchases in the worker's name, courses, gift cards
        "チャージ", "入金", "top", "recharge", "立て替え", "立替", "建て替え", "建替", "名義", "受講", "入会", "入塾", "参加",
        "加入", "申込", "申し込", "回収", "元", "取れ", "取り戻", "gift", "card", "コード", "番号", "買", "zelle", "wire",
        "recharge", "prepay", "pre-pay", "実質",
        # money put in, said plainly (「3万入れたら」「多く入れた人ほど」「残高を補充」), and every word the
        # vocabulary has for it (「補填お願いします」「事前納付」: a rule's word missing here silences the rule)
        "入れ", "補充", "預け", "いれれば", *vocab.terms("ja", "money", "money_in_words"),
        # a price cut for the reader (「通常148,000円→ライターさん特価78,000円」), money refunded later
        "通常", "返金", "天引き", "差し引", "差引", "相殺",
        # a bare sum said to come first (「報酬引き出す前に先に2万円」), or after the release it buys (「解放に3万」,
        # the releases and the priced items as the vocabulary names them, the level patterns' own words)
        "先に", "まず", "事前に", "前もって", *vocab.terms("ja", "money", "unlock_acts"), "lv", "レベル", "ランク",
        *vocab.terms("ja", "money", "priced_items"), "払え", "払っ", "振り込",
    )
    examples = Examples(
        positive=(
            "研修サイトのご利用には登録料5,000円が必要です。",
            "確認は不要です。本日中にお振込みいただければ、明日からお仕事を開始できます。",
            "なお、作業にはプレミアム会員（月額980円）への登録が必要です。",
            "まずは専用マニュアル（29,800円）をご購入いただき、その手順どおりに作業していただきます。",
            "なお、サポート費用として初回のみ3,980円がかかります。",
            "お仕事開始前に初期費用3万円をお支払いください。",
            "PayPayで5,000円送金お願いします",
            "参加にはAmazonギフト券3000円分を送ってください",
        ),
        negative=(
            "テーマは「飲食店開業にかかる初期費用の目安」と「個人事業主の住所変更の手続き」の2本です。",
            "登録料は無料です。費用は一切かかりません。",
            "初期費用は弊社が負担します。",
            "報酬は月末にお振込みいたします。",
            "PayPayの使い方マニュアルを作成してください。",
            "交通費はご負担いただく形となります。",
            "ご購入いただいたお客様へのサンクスメールを作成していただきます。",
        ),
        positive_after_contract=("次の作業に進むには、ツール代として5,000円をお振込みください。",),
        negative_after_contract=("検収が完了しました。報酬はクラウドワークスからお支払いされます。",),
    )

    def applies(self, msg: MessageView) -> bool:
        # RUBRIC v2: a "system" message carrying a payment request is read like the client's; a
        # worker's message about fees is a question or a refusal.
        return msg.sender != "worker"

    def accept(self, text: str, m, rule: PaymentRule, msg: MessageView, state: dict) -> bool:
        if rule.needs_purchase and not occurs_in_message(state, _WORKER_BUYS, text):
            return False
        return self._worker_pays(text, m, rule, state)

    @staticmethod
    def _worker_pays(text: str, m, rule: PaymentRule, state: dict) -> bool:
        start, end = span_of(m)
        if rule.names_a_fee and _TOPIC_TAIL.match(text, end, min(len(text), end + 12)):
            return False
        if rule.names_a_fee and _names_the_deliverable(text, start, end):
            return False
        if rule.names_a_fee and _THIRD_PARTY_PAYS.search(text, max(0, start - 24), start):
            return False
        if _in_the_price_list(text, start, end, state):
            return False
        if any(a <= start and end <= b for a, b in (x.span() for x in _LEDGER.finditer(text, max(0, start - 8), end + 8))):
            return False  # 「通帳CSVの入金・出金を入力」「差入保証金の減少で処理」: a ledger's words, the work's data
        if rule.names_a_fee and _only_paid_back(text, start, end, state):
            return False
        if rule.names_a_fee and enclosing_quote(text, start, end, 1) is not None:
            return False  # the word alone in quotes is a word of the work (「テロップの「導入費用」→「初期費用」」, tr208)
        c_start, c_end = clause(text, start)
        c_start = min(c_start, start)
        if _OWN_COSTS.search(text, c_start, end) and not rule.paid_first:
            return False
        if _MADE_TO_PAY.match(text, end):
            return False  # 「…で入金させられる流れは図解があると◎」: what victims are made to do, described
        if rule.lang == "en" and _EN_NOTHING_AFTER.match(text, end, min(len(text), end + 20)):
            return False
        s_cut = _CLAUSE_END.search(text, end, min(len(text), end + 60))
        sentence_end = s_cut.start() if s_cut else min(len(text), end + 60)
        if rule.money_in and not _money_in_is_the_workers(text, m, c_start):
            return False
        if rule.needs_condition and not _names_what_it_unlocks(text, start, end):
            return False
        if rule.needs_address and not _addresses_the_worker(text, start, end):
            return False
        if _ZERO_AMOUNT.search(text, m.start(), m.end()) and not _VIRTUALLY.search(text, max(0, m.start() - 4), m.end()):
            return False  # 「初期費用0円でスタート」: an amount of nothing
        if _CLIENT_ADVANCES.search(text, c_start, max(c_end, sentence_end)):
            return False
        if _PURCHASE.search(m.group()) and _ESCROW_FOR_IT.search(text):
            return False  # 「書籍代は経費として、CrowdWorksで追加の仮払いをします。確認できてから購入してください」
        if not rule.reimbursed and (client_pays := _CLIENT_PAYS.search(text, c_start, max(c_end, sentence_end))):
            s_start, s_end = sentence(text, start)
            before = _REIMBURSED.search(text, s_start, client_pays.start())
            after = _REIMBURSED.search(text, client_pays.end(), max(s_end, client_pays.end()))
            if not (before or after):
                return False
        if _PAID_TO_WORKER.search(text, max(c_start, start - 8), start) and rule.id in _AMOUNT_RULES:
            return False
        if (rule.id == "paid_course" and _PAID_TO_WORKER.search(text, start, end)) or about_the_work(text, start, end, state):
            return False
        if _EN_CONDITION_BEFORE.search(text, max(0, start - 100), start) and rule.lang == "en":
            # 「We can't assign you any projects until the onboarding fee of $49 is paid」: the
            # negation sets a condition, it refuses nothing
            return True
        return not (job_topic(text, start, end) or reported(text, start, end) or _refused(text, m, rule))


# The money step in the causative passive (「入金させられる」「払わされた」): what someone is made to do,
# told about (an article, a warning), not asked of the reader (tr324).
_MADE_TO_PAY = compile_pattern(r"\s?(?:させられ|さされ|わされ)")


def _names_the_deliverable(text: str, start: int, end: int) -> bool:
    """A fee word that describes a piece of the work, in a sentence that asks no payment."""
    named = _IN_THE_DELIVERABLE.match(text, end, min(len(text), end + 64))
    if named is None:
        return False
    # (「がかかる」 inside the phrase describes the deliverable: 「教材費がかかるスクールの比較記事」)
    s_start, s_end = sentence(text, start)
    return (_ASKS_TO_PAY.search(text, s_start, start) is None
            and _ASKS_TO_PAY.search(text, named.end(), max(s_end, named.end())) is None)


def _in_the_price_list(text: str, start: int, end: int, state: dict) -> bool:
    """A fee of a price list or fee page the message names as the work, in a sentence that asks no
    payment (「チラシ裏面の料金表です。入塾金 11,000円…教材費は実費」)."""
    if "price_list" not in state:
        state["price_list"] = _PRICE_LIST_WORK.search(text) is not None
    if not state["price_list"]:
        return False
    s_start, s_end = sentence(text, start)
    s_end = max(s_end, end)
    return _ASKS_TO_PAY.search(text, s_start, s_end) is None and _EN_ASKS_TO_PAY.search(text, s_start, s_end) is None


# An English negation that sets a condition: 「can't … until」「won't … unless」 (tr2-0023).
_EN_CONDITION_BEFORE = compile_pattern(
    r"(?<![a-z])(?:can't|cannot|can not|won't|will not|unable to|not able to|no (?:tasks?|orders?|projects?|withdrawals?))"
    r"[^.!?\n]{0,60}(?<![a-z])(?:until|unless|till|before)\s[^.!?\n]*$"
)
# A trial that ends (「初月無料」「14日間無料」): the fee after it stands, the 「無料」 refuses nothing.
_TRIAL = compile_pattern(r"(?:初月|初回|最初の?\s?\d{0,2}\s?(?:か月|ヶ月|カ月|週間|日間)?|\d{1,2}\s?(?:か月|ヶ月|カ月|週間|日間)|お試し(?:期間)?)\s?(?:は|のみ|だけ)?\s?無料")
def _refused(text: str, m, rule: PaymentRule) -> bool:
    """`refused_around`, reading past a trial that ends (「月額9,800円、初月無料」)."""
    if _TRIAL.search(text, m.end(), min(len(text), m.end() + 24)) is None:
        return refused_around(text, m)
    # read again with the trial masked, on the match's sentence only (a bounded copy per candidate)
    s_start, s_end = sentence(text, m.start())
    s_end = max(s_end, m.end() + 24)
    masked = _TRIAL.sub(lambda t: "ー" * len(t.group()), text[s_start:s_end])
    m2 = rule.compile().match(masked, m.start() - s_start)
    return refused_around(masked, m2) if m2 is not None else refused_around(text, m)


# The price of goods the worker bought, said to be paid back, with no purchase asked in the
# message: a reimbursement reported (「購入代金は翌日に…お返しするので」, tr5-0084 m2).
_PURCHASE_PRICE = compile_pattern(vocab.words("ja", "money", "purchase_prices"))
_PAID_BACK = compile_pattern(r"お返し|返金|精算|お振込み?(?:し|いたし)|お支払い(?:し|いたし)|上乗せ")
_PURCHASE_ASKED = compile_pattern(
    r"(?:購入|買っ|買い|注文|決済)\s?(?:して|し|を|の上|のうえ|→|ください|いただ|頂|お願い|ね)|ご購入|お買い求め|代理購入"
)


def _only_paid_back(text: str, start: int, end: int, state: dict) -> bool:
    if not _PURCHASE_PRICE.fullmatch(text, start, end):
        return False
    s_start, s_end = sentence(text, start)
    if _PAID_BACK.search(text, end, max(s_end, end)) is None:
        return False
    if "purchase_asked" not in state:
        state["purchase_asked"] = _PURCHASE_ASKED.search(text) is not None
    return not state["purchase_asked"]


# Rules whose span starts with an amount: not one paid to the worker (「報酬は1本5,000円なので…回収」).
_AMOUNT_RULES = frozenset({"amount_paid_back", "amount_money_in", "amount_the_reader_bears"})


def _money_in_is_the_workers(text: str, m, c_start: int) -> bool:
    """Money put in by the worker, not the client's own escrow or deposit (「3万円入金しました」
    「こちらから入金いたします」「仮払い（入金）」「the client's escrow deposit」) nor the worker's pay
    coming in (「報酬の入金は月末」)."""
    start = m.start()
    s_end = span_of(m)[1]
    if _CLIENT_OWN_IN.match(text, s_end, min(len(text), s_end + 16)):
        return False
    if has_latin_letters(m.group()) and _EN_ESCROW.search(text, _english_turn_before(text, start), min(len(text), s_end + 60)):
        return False
    return _CLIENT_SIDE_BEFORE.search(text, max(c_start, start - 16), start) is None and not (
        has_latin_letters(m.group()) and _english_client_subject(text, start)
    )


_EN_ESCROW = compile_pattern(r"(?<![a-z])(?:escrow|milestone|crowdworks|client's|the client)(?![a-z])")
# Where an English sentence turns before a money-in: a full stop or an emoji, or "but", "first"
# (「contract will be on CrowdWorks so its safe 👍 but first deposit 50 USDT」, tr40 family: the
# platform named before the turn is the lure's reassurance, not the deposit's escrow).
_EN_TURN = compile_pattern(r"[.!?;\n\p{So}]|(?<![a-z])(?:but|however|though|although|first)(?![a-z])")


def _english_turn_before(text: str, start: int) -> int:
    """The start of the stretch of the 60 characters before `start` that lies after its last turn."""
    window_start = max(0, start - 60)
    turns = list(_EN_TURN.finditer(text, window_start, start))
    return turns[-1].end() if turns else window_start


_EN_CLIENT_SUBJECT = compile_pattern(r"(?<![a-z])(?:we|i|the client|our company)(?:'ll| will| can| would| shall)?\s(?:\w+\s)?$")


def _english_client_subject(text: str, start: int) -> bool:
    """An English money-in whose subject is the client (「We will deposit $500」)."""
    return _EN_CLIENT_SUBJECT.search(text, max(0, start - 24), start) is not None


def _names_what_it_unlocks(text: str, start: int, end: int) -> bool:
    """Whether the sentence of a bare money-in names what it unlocks (「出金には」「to withdraw」)."""
    s_start, s_end = sentence(text, start)
    if has_latin_letters(text[start:end]):
        # English sentences end at '.', which `sentence` keeps whole: read a window instead
        s_start, s_end = max(s_start, start - 120), min(max(s_end, end), end + 120)
    if _PLATFORM.search(text, s_start, max(s_end, end)):
        return False  # CrowdWorks' own withdrawal and its fee (「クラウドワークスから出金するときの手数料」)
    return _UNLOCK.search(text, s_start, max(s_end, end)) is not None


_PLATFORM = compile_pattern(PLATFORM)
_EN_YOU = compile_pattern(r"(?<![a-z])(?:you|your|u|ur)(?![a-z])")
# an order: at a clause's start, or after a word that only an order puts there (「if it goes negative just
# deposit USDT」)
_EN_CLAUSE_OPENS = compile_pattern(r"(?:(?:^|[.,;:!?\n(]|\s-)\s*(?:please\s|pls\s|just\s|then\s|now\s)?"
                                   r"|(?<![a-z])(?:please|pls|plz|just|simply)\s)$")


def _addresses_the_worker(text: str, start: int, end: int) -> bool:
    """An English money-in verb said to the worker: 「after you top up」, or an order opening a
    clause (「Recharge to withdraw」「lvl 3 gets 30%, deposit to upgrade」), not a description of
    someone's deposit (「after the deposit is confirmed」)."""
    if _EN_YOU.search(text, max(0, start - 60), min(len(text), end + 60)):
        return True
    return _EN_CLAUSE_OPENS.search(text, max(0, start - 12), start) is not None


DETECTOR = UpfrontPaymentDetector()
