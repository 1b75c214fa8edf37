"""Binary cross-entropy (Burn's ``nn::loss::BinaryCrossEntropyLoss``), for binary
(``[batch]``) and multi-label (``[batch, classes]``) targets, given as Int 0/1.

* ``logits=False`` (the default, as Burn): inputs are probabilities;
  ``-(t*log(p) + (1-t)*log(1-p))`` with each log clamped at -100, as
  ``torch.nn.functional.binary_cross_entropy`` does. Where a probability is exactly 0 or 1
  the gradient is 0 (the clamped function's), where Burn's backward gives NaN.
* ``logits=True``: inputs are logits; ``(1-t)*x - log_sigmoid(x)``, with a log-sigmoid that
  never overflows (``torch.nn.functional.binary_cross_entropy_with_logits``).
* ``weights``: multi-label: one weight per class (the last dim); binary: two weights, for
  targets 0 and 1. Each element loss is multiplied by its weight, then the mean is taken over
  all elements (torch's ``weight=`` argument, not a weighted mean).
* ``smoothing`` (alpha): targets become ``t*(1-alpha) + alpha/classes``, classes being 2 for
  binary targets.
"""

from __future__ import annotations

from typing import Any, Optional

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Bool, Device, Int, ShapeError, Tensor, activation

from .._types import B
from ._checks import check_same_shape, check_tensor
from ._weights import weights_like, weights_tensor

_NAME = "BinaryCrossEntropyLoss"


def _clamped_log(x: "Tensor[Any]", singular: "Tensor[Any, Bool]", plus_one: bool) -> "Tensor[Any]":
    """``max(log(x), -100)`` (``max(log1p(x), -100)`` when `plus_one`), with a zero gradient
    where the log is infinite (`singular`).

    Burn and torch clamp the logs at -100 so that probabilities of exactly 0 or 1 (a saturated
    float32 sigmoid) give a finite loss, but clamping ``-inf`` still leaves ``0 * inf = NaN`` in
    the backward pass of the log. Evaluating the log at a harmless point there and writing -100
    in afterwards gives the same values and a finite gradient."""
    safe = x.mask_fill(singular, 0.0 if plus_one else 1.0)
    out = (safe.log1p() if plus_one else safe.log()).clamp_min(-100.0)
    return out.mask_fill(singular, -100.0)


class BinaryCrossEntropyLossConfig(Config):
    """``BinaryCrossEntropyLossConfig(weights=None, smoothing=None, logits=False)``."""

    weights: Optional[list[float]] = None
    smoothing: Optional[float] = None
    logits: bool = False

    def init(self, device: Device | None = None) -> "BinaryCrossEntropyLoss":
        """The loss; `device` (e.g. ``B.default_device()``) is where the weights live."""
        if self.smoothing is not None and not 0.0 <= self.smoothing <= 1.0:
            raise ValueError(f"BinaryCrossEntropyLossConfig: alpha of cross-entropy loss with "
                             f"smoothed labels should be in interval [0, 1], got {self.smoothing}")
        if self.weights is not None and not all(w > 0.0 for w in self.weights):
            raise ValueError(f"BinaryCrossEntropyLossConfig: weights of cross-entropy have to be "
                             f"positive, got {self.weights}")
        weight_values = None if self.weights is None else tuple(float(w) for w in self.weights)
        return BinaryCrossEntropyLoss(weights=weights_tensor(weight_values, device),
                                      smoothing=self.smoothing, logits=self.logits,
                                      weight_values=weight_values)


class BinaryCrossEntropyLoss(Module):
    """Built by `BinaryCrossEntropyLossConfig.init`."""

    weights: "Optional[Tensor[Any]]"
    smoothing: Optional[float]
    logits: bool
    weight_values: Optional[tuple[float, ...]] = None

    def forward(self, logits: "Tensor[B]", targets: "Tensor[B, Int]") -> "Tensor[B]":
        """The mean loss, shape ``[1]``. `logits` (probabilities unless ``logits=True``) and
        the Int `targets` have the same shape, ``[batch]`` or ``[batch, classes]``."""
        self._check(logits, targets)
        shape = logits.dims()
        t = targets.float()
        if type(t) is not type(logits):  # Int -> Float gives the backend's default float dtype
            t = t.cast(logits.dtype)
        if self.smoothing is not None:
            classes = shape[-1] if len(shape) > 1 else 2
            t = t.mul_scalar(1.0 - self.smoothing).add_scalar(self.smoothing / classes)

        if self.logits:
            loss = t.neg().add_scalar(1.0).mul(logits).sub(activation.log_sigmoid(logits))
        else:
            log_p = _clamped_log(logits, logits.equal_elem(0.0), plus_one=False)
            log_1mp = _clamped_log(logits.neg(), logits.equal_elem(1.0), plus_one=True)
            loss = t.sub_scalar(1.0).mul(log_1mp).sub(t.mul(log_p))

        if self.weight_values is not None:
            weights = weights_like(self.weight_values, self.weights, logits)
            if len(shape) > 1:
                loss = loss.mul(weights.reshape([1] * (len(shape) - 1) + [shape[-1]]))
            else:
                loss = loss.mul(weights.gather(0, targets))
        return loss.mean()

    __call__ = forward

    def _check(self, logits: Any, targets: Any) -> None:
        owner = f"{_NAME}.forward"
        check_tensor(owner, "logits", logits, "Float")
        check_tensor(owner, "targets", targets, "Int")
        check_same_shape(owner, "logits", logits, "targets", targets)
        if self.weight_values is None:
            return
        n = len(self.weight_values)
        if logits.rank > 1 and n != logits.shape[-1]:
            raise ShapeError(f"{owner}: the number of classes ({logits.shape[-1]}, last dim of "
                             f"shape {list(logits.shape)}) does not match the {n} weights "
                             f"provided")
        if logits.rank <= 1 and n != 2:
            raise ShapeError(f"{owner}: binary targets of shape {list(targets.shape)} need 2 "
                             f"weights (for targets 0 and 1), got {n}")

    def __repr__(self) -> str:
        weights = "None" if self.weight_values is None else \
            f"Tensor {{rank: 1, shape: [{len(self.weight_values)}]}}"
        smoothing = "None" if self.smoothing is None else str(self.smoothing)
        return (f"BinaryCrossEntropyLoss {{weights: {weights}, smoothing: {smoothing}, "
                f"logits: {str(self.logits).lower()}}}")
