"""Iteration speed (Burn's ``metric/iteration.rs``): iterations per second since the epoch's
first batch. It needs nothing from the step output."""

from __future__ import annotations

import time
from typing import Any, ClassVar

from .base import MetricEntry, MetricMetadata
from .state import NumericMetric

__all__ = ["IterationSpeedMetric"]


class IterationSpeedMetric(NumericMetric):
    """``iteration / seconds since the first update`` of the epoch (0 on the first batch, which
    starts the clock, as in Burn)."""

    input_type: ClassVar[type | None] = None
    higher_is_better: ClassVar[bool] = True
    unit: ClassVar[str | None] = "iter/sec"

    def __init__(self, clock: Any = time.perf_counter) -> None:
        super().__init__()
        self._clock = clock
        self._start: float | None = None

    def name(self) -> str:
        return "Iteration Speed"

    def update(self, item: Any, metadata: MetricMetadata) -> MetricEntry:
        now = self._clock()
        if self._start is None:
            self._start = now
            speed = 0.0
        else:
            elapsed = now - self._start
            speed = metadata.iteration / elapsed if elapsed > 0 else 0.0
        return self.record(speed, 1)

    def clear(self) -> None:
        self._start = None
        super().clear()
