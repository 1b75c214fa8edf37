"""Mean squared error (Burn's ``nn::loss::MseLoss``): ``(predictions - targets)^2``, reduced.

Matches ``torch.nn.functional.mse_loss`` (``reduction="mean"``/``"sum"``). Unlike torch, shapes
must be equal: a silent broadcast of ``[N]`` against ``[N, 1]`` is a classic bug.
"""

from __future__ import annotations

from typing import Any

from pyburn.module import Module
from pyburn.tensor import Tensor

from ._checks import check_same_shape, check_tensor
from .reduction import Reduction, reduce


class MseLoss(Module):
    """``MseLoss().forward(predictions, targets, Reduction.Mean)`` -> a ``[1]`` tensor."""

    @classmethod
    def new(cls) -> "MseLoss":
        return cls()

    def forward(self, logits: "Tensor[Any]", targets: "Tensor[Any]",
                reduction: Reduction = Reduction.Auto) -> "Tensor[Any]":
        """The loss reduced to shape ``[1]`` (``Auto`` = ``Mean``)."""
        return reduce(self.forward_no_reduction(logits, targets), reduction, "MseLoss")

    def forward_no_reduction(self, logits: "Tensor[Any]", targets: "Tensor[Any]") -> "Tensor[Any]":
        """The element-wise squared errors, shaped like the inputs."""
        check_tensor("MseLoss", "predictions", logits, "Float")
        check_tensor("MseLoss", "targets", targets, "Float")
        check_same_shape("MseLoss", "predictions", logits, "targets", targets)
        return logits.sub(targets).square()

    def __repr__(self) -> str:
        return "MseLoss"
