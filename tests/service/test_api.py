"""The HTTP contract of POST /score, GET /health and GET /openapi.json (issue #2), every refusal,
and the per-request budget of an answer (issue #11).

Tests of the HTTP layer replace the engine with a recording fake (the layer must validate and
pass the request on, whatever the engine says); tests of offsets and languages run the real engine,
imported here, so that an engine that fails to import fails this module.
"""
from __future__ import annotations

import datetime as dt
import json
import logging

import pytest

from cwguard import budget, schemas
from cwguard.errors import InputError
from cwguard.http import create_app
from cwguard.pipeline import score_request
from support.offset_texts import OFFSET_TEXTS

FAKE_ANSWER = {"risk": {"level": "none", "score": 0}, "contract_status": "unknown", "warnings": [],
               "highlights": [], "engine": {"version": "fake", "elapsed_ms": 0.1}}


class Engine:
    """What the test app scores with: the real engine, unless a test puts a fake in its place."""

    def __init__(self):
        self.impl = score_request

    def __call__(self, request: dict) -> dict:
        return self.impl(request)


@pytest.fixture
def engine():
    return Engine()


@pytest.fixture
def client(engine):
    return create_app({"CWGUARD_TOKEN": "", "CWGUARD_ENGINE": engine}).test_client()


@pytest.fixture
def engine_calls(engine):
    """Replaces the engine with a fake that records the validated requests it receives."""
    calls: list[dict] = []

    def fake(request: dict) -> dict:
        calls.append(request)
        return FAKE_ANSWER

    engine.impl = fake
    return calls


def post_raw(client, body, content_type="application/json", **headers):
    data = body if isinstance(body, bytes) else body.encode("utf-8", "surrogatepass")
    return client.post("/score", data=data, content_type=content_type, headers=headers)


def utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le", "surrogatepass")[2 * start:2 * end].decode("utf-16-le", "surrogatepass")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


# ---------------------------------------------------------------- the validated request
def test_shorthand_becomes_one_message_of_unknown_sender(client, engine_calls):
    response = client.post("/score", json={"text": "詳細はLINEで"})
    assert response.status_code == 200, response.json
    assert response.json == FAKE_ANSWER
    assert engine_calls == [{
        "messages": [{"id": "m1", "sender": "unknown", "sent_at": None, "text": "詳細はLINEで"}],
        "context": {"contract_status": "unknown", "client": None, "page_url": None},
        "lang": "ja",
    }]


def test_full_request_reaches_the_engine_typed(client, engine_calls):
    body = {"messages": [{"id": "a", "sender": "client", "sent_at": "2026-11-20T10:00:00+09:00", "text": "x"},
                         {"id": "b", "sender": "worker", "sent_at": "2026-11-20T10:00:00", "text": ""}],
            "context": {"contract_status": "before_contract", "page_url": "https://crowdworks.jp/x",
                        "client": {"name": "株式会社テスト", "review_count": 3,
                                   "ratings": {"communication": 3.2, "partnership": None, "skill": 5}}},
            "lang": "en"}
    assert client.post("/score", json=body).status_code == 200
    request = engine_calls[0]
    first, second = request["messages"]
    assert first["sent_at"] == dt.datetime(2026, 11, 20, 1, 0, tzinfo=dt.UTC)
    # no offset given: Japan time, and always an aware datetime the engine can subtract
    assert second["sent_at"].utcoffset() == dt.timedelta(hours=9)
    assert request["context"]["client"] == {"name": "株式会社テスト", "review_count": 3,
                                            "ratings": {"communication": 3.2, "skill": 5.0}}
    assert request["lang"] == "en"


def test_lang_defaults_to_japanese_and_accepts_english(client, engine_calls):
    client.post("/score", json={"text": "a"})
    client.post("/score", json={"text": "a", "lang": "en"})
    assert [call["lang"] for call in engine_calls] == ["ja", "en"]


def test_null_context_and_client_mean_unknown(engine_calls):
    request = schemas.load_request({"messages": [{"id": "1", "text": "x"}], "context": {"client": None}})
    assert request["context"] == {"contract_status": "unknown", "client": None, "page_url": None}
    request = schemas.load_request({"text": "x", "context": None})
    assert request["context"]["contract_status"] == "unknown"


