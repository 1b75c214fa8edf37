"""RMSProp (Burn's ``optim::rmsprop``), with optional centering, momentum and L2 weight decay.

Per parameter, ``g`` its gradient (plus ``penalty * param`` with weight decay)::

    square_avg = alpha * square_avg + (1 - alpha) * g^2          (starts at 0)
    avg        = square_avg - grad_avg^2  if centered else square_avg,
                 grad_avg = alpha * grad_avg + (1 - alpha) * g    (starts at 0)
    d          = g / (sqrt(avg) + epsilon)
    buf        = momentum * buf + d;  d = buf                    (if momentum > 0; starts at 0)
    param     -= lr * d

This is ``torch.optim.RMSprop``'s rule in every combination of ``centered``, ``momentum`` and
``weight_decay`` (Burn starts each running value from the first gradient's term, torch from
zero: the same numbers). Only the defaults differ: Burn's ``momentum=0.9`` (torch 0) and
``epsilon=1e-5`` (torch 1e-8). Burn's state also stores ``avg``; pyburn recomputes it, since
each step derives it afresh from ``square_avg`` and ``grad_avg``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Optional

from pyburn.config import Config

from .base import LearningRate, OptimizerAdaptor
from .clipping import GradientClippingConfig
from .state import OptimizerState, TensorFn, data_of, fields_of, tensor_field
from .weight_decay import WeightDecay, WeightDecayConfig

__all__ = ["RmsPropConfig", "RmsProp", "RmsPropMomentum", "RmsPropState"]


class RmsPropConfig(Config):
    """``RmsPropConfig(alpha=0.99, momentum=0.9, epsilon=1e-5, centered=False,
    weight_decay=None, grad_clipping=None)`` (Burn's defaults)."""

    alpha: float = 0.99
    momentum: float = 0.9
    epsilon: float = 1e-5
    centered: bool = False
    weight_decay: Optional[WeightDecayConfig] = None
    grad_clipping: Optional[GradientClippingConfig] = None

    def build(self) -> "RmsProp":
        """The per-tensor rule (without the module adaptor)."""
        if not 0.0 <= self.alpha <= 1.0:
            raise ValueError(f"RmsPropConfig: alpha must be in [0, 1], got {self.alpha}")
        if not (math.isfinite(self.momentum) and self.momentum >= 0.0):
            raise ValueError(f"RmsPropConfig: momentum must be finite and >= 0, got "
                             f"{self.momentum}")
        if not (math.isfinite(self.epsilon) and self.epsilon >= 0.0):
            raise ValueError(f"RmsPropConfig: epsilon must be finite and >= 0, got "
                             f"{self.epsilon}")
        decay = None if self.weight_decay is None else WeightDecay.new(self.weight_decay)
        return RmsProp(self.alpha, self.centered, RmsPropMomentum(self.momentum, self.epsilon),
                       decay)

    def init(self) -> OptimizerAdaptor["RmsPropState"]:
        """An optimizer for modules: ``module = optim.step(lr, module, grads)``."""
        clipping = None if self.grad_clipping is None else self.grad_clipping.init()
        return OptimizerAdaptor(self.build(), clipping)


@dataclass(frozen=True)
class RmsPropState(OptimizerState):
    """The running averages of one parameter: ``grad_avg`` only when centered, the momentum
    buffer ``buf`` only when momentum > 0."""

    square_avg: Any
    grad_avg: Any = None
    buf: Any = None

    def map_tensors(self, fn: TensorFn) -> "RmsPropState":
        return RmsPropState(fn(self.square_avg),
                            None if self.grad_avg is None else fn(self.grad_avg),
                            None if self.buf is None else fn(self.buf))

    def to_record(self) -> dict[str, Any]:
        return {"square_avg": data_of(self.square_avg),
                "grad_avg": None if self.grad_avg is None else data_of(self.grad_avg),
                "buf": None if self.buf is None else data_of(self.buf)}

    @classmethod
    def from_record(cls, record: Any, where: str) -> "RmsPropState":
        rec = fields_of(record, where, "square_avg")
        return cls(tensor_field(rec, "square_avg", where),
                   tensor_field(rec, "grad_avg", where, optional=True),
                   tensor_field(rec, "buf", where, optional=True))


class RmsPropMomentum:
    """Divides the gradient by ``sqrt(avg) + epsilon`` and, with ``momentum > 0``, accumulates
    the result in a buffer (Burn's ``RmsPropMomentum``)."""

    __slots__ = ("momentum", "epsilon")

    def __init__(self, momentum: float, epsilon: float) -> None:
        self.momentum, self.epsilon = float(momentum), float(epsilon)

    def transform(self, grad: Any, avg: Any, buf: Any) -> tuple[Any, Any]:
        """``(direction, new buf)``; the buffer is None without momentum."""
        grad = grad.div(avg.sqrt().add_scalar(self.epsilon))
        if self.momentum > 0.0:
            buf = grad if buf is None else buf.mul_scalar(self.momentum).add(grad)
            return buf, buf
        return grad, None


class RmsProp:
    """RMSProp's per-tensor rule (see `RmsPropConfig`)."""

    state_type = RmsPropState

    def __init__(self, alpha: float, centered: bool, momentum: RmsPropMomentum,
                 weight_decay: WeightDecay | None = None) -> None:
        self.alpha = float(alpha)
        self.centered = bool(centered)
        self.momentum = momentum
        self.weight_decay = weight_decay

    def step(self, lr: LearningRate, tensor: Any, grad: Any,
             state: RmsPropState | None) -> tuple[Any, RmsPropState]:
        if self.weight_decay is not None:
            grad = self.weight_decay.transform(grad, tensor)
        alpha = self.alpha
        square = grad.square().mul_scalar(1.0 - alpha)
        square_avg = square if state is None else state.square_avg.mul_scalar(alpha).add(square)
        grad_avg = None
        avg = square_avg
        if self.centered:
            term = grad.mul_scalar(1.0 - alpha)
            previous = None if state is None else state.grad_avg
            grad_avg = term if previous is None else previous.mul_scalar(alpha).add(term)
            avg = square_avg.sub(grad_avg.square())
        direction, buf = self.momentum.transform(grad, avg, None if state is None else state.buf)
        return tensor.sub(direction.mul_scalar(lr)), RmsPropState(square_avg, grad_avg, buf)

    def __repr__(self) -> str:
        return (f"RmsProp(alpha={self.alpha}, momentum={self.momentum.momentum}, "
                f"epsilon={self.momentum.epsilon}, centered={self.centered}, "
                f"weight_decay={self.weight_decay!r})")
