"""The dashboard's progress rows (Burn's ``ProgressBarState``) on rich's ``Progress``: the
current split's bar with items, items/s and ETA, and the whole run's bar with its own ETA.

rich estimates a split's speed from its recent updates. The whole run's ETA cannot come from
that (validation time would be missed), so it follows Burn: elapsed wall time over the fraction
of training items done since this run started (a resumed run starts at its checkpoint), with the
first batch left out as warm-up (allocation, caches, compilation).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from rich.progress import (BarColumn, Progress, ProgressColumn, Task, TaskProgressColumn,
                           TextColumn)
from rich.table import Column
from rich.text import Text

from ..base import TrainingProgress

__all__ = ["RunEstimate", "format_duration", "make_progress"]


def format_duration(seconds: float | None) -> str:
    """``h:mm:ss``, or ``-:--:--`` while there is no estimate yet."""
    if seconds is None or seconds != seconds or seconds < 0:
        return "-:--:--"
    return str(timedelta(seconds=int(seconds + 0.5)))


class CountColumn(ProgressColumn):
    """``550/1000 items``, or the task's own ``count`` text (``epoch 2/10`` on the total row)."""

    def render(self, task: Task) -> Text:
        count = task.fields.get("count")
        if count is None:
            total = "?" if task.total is None else f"{int(task.total)}"
            count = f"{int(task.completed)}/{total} items"
        return Text(str(count), style="progress.download", no_wrap=True, overflow="ellipsis")


class ItemsPerSecondColumn(ProgressColumn):
    """Items per second; rich's own speed column counts bytes."""

    def render(self, task: Task) -> Text:
        if task.fields.get("count") is not None:
            return Text("")
        speed = task.finished_speed or task.speed
        if speed is None:
            return Text("-- items/s", style="progress.data.speed")
        shown = f"{speed:,.1f}" if speed < 10 else f"{speed:,.0f}"
        return Text(f"{shown} items/s", style="progress.data.speed", no_wrap=True)


class EtaColumn(ProgressColumn):
    """``ETA 0:01:20``: the task's ``eta`` field when it has one (the total row), else rich's
    estimate from the split's speed."""

    def render(self, task: Task) -> Text:
        if task.finished:
            return Text("done", style="progress.elapsed")
        eta = task.fields.get("eta", task.time_remaining)
        return Text(f"ETA {format_duration(eta)}", style="progress.remaining", no_wrap=True)


def make_progress(get_time: Callable[[], float]) -> Progress:
    """A rich ``Progress`` used as a renderable only: the dashboard's ``Live`` draws it."""
    return Progress(
        TextColumn("[bold]{task.description}", table_column=Column(no_wrap=True, min_width=5)),
        BarColumn(bar_width=None),
        TaskProgressColumn(),
        CountColumn(table_column=Column(no_wrap=True, overflow="ellipsis")),
        ItemsPerSecondColumn(table_column=Column(no_wrap=True, overflow="ellipsis")),
        EtaColumn(table_column=Column(no_wrap=True, overflow="ellipsis")),
        auto_refresh=False, get_time=get_time, expand=True)


class RunEstimate:
    """Fraction of the run done and its ETA, from the training progress alone."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.first_epoch: int | None = None
        self.warm: tuple[float, float] | None = None  # (time, fraction) after the first batch
        self.fraction = 0.0      # of all epochs: what the bar shows
        self.run_fraction = 0.0  # of the epochs this run trains (a resumed run starts later)

    def update(self, item: TrainingProgress) -> None:
        if self.first_epoch is None:
            self.first_epoch = item.epoch
        total = max(item.progress.items_total, 1)
        within = min(item.progress.items_processed / total, 1.0)
        epochs = max(item.epoch_total, 1)
        self.fraction = min((item.epoch - 1 + within) / epochs, 1.0)
        run_epochs = max(item.epoch_total - self.first_epoch + 1, 1)
        self.run_fraction = min((item.epoch - self.first_epoch + within) / run_epochs, 1.0)
        if self.warm is None:
            self.warm = (self.clock(), self.run_fraction)

    def eta(self) -> float | None:
        """Seconds left, or None until a batch after the warm-up one has been seen."""
        if self.warm is None:
            return None
        start, start_fraction = self.warm
        done = self.run_fraction - start_fraction
        elapsed = self.clock() - start
        if done <= 0 or elapsed <= 0:
            return None
        return elapsed * (1.0 - self.run_fraction) / done
