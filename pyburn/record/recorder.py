"""Recorders: a format, an optional gzip layer and precision settings (Burn's ``Recorder``).

A recorder turns a record tree into bytes and back; a `FileRecorder` adds the file extension
and atomic writes, a `BytesRecorder` stays in memory (to embed a model in an application).
Saving converts tensors to the settings' precision and wraps the tree in the metadata
envelope; loading checks the envelope and returns tensors in the dtype they were stored in
(the module layer converts them to its backend's dtype).
"""

from __future__ import annotations

import errno
import os
import struct
import zlib
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, Callable, ClassVar

from . import binary_format, json_format, msgpack_format, safetensors_format
from .atomic import atomic_write, remove_stale_temps
from .compression import compress, decompress
from .envelope import RecordMetadata, unwrap, wrap
from .errors import RecordError
from .foreign import describe_foreign
from .precision import FullPrecisionSettings, HalfPrecisionSettings, SettingsLike, \
    resolve_settings
from .tree import Item, ItemLike, prepare_for_save

# Decoder failures that mean "bad bytes" rather than a bug; reported as RecordError.
_DECODE_FAILURES = (ValueError, TypeError, KeyError, IndexError, EOFError, OSError,
                    struct.error, zlib.error, RecursionError, OverflowError, UnicodeError)


class Recorder(ABC):
    """Serializes record trees with a format, optional gzip, and precision settings.

    Loading returns the tree typed ``Any`` (an `Item` at run time), as ``json.load`` does:
    only the caller knows its shape, and a union would force a cast at every field access.

    Subclasses set `format_name` and `gzip` and implement `_encode`/`_decode`.
    """

    format_name: ClassVar[str]
    gzip: ClassVar[bool] = False
    max_decompressed_size: int | None = None
    """For ``*Gz`` recorders: the most bytes a file may inflate to (None: what its gzip
    trailer declares); see `pyburn.record.compression`."""

    def __init__(self, settings: SettingsLike = FullPrecisionSettings) -> None:
        self.settings = resolve_settings(settings)

    @abstractmethod
    def _encode(self, tree: Item) -> bytes:
        """The format's bytes for an envelope tree."""

    @abstractmethod
    def _decode(self, data: bytes | bytearray) -> Item:
        """The envelope tree of the format's bytes; `RecordError` when they are not valid."""

    def _check_head(self, head: bytes) -> int | None:
        """Refuse first bytes that cannot start a record of the format; return the exact size
        when the format's header states it (see `compression.HeadCheck`)."""
        return None

    def to_bytes(self, item: ItemLike) -> bytes:
        """The bytes of `item`: checked, converted to the settings' precision, wrapped in the
        metadata envelope, encoded (and gzipped for ``*Gz`` recorders)."""
        tree = prepare_for_save(item, self.settings)
        envelope = wrap(tree, RecordMetadata.for_save(self.settings, self.format_name))
        data = self._encode(envelope)
        return compress(data) if self.gzip else data

    def from_bytes(self, data: bytes, source: str = "<bytes>") -> Any:
        """Inverse of `to_bytes`; tensors come back in the dtype they were stored in."""
        return self.from_bytes_with_metadata(data, source)[1]

    def from_bytes_with_metadata(self, data: bytes,
                                 source: str = "<bytes>") -> tuple[RecordMetadata, Any]:
        """Like `from_bytes`, also returning how the record was stored (Burn's
        ``BurnMetadata``: float/int dtype, format, pyburn version, settings)."""
        return self._decode_record(bytes(data), source, self._decode)

    def _decode_record(self, data: bytes, source: str,
                       decode: Callable[[bytes | bytearray], Item]) -> tuple[RecordMetadata, Any]:
        """`from_bytes_with_metadata` with the format's decoder given (a file recorder may
        pick a faster one for bytes it has validated, see `FileRecorder._read_file`)."""
        name = type(self).__name__
        try:
            if not data:
                raise RecordError("empty data (0 bytes)")
            return unwrap(self._decode_any(data, decode), self.format_name)
        except RecordError as exc:
            raise RecordError(f"{name}: cannot decode {source}: {exc}") from exc
        except _DECODE_FAILURES as exc:
            raise RecordError(f"{name}: cannot decode {source}: truncated or corrupted data "
                              f"({type(exc).__name__}: {exc})") from exc

    def _decode_any(self, data: bytes,
                    decode: Callable[[bytes | bytearray], Item] | None = None) -> Item:
        """Decode, and when that fails because the bytes are a pickle or a ``torch.save``
        archive (outside or inside gzip), say so instead of "corrupted data"."""
        inner: bytes | bytearray = data
        try:
            if self.gzip:
                inner = decompress(data, self.max_decompressed_size, self._check_head)
            return (decode or self._decode)(inner)
        except (RecordError, *_DECODE_FAILURES) as exc:
            reason = describe_foreign(data, self.gzip) or (
                describe_foreign(inner) if inner is not data else None)
            if reason:
                raise RecordError(reason) from exc
            raise

    def __eq__(self, other: object) -> bool:
        return (type(self) is type(other) and self.settings == other.settings
                and self.max_decompressed_size == other.max_decompressed_size)

    def __hash__(self) -> int:
        return hash((type(self), self.settings, self.max_decompressed_size))

    def __repr__(self) -> str:
        limit = self.max_decompressed_size
        extra = "" if limit is None else f", max_decompressed_size={limit}"
        return f"{type(self).__name__}({type(self.settings).__name__}{extra})"


