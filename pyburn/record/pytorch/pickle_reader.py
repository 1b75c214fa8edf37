"""A restricted reader of ``torch.save`` files for machines without torch (Burn reads them
in Rust the same way, in ``burn-store``'s ``pickle_reader``).

A ``torch.save`` file is a zip archive: ``<name>/data.pkl`` is a pickle of the state dict in
which each tensor is a call to ``torch._utils._rebuild_tensor_v2(storage, offset, size,
stride, ...)`` and each storage a *persistent id* ``("storage", torch.FloatStorage, key,
location, numel)`` whose bytes are the entry ``<name>/data/<key>``.

A full unpickle would import and call whatever the pickle names (``os.system`` included), so
`TorchUnpickler.find_class` resolves only the names a state dict uses — the tensor-rebuild
functions, the typed storages and ``OrderedDict`` — to pyburn's own functions, and refuses
every other name before anything is imported. Every pickle opcode that could call something
(REDUCE, BUILD, NEWOBJ, INST/OBJ, EXT*) gets its callable from `find_class`, so nothing but
those functions ever runs. Storages are read once, only when a tensor uses them, after their
size was checked against the archive (no zip bomb, no read past a storage).
"""

from __future__ import annotations

import collections
import functools
import io
import math
import pickle
import zipfile
from pathlib import Path
from typing import Any, Callable

import numpy as np

from pyburn.tensor.data import TensorData
from pyburn.tensor.dtype import DType

from ..tensor_bytes import tensor_from_bytes
from .errors import TorchFileError, refused_global_message

STORAGE_DTYPES = {"FloatStorage": DType.F32, "DoubleStorage": DType.F64,
                  "HalfStorage": DType.F16, "BFloat16Storage": DType.BF16,
                  "LongStorage": DType.I64, "IntStorage": DType.I32, "ShortStorage": DType.I16,
                  "CharStorage": DType.I8, "ByteStorage": DType.U8, "BoolStorage": DType.BOOL}
MAX_PICKLE_BYTES = 256 * 2 ** 20  # a state dict's pickle holds names and shapes, not values
MAX_INFLATION = 1000  # a deflated entry may grow this much (a zip bomb grows far more)


class StorageType:
    """What ``torch.FloatStorage`` & co. resolve to: only their element type matters."""

    __slots__ = ("name", "dtype")  # a pickle's BUILD cannot add state to it

    def __init__(self, name: str) -> None:
        self.name, self.dtype = name, STORAGE_DTYPES[name]


class Storage:
    """A storage named by a persistent id, its bytes read from the archive on first use."""

    def __init__(self, archive: "TorchArchive", key: str, dtype: DType, numel: int) -> None:
        self.archive, self.key, self.dtype, self.numel = archive, key, dtype, numel
        self._flat: np.ndarray | None = None

    def flat(self) -> np.ndarray:
        """The storage as a 1-d array of its raw element type (bfloat16 as uint16 bits, bool
        as uint8), in native byte order."""
        if self._flat is None:
            raw = self.archive.read_storage(self.key, self.numel * self.dtype.itemsize)
            raw_type: np.dtype[Any] = (np.dtype("u2") if self.dtype is DType.BF16 else
                                       np.dtype("u1") if self.dtype is DType.BOOL else
                                       self.dtype.numpy())
            stored = raw_type.newbyteorder("<" if self.archive.little_endian else ">")
            flat = np.frombuffer(raw, dtype=stored, count=self.numel)
            self._flat = flat.astype(raw_type.newbyteorder("="), copy=False)
        return self._flat


def rebuild_tensor(storage: Any, storage_offset: Any, size: Any, stride: Any,
                   *_ignored: Any) -> TensorData:
    """``torch._utils._rebuild_tensor_v2``: a strided view of a storage, copied out after its
    every element was checked to lie inside the storage."""
    if not isinstance(storage, Storage):
        raise TorchFileError(f"malformed torch file: a tensor's storage is a "
                             f"{type(storage).__name__}, expected a persistent storage id")
    if (not _is_ints(size) or not _is_ints(stride) or len(size) != len(stride)
            or type(storage_offset) is not int or storage_offset < 0
            or any(d < 0 for d in size) or any(s < 0 for s in stride)):
        raise TorchFileError(f"malformed torch file: tensor in storage {storage.key!r} has "
                             f"size {size!r}, stride {stride!r}, offset {storage_offset!r}")
    shape = tuple(size)
    count = math.prod(shape)
    if count:
        last = storage_offset + sum((d - 1) * s for d, s in zip(shape, stride))
        if last >= storage.numel:
            raise TorchFileError(f"malformed torch file: a tensor of size {list(shape)} at "
                                 f"offset {storage_offset} reads element {last} of storage "
                                 f"{storage.key!r}, which holds {storage.numel}")
        flat = storage.flat()
        view = np.lib.stride_tricks.as_strided(
            flat[storage_offset:], shape, tuple(s * flat.itemsize for s in stride),
            writeable=False)
        values = np.ascontiguousarray(view)
    else:
        values = np.zeros(shape, dtype=storage.flat().dtype if storage.numel else np.uint8)
    raw = values.astype(values.dtype.newbyteorder("<"), copy=False).tobytes()
    return tensor_from_bytes(raw, storage.dtype, shape, (f"storage {storage.key}",))


def rebuild_parameter(data: Any, *_ignored: Any) -> Any:
    """``torch._utils._rebuild_parameter(_with_state)``: an ``nn.Parameter`` is its data."""
    return data


def _is_ints(value: Any) -> bool:
    return isinstance(value, (tuple, list)) and all(type(v) is int for v in value)


