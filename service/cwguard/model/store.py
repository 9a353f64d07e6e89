"""The model file: one line of JSON (what it was trained on, with which library versions, and the
SHA-256 of the rest), then the pickled `MessageModel`.

The file is written only by `make model` on this machine; its hash is checked before anything is
unpickled, so a truncated or altered file is "corrupt", never a crash.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import platform
from pathlib import Path

import numpy
import scipy
import sklearn

from .. import __version__
from .classifier import MessageModel

FORMAT = 1
DEFAULT_PATH = Path(__file__).resolve().parent / "message-model.bin"


def model_path() -> Path:
    return Path(os.environ.get("CWGUARD_MODEL") or DEFAULT_PATH)


def library_versions() -> dict[str, str]:
    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
            "numpy": numpy.__version__, "scipy": scipy.__version__, "cwguard": __version__}


class ModelFileError(Exception):
    """The file is missing, corrupt, of another format, or built by other library versions."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def dumps(model: MessageModel, data_hash: str) -> bytes:
    payload = pickle.dumps(model, protocol=5)
    header = {"format": FORMAT, "data_hash": data_hash, "versions": library_versions(),
              "payload_sha256": hashlib.sha256(payload).hexdigest(), "meta": model.meta}
    return json.dumps(header, sort_keys=True, ensure_ascii=False).encode() + b"\n" + payload


def save(model: MessageModel, data_hash: str, path: Path | None = None) -> Path:
    path = path or model_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(dumps(model, data_hash))
    tmp.replace(path)
    return path


def read_header(blob: bytes) -> tuple[dict, bytes]:
    line, sep, payload = blob.partition(b"\n")
    try:
        header = json.loads(line)
    except ValueError as error:
        raise ModelFileError("corrupt") from error
    if not sep or not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ModelFileError("corrupt")
    if hashlib.sha256(payload).hexdigest() != header.get("payload_sha256"):
        raise ModelFileError("corrupt")
    return header, payload


def load(path: Path | None = None, expected_data_hash: str | None = None) -> tuple[MessageModel, dict]:
    """The model and its header; `ModelFileError` with the reason when it cannot be used."""
    path = path or model_path()
    try:
        blob = path.read_bytes()
    except OSError as error:
        raise ModelFileError("missing") from error
    header, payload = read_header(blob)
    if header.get("versions", {}).get("scikit-learn") != sklearn.__version__:
        raise ModelFileError("stale")
    if expected_data_hash is not None and header.get("data_hash") != expected_data_hash:
        raise ModelFileError("stale")
    try:
        model = pickle.loads(payload)  # noqa: S301 - our own file, its hash checked above
    except Exception as error:
        raise ModelFileError("corrupt") from error
    if not isinstance(model, MessageModel):
        raise ModelFileError("corrupt")
    return model, header