def test_a_real_2000_message_thread_is_admitted(client, engine_calls):
    text = "ご提案ありがとうございます。納期と文字単価について確認させてください。" * 8  # ~300 characters
    messages = [{"id": f"m{i}", "sender": "client" if i % 2 else "worker",
                 "sent_at": "2026-03-02T10:15:00+09:00", "text": text} for i in range(2000)]
    body = json.dumps({"messages": messages}, ensure_ascii=False)
    assert len(body.encode()) < schemas.MAX_BODY_BYTES
    response = post_raw(client, body)
    assert response.status_code == 200, response.json
    assert len(engine_calls[0]["messages"]) == 2000


# ---------------------------------------------------------------- health and OpenAPI
def test_health(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "service": "cwguard", "version": __import__("cwguard").__version__}


def test_openapi_is_generated_from_the_schemas_and_documents_limits(client):
    spec = client.get("/openapi.json").json
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {"/score", "/health", "/openapi.json"}
    components = spec["components"]["schemas"]
    request, message = components["ScoreRequest"], components["Message"]
    assert request["properties"]["messages"]["maxItems"] == schemas.MAX_MESSAGES
    assert request["properties"]["messages"]["minItems"] == 1
    assert message["properties"]["text"]["maxLength"] == schemas.MAX_MESSAGE_CHARS
    assert message["properties"]["sender"]["enum"] == list(schemas.SENDERS)
    assert request["additionalProperties"] is False and message["additionalProperties"] is False
    assert str(schemas.MAX_BODY_BYTES) in spec["info"]["description"]
    responses = spec["paths"]["/score"]["post"]["responses"]
    assert {"200", "400", "401", "403", "413", "415"} <= set(responses)
    for code in ("duplicate_message_id", "lone_surrogate", "unknown_field", "messages_empty"):
        assert code in responses["400"]["description"]


# ---------------------------------------------------------------- refusals
def error_of(response):
    assert response.is_json, response.data[:200]
    body = response.json
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    assert "Traceback" not in response.get_data(as_text=True)
    return body["error"]


def msg(**fields):
    return {"id": "m1", "text": "hello", **fields}


