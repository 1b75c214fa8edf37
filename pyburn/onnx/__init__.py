"""ONNX import (Burn's ``burn-import``): an ``.onnx`` file becomes ordinary pyburn code.

`ModelGen` writes a Python module with a ``Model(Module)`` class (pyburn layers as fields, a
straight-line ``forward``) and a record with the weights; `load` builds the same model in
memory. The op set, and how each op maps, is in ``docs/importing-onnx.md``; anything else fails
with an `UnsupportedOnnxOpError` naming the op and the node.

Needs the ``onnx`` package to import; the generated code needs only pyburn.
"""

from .errors import OnnxImportError, UnsupportedOnnxOpError
from .importer import SUPPORTED_OPS
from .model_gen import ImportedModel, ModelGen, generate_source, load
from .reader import MAX_OPSET, MIN_OPSET

__all__ = ["ModelGen", "ImportedModel", "load", "generate_source", "OnnxImportError",
           "UnsupportedOnnxOpError", "SUPPORTED_OPS", "MIN_OPSET", "MAX_OPSET"]
