"""Muon (Burn's ``optim::muon``): momentum SGD whose update is orthogonalized.

Each 2-D gradient goes through Nesterov momentum, then five Newton-Schulz iterations that push
its singular values towards 1 (``X <- aX + (bA + cA^2)X`` with ``A = XX^T``, Keller Jordan's
quintic coefficients), so every direction of the weight matrix moves at a similar rate. The
learning rate is scaled by the matrix's shape (`AdjustLrFn`). Muon is for the hidden weight
matrices of a network; embeddings, heads, biases and norms are usually trained with AdamW.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import Any, Optional, Sequence

from pyburn.config import Config

from .base import LearningRate, OptimizerAdaptor
from .momentum import Momentum, MomentumConfig, MomentumState
from .state import OptimizerState, TensorFn, fields_of
from .weight_decay import WeightDecayConfig


class AdjustLrFn(Enum):
    """How Muon scales the learning rate for an ``[A, B]`` weight."""

    #: ``sqrt(max(1, A / B))`` (Keller Jordan's original Muon).
    Original = "Original"
    #: ``0.2 * sqrt(max(A, B))``: the update's RMS matches AdamW's, so AdamW's learning rate
    #: and weight decay carry over (Moonshot AI, "Muon is Scalable for LLM Training").
    MatchRmsAdamW = "MatchRmsAdamW"

    def adjustment_ratio(self, shape: Sequence[int]) -> float:
        """The factor applied to the learning rate; 1 for a tensor of rank < 2."""
        if len(shape) < 2:
            return 1.0
        a, b = float(shape[0]), float(shape[1])
        if self is AdjustLrFn.Original:
            return math.sqrt(max(a / b, 1.0))
        return 0.2 * math.sqrt(max(a, b))


class MuonConfig(Config):
    """``MuonConfig(weight_decay=None, momentum=Nesterov 0.95, ns_coefficients=(3.4445, -4.775,
    2.0315), epsilon=1e-7, ns_steps=5, adjust_lr_fn=AdjustLrFn.Original)`` (Burn's defaults)."""

    weight_decay: Optional[WeightDecayConfig] = None
    momentum: MomentumConfig = MomentumConfig(momentum=0.95, dampening=0.0, nesterov=True)
    ns_coefficients: tuple[float, float, float] = (3.4445, -4.775, 2.0315)
    epsilon: float = 1e-7
    ns_steps: int = 5
    adjust_lr_fn: AdjustLrFn = AdjustLrFn.Original

    def build(self) -> "Muon":
        """The per-tensor rule (without the module adaptor)."""
        if self.ns_steps < 0:
            raise ValueError(f"MuonConfig: ns_steps must be >= 0, got {self.ns_steps}")
        if not self.epsilon > 0:
            raise ValueError(f"MuonConfig: epsilon must be > 0, got {self.epsilon}")
        penalty = None if self.weight_decay is None else float(self.weight_decay.penalty)
        return Muon(Momentum(self.momentum), NewtonSchulzParams(self.ns_coefficients, self.ns_steps),
                    penalty, float(self.epsilon), self.adjust_lr_fn)

    def init(self) -> OptimizerAdaptor["MuonState"]:
        """An optimizer for modules: ``module = optim.step(lr, module, grads)`` (clipping, as
        in Burn, through ``.with_grad_clipping(...)`` on the result)."""
        return OptimizerAdaptor(self.build())


@dataclass(frozen=True)
class MuonState(OptimizerState):
    """The momentum of one weight matrix."""

    momentum: MomentumState

    def map_tensors(self, fn: TensorFn) -> "MuonState":
        return MuonState(self.momentum.map_tensors(fn))

    def to_record(self) -> dict[str, Any]:
        return {"momentum": self.momentum.to_record()}

    @classmethod
    def from_record(cls, record: Any, where: str) -> "MuonState":
        rec = fields_of(record, where, "momentum")
        return cls(MomentumState.from_record(rec["momentum"], f"{where}.momentum"))


@dataclass(frozen=True)
class NewtonSchulzParams:
    """The quintic iteration's coefficients ``(a, b, c)`` and step count."""

    a: float
    b: float
    c: float
    steps: int

    def __init__(self, coefficients: Sequence[float], steps: int) -> None:
        a, b, c = (float(x) for x in coefficients)
        for name, value in (("a", a), ("b", b), ("c", c), ("steps", int(steps))):
            object.__setattr__(self, name, value)


class Muon:
    """Muon's per-tensor rule (see `MuonConfig`). Only 2-D parameters: anything else raises."""

    state_type = MuonState

    def __init__(self, momentum: Momentum, ns_params: NewtonSchulzParams,
                 weight_decay_penalty: float | None, epsilon: float,
                 adjust_lr_fn: AdjustLrFn) -> None:
        self.momentum = momentum
        self.ns_params = ns_params
        self.weight_decay_penalty = weight_decay_penalty
        self.epsilon = epsilon
        self.adjust_lr_fn = adjust_lr_fn

    def zeropower_via_newtonschulz(self, g: Any) -> Any:
        """The orthogonalized update: ``g / ||g||_F`` through `ns_params.steps` quintic iterations,
        computed on the wide orientation so that ``X X^T`` is the smaller Gram matrix."""
        rows, cols = g.shape[-2], g.shape[-1]
        transpose = rows > cols
        x = g.swap_dims(-2, -1) if transpose else g
        norm = x.powf_scalar(2.0).sum().sqrt().clamp_min(self.epsilon)
        x = x.div(norm.reshape([1] * x.rank))
        ns = self.ns_params
        for _ in range(ns.steps):
            gram = x.matmul(x.swap_dims(-2, -1))
            poly = gram.mul_scalar(ns.b).add(gram.matmul(gram).mul_scalar(ns.c))
            x = x.mul_scalar(ns.a).add(poly.matmul(x))
        return x.swap_dims(-2, -1) if transpose else x

    def step(self, lr: LearningRate, tensor: Any, grad: Any,
             state: MuonState | None) -> tuple[Any, MuonState]:
        if tensor.rank != 2:
            raise ValueError("Muon.step: Newton-Schulz iteration requires 2D tensors, got "
                             f"{tensor.rank}D (shape {list(tensor.shape)}); train biases, "
                             "norms and embeddings with another optimizer")
        grad, velocity = self.momentum.transform(grad, None if state is None else state.momentum)
        update = self.zeropower_via_newtonschulz(grad)
        adjusted = float(lr) * self.adjust_lr_fn.adjustment_ratio(list(tensor.shape))
        if self.weight_decay_penalty is not None:
            tensor = tensor.mul_scalar(1.0 - float(lr) * self.weight_decay_penalty)
        return tensor.sub(update.mul_scalar(adjusted)), MuonState(velocity)

    def __repr__(self) -> str:
        ns = self.ns_params
        return (f"Muon(momentum={self.momentum!r}, ns=({ns.a}, {ns.b}, {ns.c})x"
                f"{ns.steps}, weight_decay={self.weight_decay_penalty}, "
                f"adjust_lr_fn={self.adjust_lr_fn.name})")
