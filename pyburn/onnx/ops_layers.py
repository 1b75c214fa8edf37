"""Layers with weights or windows: Conv, ConvTranspose, BatchNormalization,
LayerNormalization, MaxPool, AveragePool, GlobalAveragePool. Each becomes a pyburn module field,
its config written out in the generated ``init`` and its weights in the record."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .program import Node, Program, f32, kwargs


def _auto_pad(node: Node) -> str:
    value = node.attrs.get("auto_pad", b"NOTSET")
    return value.decode() if isinstance(value, bytes) else str(value)


def _pads(node: Node, spatial: list[int | None], kernel: list[int], strides: list[int],
          dilations: list[int]) -> list[int]:
    """ONNX ``pads`` (begin..., end...), with ``auto_pad`` SAME_UPPER/SAME_LOWER/VALID
    resolved from the input's static size (ONNX pads SAME so that out = ceil(in / stride))."""
    nd = len(kernel)
    mode = _auto_pad(node)
    if mode == "NOTSET":
        return node.ints("pads", [0] * (2 * nd)) or [0] * (2 * nd)
    if mode == "VALID":
        return [0] * (2 * nd)
    if mode not in ("SAME_UPPER", "SAME_LOWER"):
        raise node.error(f"auto_pad={mode!r}; expected NOTSET, VALID, SAME_UPPER or SAME_LOWER")
    begin, end = [], []
    for size, k, s, d in zip(spatial, kernel, strides, dilations):
        if size is None:
            raise node.error(f"auto_pad={mode} needs static spatial dims; pass input_shapes")
        out = math.ceil(size / s)
        total = max((out - 1) * s + (k - 1) * d + 1 - size, 0)
        small, big = total // 2, total - total // 2
        begin.append(small if mode == "SAME_UPPER" else big)
        end.append(big if mode == "SAME_UPPER" else small)
    return begin + end


def _padding_config(prog: Program, pads: list[int]) -> str:
    nd = len(pads) // 2
    cls = f"PaddingConfig{nd}d"
    prog.imports.add(f"pyburn.nn:{cls}")
    if not any(pads):
        return f"{cls}.Valid()"
    begin, end = pads[:nd], pads[nd:]
    args = begin if begin == end else begin + end
    return f"{cls}.Explicit({', '.join(map(str, args))})"


def _spatial(node: Node, nd: int) -> list[int | None]:
    shape = node.need(0).shape
    return list(shape[2:]) if shape is not None and len(shape) == nd + 2 else [None] * nd


def conv(node: Node, prog: Program) -> None:
    w = node.const_input(1, "weights")
    assert w is not None
    bias = node.const_input(2, "bias")
    nd = w.ndim - 2
    if nd not in (1, 2):
        raise node.error(f"a {nd}-d convolution; Conv1d and Conv2d are supported")
    group = int(node.attrs.get("group", 1))
    kernel = node.ints("kernel_shape") or list(w.shape[2:])
    strides = node.ints("strides", [1] * nd) or [1] * nd
    dil = node.ints("dilations", [1] * nd) or [1] * nd
    pads = _pads(node, _spatial(node, nd), kernel, strides, dil)
    c_out, c_in = int(w.shape[0]), int(w.shape[1]) * group
    padding = _padding_config(prog, pads)
    one = (lambda v: v[0]) if nd == 1 else (lambda v: v)
    rest = kwargs(stride=(one(strides), one([1] * nd)), dilation=(one(dil), one([1] * nd)),
                  groups=(group, 1), padding=(padding, f"PaddingConfig{nd}d.Valid()"),
                  bias=(bias is not None, True))
    if nd == 1:
        cfg = f"Conv1dConfig({c_in}, {c_out}, {kernel[0]}{rest})"
    else:
        cfg = f"Conv2dConfig([{c_in}, {c_out}], {kernel}{rest})"
    cls = f"Conv{nd}d"
    prog.imports.update({f"pyburn.nn:{cls}", f"pyburn.nn:{cls}Config"})
    arrays = {"weight": w.astype(np.float32)}
    if bias is not None:
        arrays["bias"] = bias.astype(np.float32)
    ref = prog.add_field(f"conv{nd}d", cls, f"{cfg}.init(device)", arrays, comment=node.name)
    prog.define(node, 0, f"{ref}({prog.expr(node.need(0), node)})")


