"""Native convolutions for `Torch`: ``aten.convolution`` forward, ``aten.convolution_backward``.

One aten entry point covers every rank and both directions (``transposed``), so the six
pyburn ops share one kernel. Autograd stays off: the forward runs under ``torch.no_grad()`` and
the backward asks ``convolution_backward`` for exactly the gradients pyburn's `Autodiff` wants
(its ``output_mask``), from the inputs the op context keeps; nothing else is stored. Asymmetric
convolution padding (``padding_end``, from ``Same`` with an even kernel) has no aten form: the
input is zero-padded explicitly first and its gradient cropped back.
"""

from __future__ import annotations

from typing import Any

from pyburn.tensor.backend import OpContext
from pyburn.tensor.module_ops.conv import CONV_OPS, ConvGeometry, conv_geometry

from .backend import Torch
from .runtime import torch


def _prepare(x: Any, o: ConvGeometry) -> tuple[Any, list[int]]:
    """The input aten sees and its symmetric padding (explicitly padded when asymmetric)."""
    if o.transposed or o.padding == o.padding_end:
        return x, list(o.padding)
    pads: list[int] = []
    for p, e in zip(reversed(o.padding), reversed(o.padding_end)):
        pads += [p, e]
    return torch.nn.functional.pad(x, pads), [0] * o.nd


def _make_forward(name: str, nd: int, transposed: bool) -> Any:
    def kernel(B: Any, ctx: OpContext, x: Any, weight: Any, bias: Any = None,
               **attrs: Any) -> Any:
        o = conv_geometry(name, nd, transposed, x.shape, weight.shape,
                         None if bias is None else bias.shape, attrs)
        xin, padding = _prepare(x, o)
        with torch.no_grad():
            return torch.ops.aten.convolution(xin, weight, bias, list(o.stride), padding,
                                              list(o.dilation), transposed,
                                              list(o.padding_out), o.groups)

    kernel.__name__ = f"{name}_torch"
    return kernel


def _make_backward(name: str, nd: int, transposed: bool) -> Any:
    def backward(B: Any, ctx: OpContext, grad: Any) -> list[Any]:
        x, w, b = ctx.inputs
        o = conv_geometry(name, nd, transposed, x.shape, w.shape,
                         None if b is None else b.shape, ctx.attrs)
        need_x, need_w, need_b = ctx.needs_input_grad
        mask = [need_x, need_w, need_b and b is not None]
        if not any(mask):
            return [None, None, None]
        xin, padding = _prepare(x, o)
        with torch.no_grad():
            gx, gw, gb = torch.ops.aten.convolution_backward(
                grad, xin, w, None if b is None else [b.shape[0]],
                list(o.stride), padding, list(o.dilation), transposed, list(o.padding_out),
                o.groups, mask)
        if gx is not None and xin is not x:
            gx = gx[(slice(None), slice(None)) + tuple(slice(p, p + s) for p, s
                                                       in zip(o.padding, o.in_size))]
        return [gx if need_x else None, gw if need_w else None, gb if mask[2] else None]

    backward.__name__ = f"{name}_torch_backward"
    return backward


for (_nd, _transposed), _op in CONV_OPS.items():
    _op.native(Torch)(_make_forward(_op.name, _nd, _transposed))
    _op.native_backward(Torch)(_make_backward(_op.name, _nd, _transposed))
