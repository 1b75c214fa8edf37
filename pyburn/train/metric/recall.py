"""Recall (Burn's ``metric/recall.rs``): of the actual positives, the share that are found,
in percent."""

from __future__ import annotations

from typing import ClassVar

from .confusion_metric import PlainConfusionMetric, safe_ratio
from .state import Counts

__all__ = ["RecallMetric"]


class RecallMetric(PlainConfusionMetric):
    """TP / (TP + FN); a class with no positive target counts 0 (as scikit-learn's
    zero_division=0)."""

    label: ClassVar[str] = "Recall"

    def ratio(self, tp: Counts, fp: Counts, fn: Counts) -> Counts:
        return safe_ratio(tp, [t + f for t, f in zip(tp, fn)])
