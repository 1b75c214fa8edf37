"""Hamming score (Burn's ``metric/hamming.rs``): for multi-label outputs, the share of
(sample, label) cells predicted right, in percent."""

from __future__ import annotations

from typing import ClassVar

from pyburn.tensor.activation import sigmoid

from .base import MetricEntry, MetricMetadata
from .classification import rust_display
from .confusion_stats import check_scores_and_targets
from .inputs import HammingScoreInput
from .state import NumericMetric, untracked

__all__ = ["HammingScore"]


class HammingScore(NumericMetric):
    """A label is predicted when its score exceeds the threshold (0.5); with
    ``with_sigmoid(True)`` the outputs are logits and go through a sigmoid first."""

    input_type: ClassVar[type | None] = HammingScoreInput
    higher_is_better: ClassVar[bool] = True
    unit: ClassVar[str | None] = "%"

    def __init__(self) -> None:
        super().__init__()
        self.threshold = 0.5
        self.sigmoid = False

    def with_threshold(self, threshold: float) -> "HammingScore":
        self.threshold = float(threshold)
        return self

    def with_sigmoid(self, sigmoid: bool) -> "HammingScore":
        self.sigmoid = bool(sigmoid)
        return self

    def name(self) -> str:
        return f"Hamming Score @ Threshold({rust_display(self.threshold)})"

    def update(self, item: HammingScoreInput, metadata: MetricMetadata) -> MetricEntry:
        outputs, targets = untracked(item.outputs), untracked(item.targets)
        check_scores_and_targets("HammingScore", outputs, targets, "outputs", "targets")
        batch_size = int(outputs.dims()[0])
        if self.sigmoid:
            outputs = sigmoid(outputs)
        score = outputs.greater_elem(self.threshold).equal(targets.bool()).float().mean()
        return self.record(100.0 * float(score.into_scalar()), batch_size)
