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
from ._common import check_config, check_input, conv, init_params, padding_text
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
        op = "Conv1dConfig.init"
        check_config(op, [self.channels_in, self.channels_out], [self.kernel_size],
                     [self.stride], [self.dilation], self.groups)
        g = self.groups
        fan_in = self.channels_in // g * self.kernel_size
        fan_out = self.channels_out // g * self.kernel_size
        weight, bias = init_params(op, self.initializer,
                                   [self.channels_out, self.channels_in // g, self.kernel_size],
                                   self.bias, self.channels_out, fan_in, fan_out, None, device,
                                   backend)
        return Conv1d(weight, bias, self.stride, self.kernel_size, self.dilation, g,
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
        dims = check_input("Conv1d", x, 1, int(self.weight.shape[1]) * self.groups)
        pairs = self.padding.pairs(dims[2:], [self.kernel_size], [self.stride])
        out: Tensor[B] = conv(x, self.weight, self.bias, 1, pairs, [self.stride],
                              [self.dilation], self.groups)
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"ch_in": int(self.weight.shape[1]) * self.groups,
                "ch_out": int(self.weight.shape[0]), "stride": self.stride,
                "kernel_size": self.kernel_size, "dilation": self.dilation,
                "groups": self.groups, "padding": padding_text(self.padding)}
