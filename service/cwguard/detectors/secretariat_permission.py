"""secretariat_permission (signal): the client says the CrowdWorks secretariat allowed it.

Clients who move a worker off the platform before a contract often claim the secretariat's
(事務局) permission. True or false, the claim is a signal: it lowers the contact risks to medium
and the advice is to verify it with the secretariat. Only the client's claim counts.
Shapes: 「事務局の許可を得て」「事務局から許可をいただいております」「事務局にも確認済み」
「運営の承認を得ています」「クラウドワークス公認」.

Not the signal: the worker saying they will check (「事務局の許可の件は確認させていただきます」),
a denial (「事務局の許可はありません」), a request filed but not granted (「申請中です」).
"""
from __future__ import annotations

from ..engine.detector import Examples, MessageView, Rule, compile_pattern
from ..lang import vocab
from ._cues import PLATFORM, RuleDetector, about_the_work, enclosing_quote, refused_around, span_of


def _words(group: str, lang: str = "ja") -> str:
    """A group of lang/<lang>/signals.json as one regular-expression group."""
    return f"(?:{vocab.words(lang, 'signals', group)})"


_AUTHORITY = (
    rf"(?:(?:{PLATFORM}\s?(?:の)?\s?)?(?:運営)?事務局|{PLATFORM}\s?(?:の)?\s?(?:運営|サポート)(?:側|チーム|窓口|センター)?|"
    r"運営(?:側|元|チーム)|運営(?=から|に|より)|"
    # the platform's off-service contact request, said to be approved (「サービス外連絡申請は承認済み」)
    rf"{_words('off_service_request')})"
)
_GRANTED = rf"{_words('permissions')}\s?(?:を|も|は|が)?\s?{_words('granted')}"

RULES: tuple[Rule, ...] = (
    Rule(
        id="secretariat_permission_claimed",
        # what was allowed may sit between (「事務局に確認のうえ、外部での連絡の許可を得て」)
        pattern=rf"(?P<s>{_AUTHORITY}\s?(?:さん|様|側)?\s?(?:の|から|に|にも|より|へ|とも|から(?:も|は))?\s?(?:は|も)?"
        rf"[^。!?\n]{{0,16}}?{_GRANTED})",
        examples=(
            "当社はクラウドワークス事務局の許可を得て、外部の研修サイトでお仕事のご案内をしております。",
            "事務局さんから外部でのやり取りOKをいただいてます",
            "サービス外連絡申請は承認済みですので、ご安心ください。",
            "運営には確認のうえ、チャットでの連絡の許可を取得済みです。",
        ),
        counter_examples=(
            "事務局の許可は得ておりません。",
            "事務局の許可が出ていないため、外部でのやり取りはできません。",
            "サービス外連絡申請は承認されていません。",
            "「事務局から許可をもらっている」と言われたら、まず事務局に確認してください。",
        ),
        reason="the secretariat's permission (dev-026, dev-036, dev-059, dev-062)",
    ),
    Rule(
        id="platform_endorsement_claimed",
        pattern=rf"(?P<s>{PLATFORM}\s?(?:さん|様|側)?\s?(?:{_words('endorsements')}|から(?:の)?(?:許可|承認|了承|ok)|の(?:許可|承認)|"
        r"に認められ|から認められ|に(?:も)?確認済|に許可を(?:得|取|いただ|もら)))",
        examples=("弊社はクラウドワークス公認のパートナー企業です。",),
        counter_examples=(
            "弊社はクラウドワークス公認ではありません。",
            "クラウドワークスの許可はありません。",
        ),
        reason="an official endorsement claimed in the platform's name",
    ),
    Rule(
        id="english_permission_claimed",
        pattern=rf"(?P<s>(?<![a-z])(?:{PLATFORM})(?:'s|')?\s(?:{_words('authorities', 'en')})?\s?(?:has\s|have\s|already\s){{0,2}}"
        rf"(?:{_words('granting', 'en')})(?![a-z])|(?<![a-z])(?:{_words('granting', 'en')})\s(?:by|from)\s(?:the\s)?(?:{PLATFORM})(?![a-z])|"
        rf"(?<![a-z])(?:with|got|have|received)\s(?:the\s)?(?:{PLATFORM})(?:'s|')?\s(?:{_words('authorities', 'en')}\s?)?(?:permission|approval|ok)(?![a-z]))",
        examples=(
            "CrowdWorks support has approved us to contact candidates by email.",
            "We have CrowdWorks' permission to talk on Slack.",
        ),
        counter_examples=(
            "CrowdWorks has not approved contact outside the platform.",
            "Has CrowdWorks approved this?",
        ),
        lang="en",
        reason="in English: the platform's permission claimed (the secretariat_permission family)",
    ),
)



class SecretariatPermissionDetector(RuleDetector):
    name = "secretariat_permission"
    category = "secretariat_permission"
    kind = "signal"
    rules = RULES
    terms = (
        "事務局", "運営", "サポート", "クラウド", "crowd", "クラワ", "cw", "サービス外連絡申請",
    )
    examples = Examples(
        positive=(
            "弊社はクラウドワークス事務局の許可を得たうえで、契約前の面談をChatworkで実施しております。",
            "当社はクラウドワークス事務局から許可をいただいておりますので、細かいご説明は公式ＬＩＮＥでさせていただいております。",
            "事務局にも確認済みで、契約前のお電話は問題ないと伺っております。",
            "運営からOKをもらっていますので大丈夫です。",
        ),
        negative=(
            "事務局の許可はありません。",
            "仕事を受けるためにお金を払うことはできません。",
            "サービス外連絡申請を提出しました。",
            "ご質問があれば事務局にお問い合わせください。",
        ),
    )

    def applies(self, msg: MessageView) -> bool:
        # Signals count only when the client states them (RUBRIC: mitigating signals).
        return msg.sender in ("client", "unknown")

    def accept(self, text: str, m, rule: Rule, msg: MessageView, state: dict) -> bool:
        # a claim quoted as a scam's line (「『事務局の許可済み』を名乗る手口」) is what an article is about
        start, end = span_of(m)
        if rule.lang == "en" and _EN_QUESTION.match(text, end):
            return False  # 「Has CrowdWorks approved this?」 asks, it claims nothing
        # (a claim reported in the client's own voice, 「…とのことです」, is still the client's claim)
        return not (refused_around(text, m) or enclosing_quote(text, start, end, _QUOTE_REACH) is not None
                    or about_the_work(text, start, end, state))


_QUOTE_REACH = 60
_EN_QUESTION = compile_pattern(r"[^.!?\n]{0,60}\?")


DETECTOR = SecretariatPermissionDetector()
