"""`AvgPool2d` (Burn's ``burn::nn::pool::AvgPool2d``): average pooling of ``[batch, channels,
height, width]``, as ``torch.nn.AvgPool2d`` for Valid/Explicit padding."""

from __future__ import annotations

from typing import Any, Optional

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Tensor
from pyburn.tensor.module_ops.pool import avg_pool2d

from .._types import B
from ..conv.padding import PaddingConfig2d
from ._common import check_input, padding_text, split_padding
from .wide_padding import avg_pool_wide, is_wide

__all__ = ["AvgPool2dConfig", "AvgPool2d"]


class AvgPool2dConfig(Config):
    """Burn's defaults: `strides` = `kernel_size`, ``Valid`` padding, padded zeros counted in the
    average (`count_include_pad`), floor output sizes (`ceil_mode` False)."""

    kernel_size: list[int]
    strides: Optional[list[int]] = None
    padding: PaddingConfig2d = PaddingConfig2d.Valid()
    count_include_pad: bool = True
    ceil_mode: bool = False

    def __post_init__(self) -> None:
        if self.strides is None:
            object.__setattr__(self, "strides", list(self.kernel_size))

    def init(self, device: Device | str | None = None, backend: Any = None) -> "AvgPool2d":
        """Build the layer (no parameters: `device`/`backend` are accepted and unused)."""
        return AvgPool2d(list(self.strides or self.kernel_size), list(self.kernel_size),
                         self.padding, self.count_include_pad, self.ceil_mode)


class AvgPool2d(Module):
    """Averages each window; padding given as ``Same`` keeps ``ceil(size / stride)``."""

    stride: list[int]
    kernel_size: list[int]
    padding: PaddingConfig2d
    count_include_pad: bool
    ceil_mode: bool

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels, height, width]`` -> ``[batch, channels, h_out, w_out]``."""
        dims = check_input("AvgPool2d", x, 2)
        pairs = self.padding.pairs(dims[2:], self.kernel_size, self.stride)
        if is_wide(pairs, self.kernel_size):
            wide: Tensor[B] = avg_pool_wide(x, self.kernel_size, self.stride,
                                            [a for a, _ in pairs], self.count_include_pad,
                                            self.ceil_mode)
            return wide
        x, padding = split_padding(x, pairs, 0.0)
        out: Tensor[B] = avg_pool2d(x, self.kernel_size, self.stride, padding,
                                    self.count_include_pad, self.ceil_mode)
        return out

    def display_fields(self) -> dict[str, Any]:
        return {"kernel_size": list(self.kernel_size), "stride": list(self.stride),
                "padding": padding_text(self.padding),
                "count_include_pad": self.count_include_pad, "ceil_mode": self.ceil_mode}
