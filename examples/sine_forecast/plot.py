"""Predictions against the truth on the test windows, as a PNG (matplotlib, Agg backend:
no display needed), written atomically."""

from __future__ import annotations

import io
from pathlib import Path

from pyburn.record.atomic import atomic_write

__all__ = ["plot_predictions"]


def plot_predictions(path: str | Path, truth: list[float], predicted: list[float],
                     title: str) -> Path:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4))
    ax.plot(truth, label="truth (noisy)", color="0.4", linewidth=1)
    ax.plot(predicted, label="RNN prediction", color="tab:red", linewidth=1.5)
    ax.set_xlabel("test step")
    ax.set_ylabel("value")
    ax.set_title(title)
    ax.legend(loc="upper right")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return atomic_write(path, buffer.getvalue())
