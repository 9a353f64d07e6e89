"""Privacy (issue #4): scoring never contacts anything but loopback, writes nothing to disk, and
logs no message text.

The network and disk test runs in a fresh interpreter with the guards installed *before* cwguard
is imported, so a library that fetches or caches on first use (tldextract's suffix list, for
example) is caught even if another test already loaded it in this process.
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap

from cwguard.http import create_app

# Texts full of things a library might want to resolve, fetch or cache: URLs under many public
# suffixes, short links, invite links, e-mail addresses, phone numbers.
TEXTS = [
    "詳細は https://lin.ee/abc123 からLINE追加をお願いします",
    "弊社サイト https://www.example.co.jp/apply と bit.ly/3xYz から本登録を",
    # a real-looking address: two example.* placeholders read as a form's sample, and the model may
    # then doubt the rules (RUBRIC.md: `example@example.com` is no way to reach anyone)
    "メールは taro.yamada@gmail.com 、または taro(at)example[.]ne[.]jp まで",
    "お電話ください 090-1234-5678 / ０３－１２３４－５６７８ / +81 90 1234 5678",
    "discord.gg/abcdef や t.me/someone、chatwork.com/g/xyz、zoom.us/j/123、meet.google.com/abc-defg-hij",
    "参考: https://crowdworks.jp/public/jobs/123 と https://docs.google.com/forms/d/e/x/viewform と foo.bar.museum",
]

GUARDED_RUN = textwrap.dedent('''
    import builtins, io, json, os, socket, sys

    LOOPBACK = {"127.0.0.1", "::1", "localhost", "0:0:0:0:0:0:0:1"}
    seen = {"connections": [], "lookups": [], "writes": []}

    def _outbound(kind, target):
        seen[kind].append(repr(target))
        raise OSError(f"cwguard privacy test: {kind} to {target!r} is not allowed")

    def _host(address):
        return address[0] if isinstance(address, tuple) else None

    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_create, real_getaddrinfo = socket.create_connection, socket.getaddrinfo

    def connect(self, address):
        if self.family != socket.AF_UNIX and _host(address) not in LOOPBACK:
            _outbound("connections", address)
        return real_connect(self, address)

    def connect_ex(self, address):
        if self.family != socket.AF_UNIX and _host(address) not in LOOPBACK:
            _outbound("connections", address)
        return real_connect_ex(self, address)

    def create_connection(address, *args, **kwargs):
        if _host(address) not in LOOPBACK:
            _outbound("connections", address)
        return real_create(address, *args, **kwargs)

    def getaddrinfo(host, *args, **kwargs):
        if host not in LOOPBACK and host is not None:
            _outbound("lookups", host)
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
    socket.create_connection, socket.getaddrinfo = create_connection, getaddrinfo

    real_open, real_os_open = builtins.open, os.open
    WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

    def guarded_open(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+") and file not in (os.devnull,):
            _outbound("writes", file)
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & WRITE_FLAGS and path != os.devnull:
            _outbound("writes", path)
        return real_os_open(path, flags, *args, **kwargs)

    def no_mkdir(path, *args, **kwargs):
        _outbound("writes", path)

    builtins.open = io.open = guarded_open
    os.open = guarded_os_open
    os.mkdir = os.makedirs = no_mkdir

    texts = json.loads(sys.argv[1])
    from cwguard.api import score, warm_up
    from cwguard.http import create_app

    warm_up()  # what `cwguard serve` runs before it answers: it must not fetch or write either

    levels = [score({"text": text})["risk"]["level"] for text in texts]
    thread = {"messages": [{"id": f"m{i}", "sender": "client", "text": t} for i, t in enumerate(texts)],
              "context": {"contract_status": "before_contract", "page_url": "https://crowdworks.jp/messages/1"}}
    levels.append(score(thread)["risk"]["level"])
    client = create_app({"CWGUARD_TOKEN": ""}).test_client()
    statuses = [client.post("/score", json={"text": text}).status_code for text in texts]
    builtins.open = real_open
    print(json.dumps({**seen, "levels": levels, "statuses": statuses}))
''')


def test_scoring_contacts_nothing_but_loopback_and_writes_nothing():
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("CWGUARD_TOKEN", None)
    done = subprocess.run([sys.executable, "-c", GUARDED_RUN, json.dumps(TEXTS)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["connections"] == [] and report["lookups"] == [], report
    assert report["writes"] == [], report
    assert report["statuses"] == [200] * len(TEXTS)
    # the texts really went through the detectors: they are risky
    assert report["levels"].count("none") <= 1, report["levels"]


def test_the_guard_would_catch_an_outbound_connection():
    """The guard itself must be able to fail: a script that fetches is reported."""
    probe = GUARDED_RUN.split("texts = json.loads")[0] + textwrap.dedent('''
        import urllib.request
        try:
            urllib.request.urlopen("http://example.com/", timeout=2)
        except Exception:
            pass
        try:
            open("/tmp/cwguard-privacy-probe", "w")
        except OSError:
            pass
        print(json.dumps(seen))
    ''')
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["lookups"] or report["connections"]
    assert report["writes"] == ["'/tmp/cwguard-privacy-probe'"]


# ---------------------------------------------------------------- logs
SECRET = "秘密の本文です: 連絡先は taro@example.com と 090-1234-5678、LINEは abc_secret_id"


def assert_not_logged(text: str, log_text: str):
    for piece in ("秘密の本文", "taro@example.com", "090-1234-5678", "abc_secret_id"):
        assert piece not in log_text, f"{piece!r} was logged"


def test_http_layer_logs_no_message_text(caplog):
    def engine(request):
        return {"risk": {"level": "high", "score": 80}, "contract_status": "unknown",
                "warnings": [], "highlights": [], "engine": {"version": "f", "elapsed_ms": 1}}

    client = create_app({"CWGUARD_TOKEN": "", "CWGUARD_ENGINE": engine}).test_client()
    with caplog.at_level(logging.DEBUG):
        assert client.post("/score", json={"text": SECRET}).status_code == 200
        assert client.post("/score", json={"text": SECRET, "lang": "xx"}).status_code == 400
        assert client.post("/score", json={"messages": [{"id": "a", "text": SECRET}] * 2}).status_code == 400
    assert "scored 1 message(s)" in caplog.text  # something is logged ...
    assert_not_logged(SECRET, caplog.text)  # ... but never the text


def test_engine_logs_no_message_text(caplog):
    client = create_app({"CWGUARD_TOKEN": ""}).test_client()
    with caplog.at_level(logging.DEBUG):
        answer = client.post("/score", json={"messages": [{"id": "m1", "sender": "client", "text": SECRET}]}).json
    assert answer["risk"]["level"] == "high"
    assert_not_logged(SECRET, caplog.text)
