"""From an ``onnx.ModelProto`` to a `Program`: what can be computed at import time is folded
(`folding`), the remaining nodes are translated by the op converters (``ops_*.py``) in graph
order; an op no converter knows is an `UnsupportedOnnxOpError`."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from . import ops_layers, ops_math, ops_rnn, ops_shape
from .errors import OnnxImportError, UnsupportedOnnxOpError
from .program import RESERVED, Node, Program, Value, identifier
from .folding import fold_constants

Converter = Callable[[Node, Program], None]
CONVERTERS: dict[str, Converter] = {
    **ops_math.CONVERTERS, **ops_shape.CONVERTERS, **ops_layers.CONVERTERS,
    **ops_rnn.CONVERTERS,
}
# The ops translated into run-time code; any op at all is fine when its inputs are known at
# import time (`folding`), Constant included.
SUPPORTED_OPS: tuple[str, ...] = tuple(sorted(set(CONVERTERS) | {"Constant"}))


def build_program(model: Any) -> Program:
    """Translate `model` (validated, shapes inferred: see `reader.read_model`)."""
    import onnx
    from onnx import numpy_helper

    # errors name nodes by their index in the file, not in the folded graph
    position = {n.output[0]: i for i, n in enumerate(model.graph.node) if n.output}
    model, trainable = fold_constants(model)
    graph = model.graph
    prog = Program()
    shapes = _value_shapes(onnx, graph)
    for init in graph.initializer:
        array = numpy_helper.to_array(init)
        prog.values[init.name] = Value(init.name, list(array.shape), array.dtype, const=array,
                                       trainable=init.name in trainable)
    initialized = {i.name for i in graph.initializer}
    for inp in graph.input:
        if inp.name in initialized:
            continue
        shape, dtype = shapes.get(inp.name, (None, None))
        var = identifier(inp.name)
        var = var if var not in prog.used_names and var not in RESERVED else prog.fresh(var)
        prog.used_names.add(var)
        prog.values[inp.name] = Value(inp.name, shape, dtype, var=var)
        prog.inputs.append(var)
    for proto in graph.node:
        for name in proto.input:
            prog.consumers.setdefault(name, []).append(proto)
    for o in graph.output:
        prog.consumers.setdefault(o.name, []).append(None)
    for index, proto in enumerate(graph.node):
        if proto.output and proto.output[0] in prog.fused:
            continue
        node = _node(onnx, proto, position.get(proto.output[0], index) if proto.output
                     else index, prog)
        convert = CONVERTERS.get(proto.op_type)
        if convert is None:
            raise UnsupportedOnnxOpError(
                f"onnx import: unsupported ONNX op {node.where}; supported: "
                f"{', '.join(SUPPORTED_OPS)} (and any op whose inputs are all known at import "
                "time: it is computed then)")
        convert(node, prog)
        for out in proto.output:
            if out and out in shapes and out in prog.values:
                value = prog.values[out]
                if value.var is not None and value.shape is None:
                    value.shape, value.dtype = shapes[out]
    for out in graph.output:
        result = prog.values.get(out.name)
        if result is None:
            raise OnnxImportError(f"onnx import: graph output {out.name!r} is never computed")
        if result.var is None:   # an output known at import time: a fixed parameter
            fake = Node("Output", out.name, len(graph.node), [result], [out.name], {}, None)
            prog.outputs.append(prog.expr(result, fake))
        else:
            prog.outputs.append(result.var)
    return prog


def _value_shapes(onnx: Any, graph: Any) -> dict[str, tuple[list[int | None], Any]]:
    """Static shape (None for symbolic dims) and dtype of every typed value."""
    out: dict[str, tuple[list[int | None], Any]] = {}
    for info in list(graph.input) + list(graph.value_info) + list(graph.output):
        tensor_type = info.type.tensor_type
        if not tensor_type.HasField("shape"):
            continue
        dims = [int(d.dim_value) if d.HasField("dim_value") else None
                for d in tensor_type.shape.dim]
        dtype = (np.dtype(onnx.helper.tensor_dtype_to_np_dtype(tensor_type.elem_type))
                 if tensor_type.elem_type else None)
        out[info.name] = (dims, dtype)
    return out


def _node(onnx: Any, proto: Any, index: int, prog: Program) -> Node:
    inputs: list[Value | None] = []
    for name in proto.input:
        if not name:
            inputs.append(None)
            continue
        value = prog.values.get(name)
        if value is None:
            raise OnnxImportError(f"onnx import: {proto.op_type} at node {index} "
                                  f"({proto.name or 'unnamed'}) reads {name!r}, which no "
                                  "earlier node computes (the graph is not topologically sorted)")
        inputs.append(value)
    attrs = {a.name: onnx.helper.get_attribute_value(a) for a in proto.attribute}
    return Node(proto.op_type, proto.name, index, inputs, list(proto.output), attrs, proto)
