"""The renderer contract (Burn's ``MetricsRenderer``): the Learner pushes metric states and
progress; a renderer shows them (a live terminal dashboard, plain lines off a terminal, nothing).
Renderers know nothing of the loop or of the metrics beyond these values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

from ..metric.base import MetricEntry, NumericEntry, Progress

Split = Literal["train", "valid"]


@dataclass(frozen=True)
class TrainingProgress:
    """Where the loop is: the split's item progress, the epoch (1-based) and the iteration."""

    progress: Progress
    epoch: int
    epoch_total: int
    iteration: int


@dataclass(frozen=True)
class MetricState:
    """One metric after one batch. ``numeric`` is the plottable point of a numeric metric (the
    batch value, with the item count it stands for), ``None`` for other metrics."""

    entry: MetricEntry
    numeric: NumericEntry | None = None


@dataclass(frozen=True)
class EpochSummary:
    """The epoch values of every numeric metric of one split, sent when the split ends."""

    split: Split
    epoch: int
    epoch_total: int
    values: dict[str, float]


@runtime_checkable
class MetricsRenderer(Protocol):
    def update_train(self, state: MetricState) -> None: ...

    def update_valid(self, state: MetricState) -> None: ...

    def render_train(self, item: TrainingProgress) -> None: ...

    def render_valid(self, item: TrainingProgress) -> None: ...

    def on_epoch_end(self, summary: EpochSummary) -> None: ...

    def on_train_end(self, summary_text: str | None) -> None:
        """Training ended (finished, stopped early or interrupted): restore the terminal and
        print `summary_text` (the LearnerSummary table) if given."""
        ...
