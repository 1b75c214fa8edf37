"""The loss metric (Burn's ``LossMetric``): the mean of the step's loss, per batch and per epoch
(item-weighted)."""

from __future__ import annotations

from typing import ClassVar

from .base import MetricEntry, MetricMetadata, NumericEntry
from .inputs import LossInput
from .state import FormatOptions, NumericMetricState

__all__ = ["LossMetric", "ItemCounter"]


class ItemCounter:
    """The items of the batch an update is for, from the progress the Learner reports (items
    processed since the previous update), so a metric needs no batch size in its input."""

    def __init__(self) -> None:
        self.processed = 0

    def batch_count(self, metadata: MetricMetadata) -> int:
        processed = metadata.progress.items_processed
        count = processed - self.processed if processed > self.processed else 1
        self.processed = max(processed, self.processed)
        return count

    def reset(self) -> None:
        self.processed = 0


class LossMetric:
    """The mean of ``LossInput.tensor`` (a step output's loss)."""

    input_type: ClassVar[type | None] = LossInput
    higher_is_better: ClassVar[bool] = False

    def __init__(self) -> None:
        self.state = NumericMetricState()
        self.items = ItemCounter()

    def name(self) -> str:
        return "Loss"

    def update(self, item: LossInput, metadata: MetricMetadata) -> MetricEntry:
        value = float(item.tensor.mean().into_scalar())
        self.state.update(value, self.items.batch_count(metadata))
        return self.state.compute_update(FormatOptions(self.name(), None, 2))

    def clear(self) -> None:
        self.state.reset()
        self.items.reset()

    def value(self) -> NumericEntry:
        return self.state.current_value()

    def running_value(self) -> NumericEntry:
        return self.state.running_value()
