"""The learning rate metric (Burn's ``LearningRateMetric``): the rate the scheduler gave for the
batch, read from the metadata (it needs nothing from the step output)."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import MetricEntry, MetricMetadata, NumericEntry
from .loss import ItemCounter
from .state import FormatOptions, NumericMetricState

__all__ = ["LearningRateMetric"]


class LearningRateMetric:
    """The batch's learning rate; the epoch value is the item-weighted mean rate."""

    input_type: ClassVar[type | None] = None
    higher_is_better: ClassVar[bool] = False

    def __init__(self) -> None:
        self.state = NumericMetricState()
        self.items = ItemCounter()

    def name(self) -> str:
        return "Learning Rate"

    def update(self, item: Any, metadata: MetricMetadata) -> MetricEntry:
        lr = float("nan") if metadata.lr is None else float(metadata.lr)
        self.state.update(lr, self.items.batch_count(metadata))
        return self.state.compute_update(FormatOptions(self.name(), None, 2))

    def clear(self) -> None:
        self.state.reset()
        self.items.reset()

    def value(self) -> NumericEntry:
        return self.state.current_value()

    def running_value(self) -> NumericEntry:
        return self.state.running_value()
