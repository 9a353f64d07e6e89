"""platform_contract (signal): the client states that contract and payment go through CrowdWorks.

A mitigating signal: a client who commits to contract and escrow on the platform keeps the
worker protected even if a meeting happens elsewhere. Only the client's own statement counts
(the worker asking for it is not a commitment). Shapes, in either order:
「契約とお支払いはすべてクラウドワークス上で行います」「クラウドワークスで契約・仮払いをしてから」.

Not the signal: a refusal (「クラウドワークスでの契約はできません」), going around the platform
(「クラウドワークスを通さず」「クラウドワークス外で」), the task format (「タスク形式で募集」).
"""
from __future__ import annotations

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ..lang import vocab
from ._cues import OKURI, PLATFORM, RuleDetector, refused_around, sentence, span_of


def _words(group: str, lang: str = "ja") -> str:
    """A group of lang/<lang>/signals.json as one regular-expression group."""
    return f"(?:{vocab.words(lang, 'signals', group)})"


_PAY = rf"(?:[ごお]?{_words('payments_after_prefix')}|{_words('escrow_steps')}|{_words('rewards_and_orders')})"
_VIA = _words("via_platform")
# A further payment on the platform: 「クラウドワークスで追加の仮払いを」「CWの追加支払いで」 (after a contract).
_ADDITIONAL = r"(?:追加\s?(?:の|で|分の)?\s?|別途\s?(?:の)?\s?)"
# The platform's escrow named as the way to pay: 「クラウドワークスの仮払いで」「CWの決済システムを使って」.
_ESCROW_VIA = (
    rf"(?:の|上の|上で|で)\s?{_ADDITIONAL}?{_words('platform_payment_features')}(?:機能|システム|制度)?\s?"
    r"(?:で(?!\s?は?\s?(?:なく|ない))|にて|を(?:使|利用|通)|を通じ|経由|を介|による)"
)
_DO = _words("doing")
# A copula right after the platform: 「契約・支払いはクラウドワークスです」 (not a question or a
# contrast: 「クラウドワークスですか」「クラウドワークスですが、支払いは別で」).
_COPULA = r"(?:です(?![かが]|けど|と)|でございます|となります|になります|のみ(?:です|となります)?)"
# Adverbs between the platform and the payment words: 「クラウドワークスで毎月契約・お支払いします」.
_ADVERB = _words("as_always")
_PAYS = rf"{_PAY}(?:[・、と,/]\s?{_PAY}){{0,3}}"

RULES: tuple[Rule, ...] = (
    Rule(
        id="payment_words_then_platform",
        pattern=rf"(?P<s>{_PAYS}[^。!?\n]{{0,16}}?{PLATFORM}\s?{_VIA}\s?[^。!?\n]{{0,10}}?{_DO}{OKURI})",
        examples=("契約とお支払いはすべてクラウドワークス上で行います。",),
        counter_examples=(
            "契約とお支払いはクラウドワークス上ではなく、直接お願いします。",
            "契約はクラウドワークス上で行うことはできません。",
        ),
        reason="payment words, then the platform (dev-001, dev-011, dev-024, dev-032, dev-033, dev-038)",
    ),
    Rule(
        id="platform_then_payment_words",
        pattern=rf"(?P<s>{PLATFORM}\s?{_VIA}\s?(?:の)?\s?(?:{_ADVERB}\s?)?{_ADDITIONAL}?{_PAY}(?:[・、と,/]\s?(?:[ごお]?{_words('payments_after_prefix')}|{_words('escrow_steps')}))?"
        rf"[^。!?\n]{{0,10}}?(?:{_DO}|を(?:いたし|致し|行))?)",
        examples=("では、クラウドワークス上で契約・仮払いをいたします。",),
        counter_examples=(
            "クラウドワークスで契約するのは手数料が高いので、直接お支払いしたいです。",
            "クラウドワークスで契約することはできません。",
        ),
        reason="the platform, then payment words (dev-002, dev-050, dev-061, dev-069)",
    ),
    Rule(
        id="payment_is_the_platform",
        pattern=rf"(?P<s>{_PAYS}[^。!?\n]{{0,16}}?{PLATFORM}\s?(?:上|内|の中)?\s?{_COPULA})",
        examples=("文字単価2円、契約・お支払いはクラウドワークスです。", "連絡も契約も支払いも全部CW上です"),
        counter_examples=(
            "契約はクラウドワークスですが、お支払いは直接お願いします。",
            "契約はクラウドワークス上ですか？",
        ),
        reason="the platform as the copula's complement: 「支払いはクラウドワークスです」",
    ),
    Rule(
        id="platform_escrow_named",
        # or, with no payment word before, a verb of paying after: 「交通費はクラウドワークスの追加支払いでお渡しします」
        pattern=rf"(?P<s>{_PAYS}[^。!?\n]{{0,16}}?{PLATFORM}\s?{_ESCROW_VIA}|{PLATFORM}\s?{_ESCROW_VIA}[^。!?\n]{{0,12}}?(?:{_DO}|お渡し|お支払|支払){OKURI})",
        examples=("報酬はクラウドワークスの仮払いでお預かりします。", "追加の2点はクラウドワークスの追加支払いでお支払いしますね。"),
        counter_examples=(
            "お支払いはクラウドワークスの仮払いではなく銀行振込でお願いします。",
        ),
        reason="the platform's escrow named as the way to pay: 「クラウドワークスの仮払いで」",
    ),
)

