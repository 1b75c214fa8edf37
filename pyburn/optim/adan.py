"""Adan (Burn's ``optim::adan``): adaptive Nesterov momentum, Xie et al. 2022
(arXiv:2208.06677), as in the authors' reference implementation.

Per parameter, ``g`` its gradient, ``d = g - g_prev`` (0 at the first step), at step ``t``::

    m = b1 m + (1 - b1) g                    (first moment)
    n = b2 n + (1 - b2) d                    (gradient-difference moment, starts at 0)
    v = b3 v + (1 - b3) (g + b2 d)^2         (second moment)
    u = (m / (1 - b1^t) + b2 n / (1 - b2^t)) / (sqrt(v) / sqrt(1 - b3^t) + eps)
    param = (param - lr u) / (1 + lr wd)     (proximal decay; the default)
    param = param (1 - lr wd) - lr u         (no_prox: decoupled decay, as AdamW)

Each beta multiplies the *old* value (``b1 = 0.98`` keeps 98% of ``m``), the convention of
Burn and of the reference code; the paper writes the same rule with ``1 - beta``. torch has no
Adan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Optional

from pyburn.config import Config

from .adam import _sqrt
from .base import LearningRate, OptimizerAdaptor
from .clipping import GradientClippingConfig
from .state import OptimizerState, TensorFn, data_of, fields_of, int_field, tensor_field

__all__ = ["AdanConfig", "Adan", "AdanState", "AdaptiveNesterovMomentum",
           "AdaptiveNesterovMomentumState"]


class AdanConfig(Config):
    """``AdanConfig(beta_1=0.98, beta_2=0.92, beta_3=0.99, epsilon=1e-8, weight_decay=0.0,
    no_prox=False, grad_clipping=None)`` (Burn's defaults)."""

    beta_1: float = 0.98
    beta_2: float = 0.92
    beta_3: float = 0.99
    epsilon: float = 1e-8
    weight_decay: float = 0.0
    no_prox: bool = False
    grad_clipping: Optional[GradientClippingConfig] = None

    def build(self) -> "Adan":
        """The per-tensor rule (without the module adaptor)."""
        for name in ("beta_1", "beta_2", "beta_3"):
            beta = getattr(self, name)
            if not 0.0 <= beta < 1.0:
                raise ValueError(f"AdanConfig: {name} must be in [0, 1), got {beta}")
        if not (math.isfinite(self.epsilon) and self.epsilon >= 0.0):
            raise ValueError(f"AdanConfig: epsilon must be finite and >= 0, got {self.epsilon}")
        if not (math.isfinite(self.weight_decay) and self.weight_decay >= 0.0):
            raise ValueError(f"AdanConfig: weight_decay must be finite and >= 0, got "
                             f"{self.weight_decay}")
        momentum = AdaptiveNesterovMomentum(self.beta_1, self.beta_2, self.beta_3, self.epsilon)
        return Adan(momentum, self.weight_decay, self.no_prox)

    def init(self) -> OptimizerAdaptor["AdanState"]:
        """An optimizer for modules: ``module = optim.step(lr, module, grads)``."""
        clipping = None if self.grad_clipping is None else self.grad_clipping.init()
        return OptimizerAdaptor(self.build(), clipping)


@dataclass(frozen=True)
class AdaptiveNesterovMomentumState(OptimizerState):
    """Adan's moments of one parameter, the negated previous gradient, and the step count."""

    time: int
    exp_avg: Any
    exp_avg_sq: Any
    exp_avg_diff: Any
    neg_pre_grad: Any

    def map_tensors(self, fn: TensorFn) -> "AdaptiveNesterovMomentumState":
        return AdaptiveNesterovMomentumState(self.time, fn(self.exp_avg), fn(self.exp_avg_sq),
                                             fn(self.exp_avg_diff), fn(self.neg_pre_grad))

    def to_record(self) -> dict[str, Any]:
        return {"time": self.time, "exp_avg": data_of(self.exp_avg),
                "exp_avg_sq": data_of(self.exp_avg_sq),
                "exp_avg_diff": data_of(self.exp_avg_diff),
                "neg_pre_grad": data_of(self.neg_pre_grad)}

    @classmethod
    def from_record(cls, record: Any, where: str) -> "AdaptiveNesterovMomentumState":
        names = ("exp_avg", "exp_avg_sq", "exp_avg_diff", "neg_pre_grad")
        rec = fields_of(record, where, "time", *names)
        return cls(int_field(rec, "time", where), *(tensor_field(rec, n, where) for n in names))


@dataclass(frozen=True)
class AdanState(OptimizerState):
    momentum: AdaptiveNesterovMomentumState

    def map_tensors(self, fn: TensorFn) -> "AdanState":
        return AdanState(self.momentum.map_tensors(fn))

    def to_record(self) -> dict[str, Any]:
        return {"momentum": self.momentum.to_record()}

    @classmethod
    def from_record(cls, record: Any, where: str) -> "AdanState":
        rec = fields_of(record, where, "momentum")
        return cls(AdaptiveNesterovMomentumState.from_record(rec["momentum"],
                                                             f"{where}.momentum"))


class AdaptiveNesterovMomentum:
    """Turns a gradient into Adan's update direction ``u``, updating the moments."""

    __slots__ = ("beta_1", "beta_2", "beta_3", "epsilon")

    def __init__(self, beta_1: float, beta_2: float, beta_3: float, epsilon: float) -> None:
        self.beta_1, self.beta_2, self.beta_3 = float(beta_1), float(beta_2), float(beta_3)
        self.epsilon = float(epsilon)

    def transform(self, grad: Any, state: AdaptiveNesterovMomentumState | None
                  ) -> tuple[Any, AdaptiveNesterovMomentumState]:
        b1, b2, b3 = self.beta_1, self.beta_2, self.beta_3
        if state is None:
            state = AdaptiveNesterovMomentumState(
                1, grad.mul_scalar(1.0 - b1), grad.square().mul_scalar(1.0 - b3),
                grad.zeros_like(), grad.neg())
        else:
            diff = state.neg_pre_grad.add(grad)
            diff_sq = diff.mul_scalar(b2).add(grad).square()
            state = AdaptiveNesterovMomentumState(
                state.time + 1,
                state.exp_avg.mul_scalar(b1).add(grad.mul_scalar(1.0 - b1)),
                state.exp_avg_sq.mul_scalar(b3).add(diff_sq.mul_scalar(1.0 - b3)),
                state.exp_avg_diff.mul_scalar(b2).add(diff.mul_scalar(1.0 - b2)),
                grad.neg())
        t = state.time
        denom = (state.exp_avg_sq.sqrt().div_scalar(_sqrt(1.0 - b3 ** t))
                 .add_scalar(self.epsilon))
        update = (state.exp_avg.div_scalar(1.0 - b1 ** t).div(denom)
                  .add(state.exp_avg_diff.mul_scalar(b2).div_scalar(1.0 - b2 ** t).div(denom)))
        return update, state


class Adan:
    """Adan's per-tensor rule (see `AdanConfig`)."""

    state_type = AdanState

    def __init__(self, momentum: AdaptiveNesterovMomentum, weight_decay: float = 0.0,
                 no_prox: bool = False) -> None:
        self.momentum = momentum
        self.weight_decay = float(weight_decay)
        self.no_prox = bool(no_prox)

    def step(self, lr: LearningRate, tensor: Any, grad: Any,
             state: AdanState | None) -> tuple[Any, AdanState]:
        update, moments = self.momentum.transform(grad, None if state is None else state.momentum)
        decay_rate = lr * self.weight_decay
        delta = update.mul_scalar(lr)
        if self.no_prox:
            decayed = tensor if decay_rate == 0.0 else tensor.mul_scalar(1.0 - decay_rate)
            new = decayed.sub(delta)
        else:
            new = tensor.sub(delta)
            if decay_rate != 0.0:
                new = new.div_scalar(1.0 + decay_rate)
        return new, AdanState(moments)

    def __repr__(self) -> str:
        m = self.momentum
        return (f"Adan(beta_1={m.beta_1}, beta_2={m.beta_2}, beta_3={m.beta_3}, "
                f"epsilon={m.epsilon}, weight_decay={self.weight_decay}, no_prox={self.no_prox})")
