"""Which checkpoints to keep (Burn's ``checkpoint/strategy``): after each epoch a strategy reads
the metric store and answers with actions, ``Save`` (this epoch) and ``Delete(epoch)``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, runtime_checkable

from ..store import Aggregate, Direction, MetricStore, Split

__all__ = ["CheckpointingAction", "CheckpointingStrategy", "KeepLastNCheckpoints",
           "MetricCheckpointingStrategy", "ComposedCheckpointingStrategy",
           "ComposedCheckpointingStrategyBuilder"]


@dataclass(frozen=True)
class CheckpointingAction:
    """``CheckpointingAction.Save`` (this epoch) or ``CheckpointingAction.Delete(epoch)``."""

    kind: str
    epoch: int | None = None

    Save: ClassVar["CheckpointingAction"]

    @staticmethod
    def Delete(epoch: int) -> "CheckpointingAction":   # noqa: N802 (Burn's variant name)
        return CheckpointingAction("delete", epoch)

    def __repr__(self) -> str:
        return "Save" if self.kind == "save" else f"Delete({self.epoch})"


CheckpointingAction.Save = CheckpointingAction("save")


@runtime_checkable
class CheckpointingStrategy(Protocol):
    def checkpointing(self, epoch: int, store: MetricStore) -> list[CheckpointingAction]: ...


class KeepLastNCheckpoints:
    """Save every epoch, delete the one `num_keep` epochs back."""

    def __init__(self, num_keep: int) -> None:
        if isinstance(num_keep, bool) or not isinstance(num_keep, int) or num_keep < 1:
            raise ValueError(f"KeepLastNCheckpoints: expected num_keep >= 1, got {num_keep!r}")
        self.num_keep = num_keep

    def checkpointing(self, epoch: int, store: MetricStore) -> list[CheckpointingAction]:
        actions = [CheckpointingAction.Save]
        old = epoch - self.num_keep
        if old > 0:
            actions.append(CheckpointingAction.Delete(old))
        return actions


def _metric_name(metric: Any) -> str:
    return metric if isinstance(metric, str) else str(metric.name())


class MetricCheckpointingStrategy:
    """Keep the checkpoint of the best epoch of `metric` (an instance or its name) on `split`."""

    def __init__(self, metric: Any, aggregate: Aggregate = Aggregate.Mean,
                 direction: Direction = Direction.Lowest, split: Split | str = Split.Valid) -> None:
        self.name = _metric_name(metric)
        self.aggregate, self.direction, self.split = aggregate, direction, Split(split)
        self.current: int | None = None

    def checkpointing(self, epoch: int, store: MetricStore) -> list[CheckpointingAction]:
        if self.current is None and epoch > 1:
            # a resumed run: the best of the epochs before it is the checkpoint on disk
            self.current = store.find_epoch(self.name, self.aggregate, self.direction,
                                            self.split, up_to=epoch - 1)
        best = store.find_epoch(self.name, self.aggregate, self.direction, self.split)
        best = epoch if best is None else best
        actions = []
        if self.current is not None and self.current != best:
            actions.append(CheckpointingAction.Delete(self.current))
        if best == epoch:
            actions.append(CheckpointingAction.Save)
        self.current = best
        return actions


class ComposedCheckpointingStrategy:
    """Several strategies: an epoch is saved when any saves it and deleted once all of them
    have deleted (or not kept) it."""

    def __init__(self, strategies: list[Any]) -> None:
        self.strategies = list(strategies)
        self.deleted: list[set[int]] = [set() for _ in self.strategies]

    @staticmethod
    def builder() -> "ComposedCheckpointingStrategyBuilder":
        return ComposedCheckpointingStrategyBuilder()

    def checkpointing(self, epoch: int, store: MetricStore) -> list[CheckpointingAction]:
        saved = False
        to_check: list[int] = []
        for deleted, strategy in zip(self.deleted, self.strategies):
            actions = strategy.checkpointing(epoch, store)
            if not actions:
                deleted.add(epoch)
            for action in actions:
                if action.kind == "delete":
                    deleted.add(action.epoch)
                    to_check.append(action.epoch)
                else:
                    saved = True
        result = [CheckpointingAction.Save] if saved else []
        for old in to_check:
            if all(old in deleted for deleted in self.deleted):
                result.append(CheckpointingAction.Delete(old))
                for deleted in self.deleted:
                    deleted.discard(old)
        return result


class ComposedCheckpointingStrategyBuilder:
    def __init__(self) -> None:
        self._strategies: list[Any] = []

    def add(self, strategy: Any) -> "ComposedCheckpointingStrategyBuilder":
        self._strategies.append(strategy)
        return self

    def build(self) -> ComposedCheckpointingStrategy:
        return ComposedCheckpointingStrategy(self._strategies)
