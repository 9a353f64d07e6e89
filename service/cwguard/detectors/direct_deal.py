"""direct_deal: a contract, a payment or continued work proposed outside CrowdWorks.

Before or after a contract this is a risk: off the platform escrow no longer protects the
payment and the secretariat cannot mediate. The detector looks for five shapes of the same idea:

1. 「直接」 joined to a deal word: 直接契約, 直接取引, 直接お支払い, 弊社と直接結ぶ;
2. going around the platform with a deal in the sentence: 「クラウドワークスを通さず…お支払い」
   「クラウドワークス外で契約」;
3. the fee as the reason: 「手数料がかからない」「手数料がもったいない」 (when the message speaks of
   the platform or of dealing directly);
4. a payment means outside the platform: 銀行振込で直接, PayPay, アプリ内のポイントで付与, 請求書払い;
5. a link or site to pay or be paid through (「お支払いはこちらのリンクから」).

Not a deal: 「直接契約はできません」 (refused), 「ドキュメントに直接書き込んで」 (no deal word),
the platform's own flows (「クラウドワークス上で直接ご契約をお送りします」).
"""
from __future__ import annotations

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ._cues import (
    DIRECT,
    PLATFORM,
    RuleDetector,
    asks_the_worker,
    clause,
    in_topic,
    not_system,
    refused_around,
    span_of,
)

# Deal words that make 「直接」 or a platform bypass a deal rather than a chat.
_DEAL = (
    r"(?:[ごお]?(?:契約|支払|振込|振り込|金銭|金(?![曜額])|依頼|仕事)|取引|取り引き|送金|報酬|ギャラ|"
    r"代金|請求|精算|発注|案件|業務委託|雇用|単価|手数料|決済)"
)
_DIRECT_DEAL = (
    r"(?:[ごお]?(?:契約|支払|振込|振り込|取引|発注させ)|取り引き|送金|結[ばびぶべん]|精算|"
    r"雇用|業務委託|請求|決済|入金)"
)
_BYPASS = (
    rf"{PLATFORM}\s?(?:を|は)?\s?(?:通さ(?:ず|ない)|介さ(?:ず|ない)|経由せず|経由しない|使わ(?:ず|ない)|"
    r"利用せず|利用しない|挟ま(?:ず|ない)|抜きで|なしで|外で|外の|外での|以外で|以外の|の外で|をやめて|を離れて)"
)
_PAY_MEANS = (
    r"(?:銀行振込|銀行振り込み|銀行口座への?振込|口座振込|振込|振り込み|paypay|ペイペイ|paypal|ペイパル|"
    r"現金|手渡し|amazonギフト|アマゾンギフト|アマギフ|ギフト券|ギフトカード|電子マネー|仮想通貨|暗号資産|"
    r"usdt|ビットコイン|楽天ペイ|line ?pay|wise|western union|アプリ内の?ポイント|ポイント)"
)
# Means whose name joined to 「直接」 is a payment outside the platform (not 「ポイント」: 「修正ポイントに
# 直接コメント」).
_OUTSIDE_MEANS = (
    r"(?:仮想通貨|暗号資産|暗号通貨|usdt|usdc|ビットコイン|btc|イーサリアム|ウォレット|[一-龥ァ-ヶ]{1,6}銀行|ゆうちょ|"
    r"銀行口座|ご?口座|paypay|ペイペイ|paypal|ペイパル|paidy|ペイディ|メルペイ|楽天ペイ|line ?pay|au ?pay|d払い)"
)
_PAY_VERB = (
    r"(?:お?(?:支払|振込|振り込|受け取)|送金|お渡し|付与|還元|換金|現金化|支給|お礼|精算|"
    r"で報酬|のお支払|の支払)"
)