BAD_BODIES = [
    # (test id, JSON body, status, code, field)
    ("array", [], 400, "body_not_object", None),
    ("string", "hi", 400, "body_not_object", None),
    ("null", None, 400, "body_not_object", None),
    ("no messages", {}, 400, "messages_required", "messages"),
    ("empty messages", {"messages": []}, 400, "messages_empty", "messages"),
    ("messages not a list", {"messages": {"id": "m1"}}, 400, "wrong_type", "messages"),
    ("message not an object", {"messages": ["hello"]}, 400, "wrong_type", "messages.0"),
    ("text missing", {"messages": [{"id": "m1"}]}, 400, "missing_field", "messages.0.text"),
    ("id missing", {"messages": [{"text": "x"}]}, 400, "missing_field", "messages.0.id"),
    ("empty id", {"messages": [msg(id="")]}, 400, "invalid_value", "messages.0.id"),
    ("text a number", {"messages": [msg(text=12)]}, 400, "wrong_type", "messages.0.text"),
    ("text null", {"messages": [msg(text=None)]}, 400, "wrong_type", "messages.0.text"),
    ("shorthand text a list", {"text": ["a"]}, 400, "wrong_type", "text"),
    ("text and messages", {"text": "a", "messages": [msg()]}, 400, "text_and_messages", "text"),
    ("unknown top-level", {"messages": [msg()], "thread": 1}, 400, "unknown_field", "thread"),
    ("unknown in message", {"messages": [msg(labels=[])]}, 400, "unknown_field", "messages.0.labels"),
    ("unknown in context", {"text": "a", "context": {"contract_state": "x"}}, 400, "unknown_field", "context.contract_state"),
    ("unknown rating", {"text": "a", "context": {"client": {"ratings": {"speed": 4}}}}, 400, "unknown_field",
     "context.client.ratings.speed"),
    ("bad sender", {"messages": [msg(sender="boss")]}, 400, "invalid_value", "messages.0.sender"),
    ("bad lang", {"text": "a", "lang": "fr"}, 400, "invalid_value", "lang"),
    ("bad status", {"text": "a", "context": {"contract_status": "done"}}, 400, "invalid_value", "context.contract_status"),
    ("context a list", {"text": "a", "context": []}, 400, "wrong_type", "context"),
    ("rating a string", {"text": "a", "context": {"client": {"ratings": {"communication": "4.5"}}}}, 400,
     "wrong_type", "context.client.ratings.communication"),
    ("rating out of range", {"text": "a", "context": {"client": {"ratings": {"partnership": 6}}}}, 400,
     "invalid_value", "context.client.ratings.partnership"),
    ("review count a float", {"text": "a", "context": {"client": {"review_count": 2.5}}}, 400, "wrong_type",
     "context.client.review_count"),
    ("review count a bool", {"text": "a", "context": {"client": {"review_count": True}}}, 400, "wrong_type",
     "context.client.review_count"),
    ("negative review count", {"text": "a", "context": {"client": {"review_count": -1}}}, 400, "invalid_value",
     "context.client.review_count"),
    ("bad date", {"messages": [msg(sent_at="yesterday")]}, 400, "invalid_datetime", "messages.0.sent_at"),
    ("date a number", {"messages": [msg(sent_at=1700000000)]}, 400, "invalid_datetime", "messages.0.sent_at"),
    ("year out of range", {"messages": [msg(sent_at="0001-01-01T00:00:00+14:00")]}, 400, "invalid_datetime",
     "messages.0.sent_at"),
    ("duplicate ids", {"messages": [msg(), msg(text="again")]}, 400, "duplicate_message_id", "messages.1.id"),
    ("message too long", {"messages": [msg(text="あ" * (schemas.MAX_MESSAGE_CHARS + 1))]}, 400, "message_too_long",
     "messages.0.text"),
    ("shorthand too long", {"text": "a" * (schemas.MAX_MESSAGE_CHARS + 1)}, 400, "message_too_long", "text"),
    ("too many messages", {"messages": [{"id": str(i), "text": ""} for i in range(schemas.MAX_MESSAGES + 1)]},
     400, "too_many_messages", "messages"),
    ("name too long", {"text": "a", "context": {"client": {"name": "n" * 501}}}, 400, "value_too_long",
     "context.client.name"),
]


@pytest.mark.parametrize(("body", "status", "code", "field"), [case[1:] for case in BAD_BODIES],
                         ids=[case[0] for case in BAD_BODIES])
def test_bad_bodies_are_refused_with_a_code_and_the_field(client, engine_calls, body, status, code, field):
    response = client.post("/score", data=json.dumps(body), content_type="application/json")
    error = error_of(response)
    assert (response.status_code, error["code"]) == (status, code), error
    if field is not None:
        assert error["details"]["field"] == field
        assert field in error["message"]
    assert engine_calls == []


def test_message_exactly_at_the_limit_is_accepted(client, engine_calls):
    response = client.post("/score", json={"messages": [msg(text="あ" * schemas.MAX_MESSAGE_CHARS)]})
    assert response.status_code == 200


@pytest.mark.parametrize("escaped", ["\\ud800", "\\udfff", "a\\udc00b", "\\ude00\\ud83d"])
@pytest.mark.parametrize("where", ["text", "id", "sender", "sent_at"])
def test_lone_surrogates_are_refused(client, engine_calls, escaped, where):
    fields = {"id": "m1", "text": "x", where: f"__{where}__"}
    body = json.dumps({"messages": [fields]}).replace(f"__{where}__", escaped)
    error = error_of(post_raw(client, body))
    assert (error["code"], error["details"]["field"]) == ("lone_surrogate", f"messages.0.{where}")


def test_a_valid_surrogate_pair_is_a_character_not_an_error(client, engine_calls):
    response = post_raw(client, '{"text": "\\ud842\\udfb7\\ud83d\\ude00"}')
    assert response.status_code == 200
    assert engine_calls[0]["messages"][0]["text"] == "𠮷😀"


