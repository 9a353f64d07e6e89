"""upfront_payment: the worker is asked to pay money.

On CrowdWorks the client pays, through escrow; a job that costs the worker money first (a
registration fee, a manual, a "support fee", a paid membership) is how the classic side-job
scams start. Shapes:

1. a fee noun, often with an amount: 初期費用3万円, 登録料5,000円, マニュアル代, サポート費用;
2. a request that the reader pay: 「お振込みください」「お振込みいただければ」「ご購入いただき」;
3. an amount the reader must bear: 「月額980円の会員登録が必要」「3,000円がかかります」.

Not a request: a topic (「『飲食店開業にかかる初期費用の目安』の記事」「賃貸の初期費用の内訳」),
the client paying (「初期費用は弊社が負担します」「報酬をお振込みいたします」), a fee that is
zero or refused (「登録料は無料です」「費用はかかりません」), the worker's own words, and the
worker's own costs that ordinary work has (交通費, 通信費).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ..lang import vocab
from ._cues import (
    AMOUNT,
    RuleDetector,
    clause,
    in_topic,
    refused_around,
    span_of,
)

# Vocabulary: lang/ja/money.json, lang/en/money.json, lang/common/payment_apps.json.
_FEE = f"(?:{vocab.words('ja', 'money', 'fee_nouns')})"
_PAY_REQUEST = (
    r"(?:お振込|お振り込|振り込ん|振込ん|ご入金|入金し|入金を|送金し|送金を|お支払い|支払っ|払い込|お納め|"
    r"ご購入|購入し|購入を|ご購入を|お買い求め|決済し|決済を|ご負担)(?:み)?\s?"
    r"(?:ください|下さい|くださ|いただ(?!いた(?:お客|方|商品|ユーザー|顧客|皆))|頂(?!いた)|を?お願い|願|が必要|する必要|"
    r"して(?:ください|いただ|下さ)|ていただ|次第)"
)
_BEAR = (
    r"(?:が必要|がかかり|がかかる|かかります|が発生|のご負担|をご負担|ご負担いただ|をお支払いいただ|をお支払いください|"
    r"をお振込|お振込|を振り込|をご入金|の(?:会員)?登録が必要|への登録が必要|のお支払いが必要|をご用意|を(?:ご)?準備|"
    # a subscription the reader moves onto: 「そのあと有料プラン（月額9,800円）に移行します」
    r"(?:に|へ)\s?(?:自動(?:で|的に)?)?\s?(?:移行|切り替|切替|更新|加入)|(?:が|の)?(?:自動)?(?:課金|引き落とし))"
)
# A payment app or a gift card by name.
_PAYMENT_APP = (
    rf"(?:(?<![a-z])(?:{vocab.words('common', 'payment_apps', 'app_names')})(?![a-z])"
    rf"|{vocab.words('common', 'payment_apps', 'app_names_japanese')}"
    rf"|(?:{vocab.words('common', 'payment_apps', 'gift_card_brands')})\s?ギフト(?:券|カード)?)"
)
# English: a fee the worker pays (「there is a registration fee of $30」).
_EN_FEE = (
    rf"(?:{vocab.words('en', 'money', 'fee_kinds')})\s(?:{vocab.words('en', 'money', 'fee_nouns')})"
)


@dataclass(frozen=True, slots=True)
class PaymentRule(Rule):
    """A rule of this detector, with what its context check needs to know about it."""
    # The span is a fee noun (「初期費用」): followed by 「の目安」「とは」 it is a topic, not a fee.
    names_a_fee: bool = False
    # A way to spread a payment (「分割払いもOK」): offered only when the worker is the one paying,
    # so it counts only in a message that names a purchase, a course or a fee (`_WORKER_BUYS`).
    needs_purchase: bool = False


RULES: tuple[PaymentRule, ...] = (
    PaymentRule(
        id="fee_noun",
        pattern=rf"(?P<s>{_FEE}(?:\s?(?:として|は|が|の|:|：)?\s?(?:初回のみ|初回|月額|年額|一括|税込|毎月)?\s?[(（]?{AMOUNT}[)）]?)?)",
        examples=("研修サイトのご利用には登録料5,000円が必要です。",),
        counter_examples=(
            "入会金は弊社が全額負担いたします。",
            "『副業にかかる初期費用の相場』という記事を書いてください。",
            "登録料はいただいておりません。",
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
        r"(?:\s?[(（][^)）\n]{0,16}[)）])?\s?(?:を|の)?\s?(?:ご?購入|お買い求め))",
        examples=("まずは専用マニュアル（29,800円）をご購入いただき、その手順どおりに作業していただきます。",),
        counter_examples=(
            "マニュアルの購入は不要です。",
            "教材をご購入いただく必要はございません。",
        ),
        reason="buying the manual or tool the job needs (dev-052 m1)",
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
        examples=("To start, there is a registration fee of $30.",),
        counter_examples=(
            "The registration fee is paid by us.",
            "There is no membership fee for this job.",
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
    PaymentRule(
        id="english_buy_manual_or_tool",
        pattern=r"(?P<s>(?<![a-z])(?:buy|purchase|order)\s(?:the|our|a|my)\s(?:training\s|starter\s|official\s)?"
        rf"(?:{vocab.words('en', 'money', 'bought_materials')})s?(?![a-z]))",
        examples=("Please buy the manual first; it explains every step.",),
        counter_examples=(
            "You do not need to buy the manual.",
            "Please don't buy the course.",
        ),
        lang="en",
        reason="in English: buying the manual or tool the job needs",
    ),
    # A payment app named with a request that the reader send money through it (issue 9: a fee
    # asked through a payment app by name): 「PayPayで5,000円送金お願いします」.
    PaymentRule(
        id="payment_app_transfer",
        pattern=rf"(?P<s>{_PAYMENT_APP}[^。!?\n]{{0,20}}?(?:送金|送っ|お送り|お支払|支払っ|振り込|お振込|入金|チャージ)"
        r"[^。!?\n]{0,6}?(?:ください|下さい|くださ|お願い|願います|いただけ))",
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
    r"(?:we|i)(?:'ll| will) pay you|pay you (?:\$|usd|\d)"
)
# A fee named as a topic: 「初期費用の目安」「登録料とは」「初期費用を抑える方法」.
_TOPIC_TAIL = compile_pattern(
    r"\s?(?:の|を|は|が)?\s?(?:目安|内訳|相場|平均|比較|とは|について|に関する|を解説|の解説|シミュレーション|を抑え|"
    r"を削減|を安く|を節約|の計算|の勘定科目|の仕訳|の書き方|ランキング|が安い|が高い|の違い)"
)
# The worker's own costs of ordinary work (dev-029: 交通費は labelled in_person_meeting only).
_OWN_COSTS = compile_pattern(vocab.words("ja", "money", "own_work_costs"))
_CLAUSE_END = compile_pattern(r"[。!?\n]")


class UpfrontPaymentDetector(RuleDetector):
    name = "upfront_payment"
    category = "upfront_payment"
    kind = "risk"
    rules = RULES
    terms = (
        "有料", "プレミアム", "ゴールド", "vip", "スタンダード", "pro", "プロ", "費", "料", "代", "金", "投資", "デポジット", "振込", "振り込", "入金", "送金", "支払", "払い込", "納め", "購入", "買い求め", "決済",
        "負担", "必要", "かか", "発生", "登録", "用意", "準備", "fee", "cost", "charge", "payment", "deposit", "pay", "buy",
        "purchase", "transfer", "send", "order", "月額", "年額", "月々", "毎月", "移行", "切り替", "切替", "課金", "引き落とし", "paidy", "ペイディ", "後払い", "分割", "ローン", "リボ",
        # payment apps and gift cards (the rule that names them needs a verb of sending too)
        "paypay", "ペイペイ", "pay", "ペイ", "払い", "paypal", "ペイパル", "kyash", "wise", "venmo", "cash", "ギフト",
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

    def accept(self, text: str, m, rule: PaymentRule, msg: MessageView, state: dict) -> bool:
        if rule.needs_purchase:
            if "worker_buys" not in state:
                state["worker_buys"] = _WORKER_BUYS.search(text) is not None
            if not state["worker_buys"]:
                return False
        return self._worker_pays(text, m, rule)

    @staticmethod
    def _worker_pays(text: str, m, rule: PaymentRule) -> bool:
        start, end = span_of(m)
        if rule.names_a_fee and _TOPIC_TAIL.match(text, end, min(len(text), end + 12)):
            return False
        c_start, c_end = clause(text, start)
        c_start = min(c_start, start)
        if _OWN_COSTS.search(text, c_start, end):
            return False
        s_cut = _CLAUSE_END.search(text, end, min(len(text), end + 60))
        sentence_end = s_cut.start() if s_cut else min(len(text), end + 60)
        if _CLIENT_PAYS.search(text, c_start, max(c_end, sentence_end)):
            return False
        return not (in_topic(text, start, end) or refused_around(text, m))


DETECTOR = UpfrontPaymentDetector()
