"""What the model reads: the engine's normalised text (widths, look-alikes, invisible characters
already folded, offsets kept) as character n-grams, plus who writes and the contract phase.

Digits are read as `0` so that one phone number or fee teaches all of them; the substitution keeps
every offset, so a feature found in `feature_text` maps back through the normaliser's offset map.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from ..engine.normalize import NormalizedText, normalize

_DIGITS = re.compile(r"\d")
_WHITE_SPACES = re.compile(r"\s\s+")
_BITS = 16  # bits per character number in an n-gram key: four characters fill 64 bits


def _key(lookup: np.ndarray, gram: str) -> int:
    key = 0
    for n, c in enumerate(gram):
        key |= int(lookup[ord(c)]) << (_BITS * n)
    return key
SENDERS = ("client", "worker", "system", "unknown")
PHASES = ("before_contract", "contracted")
# How loud the context columns are next to the n-grams (each row of n-grams has unit length).
CONTEXT_WEIGHT = 0.5


def feature_text(norm: NormalizedText) -> str:
    """The normalised text with every digit read as 0 (same length, same offsets)."""
    return _DIGITS.sub("0", norm.text)


class Featurizer:
    """Character 1–4-grams (TF-IDF, sublinear) of `feature_text` and one-hot sender and phase."""

    def __init__(self, ngram_range: tuple[int, int] = (1, 4), min_df: int = 2, max_features: int = 150_000):
        self.vectorizer = TfidfVectorizer(analyzer="char", ngram_range=ngram_range, min_df=min_df,
                                          max_features=max_features, sublinear_tf=True, lowercase=False,
                                          dtype=np.float32)

    @property
    def n_text_features(self) -> int:
        return len(self.vectorizer.vocabulary_)

    def fit(self, texts: Sequence[str]) -> Featurizer:
        self.vectorizer.fit(texts)
        return self

    def triplets(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column, value) of the matrix `vectorizer.transform(texts)` gives (the test
        tests/service/test_model.py checks they agree),
        vectorised with numpy: scikit-learn's analyzer builds every n-gram as a Python string
        (~90 µs a message plus ~0.4 ms a call, measured); here each character becomes a small
        integer, each n-gram one 64-bit key, and one sorted search finds the columns."""
        lookup, keys, columns = self._index()
        cleaned = [_WHITE_SPACES.sub(" ", t) for t in texts]  # as scikit-learn's "char" analyzer reads it
        lengths = np.fromiter((len(t) for t in cleaned), dtype=np.int64, count=len(cleaned))
        # one array of character numbers, a 0 (no n-gram crosses it) after each text
        codes = np.frombuffer("\0".join(cleaned).encode("utf-32-le"), dtype=np.uint32) if cleaned else np.zeros(0)
        digits = np.append(lookup[codes], 0).astype(np.uint64)
        row_of = np.repeat(np.arange(len(cleaned)), lengths + 1)
        low, high = self.vectorizer.ngram_range
        rows, cols = [], []
        key = np.zeros(len(digits), dtype=np.uint64)
        alive = np.ones(len(digits), dtype=bool)
        for n in range(1, high + 1):
            if n > len(digits):
                break
            shifted = np.zeros(len(digits), dtype=np.uint64)
            shifted[: len(digits) - n + 1] = digits[n - 1:]
            key |= shifted << np.uint64(_BITS * (n - 1))
            alive &= shifted != 0
            if n < low:
                continue
            at = np.flatnonzero(alive)
            found = np.searchsorted(keys, key[at])
            found[found == len(keys)] = 0
            hit = keys[found] == key[at] if len(keys) else np.zeros(len(at), dtype=bool)
            rows.append(row_of[at[hit]])
            cols.append(columns[found[hit]])
        empty = np.zeros(0, dtype=np.int64)
        return _tfidf(np.concatenate(rows or [empty]), np.concatenate(cols or [empty]), len(cleaned),
                      self.vectorizer.idf_)

    def grams(self, texts: Sequence[str]) -> sparse.csr_matrix:
        rows, cols, values = self.triplets(texts)
        return sparse.csr_matrix((values.astype(np.float32), (rows, cols)),
                                 shape=(len(texts), len(self.vectorizer.vocabulary_)))

    def _index(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(character → small number, sorted n-gram keys, their columns), built once per model."""
        built = self.__dict__.get("_built")
        if built is None:
            vocabulary = self.vectorizer.vocabulary_
            alphabet = sorted({c for gram in vocabulary for c in gram})
            if len(alphabet) >= 1 << _BITS:
                raise ValueError("alphabet too large for 16-bit character numbers")
            lookup = np.zeros(0x110000, dtype=np.uint16)
            for number, c in enumerate(alphabet, 1):
                lookup[ord(c)] = number
            keys = np.fromiter((_key(lookup, g) for g in vocabulary), dtype=np.uint64, count=len(vocabulary))
            cols = np.fromiter(vocabulary.values(), dtype=np.int64, count=len(vocabulary))
            order = np.argsort(keys)
            built = self.__dict__["_built"] = (lookup, keys[order], cols[order])
        return built

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_built", None)  # derived from the vocabulary; never stored
        state.pop("_names", None)
        return state

    def context_columns(self, senders: Sequence[str], phases: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """The two context columns set for each row (the n-gram columns come first)."""
        base = self.n_text_features
        sender = [base + SENDERS.index(s if s in SENDERS else "unknown") for s in senders]
        phase = [base + len(SENDERS) + PHASES.index(p if p in PHASES else "before_contract") for p in phases]
        return np.asarray(sender), np.asarray(phase)

    def transform(self, texts: Sequence[str], senders: Sequence[str], phases: Sequence[str]) -> sparse.csr_matrix:
        grams = self.vectorizer.transform(texts)
        rows = len(texts)
        context = np.zeros((rows, len(SENDERS) + len(PHASES)), dtype=np.float32)
        for i, (sender, phase) in enumerate(zip(senders, phases, strict=True)):
            context[i, SENDERS.index(sender if sender in SENDERS else "unknown")] = CONTEXT_WEIGHT
            context[i, len(SENDERS) + PHASES.index(phase if phase in PHASES else "before_contract")] = CONTEXT_WEIGHT
        return sparse.hstack([grams, sparse.csr_matrix(context)], format="csr")

    def gram(self, index: int) -> str | None:
        """The n-gram of a text feature column (None for a context column)."""
        if not hasattr(self, "_names"):
            self._names = self.vectorizer.get_feature_names_out()
        return str(self._names[index]) if index < len(self._names) else None


def prepare(texts: Sequence[str]) -> list[str]:
    """Feature texts for raw message texts (normalising each once)."""
    return [feature_text(normalize(t)) for t in texts]


def _tfidf(rows: np.ndarray, cols: np.ndarray, n_rows: int, idf: np.ndarray) -> tuple[np.ndarray, ...]:
    """Sublinear tf times idf, each row scaled to unit length, from one (row, column) per n-gram."""
    width = np.int64(len(idf))
    pairs, counts = np.unique(rows.astype(np.int64) * width + cols, return_counts=True)
    rows, cols = pairs // width, pairs % width
    values = (np.log(counts) + 1.0) * idf[cols]
    norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=n_rows))
    norms[norms == 0] = 1.0
    return rows, cols, values / norms[rows]