def test_lone_surrogate_in_an_unknown_key_is_echoed_safely(client, engine_calls):
    response = post_raw(client, '{"text": "a", "\\ud800x": 1}')
    error = error_of(response)
    assert error["code"] == "unknown_field"
    assert error["details"]["field"] == "\ufffdx"


@pytest.mark.parametrize(("raw", "code"), [
    ("{", "invalid_json"),
    ('{"text": "a",}', "invalid_json"),
    ("", "invalid_json"),
    ('{"text": NaN}', "invalid_json"),
    ('{"text": "a", "lang": Infinity}', "invalid_json"),
    (b'{"text": "\xff\xfe"}', "invalid_json"),
    ("[" * 100_000, "invalid_json"),
    ("42", "body_not_object"),
    ('"text"', "body_not_object"),
])
def test_malformed_json_is_a_400(client, engine_calls, raw, code):
    response = post_raw(client, raw)
    assert (response.status_code, error_of(response)["code"]) == (400, code)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                                          "application/json; charset=latin-1", None])
def test_only_json_is_accepted(client, engine_calls, content_type):
    response = client.post("/score", data='{"text": "a"}', content_type=content_type)
    assert (response.status_code, error_of(response)["code"]) == (415, "unsupported_media_type")


def test_json_with_utf8_charset_is_accepted(client, engine_calls):
    assert post_raw(client, '{"text": "a"}', "application/json; charset=UTF-8").status_code == 200


def test_oversized_body_is_a_413(client, engine_calls):
    body = json.dumps({"text": "a" * (schemas.MAX_BODY_BYTES + 10)})
    response = post_raw(client, body)
    assert (response.status_code, error_of(response)["code"]) == (413, "body_too_large")
    assert error_of(response)["details"]["limit_bytes"] == schemas.MAX_BODY_BYTES


def test_unknown_path_and_method_answer_json(client):
    response = client.get("/nowhere")
    assert (response.status_code, error_of(response)["code"]) == (404, "not_found")
    response = client.get("/score")
    assert (response.status_code, error_of(response)["code"]) == (405, "method_not_allowed")
    assert "POST" in response.headers["Allow"]
    response = client.delete("/health")
    assert (response.status_code, error_of(response)["code"]) == (405, "method_not_allowed")


def test_an_engine_failure_is_a_generic_json_error_that_leaks_nothing(client, engine, caplog):
    secret = "秘密のメッセージ本文 090-1234-5678"

    def failing(request):
        raise ValueError("cannot handle " + request["messages"][0]["text"])

    engine.impl = failing
    with caplog.at_level(logging.DEBUG):
        response = client.post("/score", json={"text": secret})
    assert (response.status_code, error_of(response)["code"]) == (500, "internal_error")
    page = response.get_data(as_text=True)
    assert secret not in page and "ValueError" not in page and ".py" not in page
    assert "ValueError" in caplog.text  # the failure is logged ...
    assert secret not in caplog.text  # ... without the message


def test_input_error_is_an_exception_with_a_status():
    error = InputError("x_code", "A sentence.", {"field": "a"})
    assert error.status == 400
    assert error.to_dict() == {"error": {"code": "x_code", "message": "A sentence.", "details": {"field": "a"}}}


# ---------------------------------------------------------------- with the real engine


@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_highlights_are_utf16_slices_of_the_message_as_sent(client, text):
    prefix_only = client.post("/score", json={"text": text}).json
    assert prefix_only["highlights"], "every text here has a risky word"
    for highlight in prefix_only["highlights"]:
        assert 0 <= highlight["start"] < highlight["end"] <= utf16_len(text)
        assert highlight["text"] == utf16_slice(text, highlight["start"], highlight["end"])


def test_astral_characters_before_a_keyword_shift_it_by_two_units_each(client):
    plain = client.post("/score", json={"text": "詳細はLINEで"}).json["highlights"]
    shifted = client.post("/score", json={"text": "😀𠮷詳細はLINEで"}).json["highlights"]
    assert [(h["start"] + 4, h["end"] + 4, h["text"]) for h in plain] == \
        [(h["start"], h["end"], h["text"]) for h in shifted]
    assert any("LINE" in h["text"] for h in shifted)


