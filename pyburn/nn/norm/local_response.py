"""`LocalResponseNorm` (Burn's ``burn::nn::LocalResponseNorm``): each value divided by
``(k + alpha * mean(x^2 over a window of `size` neighbouring channels)) ** beta`` -- AlexNet's
normalization, as ``torch.nn.LocalResponseNorm(size, alpha, beta, k)``.

The window of channel ``c`` covers ``[c - (size - 1) // 2, c + size // 2]``, clipped to the
channels, and the mean always divides by `size` (missing channels count as zeros). For odd
sizes this is torch's window; for even sizes Burn puts the extra channel on the positive side
where torch puts it on the negative side (``size=2``: channels ``c, c + 1`` in Burn, ``c - 1, c``
in torch). pyburn follows Burn.
"""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import RankError, Tensor

from .._types import B

__all__ = ["LocalResponseNormConfig", "LocalResponseNorm"]


class LocalResponseNormConfig(Config):
    """Burn's (and torch's) defaults: ``alpha`` 1e-4, ``beta`` 0.75, ``k`` 1. No parameters,
    so `init` takes no device."""

    size: int
    alpha: float = 0.0001
    beta: float = 0.75
    k: float = 1.0

    def init(self, device: Any = None, backend: Any = None) -> "LocalResponseNorm":
        """The layer (`device`/`backend` are accepted and unused: it holds no tensors)."""
        if self.size <= 0:
            raise ValueError(f"LocalResponseNormConfig.init: size must be greater than 0, "
                             f"got {self.size}")
        return LocalResponseNorm(int(self.size), float(self.alpha), float(self.beta),
                                 float(self.k))


class LocalResponseNorm(Module):
    """Normalizes ``[batch, channels, ...]`` (rank >= 3) across neighbouring channels."""

    size: int
    alpha: float = 0.0001
    beta: float = 0.75
    k: float = 1.0

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels, ...]`` -> the same shape."""
        dims = list(x.dims())
        if len(dims) < 3:
            raise RankError(f"LocalResponseNorm.forward: expected an input of rank >= 3 shaped "
                            f"[batch, channels, ...], got shape {dims} (rank {len(dims)})")
        n, c = dims[0], dims[1]
        squared = x.square().reshape([n, c, math.prod(dims[2:])])
        before, after = (self.size - 1) // 2, self.size // 2
        padded = squared.pad([(before, after), (0, 0)])
        total = padded.narrow(1, 0, c)
        for offset in range(1, self.size):
            total = total + padded.narrow(1, offset, c)
        mean = (total / self.size).reshape(dims)
        out: Tensor[B] = x / (mean * self.alpha + self.k).powf_scalar(self.beta)
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"size": self.size, "alpha": self.alpha, "beta": self.beta, "k": self.k}
