"""Native pooling and interpolation for array-module backends (NumPy, and CuPy through ``xp``).

Windows are strided slices of the padded input, one per kernel offset, so a pool is kh*kw
vectorized passes over the output (no Python loop over positions, no window copy): average
pooling accumulates them, max pooling keeps a running first maximum and its flat input index.
Backwards are hand-written: average pooling adds the scaled gradient back through the same
slices, max pooling scatters it to the saved indices with one ``bincount``. Adaptive pooling and
interpolation resize each axis with a small ``[out, in]`` weight matrix (the op modules' host
metadata), so forward and backward are two matmuls each; nearest modes gather instead, so
infinities pass through exactly.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from pyburn.tensor.backend import OpContext
from pyburn.tensor.module_ops.interpolate import (interpolate_matrix, interpolate_op,
                                                  nearest_indices)
from pyburn.tensor.module_ops.pool import (_geometry, adaptive_avg_pool2d_op,
                                           adaptive_pool_matrix, avg_pool2d_op, avg_pool_divisor,
                                           max_pool2d_with_indices_op, max_pool_index_map)

from .array_backend import ArrayBackend


def _device_array(B: Any, x: Any, host: np.ndarray, dtype: Any = None) -> Any:
    """A host constant on `x`'s device (and in `x`'s dtype unless given)."""
    return B._from_host(np.ascontiguousarray(host, dtype=dtype or x.dtype), B.float_device(x))


def _padded(xp: Any, x: Any, pads: Sequence[tuple[int, int]], value: float) -> Any:
    (top, bottom), (left, right) = pads
    if not (top or bottom or left or right):
        return x
    n, c, h, w = x.shape
    out = xp.full((n, c, h + top + bottom, w + left + right), value, dtype=x.dtype)
    out[:, :, top:top + h, left:left + w] = x
    return out


def _window(i: int, j: int, stride: tuple[int, int], dilation: tuple[int, int],
            out: tuple[int, int]) -> tuple[slice, slice, slice, slice]:
    (sh, sw), (dh, dw), (oh, ow) = stride, dilation, out
    return (slice(None), slice(None), slice(i * dh, i * dh + sh * (oh - 1) + 1, sh),
            slice(j * dw, j * dw + sw * (ow - 1) + 1, sw))


def _divisor(B: Any, x: Any, out: tuple[int, int], attrs: dict[str, Any]) -> Any:
    k, s, p, cip = (attrs["kernel_size"], attrs["stride"], attrs["padding"],
                    attrs["count_include_pad"])
    div = np.outer(avg_pool_divisor(x.shape[2], out[0], k[0], s[0], p[0], cip),
                   avg_pool_divisor(x.shape[3], out[1], k[1], s[1], p[1], cip))
    return _device_array(B, x, div)


@avg_pool2d_op.native(ArrayBackend)
def avg_pool2d_array(B: Any, ctx: OpContext, x: Any, *, kernel_size: tuple[int, int],
                     stride: tuple[int, int], padding: tuple[int, int], count_include_pad: bool,
                     ceil_mode: bool) -> Any:
    xp = B.xp
    out, pads = _geometry("avg_pool2d", x.shape, kernel_size, stride, padding, (1, 1), ceil_mode)
    src = _padded(xp, x, pads, 0.0)
    total = xp.zeros(x.shape[:2] + out, dtype=x.dtype)
    for i in range(kernel_size[0]):
        for j in range(kernel_size[1]):
            total += src[_window(i, j, stride, (1, 1), out)]
    total /= _divisor(B, x, out, ctx.attrs)
    return total


@avg_pool2d_op.native_backward(ArrayBackend)
def avg_pool2d_array_backward(B: Any, ctx: OpContext, grad: Any) -> list[Any]:
    xp = B.xp
    x = ctx.inputs[0]
    a = ctx.attrs
    out, pads = _geometry("avg_pool2d", x.shape, a["kernel_size"], a["stride"], a["padding"],
                          (1, 1), a["ceil_mode"])
    share = grad / _divisor(B, x, out, a)
    (top, bottom), (left, right) = pads
    n, c, h, w = x.shape
    dpad = xp.zeros((n, c, h + top + bottom, w + left + right), dtype=x.dtype)
    for i in range(a["kernel_size"][0]):
        for j in range(a["kernel_size"][1]):
            dpad[_window(i, j, a["stride"], (1, 1), out)] += share
    return [xp.ascontiguousarray(dpad[:, :, top:top + h, left:left + w])]


@max_pool2d_with_indices_op.native(ArrayBackend)
def max_pool2d_with_indices_array(B: Any, ctx: OpContext, x: Any, *,
                                  kernel_size: tuple[int, int], stride: tuple[int, int],
                                  padding: tuple[int, int], dilation: tuple[int, int],
                                  ceil_mode: bool) -> tuple[Any, Any]:
    xp = B.xp
    n, c, h, w = x.shape
    out, pads = _geometry("max_pool2d_with_indices", x.shape, kernel_size, stride, padding,
                          dilation, ceil_mode)
    src = _padded(xp, x, pads, float("-inf"))
    where = _device_array(B, x, max_pool_index_map(h, w, out, kernel_size, stride, padding,
                                                   dilation), np.int64)
    best = xp.full((n, c) + out, -xp.inf, dtype=x.dtype)
    index = xp.broadcast_to(where[:, :, 0], best.shape).copy()
    k = 0
    for i in range(kernel_size[0]):
        for j in range(kernel_size[1]):
            part = src[_window(i, j, stride, dilation, out)]
            # strictly greater keeps the first maximum; the first NaN wins, as argmax's
            better = (part > best) | (xp.isnan(part) & ~xp.isnan(best))
            xp.copyto(best, part, where=better)
            xp.copyto(index, xp.broadcast_to(where[:, :, k], best.shape), where=better)
            k += 1
    return best, index.astype(B.int_elem.numpy(), copy=False)


@max_pool2d_with_indices_op.native_backward(ArrayBackend)
def max_pool2d_with_indices_array_backward(B: Any, ctx: OpContext,
                                           grads: Sequence[Any]) -> list[Any]:
    grad = grads[0]
    if grad is None:
        return [None]
    xp = B.xp
    x = ctx.inputs[0]
    n, c, h, w = x.shape
    planes = n * c
    index = ctx.outputs[1].reshape(planes, -1).astype(np.int64)
    index = index + (xp.arange(planes, dtype=np.int64) * (h * w))[:, None]
    dx = xp.bincount(index.ravel(), weights=grad.reshape(-1), minlength=planes * h * w)
    return [dx.astype(x.dtype, copy=False).reshape(n, c, h, w)]


def _axis_matrices(B: Any, x: Any, h_matrix: np.ndarray, w_matrix: np.ndarray) -> tuple[Any, Any]:
    return _device_array(B, x, h_matrix), _device_array(B, x, w_matrix)


@adaptive_avg_pool2d_op.native(ArrayBackend)
def adaptive_avg_pool2d_array(B: Any, ctx: OpContext, x: Any, *,
                              output_size: tuple[int, int]) -> Any:
    a_h, a_w = _axis_matrices(B, x, adaptive_pool_matrix(x.shape[2], output_size[0]),
                              adaptive_pool_matrix(x.shape[3], output_size[1]))
    return a_h @ (x @ a_w.T)


@adaptive_avg_pool2d_op.native_backward(ArrayBackend)
def adaptive_avg_pool2d_array_backward(B: Any, ctx: OpContext, grad: Any) -> list[Any]:
    x = ctx.inputs[0]
    size = ctx.attrs["output_size"]
    a_h, a_w = _axis_matrices(B, x, adaptive_pool_matrix(x.shape[2], size[0]),
                              adaptive_pool_matrix(x.shape[3], size[1]))
    return [a_h.T @ (grad @ a_w)]


@interpolate_op.native(ArrayBackend)
def interpolate_array(B: Any, ctx: OpContext, x: Any, *, output_size: tuple[int, int], mode: str,
                      align_corners: bool) -> Any:
    xp = B.xp
    h, w = x.shape[2], x.shape[3]
    if mode in ("nearest", "nearest_exact"):
        exact = mode == "nearest_exact"
        rows = _device_array(B, x, nearest_indices(h, output_size[0], exact), np.int64)
        cols = _device_array(B, x, nearest_indices(w, output_size[1], exact), np.int64)
        return xp.take(xp.take(x, rows, axis=2), cols, axis=3)
    m_h, m_w = _axis_matrices(B, x, interpolate_matrix(h, output_size[0], mode, align_corners),
                              interpolate_matrix(w, output_size[1], mode, align_corners))
    return m_h @ (x @ m_w.T)


@interpolate_op.native_backward(ArrayBackend)
def interpolate_array_backward(B: Any, ctx: OpContext, grad: Any) -> list[Any]:
    x = ctx.inputs[0]
    a = ctx.attrs
    size, mode, corners = a["output_size"], a["mode"], a["align_corners"]
    m_h, m_w = _axis_matrices(B, x, interpolate_matrix(x.shape[2], size[0], mode, corners),
                              interpolate_matrix(x.shape[3], size[1], mode, corners))
    return [m_h.T @ (grad @ m_w)]
