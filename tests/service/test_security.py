"""Access control of the loopback service (issues #4, #11): Host, Origin, CORS, content type,
token, declared length, all decided from the headers before the body is read, both in the Flask
app and in the waitress parser.

The engine is replaced by a recording fake: these tests are about who gets an answer, not what it
says.
"""
from __future__ import annotations

import io

import pytest
from waitress.adjustments import Adjustments

from cwguard import schemas
from cwguard.http import create_app
from cwguard.http import server as http_server
from cwguard.http.security import ENVIRON_REFUSAL, Guard, host_allowed, is_extension_origin, token_bytes

CHROME = "chrome-extension://" + "abcdefghijklmnopabcdefghijklmnop"
FIREFOX = "moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
ANSWER = {"risk": {"level": "none", "score": 0}, "contract_status": "unknown", "warnings": [], "highlights": [],
          "engine": {"version": "fake", "elapsed_ms": 0.1}}


@pytest.fixture
def scored():
    """The requests that reached the engine."""
    return []


def app_client(scored: list, **config):
    engine = lambda request: scored.append(request) or ANSWER  # noqa: E731
    return create_app({"CWGUARD_TOKEN": "", "CWGUARD_PORT": 8765, "CWGUARD_ENGINE": engine, **config}).test_client()


@pytest.fixture
def client(scored):
    return app_client(scored)


@pytest.fixture
def token_client(scored):
    return app_client(scored, CWGUARD_TOKEN="s3cret-token")


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


@pytest.mark.parametrize("token", ["wrong", "s3cret-toke", "s3cret tok", "S3CRET-TOKEN", "s3cret-tokenx", "ü"])
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
    engine = lambda request: scored.append(request) or ANSWER  # noqa: E731
    env_client = create_app({"CWGUARD_ENGINE": engine}).test_client()
    assert code_of(env_client.post("/score", json={"text": "a"})) == (401, "token_required")
    assert env_client.post("/score", json={"text": "a"}, headers={"X-CWGuard-Token": "from-env"}).status_code == 200


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


# ---------------------------------------------------------------- tokens are UTF-8 bytes, stripped
def wire(text: str) -> str:
    """A header value as a WSGI server hands it over: the client's bytes, one Latin-1 character each."""
    return text.encode("utf-8").decode("latin-1")


@pytest.mark.parametrize("token", ["pässwörd-ü", "トークン🔑", "mixed ascii and 日本語"])
def test_a_non_ascii_token_matches_when_sent_as_utf8(scored, token):
    token_client = app_client(scored, CWGUARD_TOKEN=token)
    assert token_client.post("/score", json={"text": "a"}, headers={"X-CWGuard-Token": wire(token)}).status_code == 200
    assert len(scored) == 1


def test_a_token_sent_in_another_encoding_does_not_match(scored):
    token_client = app_client(scored, CWGUARD_TOKEN="pässwörd")
    latin1 = "pässwörd".encode("latin-1").decode("latin-1")  # the bytes p\xe4ssw\xf6rd
    assert code_of(token_client.post("/score", json={"text": "a"}, headers={"X-CWGuard-Token": latin1})) == \
        (401, "token_invalid")
    assert scored == []


@pytest.mark.parametrize(("configured", "sent"), [(" tok\n", "tok"), ("tok", " tok\t"), ("\ttök ", wire("tök"))])
def test_tokens_are_compared_after_the_same_strip(scored, configured, sent):
    token_client = app_client(scored, CWGUARD_TOKEN=configured)
    assert token_client.post("/score", json={"text": "a"}, headers={"X-CWGuard-Token": sent}).status_code == 200


def test_a_blank_token_is_no_token(scored):
    assert app_client(scored, CWGUARD_TOKEN=" \t\n").post("/score", json={"text": "a"}).status_code == 200
    assert token_bytes(" \t") == b"" and token_bytes(None) == b""


def test_token_bytes_are_utf8_also_for_an_undecodable_environment_value():
    import os

    assert token_bytes(os.fsdecode(b"p\xc3\xa4ss")) == "päss".encode()
    assert token_bytes(os.fsdecode(b"raw\xff")) == b"raw\xff"  # kept as the bytes the user set


