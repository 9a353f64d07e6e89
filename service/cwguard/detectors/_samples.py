"""The work's own text inside a message: a draft, an excerpt, a sample, strings to translate.

A risky phrase inside the work's own text is the work, not a request to the reader: a call script's
「…フリーダイヤル0120-…までお電話ください」, a caption ending on the shop's @handle, a listing's old text
between ruled lines, the lures an article or a game will quote, the UI strings of a localisation job
(「電話番号を入力してください」), a landing page's copy, a line given as an example of the data
(「入力例：…」). The text is quoted (「…」『…』“…” or "…", over
several sentences or lines) or set between two ruled lines (----, ====), and the message says it is
such a text (sample_words, quoted_topic_words, topic_words: anywhere in it). A lure's own decorative
block names no draft, excerpt or sample, so it stays a lure.

Read by the channel detectors (`_channels`) and by every risk rule detector (`_cues.RuleDetector`).
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import islice

import regex

from ..engine.detector import compile_pattern
from ..engine.identity_cache import identity_cached
from ..lang import vocab
from ..lang.ja import clauses

# A channel inside quotes in a message about writing (「「詳細はLINEで」みたいな実例を引用して」, Cover
# 'text me' recruiters): a quotation. Read in the channel's sentence (quotes) and the one before (topic).
QUOTE_TOPIC = compile_pattern(
    f"(?:{vocab.words('ja', 'channel_talk', 'quoted_topic_words')})"
    f"|(?<![a-z])(?:{vocab.words('en', 'channel_talk', 'topic_words')})(?![a-z])"
)
SAMPLE_TOPIC = compile_pattern(f"(?:{vocab.words('ja', 'channel_talk', 'sample_words')})|" + QUOTE_TOPIC.pattern)
# Japanese brackets nest; a straight double quote opens and closes alike (paired on its line).
_QUOTE_MARKS = regex.compile("[「」『』“”]")
_STRAIGHT_QUOTED = regex.compile(r'"[^"\n]{1,200}"')
_RULED_LINE = regex.compile(r"^[ \t\u3000]*[-=_*~─━＝]{3,}[ \t\u3000]*$", regex.MULTILINE)
# A line given as an example of the data (「入力例：ほけん相談プラザ 梅田店／…／https://lin.ee/sample01」, tr148).
_EXAMPLE_HEAD = r"[ \t\u3000]*(?:入力例|記入例|回答例|記載例|出力例|例)[ \t\u3000]?[:：]"
_EXAMPLE_LINE = regex.compile(r"^" + _EXAMPLE_HEAD + r"[^\n]*", regex.MULTILINE)
# ...whose example is quoted (「例：「…」」): a line that says by itself that it shows text, not asks for anything.
_QUOTED_EXAMPLE = regex.compile(_EXAMPLE_HEAD + r"[ \t\u3000]*[「『“\"]")
# ...and a quotation placed in the work by the words around it (「④に「出金できなくなった時点で追加入金しない」を太字で
# 入れてください」, round 22): set in a numbered item, a heading or the body, or set in bold or as a heading.
# (the text is normalised: ④ reads 4, を reads ヲ; compile_pattern folds the words alike)
_PLACED_BEFORE = compile_pattern(r"(?:(?<![\d.,])\d{1,2}|見出し|小見出し|本文|文中|冒頭|末尾|記事|原稿|注意書き|(?<![a-z])h[1-6])"
                                 r"[ \t\u3000]?(?:に|へ|の)[ \t\u3000]?$")
_PLACED_AFTER = compile_pattern(r"[ \t\u3000]?(?:を|と|は)[ \t\u3000]?(?:太字|赤字|見出し|小見出し|箇条書き|注意書き|強調)")
# An outline's heading line (「H2 なぜChatworkからSlackに移行するのか」): the article's text.
_HEADING_LINE = regex.compile(r"^[ \t\u3000]*h[1-6](?![a-z0-9])[^\n]*", regex.MULTILINE)
_SAMPLE_REACH = 800  # a quotation longer than this is no sample but a quote left open
# Quote marks and lines read per message: a flood of 「 costs a bounded loop (what lies past them is
# read as plain text, so a contact there is still found).
_MAX_MARKS = 4096


Regions = tuple[tuple[int, ...], tuple[int, ...]]


@identity_cached(maxsize=8)
def _sample_regions(text: str) -> Regions:
    """The (starts, ends) of the text's quotations, ruled blocks and outline headings, merged and
    sorted, in a message that speaks of a draft or a sample; empty otherwise. One pass over the
    quote marks and the lines, read once per message however many phrases ask (and only when one
    does)."""
    regions, stack = [], []
    for m in islice(_QUOTE_MARKS.finditer(text), _MAX_MARKS):
        if m.group() in "「『“":
            stack.append(m.start())
        elif stack:
            start = stack.pop()
            if m.start() - start <= _SAMPLE_REACH:
                regions.append((start, m.end()))
    if '"' in text:
        regions += [m.span() for m in islice(_STRAIGHT_QUOTED.finditer(text), _MAX_MARKS)]
    rules = [m.start() for m in islice(_RULED_LINE.finditer(text), _MAX_MARKS)]
    regions += list(zip(rules[0::2], rules[1::2], strict=False))
    regions += [m.span() for m in islice(_HEADING_LINE.finditer(text), _MAX_MARKS)]
    examples = [m.span() for m in islice(_EXAMPLE_LINE.finditer(text), _MAX_MARKS)] if "例" in text else []
    if not regions and not examples:
        return (), ()
    if SAMPLE_TOPIC.search(text) is None:  # the cheap structure first, then the words
        # a line headed 例： says itself that it is an example (「例：「運転免許証の表面を撮影してください」など」,
        # round 21); the message's other quotations still need the words
        regions = [(a, b) for a, b in examples if _QUOTED_EXAMPLE.match(text, a, b)] + [
            (a, b) for a, b in regions if _placed_in_the_work(text, a, b)]
        if not regions:
            return (), ()
    else:
        regions = [(a, b) for a, b in regions if not _relayed_request(text, a, b)] + examples
    merged: list[list[int]] = []  # nested and overlapping regions as one (a span needs one bisection)
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple(a for a, _ in merged), tuple(b for _, b in merged)


def _relayed_request(text: str, start: int, end: int) -> bool:
    """A quotation the writer's own side said (「担当いわく「まず無償でテスト記事1本」とのことです」),
    in a message that names a draft or a sample only inside it: the side's request, not a sample."""
    return (text[start] in "「『“\"" and clauses.relayed_from_own_side(text, start + 1)
            and SAMPLE_TOPIC.search(text, 0, start) is None and SAMPLE_TOPIC.search(text, end) is None)


def _placed_in_the_work(text: str, start: int, end: int) -> bool:
    """A quotation the words around it set in the work: a numbered item, a heading, bold type."""
    return (text[start] in "「『“\"" and (_PLACED_BEFORE.search(text, max(0, start - 8), start) is not None
                                         or _PLACED_AFTER.match(text, end) is not None))


def in_sample(text: str, start: int, end: int) -> bool:
    """Whether start..end lies inside a quotation or a ruled block of a message that shows a
    draft, an excerpt or a sample of the work (see SAMPLE_TOPIC)."""
    starts, ends = _sample_regions(text)
    i = bisect_right(starts, start) - 1
    return i >= 0 and ends[i] >= end
