"""Japanese: vocabulary files (*.json, each entry with its source or reason), grammar cues
(`clauses`: clause boundaries, negation, requests, reported speech) and the word segmenter
(`words`, `tokens`: SudachiPy)."""
