"""What a detector is, what it sees and what it reports.

A detector is one file under `cwguard/detectors/`: term lists and patterns as data, a little
reasoning in code, a `DETECTOR` instance, and `EXAMPLES` that the convention test runs
(tests/service/test_conventions.py). Detectors read the normalised text only and report spans of
it; the engine maps them back to the original text and decides severities and the thread level.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar, Literal

import regex

from .normalize import NormalizedText, fold_pattern

Sender = Literal["client", "worker", "system", "unknown"]
Phase = Literal["before_contract", "contracted"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One named pattern of a detector, with the evidence of why it exists.

    - `id`: unique within its detector, snake_case; code that treats a rule apart names it by id
      (`Detector.rule_ids`), never by its position or its reason text.
    - `examples`: messages the *detector* must flag (read as `sender` at `phase`), and
      `counter_examples`: look-alikes it must pass; tests/service/test_conventions.py runs both
      through the detector, and checks that the pattern matches each example.
    - `lang`: the language of the words (`en` rules are skipped on text without Latin letters).
    - `reason`: the family or corpus message that motivated it.

    A detector that needs more per-rule facts subclasses Rule with explicit fields.
    """
    id: str
    pattern: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...] = ()
    lang: Literal["ja", "en", "any"] = "ja"
    reason: str = ""
    sender: Sender = "client"
    phase: Phase = "before_contract"

    def compile(self) -> regex.Pattern:
        return compile_pattern(self.pattern)

    @classmethod
    def from_pair(cls, id: str, pattern_and_example: tuple[str, str], **fields) -> Rule:
        """A rule whose pattern comes from a vocabulary file with the example it documents."""
        pattern, example = pattern_and_example
        return cls(id=id, pattern=pattern, examples=(example,), **fields)


def compile_pattern(pattern: str) -> regex.Pattern:
    return regex.compile(fold_pattern(pattern), regex.IGNORECASE | regex.VERSION1)


def prefilter_term(term: str) -> str:
    """A term as the pre-filter looks for it in `normalised_text.casefold()`: folded like a
    pattern, then case-folded. `casefold` (not `lower`) because the detectors compile their
    patterns with IGNORECASE, which in `regex` VERSION1 folds fully (「ss」 matches 「ß」): a term
    the detector's own matching finds must be a substring here too."""
    return fold_pattern(term).casefold()


def compile_rules(rules: Iterable[Rule]) -> regex.Pattern:
    """One alternation of many rules (one scan per message instead of one per rule)."""
    return compile_pattern("|".join(f"(?:{r.pattern})" for r in rules))


@dataclass(frozen=True, slots=True)
class MessageView:
    """One message as a detector sees it."""
    id: str
    sender: Sender
    norm: NormalizedText
    phase: Phase                      # contract state at this message
    off_service_approved: bool = False  # CrowdWorks approved サービス外連絡申請 earlier in the thread
    # Set by the engine for a `terms_required` detector whose terms its shared pre-filter found
    # in this message: the detector may skip its own look for them (one scan per message, not one
    # per detector). False when a detector is called alone (tests, the benchmark's stages).
    terms_found: bool = False

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def contact_allowed(self) -> bool:
        """Contact exchange is allowed here (a contract, or an approved サービス外連絡申請): a contact
        hit is then a risk only if it survives the contract (`Hit.survives_contract`)."""
        return self.phase == "contracted" or self.off_service_approved


@dataclass(frozen=True, slots=True)
class Hit:
    """A span of the normalised text that carries a risk category or a mitigating signal.

    `survives_contract`: for the contact categories (off_platform_contact, contact_details,
    external_site), True when the rubric keeps the hit a risk after a contract (an invitation the
    contracted work does not need: side business, "more jobs", points; joining outside as a
    condition of being accepted or paid).
    """
    category: str
    start: int
    end: int
    detector: str
    survives_contract: bool = False


@dataclass(frozen=True)
class Examples:
    """Texts for the convention test: each positive is a client message before a contract that
    must yield a hit of the detector's category; each negative must yield none."""
    positive: tuple[str, ...]
    negative: tuple[str, ...]
    # Optional: client messages after a contract that must still yield a hit (or must not).
    positive_after_contract: tuple[str, ...] = ()
    negative_after_contract: tuple[str, ...] = ()


class Detector:
    """Base class: subclasses set `name`, `category`, `kind` and implement `detect`."""
    name: ClassVar[str]
    category: ClassVar[str]
    kind: ClassVar[Literal["risk", "signal"]] = "risk"
    examples: ClassVar[Examples]
    rules: ClassVar[tuple[Rule, ...]] = ()
    # Literal terms a cheap pre-filter can look for (also the benchmark's floor), written like
    # patterns (natural Japanese, any case); `prefilter_term` is how the pre-filter reads them.
    terms: ClassVar[tuple[str, ...]] = ()
    # True promises that detect() can only return a hit if one of `terms` occurs in the
    # normalised text (as `prefilter_term` compares them). The engine then runs the detector only on
    # messages where its shared pre-filter found one of them; tests/service/test_prefilter.py
    # checks the promise on every corpus message, example and thousands of generated texts.
    # Leave it False when a hit can come without a term (contact detectors read L🌟I🌟N🌟E).
    terms_required: ClassVar[bool] = False

    def detect(self, msg: MessageView) -> Iterable[Hit]:
        raise NotImplementedError

    def hit(self, start: int, end: int, **kw) -> Hit:
        return Hit(self.category, start, end, self.name, **kw)


@dataclass(frozen=True, slots=True)
class ThreadFacts:
    """What the engine knows of the whole thread (for thread-level rules)."""
    contract_status_in: str
    client: dict = field(default_factory=dict)
