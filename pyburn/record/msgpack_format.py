"""Named MessagePack: Burn's default record format.

The tree maps directly onto MessagePack: dicts become maps with string keys (the *named* in
"NamedMpk": fields are found by name, not position), lists arrays, and scalars native values
(floats always as float64, so they round-trip exactly).

A tensor is an **extension type**, code ``1`` (`TENSOR_EXT`), whose payload is itself a
MessagePack map ``{"bytes": <raw little-endian values>, "shape": [...], "dtype": "float32"}``.
Using an ext type instead of a plain map is what keeps tensors unambiguous: a user dict that
happens to have the keys ``bytes``/``shape``/``dtype`` is still a plain map and loads back as a
dict. Any MessagePack reader can still open the file; it sees the ext payload as opaque bytes
which it can unpack on its own.
"""

from __future__ import annotations

from typing import Any

import msgpack

from pyburn.tensor.data import TensorData

from .errors import RecordError
from .tensor_bytes import parse_dtype, parse_shape, tensor_from_bytes, tensor_to_bytes
from .tree import MAX_DEPTH, Item, TreePath, path_str

NAME = "named_mpk"
TENSOR_EXT = 1


def encode(tree: Item) -> bytes:
    """Serialize a prepared tree (see `prepare_for_save`)."""
    packed: bytes = msgpack.packb(tree, default=_pack_tensor, use_bin_type=True)
    return packed


def _pack_tensor(value: object) -> msgpack.ExtType:
    if not isinstance(value, TensorData):
        raise TypeError(f"cannot pack {type(value).__name__}")
    payload = {"bytes": tensor_to_bytes(value), "shape": list(value.shape),
               "dtype": value.dtype.value}
    return msgpack.ExtType(TENSOR_EXT, msgpack.packb(payload, use_bin_type=True))


class _PendingTensor:
    """An ext value seen by the unpacker; decoded afterwards, when its path is known."""

    __slots__ = ("code", "payload")

    def __init__(self, code: int, payload: bytes) -> None:
        self.code, self.payload = code, payload


def check_head(head: bytes) -> None:
    """Refuse (`RecordError`) first bytes that cannot start a record: the envelope is a map
    (fixmap, map 16 or map 32), so a gzipped stream of anything else is refused before it is
    inflated further."""
    if head and not (0x80 <= head[0] <= 0x8F or head[0] in (0xDE, 0xDF)):
        raise RecordError(f"not a Named MessagePack record: it must start with a map, found "
                          f"byte 0x{head[0]:02x}")


def decode(data: bytes | bytearray) -> Item:
    """Parse MessagePack bytes into a tree, raising `RecordError` on anything malformed."""
    try:
        raw = msgpack.unpackb(data, raw=False, strict_map_key=True, use_list=True,
                              ext_hook=_PendingTensor, timestamp=0)
    except msgpack.ExtraData as exc:
        raise RecordError(f"{len(exc.extra)} unexpected bytes after the record") from exc
    except (ValueError, TypeError, msgpack.UnpackException, RecursionError) as exc:
        raise RecordError(f"truncated or corrupted data ({type(exc).__name__}: {exc})") from exc
    return _finish(raw, ())


def _finish(node: Any, path: TreePath) -> Item:
    if node is None or isinstance(node, (bool, int, float, str)):
        return node
    if len(path) > MAX_DEPTH:
        raise RecordError(f"field '{path_str(path)}': nesting deeper than {MAX_DEPTH} levels")
    if isinstance(node, list):
        return [_finish(v, path + (i,)) for i, v in enumerate(node)]
    if isinstance(node, dict):
        out: dict[str, Item] = {}
        for key, value in node.items():
            if not isinstance(key, str):
                raise RecordError(f"field '{path_str(path)}': map key {key!r} is not a string")
            out[key] = _finish(value, path + (key,))
        return out
    if isinstance(node, _PendingTensor):
        return _decode_tensor(node, path)
    raise RecordError(f"field '{path_str(path)}': unexpected MessagePack value of type "
                      f"{type(node).__name__}")


def _decode_tensor(pending: _PendingTensor, path: TreePath) -> TensorData:
    if pending.code != TENSOR_EXT:
        raise RecordError(f"field '{path_str(path)}': unknown MessagePack extension type "
                          f"{pending.code}")
    try:
        payload = msgpack.unpackb(pending.payload, raw=False, strict_map_key=True)
    except (ValueError, TypeError, msgpack.UnpackException) as exc:
        raise RecordError(f"tensor '{path_str(path)}': corrupted payload "
                          f"({type(exc).__name__}: {exc})") from exc
    if not isinstance(payload, dict) or set(payload) != {"bytes", "shape", "dtype"} \
            or not isinstance(payload["bytes"], bytes):
        raise RecordError(f"tensor '{path_str(path)}': malformed payload, expected "
                          "{'bytes', 'shape', 'dtype'}")
    dtype = parse_dtype(payload["dtype"], path)
    shape = parse_shape(payload["shape"], path)
    return tensor_from_bytes(payload["bytes"], dtype, shape, path)
