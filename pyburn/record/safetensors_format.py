"""Safetensors: Hugging Face's flat tensor file, implemented directly (no dependency).

File layout (https://github.com/huggingface/safetensors)::

    u64 little-endian   N, the byte length of the header
    N bytes             JSON header: {"__metadata__": {str: str}, "<name>": {"dtype": "F32",
                        "shape": [2, 3], "data_offsets": [begin, end]}, ...}; padded with
                        spaces to a multiple of 8
    rest                the byte buffer; offsets are relative to its start, tensors are
                        contiguous, little-endian, C order

`save_safetensors`/`load_safetensors` read and write any such file (PyTorch users' and the
``safetensors`` library's included, bfloat16 decoded as the upper half of a float32).

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
import struct
from pathlib import Path
from typing import Any

from pyburn.tensor.data import TensorData
from pyburn.tensor.dtype import DType

from .atomic import atomic_write
from .errors import RecordError, RecordTypeError
from .json_format import from_json_value, to_json_value
from .tensor_bytes import parse_shape, tensor_from_bytes, tensor_to_bytes
from .tree import Item, TreePath, is_param_node, path_str

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


def encode_safetensors(tensors: dict[str, TensorData],
                       metadata: dict[str, str] | None = None) -> bytes:
    """The bytes of a safetensors file. Tensors are laid out widest dtype first, as the
    reference writer does, so every tensor is aligned to its element size for zero-copy
    readers."""
    header: dict[str, Any] = {}
    if metadata:
        bad = {k: v for k, v in metadata.items()
               if not isinstance(k, str) or not isinstance(v, str)}
        if bad:
            raise RecordTypeError(f"safetensors metadata must map str to str, got {bad!r}")
        header[METADATA_KEY] = dict(metadata)
    for name, data in tensors.items():
        if not isinstance(name, str) or name == METADATA_KEY:
            raise RecordTypeError(f"invalid safetensors tensor name {name!r}")
        if not isinstance(data, TensorData):
            raise RecordTypeError(f"safetensors tensor {name!r} must be TensorData, got "
                                  f"{type(data).__name__}")
    order = sorted(tensors, key=lambda n: -tensors[n].dtype.itemsize)
    buffers: list[bytes] = []
    offset = 0
    for name in order:
        raw = tensor_to_bytes(tensors[name])
        header[name] = {"dtype": _TO_SAFETENSORS[tensors[name].dtype],
                        "shape": list(tensors[name].shape),
                        "data_offsets": [offset, offset + len(raw)]}
        buffers.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    return _U64.pack(len(text)) + text + b"".join(buffers)


def decode_safetensors(data: bytes) -> tuple[dict[str, TensorData], dict[str, str]]:
    """Tensors (in header order) and the ``__metadata__`` map of a safetensors file's bytes,
    validated as strictly as the reference reader: the buffer must be covered exactly."""
    if len(data) < 8:
        raise RecordError(f"truncated safetensors data ({len(data)} bytes, no header length)")
    (size,) = _U64.unpack_from(data)
    if size > MAX_HEADER_SIZE or 8 + size > len(data):
        raise RecordError(f"truncated or corrupted safetensors data (header length {size}, "
                          f"file has {len(data) - 8} bytes after it)")
    try:
        header = json.loads(bytes(data[8:8 + size]).decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise RecordError(f"corrupted safetensors header ({type(exc).__name__}: {exc})") from exc
    if not isinstance(header, dict):
        raise RecordError("corrupted safetensors header: not a JSON object")
    metadata = header.pop(METADATA_KEY, None) or {}
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise RecordError(f"safetensors {METADATA_KEY} must map str to str, got {metadata!r}")
    buffer = memoryview(data)[8 + size:]
    spans: list[tuple[int, int, str]] = []
    tensors: dict[str, TensorData] = {}
    for name, info in header.items():
        path: TreePath = (name,)
        if not isinstance(info, dict) or set(info) != {"dtype", "shape", "data_offsets"}:
            raise RecordError(f"tensor '{name}': malformed safetensors entry {info!r}")
        dtype = _FROM_SAFETENSORS.get(info["dtype"])
        if dtype is None:
            raise RecordError(f"tensor '{name}': unsupported safetensors dtype {info['dtype']!r}; "
                              f"pyburn reads {sorted(_FROM_SAFETENSORS)}")
        shape = parse_shape(info["shape"], path)
        offsets = info["data_offsets"]
        if (not isinstance(offsets, list) or len(offsets) != 2
                or not all(type(o) is int for o in offsets)
                or not 0 <= offsets[0] <= offsets[1] <= len(buffer)):
            raise RecordError(f"tensor '{name}': data_offsets {offsets!r} outside the "
                              f"{len(buffer)}-byte buffer (truncated or corrupted file)")
        begin, end = offsets
        spans.append((begin, end, name))
        tensors[name] = tensor_from_bytes(buffer[begin:end], dtype, shape, path)
    position = 0
    for begin, end, name in sorted(spans):
        if begin != position:
            raise RecordError(f"tensor '{name}': data_offsets leave a gap or overlap at byte "
                              f"{position}")
        position = end
    if position != len(buffer):
        raise RecordError(f"safetensors buffer has {len(buffer) - position} bytes not covered "
                          "by any tensor (corrupted file)")
    return tensors, dict(metadata)


def save_safetensors(path: str | os.PathLike[str], tensors: dict[str, TensorData],
                     metadata: dict[str, str] | None = None) -> Path:
    """Write `tensors` (and string `metadata`) as a safetensors file at exactly `path`,
    atomically. Readable by ``safetensors.numpy.load_file`` / ``safetensors.torch``."""
    return atomic_write(path, encode_safetensors(tensors, metadata))


def load_safetensors(path: str | os.PathLike[str]) -> tuple[dict[str, TensorData], dict[str, str]]:
    """Read any safetensors file: ``(tensors by name, __metadata__)``. Never runs code."""
    data = Path(path).read_bytes()
    try:
        return decode_safetensors(data)
    except RecordError as exc:
        raise RecordError(f"load_safetensors: cannot decode {str(path)!r}: {exc}") from exc


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


def decode(data: bytes) -> Item:
    """Rebuild the envelope tree from a file written by `encode`."""
    tensors, metadata = decode_safetensors(data)
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
