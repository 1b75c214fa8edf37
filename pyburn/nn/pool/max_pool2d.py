"""`MaxPool2d` (Burn's ``burn::nn::pool::MaxPool2d``): max pooling of ``[batch, channels,
height, width]``, as ``torch.nn.MaxPool2d`` for Valid/Explicit padding. The gradient goes to
each window's first maximum only (the backend op keeps its index)."""

from __future__ import annotations

from typing import Any, Optional

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Tensor
from pyburn.tensor.module_ops.pool import max_pool2d

from .._types import B
from ..conv.padding import PaddingConfig2d
from ._common import check_input, padding_text, split_padding
from .wide_padding import max_pool_wide, is_wide

__all__ = ["MaxPool2dConfig", "MaxPool2d"]


class MaxPool2dConfig(Config):
    """Burn's defaults: `strides` = `kernel_size`, ``Valid`` padding, dilation 1, floor output
    sizes (`ceil_mode` False)."""

    kernel_size: list[int]
    strides: Optional[list[int]] = None
    padding: PaddingConfig2d = PaddingConfig2d.Valid()
    dilation: list[int] = [1, 1]
    ceil_mode: bool = False

    def __post_init__(self) -> None:
        if self.strides is None:
            object.__setattr__(self, "strides", list(self.kernel_size))

    def init(self, device: Device | str | None = None, backend: Any = None) -> "MaxPool2d":
        """Build the layer (no parameters: `device`/`backend` are accepted and unused)."""
        return MaxPool2d(list(self.strides or self.kernel_size), list(self.kernel_size),
                         self.padding, list(self.dilation), self.ceil_mode)


class MaxPool2d(Module):
    """Keeps each window's maximum; padding never wins (it is minus infinity)."""

    stride: list[int]
    kernel_size: list[int]
    padding: PaddingConfig2d
    dilation: list[int]
    ceil_mode: bool

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels, height, width]`` -> ``[batch, channels, h_out, w_out]``."""
        dims = check_input("MaxPool2d", x, 2)
        pairs = self.padding.pairs(dims[2:], self.kernel_size, self.stride)
        if is_wide(pairs, self.kernel_size):
            wide: Tensor[B] = max_pool_wide(x, self.kernel_size, self.stride,
                                            [a for a, _ in pairs], self.dilation, self.ceil_mode)
            return wide
        x, padding = split_padding(x, pairs, float("-inf"))
        out: Tensor[B] = max_pool2d(x, self.kernel_size, self.stride, padding, self.dilation,
                                    self.ceil_mode)
        return out

    def display_fields(self) -> dict[str, Any]:
        return {"kernel_size": list(self.kernel_size), "stride": list(self.stride),
                "padding": padding_text(self.padding), "dilation": list(self.dilation),
                "ceil_mode": self.ceil_mode}
