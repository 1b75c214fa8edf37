"""`Reduction` (Burn's ``nn::loss::Reduction``): how an element-wise loss becomes one number."""

from __future__ import annotations

import enum
from typing import Any

from pyburn.tensor import Tensor

from .._types import B


class Reduction(enum.Enum):
    """``Mean`` averages the element losses, ``Sum`` adds them, ``BatchMean`` divides their sum
    by the batch size (dimension 0); ``Auto`` is each loss's own default: ``BatchMean`` for
    `KLDivLoss`, ``Mean`` for every other loss (as in Burn). Only `KLDivLoss` accepts
    ``BatchMean``; the other losses refuse it, as Burn's panic."""

    Mean = "mean"
    Sum = "sum"
    BatchMean = "batch_mean"
    Auto = "auto"


def reduce(loss: "Tensor[B]", reduction: Reduction, owner: str) -> "Tensor[B]":
    """`loss` reduced to shape ``[1]``."""
    if not isinstance(reduction, Reduction):
        raise TypeError(f"{owner}: reduction must be a Reduction (Reduction.Mean, "
                        f"Reduction.Sum or Reduction.Auto), got {reduction!r}")
    if reduction is Reduction.BatchMean:
        raise ValueError(f"{owner}: Reduction.BatchMean is not supported by this loss (use "
                         f"Reduction.Mean, Reduction.Sum or Reduction.Auto)")
    if reduction is Reduction.Sum:
        return loss.sum()
    return loss.mean()
