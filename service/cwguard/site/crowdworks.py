"""CrowdWorks: the site's own names and notices, kept out of the language-neutral engine.

- `PLATFORM_NAMES`: how people write the platform's name (for the detectors that read "around the
  platform" and "through the platform").
- `EVIDENCE`: what CrowdWorks' messages show of a contract: the platform's notices
  (「契約が締結されました」「仮払いが完了しました」), a party stating it, and the approval of a
  サービス外連絡申請 (engine/thread.py `ContractEvidence`).
"""
from __future__ import annotations

import re

from ..engine.detector import compile_pattern
from ..engine.normalize import normalize
from ..engine.thread import NO_EVIDENCE, PARTIES, Evidence

# CrowdWorks by name (NFKC and lower case already applied to the text). 「CW」 only as a word.
PLATFORM_NAMES = r"(?:クラウドワークス|クラウド・ワークス|クラウド ワークス|crowd ?works|クラワ|(?<![a-z])cw(?![a-z]))"

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


# A system message this short holding a notice and no link or handle is the platform's bare notice:
# it may move a page's before_contract (engine/thread.py). A longer "system" message, or one that
# carries a link or a handle, is read like a party's (RUBRIC.md v2).
_MAX_BARE_NOTICE = 60
_LINK_OR_HANDLE = re.compile(r"https?://|www\.|@|[A-Za-z0-9_]{6,}")


def _is_bare_system_notice(message: dict) -> bool:
    text = message["text"]
    return (message.get("sender") == "system" and len(text.strip()) <= _MAX_BARE_NOTICE
            and _LINK_OR_HANDLE.search(text) is None)


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




def message_evidence(message: dict) -> Evidence:
    """(platform contract notice, a party's contract statement, off-service approval notice, the
    notice is the platform's bare notice by structure)."""
    windows = _windows(message["text"])
    if not windows:
        return NO_EVIDENCE
    if _is_platform_notice(message):
        notice = any(_NOTICE.search(w) for w in windows)
        approved = any(_APPROVAL_REQUEST.search(w) and _APPROVED.search(w) and not _NOT_APPROVED.search(w)
                       for w in windows)
        return notice, False, approved, notice and _is_bare_system_notice(message)
    statement = message.get("sender") in PARTIES and any(_STATEMENT.search(w) for w in windows)
    return False, statement, False, False


class CrowdWorksEvidence:
    """`engine.thread.ContractEvidence` for CrowdWorks threads."""

    @staticmethod
    def mentions(text: str) -> bool:
        return _CONTRACT_WORDS.search(text) is not None

    @staticmethod
    def read(message: dict) -> Evidence:
        return message_evidence(message)


EVIDENCE = CrowdWorksEvidence()