def test_answers_conform_to_the_response_schema(client):
    body = {"messages": [{"id": "m1", "sender": "client", "sent_at": "2026-11-20T10:00:00+09:00",
                          "text": "手数料がもったいないので直接契約で。LINE ID: abc_123 を追加してください"},
                         {"id": "m2", "sender": "worker", "sent_at": "2026-11-21T10:00:00+09:00", "text": "承知しました"}],
            "context": {"contract_status": "before_contract",
                        "client": {"name": "x", "ratings": {"communication": 3.2}, "review_count": 3}}}
    answer = client.post("/score", json=body).json
    assert schemas.ScoreResponseSchema().validate(answer) == {}
    assert answer["risk"]["level"] == "high"
    warning_ids = {w["id"] for w in answer["warnings"]}
    assert all(h["warning_id"] in warning_ids for h in answer["highlights"])


def test_shorthand_and_full_form_give_the_same_answer(client):
    text = "詳細はチャットワークでお話しします"
    short = client.post("/score", json={"text": text}).json
    full = client.post("/score", json={"messages": [{"id": "m1", "sender": "unknown", "text": text}]}).json
    for answer in (short, full):
        answer.pop("engine")
    assert short == full and short["risk"]["level"] != "none"


def test_lang_changes_the_language_of_the_texts(client):
    ja = client.post("/score", json={"text": "詳細はLINEで"}).json["warnings"]
    en = client.post("/score", json={"text": "詳細はLINEで", "lang": "en"}).json["warnings"]
    assert [w["category"] for w in ja] == [w["category"] for w in en]
    assert ja[0]["title"] != en[0]["title"]
    assert any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in ja[0]["advice"])
    assert en[0]["advice"].isascii() or sum(c.isascii() for c in en[0]["advice"]) > 0.8 * len(en[0]["advice"])


# --- the validation fast path -----------------------------------------------------------------
# load_request checks the common well-formed request by hand and leaves everything else to
# marshmallow. Both must give the same verdict: the same validated request, or the same error.

def verdict(load, payload):
    try:
        return "ok", load(payload)
    except InputError as error:
        return "error", error.to_dict()


def same_verdict(payload):
    fast = verdict(schemas.load_request, payload)
    assert fast == verdict(schemas._load_with_marshmallow, payload)
    return fast


WELL_FORMED = {"messages": [{"id": "m1", "sender": "client", "sent_at": "2026-03-02T10:15:00+09:00", "text": "詳細はLINEで"},
                            {"id": "m2", "text": "よろしくお願いします", "sent_at": "2026-03-02T11:00:00"},
                            {"id": "m3", "sender": "worker", "sent_at": None, "text": ""}],
               "context": {"contract_status": "before_contract", "page_url": "https://crowdworks.jp/x"}, "lang": "en"}


def test_a_well_formed_request_takes_the_fast_path_with_the_schemas_result():
    assert schemas._fast_request(WELL_FORMED) is not None
    kind, request = same_verdict(WELL_FORMED)
    assert kind == "ok" and request["messages"][1]["sender"] == "unknown"
    assert request["messages"][1]["sent_at"].utcoffset() == dt.timedelta(hours=9)


def with_message(**fields):
    message = {"id": "m9", "sender": "client", "text": "x", **fields}
    return {**WELL_FORMED, "messages": [*WELL_FORMED["messages"], {k: v for k, v in message.items() if v is not ...}]}


