"""The engine: run every detector over a validated request and apply RUBRIC.md.

`score_request(request)` takes what `schemas.load_request` returns and gives the 200 answer of
the contract (issue #2). Steps, each one pass over the messages:

1. `thread.contract_states`: the contract phase and the off-service approval at each message.
2. Per message, the detectors' findings: normalise once, look once for the `terms` of every
   detector that declares them necessary (`terms_required`) and skip those whose terms are absent,
   run the others, map the hits back to the text as sent (code points for slicing, UTF-16 units
   for the answer). Cached per (text, sender, phase, approval), so a re-scan after one new message
   runs the detectors on that message only.
3. The rubric: a contact category after a contract (or after an approved サービス外連絡申請) is
   `info` unless the hit survives the contract; signals count only from the client; a signal
   lowers the contact categories to `medium` and the level as RUBRIC.md says, never hiding them.
4. Warnings (one per category and severity), highlights (overlaps of one category merged), the
   thread level and a score inside the level's band.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import __version__
from . import thread
from .detector import Detector, MessageView, prefilter_term
from .normalize import normalize
from .texts import warning_text

log = logging.getLogger(__name__)

CONTACT = frozenset({"off_platform_contact", "contact_details", "external_site"})
ALWAYS_HIGH = frozenset({"direct_deal", "upfront_payment", "personal_info"})
MEDIUM_ALONE = frozenset({"in_person_meeting", "work_before_escrow"})
LOW_ALONE = frozenset({"unrealistic_offer", "pressure"})
BASE_SEVERITY = {
    **dict.fromkeys(CONTACT | ALWAYS_HIGH, "high"),
    **dict.fromkeys(MEDIUM_ALONE, "medium"),
    **dict.fromkeys(LOW_ALONE, "low"),
}
THREAD_SEVERITY = "low"
SEVERITY_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3}
# Score bands of docs/architecture.md; a level's score starts at the first number and grows
# towards the second with the weight of the evidence.
SCORE_BANDS = {"none": (0, 0), "low": (15, 39), "medium": (45, 69), "high": (75, 100)}
_BAND_GROWTH = 0.7


# --- per-message findings and their cache -----------------------------------------------------

@dataclass(frozen=True, slots=True)
class Finding:
    """A detector hit on the message as sent: code points for slicing, UTF-16 units for JS."""
    category: str
    kind: str
    cp_start: int
    cp_end: int
    start: int
    end: int
    survives_contract: bool


class FindingsCache:
    """A bounded, thread-safe LRU of per-message findings.

    Bounded twice: by entries, and by the characters of the texts it keeps alive (a few huge
    messages must not pin memory). A message longer than an eighth of the budget is not kept.
    """

    def __init__(self, max_entries: int = 8192, max_chars: int = 4_000_000):
        self.max_entries, self.max_chars = max_entries, max_chars
        self._data: OrderedDict[tuple, tuple[Finding, ...]] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple) -> tuple[Finding, ...] | None:
        with self._lock:
            found = self._data.get(key)
            if found is None:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: tuple, findings: tuple[Finding, ...]) -> None:
        size = len(key[0])
        if size > self.max_chars // 8:
            return
        with self._lock:
            if key in self._data:
                return
            self._data[key] = findings
            self._chars += size
            while len(self._data) > self.max_entries or self._chars > self.max_chars:
                old_key, _ = self._data.popitem(last=False)
                self._chars -= len(old_key[0])

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._chars = 0
            self.hits = self.misses = 0

    def info(self) -> dict:
        with self._lock:
            return {"entries": len(self._data), "chars": self._chars, "hits": self.hits, "misses": self.misses,
                    "max_entries": self.max_entries, "max_chars": self.max_chars}


CACHE = FindingsCache()
# A message's contract evidence (thread.message_evidence) depends on its text and sender alone.
# contract_states asks only about messages with a contract word, so only those are kept.
EVIDENCE_CACHE = FindingsCache(max_entries=8192, max_chars=2_000_000)


def clear_cache() -> None:
    CACHE.clear()
    EVIDENCE_CACHE.clear()


def cache_info() -> dict:
    return CACHE.info()


@cache
def detectors() -> tuple[Detector, ...]:
    from ..detectors import load_detectors
    return load_detectors()


class Prefilter:
    """One look per message for the terms of every `terms_required` detector: which detectors can
    hit at all. The others (no necessary terms) always run.

    Terms are indexed by their first character: the characters of the message intersected with
    those first characters give the few candidate terms, and each is a C-level substring test.
    Every occurrence counts (overlapping ones too: 「直接契約」 holds 「契約」), which one regex
    alternation would not give (it reports the longest match and moves past it). Measured on the
    benchmark's messages: ~12 us a message against ~30 us for a stdlib `re` alternation of the
    same terms and ~85 us for a `regex` one."""

    def __init__(self, found: Sequence[Detector]):
        self.detectors = tuple(found)
        self.always = 0    # bit i: detector i runs on every message
        self.gated = 0     # bit i: detector i runs only when one of its terms occurs
        owners: dict[str, int] = {}
        for i, detector in enumerate(self.detectors):
            terms = {prefilter_term(t) for t in detector.terms} - {""}
            if not (detector.terms_required and terms):
                self.always |= 1 << i
                continue
            self.gated |= 1 << i
            for term in terms:
                owners[term] = owners.get(term, 0) | 1 << i
        by_first: dict[str, list[tuple[str, int]]] = {}
        for term, mask in owners.items():
            by_first.setdefault(term[0], []).append((term, mask))
        self._by_first = {c: tuple(entries) for c, entries in by_first.items()}
        self._first_chars = frozenset(self._by_first)

    def selected(self, text: str) -> int:
        """Bit mask of the detectors to run on a normalised text."""
        folded = text.casefold()
        wanted = self.always
        missing = self.gated
        for c in self._first_chars.intersection(folded):
            for term, mask in self._by_first[c]:
                if mask & missing and term in folded:
                    wanted |= mask
                    missing &= ~mask
            if not missing:
                break
        return wanted


@lru_cache(maxsize=8)
def prefilter(found: tuple[Detector, ...]) -> Prefilter:
    """Built once per set of detectors (tests swap in their own)."""
    return Prefilter(found)


def message_evidence(message: dict) -> thread.Evidence:
    """`thread.message_evidence`, from the cache when it has read the message."""
    key = (message["text"], message.get("sender", "unknown"))
    found = EVIDENCE_CACHE.get(key)
    if found is None:
        found = thread.message_evidence(message)
        EVIDENCE_CACHE.put(key, found)
    return found


def message_findings(message: dict, phase: str, approved: bool) -> tuple[Finding, ...]:
    """Every detector's findings for one message, from the cache when it has seen the message."""
    key = (message["text"], message.get("sender", "unknown"), phase, approved)
    found = CACHE.get(key)
    if found is None:
        found = _run_detectors(message, phase, approved)
        CACHE.put(key, found)
    return found


