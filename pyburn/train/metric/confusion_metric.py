"""What precision, recall and F-scores share: a `ClassificationMetricConfig`, the batch's
`ConfusionStats` and the epoch's summed counts; each metric only says which ratio it takes."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, TypeVar

from .base import MetricEntry, MetricMetadata, NumericEntry
from .classification import ClassificationMetricConfig, ClassReduction, DecisionRule
from .confusion_stats import ConfusionStats
from .inputs import ConfusionStatsInput
from .state import ConfusionStatsState, Counts, FormatOptions

__all__ = ["ConfusionMetric", "PlainConfusionMetric", "safe_ratio"]

_Self = TypeVar("_Self", bound="PlainConfusionMetric")


def safe_ratio(numerator: Counts, denominator: Counts) -> Counts:
    """100 * n / d per class, 0 where a class has nothing to count (Burn masks d = 0 to 1)."""
    return [100.0 * n / (d if d else 1.0) for n, d in zip(numerator, denominator)]


class ConfusionMetric(ABC):
    """Base of the confusion-count metrics; the epoch value is the ratio of the epoch's counts.
    Build with ``binary``, ``multiclass`` or ``multilabel`` (or a config)."""

    input_type: ClassVar[type | None] = ConfusionStatsInput
    higher_is_better: ClassVar[bool] = True
    unit: ClassVar[str | None] = "%"
    label: ClassVar[str] = ""

    def __init__(self, config: ClassificationMetricConfig | None = None) -> None:
        self.config = config if config is not None else ClassificationMetricConfig()
        if not isinstance(self.config, ClassificationMetricConfig):
            raise TypeError(f"{type(self).__name__}: expected a ClassificationMetricConfig, got "
                            f"{type(self.config).__name__}")
        self.state = ConfusionStatsState()

    def name(self) -> str:
        return (f"{self.label} @ {self.config.decision_rule!r} "
                f"[{self.config.class_reduction!r}]")

    @abstractmethod
    def ratio(self, tp: Counts, fp: Counts, fn: Counts) -> Counts:
        """The metric's value per class (or pooled) from the counts, in percent."""

    def update(self, item: ConfusionStatsInput, metadata: MetricMetadata) -> MetricEntry:
        stats = ConfusionStats.new(item, self.config, type(self).__name__)
        sample_size = int(item.predictions.dims()[0])
        return self.state.update(stats.true_positive, stats.false_positive,
                                 stats.false_negative, sample_size,
                                 self.config.class_reduction,
                                 FormatOptions(self.name(), "%", 2), self.ratio)

    def clear(self) -> None:
        self.state.reset()

    def value(self) -> NumericEntry:
        return self.state.value()

    def running_value(self) -> NumericEntry:
        return self.state.running_value()


class PlainConfusionMetric(ConfusionMetric):
    """A `ConfusionMetric` with no setting of its own (precision, recall): built from the
    decision rule alone."""

    @classmethod
    def binary(cls: type[_Self], threshold: float = 0.5) -> _Self:
        """One score per sample [batch, 1]; positive above `threshold`."""
        return cls(binary_config(threshold))

    @classmethod
    def multiclass(cls: type[_Self], top_k: int = 1,
                   class_reduction: ClassReduction = ClassReduction.Macro) -> _Self:
        """Class scores [batch, classes]; the `top_k` best scores are the predictions."""
        return cls(multiclass_config(top_k, class_reduction))

    @classmethod
    def multilabel(cls: type[_Self], threshold: float = 0.5,
                   class_reduction: ClassReduction = ClassReduction.Macro) -> _Self:
        """Label scores [batch, labels]; each label is predicted above `threshold`."""
        return cls(multilabel_config(threshold, class_reduction))


def binary_config(threshold: float) -> ClassificationMetricConfig:
    # One class: micro and macro agree; Burn keeps the default (macro).
    return ClassificationMetricConfig(DecisionRule.Threshold(threshold))


def multiclass_config(top_k: int, class_reduction: ClassReduction) -> ClassificationMetricConfig:
    return ClassificationMetricConfig(DecisionRule.TopK(top_k), class_reduction)


def multilabel_config(threshold: float,
                      class_reduction: ClassReduction) -> ClassificationMetricConfig:
    return ClassificationMetricConfig(DecisionRule.Threshold(threshold), class_reduction)
