"""lang/polarity.declines: whether the clause holding a span refuses, waives or denies it."""
from __future__ import annotations

import pytest

from cwguard.lang.polarity import declines

CASES = [  # (text, the span's words, declines)
    ("LINEでのやり取りは控えております", "LINE", True),                    # refused
    ("直接のお取引には応じかねます", "直接", True),
    ("登録は不要です", "登録", True),                                     # waived
    ("LINEは使っていないので、こちらでお願いします", "LINE", True),          # a negated statement
    ("Zoomは入れていません", "Zoom", True),
    ("no need to pay anything", "pay", True),                          # English, waived
    ("we never ask for fees", "fees", True),                           # English, refused
    ("LINEで話しましょう", "LINE", False),                               # affirmed
    ("他の人には言わないでください", "言わ", False),                       # a negated request still asks
    ("LINEは使っていないので、Telegramでお願いします", "Telegram", False),  # another clause
    ("please message me on WhatsApp", "WhatsApp", False),
]


@pytest.mark.parametrize(("text", "words", "expected"), CASES)
def test_declines(text, words, expected):
    start = text.index(words)
    assert declines(text, start, start + len(words)) is expected


def test_a_latin_name_in_a_japanese_sentence_is_read_in_japanese():
    text = "LINEでのやり取りは控えております"
    assert declines(text, 0, 4)
    assert not declines(text, 0, 4, english=True)   # the English reader has no cue for 控える
