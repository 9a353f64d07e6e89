"""Which words made the model flag a message: the passages whose n-grams weigh most, cut to whole
words of the text as sent.

Each positive share (weight × value) is spread over every place its n-gram occurs in the feature
text; neighbouring covered characters join into passages; the heaviest passages are kept, mapped
through the normaliser's offset map to the original text and widened to the word they sit in.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..engine.normalize import NormalizedText
from ..lang.ja.words import script

MAX_PASSAGES = 2
MAX_PASSAGE_CHARS = 30
TOP_FEATURES = 40
# n-grams this short carry little meaning alone (a particle, one kana): they add weight to a
# passage but never start one.
MIN_GRAM = 2


def _script(c: str) -> str:
    return script(c, word_marks="_@.-:/")


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) of the original text to whole words (runs of one script class)."""
    if start >= end:
        return start, end
    head, tail = _script(text[start]), _script(text[end - 1])
    while start > 0 and head != "other" and head != "hiragana" and _script(text[start - 1]) == head \
            and end - start < MAX_PASSAGE_CHARS:
        start -= 1
    while end < len(text) and tail != "other" and tail != "hiragana" and _script(text[end]) == tail \
            and end - start < MAX_PASSAGE_CHARS:
        end += 1
    # never start or end on a space or punctuation
    while start < end and _script(text[start]) == "other":
        start += 1
    while end > start and _script(text[end - 1]) == "other":
        end -= 1
    return start, end


def passages(norm: NormalizedText, feature_text: str, shares: Sequence[tuple[str, float]]) -> list[tuple[int, int]]:
    """Code-point spans of the original text, heaviest first, at most `MAX_PASSAGES`."""
    weight = [0.0] * len(feature_text)
    seeded = [False] * len(feature_text)
    for gram, share in shares[:TOP_FEATURES]:
        if not gram.strip():
            continue
        at = feature_text.find(gram)
        while at >= 0:
            for i in range(at, at + len(gram)):
                weight[i] += share / len(gram)
                seeded[i] = seeded[i] or len(gram.strip()) >= MIN_GRAM
            at = feature_text.find(gram, at + 1)
    runs: list[tuple[float, int, int]] = []
    i = 0
    while i < len(weight):
        if not seeded[i]:
            i += 1
            continue
        j = i
        while j < len(weight) and weight[j] > 0 and feature_text[j] not in "。\n!?！？":
            j += 1
        runs.append((sum(weight[i:j]), i, j))
        i = max(j, i + 1)
    out: list[tuple[int, int]] = []
    for _, start, end in sorted(runs, key=lambda r: -r[0]):
        a, b = norm.to_original(start, end)
        a, b = _widen(norm.original, a, b)
        if b - a > MAX_PASSAGE_CHARS:
            b = a + MAX_PASSAGE_CHARS
        if a < b and not any(a < y and x < b for x, y in out):
            out.append((a, b))
        if len(out) == MAX_PASSAGES:
            break
    return out
