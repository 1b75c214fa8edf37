"""Errors of the ONNX importer.

They subclass `ValueError` (what a bad file or argument raises elsewhere in pyburn) and name the
file, the node and the op, so a model that cannot be imported says where and why.
"""

from __future__ import annotations


class OnnxImportError(ValueError):
    """An ONNX file that cannot be imported: not an ONNX model, truncated, an opset out of the
    supported range, external data outside the model's folder, a shape that is not static where
    the import needs one, or an attribute value pyburn has no equivalent for."""


class UnsupportedOnnxOpError(OnnxImportError):
    """A node whose op type pyburn cannot translate (the message lists those it can)."""
