"""Tests of the secretariat_permission detector: signal: the client claims the secretariat's permission.

Cases beyond the development corpus: other phrasings, spellings (kana, half-width, spaced),
look-alikes that must stay quiet (topics, refusals, the platform's own flows), senders and
contract phases. The corpus itself is checked message by message (labels and spans)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cwguard.detectors.secretariat_permission import DETECTOR

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _kit import check_dev_corpus, check_linear_time, found, found_spans  # noqa: E402

# (message, a phrase the hit must cover, sender, contract phase)
POSITIVE = [
    ('運営事務局の承認をいただいておりますので、LINEでのやり取りも問題ございません。', '運営事務局の承認', 'client', 'before_contract'),
    ('クラウドワークスさんから許可をもらっています。', '許可', 'client', 'before_contract'),
    ('CW運営に確認を取っており、外部でのやり取りはOKとのことです。', 'CW運営', 'client', 'before_contract'),
    ('事務局の了承済みです。', '事務局の了承', 'client', 'before_contract'),
    ('クラウドワークス公認の企業です。', '公認', 'client', 'before_contract'),
    ('事務局にも確認済みで、契約前のお電話は問題ないと伺っております。', '事務局にも確認済み', 'client', 'before_contract'),
    ('サービス外連絡申請は承認済みですので、ご安心ください。', '承認済み', 'client', 'before_contract'),
]

# (message, sender, contract phase): no hit
NEGATIVE = [
    ('事務局に確認したところ、外部連絡は禁止とのことでした。', 'client', 'before_contract'),
    ('不明点は事務局へお問い合わせください。', 'client', 'before_contract'),
    ('事務局の許可は得ていません。', 'client', 'before_contract'),
    ('事務局に確認させていただきます。', 'worker', 'before_contract'),
    ('事務局の許可を得ているとのことですが、確認させてください。', 'worker', 'before_contract'),
    ('運営するメディアの記事確認をいただければと思います。', 'client', 'before_contract'),
    ('記事の確認をいただけますか。', 'client', 'before_contract'),
    ('サービス外連絡申請を提出しました。', 'client', 'before_contract'),
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
