"""`cwguard scan` (in-process and --server) and `cwguard serve` argument handling."""
from __future__ import annotations

import io
import json
import socket
import sys
import types

import pytest
import requests
import responses

from cwguard import cli, schemas

TEXT = "😀𠮷 詳細はLINEで、ID: abc_123"
# UTF-16: 😀 and 𠮷 are two units each, then a space: "LINE" starts at 5 + 3 = 8.
ANSWER = {
    "risk": {"level": "high", "score": 87},
    "contract_status": "before_contract",
    "warnings": [{"id": "w1", "category": "off_platform_contact", "kind": "risk", "severity": "high",
                  "title": "外部ツールへの誘導", "detail": "事務局が見られません。", "advice": "応じないでください。",
                  "message_ids": ["m1"]}],
    "highlights": [{"message_id": "m1", "start": 8, "end": 12, "text": "LINE", "category": "off_platform_contact",
                    "severity": "high", "warning_id": "w1"}],
    "engine": {"version": "fake", "elapsed_ms": 0.2},
}


@pytest.fixture
def api_calls(monkeypatch):
    """A fake `cwguard.api` that validates like the real one and records what it scored."""
    calls: list[dict] = []

    def score(payload: dict) -> dict:
        calls.append(schemas.load_request(payload))
        return ANSWER

    fake = types.ModuleType("cwguard.api")
    fake.score = score
    monkeypatch.setitem(sys.modules, "cwguard.api", fake)
    return calls


def write(tmp_path, content: str | bytes, name="thread.txt"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- in-process
def test_scan_plain_text_prints_a_report_with_the_words_marked(tmp_path, capsys, api_calls):
    code, out, _ = run(capsys, "scan", write(tmp_path, TEXT), "--color", "never")
    assert code == 0
    assert api_calls[0]["messages"] == [{"id": "m1", "sender": "unknown", "sent_at": None, "text": TEXT}]
    assert "HIGH" in out and "87/100" in out
    assert "外部ツールへの誘導" in out and "応じないでください。" in out
    assert "😀𠮷 詳細は[[LINE]]で、ID: abc_123" in out
    assert "\x1b[" not in out


def test_scan_a_request_file_and_override_lang(tmp_path, capsys, api_calls):
    thread = {"messages": [{"id": "a", "sender": "client", "text": TEXT},
                           {"id": "b", "sender": "worker", "text": "承知しました"}],
              "context": {"contract_status": "before_contract"}}
    answer = dict(ANSWER, highlights=[dict(ANSWER["highlights"][0], message_id="a")])
    sys.modules["cwguard.api"].score = lambda payload: api_calls.append(schemas.load_request(payload)) or answer
    code, out, _ = run(capsys, "scan", write(tmp_path, json.dumps(thread), "t.json"), "--lang", "en", "--color", "never")
    assert code == 0
    assert api_calls[0]["lang"] == "en" and [m["id"] for m in api_calls[0]["messages"]] == ["a", "b"]
    assert "[[LINE]]" in out
    assert "承知しました" not in out  # messages without findings are only counted
    code, out, _ = run(capsys, "scan", write(tmp_path, json.dumps(thread), "t.json"), "--all", "--color", "never")
    assert "承知しました" in out


def test_scan_json_prints_the_raw_answer(tmp_path, capsys, api_calls):
    code, out, _ = run(capsys, "scan", write(tmp_path, TEXT), "--json")
    assert code == 0 and json.loads(out) == ANSWER


def test_scan_reads_stdin(monkeypatch, capsys, api_calls):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps({"text": TEXT}).encode())))
    code, out, _ = run(capsys, "scan", "-", "--json")
    assert code == 0 and api_calls[0]["messages"][0]["text"] == TEXT


def test_colour_only_when_asked_or_on_a_terminal(tmp_path, capsys, api_calls):
    path = write(tmp_path, TEXT)
    _, coloured, _ = run(capsys, "scan", path, "--color", "always")
    assert "\x1b[" in coloured and "LINE\x1b[0m" in coloured and "[[LINE]]" not in coloured
    _, auto, _ = run(capsys, "scan", path)  # captured stdout is not a terminal
    assert "\x1b[" not in auto


