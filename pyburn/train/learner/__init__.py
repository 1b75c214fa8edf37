"""The Learner: its builder, the loop, and the store of epoch metric values."""

from .base import Learner, epoch_seed
from .builder import LearnerBuilder
from ..store import Aggregate, Direction, MetricStore, Split

__all__ = ["Learner", "LearnerBuilder", "Aggregate", "Direction", "MetricStore", "Split",
           "epoch_seed"]
