"""Native pooling and interpolation for `Torch`: ``torch.nn.functional`` forwards, aten backwards.

Torch's own kernels compute exactly the ops pyburn defines (same window arithmetic, first
maximum, torch's interpolation modes), so each forward is one call and each backward one aten
backward op: no torch autograd graph is built (the Torch backend's tensors never require grad).
Max-pool indices are torch's int64 flat indices, converted to the backend's int dtype.
"""

from __future__ import annotations

from typing import Any, Sequence

from pyburn.tensor.backend import OpContext
from pyburn.tensor.module_ops.interpolate import interpolate_op
from pyburn.tensor.module_ops.pool import (adaptive_avg_pool2d_op, avg_pool2d_op,
                                           max_pool2d_with_indices_op)

from .backend import Torch
from .runtime import torch

if torch is not None:
    import torch.nn.functional as F

_TORCH_MODES = {"nearest": "nearest", "nearest_exact": "nearest-exact", "bilinear": "bilinear",
                "bicubic": "bicubic"}


@avg_pool2d_op.native(Torch)
def avg_pool2d_torch(B: Any, ctx: OpContext, x: Any, *, kernel_size: tuple[int, int],
                     stride: tuple[int, int], padding: tuple[int, int], count_include_pad: bool,
                     ceil_mode: bool) -> Any:
    with torch.no_grad():
        return F.avg_pool2d(x, kernel_size, stride, padding, ceil_mode, count_include_pad)


@avg_pool2d_op.native_backward(Torch)
def avg_pool2d_torch_backward(B: Any, ctx: OpContext, grad: Any) -> list[Any]:
    a = ctx.attrs
    return [torch.ops.aten.avg_pool2d_backward(grad, ctx.inputs[0], a["kernel_size"],
                                               a["stride"], a["padding"], a["ceil_mode"],
                                               a["count_include_pad"], None)]


@max_pool2d_with_indices_op.native(Torch)
def max_pool2d_with_indices_torch(B: Any, ctx: OpContext, x: Any, *,
                                  kernel_size: tuple[int, int], stride: tuple[int, int],
                                  padding: tuple[int, int], dilation: tuple[int, int],
                                  ceil_mode: bool) -> tuple[Any, Any]:
    with torch.no_grad():
        values, index = torch.ops.aten.max_pool2d_with_indices(x, kernel_size, stride, padding,
                                                               dilation, ceil_mode)
    return values, index.to(B._itype)


@max_pool2d_with_indices_op.native_backward(Torch)
def max_pool2d_with_indices_torch_backward(B: Any, ctx: OpContext,
                                           grads: Sequence[Any]) -> list[Any]:
    grad = grads[0]
    if grad is None:
        return [None]
    a = ctx.attrs
    index = ctx.outputs[1].to(torch.int64)
    return [torch.ops.aten.max_pool2d_with_indices_backward(
        grad, ctx.inputs[0], a["kernel_size"], a["stride"], a["padding"], a["dilation"],
        a["ceil_mode"], index)]


@adaptive_avg_pool2d_op.native(Torch)
def adaptive_avg_pool2d_torch(B: Any, ctx: OpContext, x: Any, *,
                              output_size: tuple[int, int]) -> Any:
    with torch.no_grad():
        return F.adaptive_avg_pool2d(x, output_size)


@adaptive_avg_pool2d_op.native_backward(Torch)
def adaptive_avg_pool2d_torch_backward(B: Any, ctx: OpContext, grad: Any) -> list[Any]:
    return [torch.ops.aten._adaptive_avg_pool2d_backward(grad.contiguous(), ctx.inputs[0])]


@interpolate_op.native(Torch)
def interpolate_torch(B: Any, ctx: OpContext, x: Any, *, output_size: tuple[int, int], mode: str,
                      align_corners: bool) -> Any:
    corners = None if mode.startswith("nearest") else align_corners
    with torch.no_grad():
        return F.interpolate(x, size=output_size, mode=_TORCH_MODES[mode],
                             align_corners=corners)


@interpolate_op.native_backward(Torch)
def interpolate_torch_backward(B: Any, ctx: OpContext, grad: Any) -> list[Any]:
    x = ctx.inputs[0]
    a = ctx.attrs
    out_size, in_size = list(a["output_size"]), list(x.shape)
    grad = grad.contiguous()
    aten = torch.ops.aten
    mode = a["mode"]
    if mode == "nearest":
        dx = aten.upsample_nearest2d_backward(grad, out_size, in_size, None, None)
    elif mode == "nearest_exact":
        dx = aten._upsample_nearest_exact2d_backward(grad, out_size, in_size, None, None)
    elif mode == "bilinear":
        dx = aten.upsample_bilinear2d_backward(grad, out_size, in_size, a["align_corners"],
                                               None, None)
    else:
        dx = aten.upsample_bicubic2d_backward(grad, out_size, in_size, a["align_corners"],
                                              None, None)
    return [dx]
