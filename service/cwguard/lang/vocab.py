"""Vocabulary as data: JSON files under `lang/<language>/`, loaded and compiled once.

A vocabulary file is an object of named groups. Each group says why its words are there
(`reason`, and `source` where a public page documents them) and lists them:

    {"fee_nouns": {"reason": "fees a side-job scam asks for first",
                   "source": "https://www.kokusen.go.jp/…",
                   "terms": ["初期費用", "登録料"],           # literal words, any script or case
                   "patterns": ["サポート費用?"]}}            # regular-expression source, rare

`terms` are escaped and joined longest first; `patterns` are taken as written. Both are folded
like every detector pattern (`engine.detector.compile_pattern`) when a rule is compiled, so a
file is written in natural Japanese or English. Some older files (readings, nicknames) have
their own shape and their own readers below.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import regex

from ..engine.normalize import fold_pattern

HERE = Path(__file__).resolve().parent
LANGUAGES = ("common", "ja", "en")


class VocabularyError(ValueError):
    """A vocabulary file that breaks the format (the service refuses to start with it)."""


@cache
def load(lang: str, name: str) -> dict:
    if lang not in LANGUAGES:
        raise VocabularyError(f"unknown language folder {lang!r}")
    with open(HERE / lang / f"{name}.json", encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=lambda pairs: _unique_keys(pairs, f"lang/{lang}/{name}.json"))


def _unique_keys(pairs: list[tuple[str, object]], where: str) -> dict:
    """A JSON object whose keys are all different: a group written twice would silently keep only
    its last spelling (json's default), and the rules reading the first would change."""
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise VocabularyError(f"{where}: the group {key!r} is written twice")
        out[key] = value
    return out


def group(lang: str, name: str, key: str) -> dict:
    """One named group of a vocabulary file, checked: a reason or a source, and words."""
    data = load(lang, name)
    if key not in data:
        raise VocabularyError(f"lang/{lang}/{name}.json has no group {key!r}")
    entry = data[key]
    if not (entry.get("reason") or entry.get("source")):
        raise VocabularyError(f"lang/{lang}/{name}.json {key}: a group needs a reason or a source")
    if not (entry.get("terms") or entry.get("patterns")):
        raise VocabularyError(f"lang/{lang}/{name}.json {key}: a group needs terms or patterns")
    return entry


def terms(lang: str, name: str, key: str) -> tuple[str, ...]:
    """The literal words of a group (for pre-filters and tests)."""
    return tuple(group(lang, name, key).get("terms", ()))


@cache
def words(lang: str, name: str, key: str) -> str:
    """A group as regular-expression source: its terms escaped, longest first, then its
    patterns. Wrap it in a group where it is used: `(?:{words(...)})`. A Japanese term that
    holds a kanji word chat often writes in kana (`kana_spellings`) also matches that spelling."""
    entry = group(lang, name, key)
    literal = entry.get("terms", ())
    if lang in ("ja", "common"):  # the shared files hold the Japanese names too (電話, 通話)
        literal = with_kana_spellings(literal)
    return "|".join([regex.escape(t) for t in longest_first(literal)] + list(entry.get("patterns", ())))


@cache
def _kana_spellings() -> tuple[tuple[str, str], ...]:
    data = load("ja", "kana_spellings")
    for entry in data["spellings"]:
        if not entry.get("reason"):
            raise VocabularyError(f"kana_spellings.json: an entry without a reason: {entry}")
    return tuple((entry["written"], entry["kana"]) for entry in data["spellings"])


def longest_first(strings: Iterable[str]) -> list[str]:
    """Distinct strings as an alternation wants them: longest first (the longest spelling wins at a
    shared start), then in code-point order. Never a set's order: it follows the string hash,
    which changes from run to run, and so would the span an alternation of equal-length terms
    reports."""
    return sorted(set(strings), key=lambda s: (-len(s), s))


def with_kana_spellings(terms: Iterable[str]) -> set[str]:
    """`terms` and, for each that holds a kanji word of `kana_spellings`, that word written in kana."""
    terms = set(terms)
    return terms | {kana for term in terms for kana in kana_spellings_of(term)}


def kana_spellings_of(term: str) -> tuple[str, ...]:
    """`term` with each kanji word of `kana_spellings` it holds written in kana instead."""
    return tuple(term.replace(written, kana) for written, kana in _kana_spellings() if written in term)


def groups(lang: str, name: str) -> tuple[str, ...]:
    """The group names of a file, for the tests that check every group."""
    return tuple(k for k in load(lang, name) if not k.startswith("$"))


@cache
def unmitigable_channels() -> regex.Pattern:
    """The scam-typical messaging apps, as one pattern over normalised text."""
    return regex.compile(unmitigable_channel_names(), regex.IGNORECASE)


@cache
def unmitigable_channel_names() -> str:
    """The scam-typical messaging apps (lang/common/unmitigable_channels.json), as regular-expression source."""
    spellings = [s for entry in load("common", "unmitigable_channels")["channels"] for s in entry["spellings"]]
    alternatives = "|".join(regex.escape(fold_pattern(s)) for s in longest_first(spellings))
    # latin names stand alone (「signal」 in 「signals」 is not the app)
    return rf"(?<![a-z])(?:{alternatives})(?![a-z])"


@cache
def readings() -> dict:
    """The vocabulary of the secondary reading (`engine.normalize.read_aloud`): letter names in
    kana, digit words, the written-out '@' and '.' of e-mail addresses, and domain words."""
    data = load("ja", "readings")
    for entry in data["letters"] + data["digits"] + data["domain_words"]:
        if not entry.get("reason"):
            raise VocabularyError(f"readings.json: an entry without a reason: {entry}")
    return data


@cache
def channel_nicknames() -> tuple[str, str]:
    """(a pattern of every nickname, puns and backwards names of chat apps, an example it matches),
    for the channel rules (detectors/_channels.py): Japanese ones and their masked names, and
    English ones. Latin spellings stand alone as words."""
    data = load("ja", "channel_nicknames")
    english = load("en", "channel_nicknames")["nicknames"]
    names = [s for e in data["nicknames"] + data["reversed"] + english for s in e["spellings"]]
    # a space may sit around the の of a Japanese nickname (「紙飛行機 の アプリで」); a Latin one is a word, not
    # the first label of a host (「WA only」, not the wa of wa.me/…, which the link rules read)
    alternatives = [regex.escape(w).replace("の", r"\s?の\s?") if not w.isascii() else rf"(?<![a-z.]){regex.escape(w)}(?![a-z]|\.[a-z])"
                    for w in longest_first(names)]
    mask = "[" + regex.escape(data["masked"]["masks"]) + "]"
    # One letter masked, or two in a row in a name of five letters or more (「チャ○ワーク」 hides ット;
    # in a shorter name two masked letters leave too little of it to be read as that name).
    masked = [regex.escape(name[:i]) + mask + regex.escape(name[i + width:])
              for name in longest_first(data["masked"]["names"])
              for width in ((1, 2) if len(name) >= 5 else (1,)) for i in range(len(name) - width + 1)]
    alternatives.append("(?:" + "|".join(masked) + ")")
    alternatives.append(_icon_names(data))
    return "|".join(alternatives), data["nicknames"][0]["example"]


def _icon_names(data: dict) -> str:
    """An app's colour or icon joined to what holds it (「紙ヒコーキのアイコンのやつ」「みどりのアプリ」):
    every icon of every nickname entry with every holder, an optional の between."""
    icons = [regex.escape(icon) for icon in longest_first([i for e in data["nicknames"] for i in e.get("icons", ())])]
    holders = [regex.escape(h).replace("の", r"\s?の\s?") for h in longest_first(data["icon_holders"]["terms"])]
    return rf"(?:{'|'.join(icons)})\s?(?:の\s?)?(?:{'|'.join(holders)})"
