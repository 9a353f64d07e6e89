"""Helpers for the detector tests, and the checks every request detector's test module runs.

- `view`, `found`, `found_spans`, `hits`, `spans`: run one detector on one message.
- `check_dev_corpus`: the development corpus read the way the engine reads it (contract phase
  from context and system notices), message by message.
- `check_work_is_bounded`: a detector's work on a flood of one unit, counted, not timed (the
  project measures speed with benchmarks; the one timed guard is test_adversarial_guard.py).
- `DetectorChecks`: a test module subclasses it with its detector and its own positive and
  negative sentences, and inherits every shared check.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import ClassVar

from cwguard.engine.detector import Detector, MessageView
from cwguard.engine.normalize import normalize

DEV = Path(__file__).resolve().parents[1] / "data" / "dev.jsonl"
CONTRACT_NOTICES = ("契約が締結されました", "仮払いが完了しました")


def view(text: str, sender: str = "client", phase: str = "before_contract", approved: bool = False) -> MessageView:
    return MessageView("m1", sender, normalize(text), phase, approved)


def found(detector: Detector, text: str, **kw) -> list[str]:
    """The original-text slices of every hit of `detector` on `text`."""
    v = view(text, **kw)
    out = []
    for h in detector.detect(v):
        assert h.category == detector.category
        assert 0 <= h.start < h.end <= len(v.text)
        out.append(v.norm.original_slice(h.start, h.end))
    return out


def found_spans(detector: Detector, text: str, **kw) -> list[tuple[int, int]]:
    """Code-point spans in the original text of every hit of `detector` on `text`."""
    v = view(text, **kw)
    return [v.norm.to_original(h.start, h.end) for h in detector.detect(v)]


def hits(detector: Detector, text: str, phase: str = "before_contract", sender: str = "client"):
    """(original-text slice, survives_contract) of every hit: what the contact detectors assert on."""
    v = view(text, sender=sender, phase=phase)
    return [(v.norm.original_slice(h.start, h.end), h.survives_contract) for h in detector.detect(v)]


def spans(detector: Detector, text: str, **kw) -> list[str]:
    return [s for s, _ in hits(detector, text, **kw)]


# --- the development corpus -------------------------------------------------------------------

def dev_messages():
    """(thread id, message, MessageView) for every message of the development corpus."""
    for line in DEV.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        thread = json.loads(line)
        contracted = (thread.get("context") or {}).get("contract_status") == "contracted"
        for m in thread["messages"]:
            if m["sender"] == "system" and any(n in m["text"] for n in CONTRACT_NOTICES):
                contracted = True
            phase = "contracted" if contracted else "before_contract"
            yield thread["id"], m, MessageView(m["id"], m["sender"], normalize(m["text"]), phase)


def check_dev_corpus(detector: Detector) -> None:
    """Every message labelled with the detector's category is hit, every gold span of it is
    overlapped by a hit, and no other message is hit."""
    key = "signals" if detector.kind == "signal" else "labels"
    missed, false_alarms, spans_missed = [], [], []
    for tid, m, v in dev_messages():
        hits = list(detector.detect(v))
        gold = detector.category in m.get(key, [])
        where = f"{tid}/{m['id']}: {m['text'][:60]!r}"
        if gold and not hits:
            missed.append(where)
        if hits and not gold:
            false_alarms.append(where)
        for s in m.get("spans", []):
            if s["category"] != detector.category:
                continue
            a = m["text"].find(s["text"])
            b = a + len(s["text"])
            if not any(v.norm.to_original(h.start, h.end)[0] < b and a < v.norm.to_original(h.start, h.end)[1]
                       for h in hits):
                spans_missed.append(f"{where} span {s['text']!r}")
    assert not missed, missed
    assert not false_alarms, false_alarms
    assert not spans_missed, spans_missed


# --- the detector's own data --------------------------------------------------------------------

def check_rule_examples(detector: Detector) -> None:
    """Every rule matches the (normalised) message that motivated it."""
    for rule in detector.rules:
        assert all(rule.compile().search(normalize(t).text) for t in rule.examples), rule.id


def check_declared_examples(detector: Detector) -> None:
    """The detector's own EXAMPLES, with no hit at all on a negative (stricter than the
    convention test, which lets a contact detector report non-surviving hits after a contract)."""
    ex = detector.examples
    assert ex.positive and ex.negative
    for text in ex.positive:
        assert found(detector, text), text
    for text in ex.negative:
        assert not found(detector, text), text
    for text in ex.positive_after_contract:
        assert found(detector, text, phase="contracted"), text
    for text in ex.negative_after_contract:
        assert not found(detector, text, phase="contracted"), text


def check_terms_anchor(detector: Detector, texts) -> None:
    """Every text the detector must flag contains one of its `terms` (the pre-filter would
    otherwise skip the message before any rule sees it)."""
    terms = [normalize(t).text.lower() for t in detector.terms]
    for text in texts:
        norm = normalize(text).text.lower()
        assert any(t in norm for t in terms), text


# --- bounded work, counted instead of timed -------------------------------------------------------

# Units repeated to 200k characters: long runs of one character class, and of the words the
# request detectors' rules start from.
ADVERSARIAL_UNITS = ("あ", "1", "、", " ・", "円", "1万", "本日中に", "直接", "クラウドワークス", "先着", "@")
# A flood of a detector's own examples: about a thousand repeats, far past the cap on hits (16 or
# 32), and short enough to normalise quickly.
FLOOD_CHARS = 40_000

# Every candidate is examined (issue 9: a cap on candidates let decoys hide a lure), each at a
# bounded cost, so doubling a message may at most double the work: this factor allows for the
# fixed part; work per candidate that grows with the message shows as 4 (quadratic).
LINEAR_LIMIT = 2.2
# Once a request detector has its MAX_HITS_PER_MESSAGE hits it stops: doubling a flood of accepted
# candidates may cost at most this factor more calls (measured: 1.0).
GROWTH_LIMIT = 1.5

# Hits reported per message: the contact detectors' cap (_channels.MAX_HITS); the request
# detectors' is DetectorChecks.max_hits. Written out, so that raising a cap is a visible decision.
CONTACT_MAX_HITS = 32


def work_done(detector: Detector, text: str) -> tuple[int, int]:
    """(calls, hits): the Python function calls (generator steps included) made while `detector`
    reads `text`, and the number of hits. A count is exact and the same on a busy machine, unlike
    a clock. Built-in calls are left out: the linear passes (a regex scan, an index of sentence
    ends) make them per character or per sentence, while what the caps bound, the context checks
    run on each candidate, is Python code."""
    v = view(text)
    return python_calls(lambda: sum(1 for _ in detector.detect(v)))


def python_calls(run) -> tuple[int, object]:
    """(Python function calls made while `run()` runs, what it returned): a count of work that is
    the same on a busy machine, unlike a clock."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1

    previous = sys.getprofile()
    sys.setprofile(count)
    try:
        result = run()
    finally:
        sys.setprofile(previous)
    return calls, result


