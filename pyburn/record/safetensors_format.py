"""Safetensors: Hugging Face's flat tensor file, read and written by the ``safetensors``
library itself (its Rust core: `safetensors.serialize` / `safetensors.deserialize`).

File layout (https://github.com/huggingface/safetensors)::

    u64 little-endian   N, the byte length of the header
    N bytes             JSON header: {"__metadata__": {str: str}, "<name>": {"dtype": "F32",
                        "shape": [2, 3], "data_offsets": [begin, end]}, ...}
    rest                the byte buffer; tensors are contiguous, little-endian, C order

The library validates every file (header size, JSON, offsets inside the buffer and covering it
exactly, byte counts matching shapes) before pyburn uses a byte of it; this module only
converts its raw little-endian buffers to `TensorData` (bfloat16 as the upper half of a
float32, bool as one byte 0/1), writes atomically, and turns the library's terse errors into
ones that name the tensor. Nothing here can run code: the format holds no code at all.

Loading a *file* costs one copy: `read_safetensors_file` reads it once into an immutable
``bytes``, the library validates the same file in place (``safe_open``: a memory map of the
header, closed before returning), and the tensors are read-only NumPy views of those bytes
(only bfloat16 and bool are converted). ``bytes`` input has no such path — the library's only
in-memory validator, ``deserialize``, copies each tensor — so `decode_safetensors` pays that copy.

As a *record* format (`SafetensorsFileRecorder`) the tree is flattened: each tensor is named by
its dotted path (``lstm.input_gate.input_transform.weight``; list items by index,
``layers.0.bias``); a parameter ``{"id", "param"}`` is named by the path of the parameter node
itself, not ``...param``. Everything that is not a tensor — the metadata envelope, ints, floats,
strings, parameter ids and the shape of the tree — is stored as compact JSON (the JSON
format's layout, with ``{"$tensor": "<name>"}`` in place of each tensor) under the
``__metadata__`` key ``pyburn.record``, so the tree round-trips exactly while other tools see
an ordinary state dict.
"""

from __future__ import annotations

import json
import os
import re
import stat
import struct
from pathlib import Path
from typing import Any

import numpy as np
import safetensors

from pyburn.tensor.data import TensorData
from pyburn.tensor.dtype import DType

from .atomic import atomic_write
from .errors import RecordError, RecordTypeError
from .foreign import describe_foreign
from .json_format import from_json_value, to_json_value
from .tensor_bytes import tensor_from_bytes
from .tree import Item, TreePath, is_param_node, path_str, round_to_bf16

NAME = "safetensors"
RECORD_KEY = "pyburn.record"
ROOT_NAME = "__root__"
METADATA_KEY = "__metadata__"
MAX_HEADER_SIZE = 100_000_000  # the safetensors library's own limit

_TO_SAFETENSORS = {DType.F64: "F64", DType.F32: "F32", DType.F16: "F16", DType.BF16: "BF16",
                   DType.I64: "I64", DType.I32: "I32", DType.I16: "I16", DType.I8: "I8",
                   DType.U8: "U8", DType.BOOL: "BOOL"}
_FROM_SAFETENSORS = {v: k for k, v in _TO_SAFETENSORS.items()}
_U64 = struct.Struct("<Q")


# ---------------------------------------------------------------- plain safetensors files


def _little_endian(data: TensorData) -> np.ndarray:
    """The array whose bytes the file holds: C order, little-endian, bool as one byte,
    bfloat16 as the upper 16 bits of each (rounded) float32."""
    array = data.as_numpy()
    if data.dtype is DType.BF16:
        return np.ascontiguousarray(round_to_bf16(array).view(np.uint32) >> 16).astype("<u2")
    if data.dtype is DType.BOOL:
        return np.ascontiguousarray(array, dtype=np.uint8)
    return np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("<"))


def encode_safetensors(tensors: dict[str, TensorData],
                       metadata: dict[str, str] | None = None) -> bytes:
    """The bytes of a safetensors file, laid out by the library (widest dtype first, so every
    tensor is aligned to its element size for zero-copy readers)."""
    if metadata:
        bad = {k: v for k, v in metadata.items()
               if not isinstance(k, str) or not isinstance(v, str)}
        if bad:
            raise RecordTypeError(f"safetensors metadata must map str to str, got {bad!r}")
    arrays: dict[str, np.ndarray] = {}  # kept alive while the library reads their memory
    specs: dict[str, Any] = {}
    for name, data in tensors.items():
        if not isinstance(name, str) or name == METADATA_KEY:
            raise RecordTypeError(f"invalid safetensors tensor name {name!r}")
        if not isinstance(data, TensorData):
            raise RecordTypeError(f"safetensors tensor {name!r} must be TensorData, got "
                                  f"{type(data).__name__}")
        arrays[name] = array = _little_endian(data)
        specs[name] = safetensors.TensorSpec(dtype=data.dtype.value, shape=list(data.shape),
                                             data_ptr=array.ctypes.data, data_len=array.nbytes)
    return bytes(safetensors.serialize(specs, metadata=dict(metadata) if metadata else None))