# ---------------------------------------------------------------- checks read headers only
def headers_of(**given):
    return lambda name: given.get(name)


def test_the_checks_run_in_order_from_headers_alone():
    guard = Guard(port=8765, token=b"t")
    everything_wrong = dict(HOST="evil.example", ORIGIN="https://evil.example", CONTENT_TYPE="text/plain",
                            CONTENT_LENGTH=str(10 ** 9))
    expected = ["host_not_allowed", "origin_not_allowed", "token_required", "unsupported_media_type",
                "body_too_large"]
    fixes = [("HOST", "127.0.0.1:8765"), ("ORIGIN", CHROME), ("X_CWGUARD_TOKEN", "t"),
             ("CONTENT_TYPE", "application/json"), ("CONTENT_LENGTH", "10")]
    for code, (name, good) in zip(expected, fixes, strict=True):
        assert guard.refusal("POST", "/score", headers_of(**everything_wrong))[0] == code
        everything_wrong[name] = good
    assert guard.refusal("POST", "/score", headers_of(**everything_wrong)) is None
    # the path as the app will see it: waitress folds leading slashes
    assert guard.refusal("POST", "//score", headers_of(HOST="localhost"))[0] == "token_required"


def test_paths_that_read_no_body_are_only_checked_for_host_and_origin():
    guard = Guard(port=8765, token=b"t")
    assert guard.refusal("GET", "/health", headers_of(HOST="localhost", CONTENT_LENGTH=str(10 ** 9))) is None
    assert not guard.wants_body("GET", "/health") and not guard.wants_body("POST", "/health")
    assert guard.wants_body("POST", "/score") and guard.wants_body("post", "//score")


class Untouchable(io.RawIOBase):
    """A request body of `length` bytes that fails the test if anything reads it. (The test client
    measures it by seeking, which reads nothing.)"""

    def __init__(self, length: int):
        self.length, self.position = length, 0

    def readable(self):
        return True

    def seekable(self):
        return True

    def seek(self, offset, whence=0):
        self.position = offset if whence == 0 else self.length + offset if whence == 2 else self.position + offset
        return self.position

    def tell(self):
        return self.position

    def readinto(self, buffer):
        raise AssertionError("the body was read before the request was refused")


@pytest.mark.parametrize(("headers", "content_type", "expected"), [
    ({"Host": "evil.example"}, "application/json", (403, "host_not_allowed")),
    ({"Origin": "https://evil.example"}, "application/json", (403, "origin_not_allowed")),
    ({}, "text/plain", (401, "token_required")),
    ({"X-CWGuard-Token": "s3cret-token"}, "text/plain", (415, "unsupported_media_type")),
    ({"X-CWGuard-Token": "s3cret-token"}, "application/json", (413, "body_too_large")),
])
def test_refusals_never_read_the_body(token_client, scored, headers, content_type, expected):
    response = token_client.post("/score", input_stream=Untouchable(schemas.MAX_BODY_BYTES + 1),
                                 content_type=content_type, headers=headers)
    assert code_of(response) == expected
    assert scored == []


def test_a_refusal_decided_by_the_waitress_parser_is_answered_by_the_app(client, scored):
    response = client.post("/score", json={"text": "a"}, environ_overrides={ENVIRON_REFUSAL: ("body_too_large", {})})
    assert code_of(response) == (413, "body_too_large")
    assert scored == []


# ---------------------------------------------------------------- the waitress parser
GUARD = Guard(port=8765)


def make_parser(guard: Guard = GUARD):
    parser_class = http_server._channel_class(guard).parser_class
    return parser_class(Adjustments(**http_server.SETTINGS))


def feed(parser, data: bytes, step: int = 256 * 1024) -> int:
    """Hand `data` to the parser the way a waitress channel does; returns the bytes it took."""
    taken = 0
    while taken < len(data) and not parser.completed:
        taken += parser.received(data[taken:taken + step])
    return taken


