"""The table printed when training ends (Burn's ``LearnerSummary``): per split and numeric
metric, the lowest and highest epoch values and the epochs they were reached."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .store import MetricStore, Split

__all__ = ["LearnerSummary", "MetricSummary"]


@dataclass(frozen=True)
class MetricSummary:
    name: str
    min: float
    min_epoch: int
    max: float
    max_epoch: int


def _fmt(value: float) -> str:
    return f"{value:<9.3e}" if abs(value) < 1e-2 else f"{value:<9.3f}"


@dataclass
class LearnerSummary:
    """Built from the metric store; ``str()`` is Burn's table."""

    epochs: int
    train: list[MetricSummary] = field(default_factory=list)
    valid: list[MetricSummary] = field(default_factory=list)
    model: str | None = None

    @classmethod
    def from_store(cls, store: MetricStore, epochs: int, model: str | None = None,
                   names: dict[str, list[str]] | None = None) -> "LearnerSummary":
        summary = cls(epochs, model=model)
        for split in Split:
            wanted = (names or {}).get(split.value, store.names(split))
            rows = summary.train if split is Split.Train else summary.valid
            for name in wanted:
                values = [(e, v) for e, v in store.epochs(name, split).items()
                          if not math.isnan(v)]
                if not values:
                    continue
                low = min(values, key=lambda ev: ev[1])
                high = max(values, key=lambda ev: ev[1])
                rows.append(MetricSummary(name, low[1], low[0], high[1], high[0]))
        return summary

    def __str__(self) -> str:
        width = max([len("Metric")] + [len(m.name) for m in self.train + self.valid])
        lines = [f"{'':=>24} Learner Summary {'':=>24}"]
        if self.model:
            lines.append(f"Model:\n{self.model}")
        lines.append(f"Total Epochs: {self.epochs}\n\n")
        lines.append(f"| {'Split':<5} | {'Metric':<{width}} | Min.     | Epoch    | Max.     "
                     f"| Epoch    |")
        lines.append(f"|{'':->7}|{'':->{width + 2}}|----------|----------|----------|----------|")
        for split, rows in (("Train", self.train), ("Valid", self.valid)):
            for m in rows:
                lines.append(f"| {split:<5} | {m.name:<{width}} | {_fmt(m.min)}| {m.min_epoch:<9}"
                             f"| {_fmt(m.max)}| {m.max_epoch:<9}|")
        return "\n".join(lines)
