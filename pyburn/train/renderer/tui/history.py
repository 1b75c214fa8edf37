"""What the dashboard plots of one numeric metric (Burn's ``FullHistoryPlot``): every batch value
of each split over the whole run, and each epoch's value.

The x axis is in epochs (epoch 2 at 50% of its items is x = 1.5), so train and valid points share
one axis whatever their sizes. A long run stays bounded: when a series holds more than
`max_points`, every other point is dropped and from then on only every other new point is kept
(Burn's halving), so the curve still spans the whole run at a fixed cost to draw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..base import Split

__all__ = ["MetricHistory", "Series"]

MAX_POINTS = 250


@dataclass
class Series:
    """Points ``(x, y)`` of one split, at most `max_points`, thinned by halving."""

    max_points: int = MAX_POINTS
    points: list[tuple[float, float]] = field(default_factory=list)
    stride: int = 1
    pushed: int = 0

    def push(self, x: float, y: float) -> None:
        if not math.isfinite(y):
            return  # a NaN/inf batch value would flatten the scale of every other point
        keep = self.pushed % self.stride == 0
        self.pushed += 1
        if not keep:
            return
        self.points.append((x, y))
        if len(self.points) > self.max_points:
            self.points = self.points[::2]
            self.stride *= 2


@dataclass
class MetricHistory:
    """Batch and epoch series of one metric, per split."""

    max_points: int = MAX_POINTS
    batches: dict[Split, Series] = field(default_factory=dict)
    epochs: dict[Split, Series] = field(default_factory=dict)

    def push_batch(self, split: Split, x: float, y: float) -> None:
        self.batches.setdefault(split, Series(self.max_points)).push(x, y)

    def push_epoch(self, split: Split, epoch: int, y: float) -> None:
        self.epochs.setdefault(split, Series(self.max_points)).push(float(epoch), y)
