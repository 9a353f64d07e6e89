"""The request and answer of `POST /score` as marshmallow schemas.

One definition serves three readers: `load_request` validates what the HTTP service and the
Python API receive, the OpenAPI document is generated from these classes, and the tests check
answers against the response schemas.

Every error message below is written `"<code>|<sentence>"`: the code is what the caller branches
on, the sentence is what a person reads. `load_request` splits them and reports the first problem
as `InputError(code, sentence, {"field": "messages.3.text", "problems": [...]})`.

Limits (documented in README, SECURITY.md and the OpenAPI document). A real CrowdWorks thread of
2,000 messages averaging 1,000 Japanese characters is about 6 MB of UTF-8 JSON, inside them all:
- `MAX_BODY_BYTES`: 8 MiB request body;
- `MAX_MESSAGES`: 5,000 messages per thread;
- `MAX_MESSAGE_CHARS`: 20,000 characters (code points) per message;
- attachments (images sent in a message, read for QR codes by `cwguard.attachments`): at most
  `MAX_ATTACHMENTS_PER_MESSAGE` per message and `MAX_ATTACHMENTS` per thread, each at most
  `MAX_ATTACHMENT_BYTES` decoded, of a type in `ATTACHMENT_MIMES`.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import regex
from marshmallow import RAISE, Schema, ValidationError, fields, post_load, validate, validates_schema

from .errors import InputError, printable

MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_MESSAGES = 5_000
MAX_MESSAGE_CHARS = 20_000
MAX_ID_CHARS = 128
MAX_NAME_CHARS = 500
MAX_URL_CHARS = 4_096
MAX_JOB_TITLE_CHARS = 500
MAX_ATTACHMENTS_PER_MESSAGE = 4
MAX_ATTACHMENTS = 8
MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024
MAX_ATTACHMENT_BASE64_CHARS = (MAX_ATTACHMENT_BYTES + 2) // 3 * 4
MAX_ATTACHMENT_NAME_CHARS = 255
MAX_ATTACHMENT_ALT_CHARS = 1_000
ATTACHMENT_MIMES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp")
# How many problems one error answer lists in `details.problems` (the first one is the `code`).
MAX_REPORTED_PROBLEMS = 20

SENDERS = ("client", "worker", "system", "unknown")
CONTRACT_STATUSES = ("before_contract", "contracted", "unknown")
LANGS = ("ja", "en")
RATING_NAMES = ("skill", "quality", "schedule", "communication", "partnership")
RISK_LEVELS = ("none", "low", "medium", "high")
SEVERITIES = ("info", "low", "medium", "high")
WARNING_KINDS = ("risk", "signal")
# Names exactly as in RUBRIC.md.
RISK_CATEGORIES = (
    "off_platform_contact", "contact_details", "external_site", "direct_deal", "in_person_meeting",
    "work_before_escrow", "upfront_payment", "personal_info", "unrealistic_offer", "pressure",
)
THREAD_CATEGORIES = ("client_reputation", "slow_reply")
SIGNAL_CATEGORIES = ("platform_contract", "secretariat_permission", "bizmatch")
CATEGORIES = RISK_CATEGORIES + THREAD_CATEGORIES + SIGNAL_CATEGORIES

# CrowdWorks shows Japan time; a timestamp sent without an offset is read as JST.
JST = dt.timezone(dt.timedelta(hours=9), "JST")
# Years outside this range make datetime arithmetic overflow once offsets are applied.
MIN_YEAR, MAX_YEAR = 1970, 9998

_LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_WRONG_TYPE_STRING = "wrong_type|Expected a string."
_NOT_NULL = "wrong_type|This field may not be null."


# ---------------------------------------------------------------- fields
class Text(fields.String):
    """A string that is valid Unicode: a lone UTF-16 surrogate (legal in a JSON escape, `\\ud800`)
    has no character, cannot be encoded and would break every offset computed from the text."""

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"] = {"invalid": _WRONG_TYPE_STRING, "null": _NOT_NULL,
                                    "required": "missing_field|This field is required.",
                                    **kwargs["error_messages"]}
        super().__init__(**kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if _LONE_SURROGATE.search(text):
            raise ValidationError("lone_surrogate|The string contains a lone UTF-16 surrogate, which is not a character.")
        return text


class StrictFloat(fields.Float):
    """A JSON number only: marshmallow would otherwise accept the string "4.5" (and, before
    version 4, true)."""

    default_error_messages = {"invalid": "wrong_type|Expected a number.",
                              "special": "invalid_value|NaN and infinity are not allowed."}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class JstDateTime(fields.DateTime):
    """ISO 8601 date-time; without an offset it is Japan time. Always returns an aware datetime."""

    default_error_messages = {"invalid": "invalid_datetime|Expected an ISO 8601 date-time such as 2026-03-02T10:15:00+09:00.",
                              "invalid_awareness": "invalid_datetime|Expected an ISO 8601 date-time."}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> dt.datetime:
        if not isinstance(value, str):
            raise self.make_error("invalid")
        if _LONE_SURROGATE.search(value):
            raise ValidationError("lone_surrogate|The string contains a lone UTF-16 surrogate, which is not a character.")
        parsed = super()._deserialize(value, attr, data, **kwargs)
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            raise ValidationError(f"invalid_datetime|The year must be between {MIN_YEAR} and {MAX_YEAR}.")
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=JST)


def _one_of(choices: tuple[str, ...]) -> validate.OneOf:
    return validate.OneOf(choices, error="invalid_value|Must be one of: {choices}.")


def _nested(schema: type[Schema], **kwargs: Any) -> fields.Nested:
    return fields.Nested(schema, error_messages={"null": _NOT_NULL,
                                                 "type": "wrong_type|Expected a JSON object."}, **kwargs)


class StrictSchema(Schema):
    """Unknown fields are refused: a typo such as `contract_state` must not be silently ignored."""

    class Meta:
        unknown = RAISE

    error_messages = {"unknown": "unknown_field|This field is not part of the request.",
                      "type": "wrong_type|Expected a JSON object."}


# ---------------------------------------------------------------- request
_BASE64 = regex.compile(r"[A-Za-z0-9+/]*={0,2}")


class AttachmentSchema(StrictSchema):
    """An image sent in a message. Its file name, its alt text and the text of any QR code in it
    are scored like message text (`cwguard.attachments`)."""

    name = Text(load_default="", validate=validate.Length(
        max=MAX_ATTACHMENT_NAME_CHARS, error="value_too_long|At most {max} characters."),
        metadata={"description": "The file name as the page shows it.", "example": "line_qr.png"})
    alt = Text(load_default="", validate=validate.Length(
        max=MAX_ATTACHMENT_ALT_CHARS, error="value_too_long|At most {max} characters."),
        metadata={"description": "The image's alt text or caption."})
    mime = Text(load_default=None, allow_none=True, validate=validate.OneOf(
        ATTACHMENT_MIMES, error="invalid_attachment|The type must be one of: {choices}."),
        metadata={"description": "The image type; required with data_base64."})
    data_base64 = Text(load_default=None, allow_none=True, validate=validate.Length(
        max=MAX_ATTACHMENT_BASE64_CHARS,
        error=f"attachment_too_large|An attachment may have at most {MAX_ATTACHMENT_BYTES} bytes."),
        metadata={"description": f"The image bytes, standard base64; at most {MAX_ATTACHMENT_BYTES} bytes decoded."})

    @validates_schema
    def _data(self, data: dict, **kwargs: Any) -> None:
        encoded = data.get("data_base64")
        if encoded is None:
            return
        if not data.get("mime"):
            raise ValidationError({"mime": ["invalid_attachment|Give the image type with data_base64."]})
        if len(encoded) % 4 or not _BASE64.fullmatch(encoded):
            raise ValidationError({"data_base64": ["invalid_attachment|Not standard base64."]})


class JobSchema(StrictSchema):
    """The job posting a message belongs to (a job page scores its description as one message)."""

    title = Text(load_default=None, allow_none=True, validate=validate.Length(
        max=MAX_JOB_TITLE_CHARS, error="value_too_long|At most {max} characters."))
    description = Text(load_default=None, allow_none=True, validate=validate.Length(
        max=MAX_MESSAGE_CHARS, error="value_too_long|At most {max} characters."))


class MessageSchema(StrictSchema):
    id = Text(required=True, validate=validate.Length(
        min=1, max=MAX_ID_CHARS, error="invalid_value|A message id has 1 to {max} characters."),
        metadata={"description": "Unique within the thread; highlights refer to it.", "example": "m1"})
    sender = Text(load_default="unknown", validate=_one_of(SENDERS),
                  metadata={"description": "Who wrote the message."})
    sent_at = JstDateTime(load_default=None, allow_none=True, metadata={
        "description": "ISO 8601; without an offset it is read as Japan time (+09:00)."})
    text = Text(required=True, validate=validate.Length(
        max=MAX_MESSAGE_CHARS, error="message_too_long|A message may have at most {max} characters."),
        metadata={"description": f"The message exactly as shown; at most {MAX_MESSAGE_CHARS} characters."})
    attachments = fields.List(
        fields.Nested(AttachmentSchema, error_messages={"type": "wrong_type|Expected an attachment object."}),
        load_default=None,
        validate=validate.Length(max=MAX_ATTACHMENTS_PER_MESSAGE, error=(
            "too_many_attachments|A message may have at most {max} attachments.")),
        error_messages={"invalid": "wrong_type|Expected a list of attachments.", "null": _NOT_NULL},
        metadata={"description": "Images sent in the message (optional); see the README's API section."})

    @post_load
    def _attachments(self, data: dict, **kwargs: Any) -> dict:
        if not data.get("attachments"):
            data.pop("attachments", None)
        return data


class RatingsSchema(StrictSchema):
    """CrowdWorks' five client ratings (0-5). Missing or null ratings are simply not known."""

    skill = StrictFloat(allow_none=True)
    quality = StrictFloat(allow_none=True)
    schedule = StrictFloat(allow_none=True)
    communication = StrictFloat(allow_none=True)
    partnership = StrictFloat(allow_none=True)

    @validates_schema
    def _in_range(self, data: dict, **kwargs: Any) -> None:
        bad = {name: ["invalid_value|A rating is between 0 and 5."]
               for name, value in data.items() if value is not None and not 0 <= value <= 5}
        if bad:
            raise ValidationError(bad)

    @post_load
    def _drop_unknown(self, data: dict, **kwargs: Any) -> dict:
        return {name: value for name, value in data.items() if value is not None}


