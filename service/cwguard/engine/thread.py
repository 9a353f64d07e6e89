"""What the engine knows of the thread as a whole: the contract state at each message, CrowdWorks'
approval of an off-service contact request, and the two thread-level risks (RUBRIC.md).

- Contract state. `context.contract_status` says what the page shows, and the page is
  authoritative: `contracted` holds for the whole thread, and so does `before_contract` (issue 9:
  text inside the thread never overrides it; a client can type 「契約が締結されました。」 in a
  message the page cannot attribute, or name itself 「…事務局」). Only when the page said
  `unknown` can the thread itself show a contract: a platform notice
  (「契約が締結されました」「仮払いが完了しました」) moves every message from it on to
  `contracted`, and so does both sides clearly stating it (the client 「契約しました」, the
  worker 「契約を承認しました」). `unknown` counts as before a contract until then.
- Off-service contact approval: a platform notice that CrowdWorks approved the サービス外連絡申請
  makes later contact exchanges benign. Filing the request, or a client merely claiming
  permission, is not an approval.
- `client_reputation` and `slow_reply` follow the rubric's thread-level rules.

Everything here is one pass over the messages; only short windows around contract words are
normalised, so it costs next to nothing even when the per-message cache answers everything else.
`message_evidence` depends on the message alone, so the engine caches it with the findings.
"""
from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .detector import compile_pattern
from .normalize import normalize

BEFORE, CONTRACTED = "before_contract", "contracted"

# --- contract notices and statements ----------------------------------------------------------

# Words around which a contract or an approval shows (found in the raw text, both scripts). Only a
# window around each occurrence is normalised: the message itself is normalised once, later, for
# the detectors, and the cache spares even that on a re-scan. Plain literals, so the stdlib `re`
# (twice as fast as `regex` on this alternation, measured) finds them.
_CONTRACT_WORDS = re.compile(r"契約|仮払|かりばら|カリバラ|ｶﾘﾊﾞﾗ|サービス外連絡|ｻｰﾋﾞｽ外連絡")
_WINDOW = 40

# The platform's own notices. A notice is a statement of fact, never a question or a condition.
_NOTICE = compile_pattern(
    r"契約が(?:締結|成立)(?:され|し|いたし)?(?:まし)?た(?![らか])|仮払い?(?:が|の手続きが)?完了(?:しまし|いたしまし)?た(?![らか])"
    r"|仮払いされました(?![らか])"
)
# A party saying the contract is made. Past tense only: 「契約しましたら」「契約しましたか」 are not.
_STATEMENT = compile_pattern(
    r"(?:契約|発注)(?:を|が|の)?(?:締結|成立|完了|承認|確定|手続き)?(?:を)?(?:いたし|致し|し|させていただき|させて頂き)ました(?![らか])"
    r"|仮払い?(?:を|が|の)?(?:手続き)?(?:を)?(?:いたし|致し|し|完了し|完了いたし|済ませ|行い|確認し|確認いたし|確認でき)ました(?![らか])"
)
_APPROVAL_REQUEST = compile_pattern(r"サービス外連絡(?:の)?申請")
_APPROVED = compile_pattern(r"承認(?:され|済|しました|いたしました|となり|が完了)")
_NOT_APPROVED = compile_pattern(r"非承認|未承認|不承認|否認|却下|承認されませんでした|承認できません|承認されていません")

# A message of unknown sender counts as a platform notice only when it is that short: a bare
# notice line the page's adapter could not attribute, not a party's message quoting one.
_MAX_UNATTRIBUTED_NOTICE = 40
_PARTIES = ("client", "worker")


@dataclass(frozen=True, slots=True)
class ThreadState:
    """The contract phase and the off-service approval at each message, and what the engine
    concludes for the thread (`contract_status` of the answer)."""
    phases: tuple[str, ...]
    approved: tuple[bool, ...]
    contract_status: str


def _is_platform_notice(message: dict) -> bool:
    sender = message.get("sender", "unknown")
    return sender == "system" or (sender == "unknown" and len(message["text"]) <= _MAX_UNATTRIBUTED_NOTICE)


def _windows(text: str) -> list[str]:
    """The normalised text around each contract word (overlapping windows joined)."""
    spans: list[list[int]] = []
    for match in _CONTRACT_WORDS.finditer(text):
        start, end = max(0, match.start() - _WINDOW), match.end() + _WINDOW
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [normalize(text[start:end]).text for start, end in spans]


