"""Native convolutions for array-module backends (NumPy, and CuPy through ``xp``).

im2col: the windows of the padded input are a strided view (no copy); one copy lays them out
as ``cols [N, groups, C_in/groups * K, positions]`` and one batched GEMM per group multiplies the
weight in, which writes the output straight in ``[N, C_out, *spatial]`` order. col2im (the
adjoint) adds columns back into a padded buffer, one strided slice per kernel offset. A
transposed convolution is col2im of the weight-multiplied input, and the two backwards are the
same pieces swapped: conv's input gradient is col2im, its weight gradient a GEMM against the
columns (recomputed, not kept, so peak memory stays near the input's size); a transposed
convolution's input gradient is a convolution. Registered on `ArrayBackend`, so NumPy, CuPy and
their dtype variants all run this one code.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from pyburn.tensor.backend import OpContext
from pyburn.tensor.module_ops.conv import CONV_OPS, ConvGeometry, conv_geometry

from .array_backend import ArrayBackend


def _pad(xp: Any, x: Any, o: ConvGeometry, end: tuple[int, ...]) -> Any:
    if not any(o.padding) and not any(end):
        return x
    out = xp.zeros(x.shape[:2] + tuple(p + s + e for p, s, e in
                                       zip(o.padding, x.shape[2:], end)), dtype=x.dtype)
    out[(slice(None), slice(None)) + tuple(slice(p, p + s) for p, s in
                                           zip(o.padding, x.shape[2:]))] = x
    return out


def _im2col(xp: Any, xpad: Any, o: ConvGeometry) -> Any:
    """``[N, g, C/g * K, P]`` columns of the padded input (P = number of windows)."""
    n, c = xpad.shape[:2]
    g = o.groups
    st = xpad.strides
    spatial = st[2:]
    view = xp.lib.stride_tricks.as_strided(
        xpad, (n, g, c // g, *o.kernel, *o.windows),
        (st[0], st[1] * (c // g), st[1], *(s * d for s, d in zip(spatial, o.dilation)),
         *(s * k for s, k in zip(spatial, o.stride))))
    return xp.ascontiguousarray(view).reshape(n, g, (c // g) * math.prod(o.kernel),
                                              math.prod(o.windows))


def _col2im(xp: Any, cols: Any, o: ConvGeometry, channels: int, out: Any) -> None:
    """Adjoint of `_im2col`: add ``[n, g, C/g * K, P]`` columns into the padded buffer `out`."""
    n = cols.shape[0]
    cols = cols.reshape(n, channels, *o.kernel, *o.windows)
    for offset in itertools.product(*(range(k) for k in o.kernel)):
        key = (slice(None), slice(None)) + tuple(
            slice(k * d, k * d + s * (m - 1) + 1, s)
            for k, d, s, m in zip(offset, o.dilation, o.stride, o.windows))
        out[key] += cols[(slice(None), slice(None)) + offset]


CHUNK_ELEMENTS = 1 << 20


def _chunks(n: int, per_sample: int) -> list[slice]:
    """Batch slices whose columns hold about `CHUNK_ELEMENTS` values: the im2col buffer stays
    bounded (peak memory) while each GEMM stays large."""
    step = max(1, CHUNK_ELEMENTS // max(per_sample, 1))
    return [slice(i, min(i + step, n)) for i in range(0, n, step)]


def _crop(out: Any, o: ConvGeometry, size: tuple[int, ...]) -> Any:
    if not any(o.padding) and out.shape[2:] == size:
        return out
    key = (slice(None), slice(None)) + tuple(slice(p, p + s) for p, s in zip(o.padding, size))
    return out[key]


def _weight(w: Any, g: int) -> Any:
    """``[g, rows/g, cols]``: the weight as one matrix per group (rows = its first dim)."""
    return w.reshape(g, w.shape[0] // g, -1)


def _bias(y: Any, b: Any, nd: int) -> Any:
    if b is not None:
        y += b.reshape((1, -1) + (1,) * nd)
    return y


def _col_size(o: ConvGeometry, channels: int) -> int:
    """Values in one sample's columns (`channels` = the side the kernel slides over)."""
    return channels * math.prod(o.kernel) * math.prod(o.windows)


def _weight_grad(xp: Any, cols_of: Any, other: Any, chunks: list[slice], g: int,
                 shape: tuple[int, ...]) -> Any:
    """``sum_n other[n] @ cols[n]^T`` per group, as ``cols @ other^T`` (BLAS is several times
    faster with the long position axis as the inner dim of both operands in this order)."""
    total: Any = None
    for sl in chunks:
        part = xp.matmul(cols_of(sl), other[sl].swapaxes(-1, -2)).sum(axis=0)
        total = part if total is None else total + part
    return total.swapaxes(-1, -2).reshape(shape)