class ClientSchema(StrictSchema):
    name = Text(load_default=None, allow_none=True, validate=validate.Length(
        max=MAX_NAME_CHARS, error="value_too_long|At most {max} characters."))
    ratings = _nested(RatingsSchema, load_default=None, allow_none=True)
    review_count = fields.Integer(strict=True, load_default=None, allow_none=True,
                                  validate=validate.Range(min=0, max=10**9, error="invalid_value|Must be between {min} and {max}."),
                                  error_messages={"invalid": "wrong_type|Expected an integer."})

    @post_load
    def _complete(self, data: dict, **kwargs: Any) -> dict:
        return {**data, "ratings": data["ratings"] or {}}


class ContextSchema(StrictSchema):
    contract_status = Text(load_default="unknown", validate=_one_of(CONTRACT_STATUSES), metadata={
        "description": "What the page says; a system notice inside the thread can move it to contracted."})
    client = _nested(ClientSchema, load_default=None, allow_none=True)
    page_url = Text(load_default=None, allow_none=True, validate=validate.Length(
        max=MAX_URL_CHARS, error="value_too_long|At most {max} characters."))
    job = _nested(JobSchema, load_default=None, allow_none=True, metadata={
        "description": "The job posting (title, description) when the page is one; passed to the engine."})

    @post_load
    def _job(self, data: dict, **kwargs: Any) -> dict:
        # Present only when sent, so a context without a job is exactly what it always was.
        if data.get("job") is None:
            data.pop("job", None)
        return data


