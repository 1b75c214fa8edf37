"""The record tree: the backend-independent value every recorder serializes.

A tree is built from ``dict[str, Item]`` (named fields, order kept), ``list[Item]``,
`TensorData`, ``int``, ``float``, ``bool``, ``str`` and ``None``. The module layer turns a
module into such a tree (a parameter is ``{"id": ..., "param": TensorData}``) and back, so the
recorders never see a backend and a record written by one backend loads into any other.
"""

from __future__ import annotations

import math
from typing import Any, Mapping, Sequence, TypeAlias, Union

import numpy as np

from pyburn.tensor.data import TensorData
from pyburn.tensor.dtype import DType

from .errors import PrecisionOverflowError, RecordTypeError
from .precision import PrecisionSettings

Item: TypeAlias = Union[dict[str, "Item"], list["Item"], TensorData, int, float, bool, str, None]
"""A node of a record tree, as loading returns it."""

ItemLike: TypeAlias = Union[Mapping[str, "ItemLike"], Sequence["ItemLike"], TensorData, int, float,
                            bool, str, None, np.bool_, "np.integer[Any]", "np.floating[Any]"]
"""What saving accepts: `Item` with read-only (hence covariant) containers, so a
``dict[str, list[dict[str, TensorData]]]`` type-checks, plus NumPy scalars (stored as the
Python number they equal). The exact rules (dict and list only, no tuples) are checked at run
time by `prepare_for_save`."""

TreePath: TypeAlias = tuple[Union[str, int], ...]
"""Where a node sits: field names and list indices from the root."""

MAX_DEPTH = 256
"""Nesting limit, checked when writing and when reading, so a hostile file cannot exhaust the
interpreter stack."""

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def path_str(path: TreePath) -> str:
    """The dotted name of a path (``lstm.input_gate.weight``, ``layers.0.bias``), as used in
    error messages and as tensor names in flat formats such as safetensors."""
    return ".".join(str(part) for part in path) if path else "<root>"


def is_param_node(node: object) -> bool:
    """Whether `node` is a module parameter, ``{"id": str, "param": TensorData}``."""
    return (isinstance(node, dict) and len(node) == 2 and isinstance(node.get("id"), str)
            and isinstance(node.get("param"), TensorData))


def prepare_for_save(item: ItemLike | object, settings: PrecisionSettings) -> Item:
    """Check that `item` is a record tree and return a copy with every tensor in the storage
    precision of `settings`.

    Checking everything *before* a byte is written is what lets a failed save leave the
    previous file untouched. NumPy scalars are accepted and stored as the Python number they
    equal. Raises `RecordTypeError` (unsupported object, non-str key, cycle, too deep) or
    `PrecisionOverflowError` (an int that does not fit), naming the field path.
    """
    return _prepare(item, settings, (), set())


def _prepare(node: object, settings: PrecisionSettings, path: TreePath,
             active: set[int]) -> Item:
    if node is None or isinstance(node, bool):
        return node
    if isinstance(node, str):
        return _check_text(str(node), path)
    if isinstance(node, TensorData):
        return convert_tensor(node, settings, path)
    if isinstance(node, np.bool_):
        return bool(node)
    if isinstance(node, (int, np.integer)):
        value = int(node)
        if not INT64_MIN <= value <= INT64_MAX:
            raise PrecisionOverflowError(f"record field '{path_str(path)}': int {value} does not "
                                         "fit in 64 bits")
        return value
    if isinstance(node, (float, np.floating)):
        return float(node)
    if isinstance(node, (dict, list)):
        if len(path) >= MAX_DEPTH:
            raise RecordTypeError(f"record field '{path_str(path)}': nesting deeper than "
                                  f"{MAX_DEPTH} levels")
        if id(node) in active:
            raise RecordTypeError(f"record field '{path_str(path)}': the tree contains a cycle")
        active.add(id(node))
        try:
            if isinstance(node, list):
                return [_prepare(v, settings, path + (i,), active) for i, v in enumerate(node)]
            out: dict[str, Item] = {}
            for key, value in node.items():
                if not isinstance(key, str):
                    raise RecordTypeError(f"record field '{path_str(path)}': keys must be str, "
                                          f"got {type(key).__name__} {key!r}")
                out[_check_text(str(key), path)] = _prepare(value, settings, path + (key,), active)
            return out
        finally:
            active.discard(id(node))
    hint = " (use a list)" if isinstance(node, tuple) else ""
    raise RecordTypeError(f"record field '{path_str(path)}': cannot record a "
                          f"{type(node).__module__}.{type(node).__qualname__}{hint}; a record "
                          "holds dict, list, TensorData, int, float, bool, str or None")


def _check_text(text: str, path: TreePath) -> str:
    """Every format stores text as UTF-8; a lone surrogate (from a bad decode) cannot be."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RecordTypeError(f"record field '{path_str(path)}': string {text!r} is not valid "
                              f"Unicode ({exc.reason})") from None
    return text


def convert_tensor(data: TensorData, settings: PrecisionSettings, path: TreePath) -> TensorData:
    """`data` in the storage dtype of `settings`: floats to its float dtype (values beyond the
    target's range become ±inf, as an IEEE cast does), ints to its int dtype (refused with
    `PrecisionOverflowError` when a value does not fit), bools unchanged."""
    source = data.dtype
    if source.is_float:
        target = settings.float_dtype
    elif source.is_int:
        target = settings.int_dtype
    else:
        return data
    if source is target:
        return data
    array = data.as_numpy()
    if target.is_int and array.size:
        info = np.iinfo(target.numpy())
        low, high = int(array.min()), int(array.max())
        if low < info.min or high > info.max:
            bad = low if low < info.min else high
            raise PrecisionOverflowError(
                f"record field '{path_str(path)}': int value {bad} does not fit {target} "
                f"(range {info.min}..{info.max}) required by {settings.name()}; save with "
                "settings that store wider ints (e.g. DoublePrecisionSettings)")
    if target is DType.BF16:
        return tensor_of(round_to_bf16(array.astype(np.float32)), DType.BF16)
    with np.errstate(over="ignore", invalid="ignore"):
        return tensor_of(array.astype(target.numpy()), target)


def tensor_of(array: np.ndarray, dtype: DType) -> TensorData:
    """Wrap `array` (no copy when possible) as a tensor of `dtype`, keeping 0-d arrays 0-d
    (`np.ascontiguousarray`, used by `TensorData.from_numpy`, turns them into 1-d)."""
    if array.ndim == 0:
        return TensorData(array, dtype=dtype)
    return TensorData.from_numpy(array, dtype)


def round_to_bf16(values: np.ndarray) -> np.ndarray:
    """float32 values rounded (to nearest, ties to even) to the nearest bfloat16 value, still
    held as float32 — bfloat16 is the upper half of a float32."""
    bits = np.ascontiguousarray(values, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    nan = np.isnan(values)
    rounded = np.where(nan, (bits >> 16) | 0x40, rounded)
    return (rounded.astype(np.uint32) << 16).view(np.float32).reshape(np.shape(values))


def trees_equal(a: Any, b: Any) -> bool:
    """Exact structural equality of two trees (NaN equals NaN, tensor dtypes must match);
    handy in tests and for checking a round-trip."""
    if isinstance(a, TensorData) or isinstance(b, TensorData):
        return isinstance(a, TensorData) and isinstance(b, TensorData) and a == b
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(trees_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(trees_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, float):
        return (a == b and math.copysign(1.0, a) == math.copysign(1.0, b)) or (a != a and b != b)
    return bool(a == b)
