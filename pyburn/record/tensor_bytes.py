"""Tensors as raw little-endian bytes, the payload of the binary formats.

Shared by MessagePack, Bin and safetensors so there is one place that knows byte order,
bfloat16's layout and how to check that a shape matches its byte count.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from pyburn.tensor.data import TensorData
from pyburn.tensor.dtype import DType

from .errors import RecordError
from .tree import TreePath, path_str, round_to_bf16, tensor_of


def parse_dtype(name: object, path: TreePath) -> DType:
    """The `DType` named by a record (``"float32"``), or a `RecordError` naming the tensor."""
    if isinstance(name, str):
        try:
            return DType(name)
        except ValueError:
            pass
    raise RecordError(f"tensor '{path_str(path)}': unknown dtype {name!r}; expected one of "
                      f"{[d.value for d in DType]}")


def parse_shape(shape: object, path: TreePath) -> tuple[int, ...]:
    """A validated shape (a list of non-negative ints)."""
    if (not isinstance(shape, (list, tuple))
            or not all(isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in shape)):
        raise RecordError(f"tensor '{path_str(path)}': malformed shape {shape!r}")
    return tuple(shape)


def tensor_to_bytes(data: TensorData) -> bytes:
    """The values in C order, little-endian; bool as one byte, bfloat16 as the upper 16 bits
    of each float32."""
    array = data.as_numpy()
    if data.dtype is DType.BF16:
        bits = round_to_bf16(array).view(np.uint32) >> 16
        return bits.astype("<u2").tobytes()
    if data.dtype is DType.BOOL:
        return array.astype(np.uint8).tobytes()
    return array.astype(array.dtype.newbyteorder("<"), copy=False).tobytes()


def tensor_from_bytes(buffer: Any, dtype: DType, shape: Sequence[int],
                      path: TreePath) -> TensorData:
    """Rebuild a tensor from its raw bytes (any buffer: bytes, memoryview), checking that the
    byte count is exactly what `shape` and `dtype` need."""
    count = math.prod(shape)
    expected = count * dtype.itemsize
    size = memoryview(buffer).nbytes
    if size != expected:
        raise RecordError(f"tensor '{path_str(path)}': shape {list(shape)} of {dtype} needs "
                          f"{expected} bytes, found {size}")
    if dtype is DType.BF16:
        bits = np.frombuffer(buffer, dtype="<u2", count=count).astype(np.uint32) << 16
        array = bits.view(np.float32)
    elif dtype is DType.BOOL:
        raw = np.frombuffer(buffer, dtype=np.uint8, count=count)
        if raw.size and int(raw.max()) > 1:
            raise RecordError(f"tensor '{path_str(path)}': bool tensor holds a byte other "
                              "than 0 or 1")
        array = raw.astype(np.bool_)
    else:
        array = np.frombuffer(buffer, dtype=np.dtype(dtype.value).newbyteorder("<"), count=count)
        array = array.astype(array.dtype.newbyteorder("="), copy=False)
        if not array.flags.aligned:
            array = array.copy()  # backends may not accept unaligned memory
    return tensor_of(array.reshape(tuple(shape)), dtype)