class FileRecorder(Recorder):
    """A recorder that writes files. Paths are given without extension; the recorder appends
    its own (``model`` -> ``model.mpk``), as Burn does, unless the path already ends with it."""

    extension: ClassVar[str]

    def file_path(self, path: str | os.PathLike[str]) -> Path:
        """The path the record is written to / read from."""
        path = Path(path)
        suffix = "." + self.extension
        return path if path.name.endswith(suffix) else path.with_name(path.name + suffix)

    def record(self, item: ItemLike, path: str | os.PathLike[str]) -> Path:
        """Save `item` atomically (parent directories are created); return the file's path.
        The tree is fully serialized before the file is touched, so a failure leaves any
        previous file intact."""
        return atomic_write(self.file_path(path), self.to_bytes(item))

    def load(self, path: str | os.PathLike[str]) -> Any:
        """The tree saved at `path` (with or without the extension)."""
        return self.load_with_metadata(path)[1]

    def load_with_metadata(self, path: str | os.PathLike[str]) -> tuple[RecordMetadata, Any]:
        file = self.file_path(path)
        remove_stale_temps(file)
        try:
            data, decode = self._read_file(file)
        except FileNotFoundError:
            raise FileNotFoundError(errno.ENOENT, f"{type(self).__name__}: no record file "
                                    f"{str(file)!r}", str(file)) from None
        return self._decode_record(data, repr(str(file)), decode)

    def _read_file(self, file: Path) -> tuple[bytes, Callable[[bytes | bytearray], Item]]:
        """The file's bytes and the decoder for them; a format whose library can validate a
        file in place returns a decoder that skips validating (and copying) again."""
        return file.read_bytes(), self._decode


class BytesRecorder(Recorder):
    """A recorder that stays in memory: ``record(item) -> bytes``, ``load(bytes) -> item``
    (Burn's in-memory recorders, for models embedded in an application)."""

    def record(self, item: ItemLike) -> bytes:
        return self.to_bytes(item)

    def load(self, data: bytes) -> Any:
        return self.from_bytes(data, f"<{len(data)} bytes>")


# ---------------------------------------------------------------- formats


class _NamedMpk(Recorder):
    format_name = msgpack_format.NAME

    def _encode(self, tree: Item) -> bytes:
        return msgpack_format.encode(tree)

    def _decode(self, data: bytes | bytearray) -> Item:
        return msgpack_format.decode(data)

    def _check_head(self, head: bytes) -> int | None:
        msgpack_format.check_head(head)
        return None


class _Bin(Recorder):
    format_name = binary_format.NAME

    def _encode(self, tree: Item) -> bytes:
        return binary_format.encode(tree)

    def _decode(self, data: bytes | bytearray) -> Item:
        return binary_format.decode(data)

    def _check_head(self, head: bytes) -> int | None:
        return binary_format.check_head(head)


