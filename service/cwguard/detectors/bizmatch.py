"""bizmatch (signal): the client mentions ビズマッチ / BizMatch.

BizMatch is the paid CrowdWorks client service that allows direct contact before a contract;
a client naming it lowers the contact risks to medium (the advice: check that the client really
uses it). Only the client's mention counts. Spellings: ビズマッチ, びずまっち, ﾋﾞｽﾞﾏｯﾁ,
BizMatch, Biz Match, ビズ・マッチ (the text is already NFKC, lower case and katakana).
"""
from __future__ import annotations

from typing import Iterable

from ..engine.detector import Detector, Examples, Hit, MessageView, Rule
from ._cues import Trigger, refused_around, span_of

RULES: tuple[Rule, ...] = (
    Rule(
        r"(?P<s>ビズ[・\s]?マッチ|(?<![a-z])biz[\s\-_・]?match(?![a-z]))",
        "弊社はビズマッチを利用しておりますので、契約前にZoomで30分ほどオンライン面談をさせていただけますでしょうか。",
        "ビズマッチ / BizMatch (dev-027, dev-028, dev-037, dev-061)",
    ),
)

_TRIGGERS = tuple(Trigger(r) for r in RULES)


class BizmatchDetector(Detector):
    name = "bizmatch"
    category = "bizmatch"
    kind = "signal"
    rules = RULES
    terms = ("ビズマッチ", "bizmatch", "biz match")
    examples = Examples(
        positive=(
            "弊社はBizMatchを利用していますので、資料一式はメールでお送りします。",
            "弊社はびずまっちを利用しております。",
            "当社はＢｉｚ Ｍａｔｃｈの契約企業です。",
        ),
        negative=(
            "ビジネスマッチングの記事を書いていただきます。",
            "弊社はビズマッチは利用しておりません。",
        ),
    )

    def detect(self, msg: MessageView) -> Iterable[Hit]:
        if msg.sender not in ("client", "unknown"):
            return
        for trig in _TRIGGERS:
            for m in trig.finditer(msg.text):
                if not refused_around(msg.text, m):
                    yield self.hit(*span_of(m))


DETECTOR = BizmatchDetector()
