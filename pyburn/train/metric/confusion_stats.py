"""Confusion counts of one batch (Burn's ``metric/confusion_stats.rs``): which (sample, class)
cells are true/false positives/negatives, summed over samples (macro: per class) or over
everything (micro). Computed on the tensors' device; only the counts come back to the host."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pyburn.tensor.errors import KindError, RankError, ShapeError

from .classification import ClassificationMetricConfig, ClassReduction, DecisionRule
from .inputs import ConfusionStatsInput
from .state import untracked

__all__ = ["ConfusionStats"]


def check_scores_and_targets(metric: str, scores: Any, targets: Any, scores_name: str,
                             targets_name: str) -> None:
    """Both [batch, classes] tensors of the same shape, scores float."""
    for name, tensor in ((scores_name, scores), (targets_name, targets)):
        if tensor.rank != 2:
            raise RankError(f"{metric}: {name} must have rank 2 [batch, num_classes], got shape "
                            f"{list(tensor.shape)}")
    if scores.kind.prefix != "float":
        raise KindError(f"{metric}: {scores_name} must be a Float tensor, got "
                        f"{scores.kind.__name__}")
    if list(scores.shape) != list(targets.shape):
        raise ShapeError(f"{metric}: {scores_name} {list(scores.shape)} and {targets_name} "
                         f"{list(targets.shape)} must have the same shape")


@dataclass(frozen=True)
class ConfusionStats:
    """Per-class (macro) or pooled (micro) counts of one batch, as Python floats."""

    true_positive: list[float]
    false_positive: list[float]
    false_negative: list[float]
    true_negative: list[float]

    @classmethod
    def new(cls, input: ConfusionStatsInput, config: ClassificationMetricConfig,
            metric: str = "ConfusionStats") -> "ConfusionStats":
        predictions, targets = untracked(input.predictions), untracked(input.targets)
        check_scores_and_targets(metric, predictions, targets, "predictions", "targets")
        rule = config.decision_rule
        if isinstance(rule, DecisionRule.TopK):
            num_classes = predictions.dims()[1]
            if rule.k > num_classes:
                raise ShapeError(f"{metric}: top-k with k={rule.k} needs at least k classes, "
                                 f"predictions have {num_classes}")
            indexes = predictions.argsort(1, descending=True).narrow(1, 0, rule.k)
            predicted = predictions.zeros_like().scatter(1, indexes, indexes.ones_like().float())
            predicted = predicted.bool()
        else:
            predicted = predictions.greater_elem(rule.threshold)
        # 0: true negative, 1: false positive, 2: false negative, 3: true positive
        classes = predicted.int() + targets.bool().int() * 2
        counts = [classes.equal_elem(code).float() for code in (3, 1, 2, 0)]
        if config.class_reduction is ClassReduction.Micro:
            pooled = [c.sum() for c in counts]
        else:
            pooled = [c.sum_dim(0).squeeze_dim(0) for c in counts]
        # One transfer for the four count vectors.
        tp, fp, fn, tn = type(pooled[0]).stack(pooled, 0).tolist()
        return cls(tp, fp, fn, tn)
