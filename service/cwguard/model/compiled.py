"""The model as the service runs it: plain numpy arrays, no scikit-learn and no pickle.

`MessageModel.compile()` (training, scikit-learn) turns the fitted vectorizer and heads into the
arrays below; the service loads only these (`store`). Importing scikit-learn and SciPy cost the
service ~100 MB of memory and most of its start-up for nothing it needs to answer (measured in
`make bench`'s memory section).

Inference is vectorised: each character becomes a small number, each n-gram one 64-bit key, one
sorted search finds the columns, and sublinear tf, idf and the L2 norm are applied to the batch at
once. `tests/service/test_model.py` checks the result equals scikit-learn's, feature by feature.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..engine.normalize import MARKUP_TAG, NormalizedText
from .explain import passages

_DIGITS = re.compile(r"\d")
SENDERS = ("client", "worker", "system", "unknown")
PHASES = ("before_contract", "contracted")
# How loud the context columns are next to the n-grams (each row of n-grams has unit length).
CONTEXT_WEIGHT = 0.5
_WHITE_SPACES = re.compile(r"\s\s+")  # as scikit-learn's "char" analyzer reads a text
BITS = 16                             # bits per character number in a key: four characters fill 64


# Messages per inference batch (bounds the memory of one batch; measured in `make bench`).
INFER_BATCH = 128


@dataclass(frozen=True, slots=True)
class Opinion:
    """The model's view of one message."""
    p_any: float                      # calibrated probability that the message is a lure
    category: str | None              # its most likely risk category
    category_p: float                 # that head's probability (uncalibrated, for ranking)
    row: int                          # the message's row in the batch
    also: tuple[str, ...] = ()        # categories whose head clears its `secondary` bar (train.py)


@dataclass(frozen=True)
class Fusion:
    """How the engine combines rules and model (`train.PINNED_FUSION`; its grid is in the report).

    - `add`: a message no rule flags gets a model warning when `p_any >= add`;
    - `veto`: a rule hit on a message whose `p_any < veto` is reported at `info` (the model reads it
      as very unlike a lure: a refusal, the job's own subject), except categories in `keep`;
    - `severity`: probability bands for a model warning's severity (never above the category's).
    """
    add: float = 0.8
    veto: float = 0.0
    keep: tuple[str, ...] = ("direct_deal", "upfront_payment", "personal_info")
    severity: tuple[tuple[float, str], ...] = ((0.9, "high"), (0.0, "medium"))

    def severity_for(self, p: float) -> str:
        return next(level for floor, level in self.severity if p >= floor)


