"""Soft margin loss (Burn's ``nn::loss::SoftMarginLoss``): the two-class logistic loss for
targets ``-1``/``1``, ``log(1 + exp(-target * logit))`` per element, computed as a softplus
that never overflows. Matches ``torch.nn.functional.soft_margin_loss``. Burn has no config for
it: ``SoftMarginLoss()`` (or ``SoftMarginLoss.new()``)."""

from __future__ import annotations

from pyburn.module import Module
from pyburn.tensor import Tensor, activation

from .._types import B
from ._checks import check_same_shape, check_tensor
from .reduction import Reduction, reduce

_NAME = "SoftMarginLoss"


class SoftMarginLoss(Module):
    """``SoftMarginLoss().forward(logits, targets, Reduction.Mean)`` -> a ``[1]`` tensor."""

    @classmethod
    def new(cls) -> "SoftMarginLoss":
        return cls()

    def forward(self, logits: "Tensor[B]", targets: "Tensor[B]",
                reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced to shape ``[1]`` (``Auto`` = ``Mean``)."""
        return reduce(self.forward_no_reduction(logits, targets), reduction, _NAME)

    __call__ = forward

    def forward_no_reduction(self, logits: "Tensor[B]", targets: "Tensor[B]") -> "Tensor[B]":
        """The element-wise losses, shaped like the inputs (float targets of -1 or 1)."""
        check_tensor(_NAME, "logits", logits, "Float")
        check_tensor(_NAME, "targets", targets, "Float")
        check_same_shape(_NAME, "logits", logits, "targets", targets)
        return activation.softplus(targets.mul(logits).neg())

    def __repr__(self) -> str:
        return _NAME
