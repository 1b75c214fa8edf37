"""`Conv1d` (Burn's ``burn::nn::conv::Conv1d``): a 1-D convolution over ``[batch, channels,
length]`` inputs, as ``torch.nn.Conv1d`` (same weight layout)."""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.tensor import Device, Tensor

from .._types import B
from ..initializer import Initializer
from ._common import conv_display, conv_forward, conv_params
from .padding import PaddingConfig1d

__all__ = ["Conv1dConfig", "Conv1d"]


class Conv1dConfig(Config):
    """Burn's fields (sizes as plain ints) and defaults: stride and dilation 1, one group,
    ``Valid`` padding, a bias, Kaiming-uniform with gain ``1/sqrt(3)`` (torch's default
    ``U(-1/sqrt(fan_in), 1/sqrt(fan_in))``, ``fan_in = channels_in / groups * kernel_size``)."""

    channels_in: int
    channels_out: int
    kernel_size: int
    stride: int = 1
    dilation: int = 1
    groups: int = 1
    padding: PaddingConfig1d = PaddingConfig1d.Valid()
    bias: bool = True
    initializer: Initializer = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0),
                                                           fan_out_only=False)

    def init(self, device: Device | str | None = None, backend: Any = None) -> "Conv1d":
        """Weight ``[channels_out, channels_in / groups, kernel_size]``, bias ``[channels_out]``."""
        weight, bias = conv_params("Conv1dConfig.init", self,
                                   [self.channels_in, self.channels_out], [self.kernel_size],
                                   [self.stride], [self.dilation], device, backend)
        return Conv1d(weight, bias, self.stride, self.kernel_size, self.dilation, self.groups,
                      self.padding)


class Conv1d(Module):
    """Applies a 1-D convolution; ``Same`` padding keeps ``ceil(length / stride)``."""

    weight: Param[Any]
    bias: Param[Any] | None
    stride: int
    kernel_size: int
    dilation: int
    groups: int
    padding: PaddingConfig1d

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels_in, length]`` -> ``[batch, channels_out, length_out]``."""
        out: Tensor[B] = conv_forward("Conv1d", self, x, 1, [self.kernel_size], [self.stride],
                                      [self.dilation])
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return conv_display(self, self.stride, self.kernel_size, self.dilation)
