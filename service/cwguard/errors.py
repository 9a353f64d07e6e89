"""Every refusal of cwguard is one JSON shape: `{"error": {"code", "message", "details"}}`.

`code` is stable and machine-readable (tests and the extension branch on it), `message` is a
sentence for a person, `details` says where the problem is (a field path, a limit). Nothing in an
error ever carries a stack trace, a file path or a piece of the user's message text.
"""
from __future__ import annotations

from typing import Any

import regex

# A field path or key echoed back is cut to this length, so a 1 MB unknown key is not sent back.
MAX_ECHOED_CHARS = 100
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


class InputError(Exception):
    """A request cwguard refuses: the caller sent something it can fix."""

    def __init__(self, code: str, message: str, details: dict[str, Any] | None = None, status: int = 400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details or {}
        self.status = status

    def to_dict(self) -> dict[str, Any]:
        return error_body(self.code, self.message, self.details)


def printable(value: Any) -> str:
    """A user-supplied name made safe to echo: no lone surrogates (they cannot be encoded as
    UTF-8), and short."""
    text = _SURROGATE.sub("\ufffd", str(value))
    if len(text) > MAX_ECHOED_CHARS:
        text = text[:MAX_ECHOED_CHARS] + "…"
    return text


def error_body(code: str, message: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details or {}}}


# Refusals that do not come from the request schema. One place, so the HTTP layer, the OpenAPI
# document and SECURITY.md name the same codes.
HTTP_ERRORS: dict[str, tuple[int, str]] = {
    "invalid_json": (400, "The request body is not valid UTF-8 JSON."),
    "body_not_object": (400, "The request body must be a JSON object."),
    "bad_request": (400, "The HTTP request could not be understood."),
    "token_required": (401, "This service requires the X-CWGuard-Token header."),
    "token_invalid": (401, "The X-CWGuard-Token header does not match the service's token."),
    "host_not_allowed": (403, "The Host header names an address this service does not serve."),
    "origin_not_allowed": (403, "Requests from web pages are refused; only the cwguard extension may call this service."),
    "not_found": (404, "There is no such endpoint. Use POST /score, GET /health or GET /openapi.json."),
    "method_not_allowed": (405, "This endpoint does not accept that HTTP method."),
    "body_too_large": (413, "The request body is larger than the service accepts."),
    "unsupported_media_type": (415, "POST /score accepts only Content-Type: application/json."),
    "headers_too_large": (431, "The request headers are larger than the service accepts."),
    "internal_error": (500, "The service could not score this request. The problem has been logged without the message text."),
    "not_implemented": (501, "The request uses an HTTP feature this service does not support."),
}


def http_error(code: str, details: dict[str, Any] | None = None) -> InputError:
    status, message = HTTP_ERRORS[code]
    return InputError(code, message, details, status)