RULES: tuple[Rule, ...] = (
    Rule(
        id="deal_word",
        pattern=rf"(?P<s>{DIRECT}\s?(?:の|で|に|的な|的に|での)?\s?{_DIRECT_DEAL})",
        examples=("次回からは直接契約にさせていただけませんか？",),
        reason="「直接」 with a deal word (dev-050, dev-069); not 直接書き込む/直接編集",
    ),
    Rule(
        id="rule",
        pattern=rf"(?P<s>(?:弊社|当社|私|わたし|個人)(?:と|的に)(?:の)?\s?{DIRECT})[^。!?\n]{{0,24}}?{_DIRECT_DEAL}",
        examples=("契約も弊社と直接結ばせていただければと思います。",),
        reason="「弊社と直接」 (dev-061); the verb may be far",
    ),
    Rule(
        id="talking_directly_then_deal",
        pattern=rf"(?P<s>{DIRECT}\s?(?:やり取り|やりとり|ご?連絡|お?話し?)(?:して|をして|で|を|させていただいて|いただいて)?\s?"
        rf"(?:の上で?)?{_DIRECT_DEAL})",
        examples=("直接やりとりして契約しませんか？",),
        reason="talking directly, then a deal",
    ),
    Rule(
        id="separate_private_contract",
        pattern=r"(?P<s>(?:(?:弊社|当社|私|わたし)と\s?(?:の)?\s?(?:個別|別途|直)(?:に|で|の)?|個人間|個人的|(?<![一-龥])直)"
        r"(?:で|に|の|での|にて|的に|な)?\s?[ごお]?(?:契約|取引|取り引き|支払))",
        examples=("今後は弊社と個別に契約を結んでいただけないでしょうか。",),
        reason="a separate or private contract (個別契約, 個人間の取引, 直取引)",
    ),
    Rule(
        id="phrase_spaced_out_slip",
        pattern=r"(?P<s>直[ 　・.\-_*]{1,2}接[ 　・.\-_*]{0,2}(?:契[ 　・.\-_*]{0,2}約|取[ 　・.\-_*]{0,2}引))",
        examples=("直　接　契　約でお願いします",),
        reason="the phrase spaced out to slip past filters",
    ),
    Rule(
        id="going_around_platform_deal",
        pattern=rf"(?P<s>{_BYPASS})[^。!?\n]{{0,40}}?{_DEAL}",
        examples=("報酬もクラウドワークスを通さず銀行振込でお支払いする形にしませんか",),
        reason="going around the platform with a deal in the sentence (dev-051, dev-061)",
    ),
    Rule(
        id="deal_word_before_bypass",
        pattern=rf"{_DEAL}[^。!?\n]{{0,20}}?(?P<s>{_BYPASS})",
        examples=("お支払いはクラウドワークス外でお願いします",),
        reason="deal word before the bypass",
    ),
    Rule(
        id="platform_fee_reason_deal",
        pattern=r"(?<!振込|振り込み|送金|決済)(?P<s>(?:手数料|システム利用料|利用料|仲介料|マージン|中抜き)(?:分)?\s?"
        r"(?:が|は|を|も)?\s?(?:\d{1,2}\s?[%％]\s?(?:も|が)?\s?)?(?:かから(?:ない|ず)|取られ(?:る|て|ない|ず)?|"
        r"引かれ(?:る|て|ない|ず)?|発生し(?:ない|ません)|もったいない|高い|高すぎ|浮[くかき]|節約|カット|払わなくて|"
        r"払わずに|ゼロ|0円|無しで|なしで|上乗せ|還元|不要に))",
        examples=("お互い手数料がかからないので",),
        reason="the platform fee as the reason to deal outside (dev-050, dev-051)",
    ),
    Rule(
        id="outside_payment_means",
        pattern=rf"(?P<s>{_PAY_MEANS}\s?(?:で|にて|による|での|経由で)\s?(?:直接\s?)?(?:の\s?)?{_PAY_VERB})",
        examples=("報酬は銀行振込で直接お支払いします",),
        reason="an outside payment means (dev-051)",
    ),
    Rule(
        id="rewards_paid_points_cash",
        pattern=rf"(?P<s>(?:報酬|お支払い|支払い|謝礼|ギャラ|お給料|給与|代金|お礼)\s?(?:は|を|も|の)?[^。!?\n]{{0,14}}?"
        rf"{_PAY_MEANS})\s?(?:で|にて|として|に(?:て)?|から)",
        examples=("報酬はアプリ内のポイントで付与され、1,000ポイントから現金に換金できます。",),
        reason="rewards paid in points, cash or another outside means (dev-064)",
    ),
    Rule(
        id="bank_wallet_payment_app",
        pattern=rf"(?P<s>{_OUTSIDE_MEANS}\s?(?:へ|に|で|にて|の|から)?\s?{DIRECT}|{DIRECT}\s?(?:に|で|へ)?\s?{_OUTSIDE_MEANS})",
        examples=("報酬は仮想通貨のウォレットへ直接お送りします。",),
        reason="a bank, wallet or payment app joined to 「直接」: 「楽天銀行へ直接」「ウォレットで直接」",
    ),
    Rule(
        id="crypto_wallet_exchange_account",
        pattern=r"(?P<s>(?:ウォレット|(?:仮想|暗号)(?:通貨|資産)|usdt|usdc|btc|ビットコイン|イーサリアム)(?:の|用の)?\s?"
        r"(?:ウォレット|アドレス|受け?取り?(?:用の?)?アドレス|口座)|(?:暗号資産|仮想通貨)?取引所(?:の|で|に|へ)\s?(?:口座)?\s?"
        r"(?:を|の)?\s?(?:ご?登録|開設|口座開設|アカウント))",
        examples=("報酬受け取り用にUSDTのウォレットアドレスを教えてください。",),
        reason="a crypto wallet or exchange account to be paid through",
    ),
    Rule(
        id="paying_invoice_paying_outside",
        pattern=r"(?P<s>請求書\s?(?:払い|払|でのお?支払|で(?:の)?精算|での取引|をお?(?:送り|送付|発行|出し|いただ|下さ|くださ)"
        r"|を発行して|を送って|を出して))",
        examples=("請求書払いにしたいので、ご住所と振込先の銀行口座を教えていただければ",),
        reason="paying on an invoice is paying outside the platform (dev-069)",
    ),
    Rule(
        id="after_contract_link_site",
        pattern=r"(?P<s>(?:お?(?:支払い?|振込)|決済|送金|報酬の?受け?取り?|換金|出金)(?:手続き)?\s?(?:は|を|用の|の|に)?\s?"
        r"(?:こちらの|下記の|以下の|この|専用の|別の|外部の)?\s?(?:リンク|url|ページ|サイト|フォーム|アプリ)"
        r"(?:から|で|より|にて|を))",
        examples=("今回のお支払いはこちらのリンクからお願いします https://pay.example.com/x",),
        reason="after a contract, a link or site used for payment is direct_deal (RUBRIC edge cases)",
    ),
    Rule(
        id="same_verb_after_link",
        pattern=r"(?P<s>(?:リンク|url|ページ|サイト|フォーム|アプリ)(?:から|より|で|にて)\s?(?:の)?\s?(?:報酬|お金|代金|料金)?(?:を|の)?\s?"
        r"(?:お?(?:支払|振込|受け取)|決済|送金|換金|出金))",
        examples=("こちらのサイトから報酬をお受け取りください",),
        reason="the same, verb after the link",
    ),
)

