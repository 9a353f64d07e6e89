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

from dataclasses import dataclass

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ..lang import vocab
from ..lang.ja import clauses
from . import _channels as ch
from ._cues import (
    AMOUNT,
    DIRECT,
    PAYMENT_APP,
    PLATFORM,
    RuleDetector,
    asks_the_worker,
    clause,
    enclosing_quote,
    hidden_in_the_work,
    in_topic,
    not_system,
    occurs_in_message,
    refused_around,
    relayed_from_own_side,
    reported,
    span_of,
)


def _words(group: str, lang: str = "ja") -> str:
    """A group of lang/<lang>/deals.json as one regular-expression group."""
    return f"(?:{vocab.words(lang, 'deals', group)})"


# Deal words that make 「直接」 or a platform bypass a deal rather than a chat (the honorific ご/お
# is grammar: 「お支払い」「ご依頼」).
_DEAL = rf"(?:[ごお]?{_words('deal_after_prefix')}|{_words('deal')})"
_DIRECT_DEAL = rf"(?:[ごお]?{_words('direct_deal_after_prefix')}|{_words('direct_deal')})"
_AROUND = rf"\s?(?:を|は)?\s?{_words('bypass')}"
_BYPASS = PLATFORM + _AROUND
# In a terse proposal the platform may be named by what it is (「次の分から システム通さずに」); not with a
# deal word alone (「契約前はサイト外での連絡ができない…契約後に」 states the rule).
_BYPASS_TERSE = rf"(?:{PLATFORM}|{_words('platform_said_otherwise')})" + _AROUND
_PAY_MEANS = _words("payment_means")
# Means whose name joined to 「直接」 is a payment outside the platform (not 「ポイント」: 「修正ポイントに
# 直接コメント」); a bank by name first (「ゆうちょ銀行」, not 「ゆうちょ」).
_OUTSIDE_MEANS = rf"(?:{vocab.words('ja', 'deals', 'banks')}|{vocab.words('ja', 'deals', 'outside_accounts')})"
_PAY_VERB = _words("pay_verbs")
_PAGE = _words("payment_pages")


@dataclass(frozen=True, slots=True)
class DealRule(Rule):
    """A rule of this detector, with what its context checks need to know about it."""
    # How the client pays (a means, a link): only a client (or an unknown sender) proposes it.
    client_only: bool = False
    # The platform fee as a reason (「手数料がかからない」): a deal only when the message also speaks of
    # dealing outside (「直接」, going around the platform, 「個人間」).
    needs_outside: bool = False
    # Going around the platform in English: a deal only with a deal word in the sentence
    # (「pay」「contract」), not 「please don't contact me outside CrowdWorks」.
    needs_deal_word: bool = False
    # Going around the platform with no deal word (「CWを通さずにお願い」): a deal only when the message
    # speaks of the next jobs (「2回目以降は」「次から」).
    needs_next: bool = False
    # Receiving through a page is a payment only when the sentence names money (「お支払いは…リンクから
    # お受け取りください」); 「お仕事は専用アプリで受け取って」 is work.
    money_named: bool = False
    # A fee waived (「no fee」) is what a direct deal offers, not a waiver of it (English clauses).
    fee_waiver_is_bait: bool = True
    # The match names the platform as what is gone around, in negative words of its own (「no need to
    # go through crowdworks」「without using CrowdWorks」): those words neither waive it nor place it on
    # the platform.
    negative_by_itself: bool = False


# A sum and its を before a transfer verb (「別で2千円ﾌﾘｺﾐします」), and the verb (transferred_separately).
_SUM_SENT = r"(?:\d[\d,.]*\s?(?:千|万)?\s?円?\s?)?(?:を\s?)?"
_TRANSFERRING = r"お?振り?込(?:み|ま|む|ん)|ふりこ(?:み|ま|む|ん)|送金し"


