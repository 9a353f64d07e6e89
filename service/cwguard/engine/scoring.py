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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any, Protocol

import regex

from . import categories, thread
from .detector import Detector, MessageView, prefilter_term
from .literals import LITERALS
from .normalize import MARKUP_TAG, MARKUP_TAG_REACH, NormalizedText, normalize, utf16_len

log = logging.getLogger(__name__)

# Every set and severity below comes from the one category table (engine/categories.py).
CONTACT, ALWAYS_HIGH, MEDIUM_ALONE, LOW_ALONE = (categories.CONTACT, categories.ALWAYS_HIGH,
                                                 categories.MEDIUM_ALONE, categories.LOW_ALONE)
CONTINUED_BY = categories.CONTINUED_BY
CONTINUES = categories.CONTINUES
BASE_SEVERITY = categories.BASE_SEVERITY
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

    @property
    def highlighted(self) -> bool:
        return self.cp_start < self.cp_end


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
# The model's view of a message depends on its text, sender and phase.
MODEL_CACHE = FindingsCache(max_entries=8192, max_chars=2_000_000)
# A message's contract evidence (thread.message_evidence) depends on its text and sender alone.
# contract_states asks only about messages with a contract word, so only those are kept.
EVIDENCE_CACHE = FindingsCache(max_entries=8192, max_chars=2_000_000)


def clear_cache() -> None:
    CACHE.clear()
    EVIDENCE_CACHE.clear()
    MODEL_CACHE.clear()
    EXPLAIN_CACHE.clear()
    LOCAL_CACHE.clear()
    NORMALIZED_CACHE.clear()


def cache_info() -> dict:
    return CACHE.info()


# --- what the application gives the engine ---------------------------------------------------

class MessageModel(Protocol):
    """A trained model as the engine reads it (cwguard/model/compiled.py): opinions for many
    normalised messages in one batch, the passages that explain a category, fusion settings."""
    fusion: Any

    def read(self, norms: Sequence[NormalizedText], senders: Sequence[str], phases: Sequence[str]) -> list: ...

    def explain(self, norm: NormalizedText, category: str) -> tuple[tuple[int, int], ...]: ...


class LoadedModel(Protocol):
    """The model in use, as the application loads it (cwguard/model/runtime.py `Loaded`)."""
    model: MessageModel | None
    source: str                    # "file", "trained" or "none" (engine.model of the answer)


@dataclass(frozen=True)
class Components:
    """Everything the engine uses that is not the engine: detectors, the site's contract notices,
    the model, language data and texts. `cwguard.pipeline` builds them; the engine imports none of
    those packages, so it stays neutral of language and site and free of import cycles."""
    detectors: tuple[Detector, ...]
    evidence: thread.ContractEvidence
    model: Callable[[], LoadedModel]
    scam_apps: regex.Pattern                                   # apps no signal may lower
    word_bounds: Callable[[str, int, int], tuple[int, int]]    # a span widened to whole words
    warning_text: Callable[[str, str, str], Any]               # (category, lang, situation) -> texts
    version: str
    work_subject: Callable[[str], str] = lambda text: ""       # what a message says the job is about
    declines: Callable[[str, int, int], bool] = lambda text, start, end: False  # a clause refusing its span
    # a question asking back what the other side said; in a worker's message it proposes nothing
    asks_back: Callable[[str, int, int], bool] = lambda text, start, end: False
    # a short message cut mid-phrase (「詳細は」「details on」): part of a split lure after it
    cut_mid_phrase: Callable[[str], bool] = lambda text: False
    # a message that ends a sentence (a mark, a finished verb): no split lure runs across it
    ends_a_sentence: Callable[[str], bool] = lambda text: True
    # what continues a category's request in a later message of its sender (categories.CONTINUED_BY):
    # a kind of follow-up -> the code-point spans of the original text that give it
    follow_ups: Mapping[str, Callable[[str], list[tuple[int, int]]]] = field(default_factory=dict)

    def __post_init__(self):
        categories.check_registry(self.detectors)  # a category missing from the table fails at start


_components: Components | None = None  # set by configure(); read by components()


def configure(components: Components) -> None:
    """Install the engine's components (cwguard.pipeline does, once)."""
    global _components
    _components = components
    clear_cache()


def components() -> Components:
    if _components is None:
        raise RuntimeError("the engine has no components: score through cwguard.pipeline")
    return _components


def detectors() -> tuple[Detector, ...]:
    return components().detectors