def decode_safetensors(data: bytes) -> tuple[dict[str, TensorData], dict[str, str]]:
    """Tensors and the ``__metadata__`` map of a safetensors file's bytes, validated by the
    library (the buffer must be covered exactly, every tensor's bytes must match its shape).

    The library copies each tensor out of `data` (it has no in-memory validator that does
    not); loading from a path with `load_safetensors` avoids that copy."""
    try:
        entries = safetensors.deserialize(bytes(data))
    except safetensors.SafetensorError as exc:
        raise RecordError(_explain(data, str(exc))) from exc
    tensors = {name: _tensor(name, info["dtype"], info["shape"], info["data"])
               for name, info in entries}
    return tensors, _metadata(_header(data))


def read_safetensors_file(path: str | os.PathLike[str]) -> tuple[bytes, bool]:
    """The bytes of the file at `path`, read once, and whether the ``safetensors`` library
    has validated exactly these bytes (when False, decode them with `decode_safetensors`).

    The library validates the file in place (``safe_open`` maps it and checks the header
    and every offset against the file's real length, without touching the tensor data); the
    file must be the one that was read, unchanged (same file id, size and modification time
    before the read and after the check), or the answer is False. The map is closed before
    this returns, so nothing keeps the file open (Windows can replace it right away)."""
    with open(path, "rb") as file:
        before = os.fstat(file.fileno())
        data = file.read()
    if not stat.S_ISREG(before.st_mode) or len(data) != before.st_size:
        return data, False  # a pipe or device (safe_open would open it again), or a resize
    try:
        with safetensors.safe_open(path, framework="numpy"):
            pass
        after = os.stat(path)
    except (safetensors.SafetensorError, OSError):
        return data, False  # refused: `decode_safetensors` says why, in the usual words
    same = all(getattr(before, key) == getattr(after, key)
               for key in ("st_dev", "st_ino", "st_size", "st_mtime_ns"))
    return data, same


def decode_validated_safetensors(data: bytes) -> tuple[dict[str, TensorData], dict[str, str]]:
    """Like `decode_safetensors`, for bytes the library has already validated (see
    `read_safetensors_file`): each tensor is a read-only view of `data`, not a copy, so the
    tensors keep `data` alive. Bounds are still checked by NumPy and by the byte count of
    each shape, so wrong input gives a `RecordError`, never a read outside `data`."""
    if not isinstance(data, bytes):
        raise RecordTypeError(f"decode_validated_safetensors: expected immutable bytes (the "
                              f"views must stay read-only), got {type(data).__name__}")
    header = _header(data)
    buffer = memoryview(data)[8 + _U64.unpack_from(data)[0]:]
    tensors: dict[str, TensorData] = {}
    for name, info in header.items():
        if name == METADATA_KEY:
            continue
        try:
            begin, end = info["data_offsets"]
            dtype, shape = info["dtype"], info["shape"]
        except (TypeError, KeyError, ValueError) as exc:
            raise RecordError(f"tensor '{name}': malformed safetensors header entry "
                              f"{info!r}") from exc
        tensors[name] = _tensor(name, dtype, shape, buffer[begin:end])
    return tensors, _metadata(header)


def _tensor(name: str, dtype_name: Any, shape: Any, buffer: Any) -> TensorData:
    dtype = _FROM_SAFETENSORS.get(dtype_name)
    if dtype is None:
        raise RecordError(f"tensor '{name}': unsupported safetensors dtype {dtype_name!r}; "
                          f"pyburn reads {sorted(_FROM_SAFETENSORS)}")
    return tensor_from_bytes(buffer, dtype, shape, (name,))


def _header(data: bytes) -> dict[str, Any]:
    """The JSON header of bytes the library accepted: a JSON object of at most
    MAX_HEADER_SIZE bytes."""
    (size,) = _U64.unpack_from(data)
    header = json.loads(bytes(data[8:8 + size]).decode("utf-8"))
    if not isinstance(header, dict):
        raise RecordError(f"corrupted safetensors data (header is a {type(header).__name__})")
    return header


def _metadata(header: dict[str, Any]) -> dict[str, str]:
    return dict(header.get(METADATA_KEY) or {})