# Each name makes a fresh object per lookup, so a pickle's BUILD opcode (which sets attributes
# on what it is given) can never change state shared with later loads.
_ALLOWED: dict[tuple[str, str], Callable[[], Any]] = {
    ("collections", "OrderedDict"): lambda: collections.OrderedDict,  # an immutable C type
    ("torch._utils", "_rebuild_tensor_v2"): lambda: functools.partial(rebuild_tensor),
    ("torch._utils", "_rebuild_parameter"): lambda: functools.partial(rebuild_parameter),
    ("torch._utils", "_rebuild_parameter_with_state"):
        lambda: functools.partial(rebuild_parameter),
    **{("torch", name): functools.partial(StorageType, name) for name in STORAGE_DTYPES},
}


class TorchUnpickler(pickle.Unpickler):
    """Resolves only the names of `_ALLOWED`; storages come from the archive."""

    def __init__(self, data: bytes, archive: "TorchArchive") -> None:
        super().__init__(io.BytesIO(data))
        self.archive = archive

    def find_class(self, module: str, name: str) -> Any:
        make = _ALLOWED.get((module, name))
        if make is None:
            raise TorchFileError(refused_global_message(f"{module}.{name}",
                                                        str(self.archive.path)))
        return make()

    def persistent_load(self, pid: Any) -> Any:
        if (not isinstance(pid, tuple) or len(pid) != 5 or pid[0] != "storage"
                or not isinstance(pid[1], StorageType) or type(pid[4]) is not int
                or pid[4] < 0 or not isinstance(pid[2], str)):
            raise TorchFileError(f"malformed torch file {str(self.archive.path)!r}: "
                                 f"unexpected persistent id {pid!r:.200}")
        return self.archive.storage(pid[2], pid[1].dtype, pid[4])


class TorchArchive:
    """The zip archive of a ``torch.save`` file: its pickle and its storages."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.zip = zipfile.ZipFile(self.path)
        except zipfile.BadZipFile as exc:
            raise TorchFileError(f"{str(self.path)!r} is not a complete zip archive ({exc}): "
                                 "a truncated or corrupted torch.save file; save it again"
                                 ) from exc
        pickles = [n for n in self.zip.namelist() if n.count("/") == 1
                   and n.endswith("/data.pkl")]
        if len(pickles) != 1:
            self.zip.close()
            raise TorchFileError(f"{str(self.path)!r} is a zip archive but not a torch.save "
                                 f"file (expected one '<name>/data.pkl' entry, found "
                                 f"{len(pickles)}); is it the right file?")
        self.prefix = pickles[0][:-len("data.pkl")]
        names = set(self.zip.namelist())
        order = (self.read_entry(self.prefix + "byteorder", 16).decode("ascii", "replace")
                 if self.prefix + "byteorder" in names else "little")
        if order not in ("little", "big"):
            raise TorchFileError(f"malformed torch file {str(self.path)!r}: byteorder "
                                 f"{order!r}")
        self.little_endian = order == "little"
        self._storages: dict[str, Storage] = {}

    def read_entry(self, name: str, limit: int) -> bytes:
        """An entry's bytes, refused when it is larger than `limit` or inflates suspiciously."""
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            raise TorchFileError(f"truncated or corrupted torch file {str(self.path)!r}: the "
                                 f"archive has no entry {name!r}") from None
        if info.file_size > limit:
            raise TorchFileError(f"malformed torch file {str(self.path)!r}: entry {name!r} "
                                 f"holds {info.file_size} bytes, expected at most {limit}")
        if (info.compress_type != zipfile.ZIP_STORED
                and info.file_size > MAX_INFLATION * max(info.compress_size, 1) + 2 ** 20):
            raise TorchFileError(f"refusing {str(self.path)!r}: entry {name!r} inflates "
                                 f"{info.compress_size} bytes to {info.file_size} (a zip bomb?)")
        try:
            return self.zip.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise TorchFileError(f"truncated or corrupted torch file {str(self.path)!r}: "
                                 f"cannot read {name!r} ({exc})") from exc

    def read_storage(self, key: str, nbytes: int) -> bytes:
        raw = self.read_entry(f"{self.prefix}data/{key}", nbytes)
        if len(raw) != nbytes:
            raise TorchFileError(f"malformed torch file {str(self.path)!r}: storage {key!r} "
                                 f"has {len(raw)} bytes, its header says {nbytes}")
        return raw

    def storage(self, key: str, dtype: DType, numel: int) -> Storage:
        known = self._storages.get(key)
        if known is None:
            known = self._storages[key] = Storage(self, key, dtype, numel)
        elif (known.dtype, known.numel) != (dtype, numel):
            raise TorchFileError(f"malformed torch file {str(self.path)!r}: storage {key!r} "
                                 f"declared twice with different types")
        return known

    def load(self) -> Any:
        """The unpickled object, tensors as `TensorData`."""
        data = self.read_entry(self.prefix + "data.pkl", MAX_PICKLE_BYTES)
        try:
            return TorchUnpickler(data, self).load()
        except TorchFileError:
            raise
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError, KeyError,
                IndexError, AttributeError, RecursionError, MemoryError) as exc:
            raise TorchFileError(f"malformed torch file {str(self.path)!r}: its pickle does "
                                 f"not decode ({type(exc).__name__}: {exc})") from exc


def read_torch_zip(path: str | Path) -> Any:
    """The object a ``torch.save`` zip file holds, without torch and without running code."""
    archive = TorchArchive(path)
    with archive.zip:
        return archive.load()
