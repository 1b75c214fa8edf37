"""How dataset items become bytes in an SQLite row and back, without pickle.

Burn serializes items with MessagePack (``rmp_serde``); so does pyburn. An item is a dataclass
(stored as a map of its fields), a dict, a list/tuple, a scalar, bytes, or a NumPy array (an
extension type holding dtype, shape and the raw bytes). Decoding trusts nothing: only plain
numeric dtypes are accepted for arrays (never ``object``), the byte count must match the shape,
and the only way back to a class is the dataclass the reader names, field by field, so a row can
never make the reader run code.
"""

from __future__ import annotations

import dataclasses
import math
import typing
from typing import Any

import msgpack
import numpy as np

__all__ = ["ItemCodecError", "encode_item", "decode_item", "build_item"]

_NDARRAY = 1          # msgpack extension code of a NumPy array
_ARRAY_KINDS = "biufc"  # bool, int, uint, float, complex: nothing that can hold objects


class ItemCodecError(ValueError):
    """An item that cannot be stored, or stored bytes that do not decode to an item."""


def encode_item(item: Any) -> bytes:
    """The MessagePack bytes of `item` (dataclasses as maps of their fields)."""
    try:
        return msgpack.packb(item, default=_default, use_bin_type=True, strict_types=False)
    except (TypeError, ValueError, OverflowError) as error:
        raise ItemCodecError(f"cannot store a {type(item).__name__} item: {error}") from None


def _default(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in _ARRAY_KINDS:
            raise TypeError(f"arrays of dtype {value.dtype} cannot be stored (numeric and bool "
                            "dtypes only)")
        header = msgpack.packb([value.dtype.str, list(value.shape)])
        return msgpack.ExtType(_NDARRAY, header + np.ascontiguousarray(value).tobytes())
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"values of type {type(value).__name__} cannot be stored (use dataclasses, "
                    "dicts, lists, numbers, strings, bytes or NumPy arrays)")


def _ext_hook(code: int, data: bytes) -> Any:
    if code != _NDARRAY:
        raise ItemCodecError(f"unknown MessagePack extension type {code}")
    unpacker = msgpack.Unpacker(raw=False, max_buffer_size=len(data))
    unpacker.feed(data)
    try:
        dtype_str, shape = next(unpacker)
        offset = unpacker.tell()
        dtype = np.dtype(dtype_str)
    except (StopIteration, ValueError, TypeError) as error:
        raise ItemCodecError(f"malformed array header: {error}") from None
    if dtype.kind not in _ARRAY_KINDS or dtype.hasobject:
        raise ItemCodecError(f"array dtype {dtype_str!r} is not allowed (numeric and bool only)")
    if not isinstance(shape, list) or not all(isinstance(d, int) and d >= 0 for d in shape):
        raise ItemCodecError(f"malformed array shape {shape!r}")
    payload = data[offset:]
    if math.prod(shape) * dtype.itemsize != len(payload):
        raise ItemCodecError(f"array of shape {shape} and dtype {dtype} needs "
                             f"{math.prod(shape) * dtype.itemsize} bytes, the row holds "
                             f"{len(payload)}")
    return np.frombuffer(payload, dtype=dtype).reshape(shape).copy()


def decode_item(blob: bytes, item_type: type | None = None) -> Any:
    """The item stored in `blob`; with `item_type` (a dataclass) built from the stored map."""
    try:
        value = msgpack.unpackb(blob, raw=False, ext_hook=_ext_hook, strict_map_key=False)
    except ItemCodecError:
        raise
    except Exception as error:  # msgpack raises several unrelated types for corrupt data
        raise ItemCodecError(f"stored bytes are not a MessagePack item: {error}") from None
    return value if item_type is None else build_item(item_type, value)


def build_item(item_type: type, value: Any) -> Any:
    """`value` (a map) as an instance of the dataclass `item_type`, nested dataclass fields
    included; missing fields without a default are an error naming them."""
    if not (dataclasses.is_dataclass(item_type) and isinstance(item_type, type)):
        raise TypeError(f"item type must be a dataclass, got {item_type!r}")
    if not isinstance(value, dict):
        raise ItemCodecError(f"a {item_type.__name__} item needs a map of fields, the row holds "
                             f"a {type(value).__name__}")
    hints = typing.get_type_hints(item_type)
    kwargs: dict[str, Any] = {}
    missing: list[str] = []
    for field in dataclasses.fields(item_type):
        if not field.init:
            continue
        if field.name not in value:
            if (field.default is dataclasses.MISSING
                    and field.default_factory is dataclasses.MISSING):
                missing.append(field.name)
            continue
        field_value = value[field.name]
        hint = hints.get(field.name)
        if (isinstance(hint, type) and dataclasses.is_dataclass(hint)
                and isinstance(field_value, dict)):
            field_value = build_item(hint, field_value)
        kwargs[field.name] = field_value
    if missing:
        raise ItemCodecError(f"{item_type.__name__} fields {missing} are missing from the stored "
                             f"item (it has {sorted(value)})")
    return item_type(**kwargs)