@dataclass
class CompiledModel:
    alphabet: str                    # character number k+1 is alphabet[k]
    keys: np.ndarray                 # uint64, sorted: every n-gram of the vocabulary as a key
    columns: np.ndarray              # int64: the column of each key
    idf: np.ndarray                  # float64 per n-gram column
    weights: np.ndarray              # (n-gram columns + context columns) x heads; head 0 is "any risk"
    biases: np.ndarray               # per head
    names: tuple[str, ...]           # the category of heads 1..
    ngram_range: tuple[int, int]
    platt: tuple[float, float] = (1.0, 0.0)
    fusion: Fusion = field(default_factory=Fusion)
    meta: dict = field(default_factory=dict)
    # per category, the head's raw score from which it is named beside another finding of the
    # same message (`train.secondary_bars`: precise out of fold); a category absent is never named so
    secondary: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lookup = np.zeros(0x110000, dtype=np.uint16)
        for number, c in enumerate(self.alphabet, 1):
            self._lookup[ord(c)] = number
        # each column's key, so that explaining a warning decodes only the n-grams it names
        self._key_of_column = np.zeros(len(self.idf), dtype=np.uint64)
        self._key_of_column[self.columns] = self.keys
        self._table = _KeyTable(self.keys, self.columns)

    @property
    def n_text(self) -> int:
        return len(self.idf)

    # --- features ------------------------------------------------------------------------------

    def triplets(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column, value) of the TF-IDF n-gram matrix of `texts`."""
        cleaned = [_WHITE_SPACES.sub(" ", t) for t in texts]
        lengths = np.fromiter((len(t) for t in cleaned), dtype=np.int64, count=len(cleaned))
        # one array of character numbers, a 0 (no n-gram crosses it) after each text
        codes = np.frombuffer("\0".join(cleaned).encode("utf-32-le"), dtype=np.uint32)
        digits = np.append(self._lookup[codes], 0).astype(np.uint64)
        row_of = np.repeat(np.arange(len(cleaned)), lengths + 1)
        low, high = self.ngram_range
        # the key of the n-gram at each position, widened one character at a time on shrinking
        # views (no new full-length arrays), then every n's keys looked up in one search
        size = len(digits)
        key, alive = digits, digits != 0
        queries, places = [], []
        for n in range(1, min(high, size) + 1):
            if n > 1:
                following = digits[n - 1:]
                key = key[:size - n + 1] | (following << np.uint64(BITS * (n - 1)))
                alive = alive[:size - n + 1] & (following != 0)
            if n >= low:
                at = np.flatnonzero(alive)
                queries.append(key[at])
                places.append(at)
        if not queries:
            return _tfidf(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), len(cleaned), self.idf)
        wanted, at = np.concatenate(queries), np.concatenate(places)
        columns = self._table.columns_of(wanted)
        hit = columns >= 0
        return _tfidf(row_of[at[hit]], columns[hit], len(cleaned), self.idf)

    def context_columns(self, senders: Sequence[str], phases: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        base = self.n_text
        sender = [base + SENDERS.index(s if s in SENDERS else "unknown") for s in senders]
        phase = [base + len(SENDERS) + PHASES.index(p if p in PHASES else "before_contract") for p in phases]
        return np.asarray(sender, dtype=np.int64), np.asarray(phase, dtype=np.int64)

    # --- opinions ------------------------------------------------------------------------------

    def infer(self, texts: Sequence[str], senders: Sequence[str], phases: Sequence[str]) -> list[Opinion]:
        """Every message's opinion, in batches of INFER_BATCH messages: one batch holds an array of
        (n-grams x heads), which for a 2,000-message thread would be tens of megabytes at once."""
        out: list[Opinion] = []
        for at in range(0, len(texts), INFER_BATCH):
            out += self._infer_batch(texts[at:at + INFER_BATCH], senders[at:at + INFER_BATCH],
                                     phases[at:at + INFER_BATCH])
        return out

    def _infer_batch(self, texts: Sequence[str], senders: Sequence[str], phases: Sequence[str]) -> list[Opinion]:
        if not texts:
            return []
        rows, cols, values = self.triplets(texts)
        raw = np.zeros((len(texts), self.weights.shape[1]))
        if len(rows):
            # rows come sorted: one sum per run of a row's n-grams, every head at once
            starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
            raw[rows[starts]] = np.add.reduceat(values[:, None] * self.weights[cols], starts, axis=0)
        raw += self.biases
        sender, phase = self.context_columns(senders, phases)
        raw += CONTEXT_WEIGHT * (self.weights[sender] + self.weights[phase])
        silent = np.bincount(rows, minlength=len(texts)) == 0  # no known n-gram: no evidence either way
        return opinions_from_raw(raw, self.names, self.platt, silent, self.secondary)

    def read(self, norms: Sequence[NormalizedText], senders: Sequence[str], phases: Sequence[str]) -> list[Opinion]:
        """`infer` on normalised messages (what the engine calls, engine/scoring.py MessageModel)."""
        return self.infer([feature_text(n) for n in norms], senders, phases)

    def explain(self, norm: NormalizedText, category: str) -> tuple[tuple[int, int], ...]:
        """The passages of the original text whose features weigh most for `category`."""
        text = feature_text(norm)
        return tuple(passages(norm, text, self.shares(text, category)))

    def shares(self, text: str, category: str | None) -> list[tuple[str, float]]:
        """(n-gram, weight x value) of one feature text for the category's head (or the any-risk
        head), strongest first, positive shares only: what explains a model warning."""
        head = 1 + self.names.index(category) if category in self.names else 0
        _, cols, values = self.triplets([text])
        shares = values * self.weights[cols, head]
        order = np.argsort(-shares)
        return [(self.gram(int(cols[i])), float(shares[i])) for i in order if shares[i] > 0]

    def gram(self, column: int) -> str:
        key, chars = int(self._key_of_column[column]), []
        while key:
            chars.append(self.alphabet[(key & 0xFFFF) - 1])
            key >>= BITS
        return "".join(chars)

    # --- storage -------------------------------------------------------------------------------

    def arrays(self) -> dict[str, np.ndarray]:
        return {"keys": self.keys, "columns": self.columns, "idf": self.idf, "weights": self.weights,
                "biases": self.biases}

    def settings(self) -> dict:
        return {"alphabet": self.alphabet, "names": list(self.names), "ngram_range": list(self.ngram_range),
                "platt": list(self.platt), "meta": self.meta, "secondary": self.secondary,
                "fusion": {"add": self.fusion.add, "veto": self.fusion.veto, "keep": list(self.fusion.keep),
                           "severity": [list(s) for s in self.fusion.severity]}}

    @classmethod
    def from_parts(cls, settings: dict, arrays: dict[str, np.ndarray]) -> CompiledModel:
        f = settings["fusion"]
        fusion = Fusion(f["add"], f["veto"], tuple(f["keep"]), tuple((float(a), str(b)) for a, b in f["severity"]))
        return cls(settings["alphabet"], arrays["keys"], arrays["columns"], arrays["idf"], arrays["weights"],
                   arrays["biases"], tuple(settings["names"]), tuple(settings["ngram_range"]),
                   tuple(settings["platt"]), fusion, settings.get("meta", {}),
                   {str(c): float(t) for c, t in settings.get("secondary", {}).items()})

    def with_fusion(self, fusion: Fusion) -> CompiledModel:
        return CompiledModel(self.alphabet, self.keys, self.columns, self.idf, self.weights, self.biases,
                             self.names, self.ngram_range, self.platt, fusion, self.meta, self.secondary)


def calibrate(scores: np.ndarray, platt: tuple[float, float]) -> np.ndarray:
    """The any-risk head's calibrated probability (Platt scaling: a sigmoid of a * score + b)."""
    a, b = platt
    return 1.0 / (1.0 + np.exp(-(a * scores + b)))


