"""Normalise a message once, keeping a map from every normalised character back to the original.

Every detector reads `NormalizedText.text`: NFKC, look-alike letters and digits folded to ASCII,
lower case, hiragana folded to katakana, dashes unified, invisible characters (zero-width, bidi
controls, variation selectors, Hangul fillers: every default-ignorable code point) and combining
marks removed. `to_original` maps a span of it back to code-point offsets of the message as sent,
and `utf16_span` turns those into the UTF-16 code units that JavaScript's `String.prototype.slice`
uses.

Look-alikes (issue 9, "normalisation against disguise"): Cyrillic and Greek letters, Lisu,
Cherokee and other scripts' letters that look like Latin ones are folded with the Unicode
confusables data shipped by `confusable-homoglyphs`; enclosed, squared, negative and
regional-indicator letters, small capitals and Latin letters with diacritics by their Unicode names
and decompositions. Only letters and digits are folded, only onto ASCII letters and digits, and
never a CJK, kana or Hangul character (〇 stays the kanji zero, ロ stays katakana): Japanese text
is not altered.

A second, language-specific reading (letter names spelled in kana, digits in kanji or words) is
`lang/ja/readings.read_aloud`, built on this module's offset map.

Why not neologdn or jaconv: both rewrite the full-width hyphen `－` to the long-vowel mark `ー`
(phone numbers stop being phone numbers) and neither keeps offsets. NFKC alone changes lengths
(`ｶﾞ` is two characters and becomes one, `㈱` becomes three), so the map is built per cluster.
"""
from __future__ import annotations

import json
import re
import unicodedata
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

# Characters that carry no visible text: removed so that "L\u200bINE" and "L\u3164I\u3164N\u3164E"
# read as "line". Every default-ignorable code point of the BMP (zero-width space and joiners, word
# joiner, BOM, soft hyphen, bidi marks and isolates, variation selectors, the Hangul fillers U+115F,
# U+1160, U+3164, U+FFA0, the combining grapheme joiner...); the astral ones (tag characters,
# variation selectors supplement) are removed by `_fold_char`.
_IGNORABLE = regex.compile(r"\p{Default_Ignorable_Code_Point}")
INVISIBLE = "\u200b\u200c\u200d" + "".join(
    c for c in _IGNORABLE.findall("".join(chr(cp) for cp in range(0xD800))
                                  + "".join(chr(cp) for cp in range(0xE000, 0x10000)))
    if c not in "\u200b\u200c\u200d"
)
_INVISIBLE_SET = frozenset(INVISIBLE)
# Blank characters that show as a space: read as one (the braille blank is not default-ignorable).
BLANKS = "\u2800"
# Dash-like characters unified to ASCII '-' so "090‐1234―5678" is a phone number. The long-vowel
# mark 'ー' stays: it is part of katakana words (チャットワーク).
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\u2043"
# Line and paragraph separators end a line like "\n" does.
LINE_BREAKS = "\u2028\u2029\u0085"
# Separators an obfuscator puts between letters ("L I N E", "L・I・N・E", "ら い ん").
SEPARATOR_CHARS = " \t\u3000\u30fb\u00b7\uff65\u2027\u2219\u22c5./,_*~\\-|\u3001\u3002\n\r"
SEP = "[" + regex.escape(SEPARATOR_CHARS) + "]"

_HIRAGANA_START, _HIRAGANA_END = 0x3041, 0x3096

# A markup tag pasted into a message (「資料: <img src=x onerror=…> と <b>重要</b> を…」): none of the
# message's words. The model reads it as blank (model/compiled.py `feature_text`), and a window cut out
# of a message for the model never starts or ends inside one (engine/scoring.py).
MARKUP_TAG_BODY = 300
MARKUP_TAG = regex.compile(rf"</?[a-zA-Z][^<>\n]{{0,{MARKUP_TAG_BODY}}}>")
# The longest tag it matches: '<', '/', the first letter, the body and '>'.
MARKUP_TAG_REACH = MARKUP_TAG_BODY + 4

