"""English tokens and the polarity of a clause, for the English rules.

A word is a run of letters, digits and apostrophes (「don't」 is one word); each keeps its offsets
in the text (code points; the UTF-16 offsets are those of the Japanese tokens' `Token` when the
text is ASCII). A clause ends at . ! ? ; , a line break, or a joint word (but, so, because). The
polarity cues are data (en/grammar.json): a waiver (「no need to pay」「you don't have to send」)
or a refusal (「we do not accept」「we never ask for」) in the clause before the span.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..vocab import terms

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9']*")
_CLAUSE_END = re.compile(r"[.!?;,\n\r]")


@dataclass(frozen=True, slots=True)
class Word:
    text: str         # lower case
    start: int
    end: int


def words(text: str) -> tuple[Word, ...]:
    return tuple(Word(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text))


@cache
def _cues(key: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(phrase.split()) for phrase in terms("en", "grammar", key))


def _clause_start(text: str, start: int) -> int:
    ends = [m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 200), start)]
    begin = ends[-1] if ends else max(0, start - 200)
    tail = words(text[begin:start])
    joints = {j[0] for j in _cues("clause_joints")}
    for w in reversed(tail):
        if w.text in joints:
            return begin + w.end
    return begin


def _contains(seq: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(seq[i:i + n]) == phrase for i in range(len(seq) - n + 1))


def polarity_at(text: str, start: int, end: int, fee_waiver_is_bait: bool = False,
                own_words_masked: bool = False) -> str:
    """`waived`, `refused` or `affirmed`: what the clause says before and around the span. With
    `fee_waiver_is_bait`, a fee waived (「no fee」) is the bait of the phrase, not its waiver: 「i pay you
    paypal direct no fee」 offers the saving. With `own_words_masked`, the span's own words are not
    read (a phrase that is a negative by itself: 「no need to go through crowdworks」)."""
    begin = _clause_start(text, start)
    stop = _CLAUSE_END.search(text, end)
    stop_at = stop.start() if stop else len(text)
    if own_words_masked:
        # a phrase whose lure is a negative (「no need to go through crowdworks」) does not waive itself
        clause = [w.text for w in words(text[begin:start])] + ["\0"] + [w.text for w in words(text[end:stop_at])]
    else:
        clause = [w.text for w in words(text[begin:stop_at])]
    waivers = [p for p in _cues("waivers") if not (fee_waiver_is_bait and p in _cues("fee_waivers"))]
    if any(_contains(clause, p) for p in waivers):
        return "waived"
    if any(_contains(clause, p) for p in _cues("refusals")):
        return "refused"
    return "affirmed"
