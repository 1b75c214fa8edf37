"""``deform_conv2d`` as a backend op (Burn's ``ModuleOps::deform_conv2d``, torchvision's
``ops.deform_conv2d``; Dai et al. 2017, "Deformable Convolutional Networks", and Zhu et al.
2019, "Deformable ConvNets v2" for the mask), added through the public backend-extension
mechanism (`CustomOp`).

Inputs are primitives, channels first: ``x [N, C_in, H, W]``, ``offset [N, 2 * offset_groups *
kh * kw, H_out, W_out]``, ``weight [C_out, C_in / weight_groups, kh, kw]``, an optional ``mask
[N, offset_groups * kh * kw, H_out, W_out]`` and an optional ``bias [C_out]``. Attributes (ints
or one per spatial dim): ``stride``, ``padding`` (symmetric), ``dilation``, and the ints
``weight_groups`` and ``offset_groups``.

Each kernel tap ``(i, j)`` of output pixel ``(p, q)`` reads the input at
``(p * stride_h - pad_h + i * dilation_h + dy, q * stride_w - pad_w + j * dilation_w + dx)``,
where ``(dy, dx)`` is the offset pair of that tap and pixel for the tap's offset group (offset
channel ``2 * (g * kh * kw + i * kw + j)`` holds ``dy``, the next ``dx``); fractional points are
read by bilinear interpolation with zeros outside the image (a point at or beyond -1 or the
size reads zero), then scaled by the mask. The sampled columns meet the weight in one batched
matmul per weight group, as a convolution's im2col does.

The composite default is made of tensor ops only (corner indices gathered from the flattened
image, interpolation weights that are differentiable in the offsets), so it runs on any
backend, and under `Autodiff` its backward is that of the ops it ran, on an internal tape:
gradients reach the input, the offsets, the weight, the mask and the bias.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from ..backend import CustomOp, OpContext
from ..errors import RankError, ShapeError
from ..kind import Int
from ._tape import run_taped, taped_backward

__all__ = ["deform_conv2d", "DeformConvGeometry", "deform_conv_geometry"]


@dataclass(frozen=True)
class DeformConvGeometry:
    """Normalized attributes of one ``deform_conv2d`` call and the shapes they imply."""

    stride: tuple[int, int]
    padding: tuple[int, int]
    dilation: tuple[int, int]
    weight_groups: int
    offset_groups: int
    kernel: tuple[int, int]
    in_size: tuple[int, int]
    out_size: tuple[int, int]
    channels_in: int
    channels_out: int


def _pair(name: str, value: Any, minimum: int) -> tuple[int, int]:
    values = (value, value) if isinstance(value, int) else tuple(value)
    if len(values) != 2 or any(not isinstance(v, int) or isinstance(v, bool) or v < minimum
                               for v in values):
        raise ShapeError(f"deform_conv2d: `{name}` must be an int >= {minimum} or 2 of them, "
                         f"got {value!r}")
    return values[0], values[1]


def _group(name: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ShapeError(f"deform_conv2d: `{name}` must be an int >= 1, got {value!r}")
    return value


def deform_conv_geometry(x_shape: Sequence[int], offset_shape: Sequence[int],
                        w_shape: Sequence[int], mask_shape: Sequence[int] | None,
                        b_shape: Sequence[int] | None,
                        attrs: dict[str, Any]) -> DeformConvGeometry:
    """Check one call's shapes and attributes (every kernel calls this) and normalize them."""
    known = {"stride", "padding", "dilation", "weight_groups", "offset_groups"}
    unknown = sorted(set(attrs) - known)
    if unknown:
        raise TypeError(f"deform_conv2d: unknown option(s) {unknown}; expected some of "
                        f"{sorted(known)}")
    stride = _pair("stride", attrs.get("stride", 1), 1)
    padding = _pair("padding", attrs.get("padding", 0), 0)
    dilation = _pair("dilation", attrs.get("dilation", 1), 1)
    wg = _group("weight_groups", attrs.get("weight_groups", 1))
    og = _group("offset_groups", attrs.get("offset_groups", 1))
    shapes = {"input": x_shape, "offset": offset_shape, "weight": w_shape, "mask": mask_shape}
    layouts = {"input": "[batch, channels_in, height, width]",
               "offset": "[batch, 2 * offset_groups * kh * kw, height_out, width_out]",
               "weight": "[channels_out, channels_in / weight_groups, kh, kw]",
               "mask": "[batch, offset_groups * kh * kw, height_out, width_out]"}
    for name, shape in shapes.items():
        if shape is not None and len(shape) != 4:
            raise RankError(f"deform_conv2d: expected {name} of rank 4 {layouts[name]}, got "
                            f"shape {list(shape)}")
    n, c_in, h, w = (int(s) for s in x_shape)
    c_out, c_per_group, kh, kw = (int(s) for s in w_shape)
    if c_per_group * wg != c_in:
        raise ShapeError(f"deform_conv2d: the input's {c_in} channels must equal the weight's "
                         f"channels_in / weight_groups ({c_per_group}) times weight_groups "
                         f"({wg}) = {c_per_group * wg}; weight shape {list(w_shape)}, input "
                         f"shape {list(x_shape)}")
    if c_out % wg:
        raise ShapeError(f"deform_conv2d: channels_out ({c_out}) must be divisible by "
                         f"weight_groups ({wg})")
    if c_in % og:
        raise ShapeError(f"deform_conv2d: channels_in ({c_in}) must be divisible by "
                         f"offset_groups ({og})")
    out = tuple((size + 2 * p - d * (k - 1) - 1) // s + 1 for size, p, d, k, s
                in zip((h, w), padding, dilation, (kh, kw), stride))
    if any(o < 1 for o in out) or kh < 1 or kw < 1:
        raise ShapeError(f"deform_conv2d: input of shape {list(x_shape)} is too small for "
                         f"kernel [{kh}, {kw}] with stride {list(stride)}, padding "
                         f"{list(padding)}, dilation {list(dilation)}: output size would be "
                         f"{list(out)}")
    expected = [n, 2 * og * kh * kw, out[0], out[1]]
    if list(offset_shape) != expected:
        raise ShapeError(f"deform_conv2d: expected offset of shape {expected} {layouts['offset']}"
                         f" with offset_groups={og}, got {list(offset_shape)}")
    if mask_shape is not None and list(mask_shape) != [n, og * kh * kw, out[0], out[1]]:
        raise ShapeError(f"deform_conv2d: expected mask of shape "
                         f"{[n, og * kh * kw, out[0], out[1]]} {layouts['mask']} with "
                         f"offset_groups={og}, got {list(mask_shape)}")
    if b_shape is not None and list(b_shape) != [c_out]:
        raise ShapeError(f"deform_conv2d: expected a bias of shape [{c_out}], got "
                         f"{list(b_shape)}")
    return DeformConvGeometry(stride, padding, dilation, wg, og, (kh, kw), (h, w),
                             (out[0], out[1]), c_in, c_out)


