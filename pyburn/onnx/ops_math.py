"""Arithmetic, activations and matrix products: ONNX nodes that become Tensor expressions, or a
`Linear` when the right-hand matrix is a weight (Gemm, MatMul by an initializer)."""

from __future__ import annotations

import numpy as np

from .program import Node, Program, kwargs, scalar_literal

BINARY = {"Add": "+", "Sub": "-", "Mul": "*", "Div": "/"}


def binary(node: Node, prog: Program) -> None:
    """Add/Sub/Mul/Div with NumPy broadcasting (pyburn broadcasts the same way)."""
    a, b = node.need(0), node.need(1)
    for v in (a, b):
        if v.var is None and v.const is not None and v.const.dtype.kind not in "f" \
                and v.const.ndim > 0:
            v.const, v.trainable = v.const.astype(np.float32), False
    prog.define(node, 0, f"{prog.expr(a, node)} {BINARY[node.op_type]} {prog.expr(b, node)}")


UNARY = {"Relu": "{x}.relu()", "Sigmoid": "{x}.sigmoid()", "Tanh": "{x}.tanh()",
         "Erf": "{x}.erf()", "Sqrt": "{x}.sqrt()", "Exp": "{x}.exp()", "Log": "{x}.log()",
         "Neg": "{x}.neg()", "Abs": "{x}.abs()", "Reciprocal": "{x}.recip()"}


def unary(node: Node, prog: Program) -> None:
    x = prog.expr(node.need(0), node)
    prog.define(node, 0, UNARY[node.op_type].format(x=x))


def gelu(node: Node, prog: Program) -> None:
    approximate = node.attrs.get("approximate", b"none")
    approximate = approximate.decode() if isinstance(approximate, bytes) else approximate
    if approximate not in ("none", "tanh"):
        raise node.error(f"approximate={approximate!r}; expected 'none' or 'tanh'")
    fn = "gelu" if approximate == "none" else "gelu_tanh"
    prog.imports.add(f"pyburn.tensor.activation:{fn}")
    prog.define(node, 0, f"{fn}({prog.expr(node.need(0), node)})")


def pow_(node: Node, prog: Program) -> None:
    x, y = node.need(0), node.need(1)
    if y.const is not None and y.const.size == 1:
        prog.define(node, 0, f"{prog.expr(x, node)}.powf_scalar("
                             f"{scalar_literal(y.const.astype(np.float64).reshape(()))})")
    else:
        prog.define(node, 0, f"{prog.expr(x, node)}.powf({prog.expr(y, node)})")


def softmax(node: Node, prog: Program) -> None:
    x = node.need(0)
    axis = int(node.attrs.get("axis", -1))
    fn = "softmax" if node.op_type == "Softmax" else "log_softmax"
    prog.imports.add(f"pyburn.tensor.activation:{fn}")
    prog.define(node, 0, f"{fn}({prog.expr(x, node)}, {axis})")


def _linear(prog: Program, node: Node, x: str, weight: np.ndarray,
            bias: np.ndarray | None, out: str | None = None) -> None:
    """A `Linear` holding `weight` in Burn's ``[d_input, d_output]`` layout."""
    d_in, d_out = weight.shape
    prog.imports.add("pyburn.nn:LinearConfig")
    prog.imports.add("pyburn.nn:Linear")
    arrays = {"weight": weight.astype(np.float32)}
    if bias is not None:
        arrays["bias"] = bias.astype(np.float32)
    ref = prog.add_field("linear", "Linear",
                         f"LinearConfig({d_in}, {d_out}"
                         f"{kwargs(bias=(bias is not None, True))}).init(device)",
                         arrays, comment=node.name)
    if out is None:
        prog.define(node, 0, f"{ref}({x})")
    else:
        prog.bind(out, f"{ref}({x})")   # the fused Add's output


def _bias_add(prog: Program, node: Node, d_out: int) -> tuple[np.ndarray, str] | None:
    """The bias and output of an ``Add`` that only adds a weight vector to this MatMul's
    output (how exporters write ``nn.Linear`` on batched input): Burn fuses it into the
    `Linear`, and so does this importer."""
    readers = prog.consumers.get(node.outputs[0], [])
    if len(readers) != 1 or readers[0] is None or readers[0].op_type != "Add":
        return None
    add = readers[0]
    other = [n for n in add.input if n != node.outputs[0]]
    value = prog.values.get(other[0]) if len(other) == 1 else None
    if value is None or value.const is None or not value.trainable \
            or value.const.shape != (d_out,):
        return None
    prog.fused.add(add.output[0])
    return value.const, add.output[0]