RULES += (
    Rule(
        id="english_paid_through_platform",
        pattern=rf"(?P<s>(?<![a-z])(?:payments?|(?:the )?contract|escrow|(?:you(?:'ll| will)? )?(?:be )?paid|pay(?:ing)?(?: you)?|invoices?|milestones?|"
        rf"the (?:work|job|whole (?:job|project))|everything)[^.!?\n]{{0,30}}?{_words('through', 'en')}"
        rf"\s(?:the\s)?{PLATFORM}(?:'s)?(?:\s{_words('platform_parts', 'en')})?|"
        rf"{PLATFORM}(?:'s)?\s{_words('platform_escrow', 'en')})",
        examples=("Payment will go through CrowdWorks escrow as usual.",),
        counter_examples=(
            "Payment will not go through CrowdWorks; I will send it directly.",
            "We can't use CrowdWorks escrow for this job.",
        ),
        lang="en",
        reason="in English: contract or payment through CrowdWorks",
    ),
)

# Going around the platform or putting it aside in the same sentence.
_AROUND = compile_pattern(
    rf"{PLATFORM}\s?(?:を|は)?\s?{_words('bypass_stems')}|"
    rf"{PLATFORM}\s?(?:上)?(?:で|では|じゃ)\s?(?:なく|ない|ありません)|直接|手数料が(?:高|かか|もったいな)|"
    rf"(?<![a-z]){_words('around', 'en')}\s(?:the\s|using\s|going through\s)?{PLATFORM}|(?<![a-z])directly(?![a-z])"
)


class PlatformContractDetector(RuleDetector):
    name = "platform_contract"
    category = "platform_contract"
    kind = "signal"
    rules = RULES
    terms = (
        "クラウド", "crowd", "クラワ", "cw",
    )
    examples = Examples(
        positive=(
            "契約とお支払いはすべてクラウドワークス上で行います。ご不明点があればお気軽にお尋ねください。",
            "テストも有償で、報酬は1,000円（税込）です。クラウドワークスで契約・仮払いをしてから着手いただく流れになります。",
            "なお、当社ではやり取り・契約・お支払いはすべてクラウドワークス上で完結させています。",
            "では次回もクラウドワークスで契約・お支払いをいたします。",
            "契約・お支払いはクラウドワークスを通して行いますのでご安心ください。",
        ),
        negative=(
            "クラウドワークスのタスク形式で募集していますので、そちらから作業できます。",
            "クラウドワークスは手数料が高いので、次回からは直接契約にさせていただけませんか？",
            "契約もクラウドワークスを通さず弊社と直接結ばせていただければと思います。",
            "クラウドワークスでの契約はできません。",
            "ご契約後にレギュレーションをお渡ししますね。",
        ),
    )

    def applies(self, msg: MessageView) -> bool:
        # Signals count only when the client states them (RUBRIC: mitigating signals).
        return msg.sender in ("client", "unknown")

    def accept(self, text: str, m, rule: Rule, msg: MessageView, state: dict) -> bool:
        start, end = span_of(m)
        s_start, s_end = sentence(text, start)
        return not (_AROUND.search(text, s_start, max(s_end, end)) or refused_around(text, m))


DETECTOR = PlatformContractDetector()
