"""JSON records: human-readable, for debugging weights and diffing checkpoints.

Layout of the tree in JSON:

* dicts are objects, lists arrays, ``int``/``str``/``bool``/``None`` their JSON values; floats
  are written with Python's ``repr`` (shortest text that round-trips a float64 exactly);
* a tensor is ``{"$tensor": {"dtype": "float32", "shape": [2, 3], "values": [...]}}`` with the
  values flattened in C order. float32/float16 values are written as the shortest decimal that
  converts back to the same float32/float16 (``0.1``, not ``0.10000000149011612``), checked
  element by element;
* JSON has no NaN or infinity, so inside ``values`` they are the strings ``"NaN"``, ``"-NaN"``
  (a NaN with its sign bit set keeps it, as the binary formats do), ``"inf"``, ``"-inf"``, and a
  non-finite scalar float is ``{"$float": "NaN"}``;
* keys starting with ``$`` are reserved for these markers. A user key that starts with ``$``
  is written with one more ``$`` (``"$x"`` -> ``"$$x"``) and un-escaped on load, so no user
  dict can be mistaken for a tensor.

`PrettyJsonFileRecorder` indents nested objects but keeps flat arrays (shapes, values) on one
line; `JsonGzFileRecorder` writes compact JSON and gzips it.
"""

from __future__ import annotations

import json
import math
from typing import Any, Callable

import numpy as np

from pyburn.tensor.data import TensorData
from pyburn.tensor.dtype import DType

from .errors import RecordError
from .tensor_bytes import parse_dtype, parse_shape
from .tree import MAX_DEPTH, Item, TreePath, path_str, round_to_bf16, tensor_of

NAME = "json"
TENSOR_KEY = "$tensor"
FLOAT_KEY = "$float"
_SPECIAL_TEXT = {"NaN": math.nan, "-NaN": math.copysign(math.nan, -1.0), "inf": math.inf,
                 "-inf": -math.inf}

JsonValue = Any
TensorWriter = Callable[[TensorData, TreePath], JsonValue]
TensorReader = Callable[[JsonValue, TreePath], TensorData]


# ---------------------------------------------------------------- tree <-> JSON values


def to_json_value(node: Item, write_tensor: TensorWriter, path: TreePath = ()) -> JsonValue:
    """The JSON value of a prepared tree; `write_tensor` gives the payload stored under
    ``"$tensor"`` (the values here, a tensor name in safetensors' metadata)."""
    if isinstance(node, TensorData):
        return {TENSOR_KEY: write_tensor(node, path)}
    if isinstance(node, float) and not math.isfinite(node):
        return {FLOAT_KEY: _special_text(node)}
    if isinstance(node, list):
        return [to_json_value(v, write_tensor, path + (i,)) for i, v in enumerate(node)]
    if isinstance(node, dict):
        return {("$" + k if k.startswith("$") else k): to_json_value(v, write_tensor, path + (k,))
                for k, v in node.items()}
    return node


