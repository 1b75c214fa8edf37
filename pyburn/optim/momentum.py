"""Momentum as a gradient transform (Burn's ``optim::momentum``), used by SGD.

The velocity starts as the first gradient (no dampening on step one) and then follows
``v = momentum * v + (1 - dampening) * g``; the update direction is ``v``, or ``g + momentum * v``
with Nesterov. This is exactly ``torch.optim.SGD``'s rule, except that torch refuses Nesterov
with a non-zero dampening while Burn (and pyburn) allow it. Burn's default dampening is 0.1,
torch's is 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pyburn.config import Config

from .state import OptimizerState, TensorFn, data_of, fields_of, tensor_field


class MomentumConfig(Config):
    """``MomentumConfig(momentum=0.9, dampening=0.1, nesterov=False)`` (Burn's defaults)."""

    momentum: float = 0.9
    dampening: float = 0.1
    nesterov: bool = False

    def init(self) -> "Momentum":
        return Momentum(self)


@dataclass(frozen=True)
class MomentumState(OptimizerState):
    """The velocity of one parameter."""

    velocity: Any

    def map_tensors(self, fn: TensorFn) -> "MomentumState":
        return MomentumState(fn(self.velocity))

    def to_record(self) -> dict[str, Any]:
        return {"velocity": data_of(self.velocity)}

    @classmethod
    def from_record(cls, record: Any, where: str) -> "MomentumState":
        rec = fields_of(record, where, "velocity")
        return cls(tensor_field(rec, "velocity", where))


class Momentum:
    """Transforms a gradient into the momentum update direction."""

    __slots__ = ("momentum", "dampening", "nesterov")

    def __init__(self, config: MomentumConfig) -> None:
        self.momentum = float(config.momentum)
        self.dampening = float(config.dampening)
        self.nesterov = bool(config.nesterov)

    @classmethod
    def new(cls, config: MomentumConfig) -> "Momentum":
        return cls(config)

    def transform(self, grad: Any, state: MomentumState | None) -> tuple[Any, MomentumState]:
        if state is None:
            velocity = grad
        else:
            velocity = grad.mul_scalar(1.0 - self.dampening).add(
                state.velocity.mul_scalar(self.momentum))
        direction = velocity.mul_scalar(self.momentum).add(grad) if self.nesterov else velocity
        return direction, MomentumState(velocity)

    def __repr__(self) -> str:
        return (f"Momentum(momentum={self.momentum}, dampening={self.dampening}, "
                f"nesterov={self.nesterov})")