class Prefilter:
    """One look per message for the terms of every `terms_required` detector: which detectors can
    hit at all. The others (no necessary terms) always run.

    The terms are registered with the shared literal index (engine/literals.py), which finds every
    occurrence in one pass, overlapping ones too (「直接契約」 holds 「契約」), which one regex
    alternation would not give (it reports the longest match and moves past it); the same pass
    then answers the detectors' own rule gates."""

    def __init__(self, found: Sequence[Detector]):
        self.detectors = tuple(found)
        self.always = 0    # bit i: detector i runs on every message
        self.gated = 0     # bit i: detector i runs only when one of its terms occurs
        self.owners: dict[str, int] = {}
        for i, detector in enumerate(self.detectors):
            terms = {prefilter_term(t) for t in detector.terms} - {""}
            if not (detector.terms_required and terms):
                self.always |= 1 << i
                continue
            self.gated |= 1 << i
            for term in terms:
                self.owners[term] = self.owners.get(term, 0) | 1 << i
        LITERALS.register(self.owners)

    def selected(self, text: str) -> int:
        """Bit mask of the detectors to run on a normalised text."""
        wanted = self.always
        for term in LITERALS.present(text.casefold()):
            wanted |= self.owners.get(term, 0)
        return wanted


@lru_cache(maxsize=8)
def prefilter(found: tuple[Detector, ...]) -> Prefilter:
    """Built once per set of detectors (tests swap in their own)."""
    return Prefilter(found)


# Every message a scan reads is normalised for the model and again for the detectors: kept by the
# characters held, not by count, so that a 2,000-message thread is normalised once (a count of 256
# normalised a 1,000-message thread twice: measured 45 µs a message of the cold cost), while a few
# huge messages cannot pin memory (no text over an eighth of the budget is kept).
NORMALIZED_CACHE = FindingsCache(max_entries=4096, max_chars=512_000)


def normalize_once(text: str):
    """`normalize(text)`, from the cache when a scan has read the text already."""
    found = NORMALIZED_CACHE.get((text,))
    if found is None:
        found = normalize(text)
        NORMALIZED_CACHE.put((text,), found)
    return found


def utf16_range(text: str, start: int, end: int) -> tuple[int, int]:
    """The UTF-16 offsets (what JavaScript slices by) of the code-point span [start, end)."""
    head = utf16_len(text[:start])
    return head, head + utf16_len(text[start:end])


def message_evidence(message: dict) -> thread.Evidence:
    """The site's contract evidence of a message, from the cache when it has read the message."""
    key = (message["text"], message.get("sender", "unknown"))
    found = EVIDENCE_CACHE.get(key)
    if found is None:
        found = components().evidence.read(message)
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
    norm = normalize_once(message["text"])
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
            if sender == "worker" and components().asks_back(norm.text, hit.start, hit.end):
                continue  # 「外部サイトに登録が必要なんですか？」: the client's words, asked back
            cp_start, cp_end = norm.to_original(hit.start, hit.end)
            if cp_start >= cp_end:
                continue
            found.append(Finding(hit.category, detector.kind, cp_start, cp_end, norm.utf16_offset(cp_start),
                                 norm.utf16_offset(cp_end), hit.survives_contract))
    return tuple(found)


# --- lures split over several messages ----------------------------------------------------------

# A lure cut into consecutive short messages of one sender (「緑の」「アプリで」「ID: abc」) is read
# as one text too (RUBRIC.md v2, issue 9). Only short messages join (a part of a sentence, not a
# whole message of its own), a bounded number at a time, so the extra work stays linear.
SPLIT_MAX_CHARS = 80
SPLIT_MAX_RUN = 6
# Parts join with nothing between them, so a phrase cut mid-word reads whole (「緑の」+「アプリで」,
# 「テレ」+「グラムで」); where both sides are Latin letters or digits a line break keeps two words
# apart (「mail」+「taro@…」 is no address 「mailtaro@…」).
_WORD_CHAR = regex.compile(r"[A-Za-z0-9_.@\-]")


def _joiner(before: str, after: str) -> str:
    if before and after and _WORD_CHAR.match(before[-1]) and _WORD_CHAR.match(after[0]):
        return "\n"
    return ""


def _runs(messages: Sequence[dict]) -> list[list[int]]:
    """Runs of consecutive short messages of one party (two or more)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, message in enumerate(messages):
        sender = message.get("sender", "unknown")
        short = len(message["text"]) <= SPLIT_MAX_CHARS and sender != "system"
        if short and current and messages[current[-1]].get("sender", "unknown") == sender \
                and len(current) < SPLIT_MAX_RUN:
            current.append(index)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = [index] if short else []
    if len(current) >= 2:
        runs.append(current)
    return runs


# A fragment of a split lure is short and ends no sentence: the fragments before and after the ones
# a finding covers belong to the same sentence, so to the lure. Before the finding, only a fragment
# cut mid-phrase (`Components.cut_mid_phrase`); after it, only a short tail that finishes nothing
# itself (「で」, not 「お願いします」).
_FRAGMENT_CHARS = 24
_TAIL_CHARS = 8


def _is_fragment(text: str) -> bool:
    return 0 < len(text.strip()) <= _FRAGMENT_CHARS


def _rest_of_the_sentence(texts: Sequence[str], parts: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Whole fragments of the run joined to a split finding's sentence, before and after it."""
    parts_of_speech = components()

    def ends_sentence(k: int) -> bool:
        return parts_of_speech.ends_a_sentence(texts[k].rstrip())

    def open_ended(k: int) -> bool:
        return parts_of_speech.cut_mid_phrase(texts[k].rstrip())

    covered = {k for k, _, _ in parts}
    extra = []
    k = min(covered) - 1
    while k >= 0 and _is_fragment(texts[k]) and open_ended(k) and not ends_sentence(k):
        extra.append((k, 0, len(texts[k].rstrip())))
        k -= 1
    k = max(covered)
    while (k + 1 < len(texts) and _is_fragment(texts[k + 1]) and len(texts[k + 1].strip()) <= _TAIL_CHARS
           and not ends_sentence(k) and not ends_sentence(k + 1)):
        k += 1
        extra.append((k, 0, len(texts[k].rstrip())))
    return extra


