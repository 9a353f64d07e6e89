"""Clause boundaries, negation/refusal cues and post-contract references in normalised text."""
import pytest

from cwguard.engine import clauses
from cwguard.engine.normalize import normalize


def locate(text, word):
    norm = normalize(text).text
    target = normalize(word).text
    start = norm.index(target)
    return norm, start, start + len(target)


@pytest.mark.parametrize("text, word, negated", [
    ("LINEなど外部のツールでのやり取りは、契約前は控えております", "LINE", True),
    ("LINEではなくこちらのメッセージでお願いします", "LINE", True),
    ("チャットワークではなくLINEでお願いします", "チャットワーク", True),
    ("チャットワークではなくLINEでお願いします", "LINE", False),
    ("LINE以外での連絡はお受けしておりません", "LINE", True),
    ("LINEは使えないので、メールでお願いします", "LINE", True),
    ("LINEは使えないので、メールでお願いします", "メール", False),
    ("外部ツールへの移動をお願いすることはありませんのでご安心ください", "外部", True),
    ("NG：LINEでのやり取り", "LINE", True),
    ("LINEでの連絡はご遠慮ください", "LINE", True),
    ("LINE登録は不要です", "LINE", True),
    ("LINEで連絡しないでください", "LINE", True),
    ("詳細はLINEでお伝えします", "LINE", False),
    ("LINEでご連絡いただけませんか", "LINE", False),
    ("LINEでしか連絡できません", "LINE", False),
    ("LINEでも構いません", "LINE", False),
    ("申し訳ありませんが、LINEでお願いします", "LINE", False),
    ("外部連絡は禁止されていますが、LINEでお願いします", "LINE", False),
    ("LINEで連絡いただければ、面倒な手続きは不要です", "LINE", False),
    ("LINE登録しなければなりません", "LINE", False),
    ("ご遠慮なくLINEでご連絡ください", "LINE", False),
    ("Zoom meetingでお願いします", "Zoom", False),
])
def test_is_negated(text, word, negated):
    assert clauses.is_negated(*locate(text, word)) is negated


def test_sentence_and_clause_spans():
    text = normalize("はじめまして。詳細はLINEで、よろしく！次の文").text
    pos = text.index("line")
    assert text[slice(*clauses.sentence_span(text, pos))] == normalize("詳細はLINEで、よろしく").text
    assert text[slice(*clauses.clause_span(text, pos))] == normalize("詳細はLINEで").text


def test_spans_are_bounded_without_punctuation():
    text = "a" * 10_000
    start, end = clauses.sentence_span(text, 5_000)
    assert end - start <= 2 * clauses.MAX_SCOPE


def test_contrast_starts_a_new_scope():
    text, start, end = locate("外部連絡は禁止ですが、LINEでお願いします", "LINE")
    scope_start, _ = clauses.scope_span(text, start, end)
    assert "禁止" not in text[scope_start:start]


@pytest.mark.parametrize("text, expected", [
    ("契約後はChatworkでやり取りしましょう", True),
    ("ご契約後にチャットワークへ招待します", True),
    ("契約後のやり取りに使うので、今のうちにChatworkのIDを交換しましょう", False),
    ("Chatworkでやり取りしましょう", False),
])
def test_post_contract_reference(text, expected):
    assert clauses.is_post_contract_reference(*locate(text, "chatwork" if "chatwork" in text.lower() else "チャットワーク")) is expected


def test_reported_speech_is_not_a_proposal():
    assert clauses.is_reported(*locate("LINEでのご案内ということでしょうか。", "LINE"))
    assert not clauses.is_reported(*locate("LINEでご案内します。", "LINE"))


def test_request_and_negation_cues():
    text = normalize("ご入力をお願いします").text
    assert clauses.has_request(text, 0, len(text))
    text = normalize("お受けできかねます").text
    assert clauses.has_negation(text, 0, len(text))
    assert set(clauses.cue_terms()) >= {"negation", "request", "post_contract"}
