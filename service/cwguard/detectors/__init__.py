"""The one place detectors are registered. Adding a detector: add its file here and its tests."""
from __future__ import annotations

from importlib import import_module

from ..engine.detector import Detector

# Module names under cwguard.detectors, one detector each.
DETECTOR_MODULES: tuple[str, ...] = (
    # risk categories (RUBRIC.md)
    "off_platform_contact",
    "contact_details",
    "external_site",
    "direct_deal",
    "in_person_meeting",
    "work_before_escrow",
    "upfront_payment",
    "personal_info",
    "unrealistic_offer",
    "pressure",
    # mitigating signals
    "platform_contract",
    "secretariat_permission",
    "bizmatch",
)


def load_detectors() -> tuple[Detector, ...]:
    return tuple(import_module(f"{__name__}.{name}").DETECTOR for name in DETECTOR_MODULES)
