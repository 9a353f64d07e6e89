"""The engine's shared pre-filter never drops a hit.

The engine runs a detector that declares `terms_required` only on messages where one of its
`terms` occurs (engine/scoring.py `Prefilter`). That is safe only if the detector really cannot
hit without one of them. These tests run every such detector, told that its terms were found (so
it skips its own look for them and its rules alone decide), on every corpus message, every
example of every detector and a few thousand generated texts, and check that whenever it hits,
the pre-filter would have selected it. They also check the pre-filter itself: it finds every
term that occurs (overlapping ones too) and reads case at least as loosely as the detectors'
IGNORECASE patterns.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cwguard import pipeline
from cwguard.detectors._cues import has_latin_letters
from cwguard.engine import scoring
from cwguard.engine.detector import Detector, Examples, MessageView, prefilter_term
from cwguard.engine.literals import GatedPattern
from cwguard.engine.normalize import INVISIBLE, normalize
from cwguard.model import corpus as model_corpus

DATA = Path(__file__).resolve().parent / "data"
CORPORA = ("dev.jsonl", "holdout.jsonl", "holdout2.jsonl")
DETECTORS = pipeline.detectors()
PREFILTER = scoring.prefilter(DETECTORS)
GATED = [(i, d) for i, d in enumerate(DETECTORS) if PREFILTER.gated >> i & 1]
# Who sends and when: the detectors read both (a worker's 「直接契約は不可です」, a request after a contract).
SITUATIONS = tuple((sender, phase, approved)
                   for sender in ("client", "worker", "unknown")
                   for phase in ("before_contract", "contracted")
                   for approved in (False, True))
FEW_SITUATIONS = (("client", "before_contract", False), ("worker", "before_contract", False),
                  ("unknown", "contracted", False))


def corpus_texts() -> list[str]:
    texts = []
    for name in CORPORA:
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.extend(m["text"] for m in json.loads(line)["messages"])
    return texts


def example_texts() -> list[str]:
    texts = []
    for detector in DETECTORS:
        ex = detector.examples
        texts.extend([*ex.positive, *ex.negative, *ex.positive_after_contract, *ex.negative_after_contract])
        texts.extend(t for rule in detector.rules for t in rule.examples + rule.counter_examples)
    return texts


def dropped_hits(prefilter: scoring.Prefilter, gated: Iterable[tuple[int, Detector]], text: str,
                 situations=SITUATIONS) -> tuple[list[tuple[str, tuple]], int]:
    """(detectors that hit `text` although the pre-filter skips them, how many hits were seen).

    Each detector is told its terms were found (`terms_found`), so nothing but its rules decides."""
    norm = normalize(text)
    selected = prefilter.selected(norm.text)
    dropped, hits = [], 0
    for i, detector in gated:
        for sender, phase, approved in situations:
            view = MessageView("m1", sender, norm, phase, approved, terms_found=True)
            if any(True for _ in detector.detect(view)):
                hits += 1
                if not selected >> i & 1:
                    dropped.append((detector.name, (sender, phase, approved)))
    return dropped, hits


def test_the_real_detectors_declare_necessary_terms():
    """Vacuity guard: the tests below check something only if some detectors are gated."""
    assert len(GATED) >= 5, [d.name for d in DETECTORS if d.terms_required]


@pytest.mark.parametrize("source", ["corpora", "examples"])
def test_no_gated_detector_hits_a_text_without_its_terms(source):
    texts = corpus_texts() if source == "corpora" else example_texts()
    assert len(texts) > (700 if source == "corpora" else 200)
    dropped, hits = [], 0
    for text in texts:
        lost, seen = dropped_hits(PREFILTER, GATED, text)
        hits += seen
        dropped.extend((text[:60], *item) for item in lost)
    assert dropped == []
    assert hits > 100  # the detectors did hit: the check was not vacuous


# Generated texts: the detectors' own terms (as written, upper case, full width, hiragana and
# katakana swapped), pieces of their examples, request and money words, and noise, mixed.
_TERMS = sorted({t for d in DETECTORS for t in d.terms})
_EXAMPLES = sorted(set(example_texts()))
_FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}
_NOISE = st.text(alphabet="あいうえおかがさでにのはもをんアイカサタナワーンー人日月円万直接契約外部連絡先 、。！？!?.@:/-_0123456789abcxyzLINE\n\u3000"
                 + INVISIBLE[:3], max_size=8)


def _swap_kana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else
                   chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


_TERM = st.builds(lambda term, form: form(term), st.sampled_from(_TERMS), st.sampled_from(
    [str, str.upper, lambda t: t.translate(_FULL_WIDTH), _swap_kana, lambda t: " ".join(t)]))
_PIECE = st.builds(lambda text, a, b: text[min(a, b):max(a, b)], st.sampled_from(_EXAMPLES),
                   st.integers(0, 80), st.integers(0, 80))
_WORDS = st.sampled_from(["ください", "お願いします", "ませんか", "3万円", "¥5,000", "必要です", "しません", "「", "」",
                          "ので", "で", "に", "を", "から", "後に", "今日中に", "id:", "https://example.com/a"])
GENERATED = st.lists(st.one_of(_TERM, _PIECE, _PIECE, _WORDS, _NOISE), min_size=1, max_size=10).map("".join)


def test_no_gated_detector_hits_a_generated_text_without_its_terms():
    seen = {"texts": 0, "hits": 0, "selected": 0}

    @settings(max_examples=3000, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(GENERATED)
    def check(text):
        dropped, hits = dropped_hits(PREFILTER, GATED, text, FEW_SITUATIONS)
        assert dropped == [], (text, dropped)
        seen["texts"] += 1
        seen["hits"] += hits
        seen["selected"] += PREFILTER.selected(normalize(text).text) & PREFILTER.gated != 0

    check()
    print(seen, file=sys.stderr)
    assert seen["texts"] >= 2000
    assert seen["hits"] >= 200 and seen["selected"] >= 1000  # the mix reaches the detectors


# --- the pre-filter itself ----------------------------------------------------------------------

class LiarDetector(Detector):
    """Declares a term necessary, then hits on something else."""
    name, category, kind, terms, terms_required = "liar", "pressure", "risk", ("abc",), True
    examples = Examples((), ())

    def detect(self, msg: MessageView):
        start = msg.text.find("xyz")
        if start >= 0:
            yield self.hit(start, start + 3)


def test_the_check_catches_a_detector_whose_terms_are_not_necessary():
    liar = LiarDetector()
    prefilter = scoring.Prefilter((liar,))
    assert dropped_hits(prefilter, [(0, liar)], "abc と xyz")[0] == []
    assert dropped_hits(prefilter, [(0, liar)], "xyz だけ")[0] != []


class Named(Detector):
    category, kind = "pressure", "risk"
    examples = Examples((), ())

    def __init__(self, name: str, terms: tuple[str, ...], required: bool = True):
        self.name, self.terms, self.terms_required = name, terms, required


# Terms that overlap, share prefixes and nest, so a single leftmost-longest scan would miss some.
OVERLAPPING = (Named("a", ("直接契約",)), Named("b", ("契約",)), Named("c", ("約束",)), Named("d", ("line",)),
               Named("e", ("line.me", "Ｚｏｏｍ")), Named("f", ("ss",)), Named("g", ("らいん",)),
               Named("always", ("x",), required=False), Named("no_terms", ()))


def brute_force(prefilter: scoring.Prefilter, text: str) -> int:
    folded = text.casefold()
    wanted = prefilter.always
    for i, detector in enumerate(prefilter.detectors):
        if prefilter.gated >> i & 1 and any(prefilter_term(t) in folded for t in detector.terms):
            wanted |= 1 << i
    return wanted


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["直接", "契約", "約束", "li", "ne", "line", ".me", "zoom", "ß", "s", "ライン", "あ", " "]),
                max_size=8).map("".join))
def test_every_term_that_occurs_selects_its_detector_even_inside_another(text):
    prefilter = scoring.Prefilter(OVERLAPPING)
    norm = normalize(text).text
    assert prefilter.selected(norm) == brute_force(prefilter, norm)


def test_selection_examples():
    prefilter = scoring.Prefilter(OVERLAPPING)
    names = lambda text: {d.name for i, d in enumerate(OVERLAPPING) if prefilter.selected(normalize(text).text) >> i & 1}  # noqa: E731
    assert names("よろしく") == {"always", "no_terms"}
    assert names("直接契約で約束") >= {"a", "b", "c"}
    assert names("ＬＩＮＥ.ME") >= {"d", "e"} and names("ZOOM") >= {"e"}
    assert names("ﾗｲﾝ") >= {"g"} and names("straße") >= {"f"}


def test_the_prefilter_reads_case_at_least_as_loosely_as_the_detectors_patterns():
    """Detectors compile their patterns with IGNORECASE (full case folding); the pre-filter
    compares `casefold`ed strings. For every character of every term, every character such a
    pattern accepts in its place, if it can occur in a normalised text, case-folds the same."""
    every_char = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    term_chars = {c for d in DETECTORS for t in d.terms for c in prefilter_term(t)}
    loose = []
    for c in sorted(term_chars):
        for m in regex.finditer(regex.escape(c), every_char, regex.IGNORECASE | regex.VERSION1):
            other = m.group()
            if normalize(other).text == other and other.casefold() != c.casefold():
                loose.append((c, other))
    assert loose == []


# --- each rule's own literal gate (engine/literals.py, detectors/_cues.Trigger) ------------------

TRIGGERS = [pytest.param(t, id=f"{d.name}:{t.rule.id}") for d in DETECTORS for t in getattr(d, "_triggers", ())]
ALL_TEXTS = None


def every_text() -> list[str]:
    """Every corpus message the project may read (the blind sets excepted) and every example."""
    global ALL_TEXTS
    if ALL_TEXTS is None:
        texts = [*example_texts()]
        blind = {p.name for p in model_corpus.BLIND}
        paths = [*sorted(DATA.glob("*.jsonl")), *sorted((DATA.parents[2] / "corpus" / "train").glob("*.jsonl"))]
        for path in (p for p in paths if p.name not in blind):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    texts.extend(m["text"] for m in json.loads(line)["messages"])
        ALL_TEXTS = [normalize(t).text for t in dict.fromkeys(texts)]
    return ALL_TEXTS


def test_every_rule_of_the_request_detectors_has_a_literal_gate():
    assert TRIGGERS and all(gate.literals for p in TRIGGERS for gate in p.values[0].gates)


@pytest.mark.parametrize("detector", [d for d in DETECTORS if getattr(d, "_triggers", ())], ids=lambda d: d.name)
def test_a_detector_opens_exactly_the_triggers_whose_gates_open(detector):
    """The detector's index of its triggers (engine/literals.GateIndex) answers what asking every
    trigger's own gate would, in rule order; English rules only where the text has Latin letters."""
    for text in every_text()[::3]:
        folded, latin = text.casefold(), has_latin_letters(text)
        expected = [t for t in detector._triggers if t.may_match(folded) and (latin or not t.english)]
        assert detector._open_triggers(folded, latin) == expected, text[:40]


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_a_rule_gate_never_hides_a_match(trigger):
    """Wherever the rule's pattern matches, one of its gate's strings is in the text: the gate only
    ever skips scans that would find nothing."""
    hidden = [t for t in every_text() if not trigger.may_match(t.casefold()) and trigger.regex.search(t)]
    assert hidden == [], hidden[:3]