RULES: tuple[DealRule, ...] = (
    DealRule(
        id="directly_with_deal_word",
        pattern=rf"(?P<s>{DIRECT}\s?(?:の|で|に|的な|的に|での)?\s?{_DIRECT_DEAL})",
        examples=("次回からは直接契約にさせていただけませんか？",),
        counter_examples=(
            "直接契約には応じられません。",
            "記事のタイトルは「直接契約で失敗しないために」です。",
        ),
        reason="「直接」 with a deal word (dev-050, dev-069); not 直接書き込む/直接編集",
    ),
    DealRule(
        id="with_us_directly",
        pattern=rf"(?P<s>(?:弊社|当社|私|わたし|個人)(?:と|的に)(?:の)?\s?{DIRECT})[^。!?\n]{{0,24}}?{_DIRECT_DEAL}",
        examples=("契約も弊社と直接結ばせていただければと思います。",),
        counter_examples=(
            "弊社と直接契約を結ぶことはできません。",
        ),
        reason="「弊社と直接」 (dev-061); the verb may be far",
    ),
    DealRule(
        id="direct_contract_said_otherwise",
        # talking directly, then a deal (「直接やりとりして契約」); a separate or private contract (個別契約,
        # 個人間の取引, 直取引); the phrase cut by symbols to slip past filters (「直・接・契・約」; spaced
        # letter by letter, the normaliser has already joined it)
        pattern=rf"(?P<s>{DIRECT}\s?(?:やり取り|やりとり|ご?連絡|お?話し?)(?:して|をして|で|を|させていただいて|いただいて)?\s?"
        rf"(?:の上で?)?(?:{_DIRECT_DEAL}|お仕事|仕事|案件)|"
        r"(?:(?:弊社|当社|私|わたし)と\s?(?:の)?\s?(?:個別|別途|直)(?:に|で|の)?|個人間|個人的|(?<![一-龥])直)"
        r"(?:で|に|の|での|にて|的に|な)?\s?[ごお]?(?:契約|取引|取り引き|支払|払|振込|振り込|送金)|"
        r"直[ 　・.\-_*]{1,2}接[ 　・.\-_*]{0,2}(?:契[ 　・.\-_*]{0,2}約|取[ 　・.\-_*]{0,2}引))",
        examples=(
            "直接やりとりして契約しませんか？",
            "今後は弊社と個別に契約を結んでいただけないでしょうか。",
            "直・接・契・約でお願いします",
            "手数料ムダなんでPayPalで直払いでよくないですか？笑",
            "いったんキャンセルして、直で振込にさせて",
        ),
        counter_examples=(
            "直接やりとりして契約することは規約で禁止されています。",
            "個人間の取引はお断りしています。",
            "弊社と個別に契約することはできません。",
            "直・接・契・約はできません。",
        ),
        reason="a direct contract said another way: talking directly then a deal, a separate or private contract, the phrase cut by symbols",
    ),
    DealRule(
        id="bypass_then_deal_word",
        pattern=rf"(?P<s>{_BYPASS})[^。!?\n]{{0,40}}?{_DEAL}",
        examples=("報酬もクラウドワークスを通さず銀行振込でお支払いする形にしませんか",),
        counter_examples=(
            "クラウドワークスを通さないお取引はお受けできません。",
            "クラウドワークスを通さずにお支払いすることはありません。",
        ),
        reason="going around the platform with a deal in the sentence (dev-051, dev-061)",
    ),
    DealRule(
        id="deal_word_then_bypass",
        pattern=rf"{_DEAL}[^。!?\n]{{0,20}}?(?P<s>{_BYPASS})",
        examples=("お支払いはクラウドワークス外でお願いします",),
        counter_examples=(
            "お支払いをクラウドワークス外で行うことはありません。",
        ),
        reason="deal word before the bypass",
    ),
    DealRule(
        id="platform_fee_as_reason",
        pattern=rf"(?<!{_words('other_fees')})(?P<s>{_words('platform_fees')}(?:分)?\s?"
        rf"(?:が|は|を|も)?\s?(?:\d{{1,2}}\s?[%％]\s?(?:も|が)?\s?)?{_words('fee_avoided')})",
        examples=("お互い手数料がかからないので、次回からは個人的にやり取りしませんか。",),
        counter_examples=(
            "クラウドワークスの手数料が高いのは承知していますが、契約はすべてクラウドワークス上で行います。",
            "振込手数料がかからないよう、クラウドワークスの仮払いでお支払いします。",
        ),
        reason="the platform fee as the reason to deal outside (dev-050, dev-051)",
        needs_outside=True,
    ),
    DealRule(
        id="english_pay_from_an_outside_portal",
        pattern=r"(?P<s>(?<![a-z])(?:fee|payment|pay|payout|salary|reward|earnings)(?:\s(?:will\sbe|is|gets|are)\s(?:released|paid|sent|processed))?"
        r"\s(?:from|via|through|on|at)\s(?:our|the|a|my)\s"
        r"(?:[a-z]+\s)?(?:payout|payment|finance|billing|wallet)\s(?:portal|site|page|link|app|system))(?![a-z])",
        examples=("our finance team will release your fee from our payout portal instead: payout-example.com/release",),
        counter_examples=("You can see the payment on the CrowdWorks page.", "We pay through the CrowdWorks escrow as usual."),
        lang="en",
        reason="in English: the pay released from the client's own portal instead of the platform (tr212)",
        client_only=True,
    ),
    DealRule(
        id="escrow_said_impossible",
        pattern=r"(?P<s>(?:仮払い|エスクロー)(?:機能)?\s?(?:は|が)\s?(?:システム上|仕様上|弊社では|当社では|こちらでは|うちでは|都合上|規定上)\s?"
        r"(?:できません|使えません|利用できません|ご利用できません|対応していません|対応しておりません|できない)"
        r"|(?<![a-z])(?:platform|crowdworks|cw|escrow)\s(?:does\s?n[o']t|do\s?n[o']t|no|can\s?not|can't|cannot)\s(?:support|handle|allow|work with)\s(?:our|the|this)?\s?"
        r"(?:salary|payment|pay|payout|escrow)(?:\ssystem)?)",
        examples=("仮払いはシステム上できません。返金先の口座を教えてください", "Platform no support our salary system, register on our site"),
        counter_examples=("仮払いが完了していないため、作業はまだ開始できません。",
                          "仮払いはクラウドワークスのシステム上で行います。"),
        reason="the platform's escrow said to be impossible, so paying goes elsewhere (tr200, tr199)",
        client_only=True,
    ),
    DealRule(
        id="outside_payment_means",
        # 「別で」「別途」: paid apart from the platform's order (「PayPayで別で送るんでID教えて」, tr180)
        pattern=rf"(?P<s>{_PAY_MEANS}\s?(?:で|でも|にて|による|での|経由で)\s?(?:(?:直接|別で|別途|個別に)\s?)?(?:{AMOUNT}\s?(?:を|分)?\s?)?(?:の\s?)?{_PAY_VERB})",
        examples=("報酬は銀行振込で直接お支払いします", "評価★5にしてもらえたらPayPayで1000円お送りします",
                  "追加カット代だけPayPayで別で送るんでID教えてください", "手数料分は上乗せします。PayPayでも送れます"),
        counter_examples=(
            "報酬は銀行振込でお支払いすることはできません。すべてクラウドワークスの仮払いで行います。",
            "現金でのお支払いはいたしません。",
        ),
        reason="an outside payment means (dev-051)",
        client_only=True,
    ),
    DealRule(
        id="reward_in_outside_means",
        pattern=rf"(?P<s>{_words('rewards')}\s?(?:は|を|も|の)?[^。!?\n]{{0,14}}?"
        # (not 「ではなく」: 「報酬はポイントではなく円で、CrowdWorksのアカウントに反映されます」, tr246)
        rf"{_PAY_MEANS})\s?(?:で(?!は\s?(?:なく|無く|ない|ありません|ございません))|にて|として|に(?:て)?|から)",
        examples=("報酬はアプリ内のポイントで付与され、1,000ポイントから現金に換金できます。",),
        counter_examples=(
            "報酬はポイントではなくクラウドワークスでお支払いします。",
            "本案件はCrowdWorksのタスク形式のため、報酬はポイントではなく円で、承認後に反映されます。",
        ),
        reason="rewards paid in points, cash or another outside means (dev-064)",
        client_only=True,
    ),
    DealRule(
        id="outside_account_directly",
        pattern=rf"(?P<s>{_OUTSIDE_MEANS}\s?(?:へ|に|で|にて|の|から)?\s?{DIRECT}|{DIRECT}\s?(?:に|で|へ)?\s?{_OUTSIDE_MEANS})",
        examples=("報酬は仮想通貨のウォレットへ直接お送りします。",),
        counter_examples=(
            "楽天銀行へ直接のお振込みはできかねます。",
            "ゆうちょ銀行に直接問い合わせていただく必要はありません。",
        ),
        reason="a bank, wallet or payment app joined to 「直接」: 「楽天銀行へ直接」「ウォレットで直接」",
    ),
    DealRule(
        id="crypto_wallet_or_exchange",
        pattern=rf"(?P<s>{_words('crypto')}(?:の|用の)?\s?"
        r"(?:ウォレット|アドレス|受け?取り?(?:用の?)?アドレス|口座)|(?:暗号資産|仮想通貨)?取引所(?:の|で|に|へ)\s?(?:口座)?\s?"
        r"(?:を|の)?\s?(?:ご?登録|開設|口座開設|アカウント))",
        examples=("報酬受け取り用にUSDTのウォレットアドレスを教えてください。",),
        counter_examples=(
            "暗号資産取引所の口座開設は不要です。",
        ),
        reason="a crypto wallet or exchange account to be paid through",
    ),
    DealRule(
        id="crypto_address_given",
        # a TRON (T…, 34 characters) or Ethereum (0x…, 42) address, with its network or coin named before it
        pattern=r"(?<![a-z0-9])(?:trc\s?-?20|erc\s?-?20|usdt|usdc|eth|tron|btc|ウォレット|アドレス|送り先|送金先)\s?[:：→]?\s?"
        r"(?P<s>t[1-9a-z]{33}|0x[0-9a-f]{40})(?![0-9a-z])",
        examples=("解除金の送り先 TRC20 TQ7mX2vLp9Rk3NwYh8sJd4FbZc6GtEa1Ub",),
        counter_examples=("0x から始まる形式かどうかのチェックを実装してください",),
        reason="a crypto wallet address given to be paid into (RUBRIC.md v2: a crypto wallet address asked for payment is direct_deal; tr221)",
    ),
    DealRule(
        id="invoice_payment",
        pattern=r"(?P<s>請求書\s?(?:払い|払|でのお?支払|で(?:の)?精算|での取引|ベースで(?:の)?お?(?:振込|振り込|支払)|をお?(?:送り|送付|発行|出し|いただ|下さ|くださ)"
        r"|を発行して|を送って|を出して|を[^。!?\n、]{1,8}?(?:送って|お送り|送付|発行して|出して)))"
        # (not a question whether one is needed: 「請求書を発行していただく必要はありますか」, tr330)
        r"(?![^。!?\n]{0,8}?必要(?:は|が)?\s?(?:ありますか|ございますか|ですか|でしょうか|あるでしょうか))",
        examples=("請求書払いにしたいので、ご住所と振込先の銀行口座を教えていただけますか。", "手数料がかかるので請求書ベースでお振込みする形にできませんか"),
        counter_examples=(
            "請求書払いには対応しておりません。お支払いはクラウドワークス上で行います。",
            "請求書の発行はクラウドワークスからできます。",
            "そちらで請求書を発行していただく必要はありますか？",
        ),
        reason="paying on an invoice is paying outside the platform (dev-069)",
    ),
    DealRule(
        id="payment_link_or_site",
        # in either order: 「お支払いはこちらのリンクから」「こちらのサイトから報酬をお受け取りください」
        pattern=r"(?P<s>(?:お?(?:支払い?|振込)|決済|送金|(?:報酬|ほうしゅう)の?受け?取り?|換金|出金)(?:手続き)?\s?(?:は|を|用の|の|に)?\s?"
        rf"(?:こちらの|下記の|以下の|下の|次の|この|専用の|別の|外部の)?\s?{_PAGE}"
        # (or the app installed, the particle dropped: 「ほうしゅう受取はこのアプリ入れてね」, round 16)
        r"(?:から|で|より|にて|を|\s?(?:入れ|いれ|インストール|ダウンロード|dl|登録))|"
        rf"{_PAGE}(?:から|より|で|にて)\s?(?:の)?\s?(?:報酬|お金|代金|料金)?(?:を|の)?\s?"
        r"(?:お?(?:支払|振込|受け取)|決済|送金|換金|出金))",
        examples=(
            "今回のお支払いはこちらのリンクからお願いします https://pay.example.com/x",
            "こちらのサイトから報酬をお受け取りください",
            "報酬の受取は下のサイトで登録しといてください https://pay.example.cc/u/1",
            "報酬受取はこのアプリ入れてね→ bit.ly/3xYz",
        ),
        counter_examples=(
            "お支払いはこちらのリンクからではなく、クラウドワークスで行います。",
            "こちらのサイトから報酬をお受け取りいただくことはできません。",
            "クラウドワークス上のページから報酬をお受け取りください。",
            "お仕事は専用アプリで受け取っていただきます。",
            "報酬はクラウドワークスからお支払いされます。検収後、マイページから出金申請をすると口座に振り込まれます。",
        ),
        reason="after a contract, a link or site used for payment is direct_deal (RUBRIC edge cases), the payment named before or after it",
        client_only=True,
        money_named=True,
    ),
    DealRule(
        id="payment_app_account",
        pattern=rf"(?P<s>{PAYMENT_APP}\s?(?:の|で|に)?\s?(?:送金用の?|受け?取り?用の?)?\s?"
        r"(?:id|アカウント|ユーザー名|ユーザーid|送金リンク|受け?取り?リンク)(?![a-z])"
        # the app accepted as the way to pay, in a few words: 「PayPayでもOKです」
        rf"|{PAYMENT_APP}\s?(?:でも|で)\s?(?:ok|オッケー|いい|良い|大丈夫|可(?!能性)|構いません|かまいません))",
        examples=("PayPayでもOKです ID: ktnk_0302", "報酬はペイペイのIDに送ります"),
        counter_examples=(
            "PayPayのIDをお送りすることはできません。お支払いはクラウドワークスで行います。",
            "PayPayのQRコード決済の使い方を解説する記事です。",
            "レジ前に置くPOPです。PayPayと楽天ペイのQRコードを並べてください。",
        ),
        reason="a payment app's account handed over or the app accepted for paying (tr153): the money moves outside the platform",
    ),
)

