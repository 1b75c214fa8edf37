"""Bin: pyburn's compact, self-describing binary record format.

Burn's ``BinFileRecorder`` uses bincode; this is pyburn's own equivalent, small enough to
describe here completely and to re-implement in any language. All integers are little-endian.

File layout::

    magic    6 bytes   b"PYBURN"
    version  u16       format version, currently 1
    crc32    u32       zlib CRC-32 of the body (catches corruption anywhere in the file)
    body     value     exactly one value (the metadata envelope); nothing may follow it

Every value is tag-length-value, lengths and counts being unsigned LEB128 varints
(7 bits per byte, low bits first, high bit set on all but the last byte; at most 10 bytes)::

    tag      u8
    length   varint    byte length of the payload
    payload  `length` bytes:
      0x00 NONE    empty
      0x01 BOOL    1 byte, 0 or 1
      0x02 INT     1 to 8 bytes, two's complement (the fewest that hold the value)
      0x03 FLOAT   8 bytes, f64 (IEEE 754; NaN and infinities included, bit-exact)
      0x04 STR     UTF-8 text
      0x05 LIST    the element values back to back
      0x06 DICT    entries back to back, each: key (varint byte length + UTF-8), value
      0x07 TENSOR  dtype name (varint length + ASCII, e.g. "float32"), rank (varint),
                   rank varint dims, then the raw little-endian values (the rest of the
                   payload; bool = 1 byte, bfloat16 = upper 16 bits of a float32)

Because every value carries its length, a reader checks that each payload ends exactly where
its length says, so truncation and garbage are detected at the first inconsistent byte, and
nothing is ever interpreted as code.
"""

from __future__ import annotations

import struct
import zlib
from typing import Any

from pyburn.tensor.data import TensorData

from .errors import RecordError
from .tensor_bytes import parse_dtype, tensor_from_bytes, tensor_to_bytes
from .tree import MAX_DEPTH, Item, TreePath, path_str

NAME = "bin"
MAGIC = b"PYBURN"
VERSION = 1
_HEADER = struct.Struct("<6sHI")
_F64 = struct.Struct("<d")

NONE, BOOL, INT, FLOAT, STR, LIST, DICT, TENSOR = range(8)
_FIXED_LENGTH = {NONE: 0, BOOL: 1, FLOAT: 8}


def varint(value: int) -> bytes:
    """`value` (>= 0) as an unsigned LEB128 varint."""
    out = bytearray()
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _int_bytes(value: int) -> bytes:
    magnitude = ~value if value < 0 else value
    size = (magnitude.bit_length() + 1 + 7) // 8  # + the sign bit, rounded up to bytes
    return value.to_bytes(size, "little", signed=True)


def encode(tree: Item) -> bytes:
    """Serialize a prepared tree (see `prepare_for_save`)."""
    chunks: list[bytes] = []
    _encode(tree, chunks)
    return frame(b"".join(chunks))


def frame(body: bytes) -> bytes:
    """The file around an encoded `body`: magic, version and the body's CRC-32."""
    return _HEADER.pack(MAGIC, VERSION, zlib.crc32(body)) + body


def _encode(node: Item, out: list[bytes]) -> int:
    """Append `node` to `out`; return the number of bytes appended. Children are encoded
    first so each length is known without a second pass."""
    if node is None:
        payload: list[bytes] = []
        tag = NONE
    elif isinstance(node, bool):
        tag, payload = BOOL, [b"\x01" if node else b"\x00"]
    elif isinstance(node, int):
        tag, payload = INT, [_int_bytes(node)]
    elif isinstance(node, float):
        tag, payload = FLOAT, [_F64.pack(node)]
    elif isinstance(node, str):
        tag, payload = STR, [node.encode("utf-8")]
    elif isinstance(node, TensorData):
        name = node.dtype.value.encode("ascii")
        head = varint(len(name)) + name + varint(node.rank)
        dims = b"".join(varint(d) for d in node.shape)
        tag, payload = TENSOR, [head, dims, tensor_to_bytes(node)]
    elif isinstance(node, list):
        tag, payload = LIST, []
        for value in node:
            _encode(value, payload)
    elif isinstance(node, dict):
        tag, payload = DICT, []
        for key, value in node.items():
            raw_key = key.encode("utf-8")
            payload += [varint(len(raw_key)), raw_key]
            _encode(value, payload)
    else:
        raise TypeError(f"cannot encode {type(node).__name__}")
    length = sum(len(c) for c in payload)
    head = bytes([tag]) + varint(length)
    out.append(head)
    out.extend(payload)
    return len(head) + length


def check_head(head: bytes) -> int | None:
    """The exact byte size of the record whose first bytes are `head` (the header and the top
    value's tag and length state it), or None when `head` is too short to tell; a
    `RecordError` when `head` cannot start a Bin record. Lets a gzipped record be refused
    before inflating more than it declares."""
    if not head.startswith(MAGIC[:len(head)]):
        raise _no_magic(head)
    body = _HEADER.size + 1
    value = shift = 0
    for pos in range(body, min(body + 10, len(head))):
        value |= (head[pos] & 0x7F) << shift
        if not head[pos] & 0x80:
            return pos + 1 + value
        shift += 7
    return None