def _gated_patterns() -> list[tuple[str, GatedPattern]]:
    """Every module-level `GatedPattern` of the detectors (the whole-message scans they gate)."""
    import importlib
    import pkgutil

    import cwguard.detectors as package
    found = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, GatedPattern):
                found.setdefault(id(value), (f"{info.name}.{name}", value))
    return sorted(found.values(), key=lambda item: item[0])


GATED_PATTERNS = _gated_patterns()


def test_the_detectors_gate_their_whole_message_scans():
    assert len(GATED_PATTERNS) >= 10 and all(any(g.clauses for g in p.gates) for _, p in GATED_PATTERNS)


@pytest.mark.parametrize("gated", [p for _, p in GATED_PATTERNS], ids=[n for n, _ in GATED_PATTERNS])
def test_a_gated_pattern_finds_what_its_pattern_finds(gated):
    """Skipping the scan where no branch's strings occur changes speed, never results."""
    differ = [t for t in every_text() if [m.span() for m in gated.finditer(t)] != [m.span() for m in gated.regex.finditer(t)]]
    assert differ == [], differ[:3]


def test_a_gated_pattern_skips_a_text_without_its_strings():
    gated = GatedPattern(regex.compile(r"(?<![a-z])(?:line|chatwork)\s?id"))
    assert gated.may_match("LINE IDはこちら".casefold()) and gated.search("line idはこちら")
    assert not gated.may_match("ご応募ありがとうございます") and gated.search("ご応募ありがとうございます") is None
    assert list(gated.finditer("こちらで")) == []


