"""Shape ops on tensors computed at run time: each becomes one Tensor call with its arguments
written out as literals (shapes, axes and indices are known at import time; the shape
arithmetic that produced them was folded)."""

from __future__ import annotations

import math

import numpy as np

from .program import Node, Program, Value

_BIG = 2 ** 62   # ONNX writes "to the end" as INT64_MAX (or its negation)


def _axis(node: Node, axis: int, rank: int | None) -> int:
    if axis >= 0:
        return axis
    if rank is None:
        raise node.error(f"axis {axis} needs the input's rank, which shape inference left "
                         "unknown")
    return axis + rank


def _rank(node: Node, value: Value) -> int:
    rank = value.rank
    if rank is None:
        raise node.error(f"the rank of {value.name!r} is unknown (shape inference could not "
                         "tell it); pass input_shapes")
    return rank


def identity(node: Node, prog: Program) -> None:
    """Identity, and Dropout at inference (its ratio does nothing outside training)."""
    prog.values[node.outputs[0]] = node.need(0)


def dropout(node: Node, prog: Program) -> None:
    """A `Dropout` module: the identity at inference, as ONNX's; active when training."""
    if len(node.outputs) > 1 and node.outputs[1]:
        raise node.error("the mask output is not supported")
    training = node.const_input(2, "training_mode")
    if training is not None and bool(training):
        raise node.error("training_mode=True is not supported (import the inference graph)")
    ratio = node.const_input(1, "ratio")
    prob = float(ratio) if ratio is not None else float(node.attrs.get("ratio", 0.5))
    prog.imports.update({"pyburn.nn:DropoutConfig", "pyburn.nn:Dropout"})
    ref = prog.add_field("dropout", "Dropout", f"DropoutConfig({prob!r}).init()", {},
                         comment=node.name)
    prog.define(node, 0, f"{ref}({prog.expr(node.need(0), node)})")


def shape(node: Node, prog: Program) -> None:
    """Shape of a run-time tensor: a constant when the dims it reads are static."""
    x = node.need(0)
    dims = x.shape
    if dims is None:
        raise node.error(f"the shape of {x.name!r} is unknown at import time; pass input_shapes")
    rank = len(dims)
    start = int(node.attrs.get("start", 0))
    end = int(node.attrs.get("end", rank))
    start = min(max(start + rank if start < 0 else start, 0), rank)
    end = min(max(end + rank if end < 0 else end, 0), rank)
    picked = dims[start:end]
    if any(d is None for d in picked):
        raise node.error(f"the shape of {x.name!r} is {['?' if d is None else d for d in dims]}: "
                         "shape arithmetic is folded at import time and needs static dims; pin "
                         "them with input_shapes={'<input>': [...]}")
    prog.set_const(node.outputs[0], np.array(picked, dtype=np.int64))


def flatten(node: Node, prog: Program) -> None:
    x = node.need(0)
    rank = _rank(node, x)
    axis = _axis(node, int(node.attrs.get("axis", 1)), rank)
    dims = x.shape or []
    tail = dims[axis:]
    if all(d is not None for d in tail):
        target = [-1, math.prod(int(d) for d in tail if d is not None)]
    else:
        head = dims[:axis]
        if any(d is None for d in head):
            raise node.error("Flatten needs static dims on one side of its axis")
        target = [math.prod(int(d) for d in head if d is not None), -1]
    prog.define(node, 0, f"{prog.expr(x, node)}.reshape({target})")


def reshape(node: Node, prog: Program) -> None:
    x = node.need(0)
    target = node.const_input(1, "shape")
    assert target is not None
    dims = [int(d) for d in target.reshape(-1)]
    if int(node.attrs.get("allowzero", 0)) and 0 in dims:
        raise node.error("allowzero=1 with a 0 in the shape is not supported")
    prog.define(node, 0, f"{prog.expr(x, node)}.reshape({dims})")


def transpose(node: Node, prog: Program) -> None:
    x = node.need(0)
    perm = node.ints("perm") or list(range(_rank(node, x)))[::-1]
    prog.define(node, 0, f"{prog.expr(x, node)}.permute({perm})")


def concat(node: Node, prog: Program) -> None:
    parts = [v for v in node.inputs if v is not None]
    rank = next((v.rank for v in parts if v.rank is not None), None)
    axis = _axis(node, int(node.attrs["axis"]), rank)
    parts = [v for v in parts if not (v.const is not None and v.const.size == 0)]
    items = ", ".join(prog.expr(v, node) for v in parts)
    prog.imports.add("pyburn:Tensor")
    prog.define(node, 0, f"Tensor.cat([{items}], {axis})")


def _bound(value: int, dim: int | None, step: int) -> int | None:
    """A Python slice bound for an ONNX one (None for "to the end/start")."""
    if abs(value) >= _BIG or (dim is not None and value >= dim and step > 0):
        return None
    if dim is not None and value < -dim:
        return None if step < 0 else 0
    return value