def _no_magic(data: bytes | bytearray) -> RecordError:
    return RecordError(f"not a pyburn Bin record: missing magic header {MAGIC!r} "
                       f"(found {bytes(data[:8])!r})")


def decode(data: bytes | bytearray) -> Item:
    """Parse Bin bytes into a tree, raising `RecordError` on anything malformed."""
    if len(data) < _HEADER.size or not data.startswith(MAGIC):
        raise _no_magic(data)
    _, version, crc = _HEADER.unpack_from(data)
    if version != VERSION:
        raise RecordError(f"Bin format version {version} is not supported (this pyburn reads "
                          f"version {VERSION})")
    body = memoryview(data)[_HEADER.size:]
    if zlib.crc32(body) != crc:
        raise RecordError("truncated or corrupted data (CRC-32 mismatch)")
    value, end = _Reader(body).value(0, ())
    if end != len(body):
        raise RecordError(f"{len(body) - end} unexpected bytes after the record")
    return value


class _Reader:
    """Walks the body; each method takes an offset and returns (result, next offset)."""

    def __init__(self, body: memoryview) -> None:
        self.body = body

    def _take(self, offset: int, size: int, path: TreePath) -> int:
        end = offset + size
        if size < 0 or end > len(self.body):
            raise RecordError(f"field '{path_str(path)}': truncated data (needs {size} bytes at "
                              f"offset {offset}, {len(self.body) - offset} left)")
        return end

    def varint(self, offset: int, path: TreePath, limit: int | None = None) -> tuple[int, int]:
        """A LEB128 varint at `offset` (reading no further than `limit`)."""
        limit = len(self.body) if limit is None else limit
        value = shift = 0
        for pos in range(offset, min(offset + 10, limit)):
            byte = self.body[pos]
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value, pos + 1
            shift += 7
        raise RecordError(f"field '{path_str(path)}': truncated or corrupted length at offset "
                          f"{offset}")

    def value(self, offset: int, path: TreePath) -> tuple[Item, int]:
        if len(path) > MAX_DEPTH:
            raise RecordError(f"field '{path_str(path)}': nesting deeper than {MAX_DEPTH} levels")
        self._take(offset, 1, path)
        tag = self.body[offset]
        length, start = self.varint(offset + 1, path)
        end = self._take(start, length, path)
        payload = self.body[start:end]
        if tag in _FIXED_LENGTH and length != _FIXED_LENGTH[tag]:
            raise RecordError(f"field '{path_str(path)}': bad length {length} for tag {tag}")
        result: Item
        if tag == NONE:
            result = None
        elif tag == BOOL:
            if payload[0] > 1:
                raise RecordError(f"field '{path_str(path)}': bad bool byte {payload[0]}")
            result = payload[0] == 1
        elif tag == INT:
            if not 1 <= length <= 8:
                raise RecordError(f"field '{path_str(path)}': bad int length {length}")
            result = int.from_bytes(payload, "little", signed=True)
        elif tag == FLOAT:
            result = _F64.unpack(payload)[0]
        elif tag == STR:
            result = self._text(payload, path)
        elif tag == LIST:
            items: list[Item] = []
            pos = start
            while pos < end:
                item, pos = self.value(pos, path + (len(items),))
                items.append(item)
            self._check_end(pos, end, path)
            result = items
        elif tag == DICT:
            result = self._dict(start, end, path)
        elif tag == TENSOR:
            result = self._tensor(payload, path)
        else:
            raise RecordError(f"field '{path_str(path)}': unknown tag {tag}")
        return result, end

    def _dict(self, start: int, end: int, path: TreePath) -> dict[str, Item]:
        out: dict[str, Item] = {}
        pos = start
        while pos < end:
            key_len, key_start = self.varint(pos, path, end)
            key_end = self._take(key_start, key_len, path)
            key = self._text(self.body[key_start:key_end], path)
            if key in out:
                raise RecordError(f"field '{path_str(path)}': duplicate key {key!r}")
            out[key], pos = self.value(key_end, path + (key,))
        self._check_end(pos, end, path)
        return out

    def _tensor(self, payload: memoryview, path: TreePath) -> TensorData:
        # The payload is parsed with its own reader so nothing can run past its end.
        reader = _Reader(payload)
        name_len, pos = reader.varint(0, path)
        name_end = reader._take(pos, name_len, path)
        dtype = parse_dtype(self._text(payload[pos:name_end], path), path)
        rank, pos = reader.varint(name_end, path)
        if rank > 64:
            raise RecordError(f"tensor '{path_str(path)}': implausible rank {rank}")
        shape = []
        for _ in range(rank):
            dim, pos = reader.varint(pos, path)
            shape.append(dim)
        return tensor_from_bytes(payload[pos:], dtype, shape, path)

    @staticmethod
    def _text(raw: Any, path: TreePath) -> str:
        try:
            return bytes(raw).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RecordError(f"field '{path_str(path)}': invalid UTF-8 ({exc})") from None

    @staticmethod
    def _check_end(pos: int, end: int, path: TreePath) -> None:
        if pos != end:
            raise RecordError(f"field '{path_str(path)}': children overrun their container")
