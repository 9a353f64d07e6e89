"""Access control of the loopback service (issue #4): Host, Origin, CORS, content type, token.

The engine is replaced by a fake: these tests are about who gets an answer, not what it says.
"""
from __future__ import annotations

import sys
import types

import pytest

from cwguard.http import create_app
from cwguard.http.security import host_allowed, is_extension_origin

CHROME = "chrome-extension://" + "abcdefghijklmnopabcdefghijklmnop"
FIREFOX = "moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
ANSWER = {"risk": {"level": "none", "score": 0}, "contract_status": "unknown", "warnings": [], "highlights": [],
          "engine": {"version": "fake", "elapsed_ms": 0.1}}


@pytest.fixture
def scored(monkeypatch):
    """Counts how many requests reached the engine."""
    calls: list[dict] = []
    fake = types.ModuleType("cwguard.engine.scoring")
    fake.score_request = lambda request: calls.append(request) or ANSWER
    monkeypatch.setitem(sys.modules, "cwguard.engine.scoring", fake)
    return calls


@pytest.fixture
def client():
    return create_app({"CWGUARD_TOKEN": "", "CWGUARD_PORT": 8765}).test_client()


@pytest.fixture
def token_client():
    return create_app({"CWGUARD_TOKEN": "s3cret-token", "CWGUARD_PORT": 8765}).test_client()


def code_of(response):
    assert response.is_json
    return response.status_code, response.json["error"]["code"]


# ---------------------------------------------------------------- Host (DNS rebinding)
@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8765", "localhost", "localhost:8765", "LOCALHOST:8765",
                                  "[::1]", "[::1]:8765"])
def test_loopback_host_names_are_served(client, scored, host):
    assert client.get("/health", headers={"Host": host}).status_code == 200
    assert client.post("/score", json={"text": "a"}, headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.nip.io:8765", "localhost.evil.example",
                                  "192.168.1.10:8765", "0.0.0.0:8765", "127.0.0.1:9999", "localhost:80",
                                  "[::2]:8765", "127.0.0.1:8765:1", "", "localhost:", "[::1]x"])
def test_other_host_names_are_refused_everywhere(client, scored, host):
    for response in (client.get("/health", headers={"Host": host}),
                     client.get("/openapi.json", headers={"Host": host}),
                     client.get("/nowhere", headers={"Host": host}),
                     client.post("/score", json={"text": "a"}, headers={"Host": host})):
        assert code_of(response) == (403, "host_not_allowed")
    assert scored == []


def test_host_check_accepts_any_port_when_the_port_is_not_known():
    assert host_allowed("localhost:1234", ("localhost",), None)
    assert not host_allowed("example.com:1234", ("localhost",), None)


# ---------------------------------------------------------------- Origin and CORS
@pytest.mark.parametrize("origin", ["https://evil.example", "http://127.0.0.1:8765", "http://localhost:8765", "null",
                                    "https://crowdworks.jp", "chrome-extension://short", "file://",
                                    "chrome-extension://" + "z" * 32, CHROME + ".evil.example"])
def test_web_origins_are_refused_without_cors_headers(client, scored, origin):
    response = client.post("/score", json={"text": "a"}, headers={"Origin": origin})
    assert code_of(response) == (403, "origin_not_allowed")
    assert "Access-Control-Allow-Origin" not in response.headers
    assert client.get("/health", headers={"Origin": origin}).status_code == 403
    assert scored == []


@pytest.mark.parametrize("origin", [CHROME, FIREFOX])
def test_extension_origins_get_their_own_origin_back(client, scored, origin):
    response = client.post("/score", json={"text": "a"}, headers={"Origin": origin})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert "Origin" in response.headers.get("Vary", "")
    assert response.headers.get("Access-Control-Allow-Credentials") is None


def test_no_origin_is_served_without_cors_headers(client, scored):
    response = client.post("/score", json={"text": "a"})
    assert response.status_code == 200
    assert not any(name.startswith("Access-Control-") for name, _ in response.headers.items())


def test_never_a_wildcard(client, scored):
    for headers in ({}, {"Origin": CHROME}, {"Origin": "https://evil.example"}):
        for response in (client.get("/health", headers=headers), client.post("/score", json={"text": "a"}, headers=headers)):
            assert response.headers.get("Access-Control-Allow-Origin") != "*"


def preflight(client, origin, headers="content-type, x-cwguard-token"):
    return client.options("/score", headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                                             "Access-Control-Request-Headers": headers})


