"""Tests of the bizmatch detector: signal: the client mentions BizMatch.

Cases beyond the development corpus: other phrasings, spellings (kana, half-width, spaced),
look-alikes that must stay quiet (topics, refusals, the platform's own flows), senders and
contract phases. The checks every request detector shares (corpus labels and spans, declared examples,
rule examples, terms, bounded work) come from _kit.DetectorChecks."""
from __future__ import annotations

import sys
from pathlib import Path

from cwguard.detectors.bizmatch import DETECTOR

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _kit import DetectorChecks  # noqa: E402

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
