"""Waitress, set up for a service that one user's browser talks to while every web page can reach it.

`create_server(app, host, port)` binds the socket; `run()` on the result serves. What differs
from a plain `waitress.serve` (issue #11):

- **Cheap checks first.** `GuardedParser` runs the app's `security.Guard` as soon as the headers
  have arrived. A refused request's body (and any body a path other than POST /score would
  ignore) is read and thrown away as it streams in, never buffered, then the app answers the
  refusal as JSON. A declared body larger than `DRAIN_LIMIT` is not read at all.
- **Every answer is JSON**, waitress's own refusals too (malformed request, headers too large, a
  chunked body past the limit): `JsonErrorTask`.
- **`Connection: close` on every refusal** (4xx, 5xx), so a refused client cannot keep feeding
  the same connection.
- **Idle connections cannot lock others out.** Connections are capped (`SETTINGS`), an idle one
  is closed after `channel_timeout`, and when the cap is reached the connections idle longest
  (no request being served: keep-alive, slow headers, slow bodies) are closed to admit new ones,
  so hundreds of idle or slow connections leave the extension's requests answered.
- Request and answer bodies never spill to temporary files (message text stays in memory).
"""
from __future__ import annotations

import logging
import time
from typing import Any

from flask import Flask
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.receiver import ChunkedReceiver, FixedStreamReceiver
from waitress.server import MultiSocketServer, TcpWSGIServer
from waitress.task import ErrorTask, ThreadedTaskDispatcher, WSGITask
from waitress.utilities import (
    BadRequest,
    Error,
    RequestEntityTooLarge,
    RequestHeaderFieldsTooLarge,
    ServerNotImplemented,
)

from .. import schemas
from ..errors import HTTP_ERRORS, error_body
from .security import ENVIRON_REFUSAL, GUARD_EXTENSION, Guard, Refusal

log = logging.getLogger("cwguard.http.server")

# Waitress's limit on a body, just above ours: a declared length past ours is refused from the
# headers (JSON 413); a chunked body is cut here at the latest.
MAX_REQUEST_BODY_BYTES = schemas.MAX_BODY_BYTES + 64 * 1024
# A refused body up to this size is read and discarded, so that the client, still sending, gets
# to read the JSON refusal; a larger one is not read (the connection is closed after the answer).
DRAIN_LIMIT = 64 * 1024 * 1024
# When the connection cap is reached, idle connections are closed until this many slots are free.
EVICTION_HEADROOM = 8

SETTINGS: dict[str, Any] = {
    "ident": "cwguard",
    # One user: an extension (a few parallel requests per tab), the CLI, a load test. Idle
    # connections beyond this are evicted rather than refused (GuardedServer).
    "connection_limit": 64,
    # An idle connection (keep-alive, or a client that stopped sending) is closed after 15 s,
    # checked every 5 s.
    "channel_timeout": 15,
    "cleanup_interval": 5,
    "max_request_header_size": 64 * 1024,
    "max_request_body_size": MAX_REQUEST_BODY_BYTES,
    # Never spill request or response bodies (message text) to a temporary file: the request
    # buffer never reaches its overflow size, and answers are bounded by cwguard.budget.
    "inbuf_overflow": MAX_REQUEST_BODY_BYTES + 1,
    "outbuf_overflow": 64 * 1024 * 1024,
    # poll() has no FD_SETSIZE ceiling, unlike select().
    "asyncore_use_poll": True,
}

# waitress's own refusals and the code each answers with.
_WAITRESS_ERRORS: tuple[tuple[type[Error], str], ...] = (
    (RequestEntityTooLarge, "body_too_large"),
    (RequestHeaderFieldsTooLarge, "headers_too_large"),
    (ServerNotImplemented, "not_implemented"),
    (BadRequest, "bad_request"),
)


class Refused(Error):
    """A refusal decided from the headers whose body is not read at all (past DRAIN_LIMIT)."""

    def __init__(self, refusal: Refusal):
        super().__init__("")
        self.refusal = refusal
        self.code = HTTP_ERRORS[refusal[0]][0]


class DiscardBuffer:
    """A request-body buffer that keeps nothing: it counts what it is given."""

    def __init__(self) -> None:
        self.discarded = 0

    def append(self, data: bytes) -> None:
        self.discarded += len(data)

    def __len__(self) -> int:
        return 0

    def getfile(self):
        import io
        return io.BytesIO()

    def close(self) -> None:
        pass


