"""Pooling module ops (Burn's ``avg_pool2d``, ``max_pool2d_with_indices``, ``adaptive_avg_pool2d``
and their 1-D forms), added through the public backend-extension mechanism (`CustomOp`).

Layout is ``[batch, channels, height, width]`` (``[batch, channels, length]`` in 1-D). The 1-D ops
are the 2-D ones on a ``[.., length, 1]`` view, as Burn's ``avg_pool1d_from_2d``. Window
arithmetic follows torch (and Burn, which matches it): ``ceil_mode`` keeps a last window only if
it starts inside the input or its left padding; average pooling divides by the window clipped to
the padded input (``count_include_pad``) or to the input itself.

Composite defaults run on any backend with tensor ops. Average and adaptive pooling are linear:
their default runs on an internal ``Autodiff`` tape when a gradient is needed, so the backward is
that tape's. Max pooling returns the flat index (``h * width + w``) of each window's first
maximum, and its backward scatters the output gradient to those indices: exact, ties included
(torch's convention). Native kernels register from the backend packages.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from ..backend import CustomOp, OpContext
from ..errors import ShapeError
from ._tape import taped

__all__ = ["avg_pool1d", "avg_pool2d", "max_pool1d", "max_pool2d", "max_pool1d_with_indices",
           "max_pool2d_with_indices", "adaptive_avg_pool1d", "adaptive_avg_pool2d",
           "avg_pool2d_op", "max_pool2d_with_indices_op", "adaptive_avg_pool2d_op",
           "pool_output_size", "avg_pool_divisor", "adaptive_pool_matrix"]


# --- window arithmetic (host-side metadata, shared by every kernel) ------------------------------
def pool_output_size(op: str, size: int, kernel: int, stride: int, padding: int, dilation: int,
                     ceil_mode: bool) -> int:
    """Output length of one pooled axis (torch's formula, which Burn's kernels follow)."""
    if kernel < 1 or stride < 1 or dilation < 1 or padding < 0:
        raise ValueError(f"{op}: kernel, stride and dilation must be >= 1 and padding >= 0, got "
                         f"kernel {kernel}, stride {stride}, dilation {dilation}, padding {padding}")
    if padding > kernel // 2:
        raise ValueError(f"{op}: padding must be at most half the kernel size ({kernel // 2}), "
                         f"got {padding}")
    span = size + 2 * padding - dilation * (kernel - 1) - 1
    if span < 0:
        raise ShapeError(f"{op}: the (dilated) kernel {dilation * (kernel - 1) + 1} is larger than "
                         f"the padded input {size + 2 * padding}")
    out = (-(-span // stride) if ceil_mode else span // stride) + 1
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1
    return out


def avg_pool_divisor(size: int, out: int, kernel: int, stride: int, padding: int,
                     count_include_pad: bool) -> np.ndarray:
    """Per output position of one axis, how many elements its window averages (float64)."""
    start = np.arange(out) * stride - padding
    end = np.minimum(start + kernel, size + padding)
    if count_include_pad:
        return (end - start).astype(np.float64)
    return (np.minimum(end, size) - np.maximum(start, 0)).astype(np.float64)


def adaptive_pool_matrix(size: int, out: int) -> np.ndarray:
    """``[out, size]`` averaging matrix: row i averages ``[floor(i*size/out), ceil((i+1)*size/out))``
    (torch's start/end indices), so adaptive pooling is ``A_h @ x @ A_w^T``."""
    m = np.zeros((out, size))
    for i in range(out):
        start = (i * size) // out
        end = -(-((i + 1) * size) // out)
        m[i, start:end] = 1.0 / (end - start)
    return m


def _pairs(op: str, name: str, value: Any) -> tuple[int, int]:
    if isinstance(value, int):
        return value, value
    v = tuple(int(x) for x in value)
    if len(v) != 2:
        raise ValueError(f"{op}: {name} must be an int or a pair, got {value!r}")
    return v[0], v[1]


def _check_rank(op: str, x: Any, rank: int) -> None:
    from ..errors import RankError
    if x.rank != rank:
        layout = "[batch, channels, length]" if rank == 3 else "[batch, channels, height, width]"
        raise RankError(f"{op}: expected a rank-{rank} input {layout}, got shape {list(x.shape)}")


def _pad(x: Any, pads: Sequence[tuple[int, int]], value: float) -> Any:
    """`x` with the last len(pads) dims padded (before, after) by `value`."""
    if not any(a or b for a, b in pads):
        return x
    lead = len(x.shape) - len(pads)
    shape = list(x.shape[:lead]) + [s + a + b for s, (a, b) in zip(x.shape[lead:], pads)]
    ranges = [slice(None)] * lead + [slice(a, a + s) for s, (a, _) in zip(x.shape[lead:], pads)]
    return type(x).full(shape, value, x.device).slice_assign(ranges, x)


def _windows(x: Any, kernel: tuple[int, int], stride: tuple[int, int], dilation: tuple[int, int],
             out: tuple[int, int]) -> list[Any]:
    """Every kernel offset's strided slice of padded `x` (row-major over the kernel)."""
    (kh, kw), (sh, sw), (dh, dw), (oh, ow) = kernel, stride, dilation, out
    return [x[:, :, i * dh: i * dh + sh * (oh - 1) + 1: sh, j * dw: j * dw + sw * (ow - 1) + 1: sw]
            for i in range(kh) for j in range(kw)]


def _geometry(op: str, shape: Sequence[int], kernel: tuple[int, int], stride: tuple[int, int],
              padding: tuple[int, int], dilation: tuple[int, int],
              ceil_mode: bool) -> tuple[tuple[int, int], tuple[tuple[int, int], tuple[int, int]]]:
    """Output size and the (before, after) padding that makes every window fit."""
    outs, pads = [], []
    for axis in range(2):
        size = shape[2 + axis]
        o = pool_output_size(op, size, kernel[axis], stride[axis], padding[axis], dilation[axis],
                             ceil_mode)
        need = (o - 1) * stride[axis] + dilation[axis] * (kernel[axis] - 1) + 1
        outs.append(o)
        pads.append((padding[axis], max(padding[axis], need - size - padding[axis])))
    return (outs[0], outs[1]), (pads[0], pads[1])


# --- avg_pool2d ----------------------------------------------------------------------------------
def _avg_pool2d_composite(x: Any, *, kernel_size: tuple[int, int], stride: tuple[int, int],
                          padding: tuple[int, int], count_include_pad: bool,
                          ceil_mode: bool) -> Any:
    (oh, ow), pads = _geometry("avg_pool2d", x.shape, kernel_size, stride, padding, (1, 1),
                               ceil_mode)
    parts = _windows(_pad(x, pads, 0.0), kernel_size, stride, (1, 1), (oh, ow))
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    h, w = x.shape[2], x.shape[3]
    div = np.outer(avg_pool_divisor(h, oh, kernel_size[0], stride[0], padding[0],
                                    count_include_pad),
                   avg_pool_divisor(w, ow, kernel_size[1], stride[1], padding[1],
                                    count_include_pad))
    return total / type(x).from_data(div.reshape(1, 1, oh, ow), x.device)


_avg_kernel, _avg_backward = taped(_avg_pool2d_composite)
avg_pool2d_op = CustomOp("avg_pool2d", _avg_kernel, keep_outputs=False)
avg_pool2d_op.define_backward(_avg_backward)


# --- max_pool2d_with_indices ---------------------------------------------------------------------
def _max_pool2d_composite(B: Any, ctx: OpContext, x: Any, *, kernel_size: tuple[int, int],
                          stride: tuple[int, int], padding: tuple[int, int],
                          dilation: tuple[int, int], ceil_mode: bool) -> tuple[Any, Any]:
    from pyburn.tensor import Int, Tensor
    t = Tensor[B].from_primitive(x)
    n, c, h, w = t.shape
    (oh, ow), pads = _geometry("max_pool2d_with_indices", t.shape, kernel_size, stride, padding,
                               dilation, ceil_mode)
    parts = _windows(_pad(t, pads, float("-inf")), kernel_size, stride, dilation, (oh, ow))
    stacked = Tensor.stack(parts, 4)                           # [n, c, oh, ow, k]
    arg = stacked.argmax(4)                                    # the first maximum, as torch
    values = stacked.gather(4, arg).reshape([n, c, oh, ow])
    where = Tensor[B, Int].from_data(
        max_pool_index_map(h, w, (oh, ow), kernel_size, stride, padding, dilation)[None, None],
        t.device)
    index = where.expand([n, c, oh, ow, len(parts)]).gather(4, arg).reshape([n, c, oh, ow])
    return values.primitive, index.primitive


def max_pool_index_map(h: int, w: int, out: tuple[int, int], kernel: tuple[int, int],
                       stride: tuple[int, int], padding: tuple[int, int],
                       dilation: tuple[int, int]) -> np.ndarray:
    """``[oh, ow, kh*kw]`` int64: the flat input index each kernel offset of each window reads."""
    rows = (np.arange(out[0])[:, None] * stride[0] - padding[0]
            + np.arange(kernel[0])[None, :] * dilation[0])            # [oh, kh]
    cols = (np.arange(out[1])[:, None] * stride[1] - padding[1]
            + np.arange(kernel[1])[None, :] * dilation[1])            # [ow, kw]
    flat = rows[:, None, :, None] * w + cols[None, :, None, :]        # [oh, ow, kh, kw]
    return flat.reshape(out[0], out[1], -1).astype(np.int64)


max_pool2d_with_indices_op = CustomOp("max_pool2d_with_indices", _max_pool2d_composite,
                                      n_outputs=2)


@max_pool2d_with_indices_op.define_backward
def _max_pool2d_backward(B: Any, ctx: OpContext, grads: Sequence[Any]) -> list[Any]:
    """Scatter-add each output gradient to its window's maximum (any backend)."""
    from pyburn.tensor import Int, Tensor
    grad = grads[0]
    x = Tensor[B].from_primitive(ctx.inputs[0])
    n, c, h, w = x.shape
    if grad is None:
        return [None]
    g = Tensor[B].from_primitive(grad).reshape([n, c, -1])
    index = Tensor[B, Int].from_primitive(ctx.outputs[1]).reshape([n, c, -1])
    dx = Tensor[B].zeros([n, c, h * w], x.device).scatter(2, index, g)
    return [dx.reshape([n, c, h, w]).primitive]


# --- adaptive_avg_pool2d -------------------------------------------------------------------------
def _adaptive_composite(x: Any, *, output_size: tuple[int, int]) -> Any:
    h, w = x.shape[2], x.shape[3]
    T = type(x)
    a_h = T.from_data(adaptive_pool_matrix(h, output_size[0])[None, None], x.device)
    a_wt = T.from_data(adaptive_pool_matrix(w, output_size[1]).T[None, None].copy(), x.device)
    return a_h.matmul(x.matmul(a_wt))


_adaptive_kernel, _adaptive_backward = taped(_adaptive_composite)
adaptive_avg_pool2d_op = CustomOp("adaptive_avg_pool2d", _adaptive_kernel, keep_outputs=False)
adaptive_avg_pool2d_op.define_backward(_adaptive_backward)


# --- the Tensor-level functions (Burn's ``burn::tensor::module``) --------------------------------
def avg_pool2d(x: Any, kernel_size: Sequence[int] | int, stride: Sequence[int] | int,
               padding: Sequence[int] | int = 0, count_include_pad: bool = True,
               ceil_mode: bool = False) -> Any:
    """Average pooling of ``[batch, channels, height, width]``."""
    _check_rank("avg_pool2d", x, 4)
    k, s, p = (_pairs("avg_pool2d", n, v) for n, v in
               (("kernel_size", kernel_size), ("stride", stride), ("padding", padding)))
    _geometry("avg_pool2d", x.shape, k, s, p, (1, 1), ceil_mode)     # errors before dispatch
    return avg_pool2d_op.apply(x, kernel_size=k, stride=s, padding=p,
                               count_include_pad=count_include_pad, ceil_mode=ceil_mode)


def avg_pool1d(x: Any, kernel_size: int, stride: int, padding: int = 0,
               count_include_pad: bool = True, ceil_mode: bool = False) -> Any:
    """Average pooling of ``[batch, channels, length]`` (the 2-D op on ``[.., length, 1]``)."""
    _check_rank("avg_pool1d", x, 3)
    n, c, length = x.shape
    out = avg_pool2d(x.reshape([n, c, length, 1]), (kernel_size, 1), (stride, 1), (padding, 0),
                     count_include_pad, ceil_mode)
    return out.reshape([n, c, out.shape[2]])


def max_pool2d_with_indices(x: Any, kernel_size: Sequence[int] | int, stride: Sequence[int] | int,
                            padding: Sequence[int] | int = 0, dilation: Sequence[int] | int = 1,
                            ceil_mode: bool = False) -> tuple[Any, Any]:
    """Max pooling of ``[batch, channels, height, width]``, with the flat ``h * width + w`` index
    of each window's (first) maximum as an Int tensor."""
    from pyburn.tensor import Int, Tensor
    _check_rank("max_pool2d_with_indices", x, 4)
    k, s, p, d = (_pairs("max_pool2d_with_indices", n, v) for n, v in
                  (("kernel_size", kernel_size), ("stride", stride), ("padding", padding),
                   ("dilation", dilation)))
    _geometry("max_pool2d_with_indices", x.shape, k, s, p, d, ceil_mode)
    backend = x.backend
    values, index = max_pool2d_with_indices_op(backend, x.primitive, kernel_size=k, stride=s,
                                               padding=p, dilation=d, ceil_mode=ceil_mode)
    if backend.is_autodiff():      # Autodiff wraps every output; the indices carry no gradient
        index = index.inner
    ints: Any = Tensor.of(backend, Int)
    return type(x).from_primitive(values), ints.from_primitive(index)


def max_pool2d(x: Any, kernel_size: Sequence[int] | int, stride: Sequence[int] | int,
               padding: Sequence[int] | int = 0, dilation: Sequence[int] | int = 1,
               ceil_mode: bool = False) -> Any:
    """Max pooling of ``[batch, channels, height, width]`` (`max_pool2d_with_indices`'s values)."""
    return max_pool2d_with_indices(x, kernel_size, stride, padding, dilation, ceil_mode)[0]


def max_pool1d_with_indices(x: Any, kernel_size: int, stride: int, padding: int = 0,
                            dilation: int = 1, ceil_mode: bool = False) -> tuple[Any, Any]:
    """Max pooling of ``[batch, channels, length]``; indices are positions along the length."""
    _check_rank("max_pool1d_with_indices", x, 3)
    n, c, length = x.shape
    values, index = max_pool2d_with_indices(x.reshape([n, c, length, 1]), (kernel_size, 1),
                                            (stride, 1), (padding, 0), (dilation, 1), ceil_mode)
    out = values.shape[2]
    return values.reshape([n, c, out]), index.reshape([n, c, out])


def max_pool1d(x: Any, kernel_size: int, stride: int, padding: int = 0, dilation: int = 1,
               ceil_mode: bool = False) -> Any:
    """Max pooling of ``[batch, channels, length]``."""
    return max_pool1d_with_indices(x, kernel_size, stride, padding, dilation, ceil_mode)[0]


def adaptive_avg_pool2d(x: Any, output_size: Sequence[int] | int) -> Any:
    """Average pooling of ``[batch, channels, height, width]`` to a fixed output size."""
    _check_rank("adaptive_avg_pool2d", x, 4)
    size = _pairs("adaptive_avg_pool2d", "output_size", output_size)
    if min(size) < 1:
        raise ValueError(f"adaptive_avg_pool2d: output_size must be >= 1, got {list(size)}")
    if min(x.shape[2:]) < 1:
        raise ShapeError(f"adaptive_avg_pool2d: the input must not be empty, got shape "
                         f"{list(x.shape)}")
    return adaptive_avg_pool2d_op.apply(x, output_size=size)


def adaptive_avg_pool1d(x: Any, output_size: int) -> Any:
    """Average pooling of ``[batch, channels, length]`` to a fixed output length."""
    _check_rank("adaptive_avg_pool1d", x, 3)
    n, c, length = x.shape
    out = adaptive_avg_pool2d(x.reshape([n, c, length, 1]), (output_size, 1))
    return out.reshape([n, c, output_size])