@pytest.mark.parametrize("origin", [CHROME, FIREFOX])
def test_preflight_from_the_extension_allows_json_and_the_token(token_client, origin):
    response = preflight(token_client, origin)  # no token on a preflight: browsers never send one
    assert response.status_code in (200, 204)
    assert response.headers["Access-Control-Allow-Origin"] == origin
    allowed = {h.strip().lower() for h in response.headers["Access-Control-Allow-Headers"].split(",")}
    assert {"content-type", "x-cwguard-token"} <= allowed
    assert "POST" in response.headers["Access-Control-Allow-Methods"]


def test_preflight_from_a_web_page_is_refused(client):
    response = preflight(client, "https://evil.example")
    assert code_of(response) == (403, "origin_not_allowed")
    assert "Access-Control-Allow-Origin" not in response.headers


def test_preflight_does_not_allow_other_headers(client):
    response = preflight(client, CHROME, "content-type, x-evil")
    allowed = {h.strip().lower() for h in response.headers.get("Access-Control-Allow-Headers", "").split(",")}
    assert "x-evil" not in allowed


# ---------------------------------------------------------------- content type (simple requests)
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
def test_simple_cross_site_post_is_refused_even_without_origin(client, scored, content_type):
    # the three content types a page may POST cross-site without a preflight
    response = client.post("/score", data='{"text": "a"}', content_type=content_type)
    assert code_of(response) == (415, "unsupported_media_type")
    assert scored == []


# ---------------------------------------------------------------- token
def test_token_is_required_when_configured(token_client, scored):
    response = token_client.post("/score", json={"text": "a"})
    assert code_of(response) == (401, "token_required")
    response = token_client.post("/score", json={"text": "a"}, headers={"X-CWGuard-Token": ""})
    assert code_of(response) == (401, "token_required")


@pytest.mark.parametrize("token", ["wrong", "s3cret-toke", "s3cret-token ", "S3CRET-TOKEN", "s3cret-tokenx", "ü"])
def test_wrong_token_is_refused(token_client, scored, token):
    headers = {"X-CWGuard-Token": token.encode("utf-8").decode("latin-1")}
    response = token_client.post("/score", json={"text": "a"}, headers=headers)
    assert code_of(response) == (401, "token_invalid")
    assert "s3cret" not in response.get_data(as_text=True)
    assert scored == []


def test_right_token_is_served(token_client, scored):
    response = token_client.post("/score", json={"text": "a"}, headers={"X-CWGuard-Token": "s3cret-token",
                                                                        "Origin": CHROME})
    assert response.status_code == 200 and len(scored) == 1


def test_token_is_checked_before_the_body_is_read(token_client, scored):
    response = token_client.post("/score", data="not json", content_type="text/plain")
    assert code_of(response) == (401, "token_required")


def test_health_needs_no_token(token_client):
    assert token_client.get("/health").status_code == 200


def test_token_comes_from_the_environment(monkeypatch, scored):
    monkeypatch.setenv("CWGUARD_TOKEN", "from-env")
    app_client = create_app().test_client()
    assert code_of(app_client.post("/score", json={"text": "a"})) == (401, "token_required")
    assert app_client.post("/score", json={"text": "a"}, headers={"X-CWGuard-Token": "from-env"}).status_code == 200


def test_token_compare_is_constant_time(monkeypatch, token_client, scored):
    import hmac

    compared = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: compared.append((a, b)) or real(a, b))
    token_client.post("/score", json={"text": "a"}, headers={"X-CWGuard-Token": "guess"})
    assert compared == [(b"guess", b"s3cret-token")]


# ---------------------------------------------------------------- each refusal has its own code
def test_refusal_codes_are_distinct_and_leak_nothing(token_client, scored):
    responses = [
        token_client.get("/health", headers={"Host": "evil.example"}),
        token_client.get("/health", headers={"Origin": "https://evil.example"}),
        token_client.post("/score", json={"text": "a"}),
        token_client.post("/score", json={"text": "a"}, headers={"X-CWGuard-Token": "x"}),
        token_client.post("/score", data="a", content_type="text/plain", headers={"X-CWGuard-Token": "s3cret-token"}),
    ]
    codes = [code_of(r)[1] for r in responses]
    assert codes == ["host_not_allowed", "origin_not_allowed", "token_required", "token_invalid", "unsupported_media_type"]
    for response in responses:
        text = response.get_data(as_text=True)
        assert "Traceback" not in text and "s3cret" not in text and "/work" not in text


def test_extension_origin_pattern():
    assert is_extension_origin(CHROME) and is_extension_origin(FIREFOX)
    assert not is_extension_origin("chrome-extension://" + "a" * 31)
    assert not is_extension_origin("moz-extension://not-a-uuid")
