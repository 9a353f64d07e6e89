"""The detector conventions (engine/detector.py), checked for every registered detector:
examples that must and must not be flagged, every rule's motivating example, the registry."""
from __future__ import annotations

import pkgutil
import re

import pytest

from cwguard import detectors as detectors_package
from cwguard.detectors import DETECTOR_MODULES, load_detectors
from cwguard.engine.detector import Detector, MessageView
from cwguard.engine.normalize import normalize

DETECTORS = load_detectors()
IDS = [d.name for d in DETECTORS]


def hits_of(detector: Detector, text: str, phase: str) -> list:
    view = MessageView("m1", "client", normalize(text), phase)
    return [h for h in detector.detect(view) if h.category == detector.category]


def cases(attribute: str):
    return [pytest.param(d, text, id=f"{d.name}:{i}") for d in DETECTORS
            for i, text in enumerate(getattr(d.examples, attribute))]


def test_every_detector_module_is_registered():
    modules = {m.name for m in pkgutil.iter_modules(detectors_package.__path__) if not m.name.startswith("_")}
    assert modules == set(DETECTOR_MODULES)


@pytest.mark.parametrize("detector", DETECTORS, ids=IDS)
def test_every_detector_has_a_name_a_category_and_examples(detector):
    assert detector.name and detector.category and detector.kind in ("risk", "signal")
    assert detector.examples.positive, "at least one message it must flag"
    assert detector.examples.negative, "at least one look-alike it must leave alone"


@pytest.mark.parametrize("detector, text", cases("positive"))
def test_positive_examples_are_flagged_before_a_contract(detector, text):
    assert hits_of(detector, text, "before_contract"), text


@pytest.mark.parametrize("detector, text", cases("negative"))
def test_negative_examples_are_not_flagged_before_a_contract(detector, text):
    assert hits_of(detector, text, "before_contract") == [], text


@pytest.mark.parametrize("detector, text", cases("positive_after_contract"))
def test_positive_after_contract_examples_are_flagged(detector, text):
    assert hits_of(detector, text, "contracted"), text


@pytest.mark.parametrize("detector, text", cases("negative_after_contract"))
def test_negative_after_contract_examples_are_not_flagged_as_surviving(detector, text):
    # After a contract a contact hit that does not survive is benign (reported at info), so the
    # example must give no hit at all or only hits that do not survive the contract.
    assert [h for h in hits_of(detector, text, "contracted") if h.survives_contract] == [], text
    if detector.category not in ("off_platform_contact", "contact_details", "external_site"):
        assert hits_of(detector, text, "contracted") == [], text


RULES = [pytest.param(d, rule, id=f"{d.name}:{rule.id}") for d in DETECTORS for rule in d.rules]


@pytest.mark.parametrize("detector", DETECTORS, ids=IDS)
def test_rule_ids_are_unique_snake_case_names(detector):
    ids = [rule.id for rule in detector.rules]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids), ids


@pytest.mark.parametrize("detector, rule", RULES)
def test_every_rule_matches_its_examples_after_normalisation(detector, rule):
    assert rule.examples, "every rule carries the messages that motivated it"
    for text in rule.examples:
        assert rule.compile().search(normalize(text).text), (rule.id, text)


def rule_hits(detector: Detector, rule, text: str) -> list:
    view = MessageView("m1", rule.sender, normalize(text), rule.phase)
    return [h for h in detector.detect(view) if h.category == detector.category]


@pytest.mark.parametrize("detector, rule", RULES)
def test_the_detector_flags_every_rule_example(detector, rule):
    """Not only the pattern: the detector, with its context checks, flags the rule's examples."""
    for text in rule.examples:
        assert rule_hits(detector, rule, text), (rule.id, text)


@pytest.mark.parametrize("detector, rule", RULES)
def test_the_detector_passes_every_rule_counter_example(detector, rule):
    for text in rule.counter_examples:
        assert rule_hits(detector, rule, text) == [], (rule.id, text)


@pytest.mark.parametrize("detector, rule", RULES)
def test_rule_language_matches_its_examples(detector, rule):
    """An `en` rule is skipped on text without Latin letters: its examples must have them."""
    if rule.lang == "en":
        assert all(re.search(r"[A-Za-z]", t) for t in rule.examples), rule.id
