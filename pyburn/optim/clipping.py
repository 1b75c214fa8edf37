"""Gradient clipping (Burn's ``burn::grad_clipping``), applied to each parameter's gradient.

Clipping guards against exploding gradients. As in Burn it is done per parameter, right before
the optimizer's update: ``Value(t)`` clamps every component to ``[-t, t]``; ``Norm(m)`` rescales
a gradient whose L2 norm exceeds ``m`` down to norm ``m``. Note that PyTorch's
``clip_grad_norm_`` instead rescales *all* gradients together by their global norm.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from pyburn.config import EnumConfig


class GradientClippingConfig(EnumConfig):
    """``GradientClippingConfig.Value(0.5)`` or ``GradientClippingConfig.Norm(1.0)``."""

    class Value(EnumConfig.TupleVariant):
        """Clamp every gradient component to ``[-threshold, threshold]``."""

        threshold: float

    class Norm(EnumConfig.TupleVariant):
        """Rescale a parameter's gradient so its L2 norm is at most `max_norm`."""

        max_norm: float

    def init(self) -> "GradientClipping":
        if isinstance(self, GradientClippingConfig.Value):
            return ClipByValue(float(self.threshold))
        if isinstance(self, GradientClippingConfig.Norm):
            return ClipByNorm(float(self.max_norm))
        raise TypeError(f"GradientClippingConfig: unknown variant {self!r}")  # pragma: no cover


class GradientClipping:
    """A clipping rule: ``clip_gradient(grad) -> grad``. Build one with
    ``GradientClipping.Value(threshold)`` / ``GradientClipping.Norm(max_norm)`` or from its
    config."""

    Value: ClassVar[type["ClipByValue"]]
    Norm: ClassVar[type["ClipByNorm"]]

    def clip_gradient(self, grad: Any) -> Any:
        raise NotImplementedError


@dataclass(frozen=True)
class ClipByValue(GradientClipping):
    threshold: float

    def clip_gradient(self, grad: Any) -> Any:
        # Burn's two mask_fills (not clamp): a NaN component stays NaN, visible to the user.
        t = self.threshold
        above = grad.greater_elem(t)
        below = grad.lower_elem(-t)
        return grad.mask_fill(above, t).mask_fill(below, -t)


@dataclass(frozen=True)
class ClipByNorm(GradientClipping):
    max_norm: float

    def clip_gradient(self, grad: Any) -> Any:
        # coef = max_norm / (||g|| + tiny), capped at 1. Burn adds the dtype's smallest positive
        # normal number (not torch's 1e-6), so a zero gradient stays zero instead of NaN.
        tiny = float(np.finfo(grad.dtype.numpy()).tiny)
        norm = grad.square().sum().sqrt()
        coef = norm.full_like(self.max_norm).div(norm.add_scalar(tiny)).clamp_max(1.0)
        return grad.mul(coef.reshape([1] * grad.rank))


GradientClipping.Value = ClipByValue
GradientClipping.Norm = ClipByNorm