def _own_findings(messages: Sequence[dict], index: int, state: thread.ThreadState) -> tuple[Finding, ...]:
    return message_findings(messages[index], state.phases[index], state.approved[index])


def _finishing_fragments(texts: Sequence[str], k: int) -> list[int]:
    """The fragments after fragment `k` of a run that finish its sentence (「身分証」 then 「の写真」
    「送って」): while `k`'s sentence is open, each next short fragment, up to the first that ends
    one; none when `k` ends a sentence itself, or is neither cut mid-phrase nor a word or two."""
    parts_of_speech = components()
    cut = texts[k].rstrip()
    if parts_of_speech.ends_a_sentence(cut) or not (parts_of_speech.cut_mid_phrase(cut) or len(cut.strip()) <= _TAIL_CHARS):
        return []
    out = []
    for j in range(k + 1, len(texts)):
        if not _is_fragment(texts[j]):
            break
        out.append(j)
        if parts_of_speech.ends_a_sentence(texts[j].rstrip()):
            break
    return out


def split_findings(messages: Sequence[dict], state: thread.ThreadState) -> dict[int, list[Finding]]:
    """Findings that only the joined text of a run shows, cut back into each message's part."""
    extra: dict[int, list[Finding]] = {}
    for run in _runs(messages):
        texts = [messages[i]["text"] for i in run]
        starts, pieces = [], []
        for k, text in enumerate(texts):
            if k:
                pieces.append(_joiner(texts[k - 1], text))
            starts.append(sum(map(len, pieces)))
            pieces.append(text)
        first = messages[run[0]]
        joined = {"id": first["id"], "sender": first.get("sender", "unknown"), "text": "".join(pieces)}
        for f in message_findings(joined, state.phases[run[0]], state.approved[run[0]]):
            parts = [(k, max(f.cp_start, s) - s, min(f.cp_end, s + len(t)) - s)
                     for k, (s, t) in enumerate(zip(starts, texts, strict=True))
                     if f.cp_start < s + len(t) and s < f.cp_end]
            parts = [p for p in parts if p[1] < p[2]]
            if len(parts) == 1:
                # inside one message: its own reading found it already, unless it did not and the
                # next fragments finish its sentence (「免許証の」 then 「裏表おくってください」: the request
                # made the document a lure). They are then the lure's other half, if none holds another
                # kind of risk of its own (「返事なければ他の方に回します」 after 「口座名義と番号、金曜まで」
                # is a threat of its own; an ID after 「ディスコで」 is the same lure's second half).
                k, a, b = parts[0]
                family = CONTACT if f.category in CONTACT else {f.category}
                after = _finishing_fragments(texts, k)
                if (not after
                        or any(g.category == f.category and g.cp_start < b and a < g.cp_end
                               for g in _own_findings(messages, run[k], state))
                        or any(g.kind == "risk" and g.category not in family
                               for j in after for g in _own_findings(messages, run[j], state))):
                    continue
                parts += [(j, 0, len(texts[j].rstrip())) for j in after]
            if len(parts) < 2:
                continue
            parts += _rest_of_the_sentence(texts, parts)
            for k, a, b in parts:
                extra.setdefault(run[k], []).append(
                    Finding(f.category, f.kind, a, b, *utf16_range(texts[k], a, b), f.survives_contract))
    return extra


# --- the model's second opinion ---------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ModelView:
    """What the model says of one message: how likely a lure, and which category."""
    p_any: float
    category: str | None
    also: tuple[str, ...] = ()   # categories the model names beside another finding (Opinion.also)


# The passages that explain a model-only warning, computed only for the messages that get one.
EXPLAIN_CACHE = FindingsCache(max_entries=2048, max_chars=1_000_000)