@pytest.mark.parametrize("payload", [
    with_message(id=""), with_message(id="m1"), with_message(id=7), with_message(id="\ud800"),
    with_message(id="x" * (schemas.MAX_ID_CHARS + 1)), with_message(text=...), with_message(text=None),
    with_message(text="a\udfffb"), with_message(text="あ" * (schemas.MAX_MESSAGE_CHARS + 1)),
    with_message(sender="boss"), with_message(sender=None), with_message(extra=1),
    with_message(sent_at="2026-03-02\ud80010:00:00"),  # fromisoformat takes any separator
    with_message(sent_at="yesterday"), with_message(sent_at="0001-01-01T00:00:00"), with_message(sent_at=5),
    {**WELL_FORMED, "lang": "fr"}, {**WELL_FORMED, "lang": None}, {**WELL_FORMED, "extra": 1},
    {**WELL_FORMED, "context": {"contract_status": "signed"}}, {**WELL_FORMED, "context": {"contract_status": None}},
    {**WELL_FORMED, "context": {"page_url": "\ud800"}}, {**WELL_FORMED, "context": {"typo": 1}},
    {**WELL_FORMED, "context": {"client": {"ratings": {"communication": 6}}}}, {**WELL_FORMED, "context": []},
    {**WELL_FORMED, "messages": []}, {**WELL_FORMED, "messages": [1]}, {**WELL_FORMED, "messages": "m1"},
    {"text": "\ud800"}, {"text": None}, {"text": "a", "extra": 1},
])
def test_the_fast_path_leaves_every_bad_request_to_the_schemas(payload):
    assert schemas._fast_request(payload) is None
    assert same_verdict(payload)[0] == "error"


@pytest.mark.parametrize("payload", [
    {"text": "x"}, {"text": "x", "context": None, "lang": "ja"},
    {**WELL_FORMED, "context": {"client": {"name": "株式会社テスト", "ratings": {"communication": 3.5}, "review_count": 2}}},
    {**WELL_FORMED, "context": {"client": None, "page_url": None}}, {"messages": [{"id": "1", "text": "x"}]},
])
def test_other_valid_requests_get_the_schemas_result(payload):
    assert same_verdict(payload)[0] == "ok"


def test_the_fast_path_agrees_with_the_schemas_on_generated_requests():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    strings = st.one_of(st.text(max_size=5), st.sampled_from(["", "m1", "client", "worker", "\ud800x", "ja"]))
    values = st.one_of(st.none(), st.integers(), strings, st.sampled_from(
        ["2026-03-02T10:15:00+09:00", "2026-03-02 10:15", "2026-03-02", "9999-12-31T23:59:59", "2026-03-02\ud80010:00"]))
    message = st.dictionaries(st.sampled_from(["id", "sender", "sent_at", "text", "other"]), values, max_size=5)
    context = st.one_of(st.none(), st.dictionaries(st.sampled_from(["contract_status", "page_url", "client"]), values))
    payload = st.fixed_dictionaries({"messages": st.lists(message, max_size=4)},
                                    optional={"context": context, "lang": values})

    @settings(max_examples=300, deadline=None)
    @given(payload)
    def check(generated):
        same_verdict(generated)

    check()


# ---------------------------------------------------------------- the per-request budget (issue #11)
def highlight(i: int, severity: str = "low", text: str = "ID: abc_123") -> dict:
    return {"message_id": f"m{i}", "start": 0, "end": len(text), "text": text, "category": "contact_details",
            "severity": severity, "warning_id": "w1"}


def answer_with(highlights: list[dict], message_ids=("m1",)) -> dict:
    warning = {"id": "w1", "category": "contact_details", "kind": "risk", "severity": "high", "title": "t",
               "detail": "d", "advice": "a", "message_ids": list(message_ids)}
    return {**FAKE_ANSWER, "risk": {"level": "high", "score": 90}, "warnings": [warning], "highlights": highlights}


def test_an_ordinary_answer_is_left_alone(client, engine):
    answer = answer_with([highlight(i) for i in range(50)])
    engine.impl = lambda request: answer
    got = client.post("/score", json={"text": "x"}).json
    assert got == answer and "truncated" not in got


def test_too_many_highlights_are_cut_strongest_first(client, engine):
    highlights = [highlight(i, "high" if i % 10 == 0 else "low") for i in range(3 * budget.MAX_HIGHLIGHTS)]
    answer = answer_with(highlights)
    engine.impl = lambda request: answer
    got = client.post("/score", json={"text": "x"}).json
    assert got["truncated"] is True
    assert len(got["highlights"]) == budget.MAX_HIGHLIGHTS
    kept = {h["message_id"] for h in got["highlights"]}
    assert all(h["message_id"] in kept for h in highlights if h["severity"] == "high")  # no high one dropped
    numbers = [int(h["message_id"][1:]) for h in got["highlights"]]
    assert numbers == sorted(numbers)  # still in thread order
    assert got["risk"] == answer["risk"] and got["warnings"] == answer["warnings"]  # the verdict is whole
    assert schemas.ScoreResponseSchema().validate(got) == {}


