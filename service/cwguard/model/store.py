"""The model file: one line of JSON (what it was trained on, with which library versions, the
model's settings, and the SHA-256 of the rest), then the compiled model's arrays as `.npz`.

No pickle: the file holds numbers and text only, loaded with `allow_pickle=False`, and its hash is
checked before anything is read, so a truncated or altered file is "corrupt", never a crash and
never code. It is written only by `make model` on this machine.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import platform
from pathlib import Path

import numpy

from .. import __version__
from .compiled import CompiledModel

FORMAT = 2
DEFAULT_PATH = Path(__file__).resolve().parent / "message-model.bin"
ARRAYS = ("keys", "columns", "idf", "weights", "biases")


def model_path() -> Path:
    return Path(os.environ.get("CWGUARD_MODEL") or DEFAULT_PATH)


def library_versions() -> dict[str, str]:
    """What trained the file (information: the file itself needs numpy alone)."""
    out = {"python": platform.python_version(), "numpy": numpy.__version__, "cwguard": __version__}
    try:
        import sklearn
        out["scikit-learn"] = sklearn.__version__
    except ImportError:
        pass
    return out


class ModelFileError(Exception):
    """The file is missing, corrupt, of another format, or trained on other data or code."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def dumps(model: CompiledModel, data_hash: str) -> bytes:
    buffer = io.BytesIO()
    numpy.savez(buffer, **model.arrays())
    payload = buffer.getvalue()
    header = {"format": FORMAT, "data_hash": data_hash, "versions": library_versions(),
              "settings": model.settings(), "payload_sha256": hashlib.sha256(payload).hexdigest()}
    return json.dumps(header, sort_keys=True, ensure_ascii=False).encode() + b"\n" + payload


def save(model: CompiledModel, data_hash: str, path: Path | None = None) -> Path:
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


def load(path: Path | None = None, expected_data_hash: str | None = None) -> tuple[CompiledModel, dict]:
    """The model and its header; `ModelFileError` with the reason when it cannot be used."""
    path = path or model_path()
    try:
        blob = path.read_bytes()
    except OSError as error:
        raise ModelFileError("missing") from error
    header, payload = read_header(blob)
    if expected_data_hash is not None and header.get("data_hash") != expected_data_hash:
        raise ModelFileError("stale")
    try:
        with numpy.load(io.BytesIO(payload), allow_pickle=False) as saved:
            arrays = {name: saved[name] for name in ARRAYS}
        model = CompiledModel.from_parts(header["settings"], arrays)
    except Exception as error:
        raise ModelFileError("corrupt") from error
    return model, header