def gemm(node: Node, prog: Program) -> None:
    """``alpha * A' @ B' + beta * C``. A weight `B` with a bias `C` of one row becomes a
    `Linear` (alpha and beta folded into its weights); anything else an expression."""
    a, b, c = node.need(0), node.need(1), node.input(2)
    alpha, beta = float(node.attrs.get("alpha", 1.0)), float(node.attrs.get("beta", 1.0))
    trans_a, trans_b = int(node.attrs.get("transA", 0)), int(node.attrs.get("transB", 0))
    x = prog.expr(a, node) + (".transpose()" if trans_a else "")
    if b.const is not None and (c is None or c.const is not None):
        weight = (b.const.T if trans_b else b.const) * alpha
        d_out = weight.shape[1]
        bias = None
        if c is not None and c.const is not None:
            cc = c.const.astype(np.float32) * beta
            if cc.size in (1, d_out) and cc.ndim <= 2 and (cc.ndim < 2 or cc.shape[0] == 1):
                bias = np.broadcast_to(cc.reshape(-1), (d_out,)).copy()
            else:
                bias = None
        if c is None or bias is not None:
            _linear(prog, node, x, weight, bias)
            return
    y = f"{x}.matmul({prog.expr(b, node)}{'.transpose()' if trans_b else ''})"
    if alpha != 1.0:
        y = f"({y}) * {alpha!r}"
    if c is not None:
        cexpr = prog.expr(c, node)
        y = f"{y} + {cexpr}" + (f" * {beta!r}" if beta != 1.0 else "")
    prog.define(node, 0, y)


def matmul(node: Node, prog: Program) -> None:
    """A product by a constant matrix is a `Linear` (trainable, Burn's layout); otherwise
    ``a.matmul(b)`` with NumPy's batch broadcasting."""
    a, b = node.need(0), node.need(1)
    if a.rank == 1 or b.rank == 1:
        raise node.error("1-D operands are not supported (pyburn's matmul needs rank >= 2); "
                         "unsqueeze them first")
    if b.const is not None and b.const.ndim == 2 and b.const.dtype.kind == "f" \
            and b.trainable:
        fused = _bias_add(prog, node, int(b.const.shape[1]))
        if fused is not None:
            _linear(prog, node, prog.expr(a, node), b.const, fused[0], out=fused[1])
        else:
            _linear(prog, node, prog.expr(a, node), b.const, None)
        return
    prog.define(node, 0, f"{prog.expr(a, node)}.matmul({prog.expr(b, node)})")


REDUCE = {"ReduceMean": "mean_dim", "ReduceSum": "sum_dim", "ReduceMax": "max_dim",
          "ReduceMin": "min_dim"}


def reduce(node: Node, prog: Program) -> None:
    """ReduceMean/Sum/Max/Min: one ``*_dim`` per axis (they keep the dim, as ``keepdims=1``),
    then ``squeeze_dims`` for ``keepdims=0``. The axes are an input from opset 18 (ReduceSum:
    13), an attribute before."""
    x = node.need(0)
    axes_in = node.const_input(1, "axes") if len(node.inputs) > 1 else None
    axes = [int(a) for a in axes_in.reshape(-1)] if axes_in is not None else node.ints("axes")
    rank = x.rank
    if rank is None:
        raise node.error(f"the rank of {x.name!r} is unknown; pass input_shapes")
    if not axes:
        if int(node.attrs.get("noop_with_empty_axes", 0)):
            prog.values[node.outputs[0]] = x
            return
        axes = list(range(rank))
    axes = sorted(a + rank if a < 0 else a for a in axes)
    expr = prog.expr(x, node)
    for a in axes:
        expr += f".{REDUCE[node.op_type]}({a})"
    if not int(node.attrs.get("keepdims", 1)):
        expr += f".squeeze_dims({axes})"
    prog.define(node, 0, expr)


CONVERTERS = {
    **{op: reduce for op in REDUCE},
    **{op: binary for op in BINARY}, **{op: unary for op in UNARY},
    "Gelu": gelu, "Pow": pow_, "Softmax": softmax, "LogSoftmax": softmax,
    "Gemm": gemm, "MatMul": matmul,
}
