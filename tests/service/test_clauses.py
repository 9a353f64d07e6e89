"""Clause boundaries, negation/refusal cues and post-contract references in normalised text."""
import pytest

from cwguard.engine.normalize import normalize
from cwguard.lang.ja import clauses
from support.scoring import locate


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


@pytest.mark.parametrize("text, word, negated", [
    # the risky phrase's own negative negates nothing after it
    ("クラウドワークスを通さず直接契約しましょう", "直接契約", False),
    ("CWを介さずにお取引できればと思います", "お取引", False),
    ("手数料がかからないので直接お支払いします", "直接お支払い", False),
    ("クラウドワークスを使わずにLINEでやり取りしましょう", "LINE", False),
    ("経験問わず、LINEでご連絡ください", "LINE", False),
    # ...but the same verbs with another object still refuse
    ("LINEは使わずに、こちらでお願いします", "LINE", True),
    # refusing by difficulty, and its conditional / question forms
    ("対面でのお打ち合わせは難しいです", "対面", True),
    ("その条件でのLINE交換は厳しいです", "LINE", True),
    ("メッセージでは難しいのでLINEでお願いします", "LINE", False),
    ("メッセージが難しい場合はLINEでご連絡ください", "LINE", False),
    ("LINE交換はお受けできません", "LINE", True),
])
def test_own_negatives_and_difficulty(text, word, negated):
    assert clauses.is_negated(*locate(text, word)) is negated


@pytest.mark.parametrize("text, word, refused", [
    ("登録料は無料です", "登録料", True),
    ("初期費用0円で始められます", "初期費用", True),
    ("費用は一切かかりません", "費用", True),
    ("対面なし、すべてオンラインです", "対面", True),
    ("伺うのが難しい状況です", "伺う", True),
    ("手数料なしで直接お支払いします", "手数料", False),
    ("未払いの場合は契約違反とみなします", "未払い", False),
    ("登録料5,000円が必要です", "登録料", False),
    ("伺うのが難しい場合はご連絡ください", "伺う", False),
    # 「実質無料」 is a refund or cash-back promise attached to a fee, not a refusal of it
    ("入会金は実質無料です", "入会金", False),
    ("教材費は実質0円になります", "教材費", False),
    ("受講料は実質的に無料", "受講料", False),
    ("受講料はゼロです", "受講料", True),
])
def test_refused_right_after(text, word, refused):
    norm, _, end = locate(text, word)
    assert clauses.refused_right_after(norm, end) is refused


@pytest.mark.parametrize("text, phrase, negated", [
    ("there is no registration fee.", "registration fee", True),
    ("please pay the registration fee.", "registration fee", False),
    ("we cannot pay you directly.", "pay you directly", True),
    ("don't worry, we pay you directly.", "pay you directly", False),
    ("the registration fee is waived.", "registration fee", True),
    ("thanks. please send your passport.", "passport", False),
    ("never send your passport to anyone.", "passport", True),
])
def test_english_negation(text, phrase, negated):
    start = text.index(phrase)
    assert clauses.english_negated(text, start, start + len(phrase)) is negated


def _scan_span(text, pos, chars, limit=clauses.MAX_SCOPE):
    """The spans as a plain left/right scan computes them (the definition the bisection follows)."""
    lo, hi = max(0, pos - limit), min(len(text), pos + limit)
    start = next((i + 1 for i in range(pos - 1, lo - 1, -1) if text[i] in chars), lo)
    end = next((i for i in range(pos, hi) if text[i] in chars), hi)
    return start, end


def test_bisected_spans_equal_a_plain_scan():
    text = normalize("はじめまして。詳細はLINEで、よろしく！次の文\n" * 3 + "区切りのない長い文" * 40 + "、終わり。").text
    for pos in range(len(text)):
        assert clauses.sentence_span(text, pos) == _scan_span(text, pos, clauses.SENTENCE_END_CHARS)
        assert clauses.clause_span(text, pos) == _scan_span(text, pos, clauses.CLAUSE_END_CHARS)


def test_boundaries_are_computed_once_per_text():
    text = normalize("一文目。二文目、その続き。" * 100).text
    clauses.boundaries.cache_clear()
    for pos in range(0, len(text), 7):
        clauses.sentence_span(text, pos)
        clauses.clause_span(text, pos)
    info = clauses.boundaries.cache_info()
    assert info.misses == 1 and info.hits > 100


@pytest.mark.parametrize("text, word, other, same_sentence", [
    # chat writes a space where prose writes 。 after a sentence-final form
    ("いりませんよ笑\u3000急ぎなんで本日中に返事ください", "いりません", "返事", False),
    ("了解です LINEで", "了解", "LINE", False),
    ("LINEは使ってません ここでお願いします", "LINE", "ここ", False),
    # after any other word a space only separates phrases
    ("詳細は LINEで お願いします", "詳細", "お願い", True),
    ("本日中に ご返信がなければ他の方に", "本日中", "他の方", True),
    ("山田\u3000太郎です", "山田", "太郎", True),
])
def test_a_space_after_a_sentence_final_form_ends_the_sentence(text, word, other, same_sentence):
    norm, start, _ = locate(text, word)
    other_start = norm.index(normalize(other).text)
    assert (clauses.sentence_span(norm, start) == clauses.sentence_span(norm, other_start)) is same_sentence
