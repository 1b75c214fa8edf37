"""Poisson negative log-likelihood (Burn's ``nn::loss::PoissonNllLoss``), for count targets
``t ~ Poisson(rate)``. Element-wise, dropping the constant ``log(t!)``:

    log_input=True  (default): exp(x) - t * x            x is the log of the rate
    log_input=False:            x - t * log(x + eps)     x is the rate itself

``full=True`` adds Stirling's approximation of ``log(t!)``,
``t * log(t) - t + 0.5 * log(2 * pi * t)``, for ``t > 1`` (0 otherwise). Matches
``torch.nn.functional.poisson_nll_loss(x, t, log_input, full, eps=eps)``.

Counts are never negative, so negative targets are refused, and so are negative rates when
``log_input=False``; each check reads one boolean back from the device, as Burn's does.
"""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Tensor

from .._types import B
from ._checks import check_predictions_targets
from .reduction import Reduction, reduce

_NAME = "PoissonNllLoss"


class PoissonNllLossConfig(Config):
    """``PoissonNllLossConfig(log_input=True, full=False, eps=1e-8).init()``."""

    log_input: bool = True
    full: bool = False
    eps: float = 1e-8

    def init(self) -> "PoissonNllLoss":
        eps = self.eps
        if not (math.isfinite(eps) and eps > 0.0):  # also refuses NaN
            raise ValueError(f"PoissonNllLossConfig.init: eps must be a positive finite number, "
                             f"got {eps!r}")
        return PoissonNllLoss(bool(self.log_input), bool(self.full), float(eps))


def _refuse_negative(owner: str, name: str, values: "Tensor[Any]", why: str) -> None:
    if not bool(values.greater_equal_elem(0.0).all().into_scalar()):
        raise ValueError(f"{owner}: all {name} must be non-negative{why}, got a minimum of "
                         f"{float(values.min().into_scalar())}")


class PoissonNllLoss(Module):
    """Built by `PoissonNllLossConfig.init`."""

    log_input: bool
    full: bool
    eps: float

    def forward(self, predictions: "Tensor[B]", targets: "Tensor[B]",
                reduction: Reduction = Reduction.Auto) -> "Tensor[B]":
        """The loss reduced to shape ``[1]`` (``Auto`` = ``Mean``)."""
        return reduce(self.forward_no_reduction(predictions, targets), reduction,
                      f"{_NAME}.forward")

    __call__ = forward

    def forward_no_reduction(self, predictions: "Tensor[B]",
                             targets: "Tensor[B]") -> "Tensor[B]":
        """The element-wise losses, shaped like the inputs."""
        owner = f"{_NAME}.forward_no_reduction"
        check_predictions_targets(owner, predictions, targets)
        _refuse_negative(owner, "targets", targets, " (they are counts)")
        if self.log_input:
            loss = predictions.exp().sub(targets.mul(predictions))
        else:
            _refuse_negative(owner, "predictions", predictions,
                             " when log_input is false (they are rates)")
            loss = predictions.sub(targets.mul(predictions.add_scalar(self.eps).log()))
        if self.full:
            loss = loss.add(_stirling(targets))
        return loss

    def display_fields(self) -> dict[str, Any]:
        return {"log_input": self.log_input, "full": self.full, "eps": self.eps}


def _stirling(targets: "Tensor[B]") -> "Tensor[B]":
    """Stirling's ``log(t!) ~ t log t - t + log(2 pi t) / 2`` where ``t > 1``, else 0. It is
    evaluated on targets clamped to at least 1, so that ``0 * log(0)`` never makes a NaN, even
    in the backward pass of targets that require a gradient."""
    small = targets.lower_equal_elem(1.0)
    t = targets.clamp_min(1.0)
    term = t.mul(t.log()).sub(t).add(t.mul_scalar(2.0 * math.pi).log().mul_scalar(0.5))
    return term.mask_fill(small, 0.0)
