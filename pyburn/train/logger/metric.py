"""Metric loggers (Burn's ``FileMetricLogger``): every metric update becomes one line of
``<dir>/<split>/epoch-<N>/<Metric name>.log`` (spaces in the name become ``_``), the entry's
serialized form (``value,count`` for numeric metrics)."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Protocol, runtime_checkable

from ..metric.base import MetricEntry

__all__ = ["MetricLogger", "FileMetricLogger", "InMemoryMetricLogger"]


@runtime_checkable
class MetricLogger(Protocol):
    """Receives every metric entry of a split's epoch; ``end_epoch`` closes what it opened."""

    def log(self, split: str, epoch: int, entry: MetricEntry) -> None: ...

    def end_epoch(self, split: str, epoch: int) -> None: ...


class FileMetricLogger:
    """Writes ``<directory>/<split>/epoch-<N>/<Metric>.log``; an epoch's files are truncated when
    first written, so a resumed run rewrites the epochs it replays."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self._files: dict[tuple[str, int, str], IO[str]] = {}

    def file_path(self, split: str, epoch: int, name: str) -> Path:
        return self.directory / str(split) / f"epoch-{epoch}" / (name.replace(" ", "_") + ".log")

    def log(self, split: str, epoch: int, entry: MetricEntry) -> None:
        key = (str(split), epoch, entry.name)
        handle = self._files.get(key)
        if handle is None:
            path = self.file_path(str(split), epoch, entry.name)
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = self._files[key] = path.open("w", encoding="utf-8")
        handle.write(entry.serialized + "\n")

    def end_epoch(self, split: str, epoch: int) -> None:
        for key in [k for k in self._files if k[0] == str(split) and k[1] == epoch]:
            self._files.pop(key).close()

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()
        self._files.clear()


class InMemoryMetricLogger:
    """Keeps the serialized entries: ``values[(split, epoch, name)] -> [line, ...]``."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, int, str], list[str]] = {}

    def log(self, split: str, epoch: int, entry: MetricEntry) -> None:
        self.values.setdefault((str(split), epoch, entry.name), []).append(entry.serialized)

    def end_epoch(self, split: str, epoch: int) -> None:
        pass
