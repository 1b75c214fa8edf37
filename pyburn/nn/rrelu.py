"""`RRelu` (Burn's ``burn::nn::RRelu``): the randomized leaky ReLU of "Empirical Evaluation of
Rectified Activations" (Xu et al., 2015).

While training, each negative element gets its own slope drawn from ``U[lower, upper)``; in
evaluation the slope is the midpoint ``(lower + upper) / 2``, a plain leaky ReLU. "Training" is
decided as for `Dropout`: by whether the input is on an Autodiff backend, so ``model.valid()``
switches it off with nothing to remember.
"""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Distribution, Tensor
from pyburn.tensor import activation as F

from ._types import B

__all__ = ["RReluConfig", "RRelu"]


class RReluConfig(Config):
    """Burn's (and ``torch.nn.RReLU``'s) defaults: ``lower`` 1/8, ``upper`` 1/3."""

    lower: float = 0.125
    upper: float = 1.0 / 3.0

    def init(self) -> "RRelu":
        if not (math.isfinite(self.lower) and math.isfinite(self.upper)):
            raise ValueError(f"RReluConfig.init: lower and upper must be finite, got "
                             f"lower={self.lower}, upper={self.upper}")
        if self.lower > self.upper:
            raise ValueError(f"RReluConfig.init: lower ({self.lower}) must be <= upper "
                             f"({self.upper}); set them with with_lower / with_upper")
        return RRelu(float(self.lower), float(self.upper))


class RRelu(Module):
    """``x`` for ``x >= 0``; ``a * x`` below, with ``a ~ U[lower, upper)`` per element while
    training and ``a = (lower + upper) / 2`` otherwise. As `leaky_relu`, 0 counts as positive."""

    lower: float = 0.125
    upper: float = 1.0 / 3.0

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """Any shape; random slopes only on an Autodiff backend, drawn from the calling thread's
        generator (``B.seed`` makes them reproducible)."""
        if not type(x).backend.is_autodiff():
            return F.leaky_relu(x, (self.lower + self.upper) / 2.0)
        slope = x.random_like(Distribution.Uniform(self.lower, self.upper))
        return x.mask_where(x.lower_elem(0.0), x * slope)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"lower": self.lower, "upper": self.upper}
