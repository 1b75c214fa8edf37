"""The live terminal dashboard (Burn's ``renderer/tui``): progress, metrics and braille plots."""

from .chart import ChartLine, LineChart
from .renderer import TuiMetricsRenderer

__all__ = ["ChartLine", "LineChart", "TuiMetricsRenderer"]