# English: paying or contracting directly, outside the platform, or through an outside means.
_EN_DEAL = r"(?:pay|paid|payment|payments|contract|deal|work|job|jobs|hire|invoice|money|fee|fees|commission|transfer)"
_EN_MEANS = (
    r"(?:bank transfer|wire transfer|bank account|paypal|western union|wise|venmo|cash ?app|zelle|crypto(?:currency)?|"
    r"usdt|usdc|bitcoin|btc|eth(?:ereum)?|tether|(?:crypto |usdt |btc |digital )?wallet|gift cards?|amazon gift)"
)
RULES += (
    Rule(
        id="english_paying_contracting_directly",
        pattern=r"(?P<s>(?<![a-z])(?:pay(?:ing)?(?: you)?|paid|contract(?: with you)?|work(?: with you)?|deal|hire you|invoice me|send (?:you )?(?:the )?money)"
        r"\s(?:directly|privately|personally|off[- ]platform)(?![a-z])|(?<![a-z])direct (?:contract|payment|deal)s?(?![a-z]))",
        examples=("From the next job I'd like to pay you directly.",),
        lang="en",
        reason="in English: paying or contracting directly",
    ),
    Rule(
        id="english_going_around_platform",
        pattern=rf"(?P<s>(?<![a-z])(?:outside(?: of)?|off|bypass(?:ing)?|skip(?:ping)?|avoid(?:ing)?|without(?: going through| using)?|"
        rf"leave|leaving|not (?:through|via|on|by|using|with|in))\s(?:the\s)?{PLATFORM}(?![a-z])|"
        rf"(?<![a-z])(?:save|avoid|skip|cut)\s(?:the\s)?(?:{PLATFORM}\s)?(?:fees?|commission|service charges?)(?![a-z]))",
        examples=("Let's continue outside CrowdWorks to save the fees.",),
        lang="en",
        reason="in English: going around the platform (with a deal word in the sentence)",
    ),
    Rule(
        id="english_outside_payment_means",
        pattern=rf"(?P<s>(?<![a-z]){_EN_DEAL}[^.!?\n]{{0,30}}?(?:via|by|through|with|using|over|to your|into your|in|is|are|will be|as)\s"
        rf"(?:a\s|your\s|my\s|an\s)?{_EN_MEANS}(?![a-z])|(?<![a-z]){_EN_MEANS}\s(?:payment|transfer)s?(?![a-z]))",
        examples=("I will pay you by bank transfer every month.",),
        lang="en",
        reason="in English: an outside payment means",
    ),
)
RULES += (
    Rule(
        id="english_crypto_wallet_exchange",
        pattern=r"(?P<s>(?<![a-z])(?:send|give|share|provide|tell|need|want|text|dm)\s(?:me|us)?\s?(?:your|the|a)\s"
        r"(?:crypto\s|usdt\s|usdc\s|btc\s|bitcoin\s|eth\s|trc-?20\s|erc-?20\s)?wallet(?:\saddress)?|"
        r"(?<![a-z])(?:crypto|usdt|usdc|btc|bitcoin|eth|trc-?20|erc-?20)\swallet(?:\saddress)?|(?<![a-z])wallet address(?:es)?|"
        r"(?<![a-z])(?:register|sign up|open an account|create an account|make an account)\s(?:at|on|with|in)\s(?:our|the|a|this|my)\s"
        r"(?:partner\s|crypto\s|trading\s)?exchange(?![a-z]))",
        examples=("Please share your USDT wallet address so I can send the payment.",),
        lang="en",
        reason="in English: a crypto wallet or exchange account to be paid through",
    ),
    Rule(
        id="english_payment_sent_directly",
        pattern=r"(?P<s>(?<![a-z])(?:payments?|salary|the fee|your fee|money|paid|pay you)(?:\s(?:is|are|will be|goes|go|sent|made|paid|transferred))?"
        r"[^.!?\n]{0,30}?\sdirectly(?![a-z]))",
        examples=("Payment will be sent to you directly every Friday.",),
        lang="en",
        reason="in English: payment sent directly (not through the platform's escrow)",
    ),
)
_EN_BYPASS_RULE = RULES[-4].pattern
_EN_DEAL_WORD = compile_pattern(rf"(?<![a-z]){_EN_DEAL}(?![a-z])")

