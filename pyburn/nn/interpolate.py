"""`Interpolate1d` / `Interpolate2d` (Burn's ``burn::nn::interpolate``): resize a signal or an
image to an ``output_size`` or by a ``scale_factor``, as ``torch.nn.functional.interpolate``
with ``size=`` (Burn turns a scale factor into an output size first: ``floor(size * factor)``).

`InterpolateMode` is Burn's nn enum: ``Nearest`` (torch ``nearest``), ``NearestExact``
(``nearest-exact``), ``Linear`` (``bilinear``/``linear``), ``Cubic`` (``bicubic``).
``align_corners`` defaults to True, as in Burn (torch defaults to False); nearest modes ignore
it. Burn's ``Lanczos`` mode has no torch counterpart and is not provided.
"""

from __future__ import annotations

import math
from typing import Any, Optional, Sequence, cast

from pyburn.config import Config, EnumConfig
from pyburn.module import Module
from pyburn.tensor import Device, Tensor
from pyburn.tensor.errors import RankError
from pyburn.tensor.module_ops.interpolate import interpolate

from ._types import B

__all__ = ["InterpolateMode", "Interpolate1dConfig", "Interpolate1d", "Interpolate2dConfig",
           "Interpolate2d", "calculate_output_size"]

# Burn's sizes are `usize`: a scaled size past it is refused rather than wrapped.
_USIZE_MAX = 2 ** 64 - 1


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


def _scaled(op: str, axis: str, size: int, factor: float) -> int:
    """Burn's ``(size as f64 * factor as f64) as usize``, refusing what it would saturate."""
    new = float(size) * float(factor)
    if math.isnan(new) or new < 0:
        raise ValueError(f"{op}: the scale factor{axis} must be >= 0, got {factor}")
    if new > _USIZE_MAX:
        raise ValueError(f"{op}: the scale factor{axis} is too large: {size} * {factor} is past "
                         f"the largest size (2**64 - 1)")
    return int(new)


def calculate_output_size(input_dims: Sequence[int], output_size: int | Sequence[int] | None,
                          scale_factor: float | Sequence[float] | None) -> int | list[int]:
    """Burn's ``calculate_output_size`` of `Interpolate1d` (``input_dims`` ``[batch, channels,
    length]``: an int `output_size`, a float `scale_factor`, an int back) and of `Interpolate2d`
    (``[batch, channels, height, width]``: pairs in, ``[height, width]`` back).

    Exactly one of `output_size` and `scale_factor` is given. A scale factor gives
    ``floor(size * factor)`` (in double precision); one whose size would pass Burn's ``usize``
    range is refused, as Burn panics."""
    op = "calculate_output_size"
    dims = [int(d) for d in input_dims]
    if len(dims) not in (3, 4):
        raise ValueError(f"{op}: expected input_dims of rank 3 [batch, channels, length] or "
                         f"rank 4 [batch, channels, height, width], got {dims}")
    if (output_size is None) == (scale_factor is None):
        raise ValueError(f"{op}: either output_size or scale_factor must be provided (exactly "
                         f"one), got output_size={output_size!r}, scale_factor={scale_factor!r}")
    if len(dims) == 3:
        return _size_1d(op, dims[2], cast(Optional[int], output_size),
                        cast(Optional[float], scale_factor))
    return _size_2d(op, dims[2:], cast(Optional[Sequence[int]], output_size),
                    cast(Optional[Sequence[float]], scale_factor))


def _size_1d(op: str, length: int, output_size: int | None, scale_factor: float | None) -> int:
    if output_size is not None:
        return int(output_size)
    return _scaled(op, "", length, float(scale_factor if scale_factor is not None else 1.0))


def _size_2d(op: str, dims: Sequence[int], output_size: Sequence[int] | None,
             scale_factor: Sequence[float] | None) -> list[int]:
    if output_size is not None:
        if len(output_size) != 2:
            raise ValueError(f"{op}: output_size must be [height, width], got {output_size!r}")
        return [int(v) for v in output_size]
    factors = scale_factor if scale_factor is not None else [1.0, 1.0]
    if len(factors) != 2:
        raise ValueError(f"{op}: scale_factor must be [height, width], got {factors!r}")
    return [_scaled(op, f" for {axis}", n, f)
            for axis, n, f in zip(("height", "width"), dims, factors)]


def _checked_size(op: str, dims: Sequence[int], size: Sequence[int],
                  factors: Sequence[float] | None) -> list[int]:
    """`size`, refusing an empty output (a scale factor too small for the input)."""
    for i, n in enumerate(size):
        if n < 1:
            how = (f"scale factor {factors[i]} turns size {dims[i]} into {n}" if factors
                   else f"output size {n} must be >= 1")
            raise ValueError(f"{op}: {how}")
    return list(size)


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
        op = "Interpolate2d.forward"
        size = _checked_size(op, dims[2:],
                             _size_2d(op, dims[2:], self.output_size, self.scale_factor),
                             self.scale_factor)
        out: Tensor[B] = interpolate(x, size, self.mode.op_mode(), self.align_corners)
        return out

    def display_fields(self) -> dict[str, Any]:
        return {"mode": type(self.mode).__name__, "output_size": _debug_option(self.output_size),
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
        factor = None if self.scale_factor is None else [self.scale_factor]
        op = "Interpolate1d.forward"
        (size,) = _checked_size(op, dims[2:],
                                [_size_1d(op, length, self.output_size, self.scale_factor)], factor)
        out: Tensor[B] = interpolate(x.unsqueeze_dim(2), [1, size], self.mode.op_mode(),
                                     self.align_corners).reshape([n, c, size])
        return out

    def display_fields(self) -> dict[str, Any]:
        return {"mode": type(self.mode).__name__, "output_size": _debug_option(self.output_size),
                "scale_factor": self.scale_factor}


def _debug_option(value: Any) -> str:
    """Burn shows `output_size` with Rust's ``{:?}``: ``Some(20)``, ``Some([20, 20])``, ``None``."""
    if value is None:
        return "None"
    if isinstance(value, (list, tuple)):
        return f"Some([{', '.join(str(int(v)) for v in value)}])"
    return f"Some({int(value)})"