Evidence = tuple[bool, bool, bool]
NO_EVIDENCE: Evidence = (False, False, False)


def message_evidence(message: dict) -> Evidence:
    """(platform contract notice, a party's contract statement, off-service approval notice)."""
    windows = _windows(message["text"])
    if not windows:
        return NO_EVIDENCE
    if _is_platform_notice(message):
        notice = any(_NOTICE.search(w) for w in windows)
        approved = any(_APPROVAL_REQUEST.search(w) and _APPROVED.search(w) and not _NOT_APPROVED.search(w)
                       for w in windows)
        return notice, False, approved
    statement = message.get("sender") in _PARTIES and any(_STATEMENT.search(w) for w in windows)
    return False, statement, False


def contract_states(messages: Sequence[dict], contract_status: str,
                    evidence: Callable[[dict], Evidence] = message_evidence) -> ThreadState:
    """The phase (`before_contract` or `contracted`) and the approval flag of every message.
    `evidence` is `message_evidence` or a cached version of it; it is asked only about messages
    with a contract word (most have none, and a search for the words is cheaper than a cache)."""
    contracted = contract_status == CONTRACTED
    # Only a page that does not say can be moved by the thread: before_contract from the page
    # stands whatever a message claims.
    movable = contract_status not in (BEFORE, CONTRACTED)
    approved = False
    stated_by: set[str] = set()
    phases: list[str] = []
    approvals: list[bool] = []
    has_word = _CONTRACT_WORDS.search
    for message in messages:
        notice, statement, approval = evidence(message) if has_word(message["text"]) else NO_EVIDENCE
        if notice and movable:
            contracted = True
        if statement and movable:
            stated_by.add(message["sender"])
            contracted = contracted or stated_by.issuperset(_PARTIES)
        approved = approved or approval
        phases.append(CONTRACTED if contracted else BEFORE)
        approvals.append(approved)
    concluded = CONTRACTED if contracted else contract_status
    return ThreadState(tuple(phases), tuple(approvals), concluded)


# --- client_reputation ------------------------------------------------------------------------

REPUTATION_FLOOR = 4.0
MIN_REVIEWS = 10
_RATINGS_THAT_COUNT = ("communication", "partnership")


def client_reputation(client: dict | None) -> bool | None:
    """True when the client's communication or partnership rating is below 4.0 or it has fewer
    than 10 reviews; False when the data shows neither; None when there is no data to judge."""
    if not client:
        return None
    ratings = client.get("ratings") or {}
    known = [ratings[name] for name in _RATINGS_THAT_COUNT if ratings.get(name) is not None]
    reviews = client.get("review_count")
    if not known and reviews is None:
        return None
    return any(value < REPUTATION_FLOOR for value in known) or (reviews is not None and reviews < MIN_REVIEWS)


# --- slow_reply -------------------------------------------------------------------------------

SLOW_REPLY = dt.timedelta(hours=24)


def slow_replies(messages: Sequence[dict]) -> list[str]:
    """Ids of client messages that answered a worker more than 24 hours late.

    The clock starts at the earliest worker message the client has not answered yet and stops at
    the client's next message. Times may be missing or out of order: in page order when the known
    times agree with it (a client message without a time still answers, unmeasured), otherwise in
    time order over the messages that have one.
    """
    times = [m.get("sent_at") for m in messages]
    known = [t for t in times if t is not None]
    in_order = all(map(operator.le, known, known[1:]))
    order = range(len(messages)) if in_order else sorted((i for i, t in enumerate(times) if t is not None),
                                                         key=times.__getitem__)
    late: list[str] = []
    waiting_since: dt.datetime | None = None
    waiting = False
    for i in order:
        message = messages[i]
        sender, sent_at = message.get("sender"), message.get("sent_at")
        if sender == "worker" and not waiting:
            waiting, waiting_since = True, sent_at
        elif sender == "worker" and waiting_since is None:
            waiting_since = sent_at  # the first unanswered worker message had no time
        elif sender == "client" and waiting:
            if sent_at is not None and waiting_since is not None and sent_at - waiting_since > SLOW_REPLY:
                late.append(message["id"])
            waiting, waiting_since = False, None
    return late
