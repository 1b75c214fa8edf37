"""RAM in use (Burn's ``metric/memory_use.rs``): used and total memory of the machine, in Gb."""

from __future__ import annotations

import math
import time
from typing import Any, ClassVar

from . import system
from .base import MetricEntry, MetricMetadata, NumericEntry
from .state import NOT_AVAILABLE

__all__ = ["CpuMemory"]


def bytes2gb(value: float) -> float:
    return value / 1e9


class CpuMemory:
    """Reads at most every 200 ms (as Burn does); the number is the used RAM in Gb."""

    input_type: ClassVar[type | None] = None
    higher_is_better: ClassVar[bool] = False
    unit: ClassVar[str | None] = "Gb"
    refresh_seconds: ClassVar[float] = 0.2

    def __init__(self, clock: Any = time.monotonic) -> None:
        self._clock = clock
        self._refresh()

    def _refresh(self) -> None:
        self.ram_bytes_used, self.ram_bytes_total = system.memory_used_total()
        self._last_refresh = self._clock()

    def name(self) -> str:
        return "CPU Memory"

    def update(self, item: Any, metadata: MetricMetadata) -> MetricEntry:
        if self._clock() - self._last_refresh >= self.refresh_seconds:
            self._refresh()
        used = bytes2gb(self.ram_bytes_used)
        if math.isnan(used):
            return MetricEntry(self.name(), f"RAM Used: {NOT_AVAILABLE}", "NaN")
        total = bytes2gb(self.ram_bytes_total)
        return MetricEntry(self.name(), f"RAM Used: {used:.2f} / {total:.2f} Gb", repr(used))

    def clear(self) -> None:
        """Nothing to reset: memory is a reading, not an epoch aggregate."""

    def value(self) -> NumericEntry:
        return NumericEntry(bytes2gb(self.ram_bytes_used))

    def running_value(self) -> NumericEntry:
        return self.value()
