"""Vocabulary and small helpers shared by the request detectors (deals, money, meetings, data).

These detectors ask one question of a message: does the sender ask the worker to do something
risky (pay, send an ID, meet, work unpaid, contract outside)? The answer has three parts, kept
apart so every detector reads Japanese the same way:

- a *request phrase* found by the detector's own rules (「初期費用3万円」「事務所にお越し」);
- the *sender*: a client (or an unknown sender) asks; a worker mostly refuses or explains;
- the *context*: a refusal or negation (`clauses.is_negated`), a topic in quotes
  (「『初期費用の目安』という記事」), a post-contract remark, a data-entry job.

Patterns here are written in natural Japanese and folded by `compile_pattern` like any rule.
"""
from __future__ import annotations

import regex

from ..engine import clauses
from ..engine.detector import MessageView, compile_pattern

# --- shared pattern pieces (regular-expression source, folded when compiled) ------------------

# CrowdWorks by name (NFKC and lower case already applied to the text). 「CW」 only as a word.
PLATFORM = r"(?:クラウドワークス|クラウド・ワークス|クラウド ワークス|crowd ?works|クラワ|(?<![a-z])cw(?![a-z]))"

# An amount of money: 3万円, 29,800円, ¥5,000, 3万5千円, 月額980円, 三万円, 100ドル. Every
# quantifier is bounded so a megabyte of digits stays linear.
_NUM = r"\d[\d,]{0,11}(?:\.\d{1,2})?"
_KANJI_NUM = r"[一二三四五六七八九十百千]{1,5}"
AMOUNT = (
    rf"(?:[¥$]\s?{_NUM}(?:\s?円)?"
    rf"|(?:{_NUM}|{_KANJI_NUM})\s?(?:万\s?(?:{_NUM}|{_KANJI_NUM})?\s?千?\s?円?|千円|円|ドル|ポイント|pt)"
    rf"|(?:{_NUM}|{_KANJI_NUM})\s?万(?!\S{{0,1}}件))"
)

# Japanese verbs that turn a phrase into a request to the reader.
REQUEST_CUES = (
    "ください", "下さい", "いただけ", "頂け", "いただき", "頂き", "いただく", "頂く", "いただいて",
    "いただいた方", "願い", "願え", "ほしい", "欲しい", "もらえ", "もらい", "もらって", "ませんか",
    "ましょう", "必要", "必須", "して下さ", "お待ちして", "でしょうか", "可能ですか", "できますか",
)

# --- senders ------------------------------------------------------------------------------------


def asks_the_worker(msg: MessageView) -> bool:
    """Messages that can ask something of the worker: the client's, or an unknown sender's (the
    single-text shorthand). A worker's message about fees, IDs or meetings is a question or a
    refusal; a system notice is the platform's own."""
    return msg.sender in ("client", "unknown")


def not_system(msg: MessageView) -> bool:
    return msg.sender != "system"


# --- context around a span ----------------------------------------------------------------------

_TOPIC_WORDS = compile_pattern(
    r"テーマ|タイトル|記事|コラム|題材|見出し|原稿|ブログ|について|に関する|の解説|特集|書籍|動画"
)
_OPEN_QUOTES, _CLOSE_QUOTES = "「『\"“", "」』\"”"
_MAX_QUOTE = 80


def in_quoted_topic(text: str, start: int, end: int) -> bool:
    """Whether the span sits inside 「…」/『…』 in a sentence that names a topic (記事, テーマ…):
    「『飲食店開業にかかる初期費用の目安』というテーマ」 is what an article is about, not a request."""
    lo = max(0, start - _MAX_QUOTE)
    opened = max(text.rfind(q, lo, start) for q in _OPEN_QUOTES)
    if opened < 0:
        return False
    closed_before = max(text.rfind(q, opened + 1, start) for q in _CLOSE_QUOTES if q != '"')
    if closed_before > opened:
        return False
    hi = min(len(text), end + _MAX_QUOTE)
    if not any(text.find(q, end, hi) >= 0 for q in _CLOSE_QUOTES):
        return False
    s_start, s_end = clauses.sentence_span(text, start)
    return _TOPIC_WORDS.search(text, s_start, max(s_end, end)) is not None


def is_refused(text: str, start: int, end: int) -> bool:
    """A refusal or negation of the span in its own sentence (「直接契約はできません」)."""
    return clauses.is_negated(text, start, end)


def sentence(text: str, pos: int) -> tuple[int, int]:
    return clauses.sentence_span(text, pos)


def search_in_sentence(pattern: regex.Pattern, text: str, pos: int) -> regex.Match | None:
    start, end = clauses.sentence_span(text, pos)
    return pattern.search(text, start, end)


def is_post_contract_remark(text: str, start: int, end: int) -> bool:
    """「契約後に一度お越しください」: about after the contract, asks nothing now."""
    return clauses.is_post_contract_reference(text, start, end)


def alternation(terms: tuple[str, ...]) -> str:
    """Regex source of literal terms, longest first (so 「ませんか」 wins over 「ません」)."""
    return "|".join(regex.escape(t) for t in sorted(set(terms), key=len, reverse=True))
