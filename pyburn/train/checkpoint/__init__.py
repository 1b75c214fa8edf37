"""Checkpoints (Burn's ``burn_train::checkpoint``): a `FileCheckpointer` writes and reads the
model, optimizer and scheduler of an epoch; a `CheckpointingStrategy` decides which epochs to
save and which to delete."""

from .file import FileCheckpointer
from .strategy import (CheckpointingAction, CheckpointingStrategy, ComposedCheckpointingStrategy,
                       ComposedCheckpointingStrategyBuilder, KeepLastNCheckpoints,
                       MetricCheckpointingStrategy)

__all__ = ["FileCheckpointer", "CheckpointingAction", "CheckpointingStrategy",
           "ComposedCheckpointingStrategy", "ComposedCheckpointingStrategyBuilder",
           "KeepLastNCheckpoints", "MetricCheckpointingStrategy"]
