"""Who may talk to the loopback service (issues #4 and #11, SECURITY.md).

The service runs on the user's machine while the user browses the web, so every page can send it
requests. The checks, in this order, on every request:

1. `Host` must name an address the service serves (127.0.0.1, localhost, [::1], with or without
   the served port): a DNS-rebinding page reaches 127.0.0.1 under its own host name and is
   refused here.
2. An `Origin`, when present, must be the extension's (`chrome-extension://`, `moz-extension://`);
   any web page is refused. No Origin (CLI, curl) is served. CORS headers are sent only to
   extension origins and never as a wildcard.
3. `POST /score` needs the shared token when one is configured (UTF-8 bytes, stripped, compared in
   constant time), `Content-Type: application/json` (which a page cannot send cross-site without a
   preflight), and a declared `Content-Length` within the body limit.

All of them read headers only. `Guard.refusal` is the one implementation: the Flask app runs it
before a view touches the body, and the waitress parser (`http/server.py`) runs it as soon as the
headers have arrived, so a refused body is discarded as it streams in instead of being buffered.
"""
from __future__ import annotations

import hmac
import re
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, request
from flask_cors import CORS
from werkzeug.http import parse_options_header

from .. import schemas
from ..errors import InputError, http_error

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
# Chrome (and Edge, Brave...) extension ids are 32 letters a-p; Firefox uses a per-install UUID.
EXTENSION_ORIGINS = (
    re.compile(r"^chrome-extension://[a-p]{32}$", re.IGNORECASE),
    re.compile(r"^moz-extension://[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE),
)
TOKEN_HEADER = "X-CWGuard-Token"
SCORE_PATH = "/score"
# Where the early refusal of the waitress parser travels to the app (a key no client can set).
ENVIRON_REFUSAL = "cwguard.refusal"
_HOST_AND_PORT = re.compile(r"^(\[[0-9a-fA-F:.]+\]|[^:\[\]]+)(?::(\d{1,5}))?$")
# What a token is stripped of, on both sides, before the comparison: the whitespace a server
# strips from a header value, and that a shell or an editor leaves around a pasted token.
_TOKEN_STRIP = b" \t\r\n"

# A refusal: (error code, details).
Refusal = tuple[str, dict]


def is_extension_origin(origin: str) -> bool:
    return any(pattern.match(origin) for pattern in EXTENSION_ORIGINS)


def host_allowed(host_header: str, allowed_hosts: tuple[str, ...], port: int | None) -> bool:
    """`Host` names one of `allowed_hosts`, with no port or the served one (any port when the
    served port is not known, as in the test client)."""
    match = _HOST_AND_PORT.match(host_header or "")
    if not match:
        return False
    name, given_port = match.group(1).lower(), match.group(2)
    if name not in allowed_hosts:
        return False
    return given_port is None or port is None or int(given_port) == port


def token_bytes(token: str | bytes | None) -> bytes:
    """The configured token as the bytes a client must send: UTF-8, stripped. Empty: no token."""
    if token is None:
        return b""
    raw = token if isinstance(token, bytes) else token.encode("utf-8", "surrogateescape")
    return raw.strip(_TOKEN_STRIP)


def header_bytes(value: str) -> bytes:
    """A header value as the bytes the client sent. WSGI servers hand header values over as
    Latin-1 text (one character per byte), so encoding them back as Latin-1 gives the original
    bytes, which for a token are its UTF-8 encoding."""
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:  # only a test client can put a non-Latin-1 character here
        return value.encode("utf-8", "surrogateescape")


def check_token(expected: bytes, given: str | None) -> Refusal | None:
    """None when `given` (the header as received) matches `expected` (see `token_bytes`)."""
    if given is None:
        return "token_required", {"header": TOKEN_HEADER}
    given_bytes = header_bytes(given).strip(_TOKEN_STRIP)
    if not given_bytes:
        return "token_required", {"header": TOKEN_HEADER}
    if not hmac.compare_digest(given_bytes, expected):
        return "token_invalid", {"header": TOKEN_HEADER}
    return None


def json_content_type(value: str | None) -> bool:
    mimetype, params = parse_options_header(value or "")
    charset = params.get("charset", "utf-8").lower()
    return mimetype.lower() == "application/json" and charset in ("utf-8", "utf8")


def normal_path(path: str) -> str:
    """The path as the app will see it (waitress folds leading slashes: //score is /score)."""
    return "/" + path.lstrip("/") if path.startswith("/") else path


@dataclass(frozen=True)
class Guard:
    """The access rules of one served app (config: allowed Host names, served port, token)."""

    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    port: int | None = None
    token: bytes = b""

    def wants_body(self, method: str, path: str) -> bool:
        """Only POST /score reads a body; any other request's body is thrown away unread."""
        return method.upper() == "POST" and normal_path(path) == SCORE_PATH

    def refusal(self, method: str, path: str, header: Callable[[str], str | None]) -> Refusal | None:
        """The first check the request fails, from its method, path and headers alone.

        `header(name)` gives a header by its WSGI name without the HTTP_ prefix (HOST, ORIGIN,
        CONTENT_TYPE, CONTENT_LENGTH, X_CWGUARD_TOKEN), or None."""
        if not host_allowed(header("HOST") or "", self.allowed_hosts, self.port):
            return "host_not_allowed", {}
        origin = header("ORIGIN")
        if origin is not None and not is_extension_origin(origin):
            return "origin_not_allowed", {}
        if not self.wants_body(method, path):
            return None
        if self.token:
            refused = check_token(self.token, header("X_CWGUARD_TOKEN"))
            if refused:
                return refused
        if not json_content_type(header("CONTENT_TYPE")):
            return "unsupported_media_type", {"expected": "application/json; charset=utf-8"}
        declared = (header("CONTENT_LENGTH") or "").strip()
        if declared.isdigit() and int(declared) > schemas.MAX_BODY_BYTES:
            return "body_too_large", {"limit_bytes": schemas.MAX_BODY_BYTES}
        return None


def environ_header(environ: dict) -> Callable[[str], str | None]:
    def header(name: str) -> str | None:
        if name in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            return environ.get(name) or None
        return environ.get("HTTP_" + name)
    return header


def refusal_error(refused: Refusal) -> InputError:
    code, details = refused
    return http_error(code, details)


def guard_from_config(config: dict) -> Guard:
    return Guard(allowed_hosts=tuple(h.lower() for h in config["CWGUARD_ALLOWED_HOSTS"]),
                 port=config.get("CWGUARD_PORT"), token=token_bytes(config.get("CWGUARD_TOKEN")))


GUARD_EXTENSION = "cwguard.guard"


def install(app: Flask) -> Guard:
    """Register the checks and CORS on `app` (config: CWGUARD_ALLOWED_HOSTS, CWGUARD_PORT,
    CWGUARD_TOKEN); the Guard is kept in `app.extensions` for the waitress parser."""
    guard = guard_from_config(app.config)
    app.extensions[GUARD_EXTENSION] = guard

    @app.before_request
    def _guard() -> None:
        # The waitress parser may have refused the request already and thrown its body away.
        refused = request.environ.get(ENVIRON_REFUSAL) or guard.refusal(
            request.method, request.path, environ_header(request.environ))
        if refused:
            raise refusal_error(refused)

    # Runs after the checks above, so it only ever answers extension origins; a web origin never
    # gets an Access-Control-Allow-Origin header.
    CORS(app, origins=list(EXTENSION_ORIGINS), methods=["GET", "POST", "OPTIONS"],
         allow_headers=["Content-Type", TOKEN_HEADER], supports_credentials=False, max_age=600,
         send_wildcard=False, always_send=False)
    return guard
