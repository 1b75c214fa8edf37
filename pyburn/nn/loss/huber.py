"""Huber loss (Burn's ``nn::loss::HuberLoss``): quadratic for small residuals, linear beyond
`delta`, so outliers pull less than with MSE. For ``r = targets - predictions``:

    L(r) = r^2 / 2                  if |r| <= delta
    L(r) = delta * (|r| - delta/2)  otherwise

Matches ``torch.nn.functional.huber_loss(predictions, targets, delta=delta)``.
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Tensor

from .._types import B
from ._checks import check_same_shape, check_tensor
from .reduction import Reduction, reduce


class HuberLossConfig(Config):
    """``HuberLossConfig(delta)``: where the loss turns from quadratic to linear."""

    delta: float

    def init(self) -> "HuberLoss":
        if not self.delta >= 0.0:  # also refuses NaN
            raise ValueError(f"HuberLossConfig: delta must be a non-negative number, got "
                             f"{self.delta}")
        return HuberLoss(self.delta, self.delta * self.delta * 0.5)


class HuberLoss(Module):
    """Built by `HuberLossConfig.init`."""

    delta: float
    lin_bias: float  # delta^2 / 2, precomputed

    def forward(self, predictions: "Tensor[B]", targets: "Tensor[B]",
                reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced to shape ``[1]`` (``Auto`` = ``Mean``)."""
        return reduce(self.forward_no_reduction(predictions, targets), reduction, "HuberLoss")

    __call__ = forward

    def forward_no_reduction(self, predictions: "Tensor[B]",
                             targets: "Tensor[B]") -> "Tensor[B]":
        """The element-wise losses, shaped like the inputs."""
        check_tensor("HuberLoss", "predictions", predictions, "Float")
        check_tensor("HuberLoss", "targets", targets, "Float")
        check_same_shape("HuberLoss", "predictions", predictions, "targets", targets)
        return self.forward_residuals(targets.sub(predictions))

    def forward_residuals(self, residuals: "Tensor[B]") -> "Tensor[B]":
        """The element-wise losses of residuals ``targets - predictions``."""
        check_tensor("HuberLoss", "residuals", residuals, "Float")
        is_large = residuals.abs().greater_elem(self.delta)
        # clamp(r, -d, d) is d*sign(r) wherever |r| > d, without sign()'s jump at 0, so
        # d*|r| - d^2/2 = clamp(r) * r - lin_bias there.
        outside = residuals.clamp(-self.delta, self.delta).mul(residuals).sub_scalar(self.lin_bias)
        inside = residuals.square().mul_scalar(0.5)
        return inside.mask_where(is_large, outside)

    def __repr__(self) -> str:
        return f"HuberLoss {{delta: {self.delta}, lin_bias: {self.lin_bias}}}"