def test_terminal_control_characters_in_messages_are_neutralised(tmp_path, capsys, api_calls):
    sneaky = "詳細はLINEで\x1b[2J\x1b]0;owned\x07 \u202eevil"
    answer = dict(ANSWER, highlights=[dict(ANSWER["highlights"][0], start=3, end=7)])
    sys.modules["cwguard.api"].score = lambda payload: answer
    code, out, _ = run(capsys, "scan", write(tmp_path, sneaky), "--color", "always")
    assert code == 0
    assert "\x1b[2J" not in out and "\x07" not in out and "\u202e" not in out
    assert "<U+001B>[2J" in out and "<U+202E>" in out


def test_bad_request_file_exits_2(tmp_path, capsys, api_calls):
    code, _, err = run(capsys, "scan", write(tmp_path, json.dumps({"messages": []}), "t.json"))
    assert code == 2 and "messages_empty" in err
    code, _, err = run(capsys, "scan", write(tmp_path, '{"messages": [', "t.json"))
    assert code == 2 and "JSON" in err
    code, _, err = run(capsys, "scan", str(tmp_path / "missing.txt"))
    assert code == 2 and "cannot read" in err
    code, _, err = run(capsys, "scan", write(tmp_path, b"\xff\xfe\x00bad"))
    assert code == 2 and "UTF-8" in err
    assert api_calls == []


def test_scan_with_the_real_engine(tmp_path, capsys):
    code, out, _ = run(capsys, "scan", write(tmp_path, "はじめまして。詳細はLINEでお伝えします。ID: abc_123"),
                       "--color", "never")
    assert code == 0 and "HIGH" in out and "[[" in out
    code, out, _ = run(capsys, "scan", write(tmp_path, "はじめまして。よろしくお願いします。"), "--json")
    assert code == 0 and json.loads(out)["risk"]["level"] == "none"


# ---------------------------------------------------------------- --server
SERVER = "http://127.0.0.1:8765"


