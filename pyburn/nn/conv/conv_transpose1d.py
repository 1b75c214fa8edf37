"""`ConvTranspose1d` (Burn's ``burn::nn::conv::ConvTranspose1d``): the adjoint of a 1-D
convolution, as ``torch.nn.ConvTranspose1d``; weight ``[channels_in, channels_out / groups,
kernel_size]``."""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.tensor import Device, Tensor

from .._types import B
from ..initializer import Initializer
from ._common import conv_params, conv_transpose_forward

__all__ = ["ConvTranspose1dConfig", "ConvTranspose1d"]


class ConvTranspose1dConfig(Config):
    """Burn's fields (``channels`` a pair, other sizes plain ints) and defaults, as
    `ConvTranspose2dConfig`."""

    channels: list[int]
    kernel_size: int
    stride: int = 1
    dilation: int = 1
    groups: int = 1
    padding: int = 0
    padding_out: int = 0
    bias: bool = True
    initializer: Initializer = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0),
                                                           fan_out_only=False)

    def init(self, device: Device | str | None = None, backend: Any = None) -> "ConvTranspose1d":
        """Weight ``[channels_in, channels_out / groups, kernel_size]``, bias ``[channels_out]``."""
        weight, bias = conv_params("ConvTranspose1dConfig.init", self, self.channels,
                                   [self.kernel_size], [self.stride], [self.dilation], device,
                                   backend, transposed=True)
        return ConvTranspose1d(weight, bias, self.stride, self.kernel_size, self.dilation,
                               self.groups, self.padding, self.padding_out, list(self.channels))


class ConvTranspose1d(Module):
    """Applies a 1-D transposed convolution: output length
    ``(length - 1) * stride - 2 * padding + dilation * (kernel - 1) + padding_out + 1``."""

    weight: Param[Any]
    bias: Param[Any] | None
    stride: int
    kernel_size: int
    dilation: int
    groups: int
    padding: int
    padding_out: int
    channels: list[int]

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels_in, length]`` -> ``[batch, channels_out, length_out]``."""
        out: Tensor[B] = conv_transpose_forward("ConvTranspose1d", self, x, 1, [self.stride],
                                                [self.padding], [self.padding_out],
                                                [self.dilation])
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"channels": list(self.channels), "stride": self.stride,
                "kernel_size": self.kernel_size, "dilation": self.dilation,
                "groups": self.groups, "padding": self.padding, "padding_out": self.padding_out}
