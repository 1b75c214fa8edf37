"""Metric loggers (one file per split, epoch and metric) and the application logger
(``experiment.log``)."""

from .application import FileApplicationLoggerInstaller
from .metric import FileMetricLogger, InMemoryMetricLogger, MetricLogger

__all__ = ["FileApplicationLoggerInstaller", "FileMetricLogger", "InMemoryMetricLogger",
           "MetricLogger"]
