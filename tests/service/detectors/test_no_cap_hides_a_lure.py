"""Issue 9, "no cap hides a lure": the hits reported are capped, never the candidates examined.

Each detector used to read only the first 64 candidates of a pattern (`_channels.MAX_CANDIDATES`,
`_cues.MAX_CANDIDATES_PER_RULE`), so 64 harmless 「LINE広告の運用、」 before 「詳細はLINEでお伝え
します」 scored `none`. Here N decoys of a family precede one lure, for N from none to as many as
the per-message limit (20,000 characters) holds: the lure is found every time, and the work,
counted in Python calls (never timed), grows linearly with N.
"""
from __future__ import annotations

import pytest
from _kit import python_calls

import cwguard
from cwguard import pipeline
from cwguard.engine import scoring
from cwguard.engine.normalize import normalize
from cwguard.schemas import load_request

MESSAGE_LIMIT = 20_000  # characters per message (README, "Limits and errors")

# (decoy, lure, category, the words of the lure a highlight must cover)
FAMILIES = [
    ("LINE広告の運用、", "詳細はLINEでお伝えします", "off_platform_contact", "LINE"),
    ("Zoomの使い方マニュアル、", "一度Zoomで面談させてください", "off_platform_contact", "Zoom"),
    ("品番は090-4471-2356です。", "担当直通：090-2468-1357", "contact_details", "090-2468-1357"),
    ("本人確認書類の提出は不要です。", "本人確認書類を送ってください", "personal_info", "本人確認書類"),
    ("契約後、一度事務所にお越しいただく予定です。", "一度事務所にお越しください", "in_person_meeting", "事務所にお越し"),
    ("初期費用は弊社が負担します。", "登録料3万円をお支払いください", "upfront_payment", "登録料3万円"),
]


def decoyed(decoy: str, lure: str, n: int) -> str:
    return decoy * n + lure


def most(decoy: str, lure: str) -> int:
    return (MESSAGE_LIMIT - len(lure)) // len(decoy)


def score(text: str, detection: str = "rules") -> dict:
    """The answer for one client message before a contract, validated like a request (so the
    per-message limit holds), scored by the rules (what the detectors find; the model's fusion is
    tested in tests/service/test_model.py)."""
    scoring.clear_cache()
    request = load_request({"messages": [{"id": "m1", "sender": "client", "text": text}],
                            "context": {"contract_status": "before_contract"}})
    return pipeline.score_request(request, detection=detection)


@pytest.mark.parametrize("decoy, lure, category, words", FAMILIES, ids=[f[2] + ":" + f[0][:6] for f in FAMILIES])
def test_a_lure_after_any_number_of_decoys_is_found(decoy, lure, category, words):
    for n in sorted(n for n in {0, 1, 63, 64, 65, 70, 200, 1000, most(decoy, lure)} if n <= most(decoy, lure)):
        text = decoyed(decoy, lure, n)
        assert len(text) <= MESSAGE_LIMIT
        answer = score(text)
        lure_start = len(decoy) * n
        found = [h for h in answer["highlights"] if h["category"] == category]
        assert any(h["start"] >= lure_start and words in h["text"] for h in found), (n, found[-3:])
        assert answer["risk"]["level"] in ("medium", "high"), n


def test_the_issue_9_text_of_70_decoys_is_high():
    text = decoyed("LINE広告の運用、", "詳細はLINEでお伝えします", 70)
    assert score(text)["risk"]["level"] == "high"
    fused = cwguard.score({"messages": [{"id": "m1", "sender": "client", "text": text}],
                           "context": {"contract_status": "before_contract"}})
    assert fused["risk"]["level"] == "high"


def test_a_message_over_the_limit_is_refused_not_read_in_part():
    from cwguard.errors import InputError
    with pytest.raises(InputError):
        score("LINE広告の運用、" * 2001)


def calls_to_read(text: str) -> int:
    """Python calls made while every detector reads one message (normalisation included): a count,
    the same on a busy machine, unlike a clock."""
    message = {"id": "m1", "sender": "client", "text": text}
    scoring._run_detectors({"id": "m1", "sender": "client", "text": text[:50]}, "before_contract", False)  # warm
    return python_calls(lambda: scoring._run_detectors(message, "before_contract", False))[0]


@pytest.mark.parametrize("decoy, lure, category, words", FAMILIES, ids=[f[2] + ":" + f[0][:6] for f in FAMILIES])
def test_the_work_grows_linearly_with_the_decoys(decoy, lure, category, words):
    top = most(decoy, lure)
    small, half, full = (calls_to_read(decoyed(decoy, lure, n)) for n in (top // 4, top // 2, top))
    # doubling the decoys at most doubles the work (plus a fixed part): quadratic would show as 4
    assert half <= 2.2 * small, (small, half)
    assert full <= 2.2 * half, (half, full)
    # and every decoy is examined: the work does grow (a cap on candidates would flatten it)
    assert full >= 1.5 * half, (half, full)


def test_the_decoys_are_candidates_the_detectors_reject():
    """The families' decoys alone give no highlight of their category: they test the candidates
    examined, not hits."""
    for decoy, _, category, _ in FAMILIES:
        answer = score(decoy * 100)
        assert not [h for h in answer["highlights"] if h["category"] == category], decoy


def test_normalisation_is_not_the_work_measured():
    # the decoys take the fast path of normalisation (no offset map): what grows is the detectors'
    assert normalize("LINE広告の運用、" * 10).starts is None
