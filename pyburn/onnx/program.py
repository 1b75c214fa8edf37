"""The import's intermediate form: what each ONNX value is (a tensor computed in ``forward``, or
a value known at import time) and the model being written (fields, their weights, forward lines).

Converters (``ops_*.py``) read `Node`s and write into a `Program`; `codegen` renders it as Python
source. The direct `load` renders the same program, so the generated file and the quick path can
never compute different things.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from .errors import OnnxImportError


@dataclass
class Value:
    """One ONNX value. Exactly one of `var` (a Python expression evaluated in ``forward``) and
    `const` (a NumPy array known at import time) is set. `trainable` marks constants computed
    from float initializers: they become trainable parameters when ``forward`` needs them."""

    name: str
    shape: list[int | None] | None = None
    dtype: np.dtype[Any] | None = None
    var: str | None = None
    const: np.ndarray | None = None
    trainable: bool = False

    @property
    def rank(self) -> int | None:
        if self.const is not None:
            return self.const.ndim
        return None if self.shape is None else len(self.shape)

    def static_shape(self) -> list[int] | None:
        """The full shape when every dim is known at import time."""
        if self.const is not None:
            return list(self.const.shape)
        if self.shape is None or any(d is None for d in self.shape):
            return None
        return [int(d) for d in self.shape if d is not None]


@dataclass
class Node:
    """One ONNX node with its inputs resolved (None for an omitted optional input)."""

    op_type: str
    name: str
    index: int
    inputs: list[Value | None]
    outputs: list[str]
    attrs: dict[str, Any]
    proto: Any

    @property
    def where(self) -> str:
        return f"{self.op_type} at node {self.index} ({self.name or 'unnamed'})"

    def error(self, message: str) -> OnnxImportError:
        return OnnxImportError(f"onnx import: {self.where}: {message}")

    def input(self, i: int) -> Value | None:
        return self.inputs[i] if i < len(self.inputs) else None

    def need(self, i: int) -> Value:
        value = self.input(i)
        if value is None:
            raise self.error(f"input {i} is required")
        return value

    def const_input(self, i: int, what: str) -> np.ndarray | None:
        """Input `i` as an array known at import time (None when omitted)."""
        value = self.input(i)
        if value is None:
            return None
        if value.const is None:
            raise self.error(f"{what} (input {i}, {value.name!r}) must be known at import time "
                             "(a constant, an initializer or static shape arithmetic); it is "
                             "computed at run time here")
        return value.const

    def ints(self, name: str, default: Sequence[int] | None = None) -> list[int] | None:
        value = self.attrs.get(name)
        return [int(v) for v in value] if value is not None else (
            list(default) if default is not None else None)


@dataclass
class Field:
    """A field of the generated `Model`: a pyburn module (or parameter) built by `init`."""

    name: str
    annotation: str           # "Conv2d", "Param[Tensor]"
    init: str                 # the expression that builds it from `device`
    arrays: dict[str, np.ndarray]   # record path below the field -> value
    comment: str = ""


@dataclass
class Program:
    """The model being generated."""

    values: dict[str, Value] = field(default_factory=dict)
    fields: list[Field] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    imports: set[str] = field(default_factory=set)     # names from pyburn.nn and friends
    inputs: list[str] = field(default_factory=list)    # forward's argument names
    outputs: list[str] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    used_names: set[str] = field(default_factory=set)
    consumers: dict[str, list[Any]] = field(default_factory=dict)  # value -> reading nodes
    fused: set[str] = field(default_factory=set)   # outputs of nodes folded into a layer
    materialized: dict[str, str] = field(default_factory=dict)  # constant -> its field's expr

    def fresh(self, base: str) -> str:
        """A new identifier ``base1``, ``base2``, ... (Burn's naming of generated fields)."""
        base = identifier(base)
        while True:
            self.counters[base] = self.counters.get(base, 0) + 1
            sep = "_" if base[-1].isdigit() else ""
            name = f"{base}{sep}{self.counters[base]}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name

    def add_field(self, base: str, annotation: str, init: str,
                  arrays: dict[str, np.ndarray], comment: str = "") -> str:
        name = self.fresh(base)
        self.fields.append(Field(name, annotation, init, arrays, comment))
        return f"self.{name}"

    def emit(self, line: str) -> None:
        self.lines.append(line)

    def define(self, node: Node, out: int, expr: str) -> str:
        """Bind output `out` of `node` to `expr` with one ``forward`` line; returns the variable."""
        return self.bind(node.outputs[out], expr)

    def bind(self, name: str, expr: str) -> str:
        """Bind the ONNX value `name` to `expr` with one ``forward`` line."""
        base = _var_base(name)
        if base not in self.used_names and base not in RESERVED:
            self.used_names.add(base)
            var = base
        else:
            var = self.fresh(base)
        self.emit(f"{var} = {expr}")
        value = self.values.setdefault(name, Value(name))
        value.var = var
        return var

    def set_const(self, name: str, array: np.ndarray, trainable: bool = False) -> None:
        value = self.values.setdefault(name, Value(name))
        value.const, value.var, value.trainable = np.asarray(array), None, trainable

    def expr(self, value: Value, node: Node) -> str:
        """`value` as a ``forward`` expression: its variable, a literal for a scalar constant,
        or a parameter field holding a constant tensor (trainable when it came from float
        initializers, a fixed one otherwise)."""
        if value.var is not None:
            return value.var
        const = value.const
        assert const is not None
        if const.ndim == 0 and const.dtype.kind in "fiub":
            return scalar_literal(const)
        if const.dtype.kind != "f":
            raise node.error(f"input {value.name!r} is a constant {const.dtype} tensor used as "
                             "data at run time; only float constants can be")
        if value.name in self.materialized:   # one field per constant, however often read
            return self.materialized[value.name]
        trainable = value.trainable
        init = (f"Param.from_data(np.zeros({list(const.shape)}, np.float32), device"
                f"{'' if trainable else ', require_grad=False'})")
        ref = self.add_field("constant" if not trainable else "weight", "Param[Tensor]", init,
                             {"": const.astype(np.float32)}, comment=value.name)
        self.materialized[value.name] = f"{ref}.val()"
        return self.materialized[value.name]


# Names the generated module binds or uses: a value may not be called that in ``forward``.
RESERVED = frozenset({"self", "cls", "device", "path", "v", "np", "float", "softmax",
                      "log_softmax", "gelu", "gelu_tanh"})


def identifier(text: str) -> str:
    """A Python identifier made of `text`'s letters and digits (lower case)."""
    name = re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_").lower() or "v"
    if name[0].isdigit():
        name = "v" + name
    return name + "_" if keyword.iskeyword(name) else name


def _var_base(onnx_name: str) -> str:
    base = re.sub(r"_output_0$", "", identifier(onnx_name))   # torch's "/fc/Gemm_output_0"
    return base if len(base) <= 24 and not base.startswith("onnx") else "v"


def scalar_literal(array: np.ndarray) -> str:
    item = np.asarray(array).item()
    if isinstance(item, float):
        return repr(float(np.float32(item))) if np.isfinite(item) else f"float('{item}')"
    return repr(item)


def f32(value: float) -> str:
    """A float attribute as its shortest float32 spelling (``1e-05``, not
    ``9.999999747378752e-06``)."""
    return repr(float(str(np.float32(value))))


def kwargs(**items: tuple[object, object]) -> str:
    """``name=value`` for each item whose value differs from its default: ``(value,
    default)``; the generated configs then read like hand-written ones."""
    return "".join(f", {k}={v}" for k, (v, d) in items.items() if v != d)


def comment_text(text: str) -> str:
    """An ONNX name made safe for a ``#`` comment (one printable line)."""
    return "".join(c if c.isprintable() and c not in "\"\\" else "?" for c in text)[:80]
