"""Language knowledge kept out of the engine: word boundaries (SudachiPy for Japanese, which also
splits Latin words), and, over time, each language's vocabulary and grammar cues."""
