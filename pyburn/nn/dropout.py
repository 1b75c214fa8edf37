"""`Dropout` (Burn's ``burn::nn::Dropout``): zero activations at random while training.

"Training" is not a flag to remember to flip: as in Burn, dropout acts only on tensors of an
Autodiff backend. ``model.valid()`` moves the parameters to the inner backend, so everything
computed from them — and so every dropout in the model — turns off by itself.
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Distribution, Tensor

from ._types import B

__all__ = ["DropoutConfig", "Dropout"]


class DropoutConfig(Config):
    """`prob`: the probability of zeroing each element (0 <= prob <= 1)."""

    prob: float

    def init(self, device: Device | str | None = None, backend: Any = None) -> "Dropout":
        """Build the layer. It has no parameters, so `device` and `backend` are accepted only
        so that every config's ``init(device)`` can be called alike (Burn's takes none)."""
        if not 0.0 <= self.prob <= 1.0:
            raise ValueError(f"DropoutConfig.init: the probability must be between 0 and 1, "
                             f"got {self.prob}")
        return Dropout(self.prob)


class Dropout(Module):
    """Keeps each element with probability ``1 - prob`` and scales kept ones by
    ``1 / (1 - prob)``, so the expected value is unchanged; the identity outside training."""

    prob: float

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """Any shape; a no-op unless `x` is on an Autodiff backend. The mask comes from the
        calling thread's generator, so a thread that seeded (``B.seed``) gets its own masks."""
        if self.prob == 0.0 or not type(x).backend.is_autodiff():
            return x
        if self.prob >= 1.0:  # nothing is kept; avoid 0 * inf
            return x * 0.0
        keep = 1.0 - self.prob
        mask = x.random_like(Distribution.Bernoulli(keep))
        return x * mask * (1.0 / keep)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"prob": self.prob}
