"""A small HTTP proxy in front of the real cwguard service that counts requests and injects faults.

The extension is pointed at this proxy. In `pass` mode every request goes through unchanged
(only `Host` is rewritten, because the service refuses a Host it does not serve), so the
extension talks to the real service; the proxy records each `/score` exchange so a test can
tell that a new scoring really happened. The other modes change only `POST /score` answers:

- `slow`:      hold the request until the test releases it (or `max_hold_s`), past the
               extension's time limit;
- `error500`:  answer 500 with an HTML error page, as a crashed server would;
- `malformed`: answer 200 `application/json` whose body is cut off mid-object;
- `rewrite`:   forward, then pass the service's JSON answer through `rewrite(answer)`.

Runs in threads of the test process; `close()` releases held requests and stops it.
"""
from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODES = ("pass", "slow", "error500", "malformed", "rewrite")
# Hop-by-hop headers must not be forwarded; Host is set to the upstream's own.
_SKIPPED_REQUEST_HEADERS = {"host", "connection", "keep-alive", "proxy-connection", "te", "upgrade",
                            "transfer-encoding", "content-length"}
_SKIPPED_RESPONSE_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "server", "date"}


@dataclass
class Exchange:
    """One `POST /score` seen by the proxy: what the extension sent and what it got back."""

    request: dict | None
    status: int
    response: dict | None = None


@dataclass
class _State:
    mode: str = "pass"
    rewrite: Callable[[dict], dict] | None = None
    counts: dict[str, int] = field(default_factory=dict)
    exchanges: list[Exchange] = field(default_factory=list)


class FaultProxy:
    """`FaultProxy(upstream_port)`; `.url` is what the extension's `serviceUrl` should be."""

    def __init__(self, upstream_port: int, host: str = "127.0.0.1", max_hold_s: float = 30.0):
        self.upstream_port = upstream_port
        self.max_hold_s = max_hold_s
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._state = _State()
        self._release = threading.Event()
        self._server = ThreadingHTTPServer((host, 0), self._handler_class())
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.url = f"http://{host}:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="fault-proxy", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ control from the tests

    def set_mode(self, mode: str, rewrite: Callable[[dict], dict] | None = None) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {MODES}")
        if mode == "rewrite" and rewrite is None:
            raise ValueError("rewrite mode needs a rewrite function")
        with self._lock:
            self._state.mode = mode
            self._state.rewrite = rewrite
        # Leaving `slow` lets the held requests go (their client has given up long ago).
        if mode == "slow":
            self._release.clear()
        else:
            self._release.set()

    def reset(self) -> None:
        """Back to `pass`, counters and recorded exchanges cleared."""
        self.set_mode("pass")
        with self._lock:
            self._state.counts.clear()
            self._state.exchanges.clear()

    def count(self, path: str = "/score") -> int:
        with self._lock:
            return self._state.counts.get(path, 0)

    def exchanges(self) -> list[Exchange]:
        with self._lock:
            return list(self._state.exchanges)

    def last_exchange(self) -> Exchange | None:
        with self._lock:
            return self._state.exchanges[-1] if self._state.exchanges else None

    def wait_for_count(self, at_least: int, path: str = "/score", timeout_s: float = 10.0) -> int:
        """Block until `path` has been requested `at_least` times; returns the count."""
        with self._changed:
            ok = self._changed.wait_for(lambda: self._state.counts.get(path, 0) >= at_least, timeout_s)
            count = self._state.counts.get(path, 0)
        if not ok:
            raise TimeoutError(f"{path} requested {count} times, expected at least {at_least}")
        return count

    def close(self) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    # ------------------------------------------------------------------ serving

    def _record_hit(self, path: str) -> tuple[str, Callable[[dict], dict] | None]:
        with self._changed:
            self._state.counts[path] = self._state.counts.get(path, 0) + 1
            self._changed.notify_all()
            return self._state.mode, self._state.rewrite

    def _record_exchange(self, exchange: Exchange) -> None:
        with self._lock:
            self._state.exchanges.append(exchange)

    def _forward(self, method: str, path: str, headers: dict[str, str], body: bytes | None):
        connection = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=30)
        try:
            forwarded = {k: v for k, v in headers.items() if k.lower() not in _SKIPPED_REQUEST_HEADERS}
            forwarded["Host"] = f"127.0.0.1:{self.upstream_port}"
            connection.request(method, path, body=body, headers=forwarded)
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            connection.close()

    def _handler_class(self):
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format, *args):  # noqa: A002 - the base class's signature
                pass  # the test output stays readable; the exchanges are recorded instead

            def do_GET(self):
                self._handle(None)

            def do_OPTIONS(self):
                self._handle(None)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                self._handle(self.rfile.read(length) if length else b"")

            def _handle(self, body: bytes | None):
                path = self.path.split("?", 1)[0]
                mode, rewrite = proxy._record_hit(path)
                faulty = self.command == "POST" and path == "/score"
                if faulty and mode == "slow":
                    proxy._release.wait(proxy.max_hold_s)
                    self._reply(504, [("Content-Type", "text/plain")], b"held too long")
                elif faulty and mode == "error500":
                    proxy._record_exchange(Exchange(_json_or_none(body), 500))
                    self._reply(500, [("Content-Type", "text/html; charset=utf-8")],
                                b"<html><body><h1>Internal Server Error</h1><script>window.__cwguardInjected=1"
                                b"</script></body></html>")
                elif faulty and mode == "malformed":
                    proxy._record_exchange(Exchange(_json_or_none(body), 200))
                    self._reply(200, [("Content-Type", "application/json")],
                                b'{"risk": {"level": "high", "score": 90}, "warnings": [{"id": "w1", "tit')
                else:
                    self._pass_through(body, rewrite if faulty and mode == "rewrite" else None, faulty)

            def _pass_through(self, body, rewrite, record):
                status, headers, payload = proxy._forward(self.command, self.path, dict(self.headers), body)
                answer = _json_or_none(payload)
                if rewrite is not None and status == 200 and answer is not None:
                    answer = rewrite(answer)
                    payload = json.dumps(answer, ensure_ascii=False).encode("utf-8")
                if record:
                    proxy._record_exchange(Exchange(_json_or_none(body), status, answer))
                kept = [(k, v) for k, v in headers if k.lower() not in _SKIPPED_RESPONSE_HEADERS]
                self._reply(status, kept, payload)

            def _reply(self, status: int, headers, payload: bytes):
                try:
                    self.send_response(status)
                    for name, value in headers:
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the extension gave up waiting (timeout): nothing to answer to

        return Handler


def _json_or_none(raw: bytes | None):
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None
