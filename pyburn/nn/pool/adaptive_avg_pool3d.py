"""`AdaptiveAvgPool3d` (Burn's ``burn::nn::pool::AdaptiveAvgPool3d``): average pooling of a
volume to a fixed ``output_size`` whatever the input size, as ``torch.nn.AdaptiveAvgPool3d``
(window i spans ``[floor(i * in / out), ceil((i + 1) * in / out))`` on each axis)."""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, RankError, Tensor
from pyburn.tensor.module_ops.adaptive_pool3d import adaptive_avg_pool3d

from .._types import B

__all__ = ["AdaptiveAvgPool3dConfig", "AdaptiveAvgPool3d"]


class AdaptiveAvgPool3dConfig(Config):
    """`output_size`: ``[depth, height, width]`` of the output."""

    output_size: list[int]

    def init(self, device: Device | str | None = None,
             backend: Any = None) -> "AdaptiveAvgPool3d":
        """Build the layer (no parameters: `device`/`backend` are accepted and unused)."""
        if len(self.output_size) != 3 or min(self.output_size) < 1:
            raise ValueError(f"AdaptiveAvgPool3dConfig.init: output_size must be three sizes "
                             f">= 1, got {list(self.output_size)}")
        return AdaptiveAvgPool3d(list(self.output_size))


class AdaptiveAvgPool3d(Module):
    """Averages ``[batch, channels, depth, height, width]`` down (or up) to ``output_size``."""

    output_size: list[int]

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels, depth, height, width]`` -> ``[batch, channels, *output_size]``."""
        dims = list(x.dims())
        if len(dims) != 5:
            raise RankError(f"AdaptiveAvgPool3d.forward: expected an input of rank 5 shaped "
                            f"[batch, channels, depth, height, width], got shape {dims} "
                            f"(rank {len(dims)})")
        out: Tensor[B] = adaptive_avg_pool3d(x, self.output_size)
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"output_size": list(self.output_size)}
