"""Turning a rendered program into a live module: run the generated source in a fresh
namespace, build the layers, and put the imported weights into them.

The source executed here is the importer's own output: identifiers it made up and numbers it
wrote (names from the ONNX file only ever appear sanitized, in comments), so importing a model
runs no code that the model could choose.
"""

from __future__ import annotations

import itertools
import sys
import types
from typing import Any

import numpy as np

from pyburn.module import Module, Param
from pyburn.tensor import Device, TensorData

from .program import Program


_COUNT = itertools.count(1)


def exec_source(source: str) -> types.ModuleType:
    """The generated module, run under a unique name (dataclasses look their class's module up
    in ``sys.modules`` while they build it; it is removed again afterwards)."""
    name = f"pyburn_onnx_model_{next(_COUNT)}"
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    sys.modules[name] = module
    try:
        exec(compile(source, module.__file__, "exec"), module.__dict__)  # noqa: S102 - see above
    finally:
        del sys.modules[name]
    return module


def weights(prog: Program) -> dict[str, np.ndarray]:
    """Every imported array by its record path in the generated model."""
    out: dict[str, np.ndarray] = {}
    for f in prog.fields:
        for path, array in f.arrays.items():
            out[f"{f.name}.{path}" if path else f.name] = array
    return out


def with_weights(model: Module, arrays: dict[str, np.ndarray]) -> Any:
    """`model` with its parameters replaced by `arrays` (same ids and require-grad flags)."""
    used: set[str] = set()

    def replace(path: str, param: Param[Any]) -> Param[Any]:
        if path not in arrays:
            return param
        value = np.ascontiguousarray(arrays[path])
        if tuple(value.shape) != tuple(param.shape):  # a converter and a layer that disagree
            raise RuntimeError(f"onnx import: {path}: the layer expects {list(param.shape)}, "
                               f"the import computed {list(value.shape)}")
        used.add(path)
        return param.with_value(param.tensor_cls.from_data(TensorData(value), param.device))

    out = model.map(replace)
    missing = sorted(set(arrays) - used)
    if missing:
        raise RuntimeError(f"onnx import: no parameter for {missing}")
    return out


def instantiate(model_cls: Any, prog: Program, device: Device) -> Any:
    return with_weights(model_cls.init(device), weights(prog))