def check_work_is_bounded(detector: Detector, unit: str, chars: int, max_hits: int,
                          must_hit: bool = False, growth: float = LINEAR_LIMIT) -> None:
    """`unit` repeated to `chars` characters yields at most `max_hits` hits, and costs at most
    `growth` times the calls of a message half as long: linear in the length by default (every
    candidate examined at a bounded cost), GROWTH_LIMIT where the cap on hits stops the work."""
    work_done(detector, unit)  # patterns or tables built on first use are not counted
    half, _ = work_done(detector, unit * (chars // 2 // len(unit)))
    full, n_hits = work_done(detector, unit * (chars // len(unit)))
    where = (detector.name, unit[:20])
    assert n_hits <= max_hits, (*where, n_hits)
    if must_hit:
        assert n_hits > 0, (*where, "the flood must trigger the detector")
    assert full <= growth * half, (*where, f"{half} calls for {chars // 2} chars, {full} for {chars}")


# --- the checks every request detector's module inherits --------------------------------------------

class DetectorChecks:
    """Subclass as `class TestSharedChecks(DetectorChecks)` and set:

    detector: the DETECTOR under test;
    positive: (message, a phrase a hit must overlap, sender, contract phase) tuples;
    negative: (message, sender, contract phase) tuples that must give no hit.
    """

    detector: ClassVar[Detector]
    positive: ClassVar[list[tuple[str, str, str, str]]]
    negative: ClassVar[list[tuple[str, str, str]]]
    # _cues.MAX_HITS_PER_MESSAGE, written out like CONTACT_MAX_HITS
    max_hits: ClassVar[int] = 16

    def pytest_generate_tests(self, metafunc):
        """Parametrise the two case tests with the subclass's own sentences."""
        if metafunc.definition.name == "test_positive_cases_hit_the_phrase":
            metafunc.parametrize(("text", "phrase", "sender", "phase"), self.positive)
        elif metafunc.definition.name == "test_negative_cases_stay_quiet":
            metafunc.parametrize(("text", "sender", "phase"), self.negative)

    def test_positive_cases_hit_the_phrase(self, text, phrase, sender, phase):
        spans = found_spans(self.detector, text, sender=sender, phase=phase)
        start = text.index(phrase)
        end = start + len(phrase)
        assert any(a < end and start < b for a, b in spans), (spans, phrase)

    def test_negative_cases_stay_quiet(self, text, sender, phase):
        assert found(self.detector, text, sender=sender, phase=phase) == []

    def test_declared_examples(self):
        check_declared_examples(self.detector)

    def test_every_rule_matches_its_example(self):
        check_rule_examples(self.detector)

    def test_terms_anchor_every_positive(self):
        texts = [t for t, *_ in self.positive] + list(self.detector.examples.positive)
        check_terms_anchor(self.detector, texts + [t for r in self.detector.rules for t in r.examples])

    def test_dev_corpus_labels_and_spans(self):
        check_dev_corpus(self.detector)

    def test_adversarial_input_stays_linear(self):
        for unit in ADVERSARIAL_UNITS:
            check_work_is_bounded(self.detector, unit, chars=200_000, max_hits=self.max_hits)

    def test_a_flood_of_its_own_examples_is_capped(self):
        """Each declared positive repeated: every repeat is a candidate that is accepted, so this
        is where a missing cap on hits shows (and the detector stops at the cap)."""
        for text in self.detector.examples.positive:
            check_work_is_bounded(self.detector, text + "\n", chars=FLOOD_CHARS, max_hits=self.max_hits,
                                  must_hit=True, growth=GROWTH_LIMIT)

    def test_a_flood_of_its_look_alikes_stays_linear(self):
        """Each declared negative repeated: candidates the context checks reject, every one of them
        examined, so this is where a check that reads the whole message per candidate shows."""
        for text in self.detector.examples.negative:
            check_work_is_bounded(self.detector, text + "\n", chars=FLOOD_CHARS, max_hits=self.max_hits)
