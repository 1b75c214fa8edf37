"""``interpolate``: resize ``[batch, channels, height, width]`` (Burn's module op), through the
public backend-extension mechanism (`CustomOp`).

Modes (Burn's ``InterpolateMode`` at the op level, torch's ``F.interpolate`` mode in brackets):
``"nearest"`` (``nearest``: source ``floor(dst * in / out)``), ``"nearest_exact"``
(``nearest-exact``: ``floor((dst + 0.5) * in / out)``), ``"bilinear"`` and ``"bicubic"`` (cubic
convolution with A = -0.75, border indices clamped). ``align_corners`` (Burn's default True) maps
the corner pixels onto each other, ``(in - 1) / (out - 1) * dst``; False uses half-pixel
centres, ``(dst + 0.5) * in / out - 0.5``. Nearest modes ignore it, as in both libraries.

Every mode resizes each axis independently, so the op is ``M_h @ x @ M_w^T`` with one
``[out, in]`` weight matrix per axis (`interpolate_matrix`, host-side metadata). The composite
default applies it with tensor ops (nearest ones as index selections, so infinities stay exact)
on an internal ``Autodiff`` tape when a gradient is needed; the backward is ``M_h^T g M_w``.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from ..backend import CustomOp
from ..errors import ShapeError
from ._tape import taped
from .burn_options import InterpolateOptions, interpolate_mode_name
from .pool import _check_rank

__all__ = ["interpolate", "interpolate_op", "interpolate_matrix", "nearest_indices", "MODES"]

MODES = ("nearest", "nearest_exact", "bilinear", "bicubic")
_A = -0.75


def nearest_indices(size: int, out: int, exact: bool) -> np.ndarray:
    """Source index per output index; the scale is float32 as in torch's kernels, so the rare
    products that land on an integer round the same way."""
    scale = np.float32(size) / np.float32(out)
    dst = np.arange(out, dtype=np.float32) + (np.float32(0.5) if exact else np.float32(0.0))
    return np.minimum(np.floor(dst * scale).astype(np.int64), size - 1)


def _cubic_weights(t: np.ndarray) -> np.ndarray:
    """``[n, 4]`` cubic-convolution weights for offsets -1, 0, 1, 2 at fraction `t`."""
    def near(x: np.ndarray) -> np.ndarray:       # |x| <= 1
        return ((_A + 2) * x - (_A + 3)) * x * x + 1

    def far(x: np.ndarray) -> np.ndarray:        # 1 < |x| < 2
        return ((_A * x - 5 * _A) * x + 8 * _A) * x - 4 * _A

    return np.stack([far(t + 1), near(t), near(1 - t), far(2 - t)], axis=1)


def interpolate_matrix(size: int, out: int, mode: str, align_corners: bool) -> np.ndarray:
    """``[out, size]`` float64 weights: output i = sum_j M[i, j] * input j along one axis."""
    m = np.zeros((out, size))
    rows = np.arange(out)
    if mode in ("nearest", "nearest_exact"):
        m[rows, nearest_indices(size, out, mode == "nearest_exact")] = 1.0
        return m
    if align_corners:
        src = rows * ((size - 1) / (out - 1) if out > 1 else 0.0)
    else:
        src = (rows + 0.5) * (size / out) - 0.5
    if mode == "bilinear":
        src = np.maximum(src, 0.0) if not align_corners else src
        i0 = np.minimum(np.floor(src).astype(np.int64), size - 1)
        i1 = np.minimum(i0 + 1, size - 1)
        frac = src - i0
        np.add.at(m, (rows, i0), 1.0 - frac)
        np.add.at(m, (rows, i1), frac)
        return m
    base = np.floor(src).astype(np.int64)
    weights = _cubic_weights(src - base)
    for k in range(4):
        np.add.at(m, (rows, np.clip(base - 1 + k, 0, size - 1)), weights[:, k])
    return m


def _composite(x: Any, *, output_size: tuple[int, int], mode: str, align_corners: bool) -> Any:
    from pyburn.tensor import Int, Tensor
    h, w = x.shape[2], x.shape[3]
    oh, ow = output_size
    T = type(x)
    if mode in ("nearest", "nearest_exact"):
        exact = mode == "nearest_exact"
        ints = Tensor.of(x.backend, Int)
        rows = ints.from_data(nearest_indices(h, oh, exact), x.device)
        cols = ints.from_data(nearest_indices(w, ow, exact), x.device)
        return x.select(2, rows).select(3, cols)
    m_h = T.from_data(interpolate_matrix(h, oh, mode, align_corners)[None, None], x.device)
    m_wt = T.from_data(interpolate_matrix(w, ow, mode, align_corners).T[None, None].copy(),
                       x.device)
    return m_h.matmul(x.matmul(m_wt))


_kernel, _backward = taped(_composite)
interpolate_op = CustomOp("interpolate", _kernel, keep_outputs=False)
interpolate_op.define_backward(_backward)


def interpolate(x: Any, output_size: Sequence[int], mode: Any = "nearest",
                align_corners: bool = True) -> Any:
    """Resize ``[batch, channels, height, width]`` to ``output_size`` (Burn's
    ``interpolate(x, output_size, InterpolateOptions::new(mode).with_align_corners(..))``).
    `mode` is a mode name, an ``InterpolateMode`` member, or Burn's `InterpolateOptions` (which
    then also gives ``align_corners``)."""
    if isinstance(mode, InterpolateOptions):
        mode, align_corners = mode.mode_name, mode.align_corners
    elif not isinstance(mode, str):
        mode = interpolate_mode_name(mode)
    _check_rank("interpolate", x, 4)
    if mode not in MODES:
        raise ValueError(f"interpolate: mode must be one of {', '.join(MODES)}, got {mode!r}")
    size = tuple(int(s) for s in output_size)
    if len(size) != 2 or min(size) < 1:
        raise ValueError(f"interpolate: output_size must be two sizes >= 1, got "
                         f"{list(output_size)}")
    if min(x.shape[2:]) < 1:
        raise ShapeError(f"interpolate: the input must not be empty, got shape {list(x.shape)}")
    return interpolate_op.apply(x, output_size=(size[0], size[1]), mode=mode,
                                align_corners=bool(align_corners))
