"""Accuracy (Burn's ``metric/acc.rs``): the share of samples whose highest score is the target
class, in percent; targets equal to the pad token are left out."""

from __future__ import annotations

from typing import Any, ClassVar

from pyburn.tensor.errors import KindError, RankError, ShapeError

from .base import MetricEntry, MetricMetadata
from .inputs import AccuracyInput
from .state import NumericMetric, untracked

__all__ = ["AccuracyMetric"]


def check_class_scores(metric: str, outputs: Any, targets: Any) -> int:
    """`outputs` Float [batch, num_classes], `targets` Int [batch]; returns the batch size."""
    if outputs.rank != 2:
        raise RankError(f"{metric}: outputs must have rank 2 [batch, num_classes], got shape "
                        f"{list(outputs.shape)}")
    if outputs.kind.prefix != "float":
        raise KindError(f"{metric}: outputs must be a Float tensor, got {outputs.kind.__name__}")
    if targets.rank != 1 or targets.kind.prefix != "int":
        raise KindError(f"{metric}: targets must be an Int tensor [batch] of class indices, got "
                        f"{targets.kind.__name__} of shape {list(targets.shape)}")
    batch_size = int(outputs.dims()[0])
    if int(targets.dims()[0]) != batch_size:
        raise ShapeError(f"{metric}: outputs have {batch_size} samples, targets "
                         f"{targets.dims()[0]}")
    return batch_size


def accuracy_percent(hits: Any, counted: int) -> float:
    """100 * (the number of true cells of `hits`) / `counted`; NaN when nothing is counted."""
    correct = int(hits.int().sum().into_scalar())
    return 100.0 * correct / counted if counted else float("nan")


class AccuracyMetric(NumericMetric):
    """Top-1 accuracy in percent. With ``with_pad_token(i)``, samples whose target is `i` are
    left out of both the hits and the count (sequence models pad their targets); the epoch value
    weighs each batch by its counted (non-pad) samples."""

    input_type: ClassVar[type | None] = AccuracyInput
    higher_is_better: ClassVar[bool] = True
    unit: ClassVar[str | None] = "%"

    def __init__(self) -> None:
        super().__init__()
        self.pad_token: int | None = None

    def with_pad_token(self, index: int) -> "AccuracyMetric":
        self.pad_token = int(index)
        return self

    def name(self) -> str:
        return "Accuracy"

    def update(self, item: AccuracyInput, metadata: MetricMetadata) -> MetricEntry:
        outputs, targets = untracked(item.outputs), untracked(item.targets)
        batch_size = check_class_scores("AccuracyMetric", outputs, targets)
        predicted = outputs.argmax(1).reshape([batch_size])
        hits = predicted.equal(targets)
        counted = batch_size
        if self.pad_token is not None:
            pad = targets.equal_elem(self.pad_token)
            hits = hits.bool_and(pad.bool_not())
            counted = batch_size - int(pad.int().sum().into_scalar())
        return self.record(accuracy_percent(hits, counted), counted)
