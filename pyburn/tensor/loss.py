"""Burn's ``burn::tensor::loss``: losses on plain tensors (the configurable loss modules, with
reductions, weights and smoothing, are in `pyburn.nn.loss`)."""

from __future__ import annotations

from typing import Any

from . import activation
from .errors import RankError, ShapeError

__all__ = ["cross_entropy_with_logits"]


def cross_entropy_with_logits(logits: Any, target_probs: Any) -> Any:
    """The mean over the batch of ``-sum(target_probs * log_softmax(logits))`` along the last
    dim: soft targets (probabilities, same shape as `logits`), a 1-element result as Burn's
    (torch's ``F.cross_entropy(logits, probs)`` with class-probability targets)."""
    if logits.rank < 1:
        raise RankError(f"cross_entropy_with_logits: logits must have rank >= 1, got shape "
                        f"{list(logits.shape)}")
    if list(logits.shape) != list(target_probs.shape):
        raise ShapeError(f"cross_entropy_with_logits: target_probs must have the logits' shape "
                         f"{list(logits.shape)}, got {list(target_probs.shape)}")
    last = logits.rank - 1
    return (activation.log_softmax(logits, last) * target_probs).sum_dim(last).mean().neg()
