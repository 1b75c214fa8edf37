"""SparseAdam (``torch.optim.SparseAdam``): Adam that only touches the rows a step used.

An embedding table of a large vocabulary sees a handful of its rows per batch. Plain Adam
decays every row's moments and moves every row at every step, rows the batch never read
included (their moments keep pushing them). SparseAdam updates the moments and the values of
the rows whose gradient is non-zero and leaves the others exactly as they were, which is what
``torch.optim.SparseAdam`` does with the sparse gradient of ``nn.Embedding(sparse=True)``.

pyburn's gradients are dense tensors, so the rows a step used are found from the gradient: a
row (index along the first dimension) is touched when any of its entries is non-zero. The rule
then follows torch's lazy Adam, per touched row::

    m = b1 m + (1 - b1) g          v = b2 v + (1 - b2) g^2
    param -= lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)

with ``t`` the parameter's step count (torch counts steps per parameter, not per row) and
``eps`` added before the bias correction, as torch does (``Adam`` adds it after). The cost is
that of dense Adam plus one reduction per step; the gain is the semantics, not speed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Optional

from pyburn.config import Config

from .adam import AdaptiveMomentumState
from .base import LearningRate, OptimizerAdaptor
from .clipping import GradientClippingConfig
from .state import OptimizerState, TensorFn, fields_of

__all__ = ["SparseAdamConfig", "SparseAdam", "SparseAdamState"]


class SparseAdamConfig(Config):
    """``SparseAdamConfig(beta_1=0.9, beta_2=0.999, epsilon=1e-8, grad_clipping=None)``
    (torch's defaults). No weight decay: decaying untouched rows would make them dense."""

    beta_1: float = 0.9
    beta_2: float = 0.999
    epsilon: float = 1e-8
    grad_clipping: Optional[GradientClippingConfig] = None

    def build(self) -> "SparseAdam":
        if not (0.0 <= self.beta_1 < 1.0 and 0.0 <= self.beta_2 < 1.0):
            raise ValueError(f"SparseAdamConfig: betas must be in [0, 1), got ({self.beta_1}, "
                             f"{self.beta_2})")
        if not (math.isfinite(self.epsilon) and self.epsilon > 0.0):
            raise ValueError(f"SparseAdamConfig: epsilon must be finite and > 0, got "
                             f"{self.epsilon}")
        return SparseAdam(self.beta_1, self.beta_2, self.epsilon)

    def init(self) -> OptimizerAdaptor["SparseAdamState"]:
        clipping = None if self.grad_clipping is None else self.grad_clipping.init()
        return OptimizerAdaptor(self.build(), clipping)


@dataclass(frozen=True)
class SparseAdamState(OptimizerState):
    """The moments of one parameter (those of untouched rows unchanged) and its step count."""

    momentum: AdaptiveMomentumState

    def map_tensors(self, fn: TensorFn) -> "SparseAdamState":
        return SparseAdamState(self.momentum.map_tensors(fn))

    def to_record(self) -> dict[str, Any]:
        return {"momentum": self.momentum.to_record()}

    @classmethod
    def from_record(cls, record: Any, where: str) -> "SparseAdamState":
        rec = fields_of(record, where, "momentum")
        return cls(AdaptiveMomentumState.from_record(rec["momentum"], f"{where}.momentum"))


def touched_rows(grad: Any) -> Any:
    """A Bool tensor shaped like `grad`: True on every entry of a row (index along dim 0) that
    has a non-zero gradient entry."""
    dims = grad.dims()
    rows = dims[0] if dims else 1
    flat = grad.abs().reshape([rows, -1]).sum_dim(1)             # [rows, 1]
    mask = flat.greater_elem(0.0)
    return mask.reshape([rows] + [1] * (len(dims) - 1)).expand(dims)


class SparseAdam:
    """The per-tensor rule (see the module docstring); `SparseAdamConfig().init()` maps it over
    a module."""

    state_type = SparseAdamState

    def __init__(self, beta_1: float, beta_2: float, epsilon: float) -> None:
        self.beta_1, self.beta_2, self.epsilon = float(beta_1), float(beta_2), float(epsilon)

    def step(self, lr: LearningRate, tensor: Any, grad: Any,
             state: SparseAdamState | None) -> tuple[Any, SparseAdamState]:
        b1, b2 = self.beta_1, self.beta_2
        mask = touched_rows(grad)
        if state is None:
            zeros = grad.zeros_like()
            m_old, v_old, time = zeros, zeros, 0
        else:
            m = state.momentum
            m_old, v_old, time = m.moment_1, m.moment_2, m.time
        t = time + 1
        m_new = m_old.mul_scalar(b1).add(grad.mul_scalar(1.0 - b1))
        v_new = v_old.mul_scalar(b2).add(grad.square().mul_scalar(1.0 - b2))
        m_new, v_new = m_old.mask_where(mask, m_new), v_old.mask_where(mask, v_new)
        step_size = lr * math.sqrt(1.0 - b2 ** t) / (1.0 - b1 ** t)
        update = m_new.div(v_new.sqrt().add_scalar(self.epsilon)).mul_scalar(step_size)
        new_tensor = tensor.mask_where(mask, tensor.sub(update))
        return new_tensor, SparseAdamState(AdaptiveMomentumState(t, m_new, v_new))

    def __repr__(self) -> str:
        return f"SparseAdam(beta_1={self.beta_1}, beta_2={self.beta_2}, epsilon={self.epsilon})"
