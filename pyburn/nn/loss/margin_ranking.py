"""Margin ranking loss (Burn's ``nn::loss::MarginRankingLoss``): for two scores and a target
``y`` of ``1`` (the first should rank higher) or ``-1`` (the second should)::

    L = max(0, -y * (x1 - x2) + margin)

Matches ``torch.nn.functional.margin_ranking_loss``; the three tensors must have one shape
(torch would broadcast them).
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Tensor

from .._types import B
from ._checks import check_same_shape, check_tensor
from .reduction import Reduction, reduce

_NAME = "MarginRankingLoss"


class MarginRankingLossConfig(Config):
    """``MarginRankingLossConfig(margin=0.0)``."""

    margin: float = 0.0

    def init(self) -> "MarginRankingLoss":
        if not self.margin >= 0.0:  # also refuses NaN
            raise ValueError(f"MarginRankingLossConfig: margin must be a non-negative number, "
                             f"got {self.margin}")
        return MarginRankingLoss(float(self.margin))


class MarginRankingLoss(Module):
    """Built by `MarginRankingLossConfig.init`."""

    margin: float = 0.0

    def forward(self, first: "Tensor[B]", second: "Tensor[B]", target: "Tensor[B]",
                reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced to shape ``[1]`` (``Auto`` = ``Mean``)."""
        return reduce(self.forward_no_reduction(first, second, target), reduction, _NAME)

    __call__ = forward

    def forward_no_reduction(self, first: "Tensor[B]", second: "Tensor[B]",
                             target: "Tensor[B]") -> "Tensor[B]":
        """The element-wise losses, shaped like the inputs (float targets of 1 or -1)."""
        check_tensor(_NAME, "first", first, "Float")
        check_tensor(_NAME, "second", second, "Float")
        check_tensor(_NAME, "target", target, "Float")
        check_same_shape(_NAME, "first", first, "second", second)
        check_same_shape(_NAME, "first", first, "target", target)
        # clamp_min, not relu: at the kink the gradient is torch's (1), as in its backward.
        return target.mul(first.sub(second)).neg().add_scalar(self.margin).clamp_min(0.0)

    def display_fields(self) -> dict[str, Any]:
        return {"margin": self.margin}
