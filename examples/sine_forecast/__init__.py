"""The RNN chapter's first forecasting program in pyburn: a simple (Elman) RNN reads the last 10
values of a noisy sine wave and predicts the next one.

    python -m examples.sine_forecast                      # train, report MSE, write the plot
    python -m examples.sine_forecast --backend torch --epochs 300

`data` (the wave and its windows), `model` (Rnn -> dropout -> Linear), `training` (Adam, MSE,
gradient clipping, train/test split) and `plot`; see ``docs/rnn-in-practice.md``.
"""

from .data import WINDOW, noisy_sine, windows
from .model import SineRnn, SineRnnConfig
from .plot import plot_predictions
from .training import ForecastConfig, ForecastResult, train

__all__ = ["WINDOW", "noisy_sine", "windows", "SineRnn", "SineRnnConfig", "plot_predictions",
           "ForecastConfig", "ForecastResult", "train"]
