"""Convolutions as backend ops: ``conv1d/2d/3d`` and ``conv_transpose1d/2d/3d`` (Burn's
``ModuleOps::conv*``), added through the public backend-extension mechanism (`CustomOp`).

Inputs are primitives, channels first: ``x [N, C_in, *spatial]``, ``weight`` and an optional
``bias [C_out]``. Layouts are Burn's (and torch's): a convolution's weight is
``[C_out, C_in / groups, *kernel]``, a transposed convolution's ``[C_in, C_out / groups, *kernel]``.
Attributes (ints or one int per spatial dim): ``stride``, ``padding``, ``dilation``, ``groups``;
convolutions also take ``padding_end`` (Burn's ``PaddedConvOptions``: padding after the data,
when it differs from ``padding`` before it), transposed convolutions ``padding_out`` (extra size
at the end of the output, as torch's ``output_padding``).

One N-d composite default serves every rank: windows are strided slices of the padded input,
stacked and multiplied with the weight by one batched matmul per group; a transposed convolution
is the convolution of the stride-upsampled input with the flipped, in/out-swapped weight. Under
`Autodiff` the composite runs on an internal tape, so its backward is the generic ops' own.
Native kernels (NumPy/CuPy im2col + GEMM, Torch's ``aten.convolution``) register themselves from
their backend packages, with hand-written backwards checked against this composite.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..backend import CustomOp, OpContext
from ..errors import RankError, ShapeError
from ._tape import run_taped, taped_backward


@dataclass(frozen=True)
class ConvGeometry:
    """Normalized attributes of one convolution call, and the shapes they imply."""

    nd: int
    transposed: bool
    stride: tuple[int, ...]
    padding: tuple[int, ...]
    padding_end: tuple[int, ...]
    dilation: tuple[int, ...]
    groups: int
    padding_out: tuple[int, ...]
    kernel: tuple[int, ...]
    in_size: tuple[int, ...]
    out_size: tuple[int, ...]
    channels_in: int
    channels_out: int

    @property
    def padded_size(self) -> tuple[int, ...]:
        """Spatial size of the padded convolution input (for a transposed op: of its output)."""
        size = self.out_size if self.transposed else self.in_size
        end = self.padding if self.transposed else self.padding_end
        return tuple(p + s + e for p, s, e in zip(self.padding, size, end))

    @property
    def windows(self) -> tuple[int, ...]:
        """Number of window positions per spatial dim (the convolution's output size)."""
        return self.in_size if self.transposed else self.out_size


def _tuple(op: str, name: str, value: Any, nd: int, minimum: int) -> tuple[int, ...]:
    values = (value,) * nd if isinstance(value, int) else tuple(value)
    if len(values) != nd or any(not isinstance(v, int) or v < minimum for v in values):
        raise ShapeError(f"{op}: `{name}` must be an int >= {minimum} or {nd} of them, "
                         f"got {value!r}")
    return values


def conv_geometry(op: str, nd: int, transposed: bool, x_shape: Sequence[int],
                 w_shape: Sequence[int], b_shape: Sequence[int] | None,
                 attrs: dict[str, Any]) -> ConvGeometry:
    """Check one call's shapes and attributes (every kernel calls this) and normalize them."""
    known = {"stride", "padding", "dilation", "groups"} | (
        {"padding_out"} if transposed else {"padding_end"})
    unknown = sorted(set(attrs) - known)
    if unknown:
        raise TypeError(f"{op}: unknown option(s) {unknown}; expected some of {sorted(known)}")
    stride = _tuple(op, "stride", attrs.get("stride", 1), nd, 1)
    padding = _tuple(op, "padding", attrs.get("padding", 0), nd, 0)
    dilation = _tuple(op, "dilation", attrs.get("dilation", 1), nd, 1)
    groups = attrs.get("groups", 1)
    if not isinstance(groups, int) or groups < 1:
        raise ShapeError(f"{op}: `groups` must be an int >= 1, got {groups!r}")
    end = attrs.get("padding_end")
    padding_end = padding if end is None else _tuple(op, "padding_end", end, nd, 0)
    padding_out = _tuple(op, "padding_out", attrs.get("padding_out", 0), nd, 0)
    x_shape, w_shape = list(x_shape), list(w_shape)
    if len(x_shape) != nd + 2:
        raise RankError(f"{op}: expected an input of rank {nd + 2} [batch, channels, "
                        f"{nd} spatial dims], got shape {x_shape}")
    if len(w_shape) != nd + 2:
        raise RankError(f"{op}: expected a weight of rank {nd + 2}, got shape {w_shape}")
    c_in = x_shape[1]
    kernel = tuple(w_shape[2:])
    if transposed:
        c_out = w_shape[1] * groups
        layout = f"[channels_in={c_in}, channels_out/groups, *kernel]"
        ok = w_shape[0] == c_in
    else:
        c_out = w_shape[0]
        layout = f"[channels_out, channels_in/groups={c_in}/{groups}, *kernel]"
        ok = w_shape[1] * groups == c_in and c_out % groups == 0
    if not ok or c_in % groups != 0:
        raise ShapeError(f"{op}: weight of shape {w_shape} does not fit an input of shape "
                         f"{x_shape} with groups={groups}; expected {layout}")
    if b_shape is not None and list(b_shape) != [c_out]:
        raise ShapeError(f"{op}: expected a bias of shape [{c_out}], got {list(b_shape)}")
    size = tuple(x_shape[2:])
    if transposed:
        for po, s, d in zip(padding_out, stride, dilation):
            if po >= max(s, d):
                raise ShapeError(f"{op}: padding_out must be smaller than stride or dilation, "
                                 f"got padding_out={padding_out}, stride={stride}, "
                                 f"dilation={dilation}")
        out = tuple((n - 1) * s - 2 * p + d * (k - 1) + po + 1 for n, s, p, d, k, po
                    in zip(size, stride, padding, dilation, kernel, padding_out))
    else:
        out = tuple((n + p + e - d * (k - 1) - 1) // s + 1 for n, s, p, e, d, k
                    in zip(size, stride, padding, padding_end, dilation, kernel))
    if any(o < 1 for o in out) or any(k < 1 for k in kernel):
        raise ShapeError(f"{op}: input of shape {x_shape} is too small for kernel {list(kernel)} "
                         f"with stride {list(stride)}, padding {list(padding)}, dilation "
                         f"{list(dilation)}: output size would be {list(out)}")
    return ConvGeometry(nd, transposed, stride, padding, padding_end, dilation, groups,
                       padding_out, kernel, size, out, c_in, c_out)


def _pad(x: Any, before: Sequence[int], after: Sequence[int]) -> Any:
    """Zero-pad (or, for negative amounts, crop) the spatial dims of a channels-first tensor."""
    for i, (lo, hi) in enumerate(zip(before, after)):
        dim = 2 + i
        n = x.dims()[dim]
        if lo < 0 or hi < 0:
            key = [slice(None)] * len(x.dims())
            key[dim] = slice(max(-lo, 0), n - max(-hi, 0))
            x = x[tuple(key)]
            lo, hi = max(lo, 0), max(hi, 0)
        parts = []
        for amount in (lo, None, hi):
            if amount is None:
                parts.append(x)
            elif amount > 0:
                shape = x.dims()
                shape[dim] = amount
                parts.append(type(x).zeros(shape, x.device))
        if len(parts) > 1:
            x = type(x).cat(parts, dim)
    return x


def _conv_tensors(x: Any, w: Any, b: Any, o: ConvGeometry) -> Any:
    """A convolution with tensor ops only: strided window slices, one batched matmul."""
    x = _pad(x, o.padding, o.padding_end)
    n, c = x.dims()[:2]
    c_out, cg = w.dims()[:2]
    g, out = o.groups, o.out_size
    patches = []
    for offset in itertools.product(*(range(k) for k in o.kernel)):
        key = (slice(None), slice(None)) + tuple(
            slice(k * d, k * d + s * (m - 1) + 1, s)
            for k, d, s, m in zip(offset, o.dilation, o.stride, out))
        patches.append(x[key])
    kk = math.prod(o.kernel)
    cols = type(x).stack(patches, 2).reshape([n, g, cg * kk, math.prod(out)])
    wm = w.reshape([1, g, c_out // g, cg * kk]).expand([n, g, c_out // g, cg * kk])
    y = wm.matmul(cols).reshape([n, c_out, *out])
    if b is not None:
        y = y + b.reshape([1, c_out] + [1] * o.nd)
    return y


def _conv_transpose_tensors(x: Any, w: Any, b: Any, o: ConvGeometry) -> Any:
    """A transposed convolution as the convolution of the stride-upsampled input with the
    spatially flipped weight whose in/out channels are swapped per group."""
    n, c_in = x.dims()[:2]
    g = o.groups
    cog = w.dims()[1]
    up_size = [(m - 1) * s + 1 for m, s in zip(o.in_size, o.stride)]
    if any(s > 1 for s in o.stride):
        key = (slice(None), slice(None)) + tuple(slice(None, None, s) for s in o.stride)
        x = type(x).zeros([n, c_in, *up_size], x.device).slice_assign(key, x)
    wt = (w.reshape([g, c_in // g, cog, *o.kernel]).swap_dims(1, 2)
          .reshape([g * cog, c_in // g, *o.kernel]).flip(list(range(2, 2 + o.nd))))
    before = [d * (k - 1) - p for d, k, p in zip(o.dilation, o.kernel, o.padding)]
    after = [lo + po for lo, po in zip(before, o.padding_out)]
    x = _pad(x, before, after)
    inner = ConvGeometry(o.nd, False, (1,) * o.nd, (0,) * o.nd, (0,) * o.nd, o.dilation, g,
                        (0,) * o.nd, o.kernel, tuple(x.dims()[2:]), o.out_size, c_in, g * cog)
    return _conv_tensors(x, wt, b, inner)


def _options_of(name: str, nd: int, transposed: bool, x: Any, w: Any, b: Any,
                attrs: dict[str, Any], shape: Callable[[Any], Sequence[int]]) -> ConvGeometry:
    return conv_geometry(name, nd, transposed, shape(x), shape(w),
                        None if b is None else shape(b), attrs)


def _make_reference(name: str, nd: int, transposed: bool) -> Callable[..., Any]:
    body: Callable[..., Any] = _conv_transpose_tensors if transposed else _conv_tensors

    def reference(B: Any, ctx: OpContext, x: Any, weight: Any, bias: Any = None,
                  **attrs: Any) -> Any:
        o = _options_of(name, nd, transposed, x, weight, bias, attrs, B.float_shape)
        return run_taped(B, ctx, lambda *t: body(*t, o), (x, weight, bias))

    reference.__name__ = f"{name}_reference"
    reference.__doc__ = (f"``{name}`` from existing tensor ops (any backend): see "
                         f"`pyburn.tensor.module_ops.conv`.")
    return reference


def reference_backward(B: Any, ctx: OpContext, grad: Any) -> list[Any]:
    """The backward of the composite default: a pass over the tape its forward recorded."""
    return taped_backward(B, ctx, grad)


def _make_op(name: str, nd: int, transposed: bool) -> CustomOp:
    # The backward reads the inputs (and the composite's tape), never the output.
    op = CustomOp(name, _make_reference(name, nd, transposed), keep_outputs=False)
    op.define_backward(reference_backward)
    return op


conv1d = _make_op("conv1d", 1, False)
conv2d = _make_op("conv2d", 2, False)
conv3d = _make_op("conv3d", 3, False)
conv_transpose1d = _make_op("conv_transpose1d", 1, True)
conv_transpose2d = _make_op("conv_transpose2d", 2, True)
conv_transpose3d = _make_op("conv_transpose3d", 3, True)

CONV_OPS: dict[tuple[int, bool], CustomOp] = {
    (1, False): conv1d, (2, False): conv2d, (3, False): conv3d,
    (1, True): conv_transpose1d, (2, True): conv_transpose2d, (3, True): conv_transpose3d,
}
"""Every convolution op by (spatial rank, transposed): native kernels register on all of them."""


__all__ = ["conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
           "conv_transpose3d", "ConvGeometry", "conv_geometry", "CONV_OPS", "reference_backward"]
