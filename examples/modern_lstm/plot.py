"""The plot: predicted vs expected on the validation set, and the loss curves, in one PNG.

matplotlib is imported here only (``pip install matplotlib``, or pyburn's ``plot`` extra), with
the Agg backend, so the plot works without a display and training never needs matplotlib.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from .inference import predict
from .training import HISTORY_FILE, LossHistory

__all__ = ["plot", "PLOT_FILE"]

PLOT_FILE = "modern_lstm.png"


def plot(artifact_dir: str | Path, backend: Any, device: Any = None,
         output: str | Path | None = None, log: Callable[[str], None] = print) -> Path:
    """Write the figure (default ``<artifact_dir>/modern_lstm.png``) and return its path."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = Path(artifact_dir)
    history = LossHistory.load(out / HISTORY_FILE)
    predictions = predict(out, backend, device)
    path = Path(output) if output is not None else out / PLOT_FILE

    fig, (ax_pred, ax_loss) = plt.subplots(1, 2, figsize=(11, 4.5))
    expected, predicted = predictions.expected, predictions.predicted
    lo, hi = min(expected + predicted), max(expected + predicted)
    ax_pred.plot([lo, hi], [lo, hi], color="gray", linewidth=1, label="predicted = expected")
    ax_pred.scatter(expected, predicted, s=10, alpha=0.7, label="validation sequences")
    ax_pred.set_xlabel("expected (12th value)")
    ax_pred.set_ylabel("predicted")
    ax_pred.set_title(f"Predicted vs expected ({len(expected)} sequences)")
    ax_pred.legend(loc="upper left")

    epochs = range(1, len(history.train_loss) + 1)
    ax_loss.plot(epochs, history.train_loss, marker=".", label="train")
    ax_loss.plot(epochs, history.valid_loss, marker=".", label="valid")
    ax_loss.set_yscale("log")
    ax_loss.set_xlabel("epoch")
    ax_loss.set_ylabel("MSE")
    ax_loss.set_title(f"Loss ({history.backend}, {history.model_variant})")
    ax_loss.legend()

    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    log(f"Plot written to {path}")
    return path
