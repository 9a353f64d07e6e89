"""Whether a clause refuses or waives what it names, in either language the service reads.

The rules drop such a hit themselves (detectors/_cues.py); the engine asks this of the passages
that explain a model-only warning, since character n-grams cannot tell 「LINEは使っていません」
from 「LINEで話しましょう」. Japanese is read on SudachiPy tokens (lang/ja/frames.py), a span
written in English on words (lang/en/tokens.py).
"""
from __future__ import annotations

import regex

from .en import tokens as en_tokens
from .ja import frames

# The polarities that take back what a clause names: 「応じかねます」「控えております」 (refused),
# 「ご返信いただかなくても大丈夫です」「登録は不要です」 (waived); and in Japanese a negated statement
# (`_denies`).
DECLINING = frozenset({"refused", "waived"})
# A span amid English (letters, digits, spaces, punctuation only, this far either side) is read by
# the English reader; 「LINE」 in a Japanese sentence is read by the Japanese one.
_ENGLISH = regex.compile(r"[\x20-\x7e\n\r\t]*[a-z][\x20-\x7e\n\r\t]*", regex.IGNORECASE)
CONTEXT = 40


def declines(text: str, start: int, end: int, english: bool | None = None) -> bool:
    """Whether the clause of `text` (original text, code points) holding [start, end) refuses,
    waives or (Japanese) denies it. `english` chooses the reader; by default the script around the span does."""
    if english is None:
        english = _ENGLISH.fullmatch(text, max(0, start - CONTEXT), min(len(text), end + CONTEXT)) is not None
    if english:
        return en_tokens.polarity_at(text, start, end) in DECLINING
    clause = frames.clause_around(text, start, end)
    return clause is not None and (clause.polarity in DECLINING or _denies(clause))


def _denies(clause: frames.Clause) -> bool:
    """A negated statement (「LINEは使っていないので」「Zoomは入れていません」): says what the
    sender does not do. A negated request (「他の人には言わないでください」) still asks."""
    return clause.polarity == "negated" and clause.act == "statement"
