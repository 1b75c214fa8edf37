"""Cosine embedding loss (Burn's ``nn::loss::CosineEmbeddingLoss``): pulls pairs marked similar
(target ``1``) together and pushes pairs marked dissimilar (target ``-1``) apart, measured by
the cosine similarity ``cos`` of each row pair::

    L = 1 - cos                  if target == 1
    L = max(0, cos - margin)     if target == -1
    L = 0                        for any other target value (as Burn and torch)

Matches ``torch.nn.functional.cosine_embedding_loss``. The cosine is Burn's
``linalg::cosine_similarity`` (each norm clamped at the dtype's smallest positive normal).
As in Burn, the reduction is part of the config: ``forward(x1, x2, target)`` takes none.
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Int, ShapeError, Tensor, linalg

from .._types import B
from ._checks import check_tensor
from .reduction import Reduction, reduce

_NAME = "CosineEmbeddingLoss"


class CosineEmbeddingLossConfig(Config):
    """``CosineEmbeddingLossConfig(margin=0.0, reduction=Reduction.Mean)``."""

    margin: float = 0.0
    reduction: Reduction = Reduction.Mean

    def init(self) -> "CosineEmbeddingLoss":
        if not isinstance(self.reduction, Reduction):
            raise TypeError(f"CosineEmbeddingLossConfig: reduction must be a Reduction, got "
                            f"{self.reduction!r}")
        if self.margin != self.margin:
            raise ValueError("CosineEmbeddingLossConfig: margin must be a number, got NaN")
        return CosineEmbeddingLoss(float(self.margin), self.reduction)


class CosineEmbeddingLoss(Module):
    """Built by `CosineEmbeddingLossConfig.init` (``CosineEmbeddingLoss.new()``: the
    defaults)."""

    margin: float = 0.0
    reduction: Reduction = Reduction.Mean

    @classmethod
    def new(cls) -> "CosineEmbeddingLoss":
        return CosineEmbeddingLossConfig().init()

    def forward(self, input1: "Tensor[B]", input2: "Tensor[B]",
                target: "Tensor[B, Int]") -> "Tensor[B]":
        """The loss reduced with the config's reduction, shape ``[1]``."""
        return reduce(self.forward_no_reduction(input1, input2, target), self.reduction, _NAME)

    __call__ = forward

    def forward_no_reduction(self, input1: "Tensor[B]", input2: "Tensor[B]",
                             target: "Tensor[B, Int]") -> "Tensor[B]":
        """``[batch, dim]`` twice and an Int ``[batch]`` target of 1/-1 -> ``[batch]``."""
        check_tensor(_NAME, "input1", input1, "Float", 2)
        check_tensor(_NAME, "input2", input2, "Float", 2)
        check_tensor(_NAME, "target", target, "Int", 1)
        (b1, d1), (b2, d2), (bt,) = input1.dims(), input2.dims(), target.dims()
        if (b1, d1) != (b2, d2):
            raise ShapeError(f"{_NAME}: input1 shape {[b1, d1]} and input2 shape {[b2, d2]} "
                             f"must be equal ([batch_size, embedding_dim])")
        if bt != b1:
            raise ShapeError(f"{_NAME}: target shape {[bt]} must be [batch_size] = [{b1}] "
                             f"(the inputs have shape {[b1, d1]})")
        cos = linalg.cosine_similarity(input1, input2, 1).squeeze_dim(1)
        similar = cos.neg().add_scalar(1.0)
        # clamp_min, not relu: at the kink the gradient is torch's (1), as in its backward.
        dissimilar = cos.sub_scalar(self.margin).clamp_min(0.0)
        zeros = cos.zeros_like()
        return zeros.mask_where(target.equal_elem(1), similar) \
                    .mask_where(target.equal_elem(-1), dissimilar)

    def display_fields(self) -> dict[str, Any]:
        return {"margin": self.margin, "reduction": self.reduction.name}
