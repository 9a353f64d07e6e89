"""A second reading of a normalised Japanese message, for the contact detectors.

Letter names spelled in kana (エル・アイ・エヌ・イー → l・i・n・e), phone digits written in kanji,
kana or words (ゼロキューゼロ… → 090…) and e-mail addresses written with アットマーク/(at)/(dot)
are read as what they spell. The vocabulary is data (readings.json beside this module); spans of
the reading map back through the normalised text (`engine.normalize`) to the original.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ...engine.normalize import NormalizedText, OriginalSpans, normalize
from ..vocab import readings


@dataclass(frozen=True, slots=True)
class Reading(OriginalSpans):
    """A second way to read a normalised text: letter names, digit words and written-out e-mail
    punctuation replaced by what they spell (`read_aloud`). Like `NormalizedText` it has `text`,
    `original`, `to_original`, `utf16_span` and `original_slice`; `to_base` maps a span of it to
    the normalised text it was read from, which is where detectors report their hits."""
    base: NormalizedText
    text: str
    # starts[i], ends[i]: the span of the normalised text that produced text[i]
    starts: array
    ends: array
    # spans of the normalised text that read differently here, in order
    changed: tuple[tuple[int, int], ...]

    @property
    def original(self) -> str:
        return self.base.original

    def to_base(self, start: int, end: int) -> tuple[int, int]:
        """Span of the normalised text for the span [start, end) of this reading."""
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.base.text)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.base.to_original(*self.to_base(start, end))

    def utf16_offset(self, cp_index: int) -> int:
        return self.base.utf16_offset(cp_index)


    def changes(self, start: int, end: int) -> bool:
        """Whether the span [start, end) of this reading covers a part read differently."""
        a, b = self.to_base(start, end)
        i = bisect_left(self.changed, (a + 1,)) - 1
        for k in (i, i + 1):
            if 0 <= k < len(self.changed) and self.changed[k][0] < b and a < self.changed[k][1]:
                return True
        return False


def _trie(spellings) -> str:
    """Stdlib regular-expression source matching any of `spellings`, factored by common prefixes
    (イチ|イー → イ(?:チ|ー)): a failing position costs a few character tests, not one per spelling
    (measured 20 ns a character on the corpus, against 90 for a flat `regex` alternation)."""
    root: dict = {}
    for word in spellings:
        node = root
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(c) + emit(node[c]) for c in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(root)


@dataclass(frozen=True, slots=True)
class _ReadingRules:
    mail: re.Pattern
    digit_zone: re.Pattern
    digits: re.Pattern
    letters: re.Pattern
    tokens: dict[str, re.Pattern]
    value: dict[str, str]
    leet: re.Pattern
    leet_letters: dict[str, str]      # a symbol or digit -> the letters it may stand for
    leet_names: dict[str, str]        # a name as spelled in letters -> the name it is read as


@lru_cache(maxsize=1)
def _reading_rules() -> _ReadingRules:
    """The run patterns, one tokenizer per kind of run, and every spelling's value, from
    lang/ja/readings.json (spellings normalised like the text they are found in). Stdlib `re`:
    these are literal alternations, which it scans three to five times faster than `regex`."""
    data = readings()
    value: dict[str, str] = {}

    def spellings(entries, key: str, target: str) -> list[str]:
        out = []
        for entry in entries:
            for spelling in entry[key]:
                out.append(normalize(spelling).text)
                value[out[-1]] = entry[target]
        return out

    letters = spellings(data["letters"], "kana", "letter")
    digits = spellings(data["digits"], "spellings", "digit")
    kana_digits = [d for d in digits if not d.isascii()]
    digit_words = [d for d in digits if d.isascii()]
    domain_words = spellings(data["domain_words"], "spellings", "ascii")
    ats = [normalize(s).text for s in data["at"]["spellings"]]
    dots = [normalize(s).text for s in data["dot"]["spellings"]]
    value.update(dict.fromkeys(ats, "@"))
    value.update(dict.fromkeys(dots, "."))
    separators = " \t\u3000・-.()/、,~" + "".join(normalize(s).text for s in data["digit_separators"]["spellings"])

    letter = _trie(letters)
    # up to four symbols, spaces or line breaks between the names (エル・アイ・エヌ・イー,
    # える★あい★えぬ★いー, one name a line): anything but a letter or a digit (`\w` of `re` is
    # letters, digits and '_')
    gap = r"(?:\W|_)"
    digit = rf"(?:[0-9]|{_trie(kana_digits)}|{_trie(digit_words)}(?![a-z]))"
    digit_sep = "[" + re.escape(separators) + "]"
    ws = r"[ \t\u3000]"
    label = rf"(?:{_trie(domain_words)}|[a-z0-9][a-z0-9\-]{{0,62}}+)"
    at, dot = _trie(ats), _trie(dots)
    digit_chars = sorted({c for d in digits for c in d} | set("0123456789") | set(separators))
    leet = data["leet"]
    symbols = re.escape("".join(leet["substitutions"]))
    return _ReadingRules(
        # a whole Latin word with a symbol or digit among its letters (「wh@ts」「te1egram」), read
        # only when it spells a name (`_leet_name`)
        leet=re.compile(rf"(?<![a-z0-9._%+\-@])(?=[a-z{symbols}]*[a-z])(?=[a-z{symbols}]*[{symbols}])"
                        rf"[a-z{symbols}]{{4,10}}(?![a-z0-9@])"),
        leet_letters=dict(leet["substitutions"]),
        leet_names=dict(leet["names"]),
        # an e-mail address: local part, a written '@', a domain with written dots
        mail=re.compile(rf"(?<![a-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{{0,63}}+{ws}{{0,3}}{at}{ws}{{0,3}}"
                        rf"{label}(?:{ws}{{0,2}}{dot}{ws}{{0,2}}{label}){{0,4}}"),
        # where a phone-length run of digits can be at all: ten characters or more of those the
        # digit spellings and separators are made of (one fast scan; the run pattern, slow where
        # single-kana digits such as シ and ニ are frequent, then reads only those stretches)
        digit_zone=re.compile("[" + re.escape("".join(digit_chars)) + "]{10,}"),
        # ten to fifteen digits, at least one of them written out (checked when read)
        digits=re.compile(rf"{digit}(?:{digit_sep}{{0,3}}{digit}){{9,14}}"),
        # two letter names or more
        letters=re.compile(rf"{letter}(?:{gap}{{0,4}}{letter})+"),
        tokens={
            "mail": re.compile(rf"(?P<v>{at}|{dot}|{_trie(domain_words)})|(?P<drop>{ws})|(?P<keep>.)",
                               re.DOTALL),
            "digits": re.compile(rf"(?P<v>{_trie(kana_digits)}|{_trie(digit_words)})"
                                 r"|(?P<keep>[0-9 \-().・/\u3000])|(?P<sep>.)", re.DOTALL),
            "letters": re.compile(rf"(?P<v>{letter})|(?P<keep>.)", re.DOTALL),
        },
        value=value,
    )


def _leet_name(word: str, rules: _ReadingRules) -> str | None:
    """The name a word with symbols or digits for letters spells (「wh@ts」 → whatsapp), if any:
    every way to read its symbols is tried (「1」 is l or i), and none is a guess."""
    readings = [""]
    for c in word:
        readings = [r + letter for r in readings for letter in rules.leet_letters.get(c, c)]
    return next((rules.leet_names[r] for r in readings if r in rules.leet_names), None)


def _runs(text: str, rules: _ReadingRules) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every run to read, earliest first, without overlaps (at one place a
    name spelled with symbols wins over an e-mail address, which wins over digits, digits over
    letter names)."""
    found = [("leet", m.start(), m.end()) for m in rules.leet.finditer(text) if _leet_name(m.group(), rules)]
    found += [("mail", m.start(), m.end()) for m in rules.mail.finditer(text)]
    for zone in rules.digit_zone.finditer(text):
        found += [("digits", m.start(), m.end()) for m in rules.digits.finditer(text, zone.start(), zone.end())]
    found += [("letters", m.start(), m.end()) for m in rules.letters.finditer(text)]
    priority = {"leet": -1, "mail": 0, "digits": 1, "letters": 2}
    found.sort(key=lambda run: (run[1], priority[run[0]]))
    out: list[tuple[str, int, int]] = []
    for run in found:
        if not out or run[1] >= out[-1][2]:
            out.append(run)
    return out