# Rules that describe how the client pays: only a client (or unknown sender) proposes them.
_CLIENT_ONLY = {
    r.pattern for r in RULES
    if r.note.startswith(("an outside payment", "rewards paid", "after a contract, a link", "the same, verb"))
}
_FEE_RULE = next(r.pattern for r in RULES if r.note.startswith("the platform fee"))
# The fee alone is a reason to deal outside only when the message speaks of that.
_OUTSIDE_CONTEXT = compile_pattern(rf"{DIRECT}|{_BYPASS}|外で|外の|個人的に|個人間|(?<![一-龥])直(?:で|に|取引)")
# The platform's own flows: 「クラウドワークス上で」「クラウドワークス経由で」 (unless going around it).
_ON_PLATFORM = compile_pattern(
    rf"{PLATFORM}\s?(?:上|内|経由|を通じ|を通して|を通|のメッセージ|の機能|の直接依頼|の決済|の仮払い|から|で|にて)"
)
_BYPASS_RE = compile_pattern(_BYPASS)
# 「Payment is made directly through CrowdWorks escrow」: the platform's own flow in English.
_EN_ON_PLATFORM = compile_pattern(
    rf"(?<!not |outside |off |without |instead of )(?<![a-z])(?:through|via|on|in|using|within|inside|by)\s(?:the\s)?{PLATFORM}"
)
_SENTENCE_CUT = compile_pattern(r"[。!?\n]")