def _base_positions(T: Any, device: Any, stride: int, padding: int, dilation: int, k: int,
                    out: int) -> Any:
    """``o * stride - padding + i * dilation`` for kernel tap i and output o: ``[k, out]``."""
    IntT = T.of(T.backend, Int)
    taps = IntT.arange(0, k, device=device).float().reshape([k, 1]) * float(dilation)
    outs = IntT.arange(0, out, device=device).float().reshape([1, out]) * float(stride)
    return taps + (outs - float(padding))


def _deform_tensors(x: Any, offset: Any, weight: Any, mask: Any, bias: Any,
                    o: DeformConvGeometry) -> Any:
    """The deformable convolution with tensor ops only (see the module docstring)."""
    T = type(x)
    n, c, h, w = x.dims()
    g, wg = o.offset_groups, o.weight_groups
    (kh, kw), (ho, wo) = o.kernel, o.out_size
    taps = kh * kw * ho * wo
    base_y = _base_positions(T, x.device, o.stride[0], o.padding[0], o.dilation[0], kh, ho)
    base_x = _base_positions(T, x.device, o.stride[1], o.padding[1], o.dilation[1], kw, wo)
    pairs = offset.reshape([n, g, kh, kw, 2, ho, wo])
    py = (pairs.narrow(4, 0, 1).reshape([n, g, kh, kw, ho, wo])
          + base_y.reshape([1, 1, kh, 1, ho, 1])).reshape([n, g, taps])
    px = (pairs.narrow(4, 1, 1).reshape([n, g, kh, kw, ho, wo])
          + base_x.reshape([1, 1, 1, kw, 1, wo])).reshape([n, g, taps])
    inside = (py.greater_elem(-1.0) & py.lower_elem(float(h))
              & px.greater_elem(-1.0) & px.lower_elem(float(w))).float()
    if mask is not None:
        inside = inside * mask.reshape([n, g, taps])
    y0, x0 = py.detach().floor(), px.detach().floor()
    ly, lx = py - y0, px - x0
    flat = x.reshape([n, g, c // g, h * w])

    def corner(yc: Any, xc: Any, weight_yx: Any) -> Any:
        """The image at integer points (yc, xc) (zero outside), times their weights."""
        valid = (yc.greater_equal_elem(0.0) & yc.lower_equal_elem(h - 1.0)
                 & xc.greater_equal_elem(0.0) & xc.lower_equal_elem(w - 1.0)).float()
        index = (yc.clamp(0.0, h - 1.0) * float(w) + xc.clamp(0.0, w - 1.0)).int()
        values = flat.gather(3, index.reshape([n, g, 1, taps]).expand([n, g, c // g, taps]))
        return values * (weight_yx * valid * inside).reshape([n, g, 1, taps])

    sampled = (corner(y0, x0, (1.0 - ly) * (1.0 - lx)) + corner(y0, x0 + 1.0, (1.0 - ly) * lx)
               + corner(y0 + 1.0, x0, ly * (1.0 - lx)) + corner(y0 + 1.0, x0 + 1.0, ly * lx))
    rows = c // wg * kh * kw
    cols = sampled.reshape([n, wg, rows, ho * wo])
    c_out = o.channels_out
    wm = weight.reshape([1, wg, c_out // wg, rows]).expand([n, wg, c_out // wg, rows])
    y = wm.matmul(cols).reshape([n, c_out, ho, wo])
    if bias is not None:
        y = y + bias.reshape([1, c_out, 1, 1])
    return y


def _reference(B: Any, ctx: OpContext, x: Any, offset: Any, weight: Any, mask: Any = None,
               bias: Any = None, **attrs: Any) -> Any:
    """``deform_conv2d`` from existing tensor ops (any backend): see
    `pyburn.tensor.module_ops.deform_conv`."""
    shape: Callable[[Any], Sequence[int]] = B.float_shape
    o = deform_conv_geometry(shape(x), shape(offset), shape(weight),
                            None if mask is None else shape(mask),
                            None if bias is None else shape(bias), attrs)
    return run_taped(B, ctx, lambda *t: _deform_tensors(t[0], t[1], t[2], t[3], t[4], o),
                     (x, offset, weight, mask, bias))


deform_conv2d = CustomOp("deform_conv2d", _reference, keep_outputs=False)
deform_conv2d.define_backward(taped_backward)
