"""Triplet margin loss (Burn's ``nn::loss::TripletMarginLoss``): an anchor should be closer to
its positive than to its negative by at least `margin`::

    L = max(0, d(anchor, positive) - d(anchor, negative) + margin),   d(x, y) = ||x - y||_p

Matches ``torch.nn.functional.triplet_margin_loss(..., eps=0)``: as Burn, no eps is added to
the differences (torch adds 1e-6 by default). At a zero difference the distance's gradient is
0, torch's choice, rather than NaN.
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Tensor

from .._types import B
from ..distance import lp_distance
from ._checks import check_same_shape, check_tensor
from .reduction import Reduction, reduce

_NAME = "TripletMarginLoss"


class TripletMarginLossConfig(Config):
    """``TripletMarginLossConfig(margin=1.0, p=2.0)``."""

    margin: float = 1.0
    p: float = 2.0

    def init(self) -> "TripletMarginLoss":
        if self.margin != self.margin:
            raise ValueError("TripletMarginLossConfig: margin must be a number, got NaN")
        if not self.p > 0.0:  # also refuses NaN
            raise ValueError(f"TripletMarginLossConfig: p must be positive, got {self.p}")
        return TripletMarginLoss(float(self.margin), float(self.p))


class TripletMarginLoss(Module):
    """Built by `TripletMarginLossConfig.init`."""

    margin: float = 1.0
    p: float = 2.0

    def forward(self, anchor: "Tensor[B]", positive: "Tensor[B]", negative: "Tensor[B]",
                reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced to shape ``[1]`` (``Auto`` = ``Mean``)."""
        return reduce(self.forward_no_reduction(anchor, positive, negative), reduction, _NAME)

    __call__ = forward

    def forward_no_reduction(self, anchor: "Tensor[B]", positive: "Tensor[B]",
                             negative: "Tensor[B]") -> "Tensor[B]":
        """Three ``[batch, embedding_dim]`` tensors -> ``[batch]``."""
        check_tensor(_NAME, "anchor", anchor, "Float", 2)
        check_tensor(_NAME, "positive", positive, "Float", 2)
        check_tensor(_NAME, "negative", negative, "Float", 2)
        check_same_shape(_NAME, "anchor", anchor, "positive", positive)
        check_same_shape(_NAME, "anchor", anchor, "negative", negative)
        d_pos = lp_distance(anchor.sub(positive), self.p, 1).squeeze_dim(1)
        d_neg = lp_distance(anchor.sub(negative), self.p, 1).squeeze_dim(1)
        return d_pos.sub(d_neg).add_scalar(self.margin).clamp_min(0.0)

    def display_fields(self) -> dict[str, Any]:
        return {"margin": self.margin, "p": self.p}
