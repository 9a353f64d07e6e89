"""Japanese tokens: SudachiPy (small dictionary, split mode C) over the text as written.

Each token keeps its lemma (dictionary form), part of speech, conjugation form and its offsets in
the original text, in code points and in UTF-16 units. The text is tokenised as sent, not as
normalised: the normaliser folds hiragana to katakana, which the analyser cannot read. The
tokenizer comes from `words.py` (one dictionary in memory, loaded at start by `warm_up`; one tokenizer per thread).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .words import tokenizer

# At most this much of a text is analysed (frames reads one sentence around a hit); the
# analyser's cost is linear, but one call on a megabyte would hold the cache.
MAX_CHARS = 4000


class Token(NamedTuple):  # a named tuple: built ~3x faster than a frozen dataclass, per token
    surface: str
    lemma: str            # dictionary form: 「いただか」 -> 「いただく」
    pos: str              # part of speech, first level: 動詞, 助動詞, 助詞, 名詞…
    pos2: str             # second level: 接続助詞, 終助詞, 非自立可能…
    form: str             # conjugation form: 未然形-一般, 仮定形-一般, 意志推量形, 命令形…
    start: int            # code points of the analysed text
    end: int
    utf16_start: int      # UTF-16 units of the analysed text (what JavaScript slices by)
    utf16_end: int


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _utf16_offsets(text: str):
    """A function from code-point offsets to UTF-16 offsets (the identity without astral characters)."""
    if not _ASTRAL.search(text):
        return lambda i: i
    table = [0]
    for c in text:
        table.append(table[-1] + (2 if ord(c) > 0xFFFF else 1))
    return table.__getitem__


@lru_cache(maxsize=512)
def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of `text` (at most MAX_CHARS characters are read)."""
    text = text[:MAX_CHARS]
    utf16 = _utf16_offsets(text)
    out = []
    for m in tokenizer().tokenize(text):
        begin, end = m.begin(), m.end()
        pos = m.part_of_speech()
        out.append(Token(m.surface(), m.dictionary_form(), pos[0], pos[1], pos[5], begin, end, utf16(begin), utf16(end)))
    return tuple(out)
