"""The model the running engine uses, loaded once (before /health answers ok).

Order: the model file if it is sound and was trained on the corpora in this checkout; otherwise a
model trained here in memory from those corpora (a few minutes, nothing written to disk); otherwise
none, and the engine runs on the rules alone. `status()` says which, and every answer carries it.
`CWGUARD_MODEL=off` turns the model off.
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Loaded:
    model: object | None      # a compiled.CompiledModel, or None for the rules alone
    source: str               # "file", "trained" or "none"
    reason: str = ""          # why the file was not used


_lock = threading.Lock()
_loaded: Loaded | None = None


def _load(trainer: Callable[[], object] | None) -> Loaded:
    if os.environ.get("CWGUARD_MODEL", "").lower() in ("off", "0", "none", "false"):
        return Loaded(None, "none", "disabled")
    try:
        from . import corpus, store
    except ImportError as error:  # scikit-learn missing: the rules still work
        return Loaded(None, "none", f"unavailable: {error.name}")
    files = corpus.training_files()
    expected = corpus.data_hash(files) if files else None
    try:
        model, _ = store.load(expected_data_hash=expected)
        return Loaded(model, "file")
    except store.ModelFileError as error:
        reason = error.reason
    if not files or trainer is None:
        return Loaded(None, "none", reason)
    try:
        model = trainer()
        log.info("model file %s; trained in memory from %d corpora", reason, len(files))
        return Loaded(model, "trained", reason)
    except Exception as error:  # a broken corpus must not stop the service: rules alone
        log.error("model could not be trained (%s): rules alone", type(error).__name__)
        return Loaded(None, "none", f"{reason}; training failed")


def current(trainer: Callable[[], object] | None = None) -> Loaded:
    """The model: its file; or, when the file is missing, stale or corrupt, what `trainer` trains
    in memory (cwguard.pipeline gives one; scikit-learn is needed then); or None (the rules alone).
    Decided once, at the first call."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _load(trainer)
    return _loaded


def status(loaded: Loaded | None = None) -> dict:
    loaded = loaded or current()
    out = {"model": loaded.source}
    if loaded.reason:
        out["model_reason"] = loaded.reason
    return out


def reset(loaded: Loaded | None = None) -> None:
    """Forget the loaded model (tests), or install one."""
    global _loaded
    with _lock:
        _loaded = loaded
