"""What the engine knows of the thread as a whole: the contract state at each message, CrowdWorks'
approval of an off-service contact request, and the two thread-level risks (RUBRIC.md).

- Contract state. `context.contract_status` says what the page shows, and the page is
  authoritative: `contracted` holds for the whole thread, and so does `before_contract` against
  any text a party could write (issue 9: a client can type 「契約が締結されました。」 in a message the
  page cannot attribute). When the page said `unknown`, the thread itself shows a contract: a
  platform notice (「契約が締結されました」「仮払いが完了しました」) moves every message from it on
  to `contracted`, and so does both sides clearly stating it (the client 「契約しました」, the
  worker 「契約を承認しました」). `unknown` counts as before a contract until then. A bare notice
  that the site reads as its own by structure (sender `system`, which the extension's adapter sets
  only from the platform's notice markup) moves a page's `before_contract` too: it is the
  platform's record of the contract made since (fifth session; every corpus writer labels the
  messages after it so).
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

BEFORE, CONTRACTED = "before_contract", "contracted"
PARTIES = ("client", "worker")

@dataclass(frozen=True, slots=True)
class ThreadState:
    """The contract phase and the off-service approval at each message, and what the engine
    concludes for the thread (`contract_status` of the answer)."""
    phases: tuple[str, ...]
    approved: tuple[bool, ...]
    contract_status: str


# --- contract evidence: what the site's notices and the parties' statements show ---------------

# (platform contract notice, a party's contract statement, off-service approval notice, the notice
# is the platform's own by structure and may move a page's before_contract)
Evidence = tuple[bool, bool, bool, bool]
NO_EVIDENCE: Evidence = (False, False, False, False)


class ContractEvidence(Protocol):
    """What one site's messages show of a contract (cwguard/site/crowdworks.py): `mentions` is a
    cheap look for contract words in the raw text; `read` gives (platform contract notice, a
    party's contract statement, off-service approval notice, whether the notice is the platform's
    own by structure) and is asked only about messages that mention one."""

    def mentions(self, text: str) -> bool: ...

    def read(self, message: dict) -> Evidence: ...


def contract_states(messages: Sequence[dict], contract_status: str, evidence: ContractEvidence,
                    read: Callable[[dict], Evidence] | None = None) -> ThreadState:
    """The phase (`before_contract` or `contracted`) and the approval flag of every message.
    `read` is `evidence.read` or a cached version of it; it is asked only about messages with a
    contract word (most have none, and a search for the words is cheaper than a cache)."""
    read = read or evidence.read
    contracted = contract_status == CONTRACTED
    # Only a page that does not say can be moved by what a message claims: before_contract from the
    # page stands against any party's or unattributed text. A notice the site reads as its own by
    # structure (a bare notice the page's notice markup gave, sender `system`) is the platform's
    # record of the contract, and moves it too.
    movable = contract_status not in (BEFORE, CONTRACTED)
    overridable = contract_status == BEFORE
    approved = False
    stated_by: set[str] = set()
    phases: list[str] = []
    approvals: list[bool] = []
    has_word = evidence.mentions
    for message in messages:
        notice, statement, approval, structural = read(message) if has_word(message["text"]) else NO_EVIDENCE
        if notice and (movable or (overridable and structural)):
            contracted = True
        if statement and movable:
            stated_by.add(message["sender"])
            contracted = contracted or stated_by.issuperset(PARTIES)
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