def _default_context() -> dict:
    return {"contract_status": "unknown", "client": None, "page_url": None}


class _RequestCommon(StrictSchema):
    context = _nested(ContextSchema, load_default=None, allow_none=True)
    lang = Text(load_default="ja", validate=_one_of(LANGS),
                metadata={"description": "Language of titles, details and advice."})

    @post_load
    def _complete(self, data: dict, **kwargs: Any) -> dict:
        return {**data, "context": data["context"] or _default_context()}


class ScoreRequestSchema(_RequestCommon):
    """A thread: messages in order, with optional context about the contract and the client."""

    messages = fields.List(
        fields.Nested(MessageSchema, error_messages={"type": "wrong_type|Expected a message object."}),
        required=True,
        validate=[validate.Length(min=1, error="messages_empty|The thread must have at least one message."),
                  validate.Length(max=MAX_MESSAGES, error="too_many_messages|A thread may have at most {max} messages.")],
        error_messages={"invalid": "wrong_type|Expected a list of messages.", "null": _NOT_NULL,
                        "required": "messages_required|Send 'messages' (a list) or the shorthand 'text'."},
        metadata={"description": f"1 to {MAX_MESSAGES} messages in thread order."})

    @validates_schema
    def _unique_ids(self, data: dict, **kwargs: Any) -> None:
        seen: set[str] = set()
        duplicates: dict[int, dict] = {}
        for index, message in enumerate(data.get("messages", [])):
            if message["id"] in seen:
                duplicates[index] = {"id": ["duplicate_message_id|Another message of this thread has the same id."]}
            seen.add(message["id"])
        if duplicates:
            raise ValidationError({"messages": duplicates})

    @validates_schema
    def _attachment_count(self, data: dict, **kwargs: Any) -> None:
        total = 0
        for index, message in enumerate(data.get("messages", [])):
            total += len(message.get("attachments") or ())
            if total > MAX_ATTACHMENTS:
                raise ValidationError({"messages": {index: {"attachments": [
                    f"too_many_attachments|A thread may have at most {MAX_ATTACHMENTS} attachments."]}}})