def _pieces(text: str, kind: str, run_start: int, run_end: int, rules: _ReadingRules) -> list[tuple[str, int, int]]:
    """What a run reads as: (string, start, end) of each of its pieces in the text."""
    if kind == "leet":  # the whole word is the name it spells
        return [(_leet_name(text[run_start:run_end], rules), run_start, run_end)]
    out: list[tuple[str, int, int]] = []
    for tok in rules.tokens[kind].finditer(text, run_start, run_end):
        a, b = tok.span()
        if tok.lastgroup == "v":
            out.append((rules.value[tok.group().lower()], a, b))
        elif tok.lastgroup == "sep":
            out.append(("-", a, b))
        elif tok.lastgroup == "keep":
            out.append((tok.group(), a, b))
        # "drop": spaces inside an e-mail address read as nothing
    return out


# The contact detectors ask in turn about the same message: a few entries are enough, and keep
# the offset arrays of long messages from piling up.
@lru_cache(maxsize=4)
def _read(text: str) -> tuple[str, array, array, tuple[tuple[int, int], ...]] | None:
    rules = _reading_rules()
    pieces: list[str] = []
    starts, ends = array("l"), array("l")
    changed: list[tuple[int, int]] = []
    done = 0  # text[:done] is in pieces
    for kind, run_start, run_end in _runs(text, rules):
        out = _pieces(text, kind, run_start, run_end, rules)
        if "".join(s for s, _, _ in out) == text[run_start:run_end]:
            continue
        if done < run_start:
            pieces.append(text[done:run_start])
            starts.extend(range(done, run_start))
            ends.extend(range(done + 1, run_start + 1))
        pos = run_start
        for s, a, b in out:
            if a > pos:
                changed.append((pos, a))  # spaces read as nothing
            if s != text[a:b]:
                changed.append((a, b))
            pieces.append(s)
            starts.extend([a] * len(s))
            ends.extend([b] * len(s))
            pos = b
        if pos < run_end:
            changed.append((pos, run_end))
        done = run_end
    if not changed:
        return None
    pieces.append(text[done:])
    starts.extend(range(done, len(text)))
    ends.extend(range(done + 1, len(text) + 1))
    return "".join(pieces), starts, ends, tuple(changed)


def read_aloud(norm: NormalizedText) -> Reading | None:
    """The secondary reading of a normalised message, or None when it reads the same: letter names
    in kana (エルアイエヌイー → line), phone digits in kanji, kana or words (〇九〇, ゼロキューゼロ,
    zero nine zero → 090, with の between groups read as '-'), e-mail addresses with a written '@'
    or '.' (taro アットマーク gmail ドット com → taro@gmail.com). The contact detectors scan it
    besides the normalised text; `Reading.to_base` maps its spans back."""
    found = _read(norm.text)
    if found is None:
        return None
    text, starts, ends, changed = found
    return Reading(norm, text, starts, ends, changed)
