"""Inference (Burn's ``examples/modern-lstm/src/inference.rs``): load ``config.json`` and the
model record, predict the validation sequences in one batch, print predicted vs expected."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from pyburn.record import CompactRecorder

from .dataset import SequenceBatcher, SequenceDataset
from .training import CONFIG_FILE, MODEL_FILE, TrainingConfig, build_model

__all__ = ["Predictions", "load_model", "predict", "infer", "format_table"]


@dataclass(frozen=True)
class Predictions:
    predicted: list[float]
    expected: list[float]


def load_model(artifact_dir: str | Path, backend: Any, device: Any = None
               ) -> tuple[TrainingConfig, Any]:
    """The config and the trained model, on `backend` (any backend: inference needs no
    autodiff). Fails with a clear message when ``train`` has not been run."""
    out = Path(artifact_dir)
    if not (out / CONFIG_FILE).exists() or not (out / f"{MODEL_FILE}.mpk").exists():
        raise FileNotFoundError(f"no trained model in {out}: run 'python -m "
                                f"examples.modern_lstm train --artifact-dir {out}' first")
    config = TrainingConfig.load(out / CONFIG_FILE)
    device = backend.default_device() if device is None else device
    # init then load: parameters are lazy, so the initializer never runs here.
    model = build_model(config, device, backend).load_file(str(out / MODEL_FILE),
                                                           CompactRecorder())
    return config, model


def predict(artifact_dir: str | Path, backend: Any, device: Any = None,
            num_items: int | None = None) -> Predictions:
    """Predictions for the first `num_items` validation sequences (all of them when None)."""
    device = backend.default_device() if device is None else device
    config, model = load_model(artifact_dir, backend, device)
    dataset = SequenceDataset.valid(config.num_sequences // 5)
    count = dataset.len() if num_items is None else min(num_items, dataset.len())
    items = [dataset[i] for i in range(count)]
    batch = SequenceBatcher(backend).batch(items, device)
    predicted = model.forward(batch.sequences).squeeze_dim(1)
    return Predictions([float(v) for v in predicted.tolist()],
                       [float(v) for v in batch.targets.squeeze_dim(1).tolist()])


def format_table(predictions: Predictions) -> str:
    """A fixed-width table, one row per sequence."""
    lines = [f"{'#':>3}  {'predicted':>10}  {'expected':>10}  {'error':>9}",
             f"{'-' * 3}  {'-' * 10}  {'-' * 10}  {'-' * 9}"]
    for i, (p, e) in enumerate(zip(predictions.predicted, predictions.expected)):
        lines.append(f"{i:>3}  {p:>10.4f}  {e:>10.4f}  {p - e:>+9.4f}")
    return "\n".join(lines)


def infer(artifact_dir: str | Path, backend: Any, device: Any = None, num_items: int = 10,
          log: Callable[[str], None] = print) -> Predictions:
    """Print predicted vs expected for `num_items` validation sequences; returns them."""
    predictions = predict(artifact_dir, backend, device, num_items)
    log(format_table(predictions))
    return predictions