# Terse: the next job taken outside in a few words (「次から直で」「直でやりませんか」「ちょっけいで」),
# going around the platform for the next jobs (「2回目からはCW通さずにお願い」), the client's own
# payment system (「報酬のお受け取りは弊社の支払いシステムから」).
_NEXT = _words("next_time")
_DIRECT_WORD = r"(?:(?<![一-龥])直接?|ちょく|じか)"
_PROPOSING = _words("proposing")
RULES += (
    DealRule(
        id="next_time_directly",
        # (the deal named after it, an emoji closing it: 「次回以降は直接やり取りで」「次回から直接で🙏」, round 19)
        pattern=rf"(?P<s>{_NEXT}[^。!?\n]{{0,8}}?{_DIRECT_WORD}\s?(?:{_words('direct_deal_nouns')})?\s?(?:で|に|が|の方が|のほうが)?)"
        # (or offered on a condition: 「次回から直接ご依頼いただければ…」, round 22)
        r"(?=\s?(?:" + _PROPOSING + r"|お願い|いい|良い|希望|嬉しい|うれしい|助かり|助かる|いただければ|いただけたら|頂ければ|もらえれば|"
        r"くだされば|[?。!\n]|\p{So}|$))",
        examples=("次回は直でお願いできます？", "次回以降は直接やり取りで", "次回から直接で🙏",
                  "ありがとうございます🙏 次回から直接ご依頼いただければ手数料分お安くします"),
        counter_examples=(
            "次回も直接こちらのメッセージでご連絡ください。",
            "次から直接ドキュメントに書き込んでください。",
            "次回から直接のお取引はお受けできません。",
        ),
        reason="the next jobs taken direct in a few words (tr7-009, tr8-012, tr3-0165 family)",
    ),
    DealRule(
        id="direct_proposed",
        pattern=rf"(?P<s>{_DIRECT_WORD}\s?(?:で|が|の方が|のほうが)\s?(?:{AMOUNT}\s?(?:で|に|なら)?\s?)?(?:{_PROPOSING}))",
        examples=("直でやりませんか", "CW通すと手数料ムダなんで直で5千円でどう？"),
        counter_examples=(
            "直で書き込んでもらって大丈夫です。",
            "直でのお取引はお受けできません。",
        ),
        reason="「直で」 with a proposal: 「直でやりませんか」「直でどうですか」「直でお仕事」 (tr5-0091 family)",
    ),
    DealRule(
        id="outside_means_proposed",
        # the means offered as a question, no verb of paying (「ﾌﾘｺﾐでどうすか？そのぶん単価+500」, tr301)
        pattern=rf"(?P<s>(?!ポイント){_PAY_MEANS}\s?(?:で|に|にして)\s?(?:{_PROPOSING}))",
        examples=("ﾌﾘｺﾐでどうすか？そのぶん単価+500にしますよ", "次から銀行振込でいかがでしょう"),
        counter_examples=(
            "振込でどうですか、と言われたのですが大丈夫でしょうか",
            "銀行振込でのお取引はできません。",
            "見出しは14ポイントでいかがでしょう",
        ),
        reason="an outside payment means proposed in a few words (tr301 family)",
        client_only=True,
    ),
    DealRule(
        id="outside_means_sent",
        # the money sent or paid by an outside means, whatever it is for (「追加分は現金書留で送りますね」,
        # 「差額はPayPayで払います」, tr331)
        # (the sender's own act, said as one: 「送ります」, not a description 「現金で支払う人が減っている」)
        pattern=rf"(?P<s>(?!ポイント){_PAY_MEANS}\s?(?:で|にて)\s?(?:お?送り|送金し|お?支払い?し?|払い|お?渡し))(?=ます|ましょう)",
        # (with a word for the reward, 「追加分は現金書留で」, reward_in_outside_means reads it already)
        examples=("残りは現金書留で送りますね", "PayPayで払いますね"),
        counter_examples=("銀行振込でお支払いすることはできません。", "現金書留で送りますと言われたら、まず事務局に相談してください。"),
        reason="money sent or paid by an outside means, in a few words (tr331 family; reward_in_outside_means without the word for the reward)",
        client_only=True,
    ),
    DealRule(
        id="direct_deal_slang",
        pattern=rf"(?P<s>{_words('direct_slang')})",
        examples=("次の案件はちょっけいでどうです？",),
        counter_examples=(
            "直営業のお誘いはお断りしています。",
        ),
        reason="slang for a direct deal (tr2-0060 family)",
    ),
    DealRule(
        id="bypass_next_time",
        # or said alone, the message ending on it (「で、次のやつCW通さずに」, tr170)
        # (the jobs handed round out there: 「次の10本、CW外で回せます?」, round 12)
        pattern=rf"(?P<s>{_BYPASS_TERSE})(?=\s?(?:に|で|て)?\s?(?:お願い|やり|進め|どう|いかが|続け|お仕事|お取引|いき|行き|いこ|行こ|回せ|回し|回す|回さ|[。!?\n]|\p{{So}}|$))",
        examples=("3回目からはクラウドワークスを通さずに進めたいです。", "で、次のやつCW通さずに", "次の10本、CW外で回せます?"),
        counter_examples=(
            "2回目以降もクラウドワークスを通さずにお願いすることはありません。",
        ),
        reason="going around the platform for the next jobs, with no deal word (tr2-0056 family)",
        needs_next=True,
    ),
    DealRule(
        id="bypass_proposed",
        # going around the platform, proposed in so many words (「CWを通さずにお願いできますか」「クラウドワークス
        # を通さずにやりませんか」, tr234): the proposal is the deal, no next job needed
        # (「直で」 between the two: 「CW通さず直でやりません?」, round 14)
        pattern=rf"(?P<s>{_BYPASS_TERSE}\s?(?:に|で|て)?\s?(?:(?:直接?|じか|個人)\s?(?:で|に)?\s?)?(?:{_PROPOSING}))",
        examples=("CWを通さずにお願いできますか", "クラウドワークスを通さずにやりませんか", "CW通さず直でやりません?",
                  "CW通さずに直接やりませんか"),
        counter_examples=(
            "クラウドワークスを通さずにお取引することはできません。",
            "「CWを通さずにやりませんか」と言われたら事務局に報告してください。",
        ),
        reason="going around the platform with a proposal (tr234): a direct deal even with no next job named",
    ),
    DealRule(
        id="bypass_as_the_condition_of_more_pay",
        # going around the platform as the condition of more money (「ｸﾗﾜ通さないなら」「5万出せます」, round 18:
        # read joined; 「クラウドワークスを通さなければ単価上げます」)
        pattern=rf"(?P<s>{PLATFORM}\s?(?:を)?\s?(?:通さ|介さ|経由し|使わ)(?:ない|なけれ)(?:なら|ば|んだったら|のであれば|場合は?))"
        rf"[^。!?\n]{{0,16}}?(?:{AMOUNT}|単価|報酬|金額)[^。!?\n]{{0,8}}?(?:出せ|出し|払え|払い|お支払い|上げ|上乗せ|アップ|増や|多め)",
        examples=("ちなみにクラワ通さないなら5万出せます", "クラウドワークスを通さなければ単価上げます"),
        counter_examples=("クラウドワークスを通さないなら報酬はお支払いできません",),
        reason="going around the platform as the condition of more pay (round 18): the deal is the bypass",
    ),
    DealRule(
        id="kept_from_the_platform",
        # the deal kept secret from the platform (「ここだけの話で🤫運営には内緒ね」, round 18)
        pattern=rf"(?P<s>(?:運営|事務局|{PLATFORM}|サイト側)(?:さん)?\s?(?:に|には|にも)\s?(?:は)?\s?(?:内緒|ないしょ|ナイショ|秘密|言わないで|バレない|ばれない|黙って))",
        examples=("ここだけの話で🤫運営には内緒ね", "事務局には言わないでくださいね"),
        counter_examples=("運営に内緒で取引しようと言われたら通報してください",),
        reason="a deal kept secret from the platform (round 18): only a deal around it needs hiding",
    ),
    DealRule(
        id="invoice_then_transfer",
        # an invoice asked for and a bank transfer promised (「請求書ください、振込します」, round 18): CrowdWorks
        # pays the worker; an invoice to the client is a payment around it
        pattern=r"(?P<s>請求書\s?(?:を)?\s?(?:ください|下さい|送って|お送り|いただければ|頂ければ|ちょうだい|もらえれば)[^。!?\n]{0,14}?(?:振込|振り込|お振込|送金|お支払い|支払い))",
        examples=("請求書ください、振込します", "請求書を送っていただければ、すぐお振込みします"),
        counter_examples=("請求書はクラウドワークスが発行しますので不要です",),
        reason="an invoice asked for and a transfer promised (round 18): paying the worker around the platform",
        client_only=True,
    ),
    DealRule(
        id="here_not_gone_through",
        # this place named as what is not gone through, the message or sentence ending on it or on a
        # proposal (「ここは通さずに」「次からはここ通さないで」, round 11): 通す is routing the deal itself
        pattern=r"(?P<s>(?:ここ|こっち|こちら)\s?(?:は|を)?\s?(?:通さ(?:ず|ない|なく)|介さ(?:ず|ない)|経由せず|経由しない|挟まず|挟まない))"
        r"(?=\s?(?:に|で|て)?\s?(?:お願い|やり|進め|どう|いかが|続け|いき|行き|いこ|行こ|[。!?\n]|\p{So}|$))",
        examples=("ここは通さずに", "次からはここ通さないで"),
        counter_examples=("線はここを通さずに右側へ逃がしてください", "ここを通さずにお取引することはできません。"),
        reason="this place as what the deal does not go through, said alone (round 11)",
    ),
    DealRule(
        id="fee_free_way",
        # the way without the platform's fee (「2話目からは手数料かからない方で」, round 11), not a bank's
        # transfer fee (「振込手数料がかからない方法」)
        pattern=rf"(?<!{_words('other_fees')})(?P<s>(?:手数料|システム利用料|利用料|マージン)\s?(?:が|の)?\s?"
        r"(?:かからない|かからん|引かれない|取られない|なし|無し|ゼロ|0円)\s?(?:の)?\s?(?:方|ほう|形|やり方|ルート|ところ)(?!法))\s?(?:で|に)",
        examples=("2話目からは手数料かからない方で", "次回からはマージン無しの形で"),
        counter_examples=("振込手数料がかからない方でお願いします", "手数料がかからない方法はありません"),
        reason="the way without the platform's fee, proposed (round 11)",
    ),
    DealRule(
        id="saved_fee_passed_on",
        # the platform's fee said to be saved and handed to the worker (「手数料が浮くので、その分上乗せします」
        # 「手数料ぶん浮くから上乗せするよ」, round 14): a fee not charged is a deal off the platform, which
        # always charges it; not a bank's transfer fee, and not the fee covered on the platform
        # (「手数料分を上乗せして契約します」 names no saving)
        pattern=rf"(?<!{_words('other_fees')})(?P<s>(?:{_words('platform_fees')})\s?(?:分|ぶん)?\s?(?:が|は|も|の)?\s?"
        r"(?:浮く|浮い|浮か|浮きます|かからない|かからん|かからなく|引かれない|取られない|取られなく|節約でき|払わなくて(?:いい|よい|済)))"
        r"[^。!?\n]{0,16}?(?:上乗せ|還元|お渡し|渡し|渡せ|プラス|足し|お支払い|(?<!仮)払(?:い|え|う)|あげ|上げ|お返し)"
        # or the fee's amount taken off the price (「手数料分お安くします」, round 22)
        rf"|(?<!{_words('other_fees')})(?P<s>(?:{_words('platform_fees')})\s?(?:分|ぶん|の分)\s?(?:を|は|だけ)?\s?"
        r"(?:お?安く|お?値引き|割引|引いて|まけ|オフ))",
        examples=("手数料が浮くので、その分上乗せします", "手数料ぶん浮くから上乗せするよ", "システム利用料がかからない分、報酬を上乗せします",
                  "直接ご依頼いただければ手数料分お安くします"),
        counter_examples=("振込手数料がかからない分、報酬を上乗せします", "手数料分を上乗せして契約します", "手数料はかからないので仮払いをお願いします",
                          "手数料が浮くから報酬を上乗せする、という誘いは規約違反です"),
        reason="the platform's fee said to be saved and handed to the worker: the deal off the platform (round 14)",
    ),
    DealRule(
        id="direct_pay_without_the_fee",
        # the pay sent straight to the worker, given as why no fee is charged (「報酬もサイトから直接振込なので
        # 手数料かかりません」, round 19); not a bank's transfer fee (「…なので振込手数料は…」)
        pattern=rf"(?P<s>(?<!\p{{Han}})直接?\s?(?:お|ご)?(?:振り?込み?|支払い?|払い|送金|入金)[^。!?\n]{{0,8}}?(?:なので|だから|ですので|のため|なら|だと|で)"
        rf"\s?[、,]?\s?(?<!{_words('other_fees')})(?:{_words('platform_fees')})\s?(?:が|は|も)?\s?"
        r"(?:かかりません|かからない|かからん|かかんない|なし|無し|ゼロ|0円|引かれません|引かれない|取られません|取られない|不要))",
        examples=("報酬もサイトから直接振込なので手数料かかりません", "直払いだとマージン取られないです"),
        counter_examples=("直接振込なので手数料がかからない、という誘いには応じないでください",
                          "「直接振込なので手数料かかりません」と言われたら通報してください"),
        reason="the pay sent straight to the worker as why no platform fee is charged (round 19)",
    ),
    DealRule(
        id="transferred_separately",
        # money said to be transferred separately or to another account (「ボーナスは別で振り込みます」
        # 「残金は別口座に振るね」「評価★5にしてくれたら別で2千円ﾌﾘｺﾐします」, round 15): a bank transfer beside
        # the platform's escrow is a payment outside it; not a transfer fee (「別途振込手数料」)
        # (「振る」 only to an account: 「残りの作業は別で振ります」 hands out work)
        pattern=rf"(?P<s>(?:別で|別途)\s?{_SUM_SENT}(?:{_TRANSFERRING})"
        rf"|(?:別口座|別の口座)\s?(?:に|へ|で)?\s?{_SUM_SENT}(?:{_TRANSFERRING}|振(?:る|ります|っとく|っておく|っておき)))(?!\s?手数料)",
        examples=("ボーナスは別で振り込みます", "確認OK。残金は別口座に振るね", "評価★5にしてくれたら別で2千円ﾌﾘｺﾐします"),
        counter_examples=("別途振込手数料がかかります", "追加分は別途仮払いします", "別で振り込むことはできません。",
                          "残りの作業は別で振ります"),
        reason="money said to be transferred separately or to another account: a payment beside the escrow (round 15)",
    ),
    DealRule(
        id="settled_elsewhere",
        # the payment or settling said to happen over there (「残りの精算はあっちでまとめて」, round 11)
        pattern=r"(?P<s>(?:精算|清算|お支払い|支払い|支払|報酬|お振込|振込|入金|送金|ギャラ|お代)\s?(?:は|を|も|だけ)?\s?"
        r"(?:あっち|あちら|向こう|むこう|別のところ|別ルート|外)\s?(?:で|に|から|経由))",
        examples=("残りの精算はあっちでまとめて", "ギャラは別ルートで"),
        counter_examples=("報酬は外注費として計上します", "お支払いはあちらの仮払いで完了しています"),
        reason="the settling or the pay said to happen elsewhere, no means named (round 11)",
    ),
    DealRule(
        id="platform_cut_as_reason",
        # the platform's cut given as a share, as the reason (「そっちだと2割引かれるでしょ。送金なら即日」, round 11)
        pattern=r"(?P<s>(?:そっち|そちら|サイト|ここ|こっち|システム)\s?(?:だと|では|は|経由だと|通すと|を通すと)\s?"
        r"(?:\d{1,2}\s?(?:割|%|％)|[一二三]割)\s?(?:も)?\s?(?:引かれ|取られ|持って(?:い|行)かれ))",
        examples=("そっちだと2割引かれるでしょ。送金なら即日👍",),
        counter_examples=("サイトだと2割引かれるのは仕方ないので、クラウドワークス上で契約します",),
        reason="the platform's cut as the reason to deal outside, named as a share (round 11)",
        needs_outside=True,
    ),
    DealRule(
        id="direct_transfer_proposed",
        # 直振り, 直払い: the pay sent straight to the worker, offered (「今回から直振りでいい？」, round 12)
        pattern=r"(?P<s>(?<!\p{Han})直(?:振り?|振込み?|払い?|接振込|接払い))\s?(?:で|に|が)?\s?(?=(?:いい|よい|良い|ok|オッケー|どう|いかが|お願い|よく|[?？]))",
        examples=("てか手数料ウチも痛いんで、今回から直振りでいい？", "次から直払いでどう"),
        counter_examples=("直振りはできませんので、仮払いでお願いします",),
        reason="the pay sent straight to the worker, offered (round 12)",
    ),
    DealRule(
        id="paid_through_own_system",
        pattern=rf"(?P<s>(?:報酬|お支払い?|支払い?|お?振込|送金|出金)(?:の)?\s?(?:お?受け?取り?)?\s?(?:に|には|は|を|用の)?[、,]?\s?"
        rf"(?:{_words('own_systems')})(?:の)?\s?[^。!?\n]{{0,8}}?(?:サイト|システム|ページ|アプリ|ツール|フォーム|口座))",
        examples=("報酬は当社の精算システムでお受け取りください。",),
        counter_examples=(
            "報酬のお受け取りはクラウドワークスのシステムから行われます。弊社のシステムは使いません。",
        ),
        reason="the client's own system to be paid through (tr1-0148, tr2-0062)",
        client_only=True,
    ),
)