def model_views(messages: Sequence[dict], phases: Sequence[str], model) -> list[ModelView]:
    """The model's view of every message, the unseen ones inferred in one batch."""
    keys = [(m["text"], m.get("sender", "unknown"), phase) for m, phase in zip(messages, phases, strict=True)]
    views: list[ModelView | None] = [MODEL_CACHE.get(key) for key in keys]
    todo = [i for i, v in enumerate(views) if v is None]
    if todo:
        norms = [normalize_once(messages[i]["text"]) for i in todo]
        opinions = model.read(norms, [keys[i][1] for i in todo], [keys[i][2] for i in todo])
        for i, opinion in zip(todo, opinions, strict=True):
            views[i] = ModelView(opinion.p_any, opinion.category, opinion.also)
            MODEL_CACHE.put(keys[i], views[i])
    return views


def explanation(message: dict, phase: str, category: str, model) -> tuple[tuple[int, int], ...]:
    """The passages of the original text whose features weigh most for `category`."""
    key = (message["text"], message.get("sender", "unknown"), phase, category)
    found = EXPLAIN_CACHE.get(key)
    if found is None:
        found = model.explain(normalize_once(message["text"]), category)
        EXPLAIN_CACHE.put(key, found)
    return found


def _model_findings(message: dict, category: str, spans: Sequence[tuple[int, int]]) -> tuple[Finding, ...]:
    """A model-only warning's findings: one per passage, or one without a highlight."""
    return tuple(Finding(category, "risk", a, b, *utf16_range(message["text"], a, b), False)
                 for a, b in spans or ((0, 0),))


# --- the rubric -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Judged:
    """A finding with the rubric applied: its severity and which text explains it."""
    index: int          # the message's position in the thread
    finding: Finding
    severity: str
    situation: str      # texts.py situation: default, mitigated, after_contract, approved, model, model_doubt
    source: str = "rule"  # "rule", "model", or "both" when the model agrees with a rule hit


# A rule hit the model reads as this likely a lure or more is reported as agreed by both; and the
# threshold of the model alone in `make eval`.
AGREES = MODEL_ALONE = 0.5


# RUBRIC.md v2, "Thread risk level": which contact categories each mitigating signal may lower.
LOWERS = categories.LOWERS


def lowering_signal(category: str, signals: set[str], scam_app: bool) -> str | None:
    """The signal that lowers a contact finding, or None. Nothing lowers a contact that moves to a
    messaging app typical of task and investment scams (`scam_app`)."""
    if scam_app:
        return None
    return next((s for s in LOWERS if s in signals and category in LOWERS[s]), None)


def names_scam_app(message: dict) -> bool:
    """Whether a message names an app typical of task scams (lang/common/unmitigable_channels.json)."""
    return bool(components().scam_apps.search(normalize_once(message["text"]).text))


def _follow_ups(message: dict, findings: list[Finding], asked: dict[str, set[str]]) -> list[Finding]:
    """A later message of a sender that only gives what their earlier request needs (「事務所で面談を」, then
    「五反田駅東口から徒歩3分です」 or an address alone) continues that request (categories.CONTINUED_BY), or the
    request of a category it continues (categories.CONTINUES: 「すぐ回収できますよ」 after a fee).
    `asked` collects, per category, the senders whose request counted, in thread order."""
    sender = message.get("sender", "unknown")
    own = {f.category for f in findings if f.kind == "risk"}
    text, out = message["text"], []
    for category, kind in CONTINUED_BY.items():
        reader = components().follow_ups.get(kind)
        if category in own or reader is None or sender not in asked.get(category, ()):
            continue
        out += [Finding(category, "risk", a, b, *utf16_range(text, a, b), False) for a, b in reader(text)]
    # recorded after reading: a message's own request is continued by later messages, not by itself
    for category, after in CONTINUES.items():
        if own & after:
            asked.setdefault(category, set()).add(sender)
    return out


def _continued_invitation(finding: Finding, sender: str, inviting: set[str]) -> Finding:
    """After a contract, a sender's contact that follows their own invitation the work does not need
    (「CWでは出せない案件をみどりのアプリで配信してます」, then 「lin.ee/…」 alone, then 「返信はそっちで」)
    continues it: it survives the contract as the invitation did (RUBRIC.md). `inviting` collects
    the senders whose contact survived, in thread order."""
    if finding.survives_contract:
        inviting.add(sender)
        return finding
    return replace(finding, survives_contract=True) if sender in inviting else finding


def _judge_risk(finding: Finding, phase: str, approved: bool, lowered_by: str | None) -> tuple[str, str]:
    """(severity, situation) of a risk finding."""
    if finding.category not in CONTACT:
        return BASE_SEVERITY[finding.category], "default"
    allowed = (phase == thread.CONTRACTED or approved) and not finding.survives_contract
    if allowed:
        return "info", "approved" if approved else "after_contract"
    return ("medium", f"mitigated:{lowered_by}") if lowered_by else ("high", "default")


# RUBRIC.md v2: a message whose sender is `system` is trusted only as a platform notice; one that
# carries a contact, a payment request or a link to register is scored like the client's (a page
# could be made to show a lure as a notice).
SYSTEM_UNTRUSTED = categories.SYSTEM_UNTRUSTED


