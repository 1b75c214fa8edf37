"""Kullback-Leibler divergence loss (Burn's ``nn::loss::KLDivLoss``): how much information is
lost when the predicted distribution is used in place of the target one. The predictions are
log-probabilities; the targets are probabilities, or log-probabilities with ``log_target=True``.
Element-wise:

    log_target=False (default): t * (log(clamp(t, tiny, 1)) - x)
    log_target=True:             exp(t) * (t - x)

where ``tiny`` is the smallest positive normal number of the targets' dtype, so a zero target
contributes exactly 0 (and no NaN). ``Reduction.Auto`` is ``Reduction.BatchMean`` here (the sum
divided by the size of dimension 0, the mathematical definition); ``Mean`` averages over every
element. Matches ``torch.nn.functional.kl_div(x, t, reduction=..., log_target=...)`` for targets
in ``[0, 1]`` (torch's ``"batchmean"`` is ``Reduction.BatchMean``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Tensor

from .._types import B
from ._checks import check_predictions_targets
from .reduction import Reduction

__all__ = ["KLDivLossConfig", "KLDivLoss"]

_NAME = "KLDivLoss"


class KLDivLossConfig(Config):
    """``KLDivLossConfig(log_target=False).init()``."""

    log_target: bool = False

    def init(self) -> "KLDivLoss":
        return KLDivLoss(bool(self.log_target))


class KLDivLoss(Module):
    """Built by `KLDivLossConfig.init`."""

    log_target: bool = False

    def forward(self, predictions: "Tensor[B]", targets: "Tensor[B]",
                reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced to shape ``[1]``: ``BatchMean`` (and ``Auto``) divide the sum by
        ``predictions.dims()[0]``, ``Mean`` averages every element, ``Sum`` adds them."""
        owner = f"{_NAME}.forward"
        if not isinstance(reduction, Reduction):
            raise TypeError(f"{owner}: reduction must be a Reduction (Reduction.BatchMean, "
                            f"Reduction.Mean, Reduction.Sum or Reduction.Auto), got "
                            f"{reduction!r}")
        loss = self.forward_no_reduction(predictions, targets)
        if reduction is Reduction.Sum:
            return loss.sum()
        if reduction is Reduction.Mean:
            return loss.mean()
        return loss.sum().div_scalar(float(loss.dims()[0]))

    __call__ = forward

    def forward_no_reduction(self, predictions: "Tensor[B]",
                             targets: "Tensor[B]") -> "Tensor[B]":
        """The element-wise losses, shaped like the inputs."""
        owner = f"{_NAME}.forward_no_reduction"
        check_predictions_targets(owner, predictions, targets)
        if self.log_target:
            return targets.exp().mul(targets.sub(predictions))
        tiny = float(np.finfo(targets.dtype.numpy()).tiny)
        log_target = targets.clamp(tiny, 1.0).log()
        return targets.mul(log_target.sub(predictions))

    def display_fields(self) -> dict[str, Any]:
        return {"log_target": self.log_target}
