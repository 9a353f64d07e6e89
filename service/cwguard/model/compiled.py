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
from itertools import accumulate

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
# The number of every character outside the alphabet and of the end of the batch: no vocabulary
# key has it (numbers run 1 .. len(alphabet)), so no n-gram through it finds a column.
NONE = (1 << BITS) - 1




def context_of(sender: str, phase: str) -> tuple[int, int]:
    """The sender's and the phase's positions among the context columns (one of each per message; an
    unknown sender counts as "unknown", an unknown phase as before the contract). Training
    (`features.Featurizer`) and inference read the same columns."""
    return (SENDERS.index(sender if sender in SENDERS else "unknown"),
            len(SENDERS) + PHASES.index(phase if phase in PHASES else "before_contract"))


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
        if len(self.alphabet) >= NONE:
            raise ValueError(f"{len(self.alphabet)} characters do not fit {BITS} bits with NONE beside them")
        # character number by code point, up to the alphabet's last; `take(mode="clip")` reads any
        # code point past it as the last entry, NONE (this is 1 MB, not 8.9 over all of Unicode)
        self._lookup = np.full(max(map(ord, self.alphabet), default=0) + 2, NONE, dtype=np.uint64)
        for number, c in enumerate(self.alphabet, 1):
            self._lookup[ord(c)] = number
        # each column's key, so that explaining a warning decodes only the n-grams it names
        self._key_of_column = np.zeros(len(self.idf), dtype=np.uint64)
        self._key_of_column[self.columns] = self.keys
        self._table = _KeyTable(self.keys, self.columns)
        # shifting the characters of an n-gram into place: (positions, n) << this, summed along n
        self._shifts = np.arange(self.ngram_range[1], dtype=np.uint64) * np.uint64(BITS)
        # the context columns' share of the raw scores, by (sender, phase)
        self._context = {(s, p): CONTEXT_WEIGHT * (self.weights[self.n_text + s] + self.weights[self.n_text + p])
                         for s, p in (context_of(sender, phase) for sender in SENDERS for phase in PHASES)}

    @property
    def n_text(self) -> int:
        return len(self.idf)

    # --- features ------------------------------------------------------------------------------

    def triplets(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column, value) of the TF-IDF n-gram matrix of `texts`.

        Run inside the engine, between the detectors, each numpy call here costs 5 to 10 µs more than in
        a loop (its own data and numpy's have left the caches), about as much as its work on a
        thread's ~600 characters: so the fewest calls, each over the whole batch."""
        cleaned = [_WHITE_SPACES.sub(" ", t) for t in texts]
        low, high = self.ngram_range
        # one array of character numbers, the texts joined by "\0" (NONE unless in the alphabet,
        # as scikit-learn reads each text alone) and followed by high - 1 code points past Unicode
        # (NONE), so that every position has `high` characters to read
        joined = "\0".join(cleaned).encode("utf-32-le") + b"\xff" * (4 * (high - 1))
        digits = self._lookup.take(np.frombuffer(joined, dtype=np.uint32), mode="clip")
        # row i: the characters at positions i .. i + high - 1; the running sum of their shifted
        # numbers is the key of the 1-, 2-, ... high-gram at i (no bits overlap: a sum is an or)
        windows = np.ndarray((len(digits) - high + 1, high), np.uint64, digits, strides=(8, 8))
        keys = np.cumsum(windows << self._shifts, axis=1)[:, low - 1:].ravel()
        columns = self._table.columns_of(keys)
        found = (columns >= 0).nonzero()[0]
        # the row of each key: the texts' ends (each with its separator) cut the positions
        ends = list(accumulate(len(t) + 1 for t in cleaned))
        rows = np.searchsorted(ends, found // (high - low + 1), side="right")
        return _tfidf(rows, columns[found], len(cleaned), self.idf)

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
        # rows come sorted: one sum per run of a row's n-grams, every head at once (`take` gathers
        # the weights' rows in half the time of `weights[cols]`)
        weighted = self.weights.take(cols, axis=0)
        weighted *= values[:, None]
        starts = _run_starts(rows)
        raw = np.zeros((len(texts), self.weights.shape[1]))
        if len(starts):
            raw[rows[starts]] = np.add.reduceat(weighted, starts)
        raw += self.biases
        raw += np.array([self._context[context_of(s, p)] for s, p in zip(senders, phases, strict=True)])
        silent = np.ones(len(texts), dtype=bool)  # no known n-gram: no evidence either way
        silent[rows[starts]] = False
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
    third of the model's time; here most queries are answered at their first slot.

    The keys are placed in the order of their home slots, each at its home or the first free slot
    after it (the layout Robin Hood insertion gives): the keys of one home then sit together right
    after it, no key lies more than a few slots past its home (6 at a load factor of 0.3), and the
    table runs on past its last home slot instead of wrapping around. A query is answered at its
    home slot, or that slot is empty (absent), or it is looked for in the next few slots, all at
    once: a fixed dozen numpy calls, no probing loop."""

    _MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing

    def __init__(self, keys: np.ndarray, columns: np.ndarray):
        bits = max(4, int(2 * max(len(keys), 1) - 1).bit_length())  # load factor at most a half
        self._shift = np.uint64(64 - bits)
        order = np.argsort(self._slots(keys), kind="stable")
        home = self._slots(keys[order])
        rank = np.arange(len(keys))
        # each key's slot: its home, or one past the previous key's slot if that is further on
        place = np.maximum.accumulate(home - rank) + rank if len(keys) else rank
        reach = int((place - home).max(initial=0))
        self._further = np.arange(1, reach + 1)[:, None]  # the slots after the home a key may be in
        self._keys = np.zeros((1 << bits) + reach, dtype=np.uint64)  # 0: empty (no n-gram's key is 0)
        self._keys[place] = keys[order]
        self._columns = np.full(len(self._keys), -1, dtype=np.int64)
        self._columns[place] = columns[order]

    def _slots(self, keys: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return ((keys * self._MULTIPLIER) >> self._shift).astype(np.int64)

    def columns_of(self, wanted: np.ndarray) -> np.ndarray:
        """The column of each wanted key, -1 for a key not in the vocabulary."""
        home = self._slots(wanted)
        held = self._keys[home]
        out = np.where(held == wanted, self._columns[home], -1)
        further = ((held != wanted) & (held != 0)).nonzero()[0]  # home taken by another key
        if len(further):
            slots, sought = home[further] + self._further, wanted[further]
            out[further] = np.where(self._keys[slots] == sought, self._columns[slots], -1).max(axis=0, initial=-1)
        return out


def _tfidf(rows: np.ndarray, cols: np.ndarray, n_rows: int, idf: np.ndarray) -> tuple[np.ndarray, ...]:
    """Sublinear tf times idf, each row scaled to unit length, from one (row, column) per n-gram.
    (What np.unique(return_counts=True) does, in half its calls.)"""
    width = len(idf)
    pairs = rows * width + cols
    pairs.sort()
    starts = _run_starts(pairs)
    counts = np.empty_like(starts)
    counts[:-1] = starts[1:]
    counts[-1:] = len(pairs)
    counts -= starts
    rows, cols = np.divmod(pairs[starts], width)
    values = (np.log(counts) + 1.0) * idf.take(cols)
    # every value is positive (idf >= 1): a row with a value has a norm above 0
    norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=n_rows))
    return rows, cols, values / norms.take(rows)


def _run_starts(ordered: np.ndarray) -> np.ndarray:
    """Where each run of equal values of a sorted array starts."""
    new = np.empty(len(ordered), dtype=bool)
    new[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=new[1:])
    return new.nonzero()[0]


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