# The work after this one taken outside in a few words: 「次からは個人的にお願いしてもいい？」「この案件
# 終わったら続きは外でやりましょ」「次からはそとでやりません？」 (tr66, tr73 families).
_PRIVATELY = r"(?:個人的に|個人で|個別に|プライベートで)"
_EN_MEANS = _words("payment_means", "en")
_OUTSIDE_PLACE = r"(?:外|そと|別の場所|よそ)"
_CONTINUATION = r"(?:続き|残り|この先|その先|この後|その後)"
RULES += (
    DealRule(
        id="next_jobs_privately",
        pattern=rf"(?P<s>{_NEXT}[^。!?\n]{{0,8}}?{_PRIVATELY})(?=\s?(?:{_PROPOSING}|お願い|頼|依頼|発注|やり|進め))",
        examples=("確認OKです！ 次からは個人的にお願いしてもいい？PayPayで送ります", "今後は個人でお願いできますか"),
        counter_examples=(
            "次からは個人的にお願いすることはありません。すべてこちらで発注します。",
            "今後は個人で受けた案件の話はしないでください。",
        ),
        reason="the next jobs asked for privately: a direct deal in a few words (tr66 family)",
    ),
    DealRule(
        id="next_jobs_outside",
        pattern=rf"(?P<s>(?:{_NEXT}|{_CONTINUATION})[^。!?\n]{{0,6}}?(?:は|も)?\s?{_OUTSIDE_PLACE}(?:で|に))"
        r"(?=\s?(?:やり|お願い|進め|続け|頼|契約|取引|お?仕事|どう|いかが|回し|回さ|回せ|発注|依頼|注文))",
        examples=("この案件終わったら続きは外でやりましょ", "これ終わったら次からはそとでやりません？", "次のはCW外で回しません？",
                  "次の案件からは外で発注させてください"),
        counter_examples=(
            "次回は外で撮影する予定です。素材は来週お送りします。",
            "続きは外でやりませんか、と言われたら断ってください。",
            "次から外でやりましょうという誘いには乗らないでください。",
        ),
        reason="the rest of the work taken outside the platform (tr66, tr73 families)",
    ),
    DealRule(
        id="english_extra_by_outside_means",
        # a bonus or the rest paid by an outside means, or off the books (「I'll still send a $50 bonus on PayPal, off the
        # record」, round 21)
        pattern=rf"(?P<s>(?<![a-z])(?:bonus|tip|extra|the rest|the balance|remainder)(?:\s[a-z]{{1,8}})?\s(?:on|via|by|through|thru|over)\s{_EN_MEANS}"
        r"|(?:pay|paid|payment|bonus|cash|money|tip)[^.!?\n]{0,30}?(?:off the record|off the books|under the table))(?![a-z])",
        examples=("ok np. I'll still send a $50 bonus on PayPal, off the record", "the rest via wise, no need to tell cw",
                  "i can pay the extra off the books"),
        counter_examples=("No bonus via PayPal: every payment goes through CrowdWorks.",),
        lang="en",
        reason="in English: extra pay sent by an outside means or kept off the books (round 21)",
    ),
    DealRule(
        id="english_pay_by_means_no_preposition",
        pattern=rf"(?P<s>(?<![a-z])(?:i(?:'ll| will| can)?\s)?pay(?:ing)?\s(?:you|u|ya)\s(?:by\s|via\s|with\s|on\s|thru\s)?{_EN_MEANS})(?![a-z])",
        examples=("great work. next 50 pages i pay you paypal direct no fee",),
        counter_examples=("I will never pay you paypal or any other way outside CrowdWorks.",),
        lang="en",
        reason="in broken English: paying the worker by an outside means with no preposition (tr84 family)",
    ),
    DealRule(
        id="english_paid_through_own_system",
        pattern=r"(?P<s>(?<![a-z])(?:all\s)?(?:payouts?|payments?|salary|salaries|earnings|your pay|commissions?)\s"
        r"(?:(?:now\s)?(?:go|goes|are|is|will be|get|gets)\s(?:made\s|paid\s|sent\s|processed\s)?)?(?:thru|through|via|on|in|from)\s"
        r"(?:our|my|this|a separate|an external)\s(?:own\s)?(?:portal|app|site|website|system|wallet|dashboard|page)(?![a-z]))",
        examples=("thx for accepting. all payouts go thru our portal now, sign up b4 you start",),
        counter_examples=(
            "Payment goes through the platform's escrow, nothing outside.",
            "We will never pay through our own portal; CrowdWorks only.",
        ),
        lang="en",
        reason="in English: the client's own payout system (tr75 family; the Japanese 「弊社の支払いシステム」 is paid_through_own_system)",
        client_only=True,
    ),
)

