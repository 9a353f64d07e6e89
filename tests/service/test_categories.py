"""The one category table (engine/categories.py) against the rubric, the detectors' registry and
the texts: a category can never be added on one side and silently dropped on the other."""
from __future__ import annotations

import pytest

from cwguard.detectors import load_detectors
from cwguard.engine import categories, scoring
from cwguard.engine.detector import Detector, Examples
from cwguard.schemas import CATEGORIES as API_CATEGORIES
from cwguard.site.texts import TEXTS

RUBRIC_RISKS = {"off_platform_contact", "contact_details", "external_site", "direct_deal", "in_person_meeting",
                "work_before_escrow", "upfront_payment", "personal_info", "unrealistic_offer", "pressure"}
RUBRIC_SIGNALS = {"platform_contract", "secretariat_permission", "bizmatch"}


def test_the_table_holds_the_rubric():
    assert categories.RISKS == RUBRIC_RISKS and categories.SIGNALS == RUBRIC_SIGNALS
    assert {"client_reputation", "slow_reply"} == categories.THREAD


def test_every_detector_reports_a_category_of_the_table_with_its_kind():
    found = load_detectors()
    categories.check_registry(found)
    assert {d.category for d in found} == categories.RISKS | categories.SIGNALS


def test_a_detector_of_an_unknown_category_fails_at_load():
    class Stray(Detector):
        name, category, kind = "stray", "crypto_wallet", "risk"
        examples = Examples((), ())
    with pytest.raises(categories.UnknownCategory, match="crypto_wallet"):
        categories.check_registry((*load_detectors(), Stray()))


def test_every_category_has_texts_and_is_in_the_api():
    assert all(c.texts in TEXTS for c in categories.TABLE)
    assert {c.name for c in categories.TABLE} <= set(API_CATEGORIES)


def test_signals_lower_only_contact_categories_as_rubric_v2_says():
    assert categories.LOWERS["secretariat_permission"] == categories.CONTACT == categories.LOWERS["bizmatch"]
    assert categories.LOWERS["platform_contract"] == {"off_platform_contact"}


def test_the_engine_reads_its_severities_from_the_table():
    assert scoring.BASE_SEVERITY is categories.BASE_SEVERITY and scoring.CONTACT is categories.CONTACT
