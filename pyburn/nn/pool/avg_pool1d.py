"""`AvgPool1d` (Burn's ``burn::nn::pool::AvgPool1d``): average pooling of ``[batch, channels,
length]``, as ``torch.nn.AvgPool1d`` for Valid/Explicit padding."""

from __future__ import annotations

from typing import Any, Optional

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Tensor
from pyburn.tensor.module_ops.pool import avg_pool1d

from .._types import B
from ..conv.padding import PaddingConfig1d
from ._common import check_input, padding_text, split_padding
from .wide_padding import avg_pool_wide, is_wide

__all__ = ["AvgPool1dConfig", "AvgPool1d"]


class AvgPool1dConfig(Config):
    """Burn's defaults: `stride` = `kernel_size`, ``Valid`` padding, `count_include_pad` True,
    `ceil_mode` False."""

    kernel_size: int
    stride: Optional[int] = None
    padding: PaddingConfig1d = PaddingConfig1d.Valid()
    count_include_pad: bool = True
    ceil_mode: bool = False

    def __post_init__(self) -> None:
        if self.stride is None:
            object.__setattr__(self, "stride", self.kernel_size)

    def init(self, device: Device | str | None = None, backend: Any = None) -> "AvgPool1d":
        """Build the layer (no parameters: `device`/`backend` are accepted and unused)."""
        return AvgPool1d(int(self.stride or self.kernel_size), self.kernel_size, self.padding,
                         self.count_include_pad, self.ceil_mode)


class AvgPool1d(Module):
    """Averages each window of the length axis."""

    stride: int
    kernel_size: int
    padding: PaddingConfig1d
    count_include_pad: bool
    ceil_mode: bool

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels, length]`` -> ``[batch, channels, length_out]``."""
        dims = check_input("AvgPool1d", x, 1)
        pairs = self.padding.pairs(dims[2:], [self.kernel_size], [self.stride])
        if is_wide(pairs, [self.kernel_size]):
            wide: Tensor[B] = avg_pool_wide(x, [self.kernel_size], [self.stride], [pairs[0][0]],
                                            self.count_include_pad, self.ceil_mode)
            return wide
        x, padding = split_padding(x, pairs, 0.0)
        out: Tensor[B] = avg_pool1d(x, self.kernel_size, self.stride, padding[0],
                                    self.count_include_pad, self.ceil_mode)
        return out

    def display_fields(self) -> dict[str, Any]:
        return {"kernel_size": self.kernel_size, "stride": self.stride,
                "padding": padding_text(self.padding),
                "count_include_pad": self.count_include_pad, "ceil_mode": self.ceil_mode}
