"""A renderer that shows nothing (tests, or a caller that reads the metric logs itself)."""

from __future__ import annotations

from .base import EpochSummary, MetricState, TrainingProgress

__all__ = ["NoneRenderer"]


class NoneRenderer:
    def update_train(self, state: MetricState) -> None:
        pass

    def update_valid(self, state: MetricState) -> None:
        pass

    def render_train(self, item: TrainingProgress) -> None:
        pass

    def render_valid(self, item: TrainingProgress) -> None:
        pass

    def on_epoch_end(self, summary: EpochSummary) -> None:
        pass

    def on_train_end(self, summary_text: str | None) -> None:
        pass
