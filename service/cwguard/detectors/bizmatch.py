"""bizmatch (signal): the client mentions ビズマッチ / BizMatch.

BizMatch is the paid CrowdWorks client service that allows direct contact before a contract;
a client naming it lowers the contact risks to medium (the advice: check that the client really
uses it). Only the client's mention counts. Spellings: ビズマッチ, びずまっち, ﾋﾞｽﾞﾏｯﾁ,
BizMatch, Biz Match, ビズ・マッチ (the text is already NFKC, lower case and katakana).
"""
from __future__ import annotations

from ..engine.detector import Examples, MessageView, Rule
from ..lang import vocab
from ._cues import RuleDetector, refused_around

_KANA = vocab.words("ja", "signals", "bizmatch_kana")
_LATIN = vocab.words("ja", "signals", "bizmatch_latin")

RULES: tuple[Rule, ...] = (
    Rule(
        id="bizmatch_named",
        pattern=rf"(?P<s>(?:{_KANA})|(?<![a-z])(?:{_LATIN})(?![a-z]))",
        examples=("弊社はビズマッチを利用しておりますので、契約前にZoomで30分ほどオンライン面談をさせていただけますでしょうか。",),
        counter_examples=(
            "弊社はビズマッチを利用しておりません。",
            "ビズマッチは使っていません。",
        ),
        reason="ビズマッチ / BizMatch (dev-027, dev-028, dev-037, dev-061)",
    ),
)



class BizmatchDetector(RuleDetector):
    name = "bizmatch"
    category = "bizmatch"
    kind = "signal"
    rules = RULES
    terms = (
        "ビズ", "biz",
    )
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

    def applies(self, msg: MessageView) -> bool:
        # Signals count only when the client states them (RUBRIC: mitigating signals).
        return msg.sender in ("client", "unknown")

    def accept(self, text: str, m, rule: Rule, msg: MessageView, state: dict) -> bool:
        return not refused_around(text, m)


DETECTOR = BizmatchDetector()
