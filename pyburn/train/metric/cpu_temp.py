"""CPU temperature (Burn's ``metric/cpu_temp.rs``), in °C, where the OS exposes a sensor."""

from __future__ import annotations

from typing import Any, ClassVar

from . import system
from .base import MetricEntry, MetricMetadata, NumericEntry
from .cpu_use import system_entry

__all__ = ["CpuTemperature"]


class CpuTemperature:
    """Many machines have no readable sensor (macOS, Windows, VMs, containers): the metric then
    shows ``CPU Temperature: N/A`` and logs ``NaN``; it never fails the run."""

    input_type: ClassVar[type | None] = None
    higher_is_better: ClassVar[bool] = False
    unit: ClassVar[str | None] = "°C"

    def __init__(self) -> None:
        self.temp_celsius = float("nan")

    def name(self) -> str:
        return "CPU Temperature"

    def update(self, item: Any, metadata: MetricMetadata) -> MetricEntry:
        self.temp_celsius = system.cpu_temperature()
        return system_entry(self.name(), f"{self.name()}: {self.temp_celsius:.2f} °C",
                            self.temp_celsius)

    def clear(self) -> None:
        """Nothing to reset: the temperature is a reading, not an epoch aggregate."""

    def value(self) -> NumericEntry:
        return NumericEntry(self.temp_celsius)

    def running_value(self) -> NumericEntry:
        return NumericEntry(self.temp_celsius)
