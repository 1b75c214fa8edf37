"""Text from a trained model: the same seed gives the same text, at several temperatures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pyburn.data import CharVocab
from pyburn.nn import generate
from pyburn.record import NamedMpkFileRecorder

from .model import CharRnn
from .training import CONFIG_FILE, MODEL_FILE, VOCAB_FILE, TrainingConfig

__all__ = ["TEMPERATURES", "samples", "load_model"]

TEMPERATURES = (0.5, 0.8, 1.0)


def samples(model: CharRnn, vocab: CharVocab, prompt: str, length: int, seed: int,
            temperatures: tuple[float, ...] = TEMPERATURES,
            top_k: int | None = None) -> dict[float, str]:
    """One text per temperature (on the model's backend, which should be a plain one:
    ``model.valid()``); each draw starts from `seed`."""
    known = "".join(c for c in prompt if c in vocab.chars) or vocab.chars[0]
    return {t: generate(model, vocab, known, length, temperature=t, top_k=top_k, seed=seed)
            for t in temperatures}


def load_model(artifact_dir: str | Path, backend: Any, device: Any = None
               ) -> tuple[CharRnn, CharVocab]:
    """The best model written by `train`, and its vocabulary, on `backend`."""
    out = Path(artifact_dir)
    config = TrainingConfig.load(out / CONFIG_FILE)
    vocab = CharVocab.load(out / VOCAB_FILE)
    model = config.model.init(device, backend)
    model = model.load_file(str(out / MODEL_FILE), NamedMpkFileRecorder(), device)
    return model, vocab