def _run_detectors(message: dict, phase: str, approved: bool) -> tuple[Finding, ...]:
    norm = normalize(message["text"])
    sender = message.get("sender", "unknown")
    view = MessageView(message["id"], sender, norm, phase, approved)
    checked = MessageView(message["id"], sender, norm, phase, approved, terms_found=True)
    plan = prefilter(detectors())
    wanted = plan.selected(norm.text)
    found: list[Finding] = []
    for i, detector in enumerate(plan.detectors):
        if not wanted >> i & 1:
            continue  # a terms_required detector none of whose terms occurs: it cannot hit
        try:
            hits = list(detector.detect(checked if plan.gated >> i & 1 else view))
        except Exception as error:  # one broken detector must not take the others' warnings away
            log.error("detector %s failed: %s", detector.name, type(error).__name__)
            continue
        for hit in hits:
            if not 0 <= hit.start < hit.end <= len(norm.text):
                continue
            cp_start, cp_end = norm.to_original(hit.start, hit.end)
            if cp_start >= cp_end:
                continue
            found.append(Finding(hit.category, detector.kind, cp_start, cp_end, norm.utf16_offset(cp_start),
                                 norm.utf16_offset(cp_end), hit.survives_contract))
    return tuple(found)


# --- the rubric -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Judged:
    """A finding with the rubric applied: its severity and which text explains it."""
    index: int          # the message's position in the thread
    finding: Finding
    severity: str
    situation: str      # texts.py situation: default, mitigated, after_contract, approved


