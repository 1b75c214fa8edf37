"""Multi-class margin (hinge) loss (Burn's ``nn::loss::MultiMarginLoss``): for scores ``x`` of
``C`` classes and the target class ``y``, each other class that scores within `margin` of the
target's adds to the loss::

    L = (1 / C) * sum over i != y of w[y] * max(0, margin - x[y] + x[i]) ^ p

with ``p`` 1 or 2 and ``w`` the optional per-class `weight` (all ones by default).
Matches ``torch.nn.functional.multi_margin_loss`` (``weight=`` included; Burn has no weight).
"""

from __future__ import annotations

from typing import Any, Optional

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Int, ShapeError, Tensor

from .._types import B
from ._checks import check_tensor
from ._weights import weights_like, weights_tensor
from .reduction import Reduction, reduce

_NAME = "MultiMarginLoss"


class MultiMarginLossConfig(Config):
    """``MultiMarginLossConfig(margin=1.0, p=1, weight=None)``; `weight` holds one value per
    class (a pyburn addition, as torch's ``weight=``)."""

    margin: float = 1.0
    p: int = 1
    weight: Optional[list[float]] = None

    def init(self, device: Device | None = None) -> "MultiMarginLoss":
        """The loss; `device` (e.g. ``B.default_device()``) is where the weights live (they
        follow the input's backend and device when these differ)."""
        if not self.margin >= 0.0:  # also refuses NaN
            raise ValueError(f"MultiMarginLossConfig: margin must be non-negative, got "
                             f"{self.margin}")
        if self.p not in (1, 2) or isinstance(self.p, bool):
            raise ValueError(f"MultiMarginLossConfig: only p = 1 or p = 2 is supported, got "
                             f"{self.p!r}")
        values = None if self.weight is None else tuple(float(w) for w in self.weight)
        if values is not None and not all(v == v and abs(v) != float("inf") for v in values):
            raise ValueError(f"MultiMarginLossConfig: weight must hold finite numbers, got "
                             f"{list(values)}")
        return MultiMarginLoss(float(self.margin), int(self.p), weights_tensor(values, device),
                               values)


class MultiMarginLoss(Module):
    """Built by `MultiMarginLossConfig.init`."""

    margin: float = 1.0
    p: int = 1
    weight: "Optional[Tensor[Any]]" = None
    weight_values: Optional[tuple[float, ...]] = None

    def forward(self, input: "Tensor[B]", target: "Tensor[B, Int]",
                reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced to shape ``[1]`` (``Auto`` = ``Mean``)."""
        return reduce(self.forward_no_reduction(input, target), reduction, _NAME)

    __call__ = forward

    def forward_no_reduction(self, input: "Tensor[B]", target: "Tensor[B, Int]") -> "Tensor[B]":
        """Scores ``[batch, classes]`` and Int class indices ``[batch]`` -> ``[batch]``."""
        check_tensor(_NAME, "input", input, "Float", 2)
        check_tensor(_NAME, "target", target, "Int", 1)
        batch, classes = input.dims()
        if target.dims() != [batch]:
            raise ShapeError(f"{_NAME}: target shape {target.dims()} must be [batch_size] = "
                             f"[{batch}] (input shape {[batch, classes]})")
        index = target.reshape([batch, 1])
        correct = input.gather(1, index)                                    # [batch, 1]
        # relu: torch's kernel gives a term a gradient only where it is > 0, kinks included.
        terms = input.sub(correct).add_scalar(self.margin).relu()
        if self.p == 2:
            terms = terms.square()
        # The target's own term is excluded by masking (exact, gradients included).
        is_target = target.one_hot(classes).equal_elem(1)                  # [batch, classes]
        per_sample = terms.mask_fill(is_target, 0.0).sum_dim(1).squeeze_dim(1)
        per_sample = per_sample.mul_scalar(1.0 / classes)
        if self.weight_values is None:
            return per_sample
        if len(self.weight_values) != classes:
            raise ShapeError(f"{_NAME}: weight has {len(self.weight_values)} values, the input "
                             f"{classes} classes (shape {[batch, classes]})")
        weight = weights_like(self.weight_values, self.weight, input)
        return per_sample.mul(weight.select(0, target))

    def display_fields(self) -> dict[str, Any]:
        return {"margin": self.margin, "p": self.p}