def conv_transpose(node: Node, prog: Program) -> None:
    w = node.const_input(1, "weights")
    assert w is not None
    bias = node.const_input(2, "bias")
    nd = w.ndim - 2
    if nd not in (1, 2):
        raise node.error(f"a {nd}-d transposed convolution; 1-d and 2-d are supported")
    if node.attrs.get("output_shape") is not None:
        raise node.error("the output_shape attribute is not supported (export with pads)")
    if _auto_pad(node) not in ("NOTSET", "VALID"):
        raise node.error(f"auto_pad={_auto_pad(node)!r} is not supported; give explicit pads")
    group = int(node.attrs.get("group", 1))
    kernel = node.ints("kernel_shape") or list(w.shape[2:])
    strides = node.ints("strides", [1] * nd) or [1] * nd
    dil = node.ints("dilations", [1] * nd) or [1] * nd
    pads = node.ints("pads", [0] * 2 * nd) or [0] * 2 * nd
    out_pad = node.ints("output_padding", [0] * nd) or [0] * nd
    # Burn crops `padding` on both sides then grows the end by `padding_out`: ONNX's
    # asymmetric (begin > end) pads are begin on both sides plus the difference at the end.
    padding = pads[:nd]
    extra = [b - e + op for b, e, op in zip(pads[:nd], pads[nd:], out_pad)]
    if any(x < 0 or x >= max(s, d) for x, s, d in zip(extra, strides, dil)):
        raise node.error(f"pads {pads} with output_padding {out_pad} cannot be expressed "
                         "(the end padding must not exceed the begin padding)")
    c_in, c_out = int(w.shape[0]), int(w.shape[1]) * group
    one = (lambda v: v[0]) if nd == 1 else (lambda v: v)
    ones, zeros = one([1] * nd), one([0] * nd)
    rest = kwargs(stride=(one(strides), ones), dilation=(one(dil), ones), groups=(group, 1),
                  padding=(one(padding), zeros), padding_out=(one(extra), zeros),
                  bias=(bias is not None, True))
    cfg = f"ConvTranspose{nd}dConfig([{c_in}, {c_out}], {one(kernel)}{rest})"
    cls = f"ConvTranspose{nd}d"
    prog.imports.update({f"pyburn.nn:{cls}", f"pyburn.nn:{cls}Config"})
    arrays = {"weight": w.astype(np.float32)}
    if bias is not None:
        arrays["bias"] = bias.astype(np.float32)
    ref = prog.add_field(f"conv_transpose{nd}d", cls, f"{cfg}.init(device)", arrays,
                         comment=node.name)
    prog.define(node, 0, f"{ref}({prog.expr(node.need(0), node)})")


def batch_norm(node: Node, prog: Program) -> None:
    """Inference-mode BatchNormalization: a `BatchNorm` with the running statistics loaded
    (ONNX's momentum weighs the old statistic, Burn's the new one: burn = 1 - onnx)."""
    if int(node.attrs.get("training_mode", 0)):
        raise node.error("training_mode=1 is not supported (import the inference graph)")
    if any(o for o in node.outputs[1:]):
        raise node.error("the running-statistics outputs are not supported")
    scale, b, mean, var = (node.const_input(i, n) for i, n in
                           enumerate(("scale", "B", "input_mean", "input_var"), 1))
    assert scale is not None and b is not None and mean is not None and var is not None
    eps = float(node.attrs.get("epsilon", 1e-5))
    momentum = round(1.0 - float(f32(node.attrs.get("momentum", 0.9))), 7)
    prog.imports.update({"pyburn.nn:BatchNorm", "pyburn.nn:BatchNormConfig"})
    arrays = {"gamma": scale, "beta": b, "running_mean": mean, "running_var": var}
    ref = prog.add_field("batch_norm", "BatchNorm",
                         f"BatchNormConfig({scale.size}"
                         f"{kwargs(epsilon=(f32(eps), '1e-05'), momentum=(f32(momentum), '0.1'))}"
                         ").init(device)",
                         {k: v.astype(np.float32) for k, v in arrays.items()},
                         comment=node.name)
    prog.define(node, 0, f"{ref}({prog.expr(node.need(0), node)})")