# English: paying or contracting directly, outside the platform, or through an outside means.
_EN_DEAL = _words("deal", "en")
_EN_CRYPTO = _words("crypto", "en")
# what a wallet is when it is the work's product (「localisation for our crypto wallet app」, tr317)
_EN_PRODUCT = r"(?:app|application|ui|ux|screens?|sdk|extension|product|website|landing page)(?![a-z])"
RULES += (
    DealRule(
        id="english_pay_directly",
        # (the worker's side too: 「pay me directly, cheaper for both」, round 22)
        pattern=r"(?P<s>(?<![a-z])(?:pay(?:ing)?(?: (?:you|u|ya|me|us))?|paid|contract(?: with (?:you|u|me|us))?|work(?: with (?:you|u|me|us))?|deal|hire (?:you|u)|invoice (?:me|you|u)|send (?:(?:you|u) )?(?:the )?money)"
        rf"\s{_words('privately', 'en')}(?![a-z])|(?<![a-z])direct (?:bank )?(?:contract|payment|deal|transfer|pay)s?(?![a-z])"
        # the transfer said direct after it, in chat (「bank transfer direct, +10% for u」, round 19)
        r"|(?<![a-z])(?:bank )?(?:transfer|payment|pay)s? direct(?![a-z]))",
        examples=("From the next job I'd like to pay you directly.", "can u cancel the contract here? I'll pay u directly, paypal or wise.",
                  "bank transfer direct, +10% for u", "direct bank transfer, no fees", "PayPal ok? I'll invoice u direct",
                  "sure! tbh pay me directly, cheaper for both. platform takes 20%"),
        counter_examples=(
            "We never pay directly; payment goes through CrowdWorks escrow.",
            "I can't pay you directly.",
            "We don't do direct bank transfers; everything goes through CrowdWorks.",
            "Please don't ask me to pay you directly.",
            "The client pays me directly through CrowdWorks escrow.",
        ),
        lang="en",
        reason="in English: paying or contracting directly",
    ),
    DealRule(
        id="english_around_the_platform",
        pattern=rf"(?P<s>(?<![a-z]){_words('around', 'en')}\s(?:the\s)?{PLATFORM}(?![a-z])|"
        rf"(?<![a-z]){_words('saving', 'en')}\s(?:the\s)?(?:{PLATFORM}\s|platform(?:'s)?\s|site(?:'s)?\s)?{_words('platform_fees', 'en')}(?![a-z]))",
        examples=("Let's continue outside CrowdWorks to save the fees.",),
        counter_examples=(
            "I will not message you outside CrowdWorks.",
            "Please do not share files outside CrowdWorks.",
        ),
        lang="en",
        reason="in English: going around the platform (with a deal word in the sentence)",
        needs_deal_word=True,
        negative_by_itself=True,
    ),
    DealRule(
        id="english_outside_payment_means",
        pattern=rf"(?P<s>(?<![a-z]){_EN_DEAL}[^.!?\n]{{0,30}}?(?:via|by|through|thru|with|using|over|to your|into your|in|is|are|will be|as)\s"
        rf"(?:a\s|your\s|my\s|an\s)?{_EN_MEANS}(?![a-z])|(?<![a-z]){_EN_MEANS}\s(?:payment|transfer)s?(?![a-z]))",
        examples=("I will pay you by bank transfer every month.",),
        counter_examples=(
            "We never pay by bank transfer; CrowdWorks escrow only.",
        ),
        lang="en",
        reason="in English: an outside payment means",
    ),
)
RULES += (
    DealRule(
        id="english_means_proposed",
        # a payment means proposed in a few words (「can we just do paypal tho? CW fees r brutal」, round 18)
        pattern=rf"(?P<s>(?<![a-z])(?:let's|lets|let us|we can|we could|can we|could we|shall we|how about|why not)\s(?:just\s)?"
        rf"(?:do|use|go with|switch to|go|pay (?:via|by|with|through|on)|be paid (?:via|by|with|through|on))\s(?:via\s|by\s|with\s)?{_EN_MEANS})(?![a-z])",
        examples=("can we just do paypal tho? CW fees r brutal", "could we use wise for this one?"),
        counter_examples=("We can't use paypal; everything goes through CrowdWorks.",),
        lang="en",
        reason="in English: a payment means outside the platform proposed in a few words (round 18)",
    ),
    DealRule(
        id="personal_payment_link",
        # a person's own payment page handed over (「then PayPal? paypal.me/…」, round 20): money outside the escrow
        pattern=rf"(?P<s>{vocab.words('common', 'payment_apps', 'personal_payment_links')})",
        examples=("ok ok. then PayPal? paypal.me/nguyendgt", "お支払いはこちらへ revolut.me/hanako88"),
        counter_examples=("PayPal.Me リンクの作り方を解説する記事をお願いします",),
        reason="a personal payment link handed over, whoever pays: money outside the platform's escrow (round 20)",
    ),
    DealRule(
        id="english_going_direct",
        pattern=rf"(?P<s>(?<![a-z])(?:let's|lets|let us|we can|we could|can we|could we|i'd like to|i want to|want to|wanna|shall we|how about we)\s"
        rf"(?:{_words('going_direct', 'en')})\s(?:direct|directly)(?![a-z])(?!\s(?:to|into|from|on|in)(?![a-z]))|"
        rf"(?<![a-z])(?:{_words('no_fee', 'en')})\s(?:{PLATFORM}|platform|site)(?:'s)?\s(?:fee|fees|commission|cut|charges?)(?![a-z]))",
        examples=("let's go direct next time, no platform fee",),
        counter_examples=(
            "Let's go directly to the settings page.",
            "We can't go direct; the contract stays on CrowdWorks.",
        ),
        lang="en",
        reason="in English: going direct in a few words, or the platform fee gone as the bait",
    ),
    DealRule(
        id="english_payment_account_asked",
        pattern=rf"(?P<s>(?<![a-z])(?:what's|whats|what is|send|give|share|need|dm|text|tell)\s(?:me\s|us\s)?(?:your|ur|yr)\s"
        rf"{_EN_MEANS}(?:\s(?:email|e-mail|address|account|id|handle|username|details|info))?(?![a-z]))",
        examples=("want to tip u $50 extra, easier by paypal. whats ur paypal email?", "send me your PayPal email and I'll pay per batch"),
        counter_examples=(
            "Never share your PayPal email with a client; payment goes through CrowdWorks.",
        ),
        lang="en",
        reason="in English: the worker's payment-app account asked for, to be paid there (tr103, tr137 families)",
    ),
    DealRule(
        id="english_crypto_wallet_or_exchange",
        pattern=r"(?P<s>(?<![a-z])(?:send|give|share|provide|tell|need|want|text|dm)\s(?:me|us)?\s?(?:your|the|a)\s"
        rf"(?:{_EN_CRYPTO}\s)?wallet(?:\saddress)?|"
        rf"(?<![a-z]){_EN_CRYPTO}\swallet(?:\saddress)?(?!\s{_EN_PRODUCT})|(?<![a-z])wallet address(?:es)?|"
        r"(?<![a-z])(?:register|sign up|open an account|create an account|make an account)\s(?:at|on|with|in)\s(?:our|the|a|this|my)\s"
        r"(?:partner\s|crypto\s|trading\s)?exchange(?![a-z]))",
        examples=("Please share your USDT wallet address so I can send the payment.",),
        counter_examples=(
            "We will never ask for your wallet address.",
            "need JP localisation for our crypto wallet app, ~600 strings",  # the product the work is on
        ),
        lang="en",
        reason="in English: a crypto wallet or exchange account to be paid through",
    ),
    DealRule(
        id="english_payment_sent_directly",
        pattern=r"(?P<s>(?<![a-z])(?:payments?|salary|the fee|your fee|money|paid|pay you)(?:\s(?:is|are|will be|goes|go|sent|made|paid|transferred))?"
        r"[^.!?\n]{0,30}?\sdirectly(?![a-z])"
        # a bonus sent aside, outside the contract (「i send small bonus for this job separately」, tr234)
        r"|(?<![a-z])(?:i|we)(?:'ll| will)?\s(?:send|pay|transfer|give)\s(?:you\s|u\s)?(?:a\s)?(?:small\s|little\s|extra\s)?(?:bonus|tip|extra)"
        r"[^.!?\n]{0,30}?\s(?:separately|directly|outside|privately|on the side)(?![a-z]))",
        examples=("Payment will be sent to you directly every Friday.", "i send small bonus for this job separately"),
        counter_examples=(
            "Your fee is paid through CrowdWorks, directly after I approve the delivery.",
        ),
        lang="en",
        reason="in English: payment sent directly (not through the platform's escrow)",
    ),
)
_EN_DEAL_WORD = compile_pattern(rf"(?<![a-z]){_EN_DEAL}(?![a-z])")