class DirectDealDetector(RuleDetector):
    name = "direct_deal"
    category = "direct_deal"
    kind = "risk"
    rules = RULES
    terms = (
        "直", "ちょくせつ", "じかに", "個別", "別途", "個人間", "個人的", "利用料", "仲介料", "マージン", "中抜き", "クラウド",
        "crowd", "クラワ", "cw", "手数料", "振込", "振り込", "pay", "ペイ", "現金", "手渡", "ギフト", "アマギフ",
        "電子マネー", "仮想通貨", "暗号資産", "usdt", "ビットコイン", "wise", "western", "ポイント", "請求書", "支払", "決済", "送金",
        "受け取", "受取", "換金", "出金", "direct", "outside", "off", "bypass", "skip", "avoid", "without", "leav", "not ",
        "save", "cut", "transfer", "account", "wise", "venmo", "cash", "zelle", "crypto", "bitcoin", "btc", "gift", "personally",
        "privately", "wallet", "exchange", "ウォレット", "銀行", "口座", "ゆうちょ", "paid", "paidy", "ペイディ", "メルペイ",
        "d払い", "取引所", "usdc", "イーサリアム", "eth", "tether",
    )
    examples = Examples(
        positive=(
            "クラウドワークスは手数料が高いので、次回からは直接契約にさせていただけませんか？",
            "契約もクラウドワークスを通さず弊社と直接結ばせていただければと思います。",
            "次からは報酬もクラウドワークスを通さず銀行振込で直接お支払いする形にしませんか？",
            "報酬はアプリ内のポイントで付与され、1,000ポイントから現金に換金できます。",
            "今後はCWを介さずにお取引できればと考えております。",
            "お支払いはPayPayでお送りしますね。",
        ),
        negative=(
            "直接契約はできません。",
            "はい、ドキュメントに直接書き込んでいただいて大丈夫です。",
            "契約とお支払いはすべてクラウドワークス上で行います。",
            "クラウドワークス外での契約はお受けしておりません。",
            "記事のテーマは「直接契約のメリットとデメリット」です。",
            "振込手数料はかかりません。",
        ),
        positive_after_contract=(
            "実は5月以降も月8本ほどお願いしたいと考えていまして、弊社と直接契約に切り替えていただくことはできますか？",
            "請求書払いにしたいので、ご住所と振込先の銀行口座を教えていただければ、こちらで処理します。",
            "今回のお支払いはこちらのリンクからお願いします https://pay.example.com/x",
        ),
        negative_after_contract=(
            "5月分もクラウドワークスで契約・お支払いをする形で社内調整しますね。",
            "仮払いが完了しました。",
        ),
    )

    def applies(self, msg: MessageView) -> bool:
        return not_system(msg)

    def rule_applies(self, rule: Rule, msg: MessageView, state: dict) -> bool:
        return rule.pattern not in _CLIENT_ONLY or asks_the_worker(msg)

    def accept(self, text: str, m, rule: Rule, msg: MessageView, state: dict) -> bool:
        start, end = span_of(m)
        if in_topic(text, start, end) or refused_around(text, m):
            return False
        s_start, s_end = _sentence_of(text, m)
        outside = _BYPASS_RE.search(text, s_start, s_end) is not None
        c_start, c_end = clause(text, start)
        if rule.pattern == _EN_BYPASS_RULE:
            return _EN_DEAL_WORD.search(text, s_start, s_end) is not None
        if rule.pattern == _FEE_RULE:
            if "outside" not in state:
                state["outside"] = _OUTSIDE_CONTEXT.search(text) is not None
            return state["outside"]
        # 「クラウドワークス上で直接ご契約」: the platform's own way, unless it is being bypassed.
        if _EN_ON_PLATFORM.search(text, s_start, s_end):
            return False
        return outside or not _ON_PLATFORM.search(text, min(c_start, start), max(c_end, end))


def _sentence_of(text: str, m) -> tuple[int, int]:
    lo = max(0, m.start() - 120)
    start = lo
    for cut in _SENTENCE_CUT.finditer(text, lo, m.start()):
        start = cut.end()
    cut = _SENTENCE_CUT.search(text, m.end(), min(len(text), m.end() + 120))
    return start, cut.start() if cut else min(len(text), m.end() + 120)


DETECTOR = DirectDealDetector()
