"""Stop training when a metric stops improving (Burn's ``MetricEarlyStoppingStrategy``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from .store import Aggregate, Direction, MetricStore, Split

__all__ = ["EarlyStoppingStrategy", "MetricEarlyStoppingStrategy", "StoppingCondition"]

_LOG = logging.getLogger("pyburn.train")


@dataclass(frozen=True)
class _NoImprovementSince:
    n_epochs: int


class StoppingCondition:
    """``StoppingCondition.NoImprovementSince(n_epochs)``: stop once the best epoch is
    `n_epochs` behind the current one."""

    @staticmethod
    def NoImprovementSince(n_epochs: int) -> _NoImprovementSince:   # noqa: N802 (Burn's name)
        if isinstance(n_epochs, bool) or not isinstance(n_epochs, int) or n_epochs < 1:
            raise ValueError(f"StoppingCondition.NoImprovementSince: expected n_epochs >= 1, "
                             f"got {n_epochs!r}")
        return _NoImprovementSince(n_epochs)


@runtime_checkable
class EarlyStoppingStrategy(Protocol):
    def should_stop(self, epoch: int, store: MetricStore) -> bool: ...


class MetricEarlyStoppingStrategy:
    """Stop when `metric` (an instance or its name) on `split` has not improved (strictly) for
    ``condition.n_epochs`` epochs. The best epoch is read from the store each time, so a resumed
    run decides exactly as an uninterrupted one."""

    def __init__(self, metric: Any, aggregate: Aggregate = Aggregate.Mean,
                 direction: Direction = Direction.Lowest, split: Split | str = Split.Valid,
                 condition: _NoImprovementSince | None = None) -> None:
        self.name = metric if isinstance(metric, str) else str(metric.name())
        self.aggregate, self.direction, self.split = aggregate, direction, Split(split)
        self.condition = condition or StoppingCondition.NoImprovementSince(1)

    def should_stop(self, epoch: int, store: MetricStore) -> bool:
        current = store.find_metric(self.name, epoch, self.aggregate, self.split)
        if current is None:
            _LOG.warning("early stopping: no value of metric %r on %s for epoch %d (is it "
                         "registered as a numeric metric of that split?)", self.name,
                         self.split.value, epoch)
            return False
        best = store.find_epoch(self.name, self.aggregate, self.direction, self.split,
                                up_to=epoch) or epoch
        stop = epoch - best >= self.condition.n_epochs
        if stop:
            _LOG.info("Stopping training loop, no improvement since epoch %d, %s: %s, current "
                      "epoch %d, %s: %s", best, self.name,
                      store.find_metric(self.name, best, self.aggregate, self.split), epoch,
                      self.name, current)
        return stop
