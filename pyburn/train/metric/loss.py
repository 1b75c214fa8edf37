"""The loss metric (Burn's ``LossMetric``): the mean of the step's loss, per batch and per epoch
(item-weighted)."""

from __future__ import annotations

from typing import ClassVar

from .base import MetricEntry, MetricMetadata
from .inputs import LossInput
from .state import NumericMetric

__all__ = ["LossMetric", "ItemCounter", "ItemWeightedMetric"]


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


class ItemWeightedMetric(NumericMetric):
    """A `NumericMetric` whose batch value stands for the items the `ItemCounter` reads from the
    metadata (the loss, the learning rate)."""

    def __init__(self) -> None:
        super().__init__()
        self.items = ItemCounter()

    def record_batch(self, value: float, metadata: MetricMetadata) -> MetricEntry:
        return self.record(value, self.items.batch_count(metadata))

    def clear(self) -> None:
        super().clear()
        self.items.reset()


class LossMetric(ItemWeightedMetric):
    """The mean of ``LossInput.tensor`` (a step output's loss)."""

    input_type: ClassVar[type | None] = LossInput
    higher_is_better: ClassVar[bool] = False

    def name(self) -> str:
        return "Loss"

    def update(self, item: LossInput, metadata: MetricMetadata) -> MetricEntry:
        return self.record_batch(float(item.tensor.mean().into_scalar()), metadata)
