"""What metrics take (Burn's ``LossInput``, ``AccuracyInput``...): the few tensors a metric needs,
adapted from a step output (``ClassificationOutput.adapt(AccuracyInput)``).

The tensors are detached from the Autodiff tape when adapted (Burn ``sync``s them), so a metric
holding one keeps no graph alive. All input classes live here, next to none of the metrics, so
that outputs and metrics can be written independently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["LossInput", "AccuracyInput", "TopKAccuracyInput", "ConfusionStatsInput",
           "HammingScoreInput"]


@dataclass(frozen=True)
class LossInput:
    """The batch loss: a tensor of one element (or any shape; metrics take its mean)."""

    tensor: Any


@dataclass(frozen=True)
class AccuracyInput:
    """Class scores ``outputs`` [batch, num_classes] and the target classes ``targets``
    (Int [batch])."""

    outputs: Any
    targets: Any


@dataclass(frozen=True)
class TopKAccuracyInput:
    """Class scores ``outputs`` [batch, num_classes] and the target classes ``targets``
    (Int [batch])."""

    outputs: Any
    targets: Any


@dataclass(frozen=True)
class ConfusionStatsInput:
    """``predictions`` (scores or probabilities [batch, num_classes]) and ``targets`` as a Bool
    one-hot (or multi-hot) [batch, num_classes], for precision, recall and F-scores."""

    predictions: Any
    targets: Any


@dataclass(frozen=True)
class HammingScoreInput:
    """Multi-label scores ``outputs`` [batch, num_labels] and Int 0/1 ``targets`` of the same
    shape."""

    outputs: Any
    targets: Any
