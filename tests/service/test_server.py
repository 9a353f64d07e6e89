"""The real thing: `cwguard serve` in a subprocess (waitress on loopback), spoken to over HTTP."""
from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys

import pytest
import requests

from cwguard import schemas
from support.service import ServiceProcess, free_port

ENGINE_WRITTEN = importlib.util.find_spec("cwguard.engine.scoring") is not None


@pytest.fixture(scope="module")
def server():
    with ServiceProcess() as service:
        yield service.url


def test_health(server):
    response = requests.get(f"{server}/health", timeout=5)
    assert response.status_code == 200
    assert response.json()["status"] == "ok" and response.json()["service"] == "cwguard"
    assert response.headers["Content-Type"].startswith("application/json")


def test_score(server):
    if not ENGINE_WRITTEN:
        pytest.skip("the engine (engine/scoring.py) is not written yet")
    response = requests.post(f"{server}/score", json={"text": "詳細はLINEでお伝えします。ID: abc_123"}, timeout=30)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert schemas.ScoreResponseSchema().validate(answer) == {}
    assert answer["risk"]["level"] == "high"


def test_bad_input_is_a_json_400(server):
    response = requests.post(f"{server}/score", data='{"messages": []}',
                             headers={"Content-Type": "application/json"}, timeout=5)
    assert response.status_code == 400 and response.json()["error"]["code"] == "messages_empty"


def test_foreign_host_is_refused(server):
    response = requests.get(f"{server}/health", headers={"Host": "rebind.evil.example"}, timeout=5)
    assert response.status_code == 403 and response.json()["error"]["code"] == "host_not_allowed"
    port = server.rsplit(":", 1)[1]
    response = requests.get(f"{server}/health", headers={"Host": f"localhost:{port}"}, timeout=5)
    assert response.status_code == 200


def test_web_origin_is_refused(server):
    response = requests.post(f"{server}/score", json={"text": "a"}, headers={"Origin": "https://evil.example"}, timeout=5)
    assert response.status_code == 403 and response.json()["error"]["code"] == "origin_not_allowed"
    assert "Access-Control-Allow-Origin" not in response.headers


def test_oversized_body_is_a_json_413(server):
    body = json.dumps({"text": "a" * (schemas.MAX_BODY_BYTES + 1)})
    response = requests.post(f"{server}/score", data=body, headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 413 and response.json()["error"]["code"] == "body_too_large"


def test_listens_on_loopback_only(server):
    port = int(server.rsplit(":", 1)[1])
    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    for address in addresses - {"127.0.0.1", "127.0.1.1"}:
        with socket.socket() as probe:
            probe.settimeout(1)
            assert probe.connect_ex((address, port)) != 0, f"reachable on {address}"


def test_token_from_the_environment():
    with ServiceProcess(token="tok-123") as service:
        url = f"{service.url}/score"
        response = requests.post(url, json={"text": "a"}, timeout=5)
        assert response.status_code == 401 and response.json()["error"]["code"] == "token_required"
        response = requests.post(url, json={"text": "a"}, headers={"X-CWGuard-Token": "nope"}, timeout=5)
        assert response.json()["error"]["code"] == "token_invalid"
        response = requests.post(url, data='{"messages": []}', timeout=5,
                                 headers={"X-CWGuard-Token": "tok-123", "Content-Type": "application/json"})
        assert response.json()["error"]["code"] == "messages_empty"  # past the token check


def test_non_loopback_bind_needs_the_flag():
    done = subprocess.run([sys.executable, "-m", "cwguard", "serve", "--host", "0.0.0.0", "--port", str(free_port())],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "--allow-remote" in done.stderr
