"""The one category table: every category the engine knows, with its severity, its contract-phase
policy, what a mitigating signal may lower, who may raise it, and the key of its texts.

RUBRIC.md is the source. Everything else derives from this table (`scoring` reads the derived
sets), and `tests/service/test_categories.py` checks it against the detectors' registry and the
texts, so a category can never be added on one side and silently dropped on the other.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["risk", "signal", "thread"]
# Where a risk sits in RUBRIC.md's "Thread risk level": a contact category (high before a contract
# unless lowered, info after it), one that makes any thread high, one that makes it medium, or one
# that alone makes it low.
Tier = Literal["contact", "high", "medium", "low", "none"]


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    kind: Kind
    severity: str                               # before a contract (signals: info)
    tier: Tier = "none"
    after_contract: Literal["info", "keep"] = "keep"  # contact categories become info after a contract
    lowers: frozenset[str] = frozenset()        # signals: the risk categories they may lower
    system_untrusted: bool = False              # counted even when a "system" sender carries it
    text_key: str = ""                          # key in texts.TEXTS (the name when empty)
    # what a later message of the same sender continues it with (a key of `Components.follow_ups`):
    # 「事務所で面談を」 then 「五反田駅東口から徒歩3分です」 alone is the same request
    continued_by: str = ""
    # other categories whose request the follow-up continues too: 「登録料5,000円です」 (upfront_payment),
    # then 「すぐ回収できますよ」 alone is the easy money that sells it (unrealistic_offer)
    continues: frozenset[str] = frozenset()

    @property
    def texts(self) -> str:
        return self.text_key or self.name


_CONTACT = frozenset({"off_platform_contact", "contact_details", "external_site"})

TABLE: tuple[Category, ...] = (
    # 「続きはそちらで」 after an ID, a handle or a link of the same sender continues the move
    Category("off_platform_contact", "risk", "high", "contact", "info", system_untrusted=True, continued_by="there",
             continues=frozenset({"contact_details", "external_site"})),
    Category("contact_details", "risk", "high", "contact", "info", system_untrusted=True),
    Category("external_site", "risk", "high", "contact", "info", system_untrusted=True),
    Category("direct_deal", "risk", "high", "high", system_untrusted=True, continued_by="means"),
    Category("upfront_payment", "risk", "high", "high", system_untrusted=True),
    Category("personal_info", "risk", "high", "high", system_untrusted=True, continued_by="detail"),
    Category("in_person_meeting", "risk", "medium", "medium", continued_by="place"),
    Category("work_before_escrow", "risk", "medium", "medium"),
    Category("unrealistic_offer", "risk", "low", "low", continued_by="payback", continues=frozenset({"upfront_payment"})),
    Category("pressure", "risk", "low", "low"),
    # RUBRIC.md v2: a claim of permission lowers all three contact categories; "the contract is on
    # CrowdWorks" only talk of meeting or chatting elsewhere.
    Category("secretariat_permission", "signal", "info", lowers=_CONTACT),
    Category("bizmatch", "signal", "info", lowers=_CONTACT),
    Category("platform_contract", "signal", "info", lowers=frozenset({"off_platform_contact"})),
    Category("client_reputation", "thread", "low", "low"),
    Category("slow_reply", "thread", "low", "low"),
)
BY_NAME = {c.name: c for c in TABLE}


def names(kind: Kind | None = None, tier: Tier | None = None) -> frozenset[str]:
    return frozenset(c.name for c in TABLE if (kind is None or c.kind == kind) and (tier is None or c.tier == tier))


RISKS = names("risk")
SIGNALS = names("signal")
THREAD = names("thread")
CONTACT = names("risk", "contact")
ALWAYS_HIGH = names("risk", "high")
MEDIUM_ALONE = names("risk", "medium")
LOW_ALONE = names("risk", "low")
CONTINUED_BY = {c.name: c.continued_by for c in TABLE if c.continued_by}
# per category, the categories of a sender's earlier finding that a follow-up of it continues
CONTINUES = {c.name: c.continues | {c.name} for c in TABLE if c.continued_by}
BASE_SEVERITY = {c.name: c.severity for c in TABLE if c.kind == "risk"}
THREAD_SEVERITY = {c.name: c.severity for c in TABLE if c.kind == "thread"}
SYSTEM_UNTRUSTED = frozenset(c.name for c in TABLE if c.system_untrusted)
# Signals in the order a lowered warning names them (the strongest claim first).
LOWERS = {c.name: c.lowers for c in TABLE if c.kind == "signal" and c.lowers}


class UnknownCategory(ValueError):
    """A detector reports a category the table does not hold (it would be silently dropped)."""


def check_registry(detectors) -> None:
    """Every detector's category is in the table with the detector's kind."""
    wrong = [f"{d.name}: {d.category} ({d.kind})" for d in detectors
             if d.category not in BY_NAME or BY_NAME[d.category].kind != d.kind]
    if wrong:
        raise UnknownCategory("categories missing from engine/categories.py: " + ", ".join(wrong))