def from_json_value(value: JsonValue, read_tensor: TensorReader, path: TreePath = ()) -> Item:
    """Inverse of `to_json_value`, validating as it goes."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if len(path) > MAX_DEPTH:
        raise RecordError(f"field '{path_str(path)}': nesting deeper than {MAX_DEPTH} levels")
    if isinstance(value, list):
        return [from_json_value(v, read_tensor, path + (i,)) for i, v in enumerate(value)]
    if not isinstance(value, dict):
        raise RecordError(f"field '{path_str(path)}': unexpected JSON value {value!r}")
    markers = [k for k in value if k.startswith("$") and not k.startswith("$$")]
    if markers:
        if len(value) != 1:
            raise RecordError(f"field '{path_str(path)}': marker {markers[0]!r} must be the "
                              "only key of its object")
        if TENSOR_KEY in value:
            return read_tensor(value[TENSOR_KEY], path)
        if FLOAT_KEY in value and value[FLOAT_KEY] in _SPECIAL_TEXT:
            return _SPECIAL_TEXT[value[FLOAT_KEY]]
        raise RecordError(f"field '{path_str(path)}': unknown marker {value!r}")
    out: dict[str, Item] = {}
    for key, child in value.items():
        name = key[1:] if key.startswith("$") else key
        out[name] = from_json_value(child, read_tensor, path + (name,))
    return out


# ---------------------------------------------------------------- tensors as value lists


def tensor_to_json(data: TensorData, path: TreePath = ()) -> JsonValue:
    """``{"dtype", "shape", "values"}`` with exactly round-tripping values."""
    flat = data.as_numpy().reshape(-1)
    values: list[Any]
    if data.dtype.is_float:
        values = _float_values(flat)
    else:
        values = flat.tolist()
    return {"dtype": data.dtype.value, "shape": list(data.shape), "values": values}


def _float_values(flat: np.ndarray) -> list[Any]:
    if flat.dtype == np.float64:
        exact = flat
    else:
        # Shortest decimal per element (numpy's unique repr), kept only where it converts back
        # to the identical value; elsewhere the exact float64 widening is written.
        with np.errstate(invalid="ignore", over="ignore"):
            short = flat.astype(str).astype(np.float64)
            same = short.astype(flat.dtype) == flat
        exact = np.where(same, short, flat.astype(np.float64))
    values: list[Any] = exact.tolist()
    for i in np.flatnonzero(~np.isfinite(flat)).tolist():
        values[i] = _special_text(float(flat[i]))
    return values


def tensor_from_json(payload: JsonValue, path: TreePath = ()) -> TensorData:
    if not isinstance(payload, dict) or set(payload) != {"dtype", "shape", "values"}:
        raise RecordError(f"tensor '{path_str(path)}': expected {{'dtype', 'shape', 'values'}}, "
                          f"found {sorted(payload) if isinstance(payload, dict) else payload!r}")
    dtype = parse_dtype(payload["dtype"], path)
    shape = parse_shape(payload["shape"], path)
    values = payload["values"]
    if not isinstance(values, list) or len(values) != math.prod(shape):
        count = len(values) if isinstance(values, list) else type(values).__name__
        raise RecordError(f"tensor '{path_str(path)}': shape {list(shape)} needs "
                          f"{math.prod(shape)} values, found {count}")
    if dtype.is_float:
        with np.errstate(over="ignore"):
            array = _parse_floats(values, path).astype(dtype.numpy())
        if dtype is DType.BF16:
            array = round_to_bf16(array)  # a hand-edited value snaps to the nearest bfloat16
    elif dtype is DType.BOOL:
        if not all(type(v) is bool for v in values):
            raise RecordError(f"tensor '{path_str(path)}': bool tensor holds a non-bool value")
        array = np.array(values, dtype=np.bool_)
    else:
        array = _parse_ints(values, dtype, path)
    return tensor_of(array.reshape(shape), dtype)


def _parse_floats(values: list[Any], path: TreePath) -> np.ndarray:
    odd = [i for i, v in enumerate(values) if type(v) is not float and type(v) is not int]
    if odd:
        values = list(values)
        for i in odd:
            if not isinstance(values[i], str) or values[i] not in _SPECIAL_TEXT:
                raise RecordError(f"tensor '{path_str(path)}': value {values[i]!r} at index {i} "
                                  "is not a number")
            values[i] = _SPECIAL_TEXT[values[i]]
    return np.array(values, dtype=np.float64)


def _parse_ints(values: list[Any], dtype: DType, path: TreePath) -> np.ndarray:
    if not all(type(v) is int for v in values):
        raise RecordError(f"tensor '{path_str(path)}': {dtype} tensor holds a non-integer value")
    info = np.iinfo(dtype.numpy())
    if values and (min(values) < info.min or max(values) > info.max):
        raise RecordError(f"tensor '{path_str(path)}': value out of range for {dtype}")
    return np.array(values, dtype=dtype.numpy())


def _special_text(value: float) -> str:
    if math.isnan(value):
        return "-NaN" if math.copysign(1.0, value) < 0 else "NaN"
    return "inf" if value > 0 else "-inf"


# ---------------------------------------------------------------- text


def encode(tree: Item, pretty: bool = False) -> bytes:
    """Serialize a prepared tree as UTF-8 JSON text."""
    value = to_json_value(tree, tensor_to_json)
    if not pretty:
        return json.dumps(value, ensure_ascii=False, allow_nan=False,
                          separators=(",", ":")).encode("utf-8")
    out: list[str] = []
    _write_pretty(value, out, 0)
    return "".join(out).encode("utf-8")


def _write_pretty(value: JsonValue, out: list[str], level: int, indent: str = "  ") -> None:
    """Indented like ``json.dumps(indent=2)``, except that arrays without nested containers
    stay on one line: a tensor's values are one line, not one line per number."""
    if isinstance(value, dict) and value:
        out.append("{\n")
        for i, (key, child) in enumerate(value.items()):
            out.append(indent * (level + 1) + json.dumps(key, ensure_ascii=False) + ": ")
            _write_pretty(child, out, level + 1, indent)
            out.append(",\n" if i < len(value) - 1 else "\n")
        out.append(indent * level + "}")
    elif isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        out.append("[\n")
        for i, child in enumerate(value):
            out.append(indent * (level + 1))
            _write_pretty(child, out, level + 1, indent)
            out.append(",\n" if i < len(value) - 1 else "\n")
        out.append(indent * level + "]")
    else:
        out.append(json.dumps(value, ensure_ascii=False, allow_nan=False))


def check_head(head: bytes) -> None:
    """Refuse (`RecordError`) first bytes that cannot start a record: the envelope is a JSON
    object, so after optional whitespace the text starts with ``{``."""
    text = head.lstrip(b" \t\r\n")
    if text and not text.startswith(b"{"):
        raise RecordError(f"not a JSON record: it must start with an object, found "
                          f"{text[:8]!r}")


def decode(data: bytes | bytearray) -> Item:
    """Parse JSON bytes into a tree, raising `RecordError` on anything malformed."""
    try:
        value = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise RecordError(f"truncated or corrupted data ({type(exc).__name__}: {exc})") from exc
    return from_json_value(value, tensor_from_json)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError(f"duplicate keys in object {[k for k, _ in pairs]}")
    return out
