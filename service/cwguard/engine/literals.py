"""The literal strings every match of a regular expression holds: a gate that spares a scan.

`required_clauses(pattern)` reads a pattern's source (already folded by `compile_pattern`) and
returns its requirements, each a set of case-folded strings one of which is in every text the
pattern matches (`required_literals` is the most selective one), or None when none can be derived.
A `Gate` runs the pattern only when the text meets them all: a pattern whose words are absent
costs a set look-up instead of a scan. Used by the contact scanners
(detectors/_channels.py) and every rule of the request detectors (detectors/_cues.py); both are
checked against the ungated patterns on every corpus message and example
(tests/service/test_channels_scanner.py, tests/service/test_prefilter.py).

`LITERALS` answers, for one case-folded text, which of every registered literal it holds, in one
Aho-Corasick pass (pyahocorasick) cached by text: thirteen detectors and their hundreds of gates then
ask a set, instead of each running its own `in` tests over the same message (those tests were a
fifth of a cold scan).
"""
from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter

import ahocorasick
import regex

_QUANT = regex.compile(r"(?:[?*+]|\{(\d*),?\d*\})[?+]?")


class _Unknown(Exception):
    """Syntax the literal reader does not handle: the alternative is then always run."""


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings at least one of which every match of `pattern` (already folded) contains, case-folded;
    None when none can be derived. Reads only literal characters that no quantifier makes optional,
    inside groups and alternations; anything unusual (flags, backreferences) gives None, which
    only costs speed. The most selective of `required_clauses`."""
    clauses = required_clauses(pattern)
    return clauses[0] if clauses else None


def required_clauses(pattern: str) -> tuple[frozenset[str], ...] | None:
    """Every requirement of `pattern` that can be derived, most selective first: each is a set of
    strings one of which every match contains, and a match meets them all (「デ」 or 「ニテ」, and
    a place word). None when none can be derived."""
    try:
        clauses, end = _read_alternation(pattern, 0)
    except (_Unknown, IndexError):
        return None
    if end != len(pattern) or not clauses:
        return None
    return tuple(sorted(dict.fromkeys(clauses), key=_selectivity, reverse=True))  # stable: ties keep their order


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (`a|b(c|d)` -> `a`, `b(c|d)`)."""
    out, cur, depth, in_class, i = [], [], 0, False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            cur.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    out.append("".join(cur))
    return out


_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
_GROUP_OPENERS = ("(?:", "(?>")


def branches_of(pattern: str) -> list[str]:
    """The branches one of which every match takes: the top-level alternatives, or those of the
    one group the whole pattern is (「(?<![a-z])(?P<s>A|B|C)(?!x)」 -> A, B, C: the assertions
    beside the group are zero-width and require nothing). A pattern with anything else outside
    its group is one branch. Each branch gets its own gate, so a rule whose alternatives need
    different words is skipped unless one alternative's words are all there."""
    parts = split_alternatives(pattern)
    if len(parts) > 1:
        return parts
    try:
        i = 0
        while pattern.startswith(_LOOKAROUNDS, i):
            i = _skip_group(pattern, i)
        if i >= len(pattern) or pattern[i] != "(" or pattern.startswith(_LOOKAROUNDS, i):
            return [pattern]
        end = _skip_group(pattern, i)
        rest = end
        while pattern.startswith(_LOOKAROUNDS, rest):
            rest = _skip_group(pattern, rest)
        if rest != len(pattern):
            return [pattern]  # a quantifier or more items after the group
        if pattern.startswith(_GROUP_OPENERS, i):
            body = pattern[i + 3:end - 1]
        elif pattern.startswith("(?P<", i):
            body = pattern[pattern.index(">", i) + 1:end - 1]
        elif pattern.startswith("(?", i):
            return [pattern]
        else:
            body = pattern[i + 1:end - 1]
    except (IndexError, ValueError):
        return [pattern]
    inner = branches_of(body)
    return inner if len(inner) > 1 else [pattern]


def _selectivity(clause: frozenset[str]) -> tuple[int, int]:
    """Longer strings are rarer; fewer alternatives are rarer."""
    return min(map(len, clause)), -len(clause)


