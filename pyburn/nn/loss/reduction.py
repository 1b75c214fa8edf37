"""`Reduction` (Burn's ``nn::loss::Reduction``): how an element-wise loss becomes one number."""

from __future__ import annotations

import enum
from typing import Any

from pyburn.tensor import Tensor

from .._types import B


class Reduction(enum.Enum):
    """``Mean`` averages the element losses, ``Sum`` adds them; ``Auto`` is each loss's own
    default, which is ``Mean`` for every loss here (as in Burn)."""

    Mean = "mean"
    Sum = "sum"
    Auto = "auto"


def reduce(loss: "Tensor[B]", reduction: Reduction, owner: str) -> "Tensor[B]":
    """`loss` reduced to shape ``[1]``."""
    if not isinstance(reduction, Reduction):
        raise TypeError(f"{owner}: reduction must be a Reduction (Reduction.Mean, "
                        f"Reduction.Sum or Reduction.Auto), got {reduction!r}")
    if reduction is Reduction.Sum:
        return loss.sum()
    return loss.mean()
