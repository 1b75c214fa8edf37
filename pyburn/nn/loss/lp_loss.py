"""Lp loss (Burn's ``nn::loss::LpLoss``): the element-wise ``|predictions - targets|^p``,
reduced. ``p = 1`` is the L1 (mean absolute error) loss, ``torch.nn.functional.l1_loss``;
``p = 2`` the squared error, ``torch.nn.functional.mse_loss``.

Any ``p > 0`` is allowed. For ``p < 1`` the loss has an infinite slope at a zero error, where
``|e|^p`` differentiated naively gives ``inf * 0 = NaN``; pyburn returns the gradient 0 there
(the point is the loss's minimum), so an exact prediction cannot poison a model with NaN.
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

_NAME = "LpLoss"


class LpLossConfig(Config):
    """``LpLossConfig(p).init()``; ``LpLossConfig.l1()`` and ``LpLossConfig.l2()`` build the
    two usual losses directly, as in Burn."""

    p: float

    def init(self) -> "LpLoss":
        p = self.p
        if not (math.isfinite(p) and p > 0.0):  # also refuses NaN
            raise ValueError(f"LpLossConfig.init: the order of the norm p must be a positive "
                             f"finite number, got {p!r}")
        return LpLoss(float(p))

    @staticmethod
    def l1() -> "LpLoss":
        """The L1 loss, ``|predictions - targets|`` (Burn's ``LpLossConfig::l1()``)."""
        return LpLoss(1.0)

    @staticmethod
    def l2() -> "LpLoss":
        """The squared error, ``(predictions - targets)^2`` (Burn's ``LpLossConfig::l2()``)."""
        return LpLoss(2.0)


class LpLoss(Module):
    """Built by `LpLossConfig.init`, `LpLossConfig.l1` or `LpLossConfig.l2`."""

    p: float

    def forward(self, predictions: "Tensor[B]", targets: "Tensor[B]",
                reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced to shape ``[1]`` (``Auto`` = ``Mean``)."""
        return reduce(self.forward_no_reduction(predictions, targets), reduction,
                      f"{_NAME}.forward")

    __call__ = forward

    def forward_no_reduction(self, predictions: "Tensor[B]",
                             targets: "Tensor[B]") -> "Tensor[B]":
        """The element-wise losses ``|predictions - targets|^p``, shaped like the inputs."""
        owner = f"{_NAME}.forward_no_reduction"
        check_predictions_targets(owner, predictions, targets)
        error = predictions.sub(targets)
        if self.p == 1.0:
            return error.abs()
        if self.p == 2.0:
            return error.mul(error)
        magnitude = error.abs()
        if self.p > 1.0:
            return magnitude.powf_scalar(self.p)
        # p < 1: evaluate the power at 1 where the error is 0 (a finite slope), then write the
        # exact 0 back; the masked entries get the gradient 0 instead of inf * 0.
        exact = magnitude.equal_elem(0.0)
        return magnitude.mask_fill(exact, 1.0).powf_scalar(self.p).mask_fill(exact, 0.0)

    def forward_reduce_dims(self, predictions: "Tensor[B]", targets: "Tensor[B]",
                            dims: Sequence[int]) -> "Tensor[B]":
        """The element-wise losses averaged over `dims` (negative dims count from the end; any
        order), each kept with size 1: ``[1, 2, 3]`` on ``[batch, C, H, W]`` gives one loss per
        image, shaped ``[batch, 1, 1, 1]``."""
        return mean_over_dims(self.forward_no_reduction(predictions, targets), dims,
                              f"{_NAME}.forward_reduce_dims")

    def display_fields(self) -> dict[str, Any]:
        return {"p": self.p}
