"""Constant folding: every node whose inputs are all known at import time (initializers,
``Constant``s, shapes of tensors whose dims are static) is computed once, by onnx's reference
evaluator, and replaced by its result; shape inference then runs again on the smaller graph, so
the shapes that folding revealed (a ``Reshape`` whose target came from shape arithmetic) are
known to the converters. Repeated until nothing changes.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .errors import OnnxImportError
from .reader import opset_of

# Never folded: they are random, or they mean something at run time only.
_KEEP = ("Dropout", "RandomNormal", "RandomUniform", "RandomNormalLike", "RandomUniformLike",
         "Multinomial", "Bernoulli")


def fold_constants(model: Any, max_rounds: int = 16) -> tuple[Any, set[str]]:
    """The model with constant subgraphs folded into initializers, and the names of the folded
    values computed from float initializers (weights in another layout: trainable)."""
    import onnx
    from onnx import numpy_helper

    trainable = {i.name for i in model.graph.initializer
                 if numpy_helper.to_array(i).dtype.kind == "f"}
    for _ in range(max_rounds):
        graph = model.graph
        consts = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
        shapes = _static_shapes(graph)
        kept, changed = [], False
        for index, node in enumerate(graph.node):
            results = _try_fold(node, index, consts, shapes, opset_of(model))
            if results is None:
                kept.append(node)
                continue
            changed = True
            derived = any(name in trainable for name in node.input)
            for name, array in zip(node.output, results):
                if name:
                    consts[name] = np.asarray(array)
                    if derived and consts[name].dtype.kind == "f":
                        trainable.add(name)
        if not changed:
            return model, trainable
        used = {name for node in kept for name in node.input} | \
            {o.name for o in graph.output}
        new_graph = onnx.helper.make_graph(
            kept, graph.name, list(graph.input), list(graph.output),
            initializer=[numpy_helper.from_array(np.asarray(a), name)
                         for name, a in consts.items() if name in used])
        # graph inputs that also had initializers (old exporters) stay initializers
        new_model = onnx.helper.make_model(new_graph, opset_imports=list(model.opset_import),
                                           ir_version=model.ir_version)
        try:
            model = onnx.shape_inference.infer_shapes(new_model, data_prop=True)
        except onnx.shape_inference.InferenceError as exc:
            raise OnnxImportError(f"onnx import: shape inference failed after folding "
                                  f"constants: {exc}") from None
    return model, trainable


def _static_shapes(graph: Any) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for info in list(graph.input) + list(graph.value_info) + list(graph.output):
        tensor_type = info.type.tensor_type
        if tensor_type.HasField("shape") and all(d.HasField("dim_value")
                                                 for d in tensor_type.shape.dim):
            out[info.name] = [int(d.dim_value) for d in tensor_type.shape.dim]
    return out


def _try_fold(node: Any, index: int, consts: dict[str, np.ndarray],
              shapes: dict[str, list[int]], opset: int) -> list[Any] | None:
    """The node's outputs when they can be computed now, else None."""
    import onnx
    from onnx.reference import ReferenceEvaluator

    if node.op_type in _KEEP or node.domain not in ("", "ai.onnx"):
        return None
    if node.op_type == "Shape" and node.input[0] not in consts:
        dims = shapes.get(node.input[0])
        if dims is None:
            return None
        rank = len(dims)
        attrs = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
        start, end = int(attrs.get("start", 0)), int(attrs.get("end", rank))
        start = min(max(start + rank if start < 0 else start, 0), rank)
        end = min(max(end + rank if end < 0 else end, 0), rank)
        return [np.array(dims[start:end], dtype=np.int64)]
    if node.op_type == "Size" and node.input[0] in shapes:
        return [np.array(int(np.prod(shapes[node.input[0]])), dtype=np.int64)]
    if not all(name == "" or name in consts for name in node.input):
        return None
    feeds = {name: consts[name] for name in node.input if name}
    try:
        return list(ReferenceEvaluator(node, opsets={"": opset}).run(None, feeds))
    except Exception as exc:  # the reference evaluator raises many kinds
        raise OnnxImportError(f"onnx import: {node.op_type} at node {index} "
                              f"({node.name or 'unnamed'}): cannot compute it at import time: "
                              f"{exc}") from None
