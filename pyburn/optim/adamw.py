"""AdamW (Burn's ``optim::adamw``): Adam with weight decay decoupled from the gradient.

    m_hat = m / (1 - b1^t),  v_hat = v / (1 - b2^t)
    param = param * (1 - lr * weight_decay) - lr * m_hat / (sqrt(v_hat) + eps)

the rule of Loshchilov & Hutter and of ``torch.optim.AdamW`` (epsilon outside the square root).
Defaults are Burn's, not torch's: ``epsilon=1e-5`` (torch 1e-8) and ``weight_decay=1e-4``
(torch 1e-2). ``amsgrad`` divides by the running max of ``v`` as torch does (Burn's AdamW has
no AMSGrad; its Adam's AMSGrad is this same rule). ``cautious_weight_decay`` (Burn's option,
arXiv:2510.12402) decays only the coordinates where the parameter and the update have the same
sign.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from pyburn.config import Config

from .adam import AdaptiveMomentum, AdaptiveMomentumState
from .base import LearningRate, OptimizerAdaptor
from .clipping import GradientClippingConfig
from .state import OptimizerState, TensorFn, fields_of


class AdamWConfig(Config):
    """``AdamWConfig(beta_1=0.9, beta_2=0.999, epsilon=1e-5, weight_decay=1e-4,
    grad_clipping=None, amsgrad=False, cautious_weight_decay=False)``."""

    beta_1: float = 0.9
    beta_2: float = 0.999
    epsilon: float = 1e-5
    weight_decay: float = 1e-4
    grad_clipping: Optional[GradientClippingConfig] = None
    amsgrad: bool = False
    cautious_weight_decay: bool = False

    def build(self) -> "AdamW":
        """The per-tensor rule (without the module adaptor)."""
        momentum = AdaptiveMomentum(self.beta_1, self.beta_2, self.epsilon, self.amsgrad)
        return AdamW(momentum, self.weight_decay, self.cautious_weight_decay)

    def init(self) -> OptimizerAdaptor["AdamWState"]:
        """An optimizer for modules: ``module = optim.step(lr, module, grads)``."""
        clipping = None if self.grad_clipping is None else self.grad_clipping.init()
        return OptimizerAdaptor(self.build(), clipping)


@dataclass(frozen=True)
class AdamWState(OptimizerState):
    momentum: AdaptiveMomentumState

    def map_tensors(self, fn: TensorFn) -> "AdamWState":
        return AdamWState(self.momentum.map_tensors(fn))

    def to_record(self) -> dict[str, Any]:
        return {"momentum": self.momentum.to_record()}

    @classmethod
    def from_record(cls, record: Any, where: str) -> "AdamWState":
        rec = fields_of(record, where, "momentum")
        return cls(AdaptiveMomentumState.from_record(rec["momentum"], f"{where}.momentum"))


AdaptiveMomentumW = AdaptiveMomentum
"""Burn's name for AdamW's moment transform (a struct of its own there, the same fields and
moments as Adam's); in pyburn AdamW applies `AdaptiveMomentum` with its own bias correction."""


class AdamW:
    """AdamW's per-tensor rule (see `AdamWConfig`)."""

    state_type = AdamWState

    def __init__(self, momentum: AdaptiveMomentum, weight_decay: float,
                 cautious_weight_decay: bool = False) -> None:
        self.momentum = momentum
        self.weight_decay = float(weight_decay)
        self.cautious_weight_decay = bool(cautious_weight_decay)

    def step(self, lr: LearningRate, tensor: Any, grad: Any,
             state: AdamWState | None) -> tuple[Any, AdamWState]:
        m = self.momentum
        moments = m.update_moments(grad, None if state is None else state.momentum)
        t = moments.time
        m1_hat = moments.moment_1.div_scalar(1.0 - m.beta_1 ** t)
        v_hat = m.second_moment(moments).div_scalar(1.0 - m.beta_2 ** t)
        direction = m1_hat.div(v_hat.sqrt().add_scalar(m.epsilon))

        decay_rate = lr * self.weight_decay
        if decay_rate == 0.0:
            decayed = tensor
        elif self.cautious_weight_decay:
            # The update moves along -direction; decay only where it also shrinks |param|,
            # i.e. where param and direction (sign of moment_1) have the same sign.
            differ = tensor.greater_equal_elem(0.0).not_equal(
                moments.moment_1.greater_equal_elem(0.0))
            decayed = tensor.sub(tensor.mul_scalar(decay_rate).mask_fill(differ, 0.0))
        else:
            decayed = tensor.mul_scalar(1.0 - decay_rate)
        return decayed.sub(direction.mul_scalar(lr)), AdamWState(moments)

    def __repr__(self) -> str:
        m = self.momentum
        return (f"AdamW(beta_1={m.beta_1}, beta_2={m.beta_2}, epsilon={m.epsilon}, "
                f"weight_decay={self.weight_decay}, amsgrad={m.amsgrad}, "
                f"cautious_weight_decay={self.cautious_weight_decay})")
