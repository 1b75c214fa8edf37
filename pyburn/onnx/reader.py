"""Reading an ``.onnx`` file safely: parse with the ``onnx`` package, check what it refers to,
then infer every intermediate shape.

A model is a protobuf message: parsing it runs no code. Its large tensors may live in
*external data* files named by relative paths; those paths are checked to stay inside the model's
folder before anything is read, so a crafted model cannot make the importer read
``/etc/passwd`` or ``../../secrets``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping, Sequence

from .errors import OnnxImportError

MIN_OPSET = 13   # Squeeze/Unsqueeze axes as inputs, Softmax on one axis
MAX_OPSET = 22   # the newest opset whose ops here are checked against onnxruntime


def _onnx() -> Any:
    try:
        import onnx
    except ImportError as exc:  # pragma: no cover - onnx is in the dev extra
        raise ImportError("pyburn.onnx needs the `onnx` package (pip install onnx); the code it "
                          "generates does not") from exc
    return onnx


def read_model(path: str | os.PathLike[str],
               input_shapes: Mapping[str, Sequence[int]] | None = None) -> Any:
    """The ``onnx.ModelProto`` at `path`, validated, with its external data loaded and every
    value's shape inferred. `input_shapes` pins graph inputs' symbolic dims (``{"x": [1, 3,
    28, 28]}``) so that shape arithmetic on them folds at import time."""
    onnx = _onnx()
    from google.protobuf.message import DecodeError

    file = Path(path)
    if not file.is_file():
        raise OnnxImportError(f"onnx import: {file}: no such file")
    raw = file.read_bytes()
    try:
        model = onnx.load_model_from_string(raw)
    except (DecodeError, RuntimeError, ValueError) as exc:
        raise OnnxImportError(f"onnx import: {file} is not a readable ONNX model (truncated or "
                              f"another format: {len(raw)} bytes): {exc}") from None
    if not model.HasField("graph") or not model.graph.node:
        raise OnnxImportError(f"onnx import: {file} holds no graph (an empty or truncated file, "
                              f"or not an ONNX model: {len(raw)} bytes)")
    _check_opset(file, model)
    _load_external_data(onnx, file, model)
    if input_shapes:
        _pin_input_shapes(file, model, input_shapes)
    try:
        onnx.checker.check_model(model)
        return onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True,
                                                 data_prop=True)
    except (onnx.checker.ValidationError, onnx.shape_inference.InferenceError) as exc:
        raise OnnxImportError(f"onnx import: {file} is not a valid ONNX model: "
                              f"{str(exc).strip().splitlines()[0]}") from None


def opset_of(model: Any) -> int:
    """The default-domain opset the model was written for."""
    for entry in model.opset_import:
        if entry.domain in ("", "ai.onnx"):
            return int(entry.version)
    raise OnnxImportError("onnx import: the model imports no default-domain (ai.onnx) opset")


def _check_opset(file: Path, model: Any) -> None:
    version = opset_of(model)
    if not MIN_OPSET <= version <= MAX_OPSET:
        raise OnnxImportError(
            f"onnx import: {file} uses opset {version}; supported: {MIN_OPSET} to {MAX_OPSET}. "
            f"Convert it first: onnx.version_converter.convert_version(model, 17)")
    others = sorted({e.domain for e in model.opset_import if e.domain not in ("", "ai.onnx")})
    used = {n.domain for n in model.graph.node if n.domain not in ("", "ai.onnx")}
    if used:
        raise OnnxImportError(f"onnx import: {file} uses ops of the custom domain(s) "
                              f"{', '.join(sorted(used))} (imported: {', '.join(others)}); only "
                              "the standard ai.onnx ops are supported")


def _load_external_data(onnx: Any, file: Path, model: Any) -> None:
    """Read the tensors stored beside the model, refusing paths that leave its folder."""
    from onnx.external_data_helper import (load_external_data_for_model,
                                           uses_external_data)
    base = file.parent.resolve()
    tensors = [t for t in model.graph.initializer if uses_external_data(t)]
    for node in model.graph.node:
        for attr in node.attribute:
            if attr.HasField("t") and uses_external_data(attr.t):
                tensors.append(attr.t)
    for tensor in tensors:
        location = next((e.value for e in tensor.external_data if e.key == "location"), "")
        target = (base / location).resolve()
        if not location or os.path.isabs(location) or not target.is_relative_to(base):
            raise OnnxImportError(f"onnx import: {file}: tensor {tensor.name!r} refers to "
                                  f"external data {location!r} outside the model's folder "
                                  f"{base}; refused")
        if not target.is_file():
            raise OnnxImportError(f"onnx import: {file}: tensor {tensor.name!r} refers to "
                                  f"external data {location!r}, which does not exist")
    if tensors:
        try:
            load_external_data_for_model(model, str(base))
        except (OSError, ValueError) as exc:
            raise OnnxImportError(f"onnx import: {file}: cannot read external data: "
                                  f"{exc}") from None


def _pin_input_shapes(file: Path, model: Any, shapes: Mapping[str, Sequence[int]]) -> None:
    inputs = {i.name: i for i in model.graph.input}
    for name, dims in shapes.items():
        if name not in inputs:
            raise OnnxImportError(f"onnx import: input_shapes names {name!r}, which is not an "
                                  f"input of {file} (inputs: {', '.join(inputs)})")
        tensor_type = inputs[name].type.tensor_type
        if len(tensor_type.shape.dim) != len(dims):
            raise OnnxImportError(f"onnx import: input_shapes[{name!r}] = {list(dims)} has rank "
                                  f"{len(dims)}; the model's input has rank "
                                  f"{len(tensor_type.shape.dim)}")
        for dim, value in zip(tensor_type.shape.dim, dims):
            dim.Clear()
            dim.dim_value = int(value)
