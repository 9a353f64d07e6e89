"""The engine: the rubric (phases, signals, severities, thread level, score), warnings and
highlights (UTF-16 offsets), the per-message cache, and its cost.

Rubric tests run the engine with small fake detectors that flag a literal token (「[OPC]」 for
off_platform_contact, …) and without the model, so they test the engine's rules whatever the real
detectors or the model do (tests/service/test_model.py tests the fusion). A few tests at the end
run the real detectors.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest

from cwguard import pipeline, schemas
from cwguard.engine import scoring
from cwguard.engine.detector import Detector, Examples, MessageView
from cwguard.model import runtime
from support.offset_texts import OFFSET_TEXTS

JST = dt.timezone(dt.timedelta(hours=9))
TOKENS = {
    "[OPC]": ("off_platform_contact", "risk"), "[CD]": ("contact_details", "risk"), "[EXT]": ("external_site", "risk"),
    "[DD]": ("direct_deal", "risk"), "[MEET]": ("in_person_meeting", "risk"), "[WBE]": ("work_before_escrow", "risk"),
    "[PAY]": ("upfront_payment", "risk"), "[ID]": ("personal_info", "risk"), "[EASY]": ("unrealistic_offer", "risk"),
    "[RUSH]": ("pressure", "risk"), "[PC]": ("platform_contract", "signal"),
    "[SP]": ("secretariat_permission", "signal"), "[BIZ]": ("bizmatch", "signal"),
}
SURVIVES = "[GROUP]"  # makes the contact hits of its message survive the contract


class TokenDetector(Detector):
    """Flags every occurrence of one token; counts the messages it reads."""

    def __init__(self, token: str, category: str, kind: str):
        self.token, self.category, self.kind, self.name = token.lower(), category, kind, f"fake_{category}"
        self.examples = Examples((), ())
        self.calls = 0

    def detect(self, msg: MessageView):
        self.calls += 1
        survives = SURVIVES.lower() in msg.text
        start = msg.text.find(self.token)
        while start >= 0:
            yield self.hit(start, start + len(self.token), survives_contract=survives)
            start = msg.text.find(self.token, start + 1)


class BrokenDetector(Detector):
    name, category, kind = "broken", "pressure", "risk"
    examples = Examples((), ())

    def detect(self, msg: MessageView):
        raise RuntimeError("boom " + msg.text)


@pytest.fixture
def fakes(monkeypatch):
    """The engine with the token detectors instead of the real ones (cache emptied around)."""
    found = tuple(TokenDetector(token, category, kind) for token, (category, kind) in TOKENS.items())
    monkeypatch.setattr(scoring, "detectors", lambda: found)
    rules_alone()
    yield found
    runtime.reset()
    scoring.clear_cache()


@pytest.fixture(autouse=True)
def _rules_alone():
    """Every test here runs the rules without the model."""
    rules_alone()
    yield
    runtime.reset()
    scoring.clear_cache()


def rules_alone() -> None:
    """The engine without the model (and with empty caches)."""
    runtime.reset(runtime.Loaded(None, "none", "disabled"))
    scoring.clear_cache()


@pytest.fixture
def real():
    scoring.clear_cache()
    yield
    scoring.clear_cache()


def request(*rows, status="before_contract", client=None, lang="ja") -> dict:
    """A validated request; rows are (sender, text) or (sender, text, hours after a fixed start)."""
    messages = []
    for i, row in enumerate(rows, 1):
        sender, text, *hours = row
        sent_at = dt.datetime(2026, 3, 2, 10, tzinfo=JST) + dt.timedelta(hours=hours[0]) if hours else None
        messages.append({"id": f"m{i}", "sender": sender, "sent_at": sent_at, "text": text})
    return {"messages": messages, "context": {"contract_status": status, "client": client, "page_url": None},
            "lang": lang}


def score(*rows, **kw) -> dict:
    return pipeline.score_request(request(*rows, **kw))


def warning(answer: dict, category: str) -> dict:
    matches = [w for w in answer["warnings"] if w["category"] == category]
    assert len(matches) == 1, (category, answer["warnings"])
    return matches[0]


def utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le", "surrogatepass")[2 * start:2 * end].decode("utf-16-le", "surrogatepass")


def assert_highlights_are_js_slices(req: dict, answer: dict) -> None:
    texts = {m["id"]: m["text"] for m in req["messages"]}
    for h in answer["highlights"]:
        text = texts[h["message_id"]]
        assert 0 <= h["start"] < h["end"] <= len(text.encode("utf-16-le")) // 2
        assert h["text"] == utf16_slice(text, h["start"], h["end"])


# --- the answer's shape -----------------------------------------------------------------------

def test_the_answer_follows_the_response_schema(fakes):
    answer = score(("client", "[OPC] と [DD]"), ("worker", "はい"), ("client", "[PC]"),
                   client={"name": None, "ratings": {"communication": 3.0}, "review_count": 2})
    assert schemas.ScoreResponseSchema().validate(answer) == {}
    assert answer["engine"]["elapsed_ms"] >= 0 and answer["engine"]["version"]
    ids = [w["id"] for w in answer["warnings"]]
    assert len(ids) == len(set(ids))
    by_id = {w["id"]: w for w in answer["warnings"]}
    for h in answer["highlights"]:
        assert (by_id[h["warning_id"]]["category"], by_id[h["warning_id"]]["severity"]) == (h["category"], h["severity"])


def test_one_warning_per_category_and_severity_naming_every_message_in_order(fakes):
    answer = score(("client", "[RUSH]"), ("worker", "はい"), ("client", "[RUSH] [RUSH]"), ("client", "[RUSH]"))
    rush = warning(answer, "pressure")
    assert rush["message_ids"] == ["m1", "m3", "m4"]
    assert rush["kind"] == "risk" and rush["severity"] == "low"
    assert len([h for h in answer["highlights"] if h["category"] == "pressure"]) == 4


def test_warnings_come_strongest_first(fakes):
    answer = score(("client", "[RUSH]"), ("client", "[MEET]"), ("client", "[PC]"), ("client", "[ID]"))
    severities = [w["severity"] for w in answer["warnings"]]
    assert severities == sorted(severities, key=lambda s: -scoring.SEVERITY_RANK[s])
    assert answer["warnings"][0]["category"] == "personal_info"


def test_a_clean_thread(fakes):
    answer = score(("client", "よろしくお願いします"), ("worker", "こちらこそ"))
    assert answer["risk"] == {"level": "none", "score": 0}
    assert answer["warnings"] == [] and answer["highlights"] == []
    assert answer["contract_status"] == "before_contract"


# --- severities and the contract phase ---------------------------------------------------------

@pytest.mark.parametrize("token, severity", [
    ("[OPC]", "high"), ("[CD]", "high"), ("[EXT]", "high"), ("[DD]", "high"), ("[PAY]", "high"), ("[ID]", "high"),
    ("[MEET]", "medium"), ("[WBE]", "medium"), ("[EASY]", "low"), ("[RUSH]", "low"),
])
def test_severities_before_a_contract(fakes, token, severity):
    answer = score(("client", f"本文 {token}"))
    assert warning(answer, TOKENS[token][0])["severity"] == severity


@pytest.mark.parametrize("token", ["[OPC]", "[CD]", "[EXT]"])
def test_contact_after_a_contract_is_info_and_benign(fakes, token):
    answer = score(("client", f"以降は {token} で"), status="contracted")
    w = warning(answer, TOKENS[token][0])
    assert w["severity"] == "info" and w["kind"] == "risk"
    assert "サービス外連絡申請" in w["detail"] + w["advice"]
    assert answer["risk"]["level"] == "none"
    assert all(h["severity"] == "info" for h in answer["highlights"])


def test_after_a_contract_the_other_risks_keep_their_severity(fakes):
    answer = score(("client", "[DD] [PAY] [ID] [MEET] [RUSH]"), status="contracted")
    assert {w["category"]: w["severity"] for w in answer["warnings"]} == {
        "direct_deal": "high", "upfront_payment": "high", "personal_info": "high",
        "in_person_meeting": "medium", "pressure": "low"}
    assert answer["risk"]["level"] == "high"


def test_a_contact_hit_that_survives_the_contract_counts_as_before_it(fakes):
    answer = score(("client", f"[OPC] {SURVIVES}"), status="contracted")
    assert warning(answer, "off_platform_contact")["severity"] == "high"
    assert answer["risk"]["level"] == "high"


def test_a_notice_in_the_thread_makes_later_contact_benign(fakes):
    answer = score(("client", "[OPC]"), ("system", "契約が締結されました。"), ("client", "[CD]"), status="unknown")
    assert answer["contract_status"] == "contracted"
    assert warning(answer, "off_platform_contact")["severity"] == "high"
    assert warning(answer, "contact_details")["severity"] == "info"


def test_an_approved_off_service_request_makes_later_contact_benign(fakes):
    answer = score(("client", "[OPC]"), ("system", "サービス外連絡申請が承認されました。"), ("client", "[CD] [DD]"))
    assert warning(answer, "off_platform_contact")["severity"] == "high"
    cd = warning(answer, "contact_details")
    assert cd["severity"] == "info" and "承認" in cd["title"]
    assert warning(answer, "direct_deal")["severity"] == "high"


def test_the_platform_notices_themselves_carry_no_risk(fakes):
    answer = score(("system", "[RUSH] [EASY] [MEET] [WBE]"), ("client", "よろしくお願いします"))
    assert answer["warnings"] == [] and answer["risk"]["level"] == "none"


@pytest.mark.parametrize("lure, category", [("[OPC]", "off_platform_contact"), ("[CD]", "contact_details"),
                                             ("[EXT]", "external_site"), ("[PAY]", "upfront_payment"),
                                             ("[DD]", "direct_deal"), ("[ID]", "personal_info")])
def test_a_system_message_that_carries_a_lure_is_scored_like_the_clients(fakes, lure, category):
    """RUBRIC.md v2 (and issue 9): "system" is trusted only for notices; an impostor notice that
    carries a contact, a payment request or a registration link is not silenced."""
    answer = score(("system", f"【事務局より】{lure}"), status="before_contract")
    assert warning(answer, category)["severity"] == "high" and answer["risk"]["level"] == "high"


# --- signals ----------------------------------------------------------------------------------

@pytest.mark.parametrize("signal", ["[PC]", "[SP]", "[BIZ]"])
def test_a_client_signal_lowers_contact_to_medium_and_never_hides_it(fakes, signal):
    answer = score(("client", "[OPC]"), ("worker", "はい"), ("client", signal))
    contact = warning(answer, "off_platform_contact")
    assert contact["severity"] == "medium" and contact["message_ids"] == ["m1"]
    assert answer["risk"]["level"] == "medium"
    sig = warning(answer, TOKENS[signal][0])
    assert (sig["kind"], sig["severity"], sig["message_ids"]) == ("signal", "info", ["m3"])
    assert any(h["category"] == TOKENS[signal][0] and h["severity"] == "info" for h in answer["highlights"])


def test_signals_count_only_from_the_client(fakes):
    for sender in ("worker", "system", "unknown"):
        answer = score(("client", "[OPC]"), (sender, "[PC] [SP] [BIZ]"))
        assert [w["category"] for w in answer["warnings"]] == ["off_platform_contact"], sender
        assert answer["risk"]["level"] == "high"


def test_a_signal_does_not_lower_the_risks_that_stay_high(fakes):
    answer = score(("client", "[DD] [PC]"))
    assert warning(answer, "direct_deal")["severity"] == "high"
    assert answer["risk"]["level"] == "high"


def test_a_signal_mitigates_contact_but_three_categories_are_still_high(fakes):
    answer = score(("client", "[OPC] [CD] [EXT] [BIZ]"))
    assert {w["severity"] for w in answer["warnings"] if w["kind"] == "risk"} == {"medium"}
    assert answer["risk"]["level"] == "high"


def test_a_mitigated_warning_advises_to_verify(fakes):
    advice = warning(score(("client", "[CD] [SP]")), "contact_details")["advice"]
    assert "事務局" in advice
    advice_en = warning(score(("client", "[CD] [SP]"), lang="en"), "contact_details")["advice"]
    assert "secretariat" in advice_en


@pytest.mark.parametrize("signal, ja_title, en_advice", [
    ("[SP]", "事務局の許可", "secretariat"),
    ("[BIZ]", "ビズマッチ", "BizMatch"),
    ("[PC]", "クラウドワークスで", "escrow"),
])
def test_a_lowered_warning_names_the_signal_seen(fakes, signal, ja_title, en_advice):
    """RUBRIC.md v2: the title and advice name the signal actually seen, never a generic one."""
    ja = warning(score(("client", f"[OPC] {signal}")), "off_platform_contact")
    en = warning(score(("client", f"[OPC] {signal}"), lang="en"), "off_platform_contact")
    assert ja["severity"] == "medium" and ja_title in ja["title"] and en_advice in en["advice"]
    others = {"[SP]": "許可", "[BIZ]": "ビズマッチ", "[PC]": "契約と支払い"}
    assert all(word not in ja["title"] for s, word in others.items() if s != signal)


# --- the thread level -------------------------------------------------------------------------

LOW_REPUTATION = {"name": None, "ratings": {"communication": 3.1}, "review_count": 40}


@pytest.mark.parametrize("rows, kw, level", [
    ([("client", "[DD]")], {}, "high"),
    ([("client", "[PAY]")], {}, "high"),
    ([("client", "[ID]")], {}, "high"),
    ([("client", "[OPC]")], {}, "high"),
    # RUBRIC.md v2: "the contract is on CrowdWorks" lowers only talk of meeting elsewhere;
    # a claim of permission lowers all three contact categories; nothing lowers scam apps
    ([("client", "[EXT]"), ("client", "[PC]")], {}, "high"),
    ([("client", "[CD]"), ("client", "[PC]")], {}, "high"),
    ([("client", "[OPC]"), ("client", "[PC]")], {}, "medium"),
    ([("client", "[EXT]"), ("client", "[SP]")], {}, "medium"),
    ([("client", "[CD] [BIZ]")], {}, "medium"),
    ([("client", "[OPC] telegram"), ("client", "[SP]")], {}, "high"),
    ([("client", "[OPC] ＷｈａｔｓＡｐｐ [BIZ]")], {}, "high"),
    ([("client", "[OPC] オープンチャット [SP]")], {}, "high"),
    ([("client", "[MEET]")], {}, "medium"),
    ([("client", "[WBE]")], {}, "medium"),
    ([("client", "[MEET] [EASY] [RUSH]")], {}, "high"),  # three distinct categories
    ([("client", "[EASY]")], {"client": LOW_REPUTATION}, "medium"),
    ([("client", "[RUSH]")], {"client": LOW_REPUTATION}, "medium"),
    ([("client", "[EASY] [RUSH]")], {}, "low"),
    ([("client", "よろしく")], {"client": LOW_REPUTATION}, "low"),
    ([("worker", "質問です", 0), ("client", "回答です", 30)], {}, "low"),
    ([("client", "[OPC]")], {"status": "contracted"}, "none"),
    ([("client", "[OPC]"), ("client", "[MEET]")], {"status": "contracted", "client": LOW_REPUTATION}, "medium"),
])
def test_thread_level(fakes, rows, kw, level):
    answer = score(*rows, **kw)
    assert answer["risk"]["level"] == level
    low, high = scoring.SCORE_BANDS[level]
    assert low <= answer["risk"]["score"] <= high


def test_info_contact_is_not_one_of_three_categories(fakes):
    answer = score(("client", "[OPC] [CD] [RUSH]"), status="contracted")
    assert answer["risk"]["level"] == "low"


def test_score_bands_match_the_architecture():
    architecture = {"none": (0, 0), "low": (1, 39), "medium": (40, 69), "high": (70, 100)}
    for level, (floor, ceiling) in architecture.items():
        low, high = scoring.SCORE_BANDS[level]
        assert floor <= low <= high <= ceiling, level
    assert scoring.SCORE_BANDS["high"][1] == 100


def test_more_evidence_scores_higher_within_a_level(fakes):
    one = score(("client", "[DD]"))["risk"]
    many = score(("client", "[DD] [PAY] [ID] [OPC] [MEET] [RUSH]"))["risk"]
    assert one["level"] == many["level"] == "high"
    assert 70 <= one["score"] < many["score"] <= 100


def test_thread_level_warnings(fakes):
    answer = score(("worker", "質問です", 0), ("client", "回答です", 30), client=LOW_REPUTATION)
    assert warning(answer, "slow_reply")["message_ids"] == ["m2"]
    assert warning(answer, "slow_reply")["severity"] == "low"
    assert warning(answer, "client_reputation")["severity"] == "low"
    assert answer["highlights"] == []


# --- highlights -------------------------------------------------------------------------------

class SpanDetector(Detector):
    """Reports fixed spans of the normalised text (to test merging)."""

    def __init__(self, category: str, spans: list[tuple[int, int]]):
        self.category, self.name, self.kind, self.spans = category, f"spans_{category}", "risk", spans
        self.examples = Examples((), ())

    def detect(self, msg):
        for start, end in self.spans:
            yield self.hit(start, end)


def test_overlapping_highlights_of_one_category_merge(monkeypatch):
    found = (SpanDetector("off_platform_contact", [(0, 4), (2, 8), (20, 22)]),
             SpanDetector("contact_details", [(3, 6)]))
    monkeypatch.setattr(scoring, "detectors", lambda: found)
    pipeline.ensure()
    whole = dataclasses.replace(scoring.components(), word_bounds=lambda text, start, end: (start, end))
    monkeypatch.setattr(scoring, "_components", whole)  # merging alone
    scoring.clear_cache()
    text = "abcdefghijklmnopqrstuvwxyz"
    answer = score(("client", text))
    scoring.clear_cache()
    spans = sorted((h["category"], h["start"], h["end"], h["text"]) for h in answer["highlights"])
    assert spans == [("contact_details", 3, 6, "def"), ("off_platform_contact", 0, 8, "abcdefgh"),
                     ("off_platform_contact", 20, 22, "uv")]


@pytest.mark.parametrize("prefix, shift", [("", 0), ("😀", 2), ("𠮷", 2), ("😀𠮷", 4), ("👨‍👩‍👧", 8), ("e\u0301", 2), ("ｶﾞ", 2)])
def test_characters_before_a_keyword_shift_highlights_by_their_utf16_length(fakes, prefix, shift):
    req = request(("client", prefix + "詳細は[OPC]で"))
    answer = pipeline.score_request(req)
    (h,) = answer["highlights"]
    assert (h["start"], h["end"], h["text"]) == (3 + shift, 8 + shift, "[OPC]")
    assert_highlights_are_js_slices(req, answer)


def test_highlights_are_slices_of_the_text_as_sent_when_normalisation_changes_lengths(fakes):
    req = request(("client", "ｶﾞ㈱\u200b𠮷 ［ＯＰＣ］ and ［ｄｄ］ e\u0301"))
    answer = pipeline.score_request(req)
    assert {h["text"] for h in answer["highlights"]} == {"［ＯＰＣ］", "［ｄｄ］"}
    assert_highlights_are_js_slices(req, answer)


# --- robustness -------------------------------------------------------------------------------

def test_a_broken_detector_does_not_take_the_other_warnings_away(monkeypatch, caplog):
    found = (BrokenDetector(), TokenDetector("[DD]", "direct_deal", "risk"))
    monkeypatch.setattr(scoring, "detectors", lambda: found)
    scoring.clear_cache()
    answer = score(("client", "秘密の本文 [DD]"))
    scoring.clear_cache()
    assert [w["category"] for w in answer["warnings"]] == ["direct_deal"]
    assert "broken" in caplog.text and "秘密の本文" not in caplog.text


# --- the shared pre-filter (tests/service/test_prefilter.py checks the real detectors) ---------

class GatedDetector(TokenDetector):
    """A token detector that declares its token a necessary term; records what it was told."""
    terms_required = True

    def __init__(self, token: str, category: str, kind: str):
        super().__init__(token, category, kind)
        self.terms = (token,)
        self.told: list[bool] = []

    def detect(self, msg: MessageView):
        self.told.append(msg.terms_found)
        return super().detect(msg)


@pytest.fixture
def gated(monkeypatch):
    found = (GatedDetector("[DD]", "direct_deal", "risk"), GatedDetector("契約", "platform_contract", "signal"),
             TokenDetector("[OPC]", "off_platform_contact", "risk"))
    monkeypatch.setattr(scoring, "detectors", lambda: found)
    scoring.clear_cache()
    yield found
    scoring.clear_cache()


def test_a_detector_whose_terms_are_absent_is_not_run(gated):
    dd, pc, opc = gated
    answer = score(("client", "よろしくお願いします [OPC]"))
    assert (dd.calls, pc.calls, opc.calls) == (0, 0, 1)  # detectors without necessary terms always run
    assert [w["category"] for w in answer["warnings"]] == ["off_platform_contact"]


def test_a_detector_runs_when_one_of_its_terms_occurs_in_any_form(gated):
    dd, pc, opc = gated
    # Full width and in another's term: 「直接契約」 holds 「契約」.
    answer = score(("client", "［ＤＤ］で直接契約を"), ("worker", "[opc] のみ"))
    assert (dd.calls, pc.calls, opc.calls) == (1, 1, 2)
    assert dd.told == [True] and pc.told == [True]  # told that the engine found the terms
    assert {w["category"] for w in answer["warnings"]} == {"direct_deal", "platform_contract", "off_platform_contact"}


def test_a_required_detector_without_terms_always_runs(monkeypatch):
    empty = GatedDetector("[DD]", "direct_deal", "risk")
    empty.terms = ()
    monkeypatch.setattr(scoring, "detectors", lambda: (empty,))
    scoring.clear_cache()
    answer = score(("client", "[DD]"))
    scoring.clear_cache()
    assert empty.calls == 1 and empty.told == [False]
    assert warning(answer, "direct_deal")["severity"] == "high"


# --- the cache --------------------------------------------------------------------------------

def calls(found) -> int:
    return sum(d.calls for d in found)


def test_a_rescan_after_one_new_message_runs_the_detectors_on_that_message_only(fakes):
    rows = [("client" if i % 2 else "worker", f"メッセージ{i} [RUSH]") for i in range(200)]
    cold = score(*rows)
    cold_calls = calls(fakes)
    assert cold_calls == 200 * len(fakes)
    warm = score(*rows, ("client", "新しいメッセージ [OPC]"))
    # the new message, and the joined text of the short run it ends (m200 + m201, one sender)
    assert calls(fakes) - cold_calls == 2 * len(fakes)
    assert warning(warm, "pressure")["message_ids"] == warning(cold, "pressure")["message_ids"]
    assert warm["risk"]["level"] == "high"


def test_the_cache_key_holds_sender_and_phase(fakes):
    score(("client", "[OPC]"))
    before = calls(fakes)
    score(("worker", "[OPC]"))
    score(("client", "[OPC]"), status="contracted")
    score(("client", "[OPC]"), ("system", "サービス外連絡申請が承認されました。"), ("client", "[OPC]"))
    assert calls(fakes) - before == 4 * len(fakes)  # worker, contracted, the notice, the approved message


def test_the_cache_is_bounded_by_entries_and_characters():
    cache = scoring.FindingsCache(max_entries=3, max_chars=800)
    for i in range(5):
        cache.put((f"text {i}", "client", "before_contract", False), ())
    assert cache.info()["entries"] == 3
    assert cache.get(("text 0", "client", "before_contract", False)) is None
    assert cache.get(("text 4", "client", "before_contract", False)) == ()
    cache.put(("x" * 90, "client", "before_contract", False), ())
    cache.put(("y" * 90, "client", "before_contract", False), ())
    assert cache.info()["chars"] <= 800
    cache.put(("z" * 101, "client", "before_contract", False), ())  # over an eighth of the budget
    assert cache.get(("z" * 101, "client", "before_contract", False)) is None


def test_the_cache_evicts_the_least_recently_used():
    cache = scoring.FindingsCache(max_entries=2)
    a, b, c = ((t, "client", "before_contract", False) for t in "abc")
    cache.put(a, ())
    cache.put(b, ())
    cache.get(a)
    cache.put(c, ())
    assert cache.get(a) == () and cache.get(b) is None


def test_concurrent_scoring_gives_the_same_answers(real):
    rows = [("client", f"案件{i}です。詳細はLINEでお伝えします。初期費用3万円が必要です") for i in range(30)]
    expected = score(*rows)
    expected.pop("engine")
    scoring.clear_cache()
    answers, errors = [], []

    def work():
        try:
            for _ in range(5):
                answer = score(*rows)
                answer.pop("engine")
                answers.append(answer)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    workers = [threading.Thread(target=work) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert not errors and len(answers) == 20
    assert all(a == expected for a in answers)


# --- the real detectors -----------------------------------------------------------------------



@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_real_highlights_are_js_slices(real, text):
    req = request(("client", text), status="unknown")
    answer = pipeline.score_request(req)
    assert answer["highlights"]
    assert_highlights_are_js_slices(req, answer)


def test_real_emoji_before_a_keyword_does_not_shift_the_highlight(real):
    plain = score(("client", "詳細はLINEでお伝えします"))["highlights"]
    shifted = score(("client", "😀𠮷詳細はLINEでお伝えします"))["highlights"]
    assert [(h["start"] + 4, h["end"] + 4, h["text"]) for h in plain] == [
        (h["start"], h["end"], h["text"]) for h in shifted]
    assert any(h["text"] == "LINE" for h in shifted)


def test_real_thread_moves_to_contracted_with_the_notice(real):
    answer = score(("client", "よろしくお願いします"), ("system", "契約が締結されました。"),
                   ("client", "以降のやり取りはChatworkでお願いします"), status="unknown")
    assert answer["contract_status"] == "contracted"
    assert answer["risk"]["level"] == "none"
    assert all(w["severity"] == "info" for w in answer["warnings"])


def test_real_english_texts(real):
    ja = score(("client", "詳細はLINEでお伝えします"))["warnings"][0]
    en = score(("client", "詳細はLINEでお伝えします"), lang="en")["warnings"][0]
    assert ja["category"] == en["category"] and ja["title"] != en["title"]
    assert sum(c.isascii() for c in en["detail"]) > 0.9 * len(en["detail"])


def _long_thread(n: int, tag: str) -> list[tuple[str, str]]:
    base = ["ご応募ありがとうございます。条件をご確認ください。", "承知しました。よろしくお願いします。",
            "詳細はLINEでお伝えします。", "初期費用3万円が必要です。本日中にお返事ください。"]
    return [("client" if i % 2 else "worker", f"{base[i % len(base)]} {tag}{i}") for i in range(n)]


def test_real_rescan_runs_the_detectors_on_the_new_message_only(real, monkeypatch):
    """Re-scans are cheap by construction: a thread seen before, plus one new message, runs the
    detectors on that message and on at most the one joined run of short messages it ends (the
    figure in seconds is bench/run.py's re-scan section, not a test)."""
    rows = _long_thread(2000, "r")
    cold = score(*rows)
    ran = []
    original = scoring._run_detectors
    monkeypatch.setattr(scoring, "_run_detectors", lambda message, *a: ran.append(message["id"]) or original(message, *a))
    warm = score(*rows, ("client", "追加のメッセージです"))
    # the new message, and at most the joined run of short messages it ends (named by its first)
    assert "m2001" in ran and len(ran) <= 2 and set(ran) <= {"m2000", "m2001"}
    assert warm["highlights"][: len(cold["highlights"])] == cold["highlights"]


def test_contract_evidence_is_read_once_per_message_and_cached_answers_agree(real, monkeypatch):
    from cwguard.site import crowdworks
    read = []
    original = crowdworks.message_evidence
    monkeypatch.setattr(crowdworks, "message_evidence", lambda message: read.append(message["id"]) or original(message))
    rows = [("client", "はじめまして"), ("system", "契約が締結されました。"), ("client", "詳細はLINEで")]
    first = score(*rows, status="unknown")
    second = score(*rows, status="unknown")
    assert read == ["m2"]  # once, and only the message with a contract word
    assert first["contract_status"] == second["contract_status"] == "contracted"
    first.pop("engine"), second.pop("engine")
    assert first == second


# --- lures split over several messages (issue 9, RUBRIC.md v2) ---------------------------------

def test_a_lure_split_over_messages_of_one_sender_is_found_in_each_part(real):
    answer = score(("client", "ご連絡はL"), ("client", "INEで"), ("client", "お願いします"))
    marks = {(h["message_id"], h["text"]) for h in answer["highlights"] if h["category"] == "off_platform_contact"}
    assert marks == {("m1", "L"), ("m2", "INE")} and answer["risk"]["level"] == "high"


@pytest.mark.parametrize("rows", [
    [("client", "ご連絡はL"), ("worker", "INEで")],                      # two parties
    [("client", "ご連絡はL" + "。" * 90), ("client", "INEで")],           # a long message stands alone
    [("system", "ご連絡はL"), ("system", "INEで")],                      # notices never join
])
def test_only_short_consecutive_messages_of_one_party_join(real, rows):
    answer = score(*rows)
    assert not [h for h in answer["highlights"] if h["category"] == "off_platform_contact"]


def test_joining_costs_at_most_one_extra_read_per_short_message(fakes):
    rows = [("client", f"短文{i}") for i in range(60)]
    score(*rows)
    per_detector = fakes[0].calls
    assert 60 < per_detector <= 60 + 60 // (scoring.SPLIT_MAX_RUN - 1) + 1


@pytest.mark.parametrize("text, span, word", [
    ("次回からは直接契約させていただけませんか", (5, 8), "直接契約"),       # ends mid-word
    ("次回からは直接契約させていただけませんか", (6, 9), "直接契約"),       # starts mid-word
    ("詳細はLINEでお伝えします", (3, 5), "LINE"),
    ("詳細は😀LINEでお伝えします", (5, 6), "LINE"),                         # after an astral character
])
def test_highlights_end_on_word_boundaries(monkeypatch, text, span, word):
    found = (SpanDetector("off_platform_contact", [span]),)
    monkeypatch.setattr(scoring, "detectors", lambda: found)
    scoring.clear_cache()
    req = request(("client", text))
    answer = pipeline.score_request(req)
    (h,) = answer["highlights"]
    assert h["text"] == word
    assert_highlights_are_js_slices(req, answer)
