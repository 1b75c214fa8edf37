"""`Conv2d` (Burn's ``burn::nn::conv::Conv2d``): a 2-D convolution over ``[batch, channels,
height, width]`` inputs, as ``torch.nn.Conv2d`` (same weight layout, so weights copy as is)."""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.tensor import Device, Tensor

from .._types import B
from ..initializer import Initializer
from ._common import conv_display, conv_forward, conv_params
from .padding import PaddingConfig2d

__all__ = ["Conv2dConfig", "Conv2d"]


class Conv2dConfig(Config):
    """Burn's defaults: stride and dilation 1, one group, ``Valid`` padding, a bias, and
    Kaiming-uniform with gain ``1/sqrt(3)``: ``U(-1/sqrt(fan_in), 1/sqrt(fan_in))`` with
    ``fan_in = channels_in / groups * k1 * k2``, as torch's default."""

    channels: list[int]
    kernel_size: list[int]
    stride: list[int] = [1, 1]
    dilation: list[int] = [1, 1]
    groups: int = 1
    padding: PaddingConfig2d = PaddingConfig2d.Valid()
    bias: bool = True
    initializer: Initializer = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0),
                                                           fan_out_only=False)

    def init(self, device: Device | str | None = None, backend: Any = None) -> "Conv2d":
        """Weight ``[channels_out, channels_in / groups, k1, k2]`` and bias ``[channels_out]``."""
        weight, bias = conv_params("Conv2dConfig.init", self, self.channels, self.kernel_size,
                                   self.stride, self.dilation, device, backend)
        return Conv2d(weight, bias, list(self.stride), list(self.kernel_size),
                      list(self.dilation), self.groups, self.padding)


class Conv2d(Module):
    """Applies a 2-D convolution; ``Same`` padding keeps ``ceil(size / stride)``."""

    weight: Param[Any]
    bias: Param[Any] | None
    stride: list[int]
    kernel_size: list[int]
    dilation: list[int]
    groups: int
    padding: PaddingConfig2d

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels_in, height, width]`` -> ``[batch, channels_out, h_out, w_out]``."""
        out: Tensor[B] = conv_forward("Conv2d", self, x, 2, self.kernel_size, self.stride,
                                      self.dilation)
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return conv_display(self, list(self.stride), list(self.kernel_size),
                            list(self.dilation))
