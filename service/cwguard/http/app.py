"""The Flask app: a thin layer that checks access, parses JSON, validates and calls the engine.

Every answer is JSON, including 404, 405, 413, and an unexpected failure (a generic
`internal_error`, logged with its traceback but never with the message text or the exception's
own message, which could quote it). Bad input is refused by `schemas.load_request` before the
engine sees it, so it never reaches an exception. Access is checked from the headers alone,
before anything reads the body (`security.py`); the answer is kept within the per-request budget
(`cwguard.budget`).
"""
from __future__ import annotations

import json
import logging
import os
import time
import traceback
from collections.abc import Callable
from typing import Any

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from .. import __version__, budget, schemas
from ..attachments import with_attachments
from ..errors import HTTP_ERRORS, InputError, error_body, http_error
from . import security
from .openapi import build_spec

log = logging.getLogger("cwguard.http")

# HTTP statuses werkzeug may raise itself (routing, body size) and the code each becomes.
_STATUS_CODES = {404: "not_found", 405: "method_not_allowed", 413: "body_too_large",
                 415: "unsupported_media_type", 400: "bad_request"}


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """`config` may set CWGUARD_TOKEN (default: the environment's), CWGUARD_PORT (the served port,
    checked in Host; None accepts any), CWGUARD_ALLOWED_HOSTS (default: loopback names) and
    CWGUARD_ENGINE (what scores a validated request; default the engine's `score_request`, a
    test may pass a fake)."""
    from ..pipeline import score_request  # here: `import cwguard.cli` stays light

    app = Flask("cwguard")
    app.config.update(
        CWGUARD_TOKEN=os.environ.get("CWGUARD_TOKEN", ""),
        CWGUARD_PORT=None,
        CWGUARD_ALLOWED_HOSTS=security.LOOPBACK_HOSTS,
        CWGUARD_ENGINE=score_request,
        MAX_CONTENT_LENGTH=schemas.MAX_BODY_BYTES,
    )
    app.config.update(config or {})
    # Japanese stays readable (and a third of the size) in answers; nothing unencodable reaches
    # them because lone surrogates are refused and echoed names are cleaned.
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    security.install(app)
    _register_errors(app)
    _register_routes(app)
    return app


def warm_up(app: Flask) -> None:
    """Load the engine (`cwguard.api.warm_up`) and take one request of each kind through this
    app, so that the first real request finds everything loaded. `cwguard serve` calls it before
    the server answers anything, /health included."""
    from ..api import warm_up as warm_up_engine

    started = time.perf_counter()
    scored = warm_up_engine()
    guard: security.Guard = app.extensions[security.GUARD_EXTENSION]
    headers = {"Host": "127.0.0.1"}
    if guard.token:
        headers[security.TOKEN_HEADER] = guard.token.decode("latin-1")
    client = app.test_client()
    for response in (client.post("/score", json={"text": "ウォームアップ LINE: warm_up"}, headers=headers),
                     client.post("/score", data=b"{", content_type="application/json", headers=headers),
                     client.get("/health", headers=headers), client.get("/openapi.json", headers=headers)):
        response.close()
    log.info("warmed up in %.0f ms (%d sample requests)", (time.perf_counter() - started) * 1000, scored + 4)


def _register_routes(app: Flask) -> None:
    spec = build_spec(__version__)

    @app.get("/health")
    def health() -> Response:
        return jsonify(status="ok", service="cwguard", version=__version__)

    @app.get("/openapi.json")
    def openapi() -> Response:
        return jsonify(spec)

    # Attachments (QR codes, file names) are read around whichever engine is configured.
    engine: Callable[[dict], dict] = with_attachments(app.config["CWGUARD_ENGINE"])

    @app.post("/score")
    def score() -> Response:
        validated = schemas.load_request(_json_body())
        started = time.perf_counter()
        answer = budget.apply(engine(validated))
        log.info("scored %d message(s): risk %s in %.1f ms%s", len(validated["messages"]),
                 answer.get("risk", {}).get("level"), (time.perf_counter() - started) * 1000,
                 " (answer truncated)" if answer.get("truncated") else "")
        return _json_response(app, answer)


def _json_response(app: Flask, answer: dict) -> Response:
    """What `jsonify` sends (compact, Japanese unescaped, a final newline), built in one step:
    the answer is plain JSON types, so Flask's provider (a default hook, app-context lookups)
    has nothing to add."""
    return app.response_class(_ENCODER.encode(answer) + "\n", mimetype="application/json")


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


# Built once: json.loads and json.dumps with options build a new decoder or encoder per call.
_DECODER = json.JSONDecoder(parse_constant=_reject_constant)
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _json_body() -> Any:
    # The declared length was checked with the other headers (security.Guard); a chunked body
    # is cut at MAX_CONTENT_LENGTH by werkzeug, and at the same size by the waitress parser.
    raw = request.get_data(cache=False)  # raises 413 past MAX_CONTENT_LENGTH (chunked bodies too)
    try:
        return _DECODER.decode(raw.decode("utf-8"))
    except RecursionError:
        raise InputError("invalid_json", "The JSON is nested too deeply.", {}) from None
    except ValueError as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        position = {"position": error.pos} if isinstance(error, json.JSONDecodeError) else {}
        raise InputError("invalid_json", HTTP_ERRORS["invalid_json"][1], position) from None


def _too_large() -> InputError:
    return http_error("body_too_large", {"limit_bytes": schemas.MAX_BODY_BYTES})


def _register_errors(app: Flask) -> None:
    @app.errorhandler(InputError)
    def _input_error(error: InputError) -> tuple[Response, int]:
        return jsonify(error.to_dict()), error.status

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> Response:
        status = error.code or 500
        code = _STATUS_CODES.get(status, "http_error")
        if status == 413:
            body = _too_large().to_dict()
        elif code in HTTP_ERRORS:
            body = error_body(code, HTTP_ERRORS[code][1])
        else:
            body = error_body(code, error.name)
        response = jsonify(body)
        response.status_code = status
        for name, value in error.get_headers():
            if name.lower() != "content-type":  # keep Allow on 405, drop the HTML type
                response.headers[name] = value
        return response

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> tuple[Response, int]:
        # The traceback names code locations only; str(error) is left out because an exception
        # raised on a message may quote it.
        log.error("internal error %s on %s %s\n%s", type(error).__name__, request.method, request.path,
                  "".join(traceback.format_tb(error.__traceback__)))
        return jsonify(error_body("internal_error", HTTP_ERRORS["internal_error"][1])), 500
