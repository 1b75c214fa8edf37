"""CPU use (Burn's ``metric/cpu_use.rs``): the mean load over all cores, in percent."""

from __future__ import annotations

import math
import time
from typing import Any, ClassVar

from . import system
from .base import MetricEntry, MetricMetadata, NumericEntry
from .state import NOT_AVAILABLE

__all__ = ["CpuUse"]


def system_entry(name: str, formatted: str, value: float) -> MetricEntry:
    """A system metric's entry: Burn's two-decimal log line, ``NaN`` when not available (a float
    the log readers parse) and ``"<name>: N/A"`` for people."""
    if math.isnan(value):
        return MetricEntry(name, f"{name}: {NOT_AVAILABLE}", "NaN")
    return MetricEntry(name, formatted, f"{value:.2f}")


class CpuUse:
    """Reads the load at most every 200 ms (as Burn does): psutil measures it between two reads,
    and faster reads would only measure the metric itself."""

    input_type: ClassVar[type | None] = None
    higher_is_better: ClassVar[bool] = False
    unit: ClassVar[str | None] = "%"
    refresh_seconds: ClassVar[float] = 0.2

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._clock = clock
        self.current = system.cpu_percent()   # starts psutil's measuring window
        self._last_refresh = clock()

    def name(self) -> str:
        return "CPU Usage"

    def update(self, item: Any, metadata: MetricMetadata) -> MetricEntry:
        if self._clock() - self._last_refresh >= self.refresh_seconds:
            self.current = system.cpu_percent()
            self._last_refresh = self._clock()
        return system_entry(self.name(), f"{self.name()}: {self.current:.2f} %", self.current)

    def clear(self) -> None:
        """Nothing to reset: the load is a reading, not an epoch aggregate."""

    def value(self) -> NumericEntry:
        return NumericEntry(self.current)

    def running_value(self) -> NumericEntry:
        return NumericEntry(self.current)