class _Json(Recorder):
    format_name = json_format.NAME
    pretty: ClassVar[bool] = False

    def _encode(self, tree: Item) -> bytes:
        return json_format.encode(tree, pretty=self.pretty)

    def _decode(self, data: bytes | bytearray) -> Item:
        return json_format.decode(data)

    def _check_head(self, head: bytes) -> int | None:
        json_format.check_head(head)
        return None


class _Gzipped(Recorder):
    """The ``*Gz`` recorders: gzip around the format, inflated under a size limit."""

    gzip = True

    def __init__(self, settings: SettingsLike = FullPrecisionSettings, *,
                 max_decompressed_size: int | None = None) -> None:
        """`max_decompressed_size`: the most bytes a file may inflate to. The default (None)
        trusts no more than the file declares (its gzip trailer, exact below 4 GiB); give a
        size to load larger records, or a smaller one to refuse big untrusted files early."""
        super().__init__(settings)
        limit = max_decompressed_size
        if limit is not None and (type(limit) is not int or limit < 0):
            raise ValueError(f"{type(self).__name__}: max_decompressed_size must be None or a "
                             f"non-negative int, got {limit!r}")
        self.max_decompressed_size = limit


# ---------------------------------------------------------------- Burn's recorders


class NamedMpkFileRecorder(_NamedMpk, FileRecorder):
    """Named MessagePack file (``.mpk``): Burn's default; fast, fields found by name."""

    extension = "mpk"


class NamedMpkGzFileRecorder(_Gzipped, _NamedMpk, FileRecorder):
    """Named MessagePack, gzipped (``.mpk.gz``): smaller, CRC-checked."""

    extension = "mpk.gz"


class BinFileRecorder(_Bin, FileRecorder):
    """pyburn's compact binary format (``.bin``): the smallest uncompressed file."""

    extension = "bin"


class BinGzFileRecorder(_Gzipped, _Bin, FileRecorder):
    """Binary format, gzipped (``.bin.gz``)."""

    extension = "bin.gz"


class JsonGzFileRecorder(_Gzipped, _Json, FileRecorder):
    """Compact JSON, gzipped (``.json.gz``)."""

    extension = "json.gz"


class PrettyJsonFileRecorder(_Json, FileRecorder):
    """Indented JSON (``.json``), to read or diff weights by eye."""

    extension = "json"
    pretty = True


class SafetensorsFileRecorder(FileRecorder):
    """A safetensors file (``.safetensors``) named by dotted paths, readable by the
    ``safetensors`` library and PyTorch tools; the rest of the tree lives in its metadata."""

    extension = "safetensors"
    format_name = safetensors_format.NAME

    def _encode(self, tree: Item) -> bytes:
        return safetensors_format.encode(tree)

    def _decode(self, data: bytes | bytearray) -> Item:
        return safetensors_format.decode(bytes(data))

    def _read_file(self, file: Path) -> tuple[bytes, Callable[[bytes | bytearray], Item]]:
        data, validated = safetensors_format.read_safetensors_file(file)
        return data, (self._decode_validated if validated else self._decode)

    @staticmethod
    def _decode_validated(data: bytes | bytearray) -> Item:
        return safetensors_format.decode(bytes(data), validated=True)


class BinBytesRecorder(_Bin, BytesRecorder):
    """The binary format in memory, e.g. to embed a model's bytes in an application."""


class NamedMpkBytesRecorder(_NamedMpk, BytesRecorder):
    """Named MessagePack in memory."""


DefaultFileRecorder = NamedMpkFileRecorder
"""Burn's ``DefaultFileRecorder``: NamedMpk with FullPrecisionSettings unless told otherwise."""


class CompactRecorder(NamedMpkFileRecorder):
    """Burn's ``CompactRecorder``: NamedMpk in half precision by default (half the bytes)."""

    def __init__(self, settings: SettingsLike = HalfPrecisionSettings) -> None:
        super().__init__(settings)
