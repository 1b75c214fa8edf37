"""`GroupNorm` (Burn's ``burn::nn::GroupNorm``): normalize each group of channels of every
sample over its channels and positions — as ``torch.nn.GroupNorm``. `InstanceNorm` is the
case of one channel per group."""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.tensor import Device, Tensor

from .._types import B
from ..initializer import Initializer, resolve_device
from ._checks import channel_shape, check_channels, check_epsilon, check_positive

__all__ = ["GroupNormConfig", "GroupNorm", "group_norm"]


class GroupNormConfig(Config):
    """Burn's defaults: ``epsilon`` 1e-5, ``affine`` true (learned per-channel scale/shift)."""

    num_groups: int
    num_channels: int
    epsilon: float = 1e-5
    affine: bool = True

    def init(self, device: Device | str | None = None, backend: Any = None) -> "GroupNorm":
        op = "GroupNormConfig.init"
        check_positive(op, "num_groups", self.num_groups)
        check_positive(op, "num_channels", self.num_channels)
        check_epsilon(op, self.epsilon)
        if self.num_channels % self.num_groups:
            raise ValueError(f"{op}: num_channels ({self.num_channels}) must be divisible by "
                             f"num_groups ({self.num_groups})")
        gamma, beta = affine_params(self.affine, self.num_channels, device, backend, op)
        return GroupNorm(gamma, beta, self.num_groups, self.num_channels, float(self.epsilon),
                         bool(self.affine))


def affine_params(affine: bool, channels: int, device: Any, backend: Any,
                  op: str) -> tuple[Param[Any] | None, Param[Any] | None]:
    """``gamma`` ones and ``beta`` zeros, or none of them without `affine`."""
    if not affine:
        return None, None
    backend, dev = resolve_device(device, backend, op)
    return (Initializer.Ones().init_param([channels], dev, backend),
            Initializer.Zeros().init_param([channels], dev, backend))


def group_norm(layer: str, x: Any, num_groups: int, num_channels: int, gamma: Any, beta: Any,
               epsilon: float, min_rank: int) -> Any:
    """Normalize ``[batch, channels, ...]`` over each group's channels and positions (biased
    variance, as torch), then scale and shift per channel."""
    dims = check_channels(layer, x, num_channels, min_rank)
    per_group = x.shape.num_elements() // (dims[0] * num_groups) if dims[0] else 0
    grouped = x.reshape([dims[0], num_groups, per_group])
    var, mean = grouped.var_mean_bias(2)
    out = ((grouped - mean) / (var + epsilon).sqrt()).reshape(dims)
    if gamma is not None:
        shape = channel_shape(len(dims), num_channels)
        out = out * gamma.val().reshape(shape) + beta.val().reshape(shape)
    return out


class GroupNorm(Module):
    """``[batch, num_channels, ...]`` with the channels split into ``num_groups`` groups."""

    gamma: Param[Any] | None
    beta: Param[Any] | None
    num_groups: int
    num_channels: int
    epsilon: float = 1e-5
    affine: bool = True

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, num_channels, ...]`` (rank >= 2) -> the same shape."""
        return group_norm("GroupNorm", x, self.num_groups, self.num_channels, self.gamma,
                          self.beta, self.epsilon, 2)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"num_groups": self.num_groups, "num_channels": self.num_channels,
                "epsilon": self.epsilon, "affine": self.affine}
