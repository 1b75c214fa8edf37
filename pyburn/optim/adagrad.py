"""AdaGrad (Burn's ``optim::adagrad``), with learning rate decay and optional L2 weight decay.

Per parameter, ``g`` its gradient (plus ``penalty * param`` with weight decay), at step ``t``::

    sum    += g^2                                      (starts at 0)
    lr_t    = lr / (1 + (t - 1) * lr_decay)
    param  -= lr_t * g / (sqrt(sum) + epsilon)

which is ``torch.optim.Adagrad`` (with ``initial_accumulator_value=0``) in every combination
of ``lr_decay`` and ``weight_decay``. Only the default epsilon differs: Burn's ``1e-5``, torch's
``1e-10``.
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

__all__ = ["AdaGradConfig", "AdaGrad", "AdaGradState", "LrDecay", "LrDecayState"]


class AdaGradConfig(Config):
    """``AdaGradConfig(lr_decay=0.0, epsilon=1e-5, weight_decay=None, grad_clipping=None)``
    (Burn's defaults)."""

    lr_decay: float = 0.0
    epsilon: float = 1e-5
    weight_decay: Optional[WeightDecayConfig] = None
    grad_clipping: Optional[GradientClippingConfig] = None

    def build(self) -> "AdaGrad":
        """The per-tensor rule (without the module adaptor)."""
        if not (math.isfinite(self.lr_decay) and self.lr_decay >= 0.0):
            raise ValueError(f"AdaGradConfig: lr_decay must be finite and >= 0, got "
                             f"{self.lr_decay}")
        if not (math.isfinite(self.epsilon) and self.epsilon >= 0.0):
            raise ValueError(f"AdaGradConfig: epsilon must be finite and >= 0, got "
                             f"{self.epsilon}")
        decay = None if self.weight_decay is None else WeightDecay.new(self.weight_decay)
        return AdaGrad(LrDecay(self.lr_decay, self.epsilon), decay)

    def init(self) -> OptimizerAdaptor["AdaGradState"]:
        """An optimizer for modules: ``module = optim.step(lr, module, grads)``."""
        clipping = None if self.grad_clipping is None else self.grad_clipping.init()
        return OptimizerAdaptor(self.build(), clipping)


@dataclass(frozen=True)
class LrDecayState(OptimizerState):
    """The sum of squared gradients of one parameter, and how many steps it holds."""

    time: int
    sum: Any

    def map_tensors(self, fn: TensorFn) -> "LrDecayState":
        return LrDecayState(self.time, fn(self.sum))

    def to_record(self) -> dict[str, Any]:
        return {"time": self.time, "sum": data_of(self.sum)}

    @classmethod
    def from_record(cls, record: Any, where: str) -> "LrDecayState":
        rec = fields_of(record, where, "time", "sum")
        return cls(int_field(rec, "time", where), tensor_field(rec, "sum", where))


@dataclass(frozen=True)
class AdaGradState(OptimizerState):
    lr_decay: LrDecayState

    def map_tensors(self, fn: TensorFn) -> "AdaGradState":
        return AdaGradState(self.lr_decay.map_tensors(fn))

    def to_record(self) -> dict[str, Any]:
        return {"lr_decay": self.lr_decay.to_record()}

    @classmethod
    def from_record(cls, record: Any, where: str) -> "AdaGradState":
        rec = fields_of(record, where, "lr_decay")
        return cls(LrDecayState.from_record(rec["lr_decay"], f"{where}.lr_decay"))


class LrDecay:
    """Turns a gradient into AdaGrad's step (the learning rate included), updating the sum."""

    __slots__ = ("lr_decay", "epsilon")

    def __init__(self, lr_decay: float, epsilon: float) -> None:
        self.lr_decay, self.epsilon = float(lr_decay), float(epsilon)

    def transform(self, grad: Any, lr: LearningRate,
                  state: LrDecayState | None) -> tuple[Any, LrDecayState]:
        if state is None:
            state = LrDecayState(1, grad.square())
        else:
            state = LrDecayState(state.time + 1, state.sum.add(grad.square()))
        new_lr = lr / (1.0 + (state.time - 1.0) * self.lr_decay)
        step = grad.div(state.sum.sqrt().add_scalar(self.epsilon)).mul_scalar(new_lr)
        return step, state


class AdaGrad:
    """AdaGrad's per-tensor rule (see `AdaGradConfig`)."""

    state_type = AdaGradState

    def __init__(self, lr_decay: LrDecay, weight_decay: WeightDecay | None = None) -> None:
        self.lr_decay = lr_decay
        self.weight_decay = weight_decay

    def step(self, lr: LearningRate, tensor: Any, grad: Any,
             state: AdaGradState | None) -> tuple[Any, AdaGradState]:
        if self.weight_decay is not None:
            grad = self.weight_decay.transform(grad, tensor)
        delta, decay_state = self.lr_decay.transform(grad, lr,
                                                     None if state is None else state.lr_decay)
        return tensor.sub(delta), AdaGradState(decay_state)

    def __repr__(self) -> str:
        return (f"AdaGrad(lr_decay={self.lr_decay.lr_decay}, epsilon={self.lr_decay.epsilon}, "
                f"weight_decay={self.weight_decay!r})")