# The fee alone is a reason to deal outside only when the message speaks of that.
_OUTSIDE_CONTEXT = compile_pattern(rf"{DIRECT}|{_BYPASS}|{_words('outside')}")
# The platform's own flows: 「クラウドワークス上で」「クラウドワークス経由で」 (unless going around it).
_ON_PLATFORM = compile_pattern(rf"{PLATFORM}\s?{_words('on_platform')}")
_BYPASS_RE = compile_pattern(_BYPASS)
# 「Payment is made directly through CrowdWorks escrow」: the platform's own flow in English.
_EN_ON_PLATFORM = compile_pattern(
    rf"(?<!not |outside |off |without |instead of )(?<![a-z])(?:through|via|on|in|using|within|inside|by)\s(?:the\s)?{PLATFORM}"
)
# The platform's own way to order from one worker directly (指名, tr161): 「直接」 asks for the worker, not outside.
_NAMED_ORDER = compile_pattern(r"指名|名指し")
_SENTENCE_CUT = compile_pattern(r"[。!?\n]")
# A refusal later in the sentence (「直接取引はしない方針です」), read when the deal phrase is only
# mentioned (「直接契約のご提案は…お受けしておりません」) or nothing in between asks for anything.
_DECLINED_AFTER = compile_pattern(_words("declined_after"))
_MENTIONED = compile_pattern(r"[」』\"”]?\s?(?:の|という|といった|などの|みたいな)\s?[ごお]?(?:提案|話|打診|誘い|相談|依頼|申し出)")
_NEW_CLAUSE_ASK = compile_pattern(r"ませんか|ましょう|ください|下さい|お願い|いただけ|頂け|してほしい|したい")
# The reader pays by the means (「PayPayで送金をお願いします」): a fee, not a deal.
_READER_PAYS = compile_pattern(
    rf"(?:{_PAY_MEANS})\s?(?:で|にて|経由で)\s?(?:こちらに|弊社に|下記に|以下に)?\s?(?:の)?\s?(?:送金|お?振込|お?振り込|入金|お?支払|払|チャージ)"
    r"[^。!?\n]{0,6}?(?:お願い|ください|下さい|くださ|いただ|頂)"
)
_NEXT_RE = compile_pattern(_NEXT)
_MONEY_NAMED = compile_pattern(rf"{_words('rewards')}|お金|代金|料金|支払|振込|送金|換金|出金|決済")
_TASK_ITSELF = compile_pattern(r"[^。!?\n]{0,6}?(?:作る|作成する|開設する|登録する|作成|開設|登録)(?:する)?だけで")


