"""`Interpolate1d` / `Interpolate2d` (Burn's ``burn::nn::interpolate``): resize a signal or an
image to an ``output_size`` or by a ``scale_factor``, as ``torch.nn.functional.interpolate``
with ``size=`` (Burn turns a scale factor into an output size first: ``floor(size * factor)``).

`InterpolateMode` is Burn's nn enum: ``Nearest`` (torch ``nearest``), ``NearestExact``
(``nearest-exact``), ``Linear`` (``bilinear``/``linear``), ``Cubic`` (``bicubic``).
``align_corners`` defaults to True, as in Burn (torch defaults to False); nearest modes ignore
it. Burn's ``Lanczos`` mode has no torch counterpart and is not provided.
"""

from __future__ import annotations

from typing import Any, Optional

from pyburn.config import Config, EnumConfig
from pyburn.module import Module
from pyburn.tensor import Device, Tensor
from pyburn.tensor.errors import RankError
from pyburn.tensor.module_ops.interpolate import interpolate

from ._types import B

__all__ = ["InterpolateMode", "Interpolate1dConfig", "Interpolate1d", "Interpolate2dConfig",
           "Interpolate2d"]


class InterpolateMode(EnumConfig):
    """How output samples are computed from the input's."""

    class Nearest(EnumConfig.Variant):
        pass

    class NearestExact(EnumConfig.Variant):
        pass

    class Linear(EnumConfig.Variant):
        pass

    class Cubic(EnumConfig.Variant):
        pass

    def op_mode(self) -> str:
        """The op-level mode (Burn's ``ops::InterpolateMode``)."""
        return {"Nearest": "nearest", "NearestExact": "nearest_exact", "Linear": "bilinear",
                "Cubic": "bicubic"}[type(self).__name__]


def _scaled(op: str, size: int, factor: float) -> int:
    out = int(size * float(factor))
    if out < 1:
        raise ValueError(f"{op}: scale factor {factor} turns size {size} into {out}")
    return out


def _check_choice(op: str, output_size: Any, scale_factor: Any) -> None:
    if (output_size is None) == (scale_factor is None):
        raise ValueError(f"{op}: give exactly one of output_size and scale_factor, got "
                         f"output_size={output_size!r}, scale_factor={scale_factor!r}")


class Interpolate2dConfig(Config):
    """Burn's defaults: no size (give `output_size` or `scale_factor`), ``Nearest``,
    `align_corners` True."""

    output_size: Optional[list[int]] = None
    scale_factor: Optional[list[float]] = None
    mode: InterpolateMode = InterpolateMode.Nearest()
    align_corners: bool = True

    def init(self, device: Device | str | None = None, backend: Any = None) -> "Interpolate2d":
        """Build the layer (no parameters: `device`/`backend` are accepted and unused)."""
        _check_choice("Interpolate2dConfig.init", self.output_size, self.scale_factor)
        for name, value in (("output_size", self.output_size),
                            ("scale_factor", self.scale_factor)):
            if value is not None and (len(value) != 2 or min(value) <= 0):
                raise ValueError(f"Interpolate2dConfig.init: {name} must be two positive "
                                 f"values, got {list(value)}")
        return Interpolate2d(None if self.output_size is None else list(self.output_size),
                             None if self.scale_factor is None else list(self.scale_factor),
                             self.mode, self.align_corners)


class Interpolate2d(Module):
    """Resizes ``[batch, channels, height, width]``."""

    output_size: Optional[list[int]]
    scale_factor: Optional[list[float]]
    mode: InterpolateMode
    align_corners: bool

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels, height, width]`` -> ``[batch, channels, *output_size]``."""
        dims = list(x.dims())
        if len(dims) != 4:
            raise RankError(f"Interpolate2d.forward: expected an input of rank 4 shaped "
                            f"[batch, channels, height, width], got shape {dims} "
                            f"(rank {len(dims)})")
        if self.output_size is not None:
            size = list(self.output_size)
        else:
            factors = self.scale_factor or [1.0, 1.0]
            size = [_scaled("Interpolate2d.forward", n, f) for n, f in zip(dims[2:], factors)]
        out: Tensor[B] = interpolate(x, size, self.mode.op_mode(), self.align_corners)
        return out

    def display_fields(self) -> dict[str, Any]:
        return {"mode": type(self.mode).__name__, "output_size": self.output_size,
                "scale_factor": self.scale_factor}


class Interpolate1dConfig(Config):
    """Burn's defaults: no size (give `output_size` or `scale_factor`), ``Nearest``,
    `align_corners` True."""

    output_size: Optional[int] = None
    scale_factor: Optional[float] = None
    mode: InterpolateMode = InterpolateMode.Nearest()
    align_corners: bool = True

    def init(self, device: Device | str | None = None, backend: Any = None) -> "Interpolate1d":
        """Build the layer (no parameters: `device`/`backend` are accepted and unused)."""
        _check_choice("Interpolate1dConfig.init", self.output_size, self.scale_factor)
        for name, value in (("output_size", self.output_size),
                            ("scale_factor", self.scale_factor)):
            if value is not None and value <= 0:
                raise ValueError(f"Interpolate1dConfig.init: {name} must be positive, got "
                                 f"{value}")
        return Interpolate1d(self.output_size, self.scale_factor, self.mode, self.align_corners)


class Interpolate1d(Module):
    """Resizes ``[batch, channels, length]`` (the 2-D op on ``[batch, channels, 1, length]``)."""

    output_size: Optional[int]
    scale_factor: Optional[float]
    mode: InterpolateMode
    align_corners: bool

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, channels, length]`` -> ``[batch, channels, output_size]``."""
        dims = list(x.dims())
        if len(dims) != 3:
            raise RankError(f"Interpolate1d.forward: expected an input of rank 3 shaped "
                            f"[batch, channels, length], got shape {dims} (rank {len(dims)})")
        n, c, length = dims
        size = (self.output_size if self.output_size is not None else
                _scaled("Interpolate1d.forward", length, self.scale_factor or 1.0))
        out: Tensor[B] = interpolate(x.unsqueeze_dim(2), [1, size], self.mode.op_mode(),
                                     self.align_corners).reshape([n, c, size])
        return out

    def display_fields(self) -> dict[str, Any]:
        return {"mode": type(self.mode).__name__, "output_size": self.output_size,
                "scale_factor": self.scale_factor}