def _explain(data: bytes, message: str) -> str:
    """The library's refusal, naming the tensor at fault when the header says which."""
    message = message.removeprefix("Error while deserializing: ")
    unknown = re.search(r"unknown variant `([^`]*)`", message)
    if unknown:
        return (f"unsupported safetensors dtype {unknown.group(1)!r}; pyburn reads "
                f"{sorted(_FROM_SAFETENSORS)}")
    if len(data) < 8:
        return f"truncated safetensors data ({len(data)} bytes, no header length)"
    (size,) = _U64.unpack_from(data)
    if size > MAX_HEADER_SIZE or 8 + size > len(data):
        return (f"truncated or corrupted safetensors data (header length {size}, file has "
                f"{len(data) - 8} bytes after it)")
    if "invalid shape" in message:
        try:
            header = json.loads(bytes(data[8:8 + size]).decode("utf-8"))
            for name, info in header.items():
                if name == METADATA_KEY:
                    continue
                begin, end = info["data_offsets"]
                dtype = _FROM_SAFETENSORS[info["dtype"]]
                count = int(np.prod(info["shape"], dtype=np.int64)) * dtype.itemsize
                if count != end - begin:
                    return (f"tensor '{name}': shape {info['shape']} of {dtype} needs {count} "
                            f"bytes, found {end - begin}")
        except (ValueError, KeyError, TypeError, AttributeError):
            pass
    return f"corrupted safetensors data ({message})"


def save_safetensors(path: str | os.PathLike[str], tensors: dict[str, TensorData],
                     metadata: dict[str, str] | None = None) -> Path:
    """Write `tensors` (and string `metadata`) as a safetensors file at exactly `path`,
    atomically. Readable by ``safetensors.numpy.load_file`` / ``safetensors.torch``."""
    return atomic_write(path, encode_safetensors(tensors, metadata))


def load_safetensors(path: str | os.PathLike[str]) -> tuple[dict[str, TensorData], dict[str, str]]:
    """Read any safetensors file: ``(tensors by name, __metadata__)``. Never runs code.
    The file is read once; tensors are read-only views of that copy (see
    `read_safetensors_file`)."""
    data, validated = read_safetensors_file(path)
    try:
        return decode_validated_safetensors(data) if validated else decode_safetensors(data)
    except RecordError as exc:
        reason = describe_foreign(data) or str(exc)
        raise RecordError(f"load_safetensors: cannot decode {str(path)!r}: {reason}") from exc


# ---------------------------------------------------------------- record trees


def encode(tree: Item) -> bytes:
    """Flatten a prepared envelope tree into a safetensors file (see module docstring)."""
    if not isinstance(tree, dict) or "item" not in tree:
        raise RecordTypeError("safetensors: expected a metadata envelope")
    item = tree["item"]
    tensors: dict[str, TensorData] = {}
    where: dict[str, TreePath] = {}

    def write_tensor(data: TensorData, path: TreePath) -> str:
        inner = path[1:]  # drop the envelope's "item"
        if inner and inner[-1] == "param" and is_param_node(_node_at(item, inner[:-1])):
            inner = inner[:-1]
        name = ".".join(str(p) for p in inner) if inner else ROOT_NAME
        if name in tensors or name == METADATA_KEY:
            other = path_str(where.get(name, (METADATA_KEY,)))
            raise RecordTypeError(f"safetensors: tensors at '{path_str(inner)}' and '{other}' "
                                  f"would both be named {name!r}; rename a field")
        tensors[name], where[name] = data, inner
        return name

    skeleton = to_json_value(tree, write_tensor)
    text = json.dumps(skeleton, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return encode_safetensors(tensors, {RECORD_KEY: text})


def _node_at(item: Item, path: TreePath) -> Item:
    node = item
    for part in path:
        node = node[part]  # type: ignore[index]
    return node


def decode(data: bytes, validated: bool = False) -> Item:
    """Rebuild the envelope tree from a file written by `encode`; `validated`: the library
    has already validated `data` (see `read_safetensors_file`), so tensors are views."""
    tensors, metadata = (decode_validated_safetensors(data) if validated
                         else decode_safetensors(data))
    text = metadata.get(RECORD_KEY)
    if text is None:
        raise RecordError(f"not a pyburn record: the safetensors metadata has no "
                          f"{RECORD_KEY!r} entry (a plain safetensors file? read it with "
                          "load_safetensors)")
    try:
        skeleton = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise RecordError(f"corrupted {RECORD_KEY!r} metadata ({exc})") from exc
    used: set[str] = set()

    def read_tensor(name: Any, path: TreePath) -> TensorData:
        if not isinstance(name, str) or name not in tensors:
            raise RecordError(f"field '{path_str(path)}': refers to tensor {name!r}, which is "
                              "not in the file")
        used.add(name)
        return tensors[name]

    tree = from_json_value(skeleton, read_tensor)
    unused = sorted(set(tensors) - used)
    if unused:
        raise RecordError(f"tensors {unused} are not part of the record tree")
    return tree
