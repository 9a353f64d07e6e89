"""Tests of the bizmatch detector: signal: the client mentions BizMatch.

Cases beyond the development corpus: other phrasings, spellings (kana, half-width, spaced),
look-alikes that must stay quiet (topics, refusals, the platform's own flows), senders and
contract phases. The corpus itself is checked message by message (labels and spans)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cwguard.detectors.bizmatch import DETECTOR

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _kit import check_dev_corpus, check_linear_time, found, found_spans  # noqa: E402

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


@pytest.mark.parametrize(("text", "phrase", "sender", "phase"), POSITIVE)
def test_positive_cases_hit_the_phrase(text, phrase, sender, phase):
    spans = found_spans(DETECTOR, text, sender=sender, phase=phase)
    start = text.index(phrase)
    end = start + len(phrase)
    assert any(a < end and start < b for a, b in spans), (spans, phrase)


@pytest.mark.parametrize(("text", "sender", "phase"), NEGATIVE)
def test_negative_cases_stay_quiet(text, sender, phase):
    assert found(DETECTOR, text, sender=sender, phase=phase) == []


def test_declared_examples():
    ex = DETECTOR.examples
    assert ex.positive and ex.negative
    for text in ex.positive:
        assert found(DETECTOR, text), text
    for text in ex.negative:
        assert not found(DETECTOR, text), text
    for text in ex.positive_after_contract:
        assert found(DETECTOR, text, phase="contracted"), text
    for text in ex.negative_after_contract:
        assert not found(DETECTOR, text, phase="contracted"), text


def test_every_rule_matches_its_example():
    for rule in DETECTOR.rules:
        assert found_pattern(rule), rule.note


def found_pattern(rule):
    from cwguard.engine.normalize import normalize

    return rule.compile().search(normalize(rule.example).text) is not None


def test_terms_anchor_every_positive():
    from cwguard.engine.normalize import normalize

    terms = [normalize(t).text for t in DETECTOR.terms]
    texts = [t for t, *_ in POSITIVE] + list(DETECTOR.examples.positive) + [r.example for r in DETECTOR.rules]
    for text in texts:
        norm = normalize(text).text.lower()
        assert any(t.lower() in norm for t in terms), text


def test_dev_corpus_labels_and_spans():
    check_dev_corpus(DETECTOR)


def test_adversarial_input_stays_linear():
    check_linear_time(DETECTOR)
