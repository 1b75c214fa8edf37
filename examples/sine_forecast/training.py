"""Training: the first `train_size` values train (windows inside them), the rest test; Adam,
MSE, per-parameter gradient-norm clipping, mini-batches shuffled with the seed. The report
compares the test MSE with the naive forecast "the next value equals the last one"."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Callable

from pyburn import Tensor
from pyburn.config import Config
from pyburn.nn.loss import MseLoss, Reduction
from pyburn.optim import AdamConfig, GradientClippingConfig, GradientsParams

from .data import WINDOW, noisy_sine, windows
from .model import SineRnn, SineRnnConfig

__all__ = ["ForecastConfig", "ForecastResult", "train"]


class ForecastConfig(Config):
    model: SineRnnConfig
    size: int = 1000
    train_size: int = 800
    epochs: int = 60
    batch_size: int = 32
    lr: float = 1e-2
    clip_norm: float = 1.0
    seed: int = 7


@dataclass
class ForecastResult:
    model: SineRnn               # trained, on the inner backend
    train_mse: list[float]       # per epoch
    test_mse: float
    naive_mse: float             # predicting the last value of the window
    truth: list[float]           # test targets
    predicted: list[float]


def _floats(B: Any, rows: Any, device: Any) -> Any:
    return Tensor.of(B).from_data(rows, device)


def train(backend: Any, config: ForecastConfig, device: Any = None,
          log: Callable[[str], None] = print) -> ForecastResult:
    if not backend.is_autodiff():
        raise TypeError(f"train: expected an Autodiff backend, got {backend!r}")
    if not WINDOW < config.train_size < config.size - WINDOW:
        raise ValueError(f"train: train_size must leave a window on both sides, got "
                         f"{config.train_size} of {config.size}")
    device = device if device is not None else backend.default_device()
    backend.seed(config.seed)
    series = noisy_sine(config.size, config.seed)
    train_x, train_y = windows(series[:config.train_size])
    test_x, test_y = windows(series[config.train_size:])
    model = config.model.init(device)
    optim = AdamConfig(grad_clipping=GradientClippingConfig.Norm(config.clip_norm)).init()
    mse = MseLoss()
    order = list(range(len(train_x)))
    rng = random.Random(config.seed)
    history: list[float] = []
    for epoch in range(1, config.epochs + 1):
        rng.shuffle(order)
        total = 0.0
        for start in range(0, len(order), config.batch_size):
            idx = order[start:start + config.batch_size]
            x = _floats(backend, [train_x[i] for i in idx], device)
            y = _floats(backend, [[train_y[i]] for i in idx], device)
            loss = mse.forward(model.forward(x), y, Reduction.Mean)
            model = optim.step(config.lr, model, GradientsParams.from_grads(loss.backward(),
                                                                            model))
            total += float(loss.into_scalar()) * len(idx)
        history.append(total / len(order))
        if epoch == 1 or epoch % 10 == 0 or epoch == config.epochs:
            log(f"epoch {epoch:3d}  train MSE {history[-1]:.4f}")
    valid = model.valid()
    inner = backend.inner
    predicted = valid.forward(_floats(inner, test_x, device.on(inner))).reshape([-1]).tolist()
    test_mse = sum((p - t) ** 2 for p, t in zip(predicted, test_y)) / len(test_y)
    naive = sum((w[-1] - t) ** 2 for w, t in zip(test_x, test_y)) / len(test_y)
    return ForecastResult(valid, history, test_mse, naive, list(test_y), predicted)
