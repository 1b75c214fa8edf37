"""The learning rate metric (Burn's ``LearningRateMetric``): the rate the scheduler gave for the
batch, read from the metadata (it needs nothing from the step output)."""

from __future__ import annotations

from typing import Any, ClassVar

from .base import MetricEntry, MetricMetadata
from .loss import ItemWeightedMetric

__all__ = ["LearningRateMetric"]


class LearningRateMetric(ItemWeightedMetric):
    """The batch's learning rate; the epoch value is the item-weighted mean rate."""

    input_type: ClassVar[type | None] = None
    higher_is_better: ClassVar[bool] = False

    def name(self) -> str:
        return "Learning Rate"

    def update(self, item: Any, metadata: MetricMetadata) -> MetricEntry:
        lr = float("nan") if metadata.lr is None else float(metadata.lr)
        return self.record_batch(lr, metadata)
