"""Top-k accuracy (Burn's ``metric/top_k_acc.rs``): the share of samples whose target class is
among the k highest scores, in percent; targets equal to the pad token are left out."""

from __future__ import annotations

from typing import ClassVar

from pyburn.tensor.errors import ShapeError

from .acc import accuracy_percent, check_class_scores
from .base import MetricEntry, MetricMetadata
from .inputs import TopKAccuracyInput
from .state import NumericMetric, untracked

__all__ = ["TopKAccuracyMetric"]


class TopKAccuracyMetric(NumericMetric):
    """Top-k accuracy in percent (k = 1 is `AccuracyMetric`). The name carries k, so several
    can be registered side by side."""

    input_type: ClassVar[type | None] = TopKAccuracyInput
    higher_is_better: ClassVar[bool] = True
    unit: ClassVar[str | None] = "%"

    def __init__(self, k: int) -> None:
        if not isinstance(k, int) or isinstance(k, bool) or k < 1:
            raise ValueError(f"TopKAccuracyMetric: k must be an int >= 1, got {k!r}")
        super().__init__()
        self.k = k
        self.pad_token: int | None = None

    def with_pad_token(self, index: int) -> "TopKAccuracyMetric":
        self.pad_token = int(index)
        return self

    def name(self) -> str:
        return f"Top-K Accuracy @ TopK({self.k})"

    def update(self, item: TopKAccuracyInput, metadata: MetricMetadata) -> MetricEntry:
        metric = "TopKAccuracyMetric"
        outputs, targets = untracked(item.outputs), untracked(item.targets)
        batch_size = check_class_scores(metric, outputs, targets)
        num_classes = int(outputs.dims()[1])
        if self.k > num_classes:
            raise ShapeError(f"{metric}: k={self.k} is more than the {num_classes} classes of "
                             f"outputs {list(outputs.shape)}")
        best = outputs.argsort(1, descending=True).narrow(1, 0, self.k)
        counted = batch_size
        if self.pad_token is not None:
            pad = targets.equal_elem(self.pad_token)
            counted = batch_size - int(pad.int().sum().into_scalar())
            targets = targets.mask_fill(pad, -1)    # no class index: never a hit
        hits = targets.reshape([batch_size, 1]).repeat_dim(1, self.k).equal(best)
        return self.record(accuracy_percent(hits, counted), counted)
