"""F-beta score (Burn's ``metric/fbetascore.rs``): the weighted harmonic mean of precision and
recall, in percent; ``beta > 1`` weighs recall more, ``beta < 1`` precision."""

from __future__ import annotations

from typing import ClassVar

from .classification import ClassificationMetricConfig, ClassReduction, rust_display
from .confusion_metric import ConfusionMetric, binary_config, multiclass_config, multilabel_config
from .state import Counts

__all__ = ["FBetaScoreMetric"]


class FBetaScoreMetric(ConfusionMetric):
    """(1 + b^2) TP / ((1 + b^2) TP + b^2 FN + FP). A class with no TP, FP or FN is undefined
    and left out of the macro average (Burn's rule)."""

    label: ClassVar[str] = "FBetaScore"

    def __init__(self, config: ClassificationMetricConfig | None = None,
                 beta: float = 1.0) -> None:
        if not isinstance(beta, (int, float)) or isinstance(beta, bool) or not beta > 0:
            raise ValueError(f"FBetaScoreMetric: beta must be a positive number, got {beta!r}")
        self.beta = float(beta)
        super().__init__(config)

    def name(self) -> str:
        return (f"FBetaScore ({rust_display(self.beta)}) @ {self.config.decision_rule!r} "
                f"[{self.config.class_reduction!r}]")

    @classmethod
    def binary(cls, beta: float = 1.0, threshold: float = 0.5) -> "FBetaScoreMetric":
        return cls(binary_config(threshold), beta)

    @classmethod
    def multiclass(cls, beta: float = 1.0, top_k: int = 1,
                   class_reduction: ClassReduction = ClassReduction.Macro) -> "FBetaScoreMetric":
        return cls(multiclass_config(top_k, class_reduction), beta)

    @classmethod
    def multilabel(cls, beta: float = 1.0, threshold: float = 0.5,
                   class_reduction: ClassReduction = ClassReduction.Macro) -> "FBetaScoreMetric":
        return cls(multilabel_config(threshold, class_reduction), beta)

    def ratio(self, tp: Counts, fp: Counts, fn: Counts) -> Counts:
        beta_sq = self.beta ** 2
        out = []
        for t, p, n in zip(tp, fp, fn):
            denominator = (1.0 + beta_sq) * t + beta_sq * n + p
            out.append(100.0 * (1.0 + beta_sq) * t / denominator if denominator
                       else float("nan"))
        return out
