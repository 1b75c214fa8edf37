"""`Conv3d` (Burn's ``burn::nn::conv::Conv3d``): a 3-D convolution over ``[batch, channels,
depth, height, width]`` inputs, as ``torch.nn.Conv3d`` (same weight layout, so weights copy
as is)."""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.tensor import Device, Tensor

from .._types import B
from ..initializer import Initializer
from ._common import conv_display, conv_forward, conv_params
from .padding import PaddingConfig3d, check_same_padding_support

__all__ = ["Conv3dConfig", "Conv3d"]


class Conv3dConfig(Config):
    """Burn's defaults: stride and dilation 1, one group, ``Valid`` padding, a bias, and
    Kaiming-uniform with gain ``1/sqrt(3)``: ``U(-1/sqrt(fan_in), 1/sqrt(fan_in))`` with
    ``fan_in = channels_in / groups * k1 * k2 * k3``, as torch's default."""

    channels: list[int]
    kernel_size: list[int]
    stride: list[int] = [1, 1, 1]
    dilation: list[int] = [1, 1, 1]
    groups: int = 1
    padding: PaddingConfig3d = PaddingConfig3d.Valid()
    bias: bool = True
    initializer: Initializer = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0),
                                                           fan_out_only=False)

    def init(self, device: Device | str | None = None, backend: Any = None) -> "Conv3d":
        """Weight ``[channels_out, channels_in / groups, k1, k2, k3]``, bias ``[channels_out]``.
        ``Same`` padding with an even kernel is refused here, as Burn does."""
        if isinstance(self.padding, PaddingConfig3d.Same):
            check_same_padding_support("Conv3dConfig.init", self.kernel_size)
        weight, bias = conv_params("Conv3dConfig.init", self, self.channels, self.kernel_size,
                                   self.stride, self.dilation, device, backend)
        return Conv3d(weight, bias, list(self.stride), list(self.kernel_size),
                      list(self.dilation), self.groups, self.padding)


class Conv3d(Module):
    """Applies a 3-D convolution; ``Same`` padding keeps ``ceil(size / stride)`` (odd kernels
    only, as Burn: its 3-D padding is symmetric)."""

    weight: Param[Any]
    bias: Param[Any] | None
    stride: list[int]
    kernel_size: list[int]
    dilation: list[int]
    groups: int
    padding: PaddingConfig3d

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels_in, depth, height, width]`` ->
        ``[batch, channels_out, d_out, h_out, w_out]``."""
        out: Tensor[B] = conv_forward("Conv3d", self, x, 3, self.kernel_size, self.stride,
                                      self.dilation)
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return conv_display(self, list(self.stride), list(self.kernel_size),
                            list(self.dilation))
