"""The message model: one "any risk" head and one head per risk category, all linear, over the
`Featurizer`'s columns.

Linear heads keep every answer explainable: a feature's weight times its value is its share of
the score, so the passages that weigh most can be shown (`explain`). The any-risk head is
calibrated (Platt scaling fitted on out-of-fold scores by `train`), so its probability means what
it says; the category heads only name the most likely category.
"""
from __future__ import annotations

import math
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from sklearn.linear_model import LogisticRegression

from .compiled import BITS, CompiledModel, Fusion, Opinion, encode, opinions_from_raw
from .corpus import RISKS
from .features import Featurizer

__all__ = ["Family", "Fusion", "MessageModel", "Opinion", "fit_platt"]

# A category head is trained only when the category has this many positive messages.
MIN_POSITIVES = 8


@dataclass(frozen=True)
class Family:
    """A model family tried by cross-validation."""
    name: str
    C: float
    class_weight: str | None = "balanced"

    def estimator(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000, solver="liblinear",
                                  random_state=0)


@dataclass
class MessageModel:
    family: Family
    featurizer: Featurizer
    any_head: LogisticRegression
    heads: dict[str, LogisticRegression]
    platt: tuple[float, float] = (1.0, 0.0)   # p = sigmoid(a * score + b)
    fusion: Fusion = field(default_factory=Fusion)
    meta: dict = field(default_factory=dict)
    secondary: dict[str, float] = field(default_factory=dict)   # see compiled.CompiledModel

    @classmethod
    def fit(cls, family: Family, texts: Sequence[str], senders: Sequence[str], phases: Sequence[str],
            labels: Sequence[frozenset[str]]) -> MessageModel:
        featurizer = Featurizer().fit(texts)
        X = featurizer.transform(texts, senders, phases)
        targets = {"any": np.array([bool(ls) for ls in labels])}
        for category in RISKS:
            y = np.array([category in ls for ls in labels])
            if y.sum() >= MIN_POSITIVES:
                targets[category] = y
        # The heads are independent fits, each seeded: liblinear releases the GIL, so threads share
        # the cores and the result is the same as one after the other.
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            fitted = dict(zip(targets, pool.map(lambda y: family.estimator().fit(X, y), targets.values()), strict=True))
        any_head = fitted.pop("any")
        return cls(family, featurizer, any_head, fitted)

    def features(self, texts: Sequence[str], senders: Sequence[str], phases: Sequence[str]):
        return self.featurizer.transform(texts, senders, phases)

    def scores(self, X) -> np.ndarray:
        return self.any_head.decision_function(X)

    def head_scores(self, X) -> dict[str, np.ndarray]:
        """Each category head's raw score."""
        return {category: head.decision_function(X) for category, head in self.heads.items()}

    def stacked(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Every head's weights as one matrix, their biases, and the category of heads 1.. (one
        product per batch instead of a call per head)."""
        names = list(self.heads)
        heads = [self.any_head, *(self.heads[c] for c in names)]
        weights = np.column_stack([h.coef_[0] for h in heads]).astype(np.float64)
        return weights, np.array([h.intercept_[0] for h in heads]), names

    def opinions(self, X) -> list[Opinion]:
        """The training path's opinions (the reference the compiled model is tested against)."""
        weights, biases, names = self.stacked()
        return opinions_from_raw(np.asarray(X @ weights) + biases, names, self.platt, secondary=self.secondary)

    def compile(self) -> CompiledModel:
        """The arrays the service runs (`compiled.CompiledModel`): no scikit-learn needed there."""
        weights, biases, names = self.stacked()
        vocabulary = self.featurizer.vectorizer.vocabulary_
        alphabet = "".join(sorted({c for gram in vocabulary for c in gram}))
        if len(alphabet) >= 1 << BITS:
            raise ValueError("alphabet too large for 16-bit character numbers")
        keys = np.fromiter((encode(alphabet, g) for g in vocabulary), dtype=np.uint64, count=len(vocabulary))
        columns = np.fromiter(vocabulary.values(), dtype=np.int64, count=len(vocabulary))
        order = np.argsort(keys, kind="stable")
        return CompiledModel(alphabet, keys[order], columns[order],
                             np.asarray(self.featurizer.vectorizer.idf_, dtype=np.float64),
                             np.ascontiguousarray(weights), np.asarray(biases, dtype=np.float64), tuple(names),
                             tuple(self.featurizer.vectorizer.ngram_range), self.platt, self.fusion, dict(self.meta),
                             dict(self.secondary))


def fit_platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling: a one-feature logistic fit of out-of-fold scores to the labels."""
    lr = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000).fit(scores.reshape(-1, 1), y)
    a, b = float(lr.coef_[0][0]), float(lr.intercept_[0])
    if not (math.isfinite(a) and math.isfinite(b)) or a <= 0:
        return 1.0, 0.0
    return a, b
