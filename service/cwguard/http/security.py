"""Who may talk to the loopback service (issue #4, SECURITY.md).

The service runs on the user's machine while the user browses the web, so every page can send it
requests. The checks, in the order `install` runs them on every request:

1. `Host` must name an address the service serves (127.0.0.1, localhost, [::1], with or without
   the served port): a DNS-rebinding page reaches 127.0.0.1 under its own host name and is
   refused here.
2. An `Origin`, when present, must be the extension's (`chrome-extension://`, `moz-extension://`);
   any web page is refused. No Origin (CLI, curl) is served. CORS headers are sent only to
   extension origins and never as a wildcard.
3. `POST /score` needs the shared token when one is configured (constant-time comparison), and
   `Content-Type: application/json`, which a page cannot send cross-site without a preflight.
"""
from __future__ import annotations

import hmac
import re

from flask import Flask, request
from flask_cors import CORS

from ..errors import http_error

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
# Chrome (and Edge, Brave...) extension ids are 32 letters a-p; Firefox uses a per-install UUID.
EXTENSION_ORIGINS = (
    re.compile(r"^chrome-extension://[a-p]{32}$", re.IGNORECASE),
    re.compile(r"^moz-extension://[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE),
)
TOKEN_HEADER = "X-CWGuard-Token"
_HOST_AND_PORT = re.compile(r"^(\[[0-9a-fA-F:.]+\]|[^:\[\]]+)(?::(\d{1,5}))?$")


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


def check_token(expected: str, given: str | None) -> None:
    if given is None or given == "":
        raise http_error("token_required", {"header": TOKEN_HEADER})
    # Compare bytes: a header may carry any Latin-1 text, compare_digest wants ASCII for str.
    if not hmac.compare_digest(given.encode("utf-8", "surrogateescape"), expected.encode("utf-8")):
        raise http_error("token_invalid", {"header": TOKEN_HEADER})


def check_json_content_type() -> None:
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if request.mimetype != "application/json" or charset not in ("utf-8", "utf8"):
        raise http_error("unsupported_media_type", {"expected": "application/json; charset=utf-8"})


def install(app: Flask) -> None:
    """Register the checks and CORS on `app` (config: CWGUARD_ALLOWED_HOSTS, CWGUARD_PORT,
    CWGUARD_TOKEN)."""
    allowed_hosts = tuple(h.lower() for h in app.config["CWGUARD_ALLOWED_HOSTS"])
    port = app.config.get("CWGUARD_PORT")
    token = app.config.get("CWGUARD_TOKEN") or ""

    @app.before_request
    def _guard() -> None:
        if not host_allowed(request.headers.get("Host", ""), allowed_hosts, port):
            raise http_error("host_not_allowed")
        origin = request.headers.get("Origin")
        if origin is not None and not is_extension_origin(origin):
            raise http_error("origin_not_allowed")
        if request.endpoint == "score" and request.method == "POST":
            if token:
                check_token(token, request.headers.get(TOKEN_HEADER))
            check_json_content_type()

    # Runs after the checks above, so it only ever answers extension origins; a web origin never
    # gets an Access-Control-Allow-Origin header.
    CORS(app, origins=list(EXTENSION_ORIGINS), methods=["GET", "POST", "OPTIONS"],
         allow_headers=["Content-Type", TOKEN_HEADER], supports_credentials=False, max_age=600,
         send_wildcard=False, always_send=False)