def slice_(node: Node, prog: Program) -> None:
    x = node.need(0)
    rank = _rank(node, x)
    starts = node.const_input(1, "starts")
    ends = node.const_input(2, "ends")
    assert starts is not None and ends is not None
    axes = node.const_input(3, "axes")
    steps = node.const_input(4, "steps")
    axis_list = [int(a) for a in (axes if axes is not None else range(len(starts)))]
    step_list = [int(s) for s in (steps if steps is not None else [1] * len(starts))]
    keys = [":"] * rank
    dims = x.shape or [None] * rank
    for a, s, e, st in zip(axis_list, starts, ends, step_list):
        a = _axis(node, a, rank)
        if st == 0:
            raise node.error("a slice step of 0")
        dim = dims[a]
        lo, hi = _bound(int(s), dim, st), _bound(int(e), dim, st)
        if st < 0 and lo is not None and dim is not None and lo >= dim:
            lo = None
        text = ("" if lo is None else str(lo)) + ":" + ("" if hi is None else str(hi))
        keys[a] = text + (f":{st}" if st != 1 else "")
    while keys and keys[-1] == ":":
        keys.pop()
    expr = prog.expr(x, node)
    prog.define(node, 0, f"{expr}[{', '.join(keys)}]" if keys else expr)


def gather(node: Node, prog: Program) -> None:
    """Indices known at import time become indexing (one index drops the dim, as ONNX's);
    run-time indices into a constant table are an embedding lookup (``select``)."""
    data, indices = node.need(0), node.need(1)
    rank = _rank(node, data)
    axis = _axis(node, int(node.attrs.get("axis", 0)), rank)
    dim = (data.shape or [None] * rank)[axis]
    x = prog.expr(data, node)
    if indices.const is not None:
        idx = indices.const.astype(np.int64)
        if dim is not None:
            idx = np.where(idx < 0, idx + dim, idx)
        elif (idx < 0).any():
            raise node.error("negative indices need a static dim")
        if idx.ndim == 0:
            prog.define(node, 0, f"{x}[{', '.join([':'] * axis + [str(int(idx))])}]")
            return
        prog.imports.update({"pyburn:Tensor", "pyburn:Int"})
        picked = (f"{x}.select({axis}, Tensor[{x}.backend, Int].from_data("
                  f"{idx.reshape(-1).tolist()}, {x}.device))")
        if idx.ndim != 1:
            out = list((data.shape or [])[:axis]) + list(idx.shape) + \
                list((data.shape or [])[axis + 1:])
            if any(d is None for d in out):
                raise node.error("multi-dimensional indices need static dims")
            picked += f".reshape({out})"
        prog.define(node, 0, picked)
        return
    ind = prog.expr(indices, node)
    out_shape = list((data.shape or [])[:axis]) + list(indices.shape or []) + \
        list((data.shape or [])[axis + 1:])
    expr = f"{x}.select({axis}, {ind}.reshape([-1]))"
    if indices.rank != 1:
        if any(d is None for d in out_shape) or indices.shape is None:
            raise node.error("run-time indices of rank != 1 need static shapes")
        expr += f".reshape({out_shape})"
    prog.define(node, 0, expr)


def unsqueeze(node: Node, prog: Program) -> None:
    x = node.need(0)
    axes = node.const_input(1, "axes")
    assert axes is not None
    out_rank = _rank(node, x) + axes.size
    expr = prog.expr(x, node)
    for a in sorted(_axis(node, int(a), out_rank) for a in axes.reshape(-1)):
        expr += f".unsqueeze_dim({a})"
    prog.define(node, 0, expr)


def squeeze(node: Node, prog: Program) -> None:
    x = node.need(0)
    rank = _rank(node, x)
    axes_in = node.const_input(1, "axes")
    if axes_in is None:
        dims = x.shape or []
        if any(d is None for d in dims):
            raise node.error("Squeeze without axes needs static dims")
        axes = [i for i, d in enumerate(dims) if d == 1]
    else:
        axes = sorted(_axis(node, int(a), rank) for a in axes_in.reshape(-1))
    prog.define(node, 0, f"{prog.expr(x, node)}.squeeze_dims({axes})")


def expand(node: Node, prog: Program) -> None:
    x = node.need(0)
    target = node.const_input(1, "shape")
    assert target is not None
    xs = x.static_shape()
    if xs is None:
        raise node.error("Expand needs the input's static shape")
    out = list(np.broadcast_shapes(tuple(xs), tuple(int(d) for d in target)))
    expr = prog.expr(x, node)
    if len(xs) < len(out):
        expr += f".reshape({[1] * (len(out) - len(xs)) + xs})"
    prog.define(node, 0, f"{expr}.expand({out})")


def cast(node: Node, prog: Program) -> None:
    import onnx
    to = np.dtype(onnx.helper.tensor_dtype_to_np_dtype(int(node.attrs["to"])))
    x = prog.expr(node.need(0), node)
    kind = {"f": ".float()", "i": ".int()", "u": ".int()", "b": ".bool()"}[to.kind]
    prog.define(node, 0, x + kind)


CONVERTERS = {
    "Identity": identity, "Dropout": dropout, "Shape": shape, "Flatten": flatten,
    "Reshape": reshape, "Transpose": transpose, "Concat": concat, "Slice": slice_,
    "Gather": gather, "Unsqueeze": unsqueeze, "Squeeze": squeeze, "Expand": expand,
    "Cast": cast,
}
