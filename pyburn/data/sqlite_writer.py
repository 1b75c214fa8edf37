"""`SqliteDatasetWriter`: builds an SQLite dataset file item by item (Burn's writer).

Atomic like every pyburn save: items go to ``<file>.tmp`` beside the target and only
`set_completed` renames it into place (after an fsync), so a reader never sees half a dataset.
Resumable where Burn's is not: rows are committed every ``commit_every`` items, so after a crash
or an interrupted run ``SqliteDatasetWriter(path, resume=True)`` reopens the temporary file with
everything committed so far, and `len(split)` says where to continue. The temporary file is
locked (``flock``) while a writer holds it, so a second writer on the same file is refused.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from types import TracebackType
from typing import Generic, TypeVar

from ._item_codec import encode_item
from .sqlite import SqliteDatasetError, check_split, check_sqlite_file

try:
    import fcntl
except ImportError:  # Windows: no advisory lock; one writer per file is then the user's job
    fcntl = None  # type: ignore[assignment]

__all__ = ["SqliteDatasetWriter", "temp_path"]

I = TypeVar("I")


def temp_path(db_file: Path) -> Path:
    """Burn's temporary name: ``name.db`` is built as ``name.db.tmp``."""
    return db_file.with_name(db_file.name + ".tmp")


class SqliteDatasetWriter(Generic[I]):
    """Write items into splits; `set_completed` (or leaving a ``with`` block normally) publishes
    the file. Leaving with an exception keeps the committed rows for ``resume=True``."""

    def __init__(self, db_file: str | os.PathLike[str], overwrite: bool = False, *,
                 resume: bool = False, commit_every: int = 1000) -> None:
        owner = "SqliteDatasetWriter"
        self.db_file = Path(db_file)
        self.tmp_file = temp_path(self.db_file)
        if isinstance(commit_every, bool) or not isinstance(commit_every, int) \
                or commit_every < 1:
            raise ValueError(f"{owner}: commit_every must be an int >= 1, got {commit_every!r}")
        self._commit_every = commit_every
        if self.db_file.exists() and not overwrite:
            raise FileExistsError(f"{owner}: {self.db_file} exists; pass overwrite=True to "
                                  "replace it (the old file stays until set_completed)")
        self.db_file.parent.mkdir(parents=True, exist_ok=True)
        self._lock_fd: int | None = None
        self._completed = True  # until the file is open: nothing for __del__ to close
        if self.tmp_file.exists():
            if resume:
                if self.tmp_file.stat().st_size:  # empty: killed before the first table
                    check_sqlite_file(owner, self.tmp_file)
            else:
                self._lock_or_refuse(owner)  # never delete a live writer's file
                self._unlock()
                self.tmp_file.unlink()
        self._lock_or_refuse(owner)
        try:
            self._conn = sqlite3.connect(self.tmp_file, check_same_thread=False)
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._counts: dict[str, int] = {}
            for (name,) in self._conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                    "'sqlite_%'").fetchall():
                self._counts[name] = self._conn.execute(
                    f'SELECT count(*) FROM "{name}"').fetchone()[0]
        except sqlite3.DatabaseError as error:
            self._unlock()
            raise SqliteDatasetError(f"{owner}: cannot resume {self.tmp_file}: {error}") from None
        self._pending = 0
        self._completed = False

    def _lock_or_refuse(self, owner: str) -> None:
        self._lock_fd = os.open(self.tmp_file, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is None:
            return
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._lock_fd)
            self._lock_fd = None
            raise SqliteDatasetError(f"{owner}: another writer is writing {self.tmp_file}") \
                from None

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing drops the flock
            self._lock_fd = None

    def write(self, split: str, item: I) -> int:
        """Append `item` to `split` (created on first use); returns its index."""
        if self._completed:
            raise SqliteDatasetError("SqliteDatasetWriter.write: the writer is completed")
        check_split("SqliteDatasetWriter.write", split)
        blob = encode_item(item)
        if split not in self._counts:
            self._conn.execute(
                f'CREATE TABLE IF NOT EXISTS "{split}" (row_id INTEGER PRIMARY KEY '
                "AUTOINCREMENT NOT NULL, item BLOB NOT NULL)")
            self._counts[split] = 0
        self._conn.execute(f'INSERT INTO "{split}" (item) VALUES (?)', (blob,))
        index = self._counts[split]
        self._counts[split] = index + 1
        self._pending += 1
        if self._pending >= self._commit_every:
            self.flush()
        return index

    def len(self, split: str) -> int:
        """Items in `split` so far (after ``resume=True``: where to continue)."""
        return self._counts.get(split, 0)

    def splits(self) -> list[str]:
        return sorted(self._counts)

    def flush(self) -> None:
        """Commit the rows written so far (they survive a crash from now on)."""
        self._conn.commit()
        self._pending = 0

    def set_completed(self) -> Path:
        """Commit, close and atomically move the file into place; the writer is then done."""
        if self._completed:
            return self.db_file
        self.flush()
        self._conn.close()
        with open(self.tmp_file, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(self.tmp_file, self.db_file)
        self._unlock()
        self._fsync_dir()
        self._completed = True
        return self.db_file

    def close(self) -> None:
        """Stop without publishing: committed rows stay in the temporary file for a resume."""
        if not self._completed:
            self.flush()
            self._conn.close()
            self._unlock()
            self._completed = True

    def _fsync_dir(self) -> None:
        try:
            fd = os.open(self.db_file.parent, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)

    def __enter__(self) -> "SqliteDatasetWriter[I]":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if kind is None:
            self.set_completed()
        else:
            self.close()

    def __repr__(self) -> str:
        state = "completed" if self._completed else "open"
        return f"SqliteDatasetWriter({str(self.db_file)!r}, {state}, splits={self._counts})"

    def __del__(self) -> None:
        try:
            if not getattr(self, "_completed", True):
                self.close()
        except Exception:
            pass
