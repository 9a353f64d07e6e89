"""Vocabulary as data: JSON files beside this module, each entry with its source or reason,
loaded and compiled once."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import regex

from ..engine.normalize import fold_pattern

HERE = Path(__file__).resolve().parent


@cache
def load(name: str) -> dict:
    with open(HERE / f"{name}.json", encoding="utf-8") as f:
        return json.load(f)


@cache
def unmitigable_channels() -> regex.Pattern:
    """The scam-typical messaging apps, as one pattern over normalised text."""
    spellings = [s for entry in load("unmitigable_channels")["channels"] for s in entry["spellings"]]
    alternatives = "|".join(regex.escape(fold_pattern(s)) for s in sorted(spellings, key=len, reverse=True))
    # latin names stand alone (「signal」 in 「signals」 is not the app)
    return regex.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z])", regex.IGNORECASE)


@cache
def readings() -> dict:
    """The vocabulary of the secondary reading (`engine.normalize.read_aloud`): letter names in
    kana, digit words, the written-out '@' and '.' of e-mail addresses, and domain words."""
    data = load("readings")
    for entry in data["letters"] + data["digits"] + data["domain_words"]:
        if not entry.get("reason"):
            raise ValueError(f"readings.json: an entry without a reason: {entry}")
    return data


@cache
def channel_nicknames() -> tuple[str, str]:
    """(a pattern of every nickname, puns and backwards names of chat apps, an example it matches),
    for the channel rules (detectors/_channels.py). Latin spellings stand alone as words."""
    data = load("channel_nicknames")
    words = [s for e in data["nicknames"] + data["reversed"] for s in e["spellings"]]
    alternatives = [regex.escape(w) if not w.isascii() else rf"(?<![a-z]){regex.escape(w)}(?![a-z])"
                    for w in sorted(words, key=len, reverse=True)]
    mask = "[" + regex.escape(data["masked"]["masks"]) + "]"
    masked = [regex.escape(name[:i]) + mask + regex.escape(name[i + 1:])
              for name in sorted(data["masked"]["names"], key=len, reverse=True) for i in range(len(name))]
    alternatives.append("(?:" + "|".join(masked) + ")")
    return "|".join(alternatives), data["nicknames"][0]["example"]
