"""Stochastic gradient descent (Burn's ``optim::sgd``): ``param -= lr * direction``.

The gradient is first L2-decayed (`WeightDecayConfig`), then turned into a momentum direction
(`MomentumConfig`), each optional, in that order, like ``torch.optim.SGD``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from pyburn.config import Config

from .base import LearningRate, OptimizerAdaptor
from .clipping import GradientClippingConfig
from .momentum import Momentum, MomentumConfig, MomentumState
from .state import OptimizerState, TensorFn, fields_of
from .weight_decay import WeightDecay, WeightDecayConfig


class SgdConfig(Config):
    """``SgdConfig(weight_decay=None, momentum=None, gradient_clipping=None)``."""

    weight_decay: Optional[WeightDecayConfig] = None
    momentum: Optional[MomentumConfig] = None
    gradient_clipping: Optional[GradientClippingConfig] = None

    def build(self) -> "Sgd":
        """The per-tensor rule (without the module adaptor)."""
        return Sgd(None if self.momentum is None else Momentum(self.momentum),
                   None if self.weight_decay is None else WeightDecay.new(self.weight_decay))

    def init(self) -> OptimizerAdaptor["SgdState"]:
        """An optimizer for modules: ``module = optim.step(lr, module, grads)``."""
        clipping = None if self.gradient_clipping is None else self.gradient_clipping.init()
        return OptimizerAdaptor(self.build(), clipping)


@dataclass(frozen=True)
class SgdState(OptimizerState):
    """The momentum state, if momentum is on."""

    momentum: MomentumState | None = None

    def map_tensors(self, fn: TensorFn) -> "SgdState":
        return SgdState(None if self.momentum is None else self.momentum.map_tensors(fn))

    def to_record(self) -> dict[str, Any]:
        return {"momentum": None if self.momentum is None else self.momentum.to_record()}

    @classmethod
    def from_record(cls, record: Any, where: str) -> "SgdState":
        rec = fields_of(record, where, "momentum")
        m = rec["momentum"]
        return cls(None if m is None else MomentumState.from_record(m, f"{where}.momentum"))


class Sgd:
    """SGD's per-tensor rule (see `SgdConfig`)."""

    state_type = SgdState

    def __init__(self, momentum: Momentum | None = None,
                 weight_decay: WeightDecay | None = None) -> None:
        self.momentum = momentum
        self.weight_decay = weight_decay

    def step(self, lr: LearningRate, tensor: Any, grad: Any,
             state: SgdState | None) -> tuple[Any, SgdState]:
        velocity = None if state is None else state.momentum
        if self.weight_decay is not None:
            grad = self.weight_decay.transform(grad, tensor)
        if self.momentum is not None:
            grad, velocity = self.momentum.transform(grad, velocity)
        return tensor.sub(grad.mul_scalar(lr)), SgdState(velocity)

    def __repr__(self) -> str:
        return f"Sgd(momentum={self.momentum!r}, weight_decay={self.weight_decay!r})"
