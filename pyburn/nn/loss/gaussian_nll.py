"""Gaussian negative log-likelihood (Burn's ``nn::loss::GaussianNLLLoss``): the model predicts
a mean `input` and a variance `var` for each target. Element-wise, with `var` clamped to at
least `eps`:

    L = 0.5 * (log(var) + (input - target)^2 / var)      (+ 0.5 * log(2 pi) if full)

Matches ``torch.nn.functional.gaussian_nll_loss(input, target, var, full, eps)`` in value.
Where `var` is below `eps`, Burn's clamp passes no gradient to `var` (the loss is flat
there); torch clamps without tracking, so its gradient flows as if `var` had not been clamped.

`var` has the shape of `input`, or that shape with a last dim of 1 (one variance shared by a
row, which torch also accepts). Negative variances are refused, as torch does.
"""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import ShapeError, Tensor

from .._types import B
from ._checks import check_same_shape, check_tensor
from .reduction import Reduction, reduce

_NAME = "GaussianNLLLoss"
HALF_LN_TWO_PI = 0.5 * math.log(2.0 * math.pi)


class GaussianNLLLossConfig(Config):
    """``GaussianNLLLossConfig(eps=1e-6, full=False).init()``."""

    eps: float = 1e-6
    full: bool = False

    def init(self) -> "GaussianNLLLoss":
        eps = self.eps
        if not (math.isfinite(eps) and eps > 0.0):  # also refuses NaN
            raise ValueError(f"GaussianNLLLossConfig.init: eps (the smallest variance) must be "
                             f"a positive finite number, got {eps!r}")
        return GaussianNLLLoss(float(eps), bool(self.full))


class GaussianNLLLoss(Module):
    """Built by `GaussianNLLLossConfig.init`."""

    eps: float
    full: bool

    def forward(self, input: "Tensor[B]", target: "Tensor[B]", var: "Tensor[B]",
                reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced to shape ``[1]`` (``Auto`` = ``Mean``)."""
        return reduce(self.forward_no_reduction(input, target, var), reduction,
                      f"{_NAME}.forward")

    __call__ = forward

    def forward_no_reduction(self, input: "Tensor[B]", target: "Tensor[B]",
                             var: "Tensor[B]") -> "Tensor[B]":
        """The element-wise losses, shaped like `input`."""
        owner = f"{_NAME}.forward_no_reduction"
        check_tensor(owner, "input", input, "Float")
        check_tensor(owner, "target", target, "Float")
        check_tensor(owner, "var", var, "Float")
        check_same_shape(owner, "input", input, "target", target)
        shape, var_shape = list(input.shape), list(var.shape)
        if var_shape != shape and var_shape != shape[:-1] + [1]:
            raise ShapeError(f"{owner}: var shape {var_shape} must equal the input shape "
                             f"{shape} or be {shape[:-1] + [1]} (one variance per row)")
        if not bool(var.greater_equal_elem(0.0).all().into_scalar()):
            raise ValueError(f"{owner}: var must be non-negative (values below eps={self.eps} "
                             f"are clamped to eps), got a minimum of "
                             f"{float(var.min().into_scalar())}")
        var = var.clamp_min(self.eps)
        loss = var.log().add(input.sub(target).square().div(var)).mul_scalar(0.5)
        return loss.add_scalar(HALF_LN_TWO_PI) if self.full else loss

    def display_fields(self) -> dict[str, Any]:
        return {"eps": self.eps, "full": self.full}