def _judge_risk(finding: Finding, phase: str, approved: bool, mitigated: bool) -> tuple[str, str]:
    """(severity, situation) of a risk finding."""
    if finding.category not in CONTACT:
        return BASE_SEVERITY[finding.category], "default"
    allowed = (phase == thread.CONTRACTED or approved) and not finding.survives_contract
    if allowed:
        return "info", "approved" if approved else "after_contract"
    return ("medium", "mitigated") if mitigated else ("high", "default")


def _counts(finding: Finding, sender: str) -> bool:
    """Risks count from anyone but the platform's own notices; signals only from the client."""
    if finding.kind == "signal":
        return sender == "client"
    return sender != "system" and finding.category in BASE_SEVERITY


def judge(messages: Sequence[dict], state: thread.ThreadState) -> tuple[list[Judged], bool]:
    """Every counted finding of the thread with its severity, and whether a signal mitigates."""
    raw: list[tuple[int, Finding]] = []
    for index, message in enumerate(messages):
        sender = message.get("sender", "unknown")
        for finding in message_findings(message, state.phases[index], state.approved[index]):
            if _counts(finding, sender):
                raw.append((index, finding))
    mitigated = any(f.kind == "signal" for _, f in raw)
    judged = []
    for index, finding in raw:
        if finding.kind == "signal":
            judged.append(Judged(index, finding, "info", "default"))
            continue
        severity, situation = _judge_risk(finding, state.phases[index], state.approved[index], mitigated)
        judged.append(Judged(index, finding, severity, situation))
    return judged, mitigated


def risk_level(risk_categories: set[str], contact_before_contract: bool, mitigated: bool,
               reputation: bool, slow: bool) -> str:
    """RUBRIC.md "Thread risk level". `risk_categories` are message-level categories at a
    severity above info; `contact_before_contract` says a contact category counts as before a
    contract (before it, or surviving it)."""
    if (risk_categories & ALWAYS_HIGH or (contact_before_contract and not mitigated)
            or len(risk_categories) >= 3):
        return "high"
    if contact_before_contract or risk_categories & MEDIUM_ALONE or (risk_categories & LOW_ALONE and reputation):
        return "medium"
    if risk_categories & LOW_ALONE or reputation or slow:
        return "low"
    return "none"


def risk_score(level: str, severities: list[str]) -> int:
    """A score inside the level's band, higher with more and heavier warnings."""
    low, high = SCORE_BANDS[level]
    if level == "none":
        return 0
    weight = sum(SEVERITY_RANK[s] for s in severities)
    extra = max(0, weight - SEVERITY_RANK.get(level, 1))
    return low + round((high - low) * (1 - _BAND_GROWTH ** extra))


# --- the answer -------------------------------------------------------------------------------

def _warning_order(item: tuple[tuple[str, str], list]) -> tuple:
    (category, severity), group = item
    kind = group[0][1]
    return (-SEVERITY_RANK[severity], kind == "signal", group[0][0])