class GuardedParser(HTTPRequestParser):
    """Waitress's request parser, plus the app's access checks as soon as the headers are in."""

    guard: Guard = Guard()
    refusal: Refusal | None = None
    discarding = False

    def parse_header(self, header_plus: bytes) -> None:
        super().parse_header(header_plus)
        self.refusal = self.guard.refusal(self.command, self.path, self.headers.get)
        if self.refusal is None and self.guard.wants_body(self.command, self.path):
            return
        if self.body_rcv is None:
            return  # no body
        self.body_rcv.getbuf().close()
        if self.expect_continue:
            # The client waits for "100 Continue" before sending: answer now, never ask for it.
            self.expect_continue = False
            self.body_rcv, self.content_length = None, 0
        elif not self.chunked and self.content_length > DRAIN_LIMIT:
            self.error = Refused(self.refusal or ("body_too_large", {"limit_bytes": schemas.MAX_BODY_BYTES}))
            self.body_rcv, self.content_length = None, 0
        else:
            self._discard_body()

    def _discard_body(self) -> None:
        """Read the rest of the body into nothing; the request completes when it has arrived."""
        if self.chunked:
            receiver = self.body_rcv if isinstance(self.body_rcv, ChunkedReceiver) else ChunkedReceiver(DiscardBuffer())
            receiver.buf = DiscardBuffer()
        else:
            receiver = FixedStreamReceiver(self.content_length, DiscardBuffer())
        # content_length 0: waitress's own size check (which answers in plain text) stays out.
        self.body_rcv, self.content_length, self.discarding = receiver, 0, True

    def received(self, data: bytes) -> int:
        if self.completed:
            return 0
        if self.discarding:
            consumed = self.body_rcv.received(data)
            self.body_bytes_received += consumed
            if self.body_rcv.error:
                self.error = self.body_rcv.error
                self.completed = True
            elif self.body_rcv.completed:
                self.completed = True
                self.headers["CONTENT_LENGTH"] = "0"
            elif self.body_bytes_received > DRAIN_LIMIT:
                self.error = Refused(self.refusal or ("body_too_large", {"limit_bytes": schemas.MAX_BODY_BYTES}))
                self.completed = True
            return consumed
        consumed = super().received(data)
        if self.chunked and self.body_rcv is not None and (
                isinstance(self.error, RequestEntityTooLarge) or len(self.body_rcv) > schemas.MAX_BODY_BYTES):
            # A chunked body past the limit: drop what came so far, discard the rest, answer 413.
            self.error, self.completed = None, False
            self.refusal = ("body_too_large", {"limit_bytes": schemas.MAX_BODY_BYTES})
            self.body_rcv.getbuf().close()
            self._discard_body()
            if self.body_rcv.completed:
                self.completed = True
        return consumed


class GuardedTask(WSGITask):
    """Hands the parser's refusal to the app, and closes the connection after any refusal."""

    def get_environment(self) -> dict:
        environ = super().get_environment()
        refusal = getattr(self.request, "refusal", None)
        if refusal is not None:
            environ[ENVIRON_REFUSAL] = refusal
        return environ

    def build_response_header(self) -> bytes:
        if not self.status.startswith(("1", "2", "3")):
            self.set_close_on_finish()
        return super().build_response_header()


class JsonErrorTask(ErrorTask):
    """Waitress's own refusals, as the service's JSON errors (and the connection closed)."""

    def execute(self) -> None:
        error = self.request.error
        if isinstance(error, Refused):
            code, details = error.refusal
        else:
            code = next((c for kind, c in _WAITRESS_ERRORS if isinstance(error, kind)), "internal_error")
            details = {"limit_bytes": schemas.MAX_BODY_BYTES} if code == "body_too_large" else {}
        status, message = HTTP_ERRORS[code]
        body = (_json(error_body(code, message, details)) + "\n").encode("utf-8")
        self.status = f"{status} {_REASONS.get(status, 'Error')}"
        self.response_headers.append(("Content-Type", "application/json"))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


_REASONS = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 413: "Content Too Large",
            415: "Unsupported Media Type", 431: "Request Header Fields Too Large", 500: "Internal Server Error",
            501: "Not Implemented"}


def _json(value: Any) -> str:
    import json
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _channel_class(guard: Guard) -> type[HTTPChannel]:
    parser = type("GuardedParser", (GuardedParser,), {"guard": guard})
    return type("GuardedChannel", (HTTPChannel,), {
        "parser_class": parser, "task_class": GuardedTask, "error_task_class": JsonErrorTask})


class GuardedServer(TcpWSGIServer):
    """A waitress TCP server whose connection cap evicts idle connections instead of stalling."""

    evicted = 0
    _last_eviction_log = 0.0

    def __init__(self, application, guard: Guard, map=None, **kwargs):
        self.channel_class = _channel_class(guard)
        super().__init__(application, map, **kwargs)

    def readable(self) -> bool:
        now = time.time()
        if now >= self.next_channel_cleanup:
            self.next_channel_cleanup = now + self.adj.cleanup_interval
            self.maintenance(now)
        if not self.accepting:
            return False
        if len(self._map) >= self.adj.connection_limit:
            # Accept again on the next loop, once the evicted connections are closed.
            self.evict_idle(now)
            return False
        return True

    def evict_idle(self, now: float) -> int:
        """Mark the connections idle longest for closing, until EVICTION_HEADROOM slots would be
        free. A connection with a request being served is never evicted."""
        channels = list(self.active_channels.values())
        closing = sum(1 for c in channels if c.will_close or c.close_when_flushed)
        excess = len(self._map) - closing - (self.adj.connection_limit - EVICTION_HEADROOM)
        if excess <= 0:
            return 0
        idle = sorted((c for c in channels if not (c.requests or c.will_close or c.close_when_flushed
                                                     or c.total_outbufs_len)),
                      key=lambda c: c.last_activity)
        chosen = idle[:excess]
        for channel in chosen:
            channel.will_close = True
        self.evicted += len(chosen)
        if chosen and now - self._last_eviction_log > 10:
            self._last_eviction_log = now
            log.warning("connection limit (%d) reached: closed idle connections (%d so far)",
                        self.adj.connection_limit, self.evicted)
        return len(chosen)


def create_server(app: Flask, host: str, port: int, threads: int = 4, **overrides: Any):
    """Bind `host:port` for `app` (built by `create_app`) and return the server; `run()` serves.

    Connections that arrive before `run()` wait in the listen queue and are answered once it
    runs, which is how `cwguard serve` warms the engine up before /health answers."""
    guard: Guard = app.extensions[GUARD_EXTENSION]
    adj = Adjustments(host=host, port=port, threads=threads, **{**SETTINGS, **overrides})
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adj.threads)
    socket_map: dict = {}
    servers = [GuardedServer(app, guard, socket_map, dispatcher=dispatcher, adj=adj, sockinfo=info)
               for info in adj.listen]
    if len(servers) == 1:
        return servers[0]
    return MultiSocketServer(socket_map, adj, [(s.effective_host, s.effective_port) for s in servers], dispatcher)
