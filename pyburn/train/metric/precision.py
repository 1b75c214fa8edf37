"""Precision (Burn's ``metric/precision.rs``): of the predicted positives, the share that are
true, in percent."""

from __future__ import annotations

from typing import ClassVar

from .confusion_metric import PlainConfusionMetric, safe_ratio
from .state import Counts

__all__ = ["PrecisionMetric"]


class PrecisionMetric(PlainConfusionMetric):
    """TP / (TP + FP); a class never predicted counts 0 (as scikit-learn's zero_division=0)."""

    label: ClassVar[str] = "Precision"

    def ratio(self, tp: Counts, fp: Counts, fn: Counts) -> Counts:
        return safe_ratio(tp, [t + f for t, f in zip(tp, fp)])
