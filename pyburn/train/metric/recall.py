"""Recall (Burn's ``metric/recall.rs``): of the actual positives, the share that are found,
in percent."""

from __future__ import annotations

from typing import ClassVar

from .classification import ClassReduction
from .confusion_metric import (ConfusionMetric, binary_config, multiclass_config,
                               multilabel_config, safe_ratio)
from .state import Counts

__all__ = ["RecallMetric"]


class RecallMetric(ConfusionMetric):
    """TP / (TP + FN); a class with no positive target counts 0 (as scikit-learn's
    zero_division=0)."""

    label: ClassVar[str] = "Recall"

    @classmethod
    def binary(cls, threshold: float = 0.5) -> "RecallMetric":
        """One score per sample [batch, 1]; positive above `threshold`."""
        return cls(binary_config(threshold))

    @classmethod
    def multiclass(cls, top_k: int = 1,
                   class_reduction: ClassReduction = ClassReduction.Macro) -> "RecallMetric":
        """Class scores [batch, classes]; the `top_k` best scores are the predictions."""
        return cls(multiclass_config(top_k, class_reduction))

    @classmethod
    def multilabel(cls, threshold: float = 0.5,
                   class_reduction: ClassReduction = ClassReduction.Macro) -> "RecallMetric":
        """Label scores [batch, labels]; each label is predicted above `threshold`."""
        return cls(multilabel_config(threshold, class_reduction))

    def ratio(self, tp: Counts, fp: Counts, fn: Counts) -> Counts:
        return safe_ratio(tp, [t + f for t, f in zip(tp, fn)])
