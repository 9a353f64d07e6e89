"""The OpenAPI 3 document of the service, generated from the marshmallow schemas it validates with."""
from __future__ import annotations

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

from .. import budget, schemas
from ..errors import HTTP_ERRORS
from .security import TOKEN_HEADER

# Codes `schemas.load_request` can answer with (400), besides the HTTP-level ones in HTTP_ERRORS.
REQUEST_ERROR_CODES = (
    "invalid_json", "body_not_object", "text_and_messages", "messages_required", "messages_empty",
    "too_many_messages", "message_too_long", "value_too_long", "duplicate_message_id", "lone_surrogate",
    "unknown_field", "missing_field", "wrong_type", "invalid_value", "invalid_datetime",
)

DESCRIPTION = f"""\
Local scoring service of cwguard: warns a CrowdWorks freelancer when a message thread pulls them
off the platform (outside chat tools, direct deals, outside sites) or looks like a scam.

Limits: request body at most {schemas.MAX_BODY_BYTES} bytes (8 MiB), at most {schemas.MAX_MESSAGES}
messages per thread, at most {schemas.MAX_MESSAGE_CHARS} characters (code points) per message.
An answer carries at most {budget.MAX_HIGHLIGHTS} highlights (the strongest first), at most
{budget.MAX_MESSAGE_IDS} message ids per warning and at most {budget.MAX_ANSWER_BYTES} bytes; when
it was cut to fit, it has `"truncated": true` (risk and warnings are never cut).

Every refusal is `{{"error": {{"code", "message", "details"}}}}`. Request errors (400):
{", ".join(REQUEST_ERROR_CODES)}. Access and transport errors:
{", ".join(f"{code} ({status})" for code, (status, _) in HTTP_ERRORS.items() if code not in REQUEST_ERROR_CODES)}.

Access: only loopback Host names are served; requests with an Origin other than a
chrome-extension:// or moz-extension:// origin are refused; when the service has a token,
POST /score needs the `{TOKEN_HEADER}` header.
"""


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": "Error"}}}


_REFUSED_ACCESS = _error("host_not_allowed or origin_not_allowed")


def build_spec(version: str) -> dict:
    spec = APISpec(title="cwguard", version=version, openapi_version="3.0.3",
                   plugins=[MarshmallowPlugin()], info={"description": DESCRIPTION})
    for name, schema in (("ScoreRequest", schemas.ScoreRequestSchema), ("TextRequest", schemas.TextRequestSchema),
                         ("ScoreResponse", schemas.ScoreResponseSchema), ("Health", schemas.HealthSchema),
                         ("Error", schemas.ErrorSchema)):
        spec.components.schema(name, schema=schema)
    spec.components.security_scheme("cwguardToken", {"type": "apiKey", "in": "header", "name": TOKEN_HEADER})
    spec.path(path="/score", operations={"post": _score_operation()})
    spec.path(path="/health", operations={"get": {
        "summary": "Liveness check.",
        "responses": {"200": {"description": "The service is up.",
                              "content": {"application/json": {"schema": "Health"}}},
                      "403": _REFUSED_ACCESS}}})
    spec.path(path="/openapi.json", operations={"get": {
        "summary": "This document.",
        "responses": {"200": {"description": "OpenAPI 3 document.",
                              "content": {"application/json": {"schema": {"type": "object"}}}},
                      "403": _REFUSED_ACCESS}}})
    return spec.to_dict()


def _score_operation() -> dict:
    request_schema = {"oneOf": [{"$ref": "#/components/schemas/ScoreRequest"},
                                {"$ref": "#/components/schemas/TextRequest"}]}
    return {
        "summary": "Score a message thread.",
        "description": "A thread (`messages`) or the shorthand `{\"text\": \"...\"}` (one message, id m1, "
                       "sender unknown). Highlight offsets are UTF-16 code units into each message as sent.",
        "security": [{}, {"cwguardToken": []}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": request_schema}}},
        "responses": {
            "200": {"description": "The risk of the thread, its warnings and the words to highlight.",
                    "content": {"application/json": {"schema": "ScoreResponse"}}},
            "400": _error("The body is not a valid request; `code` says why: " + ", ".join(REQUEST_ERROR_CODES)),
            "401": _error("token_required or token_invalid (only when the service has a token)"),
            "403": _REFUSED_ACCESS,
            "413": _error(f"body_too_large: more than {schemas.MAX_BODY_BYTES} bytes"),
            "415": _error("unsupported_media_type: the body must be application/json"),
        },
    }
