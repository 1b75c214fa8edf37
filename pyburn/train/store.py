"""The epoch values of numeric metrics, per split (Burn's ``EventStore``): what checkpointing
strategies, early stopping and the summary read. The loop writes it; it knows nothing of them."""

from __future__ import annotations

import math
from enum import Enum
from pathlib import Path

from .metric.base import NumericEntry

__all__ = ["Aggregate", "Direction", "Split", "MetricStore"]


class Aggregate(Enum):
    """How an epoch's batch values become one number: the item-weighted mean."""

    Mean = "mean"


class Direction(Enum):
    """Which way is better for a metric."""

    Lowest = "lowest"
    Highest = "highest"


class Split(str, Enum):
    """The data split a metric was measured on; equal to the strings ``"train"``/``"valid"``
    the renderer contract uses."""

    Train = "train"
    Valid = "valid"

    def __str__(self) -> str:
        return self.value


def _split(split: "Split | str") -> Split:
    try:
        return Split(split)
    except ValueError:
        raise ValueError(f"split: expected Split.Train or Split.Valid, got {split!r}") from None


class MetricStore:
    """``{split: {metric name: {epoch: value}}}`` of epoch aggregates."""

    def __init__(self) -> None:
        self._values: dict[Split, dict[str, dict[int, float]]] = {s: {} for s in Split}

    def record(self, split: "Split | str", name: str, epoch: int, value: float) -> None:
        self._values[_split(split)].setdefault(name, {})[epoch] = float(value)

    def names(self, split: "Split | str") -> list[str]:
        return list(self._values[_split(split)])

    def epochs(self, name: str, split: "Split | str") -> dict[int, float]:
        """Epoch -> value of metric `name` (empty when it was never recorded)."""
        return dict(sorted(self._values[_split(split)].get(name, {}).items()))

    def find_metric(self, name: str, epoch: int, aggregate: Aggregate,
                    split: "Split | str") -> float | None:
        """The value of `name` at `epoch`, or None."""
        return self._values[_split(split)].get(name, {}).get(epoch)

    def find_epoch(self, name: str, aggregate: Aggregate, direction: Direction,
                   split: "Split | str", up_to: int | None = None) -> int | None:
        """The best epoch of `name` (the first of equal ones; NaN never wins), or None."""
        best: tuple[int, float] | None = None
        for epoch, value in self.epochs(name, split).items():
            if up_to is not None and epoch > up_to or math.isnan(value):
                continue
            better = best is None or (value < best[1] if direction is Direction.Lowest
                                      else value > best[1])
            if better:
                best = (epoch, value)
        return None if best is None else best[0]

    def load_logs(self, directory: str | Path, up_to_epoch: int,
                  names: dict[str, list[str]]) -> None:
        """Fill epochs 1..`up_to_epoch` from the file loggers' ``<split>/epoch-N/<Metric>.log``
        (each line ``value,count``) for the numeric metric `names` of each split, so a resumed
        run's strategies, early stopping and summary see the epochs before it."""
        root = Path(directory)
        for split in Split:
            for epoch in range(1, up_to_epoch + 1):
                folder = root / split.value / f"epoch-{epoch}"
                for name in names.get(split.value, []):
                    log = folder / (name.replace(" ", "_") + ".log")
                    if not log.is_file():
                        continue
                    total, count, final = 0.0, 0, None
                    for line in log.read_text().splitlines():
                        try:
                            entry = NumericEntry.deserialize(line)
                        except ValueError:
                            break   # not a numeric metric's log
                        if entry.final:
                            final = entry.value   # the exact epoch value the live run had
                        elif entry.count:         # an all-padding batch (nan,0) weighs nothing
                            total += entry.value * entry.count
                            count += entry.count
                    else:
                        if final is not None:
                            self.record(split, name, epoch, final)
                        elif count:
                            self.record(split, name, epoch, total / count)
