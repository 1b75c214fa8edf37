"""`ModuleRecord` (Burn's ``burn::store::ModuleRecord``): what `Module.into_record` returns.

It is the record tree itself — a dict of fields, parameters as ``{"id", "param": TensorData}``,
nested modules as nested dicts — so everything that reads or edits a record as a dict keeps
working, plus Burn's serialization of a whole record: `into_bytes` / `from_bytes` in memory and
`save` / `load` on disk. The bytes are pyburn's binary record format in double precision, so
f16, bf16, f32 and f64 parameters all come back bit for bit (`Module.load_record` gives them the
module's dtype again); nothing is unpickled on load."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

__all__ = ["ModuleRecord"]


def _recorder(file: bool) -> Any:
    from pyburn.record import BinBytesRecorder, BinFileRecorder, DoublePrecisionSettings
    return (BinFileRecorder if file else BinBytesRecorder)(DoublePrecisionSettings)


class ModuleRecord(dict[str, Any]):
    """A module's record: ``module.load_record(ModuleRecord.from_bytes(record.into_bytes()))``
    restores ``module`` exactly."""

    def into_bytes(self) -> bytes:
        """The record as bytes (Burn's ``ModuleRecord::into_bytes``), read by `from_bytes`."""
        return bytes(_recorder(False).record(dict(self)))

    @classmethod
    def from_bytes(cls, data: bytes) -> "ModuleRecord":
        """The record `into_bytes` wrote (a `RecordError` names what is wrong with other
        bytes)."""
        return cls._of(_recorder(False).load(data), "<bytes>")

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the record to `path` (the recorder's extension is added); returns the path
        written."""
        return Path(_recorder(True).record(dict(self), path))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> "ModuleRecord":
        """The record `save` wrote to `path`."""
        return cls._of(_recorder(True).load(path), str(path))

    @classmethod
    def _of(cls, tree: Any, source: str) -> "ModuleRecord":
        if not isinstance(tree, Mapping):
            from pyburn.record.errors import RecordError
            raise RecordError(f"ModuleRecord: {source} holds a {type(tree).__name__}, not a "
                              f"module record (a dict of fields)")
        return cls(tree)