def _declined_after(text: str, end: int, s_end: int) -> bool:
    """A refusal the clause reader does not join to the deal phrase: close after it, with nothing
    asked in between (「直接取引はしない方針です」「直接のお取引は一切行っておりません」), or anywhere in
    the sentence when the phrase is only mentioned (「直接契約のご提案は以前もいただきましたが、
    お受けしておりません」)."""
    # the clause's question mark is read with it: 「しません？」 invites
    if _MENTIONED.match(text, end):
        return _DECLINED_AFTER.search(text, end, clauses.through_question_mark(text, s_end)) is not None
    near = min(s_end, end + 14)
    return (_DECLINED_AFTER.search(text, end, clauses.through_question_mark(text, near)) is not None
            and not _NEW_CLAUSE_ASK.search(text, end, near))


class DirectDealDetector(RuleDetector):
    name = "direct_deal"
    category = "direct_deal"
    kind = "risk"
    rules = RULES
    terms = (
        "直", "ちょくせつ", "じかに", "個別", "別途", "個人間", "個人的", "利用料", "仲介料", "マージン", "中抜き", "クラウド",
        "crowd", "クラワ", "cw", "システム", "サイト", "プラットフォーム", "手数料", "振込", "振り込", "pay", "ペイ", "現金", "手渡", "ギフト", "アマギフ",
        "電子マネー", "仮想通貨", "精算", "清算", "ギャラ", "お代", "通さ", "介さ", "挟ま", "経由", "割", "暗号資産", "usdt", "ビットコイン", "wise", "western", "ポイント", "請求書", "支払", "決済", "送金",
        "受け取", "受取", "換金", "出金", "direct", "outside", "off", "bypass", "skip", "avoid", "without", "leav", "not ",
        "save", "cut", "transfer", "account", "wise", "venmo", "cash", "zelle", "revolut.me", "crypto", "bitcoin", "btc", "gift", "personally",
        "privately", "wallet", "exchange", "ウォレット", "銀行", "口座", "ゆうちょ", "paid", "paidy", "ペイディ", "メルペイ",
        "d払い", "取引所", "usdc", "イーサリアム", "eth", "tether", "ちょく", "じか", "ちょっけ", "報酬", "platform", "fee",
        "commission", "外", "そと", "よそ", "個人で", "プライベート", "payout", "portal", "separately", "on the side", "差額",
        # a wallet address's network (「送り先 TRC20 T…」)
        "trc", "erc", "送り先", "送金先",
        # a deal kept from the platform (kept_from_the_platform)
        "運営", "事務局",
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

    def rule_applies(self, rule: DealRule, msg: MessageView, state: dict) -> bool:
        return not rule.client_only or asks_the_worker(msg)

    def accept(self, text: str, m, rule: DealRule, msg: MessageView, state: dict) -> bool:
        start, end = span_of(m)
        if in_topic(text, start, end) or refused_around(text, m) or reported(text, start, end):
            return False
        s_start, s_end = _sentence_of(text, m)
        if _in_outline_or_quote(text, start, end):
            return False
        if rule.lang != "en" and _declined_after(text, end, s_end):
            return False
        if rule.lang != "en" and hidden_in_the_work(text, start, end, s_start, s_end, clauses.REQUEST):
            return False  # 「記事に載せるウォレットアドレスはダミーで」: the item made up for the work
        if rule.client_only and _READER_PAYS.search(text, m.start(), s_end):
            # 「登録料をPayPayで送金お願いします」: the reader pays, which is upfront_payment's
            return False
        if rule.money_named and not _MONEY_NAMED.search(text, s_start, s_end):
            return False
        if rule.money_named and _the_platforms_own_page(text, m, s_start, s_end):
            return False
        if rule.needs_next and not occurs_in_message(state, _NEXT_RE, text):
            return False
        if _TASK_ITSELF.match(text, max(start, end - 4)):
            # 「取引所のアカウントを作るだけで5,000円」: the account is the task, not a way to be paid
            return False
        outside = _BYPASS_RE.search(text, s_start, s_end) is not None
        c_start, c_end = clause(text, start)
        if rule.needs_deal_word:
            return _EN_DEAL_WORD.search(text, s_start, s_end) is not None
        if rule.needs_outside:
            return occurs_in_message(state, _OUTSIDE_CONTEXT, text)
        # 「クラウドワークス上で直接ご契約」: the platform's own way, unless it is being bypassed.
        if any(not (rule.negative_by_itself and m.start() <= p.start() < m.end())
               for p in _EN_ON_PLATFORM.finditer(text, s_start, s_end)):
            return False
        if not outside and _NAMED_ORDER.search(text, s_start, s_end):
            return False  # 「次回も直接お願いしたいので、指名でオファー送りますね」: the platform's direct order
        return outside or not _ON_PLATFORM.search(text, min(c_start, start), max(c_end, end))


_SOMEONE_ELSES_PAGE = compile_pattern(r"こちら|下記|以下|下の|次の|この|専用|別の|外部|弊社|当社|うち|私")


def _the_platforms_own_page(text: str, m, s_start: int, s_end: int) -> bool:
    """The page is the platform's own: the message says the pay comes through the platform
    (「報酬はクラウドワークスからお支払いされます…マイページから出金申請をすると」), no one else's page is
    named in the sentence, no link leads elsewhere, and nothing goes around the platform."""
    if _SOMEONE_ELSES_PAGE.search(text, s_start, m.end()) or _BYPASS_RE.search(text):
        return False
    if not _ON_PLATFORM.search(text):
        return False
    return all(ch.url_kind(url) == "platform" for _, _, url in ch.find_urls(text))


_OUTLINE = compile_pattern(rf"\s?(?:{_words('topic_markers')})")
_AFTER_QUOTE = compile_pattern(
    rf"\s?(?:と|って|という|といった|などの?|の|を)?\s?(?:[「『“\"]|[^。!?\n]{{0,6}}?(?:{_words('quoted_mention')}))|"
    rf"\s?(?:{_words('quoted_mention', 'en')})(?![a-z])"
)


def _in_outline_or_quote(text: str, start: int, end: int) -> bool:
    """The deal words are what the work is about: on a line of an outline (「H2 直接契約のメリット」
    「比較表：直接契約 vs 仲介」), or quoted as a lure the article names (「『直接契約で』と持ちかけられる
    ケース」「『直接取引』と『仲介経由』の違い」)."""
    lo = max(0, start - 41)
    line_start = text.rfind("\n", lo, start) + 1 or (0 if lo == 0 else -1)
    if line_start >= 0 and _OUTLINE.match(text, line_start):
        return True
    quote = enclosing_quote(text, start, end, 60)
    return (quote is not None and _AFTER_QUOTE.match(text, quote[1]) is not None
            and not relayed_from_own_side(text, start))  # 「上司から「直接契約で」と言われてます」


def _sentence_of(text: str, m) -> tuple[int, int]:
    lo = max(0, m.start() - 120)
    start = lo
    for cut in _SENTENCE_CUT.finditer(text, lo, m.start()):
        start = cut.end()
    cut = _SENTENCE_CUT.search(text, m.end(), min(len(text), m.end() + 120))
    return start, cut.start() if cut else min(len(text), m.end() + 120)


DETECTOR = DirectDealDetector()