def request_bytes(host: str = "127.0.0.1", length: int | None = None, body: bytes = b"", path: str = "/score",
                  method: str = "POST", extra: str = "", content_type: str = "application/json") -> bytes:
    length = len(body) if length is None else length
    head = (f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {length}\r\n{extra}\r\n")
    return head.encode("latin-1") + body


MIB = 1024 * 1024


def test_a_refused_body_is_read_and_thrown_away_as_it_arrives():
    parser = make_parser()
    body = b"x" * (12 * MIB)
    data = request_bytes(host="evil.example", body=body)
    assert feed(parser, data) == len(data)  # all of it read, so the client gets to read the answer
    assert parser.completed and parser.error is None
    assert parser.refusal == ("host_not_allowed", {})
    assert isinstance(parser.body_rcv.buf, http_server.DiscardBuffer)
    assert parser.body_rcv.buf.discarded == len(body)
    assert parser.get_body_stream().read() == b""  # nothing of it was kept


def test_an_accepted_body_is_kept_whole():
    parser = make_parser()
    body = b'{"text": "' + b"a" * MIB + b'"}'
    feed(parser, request_bytes(body=body))
    assert parser.completed and parser.refusal is None and parser.error is None
    assert parser.get_body_stream().read() == body


def test_a_declared_length_past_the_limit_is_refused_from_the_headers():
    parser = make_parser()
    feed(parser, request_bytes(length=12 * MIB, body=b"x" * MIB))
    assert not parser.completed and parser.refusal[0] == "body_too_large"
    assert parser.body_rcv.buf.discarded == MIB  # what arrived so far is discarded, not kept
    feed(parser, b"x" * (11 * MIB))
    assert parser.completed and parser.get_body_stream().read() == b""


def test_a_body_too_large_to_be_worth_reading_is_not_read():
    parser = make_parser()
    data = request_bytes(length=http_server.DRAIN_LIMIT + 1, body=b"x" * 1000)
    taken = feed(parser, data)
    assert parser.completed and taken == len(data) - 1000  # the headers only
    assert isinstance(parser.error, http_server.Refused) and parser.error.refusal[0] == "body_too_large"


def test_a_refused_client_waiting_for_100_continue_is_answered_at_once():
    parser = make_parser()
    data = request_bytes(host="evil.example", length=5 * MIB, extra="Expect: 100-continue\r\n")
    assert feed(parser, data) == len(data)
    assert parser.completed and not parser.expect_continue  # no "100 Continue": the refusal comes now
    assert parser.refusal == ("host_not_allowed", {})


def test_a_chunked_body_past_the_limit_is_dropped_and_refused():
    parser = make_parser()
    chunk = b"x" * (256 * 1024)
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(48)) + b"0\r\n\r\n"  # 12 MiB
    head = b"POST /score HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    feed(parser, head + chunks)
    assert parser.completed and parser.error is None
    assert parser.refusal[0] == "body_too_large"
    assert parser.get_body_stream().read() == b""


def test_a_body_on_a_path_that_reads_none_is_discarded():
    parser = make_parser()
    feed(parser, request_bytes(method="GET", path="/health", body=b"x" * MIB))
    assert parser.completed and parser.refusal is None
    assert parser.get_body_stream().read() == b"" and parser.headers["CONTENT_LENGTH"] == "0"


# ---------------------------------------------------------------- idle connections are evicted
class FakeChannel:
    def __init__(self, last_activity: float, busy: bool = False):
        self.last_activity = last_activity
        self.requests = [object()] if busy else []
        self.will_close = self.close_when_flushed = False
        self.total_outbufs_len = 0


def test_at_the_connection_limit_the_longest_idle_connections_are_closed():
    import types

    limit = 20
    channels = {i: FakeChannel(last_activity=float(i), busy=(i % 3 == 0)) for i in range(limit)}
    server = types.SimpleNamespace(active_channels=channels, _map=dict(channels),
                                   adj=types.SimpleNamespace(connection_limit=limit), evicted=0,
                                   _last_eviction_log=0.0)
    closed = http_server.GuardedServer.evict_idle(server, now=100.0)
    assert closed == http_server.EVICTION_HEADROOM
    evicted = sorted(i for i, c in channels.items() if c.will_close)
    idle = [i for i in sorted(channels) if i % 3]
    assert evicted == idle[:closed]  # the longest idle first
    assert not any(channels[i].will_close for i in channels if i % 3 == 0)  # never one being served
    # marked ones count as gone: no second round until they are closed
    assert http_server.GuardedServer.evict_idle(server, now=100.0) == 0