# --- look-alikes --------------------------------------------------------------------------------

_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _confusables() -> dict[str, str]:
    """Character -> the ASCII letter or digit it is confusable with, from the Unicode confusables
    data that `confusable-homoglyphs` ships (its table pairs every character with its look-alikes).
    The data's skeletons merge I, l and 1 into 'l'; a letter named I (Greek iota, Cyrillic І) is
    read as 'i', which is what the detectors' spellings expect."""
    from confusable_homoglyphs.confusables import confusables_data
    table: dict[str, str] = {}
    for char, glyphs in confusables_data.items():
        if len(char) != 1 or char.isascii():
            continue
        targets = [g["c"] for g in glyphs if g["c"] in _ASCII_ALNUM]
        if not targets:
            continue
        target = targets[0]
        name = unicodedata.name(char, "")
        if target in "lI1" and (name.endswith(" I") or "IOTA" in name):
            target = "i"
        table[char] = target
    return table


_CONFUSABLE = _confusables()
# Letters recognised by their Unicode name: small capitals (ʟɪɴᴇ), Latin letters with a stroke,
# hook or diacritic that no decomposition removes (ł, ø, ɲ), enclosed, squared and negative letters
# (🅻, 🅛, ⒧). Not the regional indicators: in pairs they show as flags (🇱🇮🇳🇪 is two flags), and
# read as letters a flag would glue itself to the word after it (🇯🇵LINE would read "jpline").
_LETTER_NAME = re.compile(
    r"LATIN (?:CAPITAL |SMALL )?LETTER (?:SMALL CAPITAL |DOTLESS )?([A-Z])(?: WITH .+)?"
    r"|(?:NEGATIVE )?(?:SQUARED|CIRCLED|PARENTHESIZED) LATIN (?:CAPITAL |SMALL )?LETTER ([A-Z])"
)
# Squared abbreviations read as their letters (🆔 → id, 🆖 → ng).
_SQUARED_WORD = re.compile(r"SQUARED ([A-Z]{2,4})")


def _is_cjk(cp: int) -> bool:
    """CJK, kana, Hangul, Bopomofo and the full- and half-width forms: never folded as a look-alike
    (〇 is the kanji zero, ロ and エ are katakana, whatever Latin letter they resemble)."""
    return (0x1100 <= cp <= 0x11FF or 0x2E80 <= cp <= 0x9FFF or 0xA960 <= cp <= 0xA97F
            or 0xAC00 <= cp <= 0xD7FF or 0xF900 <= cp <= 0xFAFF or 0xFE30 <= cp <= 0xFE4F
            or 0xFF00 <= cp <= 0xFFEF or 0x1AFF0 <= cp <= 0x1B2FF or 0x1F200 <= cp <= 0x1F2FF
            or cp >= 0x20000)


def lookalike(c: str) -> str | None:
    """The ASCII letter(s) or digit one character stands for when it is a look-alike, else None.
    Letters and digits only (a symbol such as × or ◯ stays a separator), and never Japanese."""
    cp = ord(c)
    if cp < 0x80 or _is_cjk(cp):
        return None
    category = unicodedata.category(c)
    if category[0] not in "LNS":
        return None
    name = unicodedata.name(c, "")
    named = _LETTER_NAME.fullmatch(name)
    if named:
        return next(g for g in named.groups() if g).lower()
    if category == "So":
        word = _SQUARED_WORD.fullmatch(name)
        return word.group(1).lower() if word else None
    if category[0] == "S":
        return None
    if c in _CONFUSABLE:
        return _CONFUSABLE[c].lower()
    if category == "No" and unicodedata.digit(c, None) is not None:
        return str(unicodedata.digit(c))  # ❶ ⓵ 🄌-style digits NFKC leaves alone
    decomposed = unicodedata.normalize("NFD", c)
    if len(decomposed) > 1 and all(unicodedata.category(m) in ("Mn", "Me") for m in decomposed[1:]):
        base = decomposed[0]
        return base.lower() if base in _ASCII_ALNUM else lookalike(base)
    return None


