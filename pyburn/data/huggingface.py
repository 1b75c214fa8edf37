"""`HuggingfaceDatasetLoader`: a Hugging Face dataset imported once into an SQLite cache
(Burn's ``HuggingfaceDatasetLoader``), then read as a `SqliteDataset`.

Burn runs Python's ``datasets`` in a subprocess to download and export; pyburn is Python, so it
calls ``datasets.load_dataset`` directly and writes the SQLite file itself, the way Burn's
importer does: image and audio columns keep their encoded file bytes (not decoded pixels),
nested features are flattened with ``.`` replaced by ``_`` in column names (``image.bytes`` ->
``image_bytes``), each split becomes a table with ``row_id`` 1..n, and list-valued columns are
stored as MessagePack (decoded back to lists on read). The import is atomic (a temporary file
renamed into place) and happens once: later calls read the cache.

Works without a network from local files, through the ``datasets`` builders: ``"csv"``,
``"json"``, ``"parquet"``, ``"arrow"``, ``"text"`` with `with_data_files`, or a directory
written by ``Dataset.save_to_disk``/``DatasetDict.save_to_disk`` given as the name. With a
network, a hub name (``"dbpedia_14"``) downloads as in Burn.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar, overload

from ._item_codec import encode_item
from .sqlite import (CODEC_TABLE, SqliteDataset, SqliteDatasetError, _sanitize,
                     default_base_dir)
from .sqlite_writer import temp_path

__all__ = ["HuggingfaceDatasetLoader", "ImporterError", "describe"]

I = TypeVar("I")
DataFiles = str | Sequence[str] | Mapping[str, str | Sequence[str]]


class ImporterError(RuntimeError):
    """The dataset could not be loaded or exported (Burn's ``ImporterError``)."""


def _datasets() -> Any:
    try:
        import datasets
    except ImportError as error:
        raise ImporterError("HuggingfaceDatasetLoader needs the `datasets` package "
                            f"(pip install datasets): {error}") from None
    return datasets


class HuggingfaceDatasetLoader:
    """``HuggingfaceDatasetLoader(name).with_subset(...).dataset(split, item)``."""

    def __init__(self, name: str) -> None:
        if not isinstance(name, str) or not name:
            raise ValueError(f"HuggingfaceDatasetLoader: name must be a non-empty string, got "
                             f"{name!r}")
        self.name = name
        self.subset: str | None = None
        self.base_dir: Path | None = None
        self.token: str | None = None
        self.cache_dir: str | None = None
        self.data_dir: str | None = None
        self.data_files: DataFiles | None = None
        self.overwrite = False

    def _with(self, **changes: Any) -> "HuggingfaceDatasetLoader":
        copy = HuggingfaceDatasetLoader(self.name)
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(changes)
        return copy

    def with_subset(self, subset: str) -> "HuggingfaceDatasetLoader":
        """The dataset configuration (``load_dataset``'s second argument)."""
        return self._with(subset=subset)

    def with_base_dir(self, base_dir: str | os.PathLike[str]) -> "HuggingfaceDatasetLoader":
        """Where the SQLite cache is written (default: `default_base_dir()`)."""
        return self._with(base_dir=Path(base_dir))

    def with_huggingface_token(self, token: str) -> "HuggingfaceDatasetLoader":
        return self._with(token=token)

    def with_huggingface_cache_dir(self, cache_dir: str) -> "HuggingfaceDatasetLoader":
        return self._with(cache_dir=cache_dir)

    def with_huggingface_data_dir(self, data_dir: str) -> "HuggingfaceDatasetLoader":
        return self._with(data_dir=data_dir)

    def with_data_files(self, data_files: DataFiles) -> "HuggingfaceDatasetLoader":
        """Local files for a builder name (``"csv"``, ``"parquet"``, ``"json"``, ``"arrow"``):
        a path, a list, or ``{split: path(s)}``. Part of the cache name, so other files get
        another cache."""
        return self._with(data_files=data_files)

    def with_overwrite(self, overwrite: bool = True) -> "HuggingfaceDatasetLoader":
        """Import again even when the cache exists."""
        return self._with(overwrite=overwrite)

    # -- the cache --------------------------------------------------------------------------

    def db_file(self) -> Path:
        """The SQLite cache, imported now if it does not exist yet."""
        target = self._target()
        if self.overwrite or not target.exists():
            self._import(target)
        return target

    def _target(self) -> Path:
        stem = _sanitize(self.name.replace("/", "_").replace(os.sep, "_"))
        if self.subset:
            stem += "-" + _sanitize(self.subset)
        local = self.data_files is not None or Path(self.name).is_dir()
        if local:  # the same builder name over other files must not share a cache
            stem += "-" + self._local_fingerprint()
        return (self.base_dir or default_base_dir()) / f"{stem}.db"

    def _local_fingerprint(self) -> str:
        files: list[str] = []
        spec: Any = self.data_files
        if spec is None:
            spec = [str(p) for p in sorted(Path(self.name).rglob("*")) if p.is_file()]
        items = sorted(spec.items()) if isinstance(spec, Mapping) else [("", spec)]
        for split, paths in items:
            for path in [paths] if isinstance(paths, str) else list(paths):
                stat = Path(path).stat() if Path(path).exists() else None
                files.append(f"{split}:{Path(path).resolve()}:"
                             f"{stat.st_size if stat else -1}:{stat.st_mtime_ns if stat else -1}")
        return hashlib.sha256("\n".join(files).encode()).hexdigest()[:12]

    @overload
    def dataset(self, split: str) -> SqliteDataset[Any]: ...
    @overload
    def dataset(self, split: str, item: type[I]) -> SqliteDataset[I]: ...

    def dataset(self, split: str, item: type[Any] | None = None) -> SqliteDataset[Any]:
        """Burn's ``loader.dataset::<Item>(split)``: the split as a `SqliteDataset` of `item`
        (a dataclass whose fields name columns; None: dicts)."""
        return SqliteDataset.from_db_file(self.db_file(), split, item)

    # -- importing --------------------------------------------------------------------------

    def _load(self) -> dict[str, Any]:
        datasets = _datasets()
        path = Path(self.name)
        try:
            if path.is_dir() and ((path / "dataset_dict.json").exists()
                                  or (path / "state.json").exists()):
                loaded = datasets.load_from_disk(str(path))
            else:
                loaded = datasets.load_dataset(
                    self.name, self.subset, data_dir=self.data_dir, data_files=self.data_files,
                    cache_dir=self.cache_dir, token=self.token)
        except Exception as error:  # datasets raises many kinds; all mean "could not load"
            raise ImporterError(f"HuggingfaceDatasetLoader({self.name!r}): could not load the "
                                f"dataset: {type(error).__name__}: {error}") from error
        if isinstance(loaded, datasets.Dataset):
            return {"train": loaded}
        return dict(loaded)

    def _import(self, target: Path) -> None:
        splits = self._load()
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = temp_path(target)
        tmp.unlink(missing_ok=True)
        try:
            conn = sqlite3.connect(tmp)
            try:
                conn.execute("PRAGMA synchronous = OFF")
                conn.execute("PRAGMA journal_mode = OFF")
                conn.execute(f'CREATE TABLE "{CODEC_TABLE}" (split TEXT NOT NULL, '
                             "column_name TEXT NOT NULL)")
                for split, data in splits.items():
                    _export_split(conn, _table_name(split), data)
                conn.commit()
            finally:
                conn.close()
            with open(tmp, "rb+") as stream:
                os.fsync(stream.fileno())
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def __repr__(self) -> str:
        return (f"HuggingfaceDatasetLoader(name={self.name!r}, subset={self.subset!r}, "
                f"data_files={self.data_files!r})")


def _table_name(split: str) -> str:
    name = "".join(c if c.isalnum() or c == "_" else "_" for c in split)
    if not name or name[0].isdigit() or name.startswith("__"):
        name = "split_" + name
    return name


def _disable_decoding(data: Any) -> Any:
    """Images and audio stay encoded file bytes, as Burn stores them."""
    datasets = _datasets()
    for name, feature in data.features.items():
        for kind in ("Image", "Audio", "Video"):
            cls = getattr(datasets, kind, None)
            if cls is not None and isinstance(feature, cls):
                data = data.cast_column(name, cls(decode=False))
    return data


def _sql_type(feature: Any) -> tuple[str, bool]:
    """(SQL column type, stored as MessagePack) for a flattened feature."""
    import pyarrow as pa  # a dependency of `datasets`

    kind = getattr(feature, "pa_type", None)
    if kind is None:
        return "BLOB", True
    if pa.types.is_boolean(kind) or pa.types.is_integer(kind):
        return "INTEGER", False
    if pa.types.is_floating(kind):
        return "REAL", False
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return "TEXT", False
    if pa.types.is_binary(kind) or pa.types.is_large_binary(kind):
        return "BLOB", False
    return "BLOB", True


def _export_split(conn: sqlite3.Connection, table: str, data: Any) -> None:
    data = _disable_decoding(data).flatten()
    for name in list(data.features):
        if "." in name:
            data = data.rename_column(name, name.replace(".", "_"))
    columns = list(data.features)
    if "row_id" in columns:
        raise ImporterError(f"split {table!r} has a column named row_id, which the SQLite "
                            "layout reserves for the item index")
    types = {name: _sql_type(data.features[name]) for name in columns}
    column_sql = ", ".join(f'"{name}" {types[name][0]}' for name in columns)
    conn.execute(f'CREATE TABLE "{table}" (row_id INTEGER PRIMARY KEY NOT NULL'
                 + (f", {column_sql}" if column_sql else "") + ")")
    packed = [name for name in columns if types[name][1]]
    conn.executemany(f'INSERT INTO "{CODEC_TABLE}" (split, column_name) VALUES (?, ?)',
                     [(table, name) for name in packed])
    placeholders = ", ".join("?" for _ in range(len(columns) + 1))
    quoted = ", ".join(["row_id"] + [f'"{name}"' for name in columns])
    row_id = 1
    for batch in data.iter(batch_size=1000):
        size = len(batch[columns[0]]) if columns else 0
        rows = []
        for i in range(size):
            values: list[Any] = [row_id + i]
            for name in columns:
                value = batch[name][i]
                values.append(encode_item(value) if name in packed and value is not None
                              else value)
            rows.append(values)
        conn.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({placeholders})', rows)
        row_id += size
    if row_id - 1 != len(data):
        raise SqliteDatasetError(f"split {table!r}: exported {row_id - 1} rows of {len(data)}")


def describe(db_file: str | os.PathLike[str]) -> str:
    """The tables and columns of an imported file (what Burn's importer prints, so you can
    write the item dataclass)."""
    conn = sqlite3.connect(f"file:{Path(db_file).resolve()}?mode=ro", uri=True)
    try:
        lines = []
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                     "name NOT LIKE 'sqlite_%' ORDER BY name"):
            if table == CODEC_TABLE:
                continue
            info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            lines.append(f"{table}: " + json.dumps({str(r[1]): str(r[2]) for r in info}))
        return "\n".join(lines)
    finally:
        conn.close()