def layer_norm(node: Node, prog: Program) -> None:
    x = node.need(0)
    axis = int(node.attrs.get("axis", -1))
    rank = x.rank
    if not (axis == -1 or (rank is not None and axis == rank - 1)):
        raise node.error(f"axis={axis}: only the last axis is supported (LayerNorm)")
    if any(o for o in node.outputs[1:]):
        raise node.error("the Mean / InvStdDev outputs are not supported")
    scale = node.const_input(1, "scale")
    bias = node.const_input(2, "B")
    assert scale is not None
    eps = float(node.attrs.get("epsilon", 1e-5))
    prog.imports.update({"pyburn.nn:LayerNorm", "pyburn.nn:LayerNormConfig"})
    arrays = {"gamma": scale.reshape(-1).astype(np.float32)}
    if bias is not None:
        arrays["beta"] = bias.reshape(-1).astype(np.float32)
    ref = prog.add_field("layer_norm", "LayerNorm",
                         f"LayerNormConfig({scale.size}"
                         f"{kwargs(epsilon=(f32(eps), '1e-05'), bias=(bias is not None, True))}"
                         ").init(device)", arrays, comment=node.name)
    prog.define(node, 0, f"{ref}({prog.expr(x, node)})")


def pool(node: Node, prog: Program) -> None:
    """MaxPool / AveragePool in 1-d and 2-d."""
    if len(node.outputs) > 1 and node.outputs[1]:
        raise node.error("the Indices output is not supported")
    kernel = node.ints("kernel_shape")
    assert kernel is not None
    nd = len(kernel)
    if nd not in (1, 2):
        raise node.error(f"{nd}-d pooling; 1-d and 2-d are supported")
    strides = node.ints("strides", [1] * nd) or [1] * nd
    dil = node.ints("dilations", [1] * nd) or [1] * nd
    pads = _pads(node, _spatial(node, nd), kernel, strides, dil)
    ceil = bool(int(node.attrs.get("ceil_mode", 0)))
    padding = _padding_config(prog, pads)
    is_max = node.op_type == "MaxPool"
    kind = "MaxPool" if is_max else "AvgPool"
    cls = f"{kind}{nd}d"
    one = (lambda v: str(v[0])) if nd == 1 else (lambda v: str(v))
    if not is_max and any(d != 1 for d in dil):
        raise node.error(f"dilations={dil}: AveragePool with dilation is not supported")
    stride_name = "stride" if nd == 1 else "strides"
    args: list[Any] = [one(kernel) + kwargs(**{stride_name: (one(strides), one(kernel))},
                                            padding=(padding, f"PaddingConfig{nd}d.Valid()"))]
    if is_max:
        args.append(kwargs(dilation=(one(dil), one([1] * nd))).lstrip(", "))
    else:   # ONNX's default excludes the padding, Burn's includes it: always written out
        args.append(f"count_include_pad={bool(int(node.attrs.get('count_include_pad', 0)))}")
    args.append(kwargs(ceil_mode=(ceil, False)).lstrip(", "))
    args = [a for a in args if a]
    prog.imports.update({f"pyburn.nn:{cls}", f"pyburn.nn:{cls}Config"})
    ref = prog.add_field(f"{kind.lower()}{nd}d", cls, f"{cls}Config({', '.join(args)}).init()",
                         {}, comment=node.name)
    prog.define(node, 0, f"{ref}({prog.expr(node.need(0), node)})")


def global_average_pool(node: Node, prog: Program) -> None:
    x = node.need(0)
    rank = x.rank
    if rank not in (3, 4):
        raise node.error(f"input of rank {rank}; 3 (1-d) and 4 (2-d) are supported")
    cls = "AdaptiveAvgPool1d" if rank == 3 else "AdaptiveAvgPool2d"
    size = "1" if rank == 3 else "[1, 1]"
    prog.imports.update({f"pyburn.nn:{cls}", f"pyburn.nn:{cls}Config"})
    ref = prog.add_field("adaptive_avg_pool", cls, f"{cls}Config({size}).init()", {},
                         comment=node.name)
    prog.define(node, 0, f"{ref}({prog.expr(x, node)})")


CONVERTERS = {
    "Conv": conv, "ConvTranspose": conv_transpose, "BatchNormalization": batch_norm,
    "LayerNormalization": layer_norm, "MaxPool": pool, "AveragePool": pool,
    "GlobalAveragePool": global_average_pool,
}
