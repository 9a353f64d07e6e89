"""Normalise a message once, keeping a map from every normalised character back to the original.

Every detector reads `NormalizedText.text`: NFKC, lower case, hiragana folded to katakana, dashes
unified, zero-width and bidi-control characters removed. `to_original` maps a span of it back to
code-point offsets of the message as sent, and `utf16_span` turns those into the UTF-16 code
units that JavaScript's `String.prototype.slice` uses.

Why not neologdn or jaconv: both rewrite the full-width hyphen `－` to the long-vowel mark `ー`
(phone numbers stop being phone numbers) and neither keeps offsets. NFKC alone changes lengths
(`ｶﾞ` is two characters and becomes one, `㈱` becomes three), so the map is built per cluster.
"""
from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass

import regex

# Characters that carry no visible text: removed so that "L\u200bINE" reads as "line".
# (zero-width space/joiners, word joiner, BOM, soft hyphen, Mongolian vowel separator,
# bidi marks and embeddings/isolates that RTL tricks use)
INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
)
# Dash-like characters unified to ASCII '-' so "090‐1234―5678" is a phone number. The long-vowel
# mark 'ー' stays: it is part of katakana words (チャットワーク).
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\u2043"
# Separators an obfuscator puts between letters ("L I N E", "L・I・N・E", "ら い ん").
SEPARATOR_CHARS = " \t\u3000\u30fb\u00b7\uff65\u2027\u2219\u22c5./,_*~\\-|\u3001\u3002\n\r"
SEP = "[" + regex.escape(SEPARATOR_CHARS) + "]"

_HIRAGANA_START, _HIRAGANA_END = 0x3041, 0x3096


def _fold_char(c: str) -> str:
    """The normalised form of one character taken alone."""
    out = unicodedata.normalize("NFKC", c).lower()
    return "".join(
        chr(ord(ch) + 0x60) if _HIRAGANA_START <= ord(ch) <= _HIRAGANA_END or ch in "ゝゞ"
        else "-" if ch in DASHES else ch
        for ch in out
    )


def _build_tables() -> tuple[dict[int, str], str]:
    """A str.translate table for every BMP character whose fold is one character, and the set of
    characters that need the slow, cluster-by-cluster path (length changes, combining marks)."""
    table: dict[int, str] = {}
    complex_chars: list[str] = []
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        if c in INVISIBLE or unicodedata.combining(c) or cp in (0xFF9E, 0xFF9F, 0x309B, 0x309C):
            complex_chars.append(c)
            continue
        folded = _fold_char(c)
        if len(folded) != 1 or unicodedata.combining(folded):
            complex_chars.append(c)
        elif folded != c:
            table[cp] = folded
    return table, "".join(complex_chars)


_TABLE, _COMPLEX = _build_tables()
# Non-BMP characters all take the slow path (rare: emoji, 𠮷); their fold is computed per cluster.
# Stdlib `re` here: for a class of ~1,900 characters it tests membership ~100x faster than `regex`
# (7 ns against 640 ns per character, measured by bench/run.py's stages section).
_NEEDS_SLOW_PATH = re.compile("[" + re.escape(_COMPLEX) + "\U00010000-\U0010ffff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _is_cluster_tail(c: str) -> bool:
    """Marks that belong to the character before them (voiced marks, combining marks, selectors)."""
    cp = ord(c)
    return (
        bool(unicodedata.combining(c))
        or cp in (0xFF9E, 0xFF9F, 0x3099, 0x309A, 0x309B, 0x309C)
        or 0xFE00 <= cp <= 0xFE0F
        or 0xE0100 <= cp <= 0xE01EF
    )


@dataclass(frozen=True, slots=True)
class NormalizedText:
    original: str
    text: str
    # starts[i], ends[i]: the original code-point span that produced text[i]; None = identity.
    starts: array | None
    ends: array | None
    # code-point indices of the original's astral characters (two UTF-16 units each)
    astral: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Code-point span in the original text for the normalised span [start, end)."""
        if self.starts is None:
            return start, end
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def utf16_offset(self, cp_index: int) -> int:
        return cp_index + bisect_left(self.astral, cp_index)

    def utf16_span(self, start: int, end: int) -> tuple[int, int]:
        """UTF-16 span in the original text for the normalised span [start, end)."""
        a, b = self.to_original(start, end)
        return self.utf16_offset(a), self.utf16_offset(b)

    def original_slice(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


def normalize(original: str) -> NormalizedText:
    astral = tuple(m.start() for m in _ASTRAL.finditer(original))
    if not _NEEDS_SLOW_PATH.search(original):
        # Fast path: every character folds to exactly one character, offsets are the identity.
        return NormalizedText(original, original.translate(_TABLE), None, None, astral)
    return _normalize_slow(original, astral)


def _normalize_slow(original: str, astral: tuple[int, ...]) -> NormalizedText:
    out: list[str] = []
    starts, ends = array("l"), array("l")
    i, n = 0, len(original)
    while i < n:
        j = i + 1
        while j < n and _is_cluster_tail(original[j]):
            j += 1
        cluster = original[i:j]
        folded = "".join(_TABLE.get(ord(c), c) if ord(c) < 0x10000 else c for c in cluster)
        folded = _fold_char_sequence(folded)
        for ch in folded:
            if ch in INVISIBLE:
                continue
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return NormalizedText(original, "".join(out), starts, ends, astral)


def _fold_char_sequence(s: str) -> str:
    """NFKC of a cluster (so 'ｶﾞ' composes to 'ガ'), then the per-character fold."""
    return "".join(_fold_char(c) for c in unicodedata.normalize("NFKC", s))


def utf16_len(s: str) -> int:
    return len(s) + len(_ASTRAL.findall(s))


def fold_pattern(pattern: str) -> str:
    """Fold the non-ASCII literals of a regular expression the way `normalize` folds text, so
    patterns are written in natural Japanese (らいん, ＬＩＮＥ) and still match the normalised text.
    ASCII (regex syntax, escapes) is left alone; compile with IGNORECASE for ASCII letters."""
    return "".join(c if ord(c) < 0x80 else _fold_char(c) for c in pattern)
