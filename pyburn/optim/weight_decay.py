"""L2 weight decay as a gradient transform (Burn's ``optim::decay``), used by SGD and Adam.

``grad + penalty * param``: the gradient of ``penalty/2 * ||param||^2`` added to the loss's.
This is ``weight_decay`` of ``torch.optim.SGD``/``Adam``; AdamW decays the weights directly
instead (see `adamw`).
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config


class WeightDecayConfig(Config):
    """``WeightDecayConfig(penalty)``: the L2 penalty."""

    penalty: float

    def init(self) -> "WeightDecay":
        return WeightDecay(self.penalty)


class WeightDecay:
    """Adds ``penalty * param`` to a gradient. Stateless."""

    __slots__ = ("penalty",)

    def __init__(self, penalty: float) -> None:
        self.penalty = float(penalty)

    @classmethod
    def new(cls, config: WeightDecayConfig) -> "WeightDecay":
        return cls(config.penalty)

    def transform(self, grad: Any, tensor: Any) -> Any:
        """The decayed gradient; `tensor` is the parameter before this step."""
        return tensor.mul_scalar(self.penalty).add(grad)

    def __repr__(self) -> str:
        return f"WeightDecay(penalty={self.penalty})"