def _read_alternation(p: str, i: int) -> tuple[list[frozenset[str]], int]:
    """Requirements of `a|b|...` from `i` to the closing parenthesis (or the end). One branch keeps
    all its requirements; several give one: the union of each branch's most selective one, nothing
    if a branch has none."""
    branches: list[list[frozenset[str]]] = []
    while True:
        clauses, i = _read_sequence(p, i)
        branches.append(clauses)
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        if len(branches) == 1:
            return branches[0], i
        if not all(branches):
            return [], i
        # the union of each branch's most selective requirement, and any requirement every branch
        # shares (a mask character between the letters of every masked name)
        shared = [c for c in branches[0] if all(c in b for b in branches[1:])]
        return [frozenset().union(*(max(b, key=_selectivity) for b in branches)), *shared], i


def _read_sequence(p: str, i: int) -> tuple[list[frozenset[str]], int]:
    """Every requirement among the mandatory items of one branch."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset({"".join(run).casefold()}))
            run.clear()

    while i < len(p) and p[i] not in "|)":
        literal, req, i = _read_item(p, i)
        quant = _QUANT.match(p, i)
        optional = False
        if quant:
            i = quant.end()
            optional = quant.group(0)[0] in "?*" or (quant.group(0)[0] == "{" and not int(quant.group(1) or 0))
        if literal is not None and not optional:
            run.append(literal)
            if quant:
                close_run()
            continue
        close_run()
        if req and not optional:
            candidates.extend(req)
    close_run()
    return candidates, i


def _read_item(p: str, i: int) -> tuple[str | None, list[frozenset[str]] | None, int]:
    """One atom at `i`: (literal character or None, requirements or None, index after it)."""
    c = p[i]
    if c == "\\":
        nxt = p[i + 1]
        if nxt.isascii() and nxt.isalnum():
            return None, None, _skip_escape(p, i)
        return nxt, None, i + 2
    if c == "[":
        j = _checked(p, i, _skip_class(p, i))
        members = _class_members(p[i + 1:j - 1])
        return None, ([members] if members else None), j
    if c == "(":
        if p.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
            return None, None, _checked(p, i, _skip_group(p, i))
        if p.startswith(("(?:", "(?>"), i):
            start = i + 3
        elif p.startswith("(?P<", i) and p.find(">", i) > i:
            start = p.index(">", i) + 1   # a named group reads like any group
        elif p.startswith("(?", i):
            raise _Unknown(p[i:i + 4])
        else:
            start = i + 1
        req, j = _read_alternation(p, start)
        if p[j] != ")":
            raise _Unknown(p[i:j])
        return None, req, _checked(p, i, j + 1)
    if c in ".^$":
        return None, None, i + 1
    if c in "{}?*+]":
        raise _Unknown(c)
    return c, None, i + 1


# Escapes read as no requirement: classes, anchors and control characters (\d, \b, \n, \Z...).
_PLAIN_ESCAPES = frozenset("dDsSwWbBAZzGmMXntrfvae")
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _skip_escape(p: str, i: int) -> int:
    """Index after an escape such as \\s, \\p{Han}, \\u3000, \\x20 (all read as no requirement);
    any other (backreferences, named lists, \\x{...}) is not read."""
    kind = p[i + 1]
    if kind in _PLAIN_ESCAPES:
        return i + 2
    if kind in "pPN" and p[i + 2] == "{":
        return p.index("}", i) + 1
    width = _HEX_ESCAPES.get(kind, 0)
    digits = p[i + 2:i + 2 + width]
    if width and len(digits) == width and all(d in "0123456789abcdefABCDEF" for d in digits):
        return i + 2 + width
    raise _Unknown(p[i:i + 3])


_MAX_CLASS_MEMBERS = 32


def _class_members(body: str) -> frozenset[str] | None:
    """The characters a plain class lists (「[〇●×*]」, escaped marks included), one of which every
    match holds; None for a negated class, a range, a class escape or a nested set, which are not
    read."""
    if not body or body[0] == "^":
        return None
    members, k = set(), 0
    while k < len(body):
        c = body[k]
        if c == "\\":
            nxt = body[k + 1:k + 2]
            if not nxt or (nxt.isascii() and nxt.isalnum()):
                return None
            members.add(nxt)
            k += 2
            continue
        if c in "[]" or (c == "-" and 0 < k < len(body) - 1):
            return None
        members.add(c)
        k += 1
    if len(members) > _MAX_CLASS_MEMBERS:
        return None
    return frozenset(m.casefold() for m in members)


def _skip_class(p: str, i: int) -> int:
    """Index after a character class, nested sets (VERSION1) included."""
    depth, j = 0, i
    while True:
        c = p[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]" and j > i + 1:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1


def _checked(p: str, i: int, j: int) -> int:
    """`j`, once `p[i:j]` is confirmed to be a whole group or class (it compiles alone): a
    misread boundary must give no requirement, never a wrong one."""
    try:  # not kept in the module's cache: thousands of throwaway fragments would fill it
        regex.compile(p[i:j], regex.VERSION1, cache_pattern=False)
    except regex.error as exc:
        raise _Unknown(p[i:j]) from exc
    return j


def _skip_group(pattern: str, i: int) -> int:
    """Index after the parenthesised group (or character class) that starts at `i`."""
    if pattern[i] == "[":
        j = i + 1
        while pattern[j] != "]" or pattern[j - 1] == "\\":
            j += 1
        return j + 1
    depth = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _skip_group(pattern, i)
            continue
        depth += (c == "(") - (c == ")")
        i += 1
        if depth == 0:
            return i
    return i


_VALUE = itemgetter(1)
CACHED_CHARS = 4000


class LiteralIndex:
    """The registered literals a text holds, found in one pass over it.

    Gates register their literals when they are built (at start); the automaton is built on the
    first question after a registration, so a gate built later (a test's own detector) is never
    answered by a stale automaton."""

    def __init__(self) -> None:
        self._literals: set[str] = set()
        self._automaton: ahocorasick.Automaton | None = None
        self._lock = threading.Lock()
        self._present = lru_cache(maxsize=2048)(self._scan)
        self._last: tuple[str | None, frozenset[str]] = (None, frozenset())
        self._last_text: tuple[str | None, frozenset[str]] = (None, frozenset())

    def register(self, literals: Iterable[str]) -> None:
        new = {literal for literal in literals if literal} - self._literals
        if new:
            with self._lock:
                self._literals |= new
                self._automaton = None
                self._present.cache_clear()
                self._last = self._last_text = (None, frozenset())

    def present(self, folded: str) -> frozenset[str]:
        """The registered literals that occur in `folded` (a case-folded text)."""
        last = self._last   # a message's detectors ask about the same text one after another
        if last[0] is folded:
            return last[1]
        # only short texts are kept: a cache of 2,048 entries must not pin megabyte messages
        found = self._present(folded) if len(folded) <= CACHED_CHARS else self._scan(folded)
        self._last = (folded, found)
        return found

    def present_in(self, text: str) -> frozenset[str]:
        """`present(text.casefold())`; the last text asked is remembered by identity, as the
        scanners of one detector read the same text one after another."""
        last = self._last_text
        if last[0] is text:
            return last[1]
        found = self.present(text.casefold())
        self._last_text = (text, found)
        return found

    def _scan(self, folded: str) -> frozenset[str]:
        automaton = self._automaton or self._build()
        # `map` with `itemgetter` keeps the walk over the occurrences in C (a flood of one word is
        # thousands of them).
        return frozenset(map(_VALUE, automaton.iter(folded)))

    def _build(self) -> ahocorasick.Automaton:
        with self._lock:
            automaton = ahocorasick.Automaton()
            for literal in self._literals:
                automaton.add_word(literal, literal)
            if not self._literals:
                automaton.add_word("\0", "\0")  # an empty automaton cannot be searched
            automaton.make_automaton()
            self._automaton = automaton
            return automaton


LITERALS = LiteralIndex()


class Gate:
    """A pattern's requirements, registered with `LITERALS`: `opens(text)` is whether the text
    meets them all (one string of each), which every match needs. A pattern with no derivable
    requirement always opens."""

    __slots__ = ("clauses", "literals")

    def __init__(self, pattern: str):
        self.clauses = required_clauses(pattern)
        self.literals = self.clauses[0] if self.clauses else None   # the most selective
        for clause in self.clauses or ():
            LITERALS.register(clause)

    def opens(self, folded: str) -> bool:
        """Whether a text whose case-folded form is `folded` may hold a match."""
        return self.clauses is None or _all_met(self.clauses, LITERALS.present(folded))

    def rest_met(self, present: frozenset[str]) -> bool:
        """Whether the requirements after the most selective one are met too (a caller that
        indexed the first one asks this)."""
        return _all_met(self.clauses[1:], present)


class GateIndex:
    """Which of many gates a text opens, found from the literals it holds instead of asking every
    gate: each gate is listed under the strings of its most selective requirement, and only those
    the text holds are checked for the rest (a text costs a lookup per literal it holds). Serves the
    channel scanners (`detectors/_channels.Scanner`) and the rule detectors (`detectors/_cues`)."""

    __slots__ = ("gates", "literals", "_always", "_by_literal", "_last")

    def __init__(self, gates: Iterable[Gate]):
        self.gates = tuple(gates)
        always, by_literal = [], {}
        for i, gate in enumerate(self.gates):
            if gate.literals is None:
                always.append(i)  # nothing derivable: always open
                continue
            for literal in gate.literals:
                by_literal.setdefault(literal, []).append(i)
        self._always = tuple(always)
        self._by_literal = {literal: tuple(rows) for literal, rows in by_literal.items()}
        self.literals = frozenset(self._by_literal)
        self._last: tuple[frozenset[str] | None, tuple[int, ...]] = (None, ())

    def opened(self, present: frozenset[str]) -> tuple[int, ...]:
        """The positions of the gates that `present` (the registered literals a text holds) opens,
        in order. The last answer is kept by identity: `present` is one object per text, asked
        about by the same scanner again for the same message (a reading, a second pass)."""
        last = self._last
        if last[0] is present:
            return last[1]
        if self.literals.isdisjoint(present):  # most gates' literals are absent from most messages
            found = self._always
        else:
            rows = set(self._always)
            gates, by_literal = self.gates, self._by_literal
            for literal in self.literals.intersection(present):
                for i in by_literal[literal]:
                    if i not in rows and gates[i].rest_met(present):
                        rows.add(i)
            found = tuple(sorted(rows))
        self._last = (present, found)
        return found


def _all_met(clauses: tuple[frozenset[str], ...], present: frozenset[str]) -> bool:
    """Whether `present` holds a string of every clause."""
    # a loop, not all(<generator>): this runs for every rule and message, and a generator costs
    for clause in clauses:  # noqa: SIM110
        if clause.isdisjoint(present):
            return False
    return True


class GatedPattern:
    """A compiled pattern that is only run on a text holding the strings one of its branches needs
    (one `Gate` per branch, as `detectors/_cues.Trigger` does). For the patterns a detector scans
    every message with: a scan that fails still reads the whole text, and most messages hold none
    of the words (a leading alternation of verbs or lookbehinds defeats the regex engine's own
    literal-prefix scan). Results are the pattern's own, only skipped when no match is possible
    (tests/service/test_prefilter.py)."""

    __slots__ = ("regex", "gates", "index")

    def __init__(self, compiled: regex.Pattern):
        self.regex = compiled
        self.gates = tuple(Gate(branch) for branch in branches_of(compiled.pattern))
        # the branches' gates indexed by their strings: a text holding none of them costs one check
        self.index = GateIndex(self.gates)

    def may_match(self, text: str) -> bool:
        """Whether `text` (or any part of it) may hold a match."""
        return bool(self.index.opened(LITERALS.present_in(text)))

    def search(self, text: str, *bounds: int) -> regex.Match | None:
        return self.regex.search(text, *bounds) if self.may_match(text) else None

    def finditer(self, text: str, *bounds: int) -> Iterable[regex.Match]:
        return self.regex.finditer(text, *bounds) if self.may_match(text) else iter(())


class QuietSources:
    """Whether a text opens none of the gates of a detector's gated sources (its scanners' and gated
    patterns' `GateIndex`es): then none of them can match, and a detector whose every hit comes from
    one of them has nothing to examine. One lookup in an index of all their gates per message instead
    of a call per source (the contact detectors read about twenty). Every gate must need a string: a
    source with an ungated alternative could match any text, so it is refused here."""

    __slots__ = ("_index",)

    def __init__(self, indexes: Iterable[GateIndex]):
        gates = []
        for index in indexes:
            if index._always:
                raise ValueError("a source with an alternative that needs no string cannot be skipped")
            gates += index.gates
        self._index = GateIndex(gates)

    def quiet(self, text: str) -> bool:
        """Whether no source can match `text` (or any part of it)."""
        return not self._index.opened(LITERALS.present_in(text))