class TextRequestSchema(_RequestCommon):
    """Shorthand: one message of unknown sender, given as `text`."""

    text = Text(required=True, validate=validate.Length(
        max=MAX_MESSAGE_CHARS, error="message_too_long|A message may have at most {max} characters."))

    @post_load
    def _expand(self, data: dict, **kwargs: Any) -> dict:
        text = data.pop("text")
        return {"messages": [{"id": "m1", "sender": "unknown", "sent_at": None, "text": text}], **data}


_SCORE_REQUEST = ScoreRequestSchema()
_TEXT_REQUEST = TextRequestSchema()


def load_request(payload: Any) -> dict:
    """The validated request the engine takes (docs/architecture.md), or `InputError`."""
    if not isinstance(payload, dict):
        raise InputError("body_not_object", "The request must be a JSON object.", {"type": _json_type(payload)})
    if "text" in payload and "messages" in payload:
        raise InputError("text_and_messages", "Send either 'messages' or the shorthand 'text', not both.",
                         {"field": "text"})
    messages = payload.get("messages")
    if isinstance(messages, list) and len(messages) > MAX_MESSAGES:
        # Refused before validating each item: a body of a million `{}` must cost nothing.
        raise InputError("too_many_messages", f"messages: A thread may have at most {MAX_MESSAGES} messages.",
                         {"field": "messages", "limit": MAX_MESSAGES, "received": len(messages)})
    request = _fast_request(payload)
    return request if request is not None else _load_with_marshmallow(payload)


def _load_with_marshmallow(payload: dict) -> dict:
    """The schemas' verdict: the validated request or the InputError reporting every problem."""
    schema = _TEXT_REQUEST if "text" in payload else _SCORE_REQUEST
    try:
        request = schema.load(payload)
    except ValidationError as error:
        raise _input_error(error.messages) from None
    return {"messages": request["messages"], "context": request["context"], "lang": request["lang"]}


# ---------------------------------------------------------------- fast path
# marshmallow costs ~20 us per message, more than normalising it. The common request (well-formed
# messages of plain strings) is checked here by hand with the schemas' own rules and limits; any
# doubt returns None and marshmallow decides, so an error answer is always marshmallow's, worded
# and ordered the same. tests/service/test_api.py checks both paths give the same result.
_REQUEST_FIELDS = frozenset(("messages", "context", "lang"))
_TEXT_REQUEST_FIELDS = frozenset(("text", "context", "lang"))
_MESSAGE_FIELDS = frozenset(("id", "sender", "sent_at", "text"))
_SENDER_SET = frozenset(SENDERS)
_PLAIN_CONTEXT_FIELDS = frozenset(("contract_status", "client", "page_url"))
_CONTEXT = ContextSchema()


