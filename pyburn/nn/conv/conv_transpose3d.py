"""`ConvTranspose3d` (Burn's ``burn::nn::conv::ConvTranspose3d``): the adjoint of a 3-D
convolution (the gradient of `Conv3d` w.r.t. its input), as ``torch.nn.ConvTranspose3d``.
The weight is ``[channels_in, channels_out / groups, k1, k2, k3]`` (torch's layout as well)."""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.tensor import Device, Tensor

from .._types import B
from ..initializer import Initializer
from ._common import conv_params, conv_transpose_forward

__all__ = ["ConvTranspose3dConfig", "ConvTranspose3d"]


class ConvTranspose3dConfig(Config):
    """Burn's defaults: stride and dilation 1, one group, padding and ``padding_out`` 0, a bias,
    Kaiming-uniform with gain ``1/sqrt(3)`` over ``fan_in = channels_out / groups * k1 * k2 *
    k3`` (torch's default for transposed convolutions too)."""

    channels: list[int]
    kernel_size: list[int]
    stride: list[int] = [1, 1, 1]
    dilation: list[int] = [1, 1, 1]
    groups: int = 1
    padding: list[int] = [0, 0, 0]
    padding_out: list[int] = [0, 0, 0]
    bias: bool = True
    initializer: Initializer = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0),
                                                           fan_out_only=False)

    def init(self, device: Device | str | None = None, backend: Any = None) -> "ConvTranspose3d":
        """Weight ``[channels_in, channels_out / groups, k1, k2, k3]``, bias
        ``[channels_out]``."""
        weight, bias = conv_params("ConvTranspose3dConfig.init", self, self.channels,
                                   self.kernel_size, self.stride, self.dilation, device, backend,
                                   transposed=True)
        return ConvTranspose3d(weight, bias, list(self.stride), list(self.kernel_size),
                               list(self.dilation), self.groups, list(self.padding),
                               list(self.padding_out), list(self.channels))


class ConvTranspose3d(Module):
    """Applies a 3-D transposed convolution: output size per dim is
    ``(size - 1) * stride - 2 * padding + dilation * (kernel - 1) + padding_out + 1``."""

    weight: Param[Any]
    bias: Param[Any] | None
    stride: list[int]
    kernel_size: list[int]
    dilation: list[int]
    groups: int
    padding: list[int]
    padding_out: list[int]
    channels: list[int]

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels_in, depth, height, width]`` ->
        ``[batch, channels_out, d_out, h_out, w_out]``."""
        out: Tensor[B] = conv_transpose_forward("ConvTranspose3d", self, x, 3, self.stride,
                                                self.padding, self.padding_out, self.dilation)
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"channels": list(self.channels), "stride": list(self.stride),
                "kernel_size": list(self.kernel_size), "dilation": list(self.dilation),
                "groups": self.groups, "padding": list(self.padding),
                "padding_out": list(self.padding_out)}