def test_the_answer_size_is_capped(client, engine):
    highlights = [highlight(i, text="あ" * 20_000) for i in range(500)]  # 30 MB of highlighted text
    engine.impl = lambda request: answer_with(highlights)
    response = client.post("/score", json={"text": "x"})
    assert len(response.get_data()) <= budget.MAX_ANSWER_BYTES
    assert response.json["truncated"] is True and 0 < len(response.json["highlights"]) < 500


def test_message_ids_per_warning_are_capped(client, engine):
    ids = [f"message-{i}" for i in range(5000)]
    engine.impl = lambda request: answer_with([], message_ids=ids)
    got = client.post("/score", json={"text": "x"}).json
    assert got["warnings"][0]["message_ids"] == ids[:budget.MAX_MESSAGE_IDS] and got["truncated"] is True


def test_a_thread_of_repeated_ids_gets_a_bounded_answer(client):
    """The shape that produced a 40 MB answer: every message repeats a contact id."""
    from cwguard.api import score

    text = ("ID: abc_123 " * 140)[:1600]
    payload = {"messages": [{"id": f"m{i}", "sender": "client", "text": text[:-6] + f"{i:06d}"} for i in range(200)]}
    unbudgeted = score_request(schemas.load_request(payload))
    assert len(unbudgeted["highlights"]) > budget.MAX_HIGHLIGHTS  # what the budget is for
    response = post_raw(client, json.dumps(payload))
    answer = response.json
    assert answer["truncated"] is True and answer["risk"] == unbudgeted["risk"]
    assert len(answer["highlights"]) <= budget.MAX_HIGHLIGHTS
    assert len(response.get_data()) <= budget.MAX_ANSWER_BYTES
    assert schemas.ScoreResponseSchema().validate(answer) == {}
    in_process = score(payload)  # the Python API keeps the same budget
    assert in_process["truncated"] is True and in_process["highlights"] == answer["highlights"]


# ---------------------------------------------------------------- warm start (issue #11)
WARM_START = '''
import json, sys
from cwguard.api import score, warm_up

warm_up()

def thread(seed):
    return {"messages": [{"id": f"m{i}", "sender": "client" if i % 2 else "worker",
                          "text": f"案件{seed}-{i}について。詳細はLINEで、メールは taro{seed}x{i}@example.com、"
                                  f"電話は 090-{seed:04d}-{i:04d}、https://ex{seed}.co.jp/{i} まで。初期費用{seed + i}円。"}
                         for i in range(60)], "lang": "en" if seed % 2 else "ja"}

def work(payload):
    calls = 0
    def count(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1
    modules = set(sys.modules)
    sys.setprofile(count)
    try:
        level = score(payload)["risk"]["level"]
    finally:
        sys.setprofile(None)
    return {"calls": calls, "imported": sorted(set(sys.modules) - modules), "level": level}

print(json.dumps([work(thread(seed)) for seed in (1, 3, 5)]))
'''


def test_after_warm_up_a_never_seen_thread_loads_nothing_more():
    """In a fresh interpreter, after `warm_up()`, the first never-seen thread imports no module and
    makes no more Python calls than the next ones of the same shape: nothing is left to load
    lazily. Counted, not timed. (Before warm-up existed, the first call loaded every detector.)"""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-c", WARM_START], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    first, *later = json.loads(done.stdout.strip().splitlines()[-1])
    assert first["imported"] == [], first["imported"]
    assert all(run["level"] == "high" for run in (first, *later))
    assert first["calls"] <= 1.2 * max(run["calls"] for run in later), (first["calls"], [r["calls"] for r in later])


def test_a_highlight_too_big_for_the_room_left_is_skipped_for_smaller_ones():
    big, small = highlight(0, "high", text="あ" * 20_000), highlight(1, "low")
    answer = answer_with([big, small])
    cut = budget.apply(answer, max_bytes=budget.encoded_size(answer_with([small])) + 200)
    assert cut["highlights"] == [small] and cut["truncated"] is True
    assert answer["highlights"] == [big, small]  # the engine's answer itself is left as it was
