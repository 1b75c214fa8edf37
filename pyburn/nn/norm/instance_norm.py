"""`InstanceNorm` (Burn's ``burn::nn::InstanceNorm``): normalize each channel of every sample
over its positions — ``torch.nn.InstanceNorm1d/2d/3d(affine=True)`` (Burn's default is affine;
no running statistics, as torch's default ``track_running_stats=False``)."""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.tensor import Device, Tensor

from .._types import B
from ._checks import check_epsilon, check_positive
from .group_norm import affine_params, group_norm

__all__ = ["InstanceNormConfig", "InstanceNorm"]


class InstanceNormConfig(Config):
    """Burn's defaults: ``epsilon`` 1e-5, ``affine`` true."""

    num_channels: int
    epsilon: float = 1e-5
    affine: bool = True

    def init(self, device: Device | str | None = None, backend: Any = None) -> "InstanceNorm":
        op = "InstanceNormConfig.init"
        check_positive(op, "num_channels", self.num_channels)
        check_epsilon(op, self.epsilon)
        gamma, beta = affine_params(self.affine, self.num_channels, device, backend, op)
        return InstanceNorm(gamma, beta, self.num_channels, float(self.epsilon),
                            bool(self.affine))


class InstanceNorm(Module):
    """Group normalization with one channel per group."""

    gamma: Param[Any] | None
    beta: Param[Any] | None
    num_channels: int
    epsilon: float = 1e-5
    affine: bool = True

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, num_channels, length, ...]`` (rank >= 3: a rank-2 input would leave one
        value per instance, and torch reads it as an unbatched ``[channels, length]``)."""
        return group_norm("InstanceNorm", x, self.num_channels, self.num_channels, self.gamma,
                          self.beta, self.epsilon, 3)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"num_channels": self.num_channels, "epsilon": self.epsilon,
                "affine": self.affine}
