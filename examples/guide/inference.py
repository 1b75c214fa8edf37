"""Inference (the Burn Book guide's ``src/inference.rs``): rebuild the model from the artifacts
``train`` wrote (``config.json`` + ``model.mpk``) and predict a digit."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from pyburn.data.vision import MnistItem
from pyburn.record import CompactRecorder

from .data import MnistBatcher
from .training import CONFIG_FILE, MODEL_FILE, TrainingConfig

__all__ = ["infer"]


def infer(artifact_dir: str | Path, device: Any, item: MnistItem, *,
          log: Callable[[str], None] = print) -> int:
    """Predict `item`'s digit with the trained model on `device` (a plain backend's: no
    autodiff is needed to predict); prints and returns the prediction."""
    out = Path(artifact_dir)
    if not (out / CONFIG_FILE).is_file():
        raise FileNotFoundError(f"infer: {out / CONFIG_FILE} is missing; run train first")
    config = TrainingConfig.load(out / CONFIG_FILE)
    record = CompactRecorder().load(out / MODEL_FILE)

    model = config.model.init_with(record, device)

    batch = MnistBatcher(device.require_backend("infer")).batch([item], device)
    output = model.forward(batch.images)
    predicted = int(output.argmax(1).reshape([-1]).into_scalar())
    log(f"Predicted {predicted} Expected {item.label}")
    return predicted
