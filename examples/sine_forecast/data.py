"""The chapter's data: ``sin(i / 10)`` plus uniform noise in [-0.2, 0.2), cut into windows of
`WINDOW` values, each followed by the value to predict."""

from __future__ import annotations

import math
import random

__all__ = ["WINDOW", "noisy_sine", "windows"]

WINDOW = 10


def noisy_sine(size: int, seed: int, noise: float = 0.2) -> list[float]:
    rng = random.Random(seed)
    return [math.sin(i / 10.0) + rng.uniform(-noise, noise) for i in range(size)]


def windows(series: list[float], window: int = WINDOW) -> tuple[list[list[float]], list[float]]:
    """``(inputs, targets)``: every run of `window` consecutive values and the value after it."""
    if len(series) <= window:
        raise ValueError(f"windows: a series of {len(series)} values has no window of "
                         f"{window} followed by a target")
    count = len(series) - window
    return [series[i:i + window] for i in range(count)], [series[i + window] for i in range(count)]