def _counts(finding: Finding, sender: str) -> bool:
    """Risks count from anyone, from a "system" sender only what no notice carries; signals only
    from the client."""
    if finding.kind == "signal":
        return sender == "client"
    if sender == "system":
        return finding.category in SYSTEM_UNTRUSTED
    return True


@dataclass(frozen=True)
class Subject:
    """What the job is about, as normalised text: the posting's own words (`page`, true for every
    message) and what the first client message says the work is (`said`, true only for the
    messages after it: a message cannot make its own words the work's subject, or a lure padded
    with 「LINE広告の運用、」 would excuse its own 「詳細はLINEで」). `said` is read (tokenised) only
    when a finding asks about the subject."""
    page: str = ""
    first_text: str = ""
    said_at: int = -1

    @cached_property
    def said(self) -> str:
        return normalize(components().work_subject(self.first_text)).text.strip() if self.first_text else ""

    def at(self, index: int) -> str:
        return f"{self.page} {self.said}".strip() if index > self.said_at else self.page


def job_subject(context: dict, messages: Sequence[dict] = ()) -> Subject:
    """The job's own subject: the posting's title and description when the page shows them, and the
    work the first client message names (the language's `work_subject`: 「LINE公式アカウント運用代行」)."""
    job = context.get("job") or {}
    page = normalize(" ".join(str(job.get(k) or "") for k in ("title", "description"))).text.strip()
    first = next((i for i, m in enumerate(messages) if m.get("sender") == "client"), None)
    if first is None:
        return Subject(page)
    return Subject(page, messages[first]["text"], first)


def _is_subject(finding: Finding, message: dict, subject: str) -> bool:
    """A contact hit whose words the job itself is about (「LINE公式アカウント運用」 and 「LINE」)."""
    if not subject or finding.category not in CONTACT:
        return False
    words = normalize(message["text"][finding.cp_start:finding.cp_end]).text.strip()
    return len(words) >= 2 and words in subject


# The model needs some text to read: on a bare 「？」 or 「写真です」 its n-grams are too few to tell a
# lure from small talk (in the training corpora, messages of four letters or fewer are as often
# benign as risky, and the risky ones are parts of split lures, which the joined reading finds), so
# it adds no warning to a message with fewer letters and digits than this. The rules still read it.
MIN_EVIDENCE = 5
# A rule hit is doubted only if the model also finds the hit's own neighbourhood (this many
# characters either side) unlike a lure: a lure padded with harmless text cannot dilute itself
# into a veto (issue 9: decoys).
LOCAL_WINDOW = 40
# Where a clause ends, in any script (for `_once_in_a_row`).
_CLAUSE_SPLIT = regex.compile(r"([、。,.!?！？\n;；])")


