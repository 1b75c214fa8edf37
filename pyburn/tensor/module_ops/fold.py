"""Burn's ``unfold4d`` / ``fold4d`` (torch's ``F.unfold`` / ``F.fold``): sliding blocks of a
``[batch, channels, height, width]`` tensor as columns, and back.

``unfold4d`` gives ``[batch, channels * kh * kw, blocks]``: for every kernel offset ``(i, j)`` (row
major, channel outermost, as torch) the strided slice of the zero-padded input that the offset
reads. ``fold4d`` is its adjoint: each offset's values are added back into its slice, so values of
overlapping blocks sum, and the padding is cropped. Both are composites of slicing, stacking and
``slice_assign``: exact on every backend (no multiplication by one-hot kernels, so inf/NaN stay
where they were), and differentiable through those ops -- the gradient of one is the other.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Sequence

from ..errors import RankError, ShapeError

__all__ = ["UnfoldOptions", "unfold4d", "fold4d", "unfold_blocks"]


def _pair(op: str, name: str, value: Any, minimum: int) -> tuple[int, int]:
    values = [value, value] if isinstance(value, int) else list(value)
    if (len(values) != 2 or any(not isinstance(v, int) or isinstance(v, bool) for v in values)
            or min(values) < minimum):
        raise ValueError(f"{op}: {name} must be an int or a pair of ints >= {minimum}, "
                         f"got {value!r}")
    return values[0], values[1]


@dataclasses.dataclass(frozen=True)
class UnfoldOptions:
    """Burn's ``UnfoldOptions::new(stride, padding, dilation)``: how the blocks slide (`stride`),
    the zeros added on each side (`padding`) and the spacing inside a block (`dilation`). Each
    is a pair ``[height, width]`` or one int for both."""

    stride: Sequence[int] = (1, 1)
    padding: Sequence[int] = (0, 0)
    dilation: Sequence[int] = (1, 1)

    def __post_init__(self) -> None:
        object.__setattr__(self, "stride", _pair("UnfoldOptions", "stride", self.stride, 1))
        object.__setattr__(self, "padding", _pair("UnfoldOptions", "padding", self.padding, 0))
        object.__setattr__(self, "dilation",
                           _pair("UnfoldOptions", "dilation", self.dilation, 1))


def unfold_blocks(op: str, size: Sequence[int], kernel_size: tuple[int, int],
                  options: UnfoldOptions) -> tuple[int, int]:
    """``(blocks_h, blocks_w)``: how many blocks fit along each spatial dim of `size`."""
    out = []
    for axis, name in enumerate(("height", "width")):
        padded = size[axis] + 2 * options.padding[axis]
        span = options.dilation[axis] * (kernel_size[axis] - 1) + 1
        if span > padded:
            raise ShapeError(f"{op}: the (dilated) kernel {list(kernel_size)} spans {span} along "
                             f"the {name}, larger than the padded {name} {padded}")
        out.append((padded - span) // options.stride[axis] + 1)
    return out[0], out[1]


def _offsets(kernel: tuple[int, int], options: UnfoldOptions,
             blocks: tuple[int, int]) -> list[list[slice]]:
    """Per kernel offset (row major), the ranges of the padded image that the offset reads."""
    (kh, kw), (sh, sw), (dh, dw) = kernel, options.stride, options.dilation
    (bh, bw) = blocks
    return [[slice(None), slice(None), slice(i * dh, i * dh + sh * (bh - 1) + 1, sh),
             slice(j * dw, j * dw + sw * (bw - 1) + 1, sw)]
            for i in range(kh) for j in range(kw)]


def unfold4d(x: Any, kernel_size: Sequence[int] | int,
             options: UnfoldOptions | None = None) -> Any:
    """``[batch, channels, height, width]`` -> ``[batch, channels * kh * kw, blocks]``, the
    blocks in row-major order (torch's ``F.unfold``)."""
    from pyburn.tensor import Tensor
    options = options or UnfoldOptions()
    kernel = _pair("unfold4d", "kernel_size", kernel_size, 1)
    if x.rank != 4:
        raise RankError(f"unfold4d: expected a rank-4 input [batch, channels, height, width], "
                        f"got shape {list(x.shape)}")
    n, c, h, w = (int(s) for s in x.shape)
    blocks = unfold_blocks("unfold4d", (h, w), kernel, options)
    ph, pw = options.padding
    padded = x.pad([(ph, ph), (pw, pw)]) if ph or pw else x
    parts = [padded.slice(r) for r in _offsets(kernel, options, blocks)]
    stacked = Tensor.stack(parts, 2)                      # [n, c, kh * kw, bh, bw]
    return stacked.reshape([n, c * kernel[0] * kernel[1], blocks[0] * blocks[1]])


def fold4d(x: Any, output_size: Sequence[int], kernel_size: Sequence[int] | int,
           options: UnfoldOptions | None = None) -> Any:
    """``[batch, channels * kh * kw, blocks]`` -> ``[batch, channels, *output_size]``, summing
    overlapping blocks (torch's ``F.fold``; the adjoint of `unfold4d`)."""
    options = options or UnfoldOptions()
    kernel = _pair("fold4d", "kernel_size", kernel_size, 1)
    size = _pair("fold4d", "output_size", output_size, 1)
    if x.rank != 3:
        raise RankError(f"fold4d: expected a rank-3 input [batch, channels * kh * kw, blocks], "
                        f"got shape {list(x.shape)}")
    n, ck, length = (int(s) for s in x.shape)
    per_block = kernel[0] * kernel[1]
    if ck % per_block:
        raise ShapeError(f"fold4d: dim 1 ({ck}) must be a multiple of kh * kw = {per_block} "
                         f"(kernel_size {list(kernel)}), got shape {list(x.shape)}")
    blocks = unfold_blocks("fold4d", size, kernel, options)
    if length != blocks[0] * blocks[1]:
        raise ShapeError(f"fold4d: an output of {list(size)} with kernel_size {list(kernel)}, "
                         f"stride {list(options.stride)}, padding {list(options.padding)} and "
                         f"dilation {list(options.dilation)} has {blocks[0]} x {blocks[1]} = "
                         f"{blocks[0] * blocks[1]} blocks, got {length} (shape {list(x.shape)})")
    c = ck // per_block
    ph, pw = options.padding
    cols = x.reshape([n, c, per_block, blocks[0], blocks[1]])
    out = type(x).zeros([n, c, size[0] + 2 * ph, size[1] + 2 * pw], x.device, x.dtype)
    for k, ranges in enumerate(_offsets(kernel, options, blocks)):
        block = cols.slice([slice(None), slice(None), slice(k, k + 1)]).reshape(
            [n, c, blocks[0], blocks[1]])
        out = out.slice_assign(ranges, out.slice(ranges) + block)
    if ph or pw:
        out = out.slice([slice(None), slice(None), slice(ph, ph + size[0]),
                         slice(pw, pw + size[1])])
    return out