def _fast_request(payload: dict) -> dict | None:
    """The validated request when the payload is plainly valid, else None (marshmallow decides)."""
    lang = payload.get("lang", "ja")
    if type(lang) is not str or lang not in LANGS:
        return None
    context = _fast_context(payload)
    if context is None:
        return None
    if "text" in payload:
        if not payload.keys() <= _TEXT_REQUEST_FIELDS:
            return None
        messages = _fast_messages([{"id": "m1", "sender": "unknown", "text": payload["text"]}])
    elif payload.keys() <= _REQUEST_FIELDS:
        messages = _fast_messages(payload.get("messages"))
    else:
        return None
    if messages is None:
        return None
    return {"messages": messages, "context": context, "lang": lang}


def _fast_context(payload: dict) -> dict | None:
    context = payload.get("context")
    if context is None:
        return _default_context()
    if type(context) is not dict:
        return None
    if context.keys() <= _PLAIN_CONTEXT_FIELDS and context.get("client") is None:
        status, page_url = context.get("contract_status", "unknown"), context.get("page_url")
        if (type(status) is str and status in CONTRACT_STATUSES
                and (page_url is None or (_plain_string(page_url) and len(page_url) <= MAX_URL_CHARS))):
            return {"contract_status": status, "client": None, "page_url": page_url}
    try:  # client ratings: marshmallow's own ContextSchema, as the nested field would load it
        return _CONTEXT.load(context)
    except ValidationError:
        return None


def _fast_messages(messages: Any) -> list[dict] | None:
    if type(messages) is not list or not 1 <= len(messages) <= MAX_MESSAGES:
        return None
    loaded, seen = [], set()
    for message in messages:
        valid = _fast_message(message)
        if valid is None or valid["id"] in seen:
            return None
        seen.add(valid["id"])
        loaded.append(valid)
    return loaded


def _plain_string(value: Any) -> bool:
    return type(value) is str and (value.isascii() or not _LONE_SURROGATE.search(value))


def _fast_message(message: Any) -> dict | None:
    """MessageSchema's result for a message of plain strings within the limits, else None."""
    if type(message) is not dict or not message.keys() <= _MESSAGE_FIELDS:
        return None
    message_id, text, sender = message.get("id"), message.get("text"), message.get("sender", "unknown")
    if (type(message_id) is not str or type(text) is not str or type(sender) is not str
            or not 1 <= len(message_id) <= MAX_ID_CHARS or len(text) > MAX_MESSAGE_CHARS or sender not in _SENDER_SET
            or (not message_id.isascii() and _LONE_SURROGATE.search(message_id))
            or (not text.isascii() and _LONE_SURROGATE.search(text))):
        return None
    sent_at = message.get("sent_at")
    if sent_at is not None:
        sent_at = _fast_datetime(sent_at)
        if sent_at is None:
            return None
    return {"id": message_id, "sender": sender, "sent_at": sent_at, "text": text}


def _fast_datetime(value: Any) -> dt.datetime | None:
    """JstDateTime's result for a plain ISO 8601 string, else None."""
    if not _plain_string(value):  # fromisoformat takes any character, a surrogate too, between date and time
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=JST)


def _json_type(value: Any) -> str:
    names = {list: "array", str: "string", bool: "boolean", int: "number", float: "number", type(None): "null"}
    return names.get(type(value), "value")


def _input_error(messages: Any) -> InputError:
    problems = []
    for path, text in _flatten(messages, ()):
        code, _, sentence = text.partition("|") if "|" in text else ("invalid_value", "", text)
        problems.append({"field": path, "code": code, "message": sentence})
    first = problems[0] if problems else {"field": "", "code": "invalid_value", "message": "Invalid request."}
    details = {"field": first["field"], "problems": problems[:MAX_REPORTED_PROBLEMS]}
    return InputError(first["code"], _sentence(first), details)


def _sentence(problem: dict) -> str:
    return f"{problem['field']}: {problem['message']}" if problem["field"] else problem["message"]


def _flatten(messages: Any, path: tuple) -> list[tuple[str, str]]:
    """marshmallow's nested error dict as (dotted path, message) pairs, in order."""
    if isinstance(messages, dict):
        out = []
        for key, value in messages.items():
            out += _flatten(value, path if key == "_schema" else (*path, printable(key)))
        return out
    if isinstance(messages, list | tuple):
        return [pair for item in messages for pair in _flatten(item, path)]
    return [(".".join(str(part) for part in path), str(messages))]


