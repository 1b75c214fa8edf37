"""Mean squared error (Burn's ``nn::loss::MseLoss``): ``(predictions - targets)^2``, reduced.

Matches ``torch.nn.functional.mse_loss`` (``reduction="mean"``/``"sum"``). Unlike torch, shapes
must be equal: a silent broadcast of ``[N]`` against ``[N, 1]`` is a classic bug.
"""

from __future__ import annotations

from typing import Any

from pyburn.module import Module
from pyburn.tensor import Tensor

from .._types import B
from ._checks import check_same_shape, check_tensor
from .reduction import Reduction, reduce


class MseLoss(Module):
    """``MseLoss().forward(predictions, targets, Reduction.Mean)`` -> a ``[1]`` tensor."""

    @classmethod
    def new(cls) -> "MseLoss":
        return cls()

    def forward(self, logits: "Tensor[B]", targets: "Tensor[B]",
                reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced to shape ``[1]`` (``Auto`` = ``Mean``)."""
        return reduce(self.forward_no_reduction(logits, targets), reduction, "MseLoss")

    __call__ = forward

    def forward_no_reduction(self, logits: "Tensor[B]", targets: "Tensor[B]") -> "Tensor[B]":
        """The element-wise squared errors, shaped like the inputs."""
        check_tensor("MseLoss", "predictions", logits, "Float")
        check_tensor("MseLoss", "targets", targets, "Float")
        check_same_shape("MseLoss", "predictions", logits, "targets", targets)
        return logits.sub(targets).square()

    def __repr__(self) -> str:
        return "MseLoss"
