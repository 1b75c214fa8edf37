"""Smooth L1 loss (Burn's ``nn::loss::SmoothL1Loss``): quadratic for errors below `beta`,
linear beyond. For ``e = predictions - targets``:

    L(e) = 0.5 * e^2 / beta     if |e| < beta
    L(e) = |e| - 0.5 * beta     otherwise

Matches ``torch.nn.functional.smooth_l1_loss(predictions, targets, beta=beta)``. It is
`HuberLoss` divided by `beta`: the slope beyond `beta` is 1 whatever `beta` is, and as `beta`
goes to 0 it becomes the L1 loss (use ``LpLossConfig.l1()`` for that, `beta` must be positive).

As in Burn, ``forward`` returns the element-wise losses and ``forward_with_reduction`` the
reduced ``[1]`` loss.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Tensor

from .._types import B
from ._checks import check_predictions_targets
from ._dims import mean_over_dims
from .reduction import Reduction, reduce

_NAME = "SmoothL1Loss"


class SmoothL1LossConfig(Config):
    """``SmoothL1LossConfig().with_beta(0.5).init()``; `beta` (default 1.0) is where the loss
    turns from quadratic to linear."""

    beta: float = 1.0

    def init(self) -> "SmoothL1Loss":
        beta = self.beta
        if not (math.isfinite(beta) and beta > 0.0):  # also refuses NaN
            raise ValueError(f"SmoothL1LossConfig.init: beta must be a positive finite number, "
                             f"got {beta!r} (for beta = 0, the L1 loss, use LpLossConfig.l1())")
        return SmoothL1Loss(float(beta))


class SmoothL1Loss(Module):
    """Built by `SmoothL1LossConfig.init`."""

    beta: float

    def forward(self, predictions: "Tensor[B]", targets: "Tensor[B]") -> "Tensor[B]":
        """The element-wise losses, shaped like the inputs (Burn's ``forward``)."""
        owner = f"{_NAME}.forward"
        check_predictions_targets(owner, predictions, targets)
        error = predictions.sub(targets)
        magnitude = error.abs()
        linear = magnitude.sub_scalar(0.5 * self.beta)
        quadratic = error.square().mul_scalar(0.5 / self.beta)
        # Both pieces have slope +-1 at |e| = beta, so the branch taken there does not matter
        # for the gradient; |e| < beta picks the quadratic one, as Burn and torch do.
        return linear.mask_where(magnitude.lower_elem(self.beta), quadratic)

    forward_no_reduction = forward
    __call__ = forward

    def forward_with_reduction(self, predictions: "Tensor[B]", targets: "Tensor[B]",
                               reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced to shape ``[1]`` (``Auto`` = ``Mean``)."""
        return reduce(self.forward(predictions, targets), reduction,
                      f"{_NAME}.forward_with_reduction")

    def forward_reduce_dims(self, predictions: "Tensor[B]", targets: "Tensor[B]",
                            dims: Sequence[int]) -> "Tensor[B]":
        """The element-wise losses averaged over `dims` (negative dims count from the end; any
        order), each kept with size 1."""
        return mean_over_dims(self.forward(predictions, targets), dims,
                              f"{_NAME}.forward_reduce_dims")

    def display_fields(self) -> dict[str, Any]:
        return {"beta": self.beta}
