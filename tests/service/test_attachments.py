"""Attachments (QR codes in images, file names, alt texts) and context.job (issue 12)."""
from __future__ import annotations

import base64
import io

import pytest
import zxingcpp
from PIL import Image

import cwguard
from cwguard import attachments, schemas
from cwguard.errors import InputError
from cwguard.http.app import create_app

LINE_URL = "https://line.me/ti/p/AbCdEf123"


def qr_png(text: str, scale: int = 4) -> bytes:
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode).to_image(scale=scale)
    image = Image.frombytes("L", (barcode.shape[1], barcode.shape[0]), bytes(memoryview(barcode)))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def thread(text: str, *atts: dict, status: str = "before_contract") -> dict:
    return {"messages": [{"id": "m1", "sender": "client", "text": text, "attachments": list(atts)}],
            "context": {"contract_status": status}}


def image(data: bytes, name: str = "image.png", alt: str = "", mime: str = "image/png") -> dict:
    return {"name": name, "alt": alt, "mime": mime, "data_base64": b64(data)}


def utf16(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[start * 2:end * 2].decode("utf-16-le")


def test_qr_code_with_a_line_url_is_scored_as_contact_details():
    answer = cwguard.score(thread("画像をご確認ください。", image(qr_png(LINE_URL), name="IMG_0412.png")))
    assert answer["risk"]["level"] == "high"
    contact = [w for w in answer["warnings"] if w["category"] == "contact_details"]
    assert contact and contact[0]["message_ids"] == ["m1"]
    assert answer["attachments"] == [{"message_id": "m1", "index": 0, "name": "IMG_0412.png",
                                      "text": f"IMG_0412.png\nIMG 0412 png\n{LINE_URL}", "qr": [LINE_URL]}]
    in_attachment = [h for h in answer["highlights"] if "attachment" in h]
    assert in_attachment, answer["highlights"]
    for h in in_attachment:
        assert h["message_id"] == "m1" and h["attachment"] == 0
        assert utf16(answer["attachments"][0]["text"], h["start"], h["end"]) == h["text"]
    assert any(LINE_URL in h["text"] for h in in_attachment)
    # highlights without `attachment` stay offsets into the message text as sent
    for h in answer["highlights"]:
        if "attachment" not in h:
            assert utf16("画像をご確認ください。", h["start"], h["end"]) == h["text"]


def test_pseudo_messages_never_appear_in_the_answer():
    answer = cwguard.score(thread("QRです", image(qr_png(LINE_URL)), image(qr_png("https://lin.ee/xyz987"))))
    ids = {i for w in answer["warnings"] for i in w["message_ids"]} | {h["message_id"] for h in answer["highlights"]}
    assert ids == {"m1"}
    assert [a["index"] for a in answer["attachments"]] == [0, 1]


def test_file_name_and_alt_text_count_as_text():
    answer = cwguard.score(thread("画像を送ります。", {"name": "line_qr.png", "alt": "LINE QRコード"}))
    assert answer["attachments"][0]["text"] == "LINE QRコード\nline_qr.png\nline qr png"
    assert answer["attachments"][0]["qr"] == []
    assert answer["risk"]["level"] != "none"


def test_an_unreadable_image_is_not_an_error():
    answer = cwguard.score(thread("写真です", image(b"not an image at all", name="photo.jpg", mime="image/jpeg")))
    assert answer["attachments"][0]["qr"] == []
    assert answer["risk"]["level"] == "none"


def test_a_huge_canvas_is_not_decoded():
    buffer = io.BytesIO()
    Image.new("L", (5000, 4000), 255).save(buffer, "PNG")  # 20 megapixels, a few kB
    assert attachments.decode_qr(buffer.getvalue()) == []


def test_a_request_without_attachments_is_scored_exactly_as_before():
    payload = {"messages": [{"id": "m1", "sender": "client", "text": "詳細はLINEでお伝えします。ID: abc_123"}]}
    answer = cwguard.score(payload)
    assert "attachments" not in answer
    assert all("attachment" not in h for h in answer["highlights"])
    assert "attachments" not in schemas.load_request(payload)["messages"][0]


@pytest.mark.parametrize(("message", "code", "field"), [
    ({"attachments": [{"name": "a.png"}] * 5}, "too_many_attachments", "messages.0.attachments"),
    ({"attachments": [{"name": "a", "mime": "image/png", "data_base64": "AAA"}]}, "invalid_attachment", "messages.0.attachments.0.data_base64"),
    ({"attachments": [{"name": "a", "mime": "image/png", "data_base64": "@@@@"}]}, "invalid_attachment", "messages.0.attachments.0.data_base64"),
    ({"attachments": [{"name": "a", "data_base64": "AAAA"}]}, "invalid_attachment", "messages.0.attachments.0.mime"),
    ({"attachments": [{"name": "a", "mime": "application/pdf", "data_base64": "AAAA"}]}, "invalid_attachment", "messages.0.attachments.0.mime"),
    ({"attachments": [{"name": "a", "mime": "image/png",
                       "data_base64": "A" * (schemas.MAX_ATTACHMENT_BASE64_CHARS + 4)}]}, "attachment_too_large", "messages.0.attachments.0.data_base64"),
    ({"attachments": [{"name": "x" * 256}]}, "value_too_long", "messages.0.attachments.0.name"),
    ({"attachments": [{"file": "a.png"}]}, "unknown_field", "messages.0.attachments.0.file"),
    ({"attachments": "a.png"}, "wrong_type", "messages.0.attachments"),
])
def test_attachment_refusals(message, code, field):
    with pytest.raises(InputError) as caught:
        schemas.load_request({"messages": [{"id": "m1", "text": "x", **message}]})
    assert caught.value.code == code
    assert caught.value.details["field"] == field


def test_at_most_eight_attachments_per_thread():
    messages = [{"id": f"m{i}", "text": "x", "attachments": [{"name": "a.png"}] * 3} for i in range(3)]
    with pytest.raises(InputError) as caught:
        schemas.load_request({"messages": messages})
    assert caught.value.code == "too_many_attachments"
    assert caught.value.details["field"] == "messages.2.attachments"


def test_context_job_is_validated_and_passed_through():
    job = {"title": "データ入力", "description": "公式LINEを追加してください"}
    request = schemas.load_request({"messages": [{"id": "m1", "text": "x"}], "context": {"job": job}})
    assert request["context"]["job"] == job
    plain = schemas.load_request({"messages": [{"id": "m1", "text": "x"}], "context": {"contract_status": "unknown"}})
    assert "job" not in plain["context"]
    assert "job" not in schemas.load_request({"messages": [{"id": "m1", "text": "x"}], "context": {"job": None}})["context"]
    for bad, code in (({"title": "x" * 501}, "value_too_long"), ({"url": "x"}, "unknown_field"), ("x", "wrong_type")):
        with pytest.raises(InputError) as caught:
            schemas.load_request({"messages": [{"id": "m1", "text": "x"}], "context": {"job": bad}})
        assert caught.value.code == code
        assert caught.value.details["field"].startswith("context.job")
    assert cwguard.score({"messages": [{"id": "m1", "sender": "client", "text": "よろしくお願いします"}],
                          "context": {"job": job}})["risk"]["level"] in schemas.RISK_LEVELS


def test_attachments_over_http():
    client = create_app({"CWGUARD_TOKEN": ""}).test_client()
    response = client.post("/score", json=thread("こちらです", image(qr_png(LINE_URL))), headers={"Host": "127.0.0.1"})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["attachments"][0]["qr"] == [LINE_URL]
    assert any(h.get("attachment") == 0 for h in body["highlights"])
    schemas.ScoreResponseSchema().load({k: v for k, v in body.items() if k != "truncated"})
