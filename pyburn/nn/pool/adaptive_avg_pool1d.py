"""`AdaptiveAvgPool1d` (Burn's ``burn::nn::pool::AdaptiveAvgPool1d``): average pooling of
``[batch, channels, length]`` to a fixed ``output_size``, as ``torch.nn.AdaptiveAvgPool1d``."""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Tensor
from pyburn.tensor.module_ops.pool import adaptive_avg_pool1d

from .._types import B
from ._common import check_input

__all__ = ["AdaptiveAvgPool1dConfig", "AdaptiveAvgPool1d"]


class AdaptiveAvgPool1dConfig(Config):
    """`output_size`: the output length."""

    output_size: int

    def init(self, device: Device | str | None = None,
             backend: Any = None) -> "AdaptiveAvgPool1d":
        """Build the layer (no parameters: `device`/`backend` are accepted and unused)."""
        if self.output_size < 1:
            raise ValueError(f"AdaptiveAvgPool1dConfig.init: output_size must be >= 1, got "
                             f"{self.output_size}")
        return AdaptiveAvgPool1d(self.output_size)


class AdaptiveAvgPool1d(Module):
    """Averages ``[batch, channels, length]`` down (or up) to ``output_size``."""

    output_size: int

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels, length]`` -> ``[batch, channels, output_size]``."""
        check_input("AdaptiveAvgPool1d", x, 1)
        out: Tensor[B] = adaptive_avg_pool1d(x, self.output_size)
        return out

    def display_fields(self) -> dict[str, Any]:
        return {"output_size": self.output_size}