def opinions_from_raw(raw: np.ndarray, names: Sequence[str], platt: tuple[float, float],
                      silent: np.ndarray | None = None, secondary: dict[str, float] | None = None) -> list[Opinion]:
    """Opinions from every head's raw score (column 0 the any-risk head, then one per name); a
    `silent` row (no known n-gram) has no evidence either way. Whole columns at once: a thread of
    ten messages would otherwise pay thirty small numpy calls. `secondary`: each category's bar for
    `Opinion.also`."""
    p_any = calibrate(raw[:, 0], platt).tolist()
    quiet = silent.tolist() if silent is not None else [False] * raw.shape[0]
    if not names:
        return [Opinion(0.0 if quiet[row] else p_any[row], None, 0.0, row) for row in range(raw.shape[0])]
    best = np.argmax(raw[:, 1:], axis=1)
    best_p = calibrate(raw[np.arange(raw.shape[0]), 1 + best], (1.0, 0.0)).tolist()
    best = best.tolist()
    bars = np.array([(secondary or {}).get(name, np.inf) for name in names])
    cleared = (raw[:, 1:] >= bars).tolist()
    return [Opinion(0.0, None, 0.0, row) if quiet[row] else
            Opinion(p_any[row], names[best[row]], best_p[row], row,
                    tuple(name for name, up in zip(names, cleared[row], strict=True) if up))
            for row in range(raw.shape[0])]


class _KeyTable:
    """The vocabulary's n-gram keys in an open-addressing hash table (multiply-shift hash, linear
    probing), looked up for a whole batch at once. A binary search of the sorted keys cost 150 ns
    a query (80,000 keys, queries in text order: a cache miss at most of its 17 steps) and was a
    third of the model's time; here most queries are answered at their first slot."""

    _MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing

    def __init__(self, keys: np.ndarray, columns: np.ndarray):
        bits = max(4, int(2 * max(len(keys), 1) - 1).bit_length())  # load factor at most a half
        self._shift = np.uint64(64 - bits)
        self._mask = (1 << bits) - 1
        self._keys = np.zeros(1 << bits, dtype=np.uint64)   # 0: an empty slot (no n-gram's key is 0)
        self._columns = np.full(1 << bits, -1, dtype=np.int64)
        self._probes = 0
        taken = bytearray(1 << bits)
        table_keys, table_columns = self._keys, self._columns
        for key, column, slot in zip(keys.tolist(), columns.tolist(), self._slots(keys).tolist(), strict=True):
            probes = 1
            while taken[slot]:
                slot, probes = (slot + 1) & self._mask, probes + 1
            taken[slot] = 1
            table_keys[slot], table_columns[slot] = key, column
            self._probes = max(self._probes, probes)

    def _slots(self, keys: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return ((keys * self._MULTIPLIER) >> self._shift).astype(np.int64)

    def columns_of(self, wanted: np.ndarray) -> np.ndarray:
        """The column of each wanted key, -1 for a key not in the vocabulary."""
        out = np.full(len(wanted), -1, dtype=np.int64)
        todo = np.arange(len(wanted))
        slots = self._slots(wanted)
        for _ in range(self._probes):
            found = self._keys[slots]
            hit = found == wanted[todo]
            out[todo[hit]] = self._columns[slots[hit]]
            going = ~hit & (found != 0)  # an empty slot ends the probe: the key is absent
            if not going.any():
                break
            todo, slots = todo[going], (slots[going] + 1) & self._mask
        return out


def _tfidf(rows: np.ndarray, cols: np.ndarray, n_rows: int, idf: np.ndarray) -> tuple[np.ndarray, ...]:
    """Sublinear tf times idf, each row scaled to unit length, from one (row, column) per n-gram."""
    width = np.int64(len(idf))
    pairs, counts = np.unique(rows.astype(np.int64) * width + cols, return_counts=True)
    rows, cols = pairs // width, pairs % width
    values = (np.log(counts) + 1.0) * idf[cols]
    norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=n_rows))
    norms[norms == 0] = 1.0
    return rows, cols, values / norms[rows]


@lru_cache(maxsize=4)
def _numbers(alphabet: str) -> dict[str, int]:
    """Character -> its number (from 1), built once per alphabet: a model compiles tens of
    thousands of n-grams over one alphabet of thousands of characters."""
    return {c: i for i, c in enumerate(alphabet, 1)}


def feature_text(norm: NormalizedText) -> str:
    """The normalised text with every digit read as 0 (one phone number or fee teaches all of them)
    and markup tags blanked; same length, same offsets."""
    return MARKUP_TAG.sub(lambda tag: " " * len(tag.group()), _DIGITS.sub("0", norm.text))


def encode(alphabet: str, gram: str) -> int:
    """The key of an n-gram: its characters' numbers, BITS bits each, first character lowest."""
    index = _numbers(alphabet)
    key = 0
    for n, c in enumerate(gram):
        key |= index[c] << (BITS * n)
    return key
