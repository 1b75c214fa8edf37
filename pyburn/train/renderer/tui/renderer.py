"""The live terminal dashboard (Burn's ``TuiMetricsRenderer``), on rich's ``Live``.

Three parts, top to bottom: the progress panel (the split's bar with items, items/s and ETA, and
the run's bar with the epoch counter and its ETA), the metrics table (each metric's formatted
entry, "epoch <value> - batch <value>", for train and valid) and one braille plot per numeric
metric (batch values of train and valid over the run, epoch values drawn over them).

The Learner only pushes values (the ``MetricsRenderer`` protocol); a background thread of
``Live`` redraws a few times a second, so the ETA ticks and a terminal resize is picked up
between batches. The dashboard uses the terminal's alternate screen, like Burn's TUI; when
training ends it gives the screen back and prints a last, static snapshot and the summary, so
the curves stay in the scrollback.
"""

from __future__ import annotations

import atexit
import sys
import threading
import time
from collections.abc import Callable
from types import TracebackType

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.layout import Layout
from rich.live import Live
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..base import EpochSummary, MetricState, Split, TrainingProgress
from .chart import ChartLine, LineChart
from .history import MAX_POINTS, MetricHistory
from .progress import RunEstimate, make_progress

__all__ = ["TuiMetricsRenderer"]

SPLIT_COLORS: dict[Split, str] = {"train": "bright_red", "valid": "bright_blue"}  # as Burn's TUI
PROGRESS_HEIGHT = 5      # two bars inside a panel
MIN_PLOT_HEIGHT = 5      # a panel's borders and three chart lines
PLOT_MIN_WIDTH = 48      # a plot column narrower than this would not read
SNAPSHOT_PLOT_HEIGHT = 12


