"""`PixelShuffle` / `PixelUnshuffle` (Burn's ``burn::nn::PixelShuffle``): sub-pixel convolution's
rearrangement, as ``torch.nn.PixelShuffle`` / ``torch.nn.PixelUnshuffle``.

Shuffle moves channel blocks into space, ``[b, c * r * r, h, w] -> [b, c, h * r, w * r]``;
unshuffle is its inverse. Both are a reshape, a permute and a reshape: exact and differentiable.
"""

from __future__ import annotations

from typing import Any

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import RankError, ShapeError, Tensor

from ._types import B

__all__ = ["PixelShuffleConfig", "PixelShuffle", "PixelUnshuffleConfig", "PixelUnshuffle"]


def _check_factor(op: str, name: str, factor: int) -> None:
    if isinstance(factor, bool) or not isinstance(factor, int) or factor < 1:
        raise ValueError(f"{op}: {name} must be an int greater than 0, got {factor!r}")


def _dims(layer: str, x: Any) -> list[int]:
    dims = list(x.dims())
    if len(dims) != 4:
        raise RankError(f"{layer}.forward: expected an input of rank 4 shaped [batch, channels, "
                        f"height, width], got shape {dims} (rank {len(dims)})")
    return dims


class PixelShuffleConfig(Config):
    """`upscale_factor`: ``r``, the factor height and width grow by (channels shrink by r²)."""

    upscale_factor: int

    def init(self, device: Any = None, backend: Any = None) -> "PixelShuffle":
        """The layer (no parameters: `device`/`backend` are accepted and unused)."""
        _check_factor("PixelShuffleConfig.init", "upscale_factor", self.upscale_factor)
        return PixelShuffle(int(self.upscale_factor))


class PixelShuffle(Module):
    """``[batch, channels * r * r, height, width] -> [batch, channels, height * r, width * r]``:
    output pixel ``(h * r + i, w * r + j)`` of channel ``c`` is input channel
    ``c * r * r + i * r + j`` at ``(h, w)``."""

    upscale_factor: int

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        n, channels, h, w = _dims("PixelShuffle", x)
        r = self.upscale_factor
        _check_factor("PixelShuffle.forward", "upscale_factor", r)
        if channels % (r * r):
            raise ShapeError(f"PixelShuffle.forward: input channels ({channels}) must be "
                             f"divisible by upscale_factor^2 ({r * r}), got shape "
                             f"{[n, channels, h, w]}")
        c = channels // (r * r)
        out: Tensor[B] = (x.reshape([n, c, r, r, h, w]).permute([0, 1, 4, 2, 5, 3])
                          .reshape([n, c, h * r, w * r]))
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"upscale_factor": self.upscale_factor}


class PixelUnshuffleConfig(Config):
    """`downscale_factor`: ``r``, the factor height and width shrink by (channels grow by r²)."""

    downscale_factor: int

    def init(self, device: Any = None, backend: Any = None) -> "PixelUnshuffle":
        """The layer (no parameters: `device`/`backend` are accepted and unused)."""
        _check_factor("PixelUnshuffleConfig.init", "downscale_factor", self.downscale_factor)
        return PixelUnshuffle(int(self.downscale_factor))


class PixelUnshuffle(Module):
    """``[batch, channels, height * r, width * r] -> [batch, channels * r * r, height, width]``,
    the inverse of `PixelShuffle`."""

    downscale_factor: int

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        n, c, height, width = _dims("PixelUnshuffle", x)
        r = self.downscale_factor
        _check_factor("PixelUnshuffle.forward", "downscale_factor", r)
        for name, size in (("height", height), ("width", width)):
            if size % r:
                raise ShapeError(f"PixelUnshuffle.forward: input {name} ({size}) must be "
                                 f"divisible by downscale_factor ({r}), got shape "
                                 f"{[n, c, height, width]}")
        h, w = height // r, width // r
        out: Tensor[B] = (x.reshape([n, c, h, r, w, r]).permute([0, 1, 3, 5, 2, 4])
                          .reshape([n, c * r * r, h, w]))
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"downscale_factor": self.downscale_factor}