def build_warnings(judged: list[Judged], messages: Sequence[dict], thread_risks: dict[str, list[str]],
                   lang: str) -> tuple[list[dict], dict[tuple[str, str], str]]:
    """One warning per (category, severity), strongest first; and the id of each."""
    groups: dict[tuple[str, str], list] = {}
    for j in judged:
        groups.setdefault((j.finding.category, j.severity), []).append((j.index, j.finding.kind, j.situation))
    for category, message_ids in thread_risks.items():
        named = set(message_ids)
        index = min((i for i, m in enumerate(messages) if m["id"] in named), default=len(messages))
        groups[(category, THREAD_SEVERITY)] = [(index, "risk", "default")]
    warnings, ids = [], {}
    for number, ((category, severity), group) in enumerate(sorted(groups.items(), key=_warning_order), 1):
        warning_id = f"w{number}"
        ids[(category, severity)] = warning_id
        if category in thread_risks:
            message_ids = list(thread_risks[category])
        else:
            message_ids = list(dict.fromkeys(messages[index]["id"] for index, _, _ in group))
        text = warning_text(category, lang, group[0][2])
        warnings.append({
            "id": warning_id, "category": category, "kind": group[0][1], "severity": severity,
            "title": text.title, "detail": text.detail, "advice": text.advice, "message_ids": message_ids,
        })
    return warnings, ids


def build_highlights(judged: list[Judged], messages: Sequence[dict],
                     warning_ids: dict[tuple[str, str], str]) -> list[dict]:
    """Highlights per message and category, overlapping (or touching) spans merged into one that
    keeps the strongest severity."""
    spans: dict[tuple[int, str], list[Judged]] = {}
    for j in judged:
        spans.setdefault((j.index, j.finding.category), []).append(j)
    placed: list[tuple[int, int, dict]] = []  # (message position, start, highlight)
    for (index, category), group in spans.items():
        group.sort(key=lambda j: (j.finding.cp_start, j.finding.cp_end))
        merged: list[list] = []  # [cp_start, cp_end, start, end, severity]
        for j in group:
            f = j.finding
            if merged and f.cp_start <= merged[-1][1]:
                last = merged[-1]
                if f.cp_end > last[1]:
                    last[1], last[3] = f.cp_end, f.end
                if SEVERITY_RANK[j.severity] > SEVERITY_RANK[last[4]]:
                    last[4] = j.severity
            else:
                merged.append([f.cp_start, f.cp_end, f.start, f.end, j.severity])
        message = messages[index]
        for cp_start, cp_end, start, end, severity in merged:
            placed.append((index, start, {
                "message_id": message["id"], "start": start, "end": end, "text": message["text"][cp_start:cp_end],
                "category": category, "severity": severity, "warning_id": warning_ids[(category, severity)],
            }))
    placed.sort(key=lambda item: item[:2])
    return [highlight for _, _, highlight in placed]


def score_request(request: dict) -> dict:
    """The 200 answer of POST /score for a validated request (docs/architecture.md)."""
    started = time.perf_counter()
    messages = request["messages"]
    context = request.get("context") or {}
    lang = request.get("lang") or "ja"
    state = thread.contract_states(messages, context.get("contract_status") or "unknown", message_evidence)
    judged, mitigated = judge(messages, state)

    thread_risks: dict[str, list[str]] = {}
    reputation = bool(thread.client_reputation(context.get("client")))
    if reputation:
        thread_risks["client_reputation"] = []
    late = thread.slow_replies(messages)
    if late:
        thread_risks["slow_reply"] = late

    risks = [j for j in judged if j.finding.kind == "risk" and j.severity != "info"]
    level = risk_level({j.finding.category for j in risks}, any(j.finding.category in CONTACT for j in risks),
                       mitigated, reputation, bool(late))
    warnings, warning_ids = build_warnings(judged, messages, thread_risks, lang)
    highlights = build_highlights(judged, messages, warning_ids)
    counted = [w["severity"] for w in warnings if w["kind"] == "risk" and w["severity"] != "info"]
    return {
        "risk": {"level": level, "score": risk_score(level, counted)},
        "contract_status": state.contract_status,
        "warnings": warnings,
        "highlights": highlights,
        "engine": {"version": __version__, "elapsed_ms": round((time.perf_counter() - started) * 1000, 3)},
    }
