"""Adam (Burn's ``optim::adam``), with optional L2 weight decay and AMSGrad.

With ``m``, ``v`` the running moments at step ``t`` (``m_1 = (1-b1) g``, ``v_1 = (1-b2) g^2``):

    update = m * sqrt(1 - b2^t) / (1 - b1^t) / (sqrt(v) + eps * sqrt(1 - b2^t))
    param -= lr * update

which is ``m_hat / (sqrt(v_hat) + eps)``, the form of the paper and of ``torch.optim.Adam``:
epsilon is added *outside* the square root, after bias correction. Burn folds the two bias
corrections into one factor (fewer full-tensor ops), so results agree with torch to rounding.
Differences from torch are in the defaults only: ``epsilon=1e-5`` (torch: 1e-8), and the
learning rate is given to ``step`` rather than to the config. Weight decay is L2 (added to the
gradient), as torch's Adam ``weight_decay``; for decoupled decay use AdamW.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Optional

from pyburn.config import Config

from .base import LearningRate, OptimizerAdaptor
from .clipping import GradientClippingConfig
from .state import OptimizerState, TensorFn, data_of, fields_of, int_field, tensor_field
from .weight_decay import WeightDecay, WeightDecayConfig


class AdamConfig(Config):
    """``AdamConfig(beta_1=0.9, beta_2=0.999, epsilon=1e-5, weight_decay=None,
    grad_clipping=None, amsgrad=False)`` (Burn's defaults)."""

    beta_1: float = 0.9
    beta_2: float = 0.999
    epsilon: float = 1e-5
    weight_decay: Optional[WeightDecayConfig] = None
    grad_clipping: Optional[GradientClippingConfig] = None
    amsgrad: bool = False

    def build(self) -> "Adam":
        """The per-tensor rule (without the module adaptor)."""
        momentum = AdaptiveMomentum(self.beta_1, self.beta_2, self.epsilon, self.amsgrad)
        decay = None if self.weight_decay is None else WeightDecay.new(self.weight_decay)
        return Adam(momentum, decay)

    def init(self) -> OptimizerAdaptor["AdamState"]:
        """An optimizer for modules: ``module = optim.step(lr, module, grads)``."""
        clipping = None if self.grad_clipping is None else self.grad_clipping.init()
        return OptimizerAdaptor(self.build(), clipping)


@dataclass(frozen=True)
class AdaptiveMomentumState(OptimizerState):
    """Adam's moments of one parameter, and how many steps they aggregate."""

    time: int
    moment_1: Any
    moment_2: Any
    max_moment_2: Any = None  # AMSGrad: the running max of moment_2

    def map_tensors(self, fn: TensorFn) -> "AdaptiveMomentumState":
        return AdaptiveMomentumState(self.time, fn(self.moment_1), fn(self.moment_2),
                                     None if self.max_moment_2 is None else fn(self.max_moment_2))

    def to_record(self) -> dict[str, Any]:
        return {"time": self.time, "moment_1": data_of(self.moment_1),
                "moment_2": data_of(self.moment_2),
                "max_moment_2": None if self.max_moment_2 is None else data_of(self.max_moment_2)}

    @classmethod
    def from_record(cls, record: Any, where: str) -> "AdaptiveMomentumState":
        rec = fields_of(record, where, "time", "moment_1", "moment_2")
        return cls(int_field(rec, "time", where), tensor_field(rec, "moment_1", where),
                   tensor_field(rec, "moment_2", where),
                   tensor_field(rec, "max_moment_2", where, optional=True))


@dataclass(frozen=True)
class AdamState(OptimizerState):
    momentum: AdaptiveMomentumState

    def map_tensors(self, fn: TensorFn) -> "AdamState":
        return AdamState(self.momentum.map_tensors(fn))

    def to_record(self) -> dict[str, Any]:
        return {"momentum": self.momentum.to_record()}

    @classmethod
    def from_record(cls, record: Any, where: str) -> "AdamState":
        rec = fields_of(record, where, "momentum")
        return cls(AdaptiveMomentumState.from_record(rec["momentum"], f"{where}.momentum"))


class AdaptiveMomentum:
    """Turns a gradient into Adam's update direction, updating the moments."""

    __slots__ = ("beta_1", "beta_2", "epsilon", "amsgrad")

    def __init__(self, beta_1: float, beta_2: float, epsilon: float, amsgrad: bool) -> None:
        self.beta_1, self.beta_2 = float(beta_1), float(beta_2)
        self.epsilon, self.amsgrad = float(epsilon), bool(amsgrad)

    def update_moments(self, grad: Any,
                       state: AdaptiveMomentumState | None) -> AdaptiveMomentumState:
        """The moments after seeing `grad` (shared with AdamW)."""
        b1, b2 = self.beta_1, self.beta_2
        if state is None:
            m1 = grad.mul_scalar(1.0 - b1)
            m2 = grad.square().mul_scalar(1.0 - b2)
            return AdaptiveMomentumState(1, m1, m2, m2 if self.amsgrad else None)
        m1 = state.moment_1.mul_scalar(b1).add(grad.mul_scalar(1.0 - b1))
        m2 = state.moment_2.mul_scalar(b2).add(grad.square().mul_scalar(1.0 - b2))
        max_m2 = None
        if self.amsgrad:
            previous = m2 if state.max_moment_2 is None else state.max_moment_2
            max_m2 = previous.max_pair(m2)
        return AdaptiveMomentumState(state.time + 1, m1, m2, max_m2)

    def second_moment(self, state: AdaptiveMomentumState) -> Any:
        """The second moment the update divides by: its running max under AMSGrad."""
        if self.amsgrad and state.max_moment_2 is not None:
            return state.max_moment_2
        return state.moment_2

    def transform(self, grad: Any,
                  state: AdaptiveMomentumState | None) -> tuple[Any, AdaptiveMomentumState]:
        state = self.update_moments(grad, state)
        t = state.time
        bias_correction2_sqrt = _sqrt(1.0 - self.beta_2 ** t)
        factor = bias_correction2_sqrt / (1.0 - self.beta_1 ** t)
        denom = self.second_moment(state).sqrt().add_scalar(self.epsilon * bias_correction2_sqrt)
        return state.moment_1.mul_scalar(factor).div(denom), state


def _sqrt(x: Any) -> Any:
    """``math.sqrt``; a pyburn.jit scalar input (the step count) keeps its own, symbolic sqrt,
    so the bias correction is recomputed on every replay instead of guarding on the step."""
    return math.sqrt(x) if type(x) is float else x.sqrt()


class Adam:
    """Adam's per-tensor rule (see `AdamConfig`)."""

    state_type = AdamState

    def __init__(self, momentum: AdaptiveMomentum, weight_decay: WeightDecay | None = None) -> None:
        self.momentum = momentum
        self.weight_decay = weight_decay

    def step(self, lr: LearningRate, tensor: Any, grad: Any,
             state: AdamState | None) -> tuple[Any, AdamState]:
        if self.weight_decay is not None:
            grad = self.weight_decay.transform(grad, tensor)
        direction, moments = self.momentum.transform(grad, None if state is None else state.momentum)
        return tensor.sub(direction.mul_scalar(lr)), AdamState(moments)

    def __repr__(self) -> str:
        m = self.momentum
        return (f"Adam(beta_1={m.beta_1}, beta_2={m.beta_2}, epsilon={m.epsilon}, "
                f"amsgrad={m.amsgrad}, weight_decay={self.weight_decay!r})")
