"""Images sent in a message: their QR codes, file names and alt texts are scored like text.

Contact details sent as an image are the known way around text filters (a LINE QR code, a file
named `line_qr.png`). A message may carry `attachments: [{"name", "alt", "mime", "data_base64"}]`
(limits and errors in `schemas`). Before the engine runs, each attachment becomes one extra text:

    <alt text>
    <file name> (and the same with `_`, `-`, `.` read as spaces: `line qr png`)
    <each decoded QR payload, one per line>

scored as a pseudo-message placed right after its message, with the same sender and time, so the
engine's thread rules treat it as part of what that person sent. The answer then speaks only of
the real messages:

- warnings name the original message id (`message_ids`), never a pseudo-message;
- a highlight found in an attachment's text has `"attachment": <index>` and `message_id` of its
  message, with `start`/`end` as UTF-16 offsets into that attachment's text, which the answer
  lists under `attachments: [{"message_id", "index", "name", "text", "qr"}]`; highlights without
  `attachment` stay offsets into the message text exactly as sent.

QR decoding uses zxing-cpp (a maintained decoder with wheels) on a Pillow image. An image that is
not readable or too large in pixels is simply not decoded (its name and alt still count); nothing is
written to disk and the image bytes are dropped after decoding.
"""
from __future__ import annotations

import base64
import binascii
import io
import logging
import re
import warnings
from collections.abc import Callable

from .schemas import MAX_MESSAGE_CHARS

log = logging.getLogger("cwguard.attachments")

# Images with more pixels than this are not decoded (a small PNG can declare a huge canvas).
MAX_PIXELS = 16_000_000
MAX_QR_PER_IMAGE = 8
_SEPARATORS = re.compile(r"[_\-.+~]+")


def decode_qr(data: bytes) -> list[str]:
    """The text of every QR code in an image (PNG, JPEG, GIF, WebP, BMP); [] when none or unreadable."""
    try:
        import zxingcpp
        from PIL import Image
    except ImportError:  # pragma: no cover - both are dependencies of the package
        log.warning("zxing-cpp or Pillow is missing: QR codes in attachments are not read")
        return []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > MAX_PIXELS or width <= 0 or height <= 0:
                return []
            image.seek(0)
            grey = image.convert("L")
        formats = (zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode)
        try:
            found = zxingcpp.read_barcodes(grey, formats=formats)
        except TypeError:  # older zxing-cpp takes an or-ed set of formats
            found = zxingcpp.read_barcodes(grey, formats=formats[0] | formats[1])
    except Exception as error:  # an undecodable image is not the caller's error
        log.info("attachment not decoded: %s", type(error).__name__)
        return []
    texts = []
    for barcode in found[:MAX_QR_PER_IMAGE]:
        text = (barcode.text or "").strip()
        if text and text not in texts:
            texts.append(text)
    return texts


def attachment_text(attachment: dict) -> tuple[str, list[str]]:
    """(the text scored for one validated attachment, its decoded QR payloads)."""
    qr: list[str] = []
    encoded = attachment.get("data_base64")
    if encoded:
        try:
            data = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            data = b""
        if data:
            qr = decode_qr(data)
    lines = []
    alt = (attachment.get("alt") or "").strip()
    name = (attachment.get("name") or "").strip()
    if alt:
        lines.append(alt)
    if name:
        lines.append(name)
        spaced = _SEPARATORS.sub(" ", name).strip()
        if spaced and spaced != name:
            lines.append(spaced)
    lines.extend(qr)
    return "\n".join(lines)[:MAX_MESSAGE_CHARS], qr


def _pseudo_id(taken: set[str], counter: int) -> str:
    candidate = f"\x00attachment-{counter}"
    while candidate in taken:
        candidate += "\x00"
    return candidate


def expand(request: dict) -> tuple[dict, dict[str, tuple[str, int]], list[dict]]:
    """The request the engine scores (attachments as pseudo-messages, no `attachments` keys), the
    map pseudo id -> (message id, attachment index), and what was read from each attachment."""
    taken = {m["id"] for m in request["messages"]}
    messages: list[dict] = []
    origin: dict[str, tuple[str, int]] = {}
    read: list[dict] = []
    for message in request["messages"]:
        attachments = message.get("attachments") or []
        messages.append({k: v for k, v in message.items() if k != "attachments"})
        for index, attachment in enumerate(attachments):
            text, qr = attachment_text(attachment)
            read.append({"message_id": message["id"], "index": index, "name": attachment.get("name") or "",
                         "text": text, "qr": qr})
            if not text:
                continue
            pseudo = _pseudo_id(taken, len(origin))
            taken.add(pseudo)
            origin[pseudo] = (message["id"], index)
            messages.append({"id": pseudo, "sender": message.get("sender", "unknown"),
                             "sent_at": message.get("sent_at"), "text": text, "from_attachment": True})
    return {**request, "messages": messages}, origin, read


def fold(answer: dict, origin: dict[str, tuple[str, int]], read: list[dict]) -> dict:
    """The engine's answer with pseudo-messages folded back into their messages."""
    for warning in answer.get("warnings", []):
        ids: list[str] = []
        for message_id in warning.get("message_ids", []):
            real = origin[message_id][0] if message_id in origin else message_id
            if real not in ids:
                ids.append(real)
        warning["message_ids"] = ids
    for highlight in answer.get("highlights", []):
        if highlight.get("message_id") in origin:
            real, index = origin[highlight["message_id"]]
            highlight["message_id"] = real
            highlight["attachment"] = index
    answer["attachments"] = read
    return answer


def has_attachments(request: dict) -> bool:
    return any(m.get("attachments") for m in request.get("messages", ()))


def with_attachments(engine: Callable[[dict], dict]) -> Callable[[dict], dict]:
    """`engine` (validated request -> answer) made to read attachments; a request without any is
    passed through untouched."""

    def score(request: dict) -> dict:
        if not has_attachments(request):
            return engine(request)
        expanded, origin, read = expand(request)
        return fold(engine(expanded), origin, read)

    score.__wrapped__ = engine  # type: ignore[attr-defined]
    return score