class TuiMetricsRenderer:
    """A live dashboard of the training: progress, metrics and plots.

    `console` defaults to the terminal; `screen` uses the alternate screen (set it False to
    draw in place, below earlier output); `live=False` only keeps the state, for a caller that
    draws `view()` / `snapshot()` itself (tests, documentation); `clock` is injectable so speeds
    and ETAs are testable. Nothing is drawn until the first value arrives."""

    def __init__(self, console: Console | None = None, *, screen: bool = True,
                 live: bool = True, refresh_per_second: float = 4.0,
                 clock: Callable[[], float] = time.monotonic,
                 max_points: int = MAX_POINTS) -> None:
        self.console = console if console is not None else Console()
        self.screen = screen
        self.live = live
        self.refresh_per_second = refresh_per_second
        self.max_points = max_points
        self._lock = threading.RLock()
        self._progress = make_progress(clock)
        self._split_task = {
            "train": self._progress.add_task("Train", total=None, start=False),
            "valid": self._progress.add_task("Valid", total=None, start=False, visible=False),
        }
        self._run_task = self._progress.add_task("Total", total=1000, count="epoch -/-",
                                                 eta=None)
        self._estimate = RunEstimate(clock)
        self._entries: dict[str, dict[Split, str]] = {}
        self._histories: dict[str, MetricHistory] = {}
        self._pending: dict[Split, list[tuple[str, float]]] = {"train": [], "valid": []}
        self._last: dict[Split, TrainingProgress | None] = {"train": None, "valid": None}
        self._mode: Split = "train"
        self._ended = False
        self._live: Live | None = None
        self._started = False
        self._previous_excepthook = sys.excepthook

    # --- the MetricsRenderer protocol -------------------------------------------------------

    def update_train(self, state: MetricState) -> None:
        self._update("train", state)

    def update_valid(self, state: MetricState) -> None:
        self._update("valid", state)

    def render_train(self, item: TrainingProgress) -> None:
        self._render("train", item)

    def render_valid(self, item: TrainingProgress) -> None:
        self._render("valid", item)

    def on_epoch_end(self, summary: EpochSummary) -> None:
        with self._lock:
            last = self._last[summary.split]
            if last is not None:
                self._flush(summary.split, last)
            for name, value in summary.values.items():
                self._history(name).push_epoch(summary.split, summary.epoch, value)

    def on_train_end(self, summary_text: str | None) -> None:
        """Give the terminal back, then print the final dashboard and `summary_text`."""
        self._stop_live()
        self._ended = True
        if self._started and self.live and self.screen:
            # The alternate screen is gone: keep the last state in the scrollback.
            self.console.print(self.snapshot())
        self._started = False
        if summary_text:
            self.console.print(summary_text, markup=False, highlight=False, soft_wrap=True)

    # --- state ------------------------------------------------------------------------------

    def _update(self, split: Split, state: MetricState) -> None:
        with self._lock:
            name = state.entry.name
            self._entries.setdefault(name, {})[split] = state.entry.formatted
            if state.numeric is not None:
                self._history(name)
                self._pending[split].append((name, state.numeric.value))
        self._start()

    def _render(self, split: Split, item: TrainingProgress) -> None:
        with self._lock:
            self._flush(split, item)
            previous = self._last[split]
            task = self._split_task[split]
            total = item.progress.items_total
            if previous is None or item.epoch != previous.epoch \
                    or item.progress.items_processed < previous.progress.items_processed:
                self._progress.reset(task, total=total, completed=0, visible=True)
                if split == "train":
                    valid = self._last["valid"]
                    self._progress.reset(self._split_task["valid"], start=False,
                                         total=valid.progress.items_total if valid else None)
            self._progress.update(task, total=total, completed=item.progress.items_processed)
            self._last[split] = item
            self._mode, self._ended = split, False
            if split == "train":
                self._estimate.update(item)
                self._progress.update(self._run_task,
                                      completed=round(self._estimate.fraction * 1000),
                                      count=f"epoch {item.epoch}/{item.epoch_total}",
                                      eta=self._estimate.eta())
        self._start()

    def _flush(self, split: Split, item: TrainingProgress) -> None:
        """Place the batch values received since the last progress at this progress's x."""
        pending = self._pending[split]
        if not pending:
            return
        total = max(item.progress.items_total, 1)
        x = item.epoch - 1 + min(item.progress.items_processed / total, 1.0)
        for name, value in pending:
            self._history(name).push_batch(split, x, value)
        pending.clear()

    def _history(self, name: str) -> MetricHistory:
        history = self._histories.get(name)
        if history is None:
            history = self._histories[name] = MetricHistory(self.max_points)
        return history

    def _start(self) -> None:
        if self._started:
            return
        self._started = True
        if not self.live:
            return
        # In place (no alternate screen) the dashboard keeps its natural height: a screen-high
        # frame would push everything above it out of view.
        self._live = Live(get_renderable=self.view if self.screen else self.snapshot,
                          console=self.console, screen=self.screen,
                          auto_refresh=True, refresh_per_second=self.refresh_per_second,
                          transient=False, redirect_stdout=True, redirect_stderr=True)
        self._live.start()
        # Never leave a terminal in the alternate screen: not at exit, and not when an error
        # escapes the loop (its traceback would be drawn on the alternate screen and vanish
        # with it; Burn's TUI restores the terminal in a panic hook for the same reason).
        atexit.register(self._stop_live)
        self._previous_excepthook = sys.excepthook
        sys.excepthook = self._excepthook

    def _stop_live(self) -> None:
        live, self._live = self._live, None
        if live is None:
            return
        live.stop()
        atexit.unregister(self._stop_live)
        if sys.excepthook == self._excepthook:
            sys.excepthook = self._previous_excepthook

    def _excepthook(self, kind: type[BaseException], error: BaseException,
                    traceback: TracebackType | None) -> None:
        previous = self._previous_excepthook
        self._stop_live()
        previous(kind, error, traceback)

    # --- views ------------------------------------------------------------------------------

    def view(self) -> RenderableType:
        """The dashboard, filling the console's height (what ``Live`` draws)."""
        return _Fill(self)

    def snapshot(self) -> RenderableType:
        """The dashboard at its natural height: for the scrollback and for documentation."""
        with self._lock:
            parts: list[RenderableType] = [self._progress_panel(), self._metrics_panel()]
            parts.extend(self._plot_rows(self.console.width, None))
        return Group(*parts)

    def _title(self) -> str:
        last = self._last["train"] or self._last["valid"]
        mode = "Ended" if self._ended else "Validating" if self._mode == "valid" else "Training"
        epoch = f" · epoch {last.epoch}/{last.epoch_total}" if last else ""
        return f"[bold]pyburn[/] · {mode}{epoch}"

    def _progress_panel(self) -> Panel:
        return Panel(self._progress.get_renderable(), title=self._title(), title_align="left",
                     border_style="yellow")

    def _metrics_panel(self) -> Panel:
        table = Table(expand=True, show_edge=False, box=None, pad_edge=False)
        table.add_column("Metric", style="bold yellow", no_wrap=True, overflow="ellipsis")
        for split in ("train", "valid"):
            table.add_column(split.capitalize(), style=SPLIT_COLORS[split], no_wrap=True,
                             overflow="ellipsis", ratio=1)
        for name, entries in self._entries.items():
            # Text, not strings: a metric's name or entry is never read as rich markup.
            table.add_row(Text(name), Text(entries.get("train", "-")),
                          Text(entries.get("valid", "-")))
        return Panel(table, title="Metrics", title_align="left", border_style="grey50")

    def _metrics_height(self) -> int:
        return len(self._entries) + 3  # header, borders

    def _plot_rows(self, width: int, height: int | None) -> list[RenderableType]:
        """Rows of plot panels; with a `height`, only the rows that fit (at least
        MIN_PLOT_HEIGHT each) share it."""
        names = list(self._histories)
        if not names:
            return []
        columns = max(1, min(len(names), width // PLOT_MIN_WIDTH))
        rows = [names[i:i + columns] for i in range(0, len(names), columns)]
        if height is None:
            row_height = SNAPSHOT_PLOT_HEIGHT
        else:
            rows = rows[:max(height // MIN_PLOT_HEIGHT, 0)]
            if not rows:
                return []
            row_height = height // len(rows)
        grid_rows: list[RenderableType] = []
        for row in rows:
            grid = Table.grid(expand=True)
            for _ in range(columns):
                grid.add_column(ratio=1)
            panels: list[RenderableType] = [self._plot_panel(name, row_height) for name in row]
            panels += [Text("")] * (columns - len(panels))
            grid.add_row(*panels)
            grid_rows.append(grid)
        return grid_rows

    def _plot_panel(self, name: str, height: int) -> Panel:
        history = self._histories[name]
        lines = []
        for split in ("train", "valid"):
            if split in history.batches:
                lines.append(ChartLine(list(history.batches[split].points),
                                       f"{SPLIT_COLORS[split]} dim"))
        for split in ("train", "valid"):
            if split in history.epochs:
                lines.append(ChartLine(list(history.epochs[split].points),
                                       f"{SPLIT_COLORS[split]} bold"))
        legend = "  ".join(f"[{SPLIT_COLORS[s]}]━ {s}[/]" for s in ("train", "valid")
                           if s in history.batches or s in history.epochs)
        title = f"[bold]{escape(name)}[/]  {legend}" if legend else f"[bold]{escape(name)}[/]"
        return Panel(LineChart(lines), title=title, title_align="left", height=height,
                     border_style="grey50")


class _Fill:
    """The dashboard laid out to the console's current size: rebuilt on every refresh, so a
    resized terminal gets a layout of its new size; parts that do not fit are left out (plots
    first, then the metrics table), never wrapped into a mess."""

    def __init__(self, renderer: TuiMetricsRenderer) -> None:
        self.renderer = renderer

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        height = options.height or console.height
        renderer = self.renderer
        with renderer._lock:
            progress_height = min(PROGRESS_HEIGHT, height)
            rest = height - progress_height
            metrics_height = min(renderer._metrics_height(), rest) if rest >= 3 else 0
            plot_height = rest - metrics_height
            if plot_height < MIN_PLOT_HEIGHT and metrics_height > 3:
                # Squeeze the table (its last rows) before giving up the plots entirely.
                metrics_height = max(3, rest - MIN_PLOT_HEIGHT)
                plot_height = rest - metrics_height
            layout = Layout()
            parts = [Layout(renderer._progress_panel(), size=progress_height)]
            if metrics_height:
                parts.append(Layout(renderer._metrics_panel(), size=metrics_height))
            plots = renderer._plot_rows(width, plot_height) if plot_height >= MIN_PLOT_HEIGHT \
                else []
            if plots:
                parts.append(Layout(Group(*plots), size=plot_height))
            used = sum(part.size or 0 for part in parts)
            if used < height:
                parts.append(Layout(Group(), size=height - used))
            layout.split_column(*parts)
            yield layout

