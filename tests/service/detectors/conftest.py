"""The detector test modules import their shared helpers and checks from _kit.py, next to this
file: put this folder on the import path once, whatever pytest's import mode."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
