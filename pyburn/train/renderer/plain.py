"""The renderer for logs, pipes and CI: one line per split and epoch, no terminal control."""

from __future__ import annotations

import sys
import time
from typing import IO

from ..metric.base import MetricEntry
from .base import EpochSummary, MetricState, TrainingProgress

__all__ = ["PlainRenderer"]


class PlainRenderer:
    """Prints ``[epoch 2/10] train  12.3s  Loss 0.412  Accuracy 87.500`` when a split ends,
    then the summary table when training ends."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream
        self._since: float | None = None   # when the split being run started
        self._entries: dict[str, dict[str, MetricEntry]] = {"train": {}, "valid": {}}

    def _out(self) -> IO[str]:
        return self.stream if self.stream is not None else sys.stdout

    def update_train(self, state: MetricState) -> None:
        self._entries["train"][state.entry.name] = state.entry

    def update_valid(self, state: MetricState) -> None:
        self._entries["valid"][state.entry.name] = state.entry

    def render_train(self, item: TrainingProgress) -> None:
        self._start()

    def render_valid(self, item: TrainingProgress) -> None:
        self._start()

    def _start(self) -> None:
        # the first progress arrives after the first batch; the previous split's end is the
        # better start (the time of the first batch counts)
        if self._since is None:
            self._since = time.perf_counter()

    def on_epoch_end(self, summary: EpochSummary) -> None:
        split = str(summary.split)
        now = time.perf_counter()
        elapsed = "" if self._since is None else f"  {now - self._since:.1f}s"
        self._since = now
        parts = [f"{name} {value:.4g}" for name, value in summary.values.items()]
        shown = set(summary.values)
        parts += [f"{name} {entry.formatted}" for name, entry in self._entries[split].items()
                  if name not in shown]
        self._entries[split] = {}
        print(f"[epoch {summary.epoch}/{summary.epoch_total}] {split:<5}{elapsed}  "
              + "  ".join(parts), file=self._out(), flush=True)

    def on_train_end(self, summary_text: str | None) -> None:
        if summary_text:
            print(summary_text, file=self._out(), flush=True)
