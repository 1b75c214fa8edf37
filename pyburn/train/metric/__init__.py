"""Metrics (Burn's ``burn_train::metric``): each sees only its input (adapted from the step
output, see `base.adapt`) and reports a `MetricEntry` per batch; numeric ones also give numbers
(`Numeric`) for plots, the summary, checkpointing and early stopping."""

from .acc import AccuracyMetric
from .base import (Adaptor, Metric, MetricEntry, MetricMetadata, Numeric, NumericEntry,
                   Progress, adapt)
from .classification import ClassificationMetricConfig, ClassReduction, DecisionRule
from .confusion_stats import ConfusionStats
from .cpu_temp import CpuTemperature
from .cpu_use import CpuUse
from .cuda import CudaMetric
from .fbetascore import FBetaScoreMetric
from .hamming import HammingScore
from .inputs import (AccuracyInput, ConfusionStatsInput, HammingScoreInput, LossInput,
                     TopKAccuracyInput)
from .iteration import IterationSpeedMetric
from .learning_rate import LearningRateMetric
from .loss import LossMetric
from .memory_use import CpuMemory
from .precision import PrecisionMetric
from .recall import RecallMetric
from .state import FormatOptions, NumericMetricState, format_float
from .top_k_acc import TopKAccuracyMetric

__all__ = [
    "Adaptor", "Metric", "MetricEntry", "MetricMetadata", "Numeric", "NumericEntry", "Progress",
    "adapt",
    "LossInput", "AccuracyInput", "TopKAccuracyInput", "ConfusionStatsInput", "HammingScoreInput",
    "LossMetric", "LearningRateMetric", "AccuracyMetric", "TopKAccuracyMetric",
    "PrecisionMetric", "RecallMetric", "FBetaScoreMetric", "HammingScore",
    "ClassificationMetricConfig", "ClassReduction", "DecisionRule", "ConfusionStats",
    "IterationSpeedMetric", "CpuUse", "CpuMemory", "CpuTemperature", "CudaMetric",
    "FormatOptions", "NumericMetricState", "format_float",
]
