"""Training with Burn's Learner (``burn-train``): ``LearnerBuilder(artifact_dir)`` configures
metrics, checkpoints, early stopping and rendering; ``build(model, optim, lr)`` then
``fit(loader_train, loader_valid)`` trains.

The parts have one job each, as in Burn: `step`/`output` (what a model gives the loop),
`metric` (metrics that only see an adapted input), `logger` (files per split and epoch),
`renderer` (how progress is shown), `checkpoint` (what is saved and kept), `learner` (the loop),
`early_stopping` and `summary`.
"""

from .checkpoint import (CheckpointingAction, CheckpointingStrategy,
                         ComposedCheckpointingStrategy, ComposedCheckpointingStrategyBuilder,
                         FileCheckpointer, KeepLastNCheckpoints, MetricCheckpointingStrategy)
from .early_stopping import EarlyStoppingStrategy, MetricEarlyStoppingStrategy, StoppingCondition
from .learner import Aggregate, Direction, Learner, LearnerBuilder, MetricStore, Split, epoch_seed
from .logger import (FileApplicationLoggerInstaller, FileMetricLogger, InMemoryMetricLogger,
                     MetricLogger)
from .output import (ClassificationOutput, MultiLabelClassificationOutput, RegressionOutput,
                     TrainOutput)
from .step import TrainStep, ValidStep
from .summary import LearnerSummary
from .tbptt import StateCarrier, detach_state

__all__ = [
    "StateCarrier", "detach_state",
    "Aggregate", "CheckpointingAction", "CheckpointingStrategy", "ClassificationOutput",
    "ComposedCheckpointingStrategy", "ComposedCheckpointingStrategyBuilder", "Direction", "EarlyStoppingStrategy", "FileCheckpointer",
    "FileApplicationLoggerInstaller", "FileMetricLogger", "InMemoryMetricLogger",
    "KeepLastNCheckpoints", "Learner", "LearnerBuilder", "LearnerSummary",
    "MetricCheckpointingStrategy", "MetricEarlyStoppingStrategy", "MetricLogger", "MetricStore",
    "MultiLabelClassificationOutput", "RegressionOutput", "Split", "StoppingCondition",
    "TrainOutput", "TrainStep", "ValidStep", "epoch_seed",
]
