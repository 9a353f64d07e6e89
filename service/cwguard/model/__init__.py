"""A learned second opinion beside the rules: a small linear model over the engine's normalised
text, trained on the project's own labelled corpora (never on the blind set it reports).

- `corpus`: which labelled files train it, read into message examples, and their hash.
- `features`: character n-grams of the normalised text plus who writes and the contract phase.
- `train`: `make model` (`python -m cwguard.training`): cross-validated choice of model family
  and of the fusion thresholds, grouped by thread; writes `message-model.bin`.
- `classifier`: the scikit-learn heads (training only) and `compile()`;
- `compiled`: the model as the service runs it, numpy arrays only (no scikit-learn, no pickle);
- `store`: the file format (a JSON header with hashes, versions and settings, then the arrays as
  `.npz`), and loading with every failure turned into "no model".
- `explain`: the passages whose features weigh most, cut to whole words.

The engine asks `runtime.current()` for the model; when it is missing, stale or corrupt the
service trains it from the corpora (a few minutes) or runs on the rules alone, and says which.
"""
