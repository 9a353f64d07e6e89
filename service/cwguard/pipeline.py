"""The composition root: the engine with this product's detectors, site, language data and model.

`engine/` is neutral of language and site and imports none of `detectors/`, `lang/`, `site/` or
`model/`; this module is the one place that puts them together (tests/service/test_layers.py
checks the import graph). Everything here is built once, at the first call, which `warm_up`
makes before the service answers.
"""
from __future__ import annotations

import threading

from . import __version__
from .detectors import load_detectors
from .engine import scoring
from .engine.detector import Detector
from .lang import polarity
from .lang.ja import clauses, follow_ups, frames, words
from .lang.vocab import unmitigable_channels
from .model import runtime
from .schemas import load_request
from .site import crowdworks, texts

_lock = threading.Lock()


def rules_answer(payload: dict) -> dict:
    """The /score answer of the rules alone (what the model's training weighs fusion against)."""
    return score_request(load_request(payload), detection="rules")


def _train_in_memory():
    """The model trained from the corpora, when its file is missing, stale or corrupt."""
    from .model import train  # scikit-learn: needed only here, and the service runs without it
    return train.build(rules_answer)[0].compile()


def model() -> runtime.Loaded:
    """The model the service uses (decided once: its file, trained in memory, or none)."""
    return runtime.current(trainer=_train_in_memory)


def build() -> scoring.Components:
    return scoring.Components(
        detectors=load_detectors(),
        evidence=crowdworks.EVIDENCE,
        model=model,
        scam_apps=unmitigable_channels(),
        word_bounds=words.snap,
        warning_text=texts.warning_text,
        version=__version__,
        work_subject=frames.work_subject,
        declines=polarity.declines,
        asks_back=clauses.asks_back,
        cut_mid_phrase=clauses.cut_mid_phrase,
        ends_a_sentence=clauses.ends_a_sentence,
        follow_ups={"place": follow_ups.places_given, "detail": follow_ups.document_details,
                    "means": follow_ups.unless(crowdworks.PLATFORM_NAMES, follow_ups.payment_means),
                    "payback": follow_ups.paybacks, "there": follow_ups.there_given},
    )


def ensure() -> None:
    """Install the components in the engine, once."""
    if scoring._components is None:
        with _lock:
            if scoring._components is None:
                scoring.configure(build())


def score_request(request: dict, detection: str = "fused") -> dict:
    """`engine.scoring.score_request` with this product's components (see there)."""
    ensure()
    return scoring.score_request(request, detection)


def detectors() -> tuple[Detector, ...]:
    ensure()
    return scoring.detectors()
