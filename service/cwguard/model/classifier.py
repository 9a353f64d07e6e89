"""The message model: one "any risk" head and one head per risk category, all linear, over the
`Featurizer`'s columns.

Linear heads keep every answer explainable: a feature's weight times its value is its share of
the score, so the passages that weigh most can be shown (`explain`). The any-risk head is
calibrated (Platt scaling fitted on out-of-fold scores by `train`), so its probability means what
it says; the category heads only name the most likely category.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.linear_model import LogisticRegression

from .compiled import BITS, CompiledModel, Fusion, Opinion, encode
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

    @classmethod
    def fit(cls, family: Family, texts: Sequence[str], senders: Sequence[str], phases: Sequence[str],
            labels: Sequence[frozenset[str]]) -> MessageModel:
        featurizer = Featurizer().fit(texts)
        X = featurizer.transform(texts, senders, phases)
        y_any = np.array([bool(ls) for ls in labels])
        any_head = family.estimator().fit(X, y_any)
        heads = {}
        for category in RISKS:
            y = np.array([category in ls for ls in labels])
            if y.sum() >= MIN_POSITIVES:
                heads[category] = family.estimator().fit(X, y)
        return cls(family, featurizer, any_head, heads)

    def features(self, texts: Sequence[str], senders: Sequence[str], phases: Sequence[str]):
        return self.featurizer.transform(texts, senders, phases)

    def scores(self, X) -> np.ndarray:
        return self.any_head.decision_function(X)

    def calibrated(self, scores: np.ndarray) -> np.ndarray:
        a, b = self.platt
        return 1.0 / (1.0 + np.exp(-(a * scores + b)))

    def _stacked(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Every head's weights as one matrix (one product per batch instead of a call per head:
        the per-call overhead of eleven heads dominated small threads, measured in bench)."""
        stacked = self.__dict__.get("_stack")
        if stacked is None:
            names = list(self.heads)
            heads = [self.any_head, *(self.heads[c] for c in names)]
            weights = np.column_stack([h.coef_[0] for h in heads]).astype(np.float64)
            biases = np.array([h.intercept_[0] for h in heads])
            stacked = self.__dict__["_stack"] = (weights, biases, names)
        return stacked

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_stack", None)  # derived from the heads; never stored
        return state

    def opinions(self, X) -> list[Opinion]:
        weights, biases, _ = self._stacked()
        return self._opinions(np.asarray(X @ weights) + biases)

    def _opinions(self, raw: np.ndarray) -> list[Opinion]:
        _, _, names = self._stacked()
        p_any = self.calibrated(raw[:, 0])
        out = []
        for row in range(raw.shape[0]):
            if names:
                best = int(np.argmax(raw[row, 1:]))
                category, category_p = names[best], float(1.0 / (1.0 + np.exp(-raw[row, 1 + best])))
            else:
                category, category_p = None, 0.0
            out.append(Opinion(float(p_any[row]), category, category_p, row))
        return out

    def compile(self) -> CompiledModel:
        """The arrays the service runs (`compiled.CompiledModel`): no scikit-learn needed there."""
        weights, biases, names = self._stacked()
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
                             tuple(self.featurizer.vectorizer.ngram_range), self.platt, self.fusion, dict(self.meta))

    def contributions(self, X, row: int, category: str | None) -> list[tuple[int, float]]:
        """(text feature column, weight × value) of one row, for the category's head (or the
        any-risk head), strongest first, positive shares only."""
        head = self.heads.get(category) if category else None
        head = head or self.any_head
        x = X.getrow(row)
        weights = head.coef_[0]
        n_text = self.featurizer.n_text_features
        shares = [(int(j), float(v * weights[j])) for j, v in zip(x.indices, x.data, strict=True) if j < n_text]
        return sorted((s for s in shares if s[1] > 0), key=lambda s: -s[1])


def fit_platt(scores: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling: a one-feature logistic fit of out-of-fold scores to the labels."""
    lr = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000).fit(scores.reshape(-1, 1), y)
    a, b = float(lr.coef_[0][0]), float(lr.intercept_[0])
    if not (math.isfinite(a) and math.isfinite(b)) or a <= 0:
        return 1.0, 0.0
    return a, b
