"""Hinge embedding loss (Burn's ``nn::loss::HingeEmbeddingLoss``): for distances (or any
scores) ``x`` and targets ``y`` of ``1`` (similar) or ``-1`` (dissimilar)::

    L = x                     if y == 1
    L = max(0, margin - x)    otherwise

Matches ``torch.nn.functional.hinge_embedding_loss`` for targets of 1 and -1.
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Tensor

from .._types import B
from ._checks import check_same_shape, check_tensor
from .reduction import Reduction, reduce

_NAME = "HingeEmbeddingLoss"


class HingeEmbeddingLossConfig(Config):
    """``HingeEmbeddingLossConfig(margin=1.0)``: the margin of dissimilar pairs."""

    margin: float = 1.0

    def init(self) -> "HingeEmbeddingLoss":
        if self.margin != self.margin:
            raise ValueError("HingeEmbeddingLossConfig: margin must be a number, got NaN")
        return HingeEmbeddingLoss(float(self.margin))


class HingeEmbeddingLoss(Module):
    """Built by `HingeEmbeddingLossConfig.init`."""

    margin: float = 1.0

    def forward(self, input: "Tensor[B]", target: "Tensor[B]",
                reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced to shape ``[1]`` (``Auto`` = ``Mean``)."""
        return reduce(self.forward_no_reduction(input, target), reduction, _NAME)

    __call__ = forward

    def forward_no_reduction(self, input: "Tensor[B]", target: "Tensor[B]") -> "Tensor[B]":
        """The element-wise losses, shaped like the inputs (float targets of 1 or -1)."""
        check_tensor(_NAME, "input", input, "Float")
        check_tensor(_NAME, "target", target, "Float")
        check_same_shape(_NAME, "input", input, "target", target)
        dissimilar = input.neg().add_scalar(self.margin).clamp_min(0.0)
        return dissimilar.mask_where(target.equal_elem(1.0), input)

    def display_fields(self) -> dict[str, Any]:
        return {"margin": self.margin}
