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

from typing import Iterable

from ..engine.detector import Detector, Examples, Hit, MessageView, Rule
from ._cues import PLATFORM, Trigger, refused_around, span_of

_AUTHORITY = rf"(?:{PLATFORM}\s?(?:の)?\s?)?(?:運営)?(?:事務局|運営(?:側|者|事務局)?|サポート(?:センター|窓口)?)"
_GRANTED = (
    r"(?:許可|承認|了承|了解|認可|許諾|承諾|確認|ok|オーケー|お墨付き|認め)\s?(?:を|も|は|が)?\s?"
    r"(?:得|いただ|頂|もら|受け|取っ|済|とっ|取れ|されて|されてい|されました|おり|ており|下り|出て|ある|あり|ずみ)"
)

RULES: tuple[Rule, ...] = (
    Rule(
        rf"(?P<s>{_AUTHORITY}\s?(?:の|から|に|にも|より|へ|とも|側の|側から|様の|様から|様に)?\s?(?:は|も)?"
        rf"[^。!?\n]{{0,8}}?{_GRANTED})",
        "当社はクラウドワークス事務局の許可を得て、外部の研修サイトでお仕事のご案内をしております。",
        "the secretariat's permission (dev-026, dev-036, dev-059, dev-062)",
    ),
    Rule(
        rf"(?P<s>{PLATFORM}\s?(?:公認|認定|公式に許可|から許可|の許可|から承認|の承認|から認められ|に認められ))",
        "弊社はクラウドワークス公認のパートナー企業です。",
        "an official endorsement claimed in the platform's name",
    ),
    Rule(
        r"(?P<s>サービス外連絡申請\s?(?:は|が|も)?\s?(?:承認|許可)(?:済み|されて|されました|をいただ|を得|を受け))",
        "サービス外連絡申請は承認済みですので、ご安心ください。",
        "a client claiming the off-service contact request was approved",
    ),
)

_TRIGGERS = tuple(Trigger(r) for r in RULES)


class SecretariatPermissionDetector(Detector):
    name = "secretariat_permission"
    category = "secretariat_permission"
    kind = "signal"
    rules = RULES
    terms = ("事務局", "運営", "公認", "許可", "承認")
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

    def detect(self, msg: MessageView) -> Iterable[Hit]:
        if msg.sender not in ("client", "unknown"):
            return
        text = msg.text
        seen: list[tuple[int, int]] = []
        for trig in _TRIGGERS:
            for m in trig.finditer(text):
                start, end = span_of(m)
                if any(a < end and start < b for a, b in seen) or refused_around(text, m):
                    continue
                seen.append((start, end))
                yield self.hit(start, end)


DETECTOR = SecretariatPermissionDetector()