# ---------------------------------------------------------------- answers
class RiskSchema(StrictSchema):
    level = fields.String(required=True, validate=validate.OneOf(RISK_LEVELS))
    score = fields.Integer(required=True, validate=validate.Range(0, 100),
                           metadata={"description": "none 0, low 1-39, medium 40-69, high 70-100."})


SOURCES = ("rule", "model", "both")


class WarningSchema(StrictSchema):
    id = fields.String(required=True)
    category = fields.String(required=True, validate=validate.OneOf(CATEGORIES))
    kind = fields.String(required=True, validate=validate.OneOf(WARNING_KINDS))
    severity = fields.String(required=True, validate=validate.OneOf(SEVERITIES))
    title = fields.String(required=True)
    detail = fields.String(required=True)
    advice = fields.String(required=True)
    message_ids = fields.List(fields.String(), required=True)
    source = fields.String(validate=validate.OneOf(SOURCES), metadata={
        "description": "Who raised it: the rules, the trained model alone, or both (a rule hit the model agrees with)."})


class HighlightSchema(StrictSchema):
    message_id = fields.String(required=True)
    start = fields.Integer(required=True, validate=validate.Range(min=0), metadata={
        "description": "UTF-16 code units into the message text as sent (JavaScript String.slice)."})
    end = fields.Integer(required=True, validate=validate.Range(min=0))
    text = fields.String(required=True, metadata={"description": "The UTF-16 slice [start, end) of the message."})
    category = fields.String(required=True, validate=validate.OneOf(CATEGORIES))
    severity = fields.String(required=True, validate=validate.OneOf(SEVERITIES))
    warning_id = fields.String(required=True)
    source = fields.String(validate=validate.OneOf(SOURCES))
    attachment = fields.Integer(validate=validate.Range(min=0), metadata={
        "description": "Present when the words are in an attachment's text (`attachments[]` of the answer, "
                       "by `index`); `start`/`end` are then into that text, not the message's."})


class AttachmentTextSchema(StrictSchema):
    message_id = fields.String(required=True)
    index = fields.Integer(required=True, validate=validate.Range(min=0))
    name = fields.String(required=True)
    text = fields.String(required=True, metadata={
        "description": "What was scored for the attachment: alt text, file name and decoded QR codes, one per line."})
    qr = fields.List(fields.String(), required=True, metadata={"description": "The decoded QR payloads."})


class EngineInfoSchema(StrictSchema):
    version = fields.String(required=True)
    elapsed_ms = fields.Float(required=True)
    detection = fields.String(validate=validate.OneOf(["rules+model", "rules", "model"]), metadata={
        "description": "What scored this answer: the rules with the trained model, or the rules alone."})
    model = fields.String(validate=validate.OneOf(["file", "trained", "none", "off"]), metadata={
        "description": "Where the model came from: its file, trained at start, none (rules alone), off."})


class ScoreResponseSchema(StrictSchema):
    risk = fields.Nested(RiskSchema, required=True)
    contract_status = fields.String(required=True, validate=validate.OneOf(CONTRACT_STATUSES), metadata={
        "description": "The status the engine concluded from the context and the thread's system notices."})
    warnings = fields.List(fields.Nested(WarningSchema), required=True)
    highlights = fields.List(fields.Nested(HighlightSchema), required=True)
    engine = fields.Nested(EngineInfoSchema, required=True)
    truncated = fields.Boolean(metadata={
        "description": "Only when the answer was cut to the per-request budget (cwguard.budget): "
                       "highlights, message ids per warning or total size. Risk and warnings stay whole."})
    attachments = fields.List(fields.Nested(AttachmentTextSchema), metadata={
        "description": "Only when the request had attachments: what was read from each."})


class HealthSchema(StrictSchema):
    status = fields.String(required=True, validate=validate.OneOf(["ok"]))
    service = fields.String(required=True, validate=validate.OneOf(["cwguard"]))
    version = fields.String(required=True)


class ErrorDetailSchema(StrictSchema):
    code = fields.String(required=True, metadata={"description": "Stable machine-readable code."})
    message = fields.String(required=True)
    details = fields.Dict(required=True, metadata={
        "description": "Where the problem is: `field` (dotted path such as messages.3.text) and `problems`."})


class ErrorSchema(StrictSchema):
    error = fields.Nested(ErrorDetailSchema, required=True)