# --- the fold of one character ------------------------------------------------------------------

# The combining voiced sound marks stay: NFKC composes them into the kana (ｶﾞ → ガ).
_KANA_MARKS = "\u3099\u309a"


def _is_mark(c: str) -> bool:
    return unicodedata.category(c) in ("Mn", "Me") and c not in _KANA_MARKS


@lru_cache(maxsize=65536)
def _fold_char(c: str) -> str:
    """The normalised form of one character taken alone ("" for a character that is dropped)."""
    if c in _INVISIBLE_SET or (ord(c) > 0xFFFF and _IGNORABLE.match(c)) or _is_mark(c):
        return ""
    if c in BLANKS:
        return " "
    if c in LINE_BREAKS:
        return "\n"
    named = lookalike(c)  # before NFKC: ⒧ is 'l', not "(l)"
    if named is not None and len(named) > 1:
        return named
    out = []
    for ch in unicodedata.normalize("NFKC", c):
        if _is_mark(ch):
            continue
        ch = lookalike(ch) or ch
        for low in ch.lower():
            if _HIRAGANA_START <= ord(low) <= _HIRAGANA_END or low in "ゝゞ":
                out.append(chr(ord(low) + 0x60))
            elif low in DASHES:
                out.append("-")
            elif not _is_mark(low):
                out.append(low)
    return "".join(out)


# Blocks every character of which folds to itself (CJK unified ideographs, Hangul syllables,
# private use): skipped when the table is built, to keep the import fast.
_UNCHANGED = range(0x4E00, 0xA000), range(0xAC00, 0xD7A4), range(0xE000, 0xF900)
_UNCHANGED = frozenset(cp for block in _UNCHANGED for cp in block)


def _build_tables() -> tuple[dict[int, str], str]:
    """A str.translate table for every BMP character whose fold is one character, and the set of
    characters that need the slow, cluster-by-cluster path (length changes, dropped characters,
    combining marks)."""
    table: dict[int, str] = {}
    complex_chars: list[str] = []
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF or cp in _UNCHANGED:
            continue
        c = chr(cp)
        if c in _INVISIBLE_SET or _is_cluster_tail(c):
            complex_chars.append(c)
            continue
        folded = _fold_char(c)
        if len(folded) != 1 or unicodedata.combining(folded):
            complex_chars.append(c)
        elif folded != c:
            table[cp] = folded
    return table, "".join(complex_chars)


def _is_cluster_tail(c: str) -> bool:
    """Marks that belong to the character before them (voiced marks, combining and enclosing
    marks, variation selectors)."""
    cp = ord(c)
    return (
        bool(unicodedata.combining(c))
        or unicodedata.category(c) in ("Mn", "Me")
        or cp in (0xFF9E, 0xFF9F, 0x3099, 0x309A, 0x309B, 0x309C)
        or 0xFE00 <= cp <= 0xFE0F
        or 0xE0100 <= cp <= 0xE01EF
    )


