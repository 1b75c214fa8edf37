"""Reading the machine (CPU load, RAM, temperature) through psutil, the well-kept library for it;
the CPU metrics use these and degrade to "not available" instead of failing a run."""

from __future__ import annotations

import math
from typing import Any

__all__ = ["psutil_module", "cpu_percent", "memory_used_total", "cpu_temperature"]


def psutil_module() -> Any:
    """psutil, or None when it is not installed (the metrics then report N/A)."""
    try:
        import psutil
    except ImportError:
        return None
    return psutil


def cpu_percent() -> float:
    """Mean CPU use over all cores since the previous call, in percent (NaN without psutil)."""
    psutil = psutil_module()
    return math.nan if psutil is None else float(psutil.cpu_percent(interval=None))


def memory_used_total() -> tuple[float, float]:
    """(used, total) RAM in bytes; used is total minus available, as Burn's sysinfo counts it."""
    psutil = psutil_module()
    if psutil is None:
        return math.nan, math.nan
    memory = psutil.virtual_memory()
    return float(memory.total - memory.available), float(memory.total)


# Sensor groups that measure the CPU package, by platform driver (Linux's hwmon names).
_CPU_SENSORS = ("coretemp", "k10temp", "zenpower", "cpu_thermal", "cpu-thermal", "acpitz")


def cpu_temperature() -> float:
    """The CPU temperature in °C, or NaN where the OS does not expose one (macOS, Windows,
    containers and VMs without sensors)."""
    psutil = psutil_module()
    read = getattr(psutil, "sensors_temperatures", None)
    if read is None:
        return math.nan
    try:
        groups = read() or {}
    except (OSError, RuntimeError, ValueError):
        return math.nan
    names = [n for n in _CPU_SENSORS if groups.get(n)] or [n for n in groups if groups[n]]
    if not names:
        return math.nan
    readings = groups[names[0]]
    # coretemp lists the package first ("Package id 0"), then each core: take the package.
    package = [r for r in readings if str(getattr(r, "label", "")).startswith("Package")]
    return float((package or readings)[0].current)
