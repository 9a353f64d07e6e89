"""Every warning has a title, a detail and advice, in Japanese and in English."""
from __future__ import annotations

import pytest

from cwguard import schemas
from cwguard.detectors import load_detectors
from cwguard.site import texts

CONTACT = ("off_platform_contact", "contact_details", "external_site")
SIGNALS = ("platform_contract", "secretariat_permission", "bizmatch")


def japanese_share(s: str) -> float:
    return sum("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in s) / len(s)


def ascii_share(s: str) -> float:
    return sum(c.isascii() for c in s) / len(s)


def every_text():
    for category, situations in texts.TEXTS.items():
        for situation, by_lang in situations.items():
            for lang, text in by_lang.items():
                yield category, situation, lang, text


def test_every_category_of_the_contract_and_every_detector_has_texts():
    assert set(texts.TEXTS) == set(schemas.CATEGORIES)
    assert {d.category for d in load_detectors()} <= set(texts.TEXTS)


@pytest.mark.parametrize("category", schemas.CATEGORIES)
@pytest.mark.parametrize("lang", texts.LANGS)
def test_default_texts_exist_in_both_languages(category, lang):
    text = texts.warning_text(category, lang)
    assert text.title and text.detail and text.advice
    assert len(text.detail) > len(text.title)


def test_japanese_is_japanese_and_english_is_english():
    for category, situation, lang, text in every_text():
        joined = "".join(text)
        if lang == "ja":
            assert japanese_share(joined) > 0.5, (category, situation)
        else:
            assert ascii_share(joined) > 0.9, (category, situation)


def test_every_situation_has_both_languages():
    for category, situations in texts.TEXTS.items():
        for situation, by_lang in situations.items():
            assert set(by_lang) == set(texts.LANGS), (category, situation)


@pytest.mark.parametrize("category", CONTACT)
def test_contact_texts_say_why_leaving_the_platform_matters(category):
    ja = texts.warning_text(category, "ja").detail
    en = texts.warning_text(category, "en").detail
    assert "事務局" in ja and "仮払い" in ja
    assert "secretariat" in en and "escrow" in en


@pytest.mark.parametrize("category", CONTACT)
def test_after_a_contract_the_texts_remind_of_the_request_and_payment(category):
    ja, en = (texts.warning_text(category, lang, "after_contract") for lang in texts.LANGS)
    assert ja != texts.warning_text(category, "ja")
    assert "サービス外連絡申請" in ja.detail + ja.advice and "支払い" in ja.advice
    assert "off-service contact request" in en.detail + en.advice and "payment" in en.advice


@pytest.mark.parametrize("category", CONTACT + SIGNALS[1:])
def test_claims_of_permission_are_to_be_verified_with_the_secretariat(category):
    situation = "mitigated" if category in CONTACT else "default"
    assert "事務局" in texts.warning_text(category, "ja", situation).advice
    assert "secretariat" in texts.warning_text(category, "en", situation).advice


def test_scam_texts_name_the_scam():
    assert "詐欺" in texts.warning_text("upfront_payment", "ja").detail
    assert "詐欺" in texts.warning_text("personal_info", "ja").detail
    assert "scam" in texts.warning_text("upfront_payment", "en").detail
    assert "本人確認書類" in texts.warning_text("personal_info", "ja").detail


def test_unknown_situation_or_language_falls_back():
    assert texts.warning_text("pressure", "fr") == texts.warning_text("pressure", "ja")
    assert texts.warning_text("pressure", "en", "after_contract") == texts.warning_text("pressure", "en")
