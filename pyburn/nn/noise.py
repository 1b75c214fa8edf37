"""`GaussianNoise` (Burn's ``burn::nn::GaussianNoise``): add ``N(0, std^2)`` noise while
training, a regularizer and a cheap data augmentation.

As `Dropout`, "training" means the input is on an Autodiff backend: after ``model.valid()`` the
layer is the identity.
"""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Distribution, Tensor

from ._types import B

__all__ = ["GaussianNoiseConfig", "GaussianNoise"]


class GaussianNoiseConfig(Config):
    """`std`: the standard deviation of the noise (required, >= 0)."""

    std: float

    def init(self) -> "GaussianNoise":
        # Burn tests the sign bit, so -0.0 is refused too; NaN is no standard deviation.
        if math.isnan(self.std) or math.copysign(1.0, self.std) < 0:
            raise ValueError(f"GaussianNoiseConfig.init: the standard deviation (std) is "
                             f"required to be non-negative, got {self.std}")
        return GaussianNoise(float(self.std))


class GaussianNoise(Module):
    """``x + noise``, ``noise ~ N(0, std^2)`` drawn per element, on an Autodiff backend; ``x``
    itself (the same tensor) elsewhere or when ``std == 0``. The noise is a constant: the
    gradient with respect to ``x`` is the identity."""

    std: float

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """Any shape; the noise comes from the calling thread's generator (``B.seed``)."""
        if self.std == 0.0 or not type(x).backend.is_autodiff():
            return x
        return x + x.random_like(Distribution.Normal(0.0, self.std))

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"std": self.std}
