"""Pooling with a symmetric padding wider than half the kernel.

The backend pool ops follow torch, which refuses ``padding > kernel_size // 2``; Burn's pooling
layers accept it (``MaxPool1dConfig(3).with_padding(PaddingConfig1d.Explicit(2, 2))``), and so do
pyburn's. On that path only, the layer pads the input itself and pools with no padding:

- max pooling pads with minus infinity, so padding never wins (a window that sees only padding
  gives ``-inf``, as Burn's kernels);
- average pooling pads with zeros. With ``count_include_pad`` the divisor is the window clipped
  to the padded input, as the op's; without it the sum is divided by the count of input
  elements in the window (a window that sees only padding gives NaN, 0/0, as Burn's kernels).

The output size is the op's rule with that padding: ``floor`` (or ``ceil`` with `ceil_mode`) of
``(size + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1``, and with `ceil_mode` a last
window that would start past the input and its left padding is dropped (torch's rule, which the
narrow path follows too). Both are plain tensor ops (pad, pool, slice, scale), so the gradient is
theirs on every backend.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from pyburn.tensor.module_ops.pool import _pad, avg_pool2d, avg_pool_divisor, max_pool2d

__all__ = ["is_wide", "max_pool_wide", "avg_pool_wide"]


def is_wide(pairs: Sequence[tuple[int, int]], kernel_size: Sequence[int]) -> bool:
    """Whether `pairs` is symmetric and wider than half the kernel on some axis (the padding the
    backend op refuses; asymmetric pairs are padded by the layer whatever their width)."""
    return (all(a == b for a, b in pairs)
            and any(a > k // 2 for (a, _), k in zip(pairs, kernel_size)))


def _output_size(size: int, kernel: int, stride: int, padding: int, dilation: int,
                 ceil_mode: bool) -> int:
    """One axis's output length under the op's rule, for any padding width."""
    span = size + 2 * padding - dilation * (kernel - 1) - 1
    out = (-(-span // stride) if ceil_mode else span // stride) + 1
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1
    return out


def _as_2d(x: Any, nd: int, *values: Sequence[int]) -> tuple[Any, list[list[int]]]:
    """A 1-D pool as the 2-D one on ``[batch, channels, length, 1]`` (kernel, stride... 1)."""
    if nd == 2:
        return x, [list(v) for v in values]
    return x.unsqueeze_dim(3), [[int(v[0]), fill] for v, fill in zip(values, (1, 1, 0, 1))]


def _crop(out: Any, nd: int, sizes: Sequence[int]) -> Any:
    """`out` cut to `sizes` on its spatial axes (the op may keep one ceil-mode window more),
    back to rank 3 for a 1-D pool."""
    if list(out.shape[2:]) != list(sizes):
        out = out[:, :, : sizes[0], : sizes[1]]
    return out.squeeze_dim(3) if nd == 1 else out


def max_pool_wide(x: Any, kernel_size: Sequence[int], stride: Sequence[int],
                  padding: Sequence[int], dilation: Sequence[int], ceil_mode: bool) -> Any:
    """Max pooling of ``[batch, channels, *spatial]`` (1-D or 2-D, by ``len(kernel_size)``)
    with a symmetric `padding` of any width."""
    nd = len(kernel_size)
    x2, (k, s, p, d) = _as_2d(x, nd, kernel_size, stride, padding, dilation)
    sizes = [_output_size(n, k[i], s[i], p[i], d[i], ceil_mode)
             for i, n in enumerate(x2.shape[2:])]
    padded = _pad(x2, [(p[0], p[0]), (p[1], p[1])], float("-inf"))
    return _crop(max_pool2d(padded, k, s, 0, d, ceil_mode), nd, sizes)


def avg_pool_wide(x: Any, kernel_size: Sequence[int], stride: Sequence[int],
                  padding: Sequence[int], count_include_pad: bool, ceil_mode: bool) -> Any:
    """Average pooling of ``[batch, channels, *spatial]`` (1-D or 2-D, by
    ``len(kernel_size)``) with a symmetric `padding` of any width."""
    nd = len(kernel_size)
    x2, (k, s, p) = _as_2d(x, nd, kernel_size, stride, padding)
    dims = list(x2.shape[2:])
    sizes = [_output_size(n, k[i], s[i], p[i], 1, ceil_mode) for i, n in enumerate(dims)]
    padded = _pad(x2, [(p[0], p[0]), (p[1], p[1])], 0.0)
    out = _crop(avg_pool2d(padded, k, s, 0, True, ceil_mode), 2, sizes)
    if not count_include_pad:
        # The op divided by the window within the padded input; rescale to the input's count.
        ratio = np.outer(*[_input_count_ratio(dims[i], sizes[i], k[i], s[i], p[i])
                           for i in range(2)])
        out = out * type(out).from_data(ratio.reshape(1, 1, *sizes), out.device)
    return out.squeeze_dim(3) if nd == 1 else out


def _input_count_ratio(size: int, out: int, kernel: int, stride: int,
                       padding: int) -> np.ndarray:
    """Per window of one axis: (elements within the padded input) / (elements of the input),
    NaN where the window sees no input element (Burn's 0/0)."""
    padded = avg_pool_divisor(size + 2 * padding, out, kernel, stride, 0, True)
    start = np.arange(out) * stride - padding
    end = np.minimum(start + kernel, size + padding)
    inside = np.maximum(np.minimum(end, size) - np.maximum(start, 0), 0).astype(np.float64)
    ratio = np.full(out, np.nan)
    np.divide(padded, inside, out=ratio, where=inside > 0)
    return ratio
