"""Property tests over POST /score (issue #4): whatever arrives, the answer is a 2xx or a JSON 4xx,
never a 5xx; and every highlight of every 200 is the UTF-16 slice of its message, inside it.

Example counts are modest so the suite stays fast; `HYPOTHESIS_PROFILE=long` runs more.
"""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cwguard.http import create_app

SUPPRESSED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]
settings.register_profile("cwguard-fuzz", max_examples=120, deadline=None, suppress_health_check=SUPPRESSED)
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=SUPPRESSED)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "cwguard-fuzz")

# Characters attackers and odd clients produce: lone surrogates, combining marks, zero-width and
# bidi controls, NUL and other controls, astral characters, plus the pieces of risky words so that
# the engine actually finds highlights to check.
SPECIAL = ["\ud800", "\udfff", "\u0301", "\u3099", "\uff9e", "\u200b", "\u200d", "\u2060", "\ufeff", "\u202e",
           "\u200f", "\u2066", "\x00", "\x1b", "\n", "\u3000", "😀", "𠮷", "ｶ", "ﾞ", "㈱", "ﬁ"]
WORDS = ["LINE", "ライン", "らいん", "ﾗｲﾝ", "L I N E", "L1NE", "チャットワーク", "Zoom", "line.me/ti/p/abc",
         "test@example.com", "あっと", "090-1234-5678", "０９０－１２３４－５６７８", "直接契約", "手数料", "初期費用",
         "本人確認書類", "事務所", "今すぐ", "詳細は", "で連絡", "ID: abc_123", "仮払い", "契約が締結されました",
         "👨\u200d👩\u200d👧", "🇯🇵", "ｶﾞ"]
chars = st.one_of(st.characters(), st.characters(categories=["Cs"]), st.sampled_from(SPECIAL))
fuzz_text = st.lists(st.one_of(st.text(chars, max_size=6), st.sampled_from(WORDS)), max_size=12).map("".join)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(chars, max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["messages", "text", "id", "sender", "sent_at", "context", "lang", "client", "ratings"])
        | st.text(chars, max_size=8), inner, max_size=4),
    max_leaves=12,
)


def message_strategy(ids):
    return st.fixed_dictionaries(
        {"id": ids, "text": fuzz_text},
        optional={"sender": st.sampled_from(["client", "worker", "system", "unknown", "boss"]),
                  "sent_at": st.one_of(st.none(), st.datetimes().map(lambda d: d.isoformat()),
                                       st.sampled_from(["2026-03-02T10:15:00+09:00", "2026-03-04T10:15:00Z", "x"]))})


requests_strategy = st.fixed_dictionaries(
    {"messages": st.lists(message_strategy(st.sampled_from(["m1", "m2", "m3", "m4", "m5", "m\ud800"])),
                          min_size=1, max_size=5)},
    optional={"context": st.fixed_dictionaries({}, optional={
        "contract_status": st.sampled_from(["before_contract", "contracted", "unknown"]),
        "client": st.fixed_dictionaries({}, optional={
            "ratings": st.dictionaries(st.sampled_from(["communication", "partnership", "skill"]),
                                       st.floats(min_value=-1, max_value=6), max_size=3),
            "review_count": st.integers(min_value=-2, max_value=40)})}),
        "lang": st.sampled_from(["ja", "en"])},
)


@pytest.fixture(scope="module")
def client():
    """The app with the real engine: an engine that fails to import fails these tests."""
    return create_app({"CWGUARD_TOKEN": ""}).test_client()


@pytest.fixture(scope="module")
def fake_client():
    """The app with an engine that answers at once, to fuzz the HTTP layer alone (many more
    examples per second)."""
    answer = {"risk": {"level": "none", "score": 0}, "contract_status": "unknown", "warnings": [], "highlights": [],
              "engine": {"version": "fake", "elapsed_ms": 0.0}}
    return create_app({"CWGUARD_TOKEN": "", "CWGUARD_ENGINE": lambda request: answer}).test_client()


def post(client, value):
    body = json.dumps(value)  # ensure_ascii: lone surrogates travel as \ud800 escapes, as a browser would send them
    return client.post("/score", data=body, content_type="application/json")


def assert_no_server_error(response):
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    assert response.is_json
    if response.status_code >= 400:
        assert set(response.json["error"]) == {"code", "message", "details"}


def utf16(text: str) -> bytes:
    return text.encode("utf-16-le", "surrogatepass")


def assert_highlights_are_slices(request: dict, answer: dict):
    texts = {m["id"]: m["text"] for m in request["messages"]}
    for highlight in answer["highlights"]:
        text = utf16(texts[highlight["message_id"]])
        assert 0 <= highlight["start"] < highlight["end"] <= len(text) // 2, highlight
        expected = text[2 * highlight["start"]:2 * highlight["end"]].decode("utf-16-le", "surrogatepass")
        assert highlight["text"] == expected, (highlight, texts[highlight["message_id"]])


@settings(settings.get_profile(PROFILE))
@given(value=json_values)
def test_any_json_value_is_never_a_server_error(client, value):
    assert_no_server_error(post(client, value))


@settings(settings.get_profile(PROFILE))
@given(value=json_values)
def test_any_json_value_never_crashes_the_http_layer(fake_client, value):
    assert_no_server_error(post(fake_client, value))


@settings(settings.get_profile(PROFILE))
@given(request=requests_strategy)
def test_any_thread_is_scored_or_refused_and_highlights_are_utf16_slices(client, request):
    response = post(client, request)
    assert_no_server_error(response)
    if response.status_code == 200:
        assert_highlights_are_slices(request, response.json)


@settings(settings.get_profile(PROFILE))
@given(text=fuzz_text)
def test_any_text_in_the_shorthand(client, text):
    response = post(client, {"text": text})
    assert_no_server_error(response)
    has_lone_surrogate = any(0xD800 <= ord(c) <= 0xDFFF for c in text)
    assert (response.status_code == 400) == has_lone_surrogate
    if response.status_code == 200:
        assert_highlights_are_slices({"messages": [{"id": "m1", "text": text}]}, response.json)


@settings(settings.get_profile(PROFILE))
@given(raw=st.binary(max_size=64) | st.text(chars, max_size=64).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_are_never_a_server_error(fake_client, raw):
    assert_no_server_error(fake_client.post("/score", data=raw, content_type="application/json"))