@responses.activate
def test_scan_asks_the_server(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CWGUARD_TOKEN", raising=False)
    responses.post(f"{SERVER}/score", json=ANSWER)
    code, out, _ = run(capsys, "scan", write(tmp_path, TEXT), "--server", SERVER + "/", "--lang", "en",
                       "--token", "tok", "--color", "never")
    assert code == 0 and "[[LINE]]" in out
    sent = responses.calls[0].request
    assert json.loads(sent.body) == {"text": TEXT, "lang": "en"}
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.headers["X-CWGuard-Token"] == "tok"
    assert "Origin" not in sent.headers


@responses.activate
def test_scan_sends_a_non_ascii_token_as_its_utf8_bytes(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CWGUARD_TOKEN", raising=False)
    responses.post(f"{SERVER}/score", json=ANSWER)
    code, _, _ = run(capsys, "scan", write(tmp_path, TEXT), "--server", SERVER, "--token", " pässwörd🔑 ")
    assert code == 0
    sent = responses.calls[0].request.headers["X-CWGuard-Token"]
    # http.client writes a str header as Latin-1, one byte per character: these are the UTF-8 bytes
    assert sent.encode("latin-1") == "pässwörd🔑".encode()


@responses.activate
def test_scan_server_json_output(tmp_path, capsys):
    responses.post(f"{SERVER}/score", json=ANSWER)
    code, out, _ = run(capsys, "scan", write(tmp_path, TEXT), "--server", SERVER, "--json")
    assert code == 0 and json.loads(out) == ANSWER


@responses.activate
@pytest.mark.parametrize(("status", "body", "exit_code", "said"), [
    (400, {"error": {"code": "messages_empty", "message": "messages: empty", "details": {}}}, 2, "messages_empty"),
    (401, {"error": {"code": "token_required", "message": "Token needed.", "details": {}}}, 2, "token_required"),
    (500, {"error": {"code": "internal_error", "message": "Broken.", "details": {}}}, 3, "internal_error"),
    (502, "<html>Bad gateway</html>", 3, "without JSON"),
    (200, "{truncated", 3, "without JSON"),
])
def test_scan_server_refusals(tmp_path, capsys, status, body, exit_code, said):
    if isinstance(body, dict):
        responses.post(f"{SERVER}/score", json=body, status=status)
    else:
        responses.post(f"{SERVER}/score", body=body, status=status, content_type="text/html")
    code, _, err = run(capsys, "scan", write(tmp_path, TEXT), "--server", SERVER)
    assert code == exit_code and said in err


@responses.activate
def test_scan_server_timeout_is_unreachable(tmp_path, capsys):
    responses.post(f"{SERVER}/score", body=requests.Timeout("slow"))
    code, _, err = run(capsys, "scan", write(tmp_path, TEXT), "--server", SERVER)
    assert code == 3 and "cannot reach" in err


def test_scan_unreachable_server_exits_3(tmp_path, capsys):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _, err = run(capsys, "scan", write(tmp_path, TEXT), "--server", f"http://127.0.0.1:{port}")
    assert code == 3 and "cannot reach" in err


# ---------------------------------------------------------------- serve
class Recorded(list):
    """The create_server calls, and `order`: bind, warm_up and run as they happened."""

    order: list[str]


class FakeServer:
    def __init__(self, log: list[str]):
        self.log = log

    def run(self):
        self.log.append("run")


@pytest.fixture
def served(monkeypatch):
    """Records what the waitress server was asked to do (and that the engine was warmed up
    before it served) instead of serving."""
    from cwguard.http import app as http_app
    from cwguard.http import server as http_server

    calls = Recorded()
    order = calls.order = []

    def create_server(app, host, port, threads=4, **overrides):
        calls.append({"app": app, "host": host, "port": port, "threads": threads, **overrides})
        order.append("bind")
        return FakeServer(order)

    monkeypatch.setattr(http_server, "create_server", create_server)
    monkeypatch.setattr(http_app, "warm_up", lambda app: order.append("warm_up"))
    for name in ("CWGUARD_HOST", "CWGUARD_PORT", "CWGUARD_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    return calls


def test_serve_defaults_to_loopback(served, capsys):
    assert cli.main(["serve"]) == 0
    call = served[0]
    assert (call["host"], call["port"]) == ("127.0.0.1", 8765)
    assert 2 <= call["threads"] <= 8
    client = call["app"].test_client()
    assert client.get("/health", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert client.get("/health", headers={"Host": "127.0.0.1:9999"}).status_code == 403


def test_serve_binds_then_warms_up_then_serves(served, capsys):
    # Bound first (a port in use fails at once), warmed up before anything is answered.
    assert cli.main(["serve"]) == 0
    assert served.order == ["bind", "warm_up", "run"]


def test_waitress_settings():
    from cwguard.http.server import SETTINGS

    assert 10 <= SETTINGS["channel_timeout"] <= 30
    assert SETTINGS["cleanup_interval"] <= SETTINGS["channel_timeout"]
    assert 16 <= SETTINGS["connection_limit"] <= 256  # one user plus margin; idle ones are evicted
    limit = SETTINGS["max_request_body_size"]
    assert schemas.MAX_BODY_BYTES < limit <= schemas.MAX_BODY_BYTES + 1024 * 1024  # just above ours
    # no request body ever spills to a temporary file
    assert SETTINGS["inbuf_overflow"] > limit
    assert SETTINGS["asyncore_use_poll"] is True


def test_serve_reads_host_and_port_from_the_environment(served, monkeypatch, capsys):
    monkeypatch.setenv("CWGUARD_HOST", "localhost")
    monkeypatch.setenv("CWGUARD_PORT", "9123")
    assert cli.main(["serve"]) == 0
    assert (served[0]["host"], served[0]["port"]) == ("localhost", 9123)
    assert cli.main(["serve", "--port", "9200"]) == 0
    assert served[1]["port"] == 9200


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::", "example.com"])
def test_serve_refuses_non_loopback_without_the_flag(served, capsys, host):
    code, _, err = run(capsys, "serve", "--host", host)
    assert code == 2 and served == [] and "--allow-remote" in err


@pytest.mark.parametrize("token", [None, "", "   \t"])
def test_serve_remote_refuses_to_start_without_a_token(served, monkeypatch, capsys, token):
    if token is not None:
        monkeypatch.setenv("CWGUARD_TOKEN", token)
    code, _, err = run(capsys, "serve", "--host", "192.168.1.5", "--allow-remote", "--port", "8000")
    assert code == 2 and served == [] and "CWGUARD_TOKEN" in err


def test_serve_remote_with_the_flag_and_a_token_warns_and_requires_it(served, monkeypatch, capsys):
    monkeypatch.setenv("CWGUARD_TOKEN", "remote-secret")
    code, _, err = run(capsys, "serve", "--host", "192.168.1.5", "--allow-remote", "--port", "8000")
    assert code == 0 and "WARNING" in err
    client = served[0]["app"].test_client()
    assert client.get("/health", headers={"Host": "192.168.1.5:8000"}).status_code == 200
    assert client.get("/health", headers={"Host": "evil.example:8000"}).status_code == 403
    # a remote client that claims to be local still needs the token
    response = client.post("/score", json={"text": "a"}, headers={"Host": "127.0.0.1:8000"})
    assert (response.status_code, response.json["error"]["code"]) == (401, "token_required")
    response = client.post("/score", data="{}", content_type="application/json",
                           headers={"Host": "127.0.0.1:8000", "X-CWGuard-Token": "remote-secret"})
    assert response.json["error"]["code"] != "token_required" and response.status_code != 401


def test_serve_reads_the_token_from_a_file(served, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CWGUARD_TOKEN", "from-the-environment")
    token_file = tmp_path / "token"
    token_file.write_text("  from-the-file\n", encoding="utf-8")
    assert cli.main(["serve", "--token-file", str(token_file)]) == 0
    client = served[0]["app"].test_client()
    assert client.post("/score", data="{}", content_type="application/json",
                       headers={"X-CWGuard-Token": "from-the-file"}).status_code == 400  # past the token
    assert client.post("/score", data="{}", content_type="application/json",
                       headers={"X-CWGuard-Token": "from-the-environment"}).status_code == 401


@pytest.mark.parametrize(("content", "said"), [(None, "cannot read"), ("  \n", "empty"), (b"\xff\xfe", "UTF-8")])
def test_serve_refuses_a_bad_token_file(served, tmp_path, capsys, content, said):
    token_file = tmp_path / "token"
    if isinstance(content, str):
        token_file.write_text(content, encoding="utf-8")
    elif content is not None:
        token_file.write_bytes(content)
    code, _, err = run(capsys, "serve", "--token-file", str(token_file))
    assert code == 2 and said in err and served == []


def test_serve_says_so_when_the_port_is_taken(monkeypatch, capsys):
    from cwguard.http import server as http_server

    def create_server(*args, **kwargs):
        raise OSError(98, "Address already in use")

    monkeypatch.setattr(http_server, "create_server", create_server)
    code, _, err = run(capsys, "serve", "--port", "8765")
    assert code == 3 and "Address already in use" in err and "Traceback" not in err


def test_serve_refuses_a_non_loopback_host_from_the_environment(served, monkeypatch, capsys):
    monkeypatch.setenv("CWGUARD_HOST", "0.0.0.0")
    code, _, err = run(capsys, "serve")
    assert code == 2 and served == []


def test_bad_port_in_the_environment(served, monkeypatch, capsys):
    monkeypatch.setenv("CWGUARD_PORT", "eighty")
    code, _, err = run(capsys, "serve")
    assert code == 2 and "CWGUARD_PORT" in err
