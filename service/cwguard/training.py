"""`make model`: train the message model against this product's rules (see cwguard/model/train.py).

    python -m cwguard.training [--compare] [--report F] [--output F]
"""
from __future__ import annotations

import sys

from .model import train
from .pipeline import rules_answer

if __name__ == "__main__":
    sys.exit(train.main(rules_answer))
