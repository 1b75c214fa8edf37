"""The two methods a model gives the Learner (Burn's ``TrainStep`` and ``ValidStep`` traits).

``step`` runs on the Autodiff model and returns the gradients and an item for the metrics;
``valid_step`` runs on ``model.valid()`` (the inner backend: no tape, dropout off) and returns
the item only. Any object with these methods is a model the Learner can train.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from .output import TrainOutput

__all__ = ["TrainStep", "ValidStep"]



@runtime_checkable
class TrainStep(Protocol):
    """``step(batch) -> TrainOutput(grads, item)``."""

    def step(self, batch: Any) -> TrainOutput[Any]: ...


@runtime_checkable
class ValidStep(Protocol):
    """``valid_step(batch) -> item`` (the same kind of item as ``step``'s)."""

    def valid_step(self, batch: Any) -> Any: ...
