"""Training features (scikit-learn): what the model reads, the engine's normalised text (widths, look-alikes, invisible characters
already folded, offsets kept) as character n-grams, plus who writes and the contract phase.

Digits are read as `0` so that one phone number or fee teaches all of them; the substitution keeps
every offset, so a feature found in `feature_text` maps back through the normaliser's offset map.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from ..engine.normalize import normalize
from .compiled import CONTEXT_WEIGHT, PHASES, SENDERS, context_of, feature_text

__all__ = ["CONTEXT_WEIGHT", "PHASES", "SENDERS", "Featurizer", "feature_text", "prepare"]



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

    def transform(self, texts: Sequence[str], senders: Sequence[str], phases: Sequence[str]) -> sparse.csr_matrix:
        grams = self.vectorizer.transform(texts)
        rows = len(texts)
        context = np.zeros((rows, len(SENDERS) + len(PHASES)), dtype=np.float32)
        for i, (sender, phase) in enumerate(zip(senders, phases, strict=True)):
            context[i, context_of(sender, phase)] = CONTEXT_WEIGHT
        return sparse.hstack([grams, sparse.csr_matrix(context)], format="csr")


def prepare(texts: Sequence[str]) -> list[str]:
    """Feature texts for raw message texts (normalising each once)."""
    return [feature_text(normalize(t)) for t in texts]

