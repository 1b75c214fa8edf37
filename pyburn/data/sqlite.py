"""`SqliteDataset`: items stored in an SQLite file and read by index (Burn's ``SqliteDataset``).

Each split is a table whose ``row_id`` runs 1..n; item ``i`` is row ``i + 1``. Two layouts are
read, as in Burn: a *serialized* table (exactly ``row_id INTEGER, item BLOB``, written by
`SqliteDatasetWriter`) holds one MessagePack item per row; any other table holds one column per
field (what `HuggingfaceDatasetLoader` imports), and a row becomes a dict or, with ``item=``, the
dataclass whose fields name the columns. The file is opened read-only, and every thread (data
loader workers) and process (forked or spawned) gets its own connection, which sqlite requires.

A file that is not an SQLite database, a missing split, a table without ``row_id`` 1..n, or a
row that does not decode gives a `SqliteDatasetError` naming the file, the split and the row.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sqlite3
import threading
from pathlib import Path
from typing import Any, Generic, TypeVar, overload
from urllib.parse import quote

from ._item_codec import ItemCodecError, build_item, decode_item
from .dataset import DatasetBase

__all__ = ["SqliteDataset", "SqliteDatasetError", "SqliteDatasetStorage", "default_base_dir"]

I = TypeVar("I")

_SQLITE_MAGIC = b"SQLite format 3\x00"
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
CODEC_TABLE = "__pyburn_column_codecs"
"""Columns whose values are MessagePack (lists, nested values) rather than plain SQL values."""


class SqliteDatasetError(RuntimeError):
    """A database that cannot serve as a dataset, or a row that cannot become an item."""


def check_split(owner: str, split: object) -> str:
    """Split names become table names: identifiers only, so no name can inject SQL."""
    if not isinstance(split, str) or not _IDENTIFIER.match(split) or split.startswith("__"):
        raise ValueError(f"{owner}: split must be an identifier ([A-Za-z_][A-Za-z0-9_]*, not "
                         f"starting with '__'), got {split!r}")
    return split


def check_sqlite_file(owner: str, path: Path) -> None:
    """Refuse what is not an SQLite database before sqlite3 sees it, saying what it is."""
    if not path.exists():
        raise FileNotFoundError(f"{owner}: no database file at {path}")
    if not path.is_file():
        raise SqliteDatasetError(f"{owner}: {path} is not a file")
    with path.open("rb") as stream:
        head = stream.read(len(_SQLITE_MAGIC))
    if head != _SQLITE_MAGIC:
        raise SqliteDatasetError(
            f"{owner}: {path} is not an SQLite database (it starts with {head[:16]!r}; an "
            "SQLite file starts with b'SQLite format 3\\x00')")


def default_base_dir() -> Path:
    """Where named datasets live: ``$PYBURN_DATASET_DIR``, else ``~/.cache/pyburn-dataset``
    (Burn: the OS cache directory's ``burn-dataset``)."""
    env = os.environ.get("PYBURN_DATASET_DIR")
    if env:
        return Path(env)
    cache = os.environ.get("XDG_CACHE_HOME")
    return (Path(cache) if cache else Path.home() / ".cache") / "pyburn-dataset"


class SqliteDataset(DatasetBase[I], Generic[I]):
    """A split of an SQLite file as a dataset; build it with `from_db_file`."""

    def __init__(self, db_file: str | os.PathLike[str], split: str,
                 item: type[I] | None = None) -> None:
        owner = "SqliteDataset"
        self._db_file = Path(db_file)
        self._split = check_split(owner, split)
        if item is not None and not (dataclasses.is_dataclass(item) and isinstance(item, type)):
            raise TypeError(f"{owner}: item must be a dataclass type (or None for dicts), got "
                            f"{item!r}")
        self._item = item
        self._local = threading.local()
        check_sqlite_file(owner, self._db_file)
        try:
            self._inspect()
        except sqlite3.DatabaseError as error:
            raise SqliteDatasetError(f"{owner}: cannot read {self._db_file}: {error} (the file "
                                     "is damaged or not a database)") from None

    @classmethod
    def from_db_file(cls, db_file: str | os.PathLike[str], split: str,
                     item: type[I] | None = None) -> "SqliteDataset[I]":
        """Burn's ``SqliteDataset::from_db_file(db_file, split)``; `item` names the dataclass
        items are built as (None: dicts for column tables, the stored value for serialized)."""
        return cls(db_file, split, item)

    # -- opening ----------------------------------------------------------------------------

    def _inspect(self) -> None:
        conn = self._connection()
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY name")]
        where = f"SqliteDataset({self._db_file}, split={self._split!r})"
        if self._split not in tables:
            raise SqliteDatasetError(f"{where}: no such split; the file has {tables}")
        info = conn.execute(f'PRAGMA table_info("{self._split}")').fetchall()
        columns = [(str(row[1]), str(row[2]).lower()) for row in info]
        names = [name for name, _ in columns]
        if "row_id" not in names:
            raise SqliteDatasetError(f"{where}: the table has no row_id column (columns: "
                                     f"{names}); items are read by row_id 1..n")
        self._serialized = columns == [("row_id", "integer"), ("item", "blob")]
        self._columns = [name for name in names if name != "row_id"]
        count, low, high = conn.execute(
            f'SELECT count(*), min(row_id), max(row_id) FROM "{self._split}"').fetchone()
        if count and (low != 1 or high != count):
            raise SqliteDatasetError(f"{where}: row_id must run 1..{count} without gaps, found "
                                     f"{low}..{high}")
        self._len = int(count)
        self._codecs: set[str] = set()
        if CODEC_TABLE in [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]:
            self._codecs = {str(r[0]) for r in conn.execute(
                f'SELECT column_name FROM "{CODEC_TABLE}" WHERE split = ?', (self._split,))}
        if self._item is not None and not self._serialized:
            required = [f.name for f in dataclasses.fields(self._item) if f.init  # type: ignore[arg-type]
                        and f.default is dataclasses.MISSING
                        and f.default_factory is dataclasses.MISSING]
            missing = [name for name in required if name not in self._columns]
            if missing:
                raise SqliteDatasetError(f"{where}: {self._item.__name__} fields {missing} have "
                                         f"no column (columns: {self._columns})")
        select = "item" if self._serialized else ", ".join(f'"{c}"' for c in self._columns)
        self._select = f'SELECT {select} FROM "{self._split}" WHERE row_id = ?'

    def _connection(self) -> sqlite3.Connection:
        """This thread's read-only connection (a new one after a fork)."""
        held = getattr(self._local, "held", None)
        if held is not None and held[0] == os.getpid():
            return held[1]
        uri = f"file:{quote(str(self._db_file.resolve()))}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._local.held = (os.getpid(), conn)
        return conn

    def __getstate__(self) -> dict[str, Any]:
        # Connections stay with their process; a worker process opens its own.
        state = self.__dict__.copy()
        del state["_local"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._local = threading.local()

    # -- reading ----------------------------------------------------------------------------

    @property
    def db_file(self) -> Path:
        return self._db_file

    @property
    def split(self) -> str:
        return self._split

    @property
    def columns(self) -> list[str]:
        """The stored columns (``["item"]`` for a serialized table)."""
        return list(self._columns)

    def len(self) -> int:
        return self._len

    def get(self, index: int) -> I | None:
        if not isinstance(index, int) or not 0 <= index < self._len:
            return None
        try:
            row = self._connection().execute(self._select, (index + 1,)).fetchone()
        except sqlite3.DatabaseError as error:
            raise SqliteDatasetError(f"SqliteDataset({self._db_file}, split={self._split!r}): "
                                     f"cannot read item {index}: {error}") from None
        if row is None:
            raise SqliteDatasetError(f"SqliteDataset({self._db_file}, split={self._split!r}): "
                                     f"row_id {index + 1} disappeared (was the file changed?)")
        return self._item_from(row, index)

    def get_many(self, indices: list[int]) -> list[I]:
        """Several items in one query (Burn's ``get_many``); every index must be in range."""
        for index in indices:
            if not isinstance(index, int) or not 0 <= index < self._len:
                raise IndexError(f"SqliteDataset.get_many: index {index!r} out of range "
                                 f"[0, {self._len})")
        return [self.get(index) for index in indices]  # type: ignore[misc]

    def _item_from(self, row: tuple[Any, ...], index: int) -> Any:
        where = f"SqliteDataset({self._db_file}, split={self._split!r}) item {index}"
        try:
            if self._serialized:
                if not isinstance(row[0], bytes):
                    raise ItemCodecError(f"the item column holds a {type(row[0]).__name__}, "
                                         "not a blob")
                return decode_item(row[0], self._item)
            values = {}
            for name, value in zip(self._columns, row):
                if name in self._codecs and isinstance(value, bytes):
                    value = decode_item(value)
                values[name] = value
            return values if self._item is None else build_item(self._item, values)
        except (ItemCodecError, TypeError) as error:
            raise SqliteDatasetError(f"{where}: {error}") from None

    def close(self) -> None:
        """Close this thread's connection (others close when their thread's data is freed)."""
        held = getattr(self._local, "held", None)
        if held is not None:
            held[1].close()
            self._local.held = None

    def __repr__(self) -> str:
        return f"SqliteDataset(db_file={str(self._db_file)!r}, split={self._split!r}, " \
               f"len={self._len})"


def _sanitize(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "_", name).strip(".")
    if not cleaned:
        raise ValueError(f"SqliteDatasetStorage: {name!r} gives no usable file name")
    return cleaned


class SqliteDatasetStorage:
    """Where a dataset's database file is (Burn's ``SqliteDatasetStorage``): by name in a
    base directory, or an explicit file; `writer` builds it, `reader` opens a split."""

    def __init__(self, name: str | None = None, db_file: str | os.PathLike[str] | None = None,
                 base_dir: str | os.PathLike[str] | None = None) -> None:
        if (name is None) == (db_file is None):
            raise ValueError("SqliteDatasetStorage: give exactly one of name and db_file")
        self._name = name
        self._db_file = None if db_file is None else Path(db_file)
        self._base_dir = None if base_dir is None else Path(base_dir)

    @classmethod
    def from_name(cls, name: str) -> "SqliteDatasetStorage":
        return cls(name=name)

    @classmethod
    def from_file(cls, db_file: str | os.PathLike[str]) -> "SqliteDatasetStorage":
        return cls(db_file=db_file)

    def with_base_dir(self, base_dir: str | os.PathLike[str]) -> "SqliteDatasetStorage":
        return SqliteDatasetStorage(self._name, self._db_file, base_dir)

    def db_file(self) -> Path:
        if self._db_file is not None:
            return self._db_file
        assert self._name is not None
        return (self._base_dir or default_base_dir()) / f"{_sanitize(self._name)}.db"

    def exists(self) -> bool:
        return self.db_file().exists()

    def writer(self, overwrite: bool = False, *, resume: bool = False) -> Any:
        """A `SqliteDatasetWriter` for this file."""
        from .sqlite_writer import SqliteDatasetWriter
        return SqliteDatasetWriter(self.db_file(), overwrite=overwrite, resume=resume)

    @overload
    def reader(self, split: str) -> SqliteDataset[Any]: ...
    @overload
    def reader(self, split: str, item: type[I]) -> SqliteDataset[I]: ...

    def reader(self, split: str, item: type[Any] | None = None) -> SqliteDataset[Any]:
        return SqliteDataset.from_db_file(self.db_file(), split, item)