_TABLE, _COMPLEX = _build_tables()
# Non-BMP characters all take the slow path (rare: emoji, 𠮷); their fold is computed per cluster.
# Stdlib `re` here: for a class of ~1,900 characters it tests membership ~100x faster than `regex`
# (7 ns against 640 ns per character, measured by bench/run.py's stages section).
_NEEDS_SLOW_PATH = re.compile("[" + re.escape(_COMPLEX) + "\U00010000-\U0010ffff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OriginalSpans:
    """What a text with an offset map back to the original gives (`to_original`,
    `utf16_offset` and `original` are the subclass's)."""
    __slots__ = ()

    def utf16_span(self, start: int, end: int) -> tuple[int, int]:
        """UTF-16 span in the original text for the span [start, end) of this text."""
        a, b = self.to_original(start, end)
        return self.utf16_offset(a), self.utf16_offset(b)

    def original_slice(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


@dataclass(frozen=True, slots=True)
class NormalizedText(OriginalSpans):
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



def normalize(original: str) -> NormalizedText:
    astral = tuple(m.start() for m in _ASTRAL.finditer(original))
    if not _NEEDS_SLOW_PATH.search(original):
        # Fast path: every character folds to exactly one character, offsets are the identity.
        norm = NormalizedText(original, original.translate(_TABLE), None, None, astral)
    else:
        norm = _normalize_slow(original, astral)
    if _LOOKALIKE_KANJI.search(norm.text):
        norm = _fold_kanji_lookalikes(norm)
    return _drop_spaces_in_japanese(norm) if _SPACE_IN_JAPANESE.search(norm.text) else norm


# Japanese written letter by letter (「こ の 先 は ら い ん で」「えむ あい けー」): three or more pieces of
# one or two letters, each apart by a space. Japanese puts no space between words, so this spacing is
# an obfuscator's and the spaces are read as absent (words, negation and frames read across them; the
# offset map keeps them inside a highlight's original span). A space between longer pieces is left:
# in a terse chat line it ends a sentence (「顔出し不要 本日のみ」). Hiragana is matched too: a
# pattern's text is folded like a message's.
_JA_LETTER = r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u3005\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
# (the space before the word where the spacing stops goes too: 「直　接　契　約でお願いします」)
_SPACE_IN_JAPANESE = re.compile(
    f"(?<!{_JA_LETTER}){_JA_LETTER}{{1,2}}(?:[ \u3000]{_JA_LETTER}{{1,2}}(?!{_JA_LETTER})){{2,}}(?:[ \u3000](?={_JA_LETTER}))?")
_SPACE = re.compile("[ \u3000]")


def _drop_spaces_in_japanese(norm: NormalizedText) -> NormalizedText:
    text = norm.text
    dropped = {space.start() for spaced in _SPACE_IN_JAPANESE.finditer(text)
               for space in _SPACE.finditer(text, spaced.start(), spaced.end())}
    kept = [i for i in range(len(text)) if i not in dropped]
    spans = [norm.to_original(i, i + 1) for i in kept]
    return NormalizedText(norm.original, "".join(text[i] for i in kept), array("l", (a for a, _ in spans)),
                          array("l", (b for _, b in spans)), norm.astral)


# Kanji that look like a katakana letter (kanji_lookalikes.json beside this module: script
# confusables, like the Unicode data above), folded only between two katakana letters of the
# message as written: 「ス力イプ」 reads スカイプ, 「協力」 stays.
with open(Path(__file__).with_name("kanji_lookalikes.json"), encoding="utf-8") as _file:
    _KANJI_LOOKALIKES: dict[str, str] = json.load(_file)["map"]
_LOOKALIKE_KANJI = re.compile("[" + re.escape("".join(_KANJI_LOOKALIKES)) + "]")
_KATAKANA_LETTER = re.compile(r"[\u30a1-\u30fa\u30fc\uff66-\uff9d]")


@lru_cache(maxsize=1)
def _kanji_map() -> dict[str, str]:
    return {k: _fold_char(v) for k, v in _KANJI_LOOKALIKES.items()}


def _fold_kanji_lookalikes(norm: NormalizedText) -> NormalizedText:
    """The text with each look-alike kanji between katakana letters read as its katakana (one
    character for one: the offset map is unchanged)."""
    mapping, text, original = _kanji_map(), norm.text, norm.original
    chars = None
    for match in _LOOKALIKE_KANJI.finditer(text):
        i = match.start()
        if match.group() not in mapping:
            continue
        a, b = norm.to_original(i, i + 1)
        if a > 0 and b < len(original) and _KATAKANA_LETTER.match(original[a - 1]) \
                and _KATAKANA_LETTER.match(original[b]):
            chars = chars or list(text)
            chars[i] = mapping[match.group()]
    if chars is None:
        return norm
    return NormalizedText(original, "".join(chars), norm.starts, norm.ends, norm.astral)


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


# --- the secondary reading ----------------------------------------------------------------------
