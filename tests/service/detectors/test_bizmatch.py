"""Tests of the bizmatch detector: signal: the client mentions BizMatch.

Its own cases (POSITIVE, NEGATIVE: phrasings, spellings, look-alikes, senders, contract phases);
the checks every request detector shares come from _kit.DetectorChecks."""
from __future__ import annotations

from _kit import DetectorChecks

from cwguard.detectors.bizmatch import DETECTOR

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    ('BIZ MATCHをご利用中の企業です。', 'BIZ MATCH', 'client', 'before_contract'),
    ('ﾋﾞｽﾞﾏｯﾁ契約済みです', 'ﾋﾞｽﾞﾏｯﾁ', 'client', 'before_contract'),
    ('弊社はビズマッチを利用しておりますので、契約前にZoomで面談させてください。', 'ビズマッチ', 'client', 'before_contract'),
    ('弊社はびずまっちを利用しております。', 'びずまっち', 'client', 'before_contract'),
]

# (message, sender, contract phase): no hit
NEGATIVE = [
    ('ビジネスマッチングサービスの比較記事', 'client', 'before_contract'),
    ('ビズマッチとは何でしょうか。', 'worker', 'before_contract'),
    ('弊社はビズマッチは利用しておりません。', 'client', 'before_contract'),
]


class TestSharedChecks(DetectorChecks):
    detector = DETECTOR
    positive = POSITIVE
    negative = NEGATIVE
