"""`AdaptiveAvgPool2d` (Burn's ``burn::nn::pool::AdaptiveAvgPool2d``): average pooling to a fixed
``output_size`` whatever the input size, as ``torch.nn.AdaptiveAvgPool2d`` (window i spans
``[floor(i * in / out), ceil((i + 1) * in / out))``)."""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Tensor
from pyburn.tensor.module_ops.pool import adaptive_avg_pool2d

from .._types import B
from ._common import check_input

__all__ = ["AdaptiveAvgPool2dConfig", "AdaptiveAvgPool2d"]


class AdaptiveAvgPool2dConfig(Config):
    """`output_size`: ``[height, width]`` of the output."""

    output_size: list[int]

    def init(self, device: Device | str | None = None,
             backend: Any = None) -> "AdaptiveAvgPool2d":
        """Build the layer (no parameters: `device`/`backend` are accepted and unused)."""
        if len(self.output_size) != 2 or min(self.output_size) < 1:
            raise ValueError(f"AdaptiveAvgPool2dConfig.init: output_size must be two sizes "
                             f">= 1, got {list(self.output_size)}")
        return AdaptiveAvgPool2d(list(self.output_size))


class AdaptiveAvgPool2d(Module):
    """Averages ``[batch, channels, height, width]`` down (or up) to ``output_size``."""

    output_size: list[int]

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels, height, width]`` -> ``[batch, channels, *output_size]``."""
        check_input("AdaptiveAvgPool2d", x, 2)
        out: Tensor[B] = adaptive_avg_pool2d(x, self.output_size)
        return out

    def display_fields(self) -> dict[str, Any]:
        return {"output_size": list(self.output_size)}
