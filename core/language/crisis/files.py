"""The detector's shipped files: the English word list and the learned scorer's weights."""

from __future__ import annotations

from pathlib import Path

from core.language.crisis.detector import CrisisDetector
from core.language.crisis.scorer import Scorer

WORDS_FILE = Path("crisis") / "english-words.txt"
MODEL_FILE = Path("crisis") / "model.json"


def read_words(path: Path) -> list[str]:
    """One word a line; lines starting with '#' are comments."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def load_detector(data_dir: Path) -> CrisisDetector:
    """The detector with its word list and, if shipped, its learned scorer."""
    model = data_dir / MODEL_FILE
    scorer = Scorer.load(model) if model.exists() else None
    return CrisisDetector(read_words(data_dir / WORDS_FILE), scorer)