# Rule branches whose every requirement holds a one-letter string (「デ」「:」): no string of theirs
# is rare enough to be a pre-filter term, so only the detector's hand-written terms reach them.
UNREACHABLE_BY_OWN_WORDS = {
    ("in_person_meeting", "time_and_place_alone"),
    ("pressure", "clock_deadline_then_lapse"),
    ("pressure", "bare_deadline"),
}


def _uncovered_branches(detector) -> set[tuple[str, str]]:
    terms = {prefilter_term(t) for t in detector.terms} - {""}
    return {(detector.name, trigger.rule.id) for trigger in detector._triggers for gate in trigger.gates
            if gate.clauses is not None
            and not any(all(any(t in lit for t in terms) for lit in clause) for clause in gate.clauses)}


def test_every_rule_branch_is_reached_by_its_detectors_terms():
    """A branch that can match a text holding none of its detector's terms is silently skipped by
    the pre-filter (「お代は出せませんが1本書いてもらえますか」 was, 113 of 808 branches were):
    `_cues.uncovered_branch_terms` adds each such branch's own required strings to the terms."""
    uncovered = set()
    for detector in DETECTORS:
        if getattr(detector, "_triggers", ()) and detector.terms_required:
            uncovered |= _uncovered_branches(detector)
    assert uncovered == UNREACHABLE_BY_OWN_WORDS


def test_the_branch_terms_reach_a_rule_the_hand_written_terms_miss():
    """A message holding only a branch's own words (no word of the hand-written list) is selected
    and flagged."""
    detector = next(d for d in DETECTORS if d.name == "work_before_escrow")
    text = normalize("お代は出せませんが1本書いてもらえますか").text
    index = DETECTORS.index(detector)
    assert PREFILTER.selected(text) >> index & 1
    assert any(True for _ in detector.detect(MessageView("m1", "client", normalize(text), "before_contract", False)))
