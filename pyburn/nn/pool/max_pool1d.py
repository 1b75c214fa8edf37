"""`MaxPool1d` (Burn's ``burn::nn::pool::MaxPool1d``): max pooling of ``[batch, channels,
length]``, as ``torch.nn.MaxPool1d`` for Valid/Explicit padding."""

from __future__ import annotations

from typing import Any, Optional

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Tensor
from pyburn.tensor.module_ops.pool import max_pool1d

from .._types import B
from ..conv.padding import PaddingConfig1d
from ._common import check_input, padding_text, split_padding
from .wide_padding import max_pool_wide, is_wide

__all__ = ["MaxPool1dConfig", "MaxPool1d"]


class MaxPool1dConfig(Config):
    """Burn's defaults: `stride` = `kernel_size`, ``Valid`` padding, dilation 1, `ceil_mode`
    False."""

    kernel_size: int
    stride: Optional[int] = None
    padding: PaddingConfig1d = PaddingConfig1d.Valid()
    dilation: int = 1
    ceil_mode: bool = False

    def __post_init__(self) -> None:
        if self.stride is None:
            object.__setattr__(self, "stride", self.kernel_size)

    def init(self, device: Device | str | None = None, backend: Any = None) -> "MaxPool1d":
        """Build the layer (no parameters: `device`/`backend` are accepted and unused)."""
        return MaxPool1d(int(self.stride or self.kernel_size), self.kernel_size, self.padding,
                         self.dilation, self.ceil_mode)


class MaxPool1d(Module):
    """Keeps each window's maximum along the length axis."""

    stride: int
    kernel_size: int
    padding: PaddingConfig1d
    dilation: int
    ceil_mode: bool

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels, length]`` -> ``[batch, channels, length_out]``."""
        dims = check_input("MaxPool1d", x, 1)
        pairs = self.padding.pairs(dims[2:], [self.kernel_size], [self.stride])
        if is_wide(pairs, [self.kernel_size]):
            wide: Tensor[B] = max_pool_wide(x, [self.kernel_size], [self.stride], [pairs[0][0]],
                                            [self.dilation], self.ceil_mode)
            return wide
        x, padding = split_padding(x, pairs, float("-inf"))
        out: Tensor[B] = max_pool1d(x, self.kernel_size, self.stride, padding[0], self.dilation,
                                    self.ceil_mode)
        return out

    def display_fields(self) -> dict[str, Any]:
        return {"kernel_size": self.kernel_size, "stride": self.stride,
                "padding": padding_text(self.padding), "dilation": self.dilation,
                "ceil_mode": self.ceil_mode}