def _conv(xp: Any, x: Any, w: Any, b: Any, o: ConvGeometry) -> Any:
    n, g = x.shape[0], o.groups
    xpad = _pad(xp, x, o, o.padding_end)
    y = xp.empty((n, g, o.channels_out // g, math.prod(o.out_size)), dtype=x.dtype)
    wm = _weight(w, g)
    for sl in _chunks(n, _col_size(o, o.channels_in)):
        xp.matmul(wm, _im2col(xp, xpad[sl], o), out=y[sl])
    return _bias(y.reshape(n, o.channels_out, *o.out_size), b, o.nd)


def _conv_transpose(xp: Any, x: Any, w: Any, b: Any, o: ConvGeometry) -> Any:
    n, g = x.shape[0], o.groups
    xm = x.reshape(n, g, o.channels_in // g, -1)                 # [N, g, C_in/g, P]
    wt = xp.ascontiguousarray(_weight(w, g).transpose(0, 2, 1))  # [g, C_out/g * K, C_in/g]
    out = xp.zeros((n, o.channels_out, *o.padded_size), dtype=x.dtype)
    for sl in _chunks(n, _col_size(o, o.channels_out)):
        _col2im(xp, xp.matmul(wt, xm[sl]), o, o.channels_out, out[sl])
    return _bias(xp.ascontiguousarray(_crop(out, o, o.out_size)), b, o.nd)


def _make_forward(name: str, nd: int, transposed: bool) -> Any:
    def kernel(B: Any, ctx: OpContext, x: Any, weight: Any, bias: Any = None,
               **attrs: Any) -> Any:
        o = conv_geometry(name, nd, transposed, x.shape, weight.shape,
                         None if bias is None else bias.shape, attrs)
        body = _conv_transpose if transposed else _conv
        return body(B.xp, x, weight, bias, o)

    kernel.__name__ = f"{name}_array"
    return kernel


def _make_backward(name: str, nd: int, transposed: bool) -> Any:
    def backward(B: Any, ctx: OpContext, grad: Any) -> list[Any]:
        xp = B.xp
        x, w, b = ctx.inputs
        o = conv_geometry(name, nd, transposed, x.shape, w.shape,
                         None if b is None else b.shape, ctx.attrs)
        need_x, need_w, need_b = ctx.needs_input_grad
        n, g = x.shape[0], o.groups
        gx = gw = gb = None
        if need_b and b is not None:
            gb = grad.sum(axis=(0, *range(2, 2 + nd)))
        if not transposed:
            gy = grad.reshape(n, g, o.channels_out // g, -1)     # [N, g, C_out/g, P]
            chunks = _chunks(n, _col_size(o, o.channels_in))
            if need_w:
                xpad = _pad(xp, x, o, o.padding_end)
                gw = _weight_grad(xp, lambda sl: _im2col(xp, xpad[sl], o), gy, chunks, g,
                                  w.shape)
            if need_x:
                wt = xp.ascontiguousarray(_weight(w, g).transpose(0, 2, 1))
                gxpad = xp.zeros((n, o.channels_in, *o.padded_size), dtype=grad.dtype)
                for sl in chunks:
                    _col2im(xp, xp.matmul(wt, gy[sl]), o, o.channels_in, gxpad[sl])
                gx = xp.ascontiguousarray(_crop(gxpad, o, o.in_size))
        elif need_w or need_x:
            xm = x.reshape(n, g, o.channels_in // g, -1)          # [N, g, C_in/g, P]
            gypad = _pad(xp, grad, o, o.padding)
            chunks = _chunks(n, _col_size(o, o.channels_out))
            if need_w:
                gw = _weight_grad(xp, lambda sl: _im2col(xp, gypad[sl], o), xm, chunks, g,
                                  w.shape)
            if need_x:
                gx = xp.empty(xm.shape, dtype=grad.dtype)
                wm = _weight(w, g)
                for sl in chunks:
                    xp.matmul(wm, _im2col(xp, gypad[sl], o), out=gx[sl])
                gx = gx.reshape(x.shape)
        return [gx, gw, gb]

    backward.__name__ = f"{name}_array_backward"
    return backward


for (_nd, _transposed), _op in CONV_OPS.items():
    _op.native(ArrayBackend)(_make_forward(_op.name, _nd, _transposed))
    _op.native_backward(ArrayBackend)(_make_backward(_op.name, _nd, _transposed))