def _outside_markup(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened so that neither end falls inside a markup tag."""
    for tag in MARKUP_TAG.finditer(text, max(0, start - MARKUP_TAG_REACH), min(len(text), end + MARKUP_TAG_REACH)):
        if tag.start() < start < tag.end():
            start = tag.start()
        if tag.start() < end < tag.end():
            end = tag.end()
    return start, end


class ModelReader:
    """The model's extra readings of one message, made only when fusion needs them."""

    def __init__(self, model, message: dict, phase: str):
        self.model, self.message, self.phase = model, message, phase

    def explain(self, category: str) -> tuple[tuple[int, int], ...]:
        return explanation(self.message, self.phase, category, self.model)

    def key(self, finding: Finding) -> tuple[str, str, str]:
        """The window the model reads around a finding: LOCAL_WINDOW characters either side, widened
        to whole markup tags (the model reads a tag as blank, but a tag cut in half as words), a clause
        repeated in a row read once (「LINE広告の運用、」 seventy times before a lure is padding: read as
        often as it fits, its harmless n-grams would dilute the clause that asks into a doubt)."""
        text = self.message["text"]
        start, end = _outside_markup(text, max(0, finding.cp_start - LOCAL_WINDOW), finding.cp_end + LOCAL_WINDOW)
        return _once_in_a_row(text[start:end]), self.message.get("sender", "unknown"), self.phase

    def without(self, spans: Sequence[Finding]) -> float:
        """The model's probability for the message with the words of `spans` set aside (a claim the
        rules read as a signal: what is left may still be a lure, 「事務局より承認済みです。案件は別ツールで」)."""
        text = self.message["text"]
        kept, at = [], 0
        for f in sorted(spans, key=lambda f: f.cp_start):
            kept.append(text[at:max(at, f.cp_start)])
            at = max(at, f.cp_end)
        return self._read((("。".join(kept + [text[at:]]), self.message.get("sender", "unknown"), self.phase)),
                          unread=0.0)

    def local(self, finding: Finding) -> float:
        """The model's probability for the text around a finding alone (read in one batch for the
        thread by `read_locally`; read here only if that was skipped)."""
        return self._read(self.key(finding), unread=1.0)

    def _read(self, key: tuple[str, str, str], unread: float) -> float:
        """The model's probability for a window (cached); `unread` if it could not be read."""
        found = LOCAL_CACHE.get(key)
        if found is None:
            read_locally(self.model, [key])
            found = LOCAL_CACHE.get(key)
        return found if found is not None else unread


def _once_in_a_row(window: str) -> str:
    """The window with each run of one clause repeated in a row kept once, the window's clipped first
    clause counted as one of the run it was cut from (clauses end at a mark of any script; the text
    is otherwise unchanged)."""
    parts = _CLAUSE_SPLIT.split(window)  # [clause, mark, clause, mark, ..., clause]
    kept: list[str] = []
    for i in range(0, len(parts), 2):
        piece = parts[i] + (parts[i + 1] if i + 1 < len(parts) else "")
        if kept and piece.strip() == kept[-1].strip():
            continue
        if len(kept) == 1 and piece.strip().endswith(kept[0].strip()):
            kept.pop()  # 「E広告の運用、」 before 「LINE広告の運用、」: the same clause, cut by the window
        kept.append(piece)
    return "".join(kept)


# The model's reading of a window around a rule hit, by (window, sender, phase).
LOCAL_CACHE = FindingsCache(max_entries=8192, max_chars=1_000_000)


def read_locally(model, keys: Sequence[tuple[str, str, str]]) -> None:
    """The model's probability for each window not read before, one batch."""
    todo = list(dict.fromkeys(k for k in keys if LOCAL_CACHE.get(k) is None))
    if not todo:
        return
    opinions = model.read([normalize(k[0]) for k in todo], [k[1] for k in todo], [k[2] for k in todo])
    for key, opinion in zip(todo, opinions, strict=True):
        LOCAL_CACHE.put(key, opinion.p_any)


def _has_evidence(text: str) -> bool:
    return sum(c.isalnum() for c in text[:200]) >= MIN_EVIDENCE


def _fuse(findings: list[Finding], view: ModelView | None, fusion, message: dict,
          reader: ModelReader | None, subject: str = "") -> list[tuple[Finding, str]]:
    """The message's findings with their source after the model's opinion (see docs/quality.md):
    a rule hit the model finds very unlike a lure, in the whole message and around the hit, is
    marked `doubt` (reported at info), unless its category is one the model may never overrule; a
    message no rule flags gets the model's own finding when the model is confident enough, on the
    message and, if it holds a mitigating claim the rules read, on the rest of it (「事務局の許可を
    いただいています」 is the signal the rubric counts, not a lure besides it), and the words that weigh
    most are not all in clauses that refuse or waive them (「LINEは使っていないので、こちらでお願い
    します」: n-grams cannot read a refusal, the clause reader can); a message warned about gets the
    other categories whose heads clear their bars (`ModelView.also`)."""
    if view is None or reader is None:
        return [(f, "rule") for f in findings]
    risks = [f for f in findings if f.kind == "risk"]
    out = []
    for f in findings:
        if f.kind != "risk":
            out.append((f, "rule"))
        elif view.p_any < fusion.veto and f.category not in fusion.keep and reader.local(f) < fusion.veto:
            out.append((f, "doubt"))
        elif view.p_any < AGREES and _is_subject(f, message, subject) and reader.local(f) < AGREES:
            # the job is about this tool and the model does not read a lure: the work's subject.
            # A request to move the conversation there still reads as a lure to the model.
            out.append((f, "subject"))
        else:
            out.append((f, "both" if view.p_any >= AGREES else "rule"))
    claims = [f for f in findings if f.kind == "signal"]
    # The model learned from messages: a file name, an alt text or a QR payload read from an
    # attachment (`from_attachment`) is not one, so only the rules read it.
    if message.get("from_attachment"):
        return out
    # A claim the rules read (「事務局の許可をいただいています」) is the signal the rubric counts, not a
    # lure beside it: the model speaks only if the rest of the message, the claim set aside, reads as one.
    if (not risks and view.category and view.p_any >= fusion.add and _has_evidence(message["text"])
            and (not claims or reader.without(claims) >= fusion.add)):
        out += [(f, "model") for f in _model_own(message, view.category, reader, passages_only=bool(claims),
                                                 outside=claims)]
    # A message already warned about gets the other categories the model is sure of (a fee beside
    # the income promise the rules read): `also` names only heads precise out of fold (train.py).
    named = {f.category for f, source in out if f.kind == "risk" and source not in ("doubt", "subject")}
    if named:
        for category in view.also:
            if category not in named:
                out += [(f, "model") for f in _model_own(message, category, reader, passages_only=True)]
    return out


def _model_own(message: dict, category: str, reader: ModelReader,
               passages_only: bool = False, outside: Sequence[Finding] = ()) -> tuple[Finding, ...]:
    """The model's finding of `category` on the message, highlighting the passages that weigh most,
    unless every one is a worker's question back or a clause that refuses or waives it
    (「LINEは使っていないので、こちらでお願いします」: n-grams cannot read a refusal, the clause reader
    can). `passages_only`: nothing when no passage explains it (a category named beside another
    finding must show its words). Passages in the `outside` findings (a claim) are not shown."""
    passages = tuple(p for p in reader.explain(category)
                     if not any(p[0] < f.cp_end and f.cp_start < p[1] for f in outside))
    if passages_only and not passages:
        return ()
    asked_back = message.get("sender") == "worker" and passages and all(
        components().asks_back(message["text"], a, b) for a, b in passages)
    if asked_back or (passages and all(components().declines(message["text"], a, b) for a, b in passages)):
        return ()
    return _model_findings(message, category, passages)


def judge(messages: Sequence[dict], state: thread.ThreadState,
          views: Sequence[ModelView | None] | None = None, model=None, fusion=None,
          rules: bool = True, subject: Subject = Subject()) -> list[Judged]:
    """Every counted finding of the thread with its severity (signals lower contact findings to
    medium as RUBRIC.md v2 says; the model's opinion is fused in when `views` are given)."""
    split = split_findings(messages, state) if rules else {}
    per_message = []
    asked: dict[str, set[str]] = {}  # per category continued by a follow-up, the senders who asked
    for index, message in enumerate(messages):
        sender = message.get("sender", "unknown")
        own = message_findings(message, state.phases[index], state.approved[index])
        findings = [f for f in (*own, *split.get(index, ())) if _counts(f, sender) and (rules or f.kind == "signal")]
        if rules and sender != "system":
            findings += _follow_ups(message, findings, asked)
        view = views[index] if views is not None and sender != "system" else None
        reader = ModelReader(model, message, state.phases[index]) if view is not None else None
        per_message.append((index, message, findings, view, reader))
    if fusion is not None:
        # the windows the veto or the posting's subject may ask about, read in one batch (those the
        # first message's subject asks about are read as they come: it rarely names one)
        doubt = max(fusion.veto, AGREES if subject.page else 0.0)
        read_locally(model, [reader.key(f) for _, _, findings, view, reader in per_message
                             if view is not None and view.p_any < doubt for f in findings if f.kind == "risk"])
    raw: list[tuple[int, Finding, str]] = []
    for index, message, findings, view, reader in per_message:
        asks = view is not None and view.p_any < AGREES and any(f.category in CONTACT for f in findings)
        raw += [(index, f, source) for f, source in
                _fuse(findings, view, fusion, message, reader, subject.at(index) if asks else "")]
    signals = {f.category for _, f, _ in raw if f.kind == "signal"}
    scam_app: dict[int, bool] = {}  # per message, read once
    inviting: set[str] = set()  # senders whose outside invitation survived the contract
    judged = []
    for index, finding, source in raw:
        if finding.kind == "signal":
            judged.append(Judged(index, finding, "info", "default"))
            continue
        lowered_by = None
        if finding.category in CONTACT:
            finding = _continued_invitation(finding, messages[index].get("sender", "unknown"), inviting)
            if signals:
                if index not in scam_app:
                    scam_app[index] = names_scam_app(messages[index])
                lowered_by = lowering_signal(finding.category, signals, scam_app[index])
        severity, situation = _judge_risk(finding, state.phases[index], state.approved[index], lowered_by)
        if source == "doubt":
            severity, situation, source = "info", "model_doubt", "rule"
        elif source == "subject":
            severity, situation, source = "info", "job_subject", "rule"
        elif source == "model" and severity != "info":
            view = views[index]
            capped = fusion.severity_for(view.p_any)
            severity = min(severity, capped, key=SEVERITY_RANK.__getitem__)
            situation = "model"
        judged.append(Judged(index, finding, severity, situation, source))
    return judged


def risk_level(risk_categories: set[str], contact_unlowered: bool, contact_lowered: bool,
               reputation: bool, slow: bool) -> str:
    """RUBRIC.md "Thread risk level". `risk_categories` are message-level categories at a
    severity above info; `contact_unlowered` says a contact category counts as before a contract
    and no signal lowers it, `contact_lowered` that one does."""
    if risk_categories & ALWAYS_HIGH or contact_unlowered or len(risk_categories) >= 3:
        return "high"
    if contact_lowered or risk_categories & MEDIUM_ALONE or (risk_categories & LOW_ALONE and reputation):
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


def _group_source(sources: set[str]) -> str:
    if sources == {"model"}:
        return "model"
    return "both" if "both" in sources or "model" in sources else "rule"


def build_warnings(judged: list[Judged], messages: Sequence[dict], thread_risks: dict[str, list[str]],
                   lang: str) -> tuple[list[dict], dict[tuple[str, str], str]]:
    """One warning per (category, severity), strongest first; and the id of each."""
    groups: dict[tuple[str, str], list] = {}
    for j in judged:
        groups.setdefault((j.finding.category, j.severity), []).append((j.index, j.finding.kind, j.situation, j.source))
    for category, message_ids in thread_risks.items():
        named = set(message_ids)
        index = min((i for i, m in enumerate(messages) if m["id"] in named), default=len(messages))
        groups[(category, categories.THREAD_SEVERITY[category])] = [(index, "risk", "default", "rule")]
    warnings, ids = [], {}
    for number, ((category, severity), group) in enumerate(sorted(groups.items(), key=_warning_order), 1):
        warning_id = f"w{number}"
        ids[(category, severity)] = warning_id
        if category in thread_risks:
            message_ids = list(thread_risks[category])
        else:
            message_ids = list(dict.fromkeys(messages[index]["id"] for index, *_ in group))
        # a rule's own text explains the group whenever a rule is part of it
        situation = next((g[2] for g in group if g[3] != "model"), group[0][2])
        text = components().warning_text(category, lang, situation)
        warnings.append({
            "id": warning_id, "category": category, "kind": group[0][1], "severity": severity,
            "title": text.title, "detail": text.detail, "advice": text.advice, "message_ids": message_ids,
            "source": _group_source({g[3] for g in group}),
        })
    return warnings, ids


def _whole_words(text: str, cp_start: int, cp_end: int, start: int, end: int) -> tuple[int, int, int, int]:
    """A highlight widened to the words it cuts (the language's word bounds), with its UTF-16
    offsets."""
    a, b = components().word_bounds(text, cp_start, cp_end)
    if (a, b) == (cp_start, cp_end):
        return cp_start, cp_end, start, end
    return (a, b, *utf16_range(text, a, b))


def build_highlights(judged: list[Judged], messages: Sequence[dict],
                     warning_ids: dict[tuple[str, str], str]) -> list[dict]:
    """Highlights per message and category, overlapping (or touching) spans merged into one that
    keeps the strongest severity."""
    spans: dict[tuple[int, str], list[Judged]] = {}
    for j in judged:
        if j.finding.highlighted:
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
        source = _group_source({j.source for j in group})
        for cp_start, cp_end, start, end, severity in merged:
            cp_start, cp_end, start, end = _whole_words(message["text"], cp_start, cp_end, start, end)
            placed.append((index, start, {
                "message_id": message["id"], "start": start, "end": end, "text": message["text"][cp_start:cp_end],
                "category": category, "severity": severity, "warning_id": warning_ids[(category, severity)],
                "source": source,
            }))
    placed.sort(key=lambda item: item[:2])
    return [highlight for _, _, highlight in placed]


def score_request(request: dict, detection: str = "fused") -> dict:
    """The 200 answer of POST /score for a validated request (docs/architecture.md).

    `detection` is "fused" (the product), or "rules" / "model" alone, which `make eval` and the
    model's training measure side by side."""
    started = time.perf_counter()
    messages = request["messages"]
    context = request.get("context") or {}
    lang = request.get("lang") or "ja"
    parts = components()
    state = thread.contract_states(messages, context.get("contract_status") or "unknown", parts.evidence,
                                   message_evidence)
    loaded = parts.model() if detection != "rules" else None
    model = loaded.model if loaded else None
    views = model_views(messages, state.phases, model) if model is not None else None
    fusion = model.fusion if model is not None else None
    if detection == "model" and model is not None:
        fusion = replace(fusion, add=MODEL_ALONE, veto=0.0)
    judged = judge(messages, state, views, model, fusion, rules=detection != "model",
                   subject=job_subject(context, messages))

    thread_risks: dict[str, list[str]] = {}
    reputation = bool(thread.client_reputation(context.get("client")))
    if reputation:
        thread_risks["client_reputation"] = []
    late = thread.slow_replies(messages)
    if late:
        thread_risks["slow_reply"] = late

    risks = [j for j in judged if j.finding.kind == "risk" and j.severity != "info"]
    contact = [j for j in risks if j.finding.category in CONTACT]
    level = risk_level({j.finding.category for j in risks}, any(j.severity == "high" for j in contact),
                       bool(contact), reputation, bool(late))
    warnings, warning_ids = build_warnings(judged, messages, thread_risks, lang)
    highlights = build_highlights(judged, messages, warning_ids)
    counted = [w["severity"] for w in warnings if w["kind"] == "risk" and w["severity"] != "info"]
    return {
        "risk": {"level": level, "score": risk_score(level, counted)},
        "contract_status": state.contract_status,
        "warnings": warnings,
        "highlights": highlights,
        "engine": {"version": parts.version, "elapsed_ms": round((time.perf_counter() - started) * 1000, 3),
                   "detection": "rules+model" if model is not None else "rules",
                   "model": loaded.source if loaded else "off"},
    }
