"""The live terminal dashboard (pyburn.train.renderer.tui): progress with items/s and ETA, the
epoch counter, every metric's entry, braille plots; terminal sizes from wide to absurd; the
terminal given back at the end; the choice between dashboard and plain lines; a real Learner
drawing it on every Autodiff row; and the real thing in a tmux pseudo-terminal."""

from __future__ import annotations

import io
import math
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from rich.console import Console

from pyburn.train.metric.base import MetricEntry, NumericEntry, Progress
from pyburn.train.renderer import (MetricsRenderer, NoneRenderer, PlainRenderer,
                                   TuiMetricsRenderer, default_renderer, is_interactive)
from pyburn.train.renderer.base import EpochSummary, MetricState, TrainingProgress
from pyburn.train.renderer.tui import ChartLine, LineChart
from pyburn.train.renderer.tui.history import MetricHistory, Series
from pyburn.train.renderer.tui.progress import RunEstimate, format_duration

REPO = Path(__file__).resolve().parents[1]
BRAILLE = {chr(code) for code in range(0x2801, 0x2900)}


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def console(width: int = 120, height: int = 40) -> Console:
    return Console(file=io.StringIO(), record=True, force_terminal=True, width=width,
                   height=height, color_system="truecolor")


def drawn(renderable: Any, width: int = 120, height: int = 40) -> str:
    out = console(width, height)
    out.print(renderable)
    return out.export_text()


def plain(raw: str) -> str:
    """Terminal output without its escape sequences."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", raw)


def numeric(name: str, batch: float, epoch: float) -> MetricState:
    return MetricState(MetricEntry(name, f"epoch {epoch:.3f} - batch {batch:.3f}",
                                   NumericEntry(batch, 32).serialize()), NumericEntry(batch, 32))


def fake_run(renderer: Any, clock: FakeClock, epochs: int = 3, epoch_total: int = 5,
             iterations: int = 10, valid_iterations: int = 3) -> None:
    """A fake training loop, in the order the Learner calls the renderer: metric updates, then
    the progress of that batch; each split's epoch values when it ends."""
    for epoch in range(1, epochs + 1):
        loss = 0.0
        for it in range(1, iterations + 1):
            clock.now += 0.5                               # 32 items / 0.5 s = 64 items/s
            loss = 2 * math.exp(-(epoch - 1 + it / iterations)) + 0.05 * math.sin(it)
            renderer.update_train(numeric("Loss", loss, loss))
            renderer.update_train(numeric("Accuracy", 1 - loss / 2, 1 - loss / 2))
            renderer.update_train(MetricState(MetricEntry("Learning Rate", "1.000e-03", "0.001")))
            renderer.render_train(TrainingProgress(Progress(it * 32, iterations * 32), epoch,
                                                   epoch_total, it))
        renderer.on_epoch_end(EpochSummary("train", epoch, epoch_total,
                                           {"Loss": loss, "Accuracy": 1 - loss / 2}))
        for it in range(1, valid_iterations + 1):
            clock.now += 0.2
            renderer.update_valid(numeric("Loss", loss * 1.1, loss * 1.1))
            renderer.update_valid(numeric("Accuracy", 1 - loss / 2.2, 1 - loss / 2.2))
            renderer.render_valid(TrainingProgress(Progress(it * 32, valid_iterations * 32),
                                                   epoch, epoch_total, it))
        renderer.on_epoch_end(EpochSummary("valid", epoch, epoch_total,
                                           {"Loss": loss * 1.1, "Accuracy": 1 - loss / 2.2}))


def test_dashboard_shows_progress_epoch_metrics_and_plots() -> None:
    clock = FakeClock()
    renderer = TuiMetricsRenderer(console(), live=False, clock=clock)
    assert isinstance(renderer, MetricsRenderer)
    fake_run(renderer, clock)
    text = drawn(renderer.view())
    assert "Validating · epoch 3/5" in text                  # mode and epoch counter
    for row in ("Train", "Valid", "Total"):
        assert row in text
    assert "320/320 items" in text and "96/96 items" in text
    assert "64 items/s" in text and "160 items/s" in text     # from the injected clock
    assert "epoch 3/5" in text and "60%" in text              # 3 of 5 epochs
    assert "ETA 0:00:" in text
    assert "━" in text                                        # the bars
    assert "epoch 0.072 - batch 0.072" in text                # train Loss entry
    assert "epoch 0.080 - batch 0.080" in text                # valid Loss entry
    assert "Learning Rate" in text and "1.000e-03" in text    # a non-numeric metric
    assert "Loss  ━ train  ━ valid" in text and "Accuracy  ━ train  ━ valid" in text
    assert BRAILLE & set(text)                                # the curves
    assert "epoch 0" in text and "epoch 3" in text            # the plot's x axis
    assert len(text.splitlines()) == 40                       # fills the screen, no more


def test_speed_and_run_eta_follow_the_clock() -> None:
    clock = FakeClock()
    estimate = RunEstimate(clock)
    assert estimate.eta() is None
    estimate.update(TrainingProgress(Progress(10, 100), 3, 4, 1))   # resumed at epoch 3 of 4
    clock.now += 10.0
    assert estimate.eta() is None                                 # warm-up batch only
    estimate.update(TrainingProgress(Progress(60, 100), 3, 4, 6))   # 25% of the run in 10 s
    assert estimate.fraction == pytest.approx(2.6 / 4)
    assert estimate.run_fraction == pytest.approx(0.3)
    assert estimate.eta() == pytest.approx(10.0 * 0.7 / 0.25)
    assert format_duration(None) == "-:--:--"
    assert format_duration(28.0) == "0:00:28"
    assert format_duration(3725.4) == "1:02:05"


def test_new_epoch_restarts_the_split_bars() -> None:
    clock = FakeClock()
    renderer = TuiMetricsRenderer(console(), live=False, clock=clock)
    fake_run(renderer, clock, epochs=1)
    clock.now += 0.5
    renderer.update_train(numeric("Loss", 0.5, 0.5))
    renderer.render_train(TrainingProgress(Progress(32, 320), 2, 5, 1))
    text = drawn(renderer.view())
    assert "Training · epoch 2/5" in text
    assert "32/320 items" in text
    assert "0/96 items" in text          # this epoch's validation has not started
    assert "96/96" not in text


@pytest.mark.parametrize("width,height", [(200, 60), (120, 40), (80, 24), (60, 18),
                                          (40, 12), (20, 6), (8, 3), (1, 1)])
def test_any_terminal_size_draws_without_overflow(width: int, height: int) -> None:
    clock = FakeClock()
    renderer = TuiMetricsRenderer(console(width, height), live=False, clock=clock)
    fake_run(renderer, clock, epochs=2)
    lines = drawn(renderer.view(), width, height).splitlines()
    assert len(lines) == height
    assert all(len(line) <= width for line in lines)
    snapshot = drawn(renderer.snapshot(), width, height).splitlines()
    assert all(len(line) <= width for line in snapshot)


def test_resize_redraws_at_the_new_size() -> None:
    """The layout is computed per frame: one renderer drawn at two sizes fits both."""
    clock = FakeClock()
    renderer = TuiMetricsRenderer(console(), live=False, clock=clock)
    fake_run(renderer, clock, epochs=2)
    view = renderer.view()
    wide = drawn(view, 160, 50).splitlines()
    narrow = drawn(view, 60, 20).splitlines()
    assert (len(wide), max(map(len, wide))) == (50, 160)
    assert (len(narrow), max(map(len, narrow))) == (20, 60)
    assert "Loss  ━ train  ━ valid" in "\n".join(wide)


def test_metric_names_and_entries_are_text_not_markup() -> None:
    renderer = TuiMetricsRenderer(console(), live=False)
    renderer.update_train(MetricState(MetricEntry("Top-5 [k=5]", "[bold]epoch[/] 1", "1"),
                                      NumericEntry(1.0)))
    renderer.render_train(TrainingProgress(Progress(1, 2), 1, 1, 1))
    text = drawn(renderer.view(), 100, 30)
    assert "[bold]epoch[/] 1" in text                          # the table's entry
    assert "Top-5 [k=5]  ━ train" in text                      # the plot's title


def test_no_values_yet_draws_an_empty_dashboard() -> None:
    renderer = TuiMetricsRenderer(console(), live=False)
    text = drawn(renderer.view(), 80, 20)
    assert "Training" in text and "epoch -/-" in text
    renderer.update_train(numeric("Loss", float("nan"), float("nan")))   # NaN is not plotted
    renderer.render_train(TrainingProgress(Progress(1, 10), 1, 1, 1))
    assert "waiting for values" in drawn(renderer.view(), 80, 20)


def test_line_chart_draws_a_braille_line() -> None:
    chart = LineChart([ChartLine([(0.0, 0.0), (1.0, 1.0)], "red")], height=5, x_unit="")
    lines = drawn(chart, 14, 5).splitlines()
    assert len(lines) == 5
    # y labels: max on the first row, min on the last canvas row, the x range below.
    assert lines[0].startswith("1┤") and lines[3].startswith("0┤")
    assert lines[4].startswith(" └0") and lines[4].rstrip().endswith("1")
    canvas = [line[2:] for line in lines[:4]]
    # a rising diagonal: bottom-left to top-right
    assert canvas[3][0] in BRAILLE and canvas[0][-1] in BRAILLE
    assert canvas[0][0] == " " and canvas[3][-1] == " "


def test_line_chart_flat_gap_and_tiny() -> None:
    flat = drawn(LineChart([ChartLine([(0.0, 2.0), (1.0, 2.0), (2.0, 2.0)])]), 30, 6)
    assert BRAILLE & set(flat)                                 # drawn mid-height, no 0/0
    gap = LineChart([ChartLine([(0.0, 0.0), (1.0, float("nan")), (2.0, 1.0)])])
    assert BRAILLE & set(drawn(gap, 30, 6))
    tiny = LineChart([ChartLine([(0.0, 0.5), (1.0, 1.5)])], height=1)
    assert drawn(tiny, 12, 1).splitlines() == ["0.5 … 1.5   "]  # too small: the y range only
    assert drawn(tiny, 5, 1).splitlines() == ["…1.5 "]
    assert drawn(tiny, 2, 1).splitlines() == ["1…"]
    assert "waiting for values" in drawn(LineChart([], height=3), 30, 3)


def test_history_keeps_a_bounded_thinned_series() -> None:
    series = Series(max_points=8)
    for i in range(100):
        series.push(float(i), float(i))
    series.push(100.0, float("inf"))                           # not plotted
    assert len(series.points) <= 8
    assert series.points[0] == (0.0, 0.0)                      # still spans the run
    assert series.points[-1][0] >= 100 - series.stride
    assert series.stride & (series.stride - 1) == 0            # halved: a power of two
    history = MetricHistory(8)
    history.push_batch("train", 0.5, 1.0)
    history.push_epoch("valid", 1, 0.9)
    assert history.batches["train"].points == [(0.5, 1.0)]
    assert history.epochs["valid"].points == [(1.0, 0.9)]


def test_batch_values_are_placed_at_their_progress() -> None:
    renderer = TuiMetricsRenderer(console(), live=False)
    renderer.update_train(numeric("Loss", 1.0, 1.0))
    renderer.render_train(TrainingProgress(Progress(25, 100), 2, 3, 1))
    renderer.update_valid(numeric("Loss", 2.0, 2.0))
    renderer.on_epoch_end(EpochSummary("valid", 2, 3, {"Loss": 2.0}))  # no progress yet: kept
    renderer.render_valid(TrainingProgress(Progress(50, 100), 2, 3, 1))
    history = renderer._histories["Loss"]
    assert history.batches["train"].points == [(1.25, 1.0)]          # epoch 2 at 25%
    assert history.batches["valid"].points == [(1.5, 2.0)]
    assert history.epochs["valid"].points == [(2.0, 2.0)]


def test_train_end_gives_the_terminal_back_then_prints_snapshot_and_summary() -> None:
    clock = FakeClock()
    out = console(100, 30)
    renderer = TuiMetricsRenderer(out, clock=clock, refresh_per_second=20)
    fake_run(renderer, clock, epochs=2)
    renderer.on_train_end("| Split | Metric | Min. | Max. |")
    raw = out.file.getvalue()  # type: ignore[attr-defined]
    enter, leave = raw.find("\x1b[?1049h"), raw.rfind("\x1b[?1049l")
    assert 0 <= enter < leave                                  # alternate screen left
    assert raw.rfind("\x1b[?25h") > raw.rfind("\x1b[?25l")     # cursor shown again
    after = plain(raw[leave:])
    assert "Ended · epoch 2/5" in after and "Loss  ━ train  ━ valid" in after
    assert after.rstrip().endswith("| Split | Metric | Min. | Max. |")
    renderer.on_train_end(None)                                # twice is harmless
    assert out.file.getvalue() == raw  # type: ignore[attr-defined]


def test_an_escaping_error_gives_the_terminal_back_before_its_traceback(
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str]] = []
    out = console(80, 24)

    def original_hook(kind: Any, error: BaseException, traceback: Any) -> None:
        seen.append((kind.__name__, out.file.getvalue()))  # type: ignore[attr-defined]

    monkeypatch.setattr(sys, "excepthook", original_hook)
    renderer = TuiMetricsRenderer(out, refresh_per_second=20)
    renderer.update_train(numeric("Loss", 1.0, 1.0))
    assert sys.excepthook != original_hook                     # installed while live
    sys.excepthook(ValueError, ValueError("boom"), None)       # what Python does on a crash
    assert seen and seen[0][0] == "ValueError"
    assert seen[0][1].rfind("\x1b[?1049l") > seen[0][1].find("\x1b[?1049h") >= 0
    assert sys.excepthook == original_hook                     # and removed again
    renderer.on_train_end(None)


def test_default_renderer_dashboard_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(default_renderer(console()), TuiMetricsRenderer)
    piped = Console(file=io.StringIO(), force_terminal=False)
    plain = default_renderer(piped)
    assert isinstance(plain, PlainRenderer) and plain.stream is piped.file
    dumb = Console(file=io.StringIO(), force_terminal=True, _environ={"TERM": "dumb"})
    assert not is_interactive(dumb) and isinstance(default_renderer(dumb), PlainRenderer)
    monkeypatch.setenv("FORCE_COLOR", "1")                     # colours, still not a TTY
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert isinstance(default_renderer(), PlainRenderer)
    assert isinstance(NoneRenderer(), MetricsRenderer)


# --- a real Learner on every Autodiff row -----------------------------------------------------


def test_learner_draws_the_dashboard(ad_backend: Any, tmp_path: Path) -> None:
    from pyburn import Int, Tensor
    from pyburn.data import DataLoaderBuilder, InMemDataset
    from pyburn.module import Module
    from pyburn.nn import Linear, LinearConfig
    from pyburn.nn.loss import CrossEntropyLossConfig
    from pyburn.optim import SgdConfig
    from pyburn.train import ClassificationOutput, LearnerBuilder, TrainOutput
    from pyburn.train.metric import AccuracyMetric, LossMetric

    class Classifier(Module):
        linear: Linear

        def output(self, batch: Any) -> ClassificationOutput:
            x, y = batch
            logits = self.linear.forward(x)
            loss = CrossEntropyLossConfig().init(logits.device()).forward(logits, y)
            return ClassificationOutput(loss, logits, y)

        def step(self, batch: Any) -> TrainOutput[ClassificationOutput]:
            item = self.output(batch)
            return TrainOutput.new(self, item.loss.backward(), item)

        def valid_step(self, batch: Any) -> ClassificationOutput:
            return self.output(batch)

    class Batcher:
        def __init__(self, backend: Any) -> None:
            self.backend = backend

        def batch(self, items: list[Any], device: Any) -> Any:
            x = np.stack([point for point, _ in items]).astype(np.float32)
            y = np.array([label for _, label in items], dtype=np.int64)
            return (Tensor[self.backend].from_data(x, device),
                    Tensor[self.backend, Int].from_data(y, device))

    rng = np.random.default_rng(0)
    items = [(rng.normal(size=2) + 3 * (i % 2), i % 2) for i in range(96)]
    B, device = ad_backend.B, ad_backend.device
    train = DataLoaderBuilder(Batcher(B)).batch_size(16).build(InMemDataset(items[:64]))
    valid = DataLoaderBuilder(Batcher(B.inner)).batch_size(16).build(InMemDataset(items[64:]))
    out = console(100, 30)
    learner = (LearnerBuilder(tmp_path)
               .metric_train_numeric(LossMetric()).metric_valid_numeric(LossMetric())
               .metric_train_numeric(AccuracyMetric()).metric_valid_numeric(AccuracyMetric())
               .num_epochs(2).renderer(TuiMetricsRenderer(out, refresh_per_second=20))
               .summary()
               .build(Classifier(LinearConfig(2, 2).init(device)), SgdConfig().init(), 0.1))
    learner.fit(train, valid)
    raw = out.file.getvalue()  # type: ignore[attr-defined]
    after = plain(raw[raw.rfind("\x1b[?1049l"):])             # what stays in the scrollback
    assert "epoch 2/2" in after and "64/64 items" in after and "32/32 items" in after
    assert "Loss  ━ train  ━ valid" in after and "Accuracy  ━ train  ━ valid" in after
    assert BRAILLE & set(after)


# --- the real thing, in a pseudo-terminal -----------------------------------------------------

FAKE_LOOP = """
import math, sys, time
from pathlib import Path
from pyburn.train.metric.base import MetricEntry, NumericEntry, Progress
from pyburn.train.renderer import default_renderer, TuiMetricsRenderer
from pyburn.train.renderer.base import EpochSummary, MetricState, TrainingProgress

flags = Path(sys.argv[1])
renderer = default_renderer()
assert isinstance(renderer, TuiMetricsRenderer), type(renderer)
renderer.refresh_per_second = 20

def wait_for(name):
    deadline = time.monotonic() + 30
    while not (flags / name).exists() and time.monotonic() < deadline:
        time.sleep(0.02)


def numeric(name, value):
    return MetricState(MetricEntry(name, f"epoch {value:.3f} - batch {value:.3f}", ""),
                       NumericEntry(value, 8))

for epoch in (1, 2):
    for it in range(1, 41):
        loss = 2 * math.exp(-(epoch - 1 + it / 40) * 1.5)
        renderer.update_train(numeric("Loss", loss))
        renderer.update_train(numeric("Accuracy", 1 - loss / 2))
        renderer.render_train(TrainingProgress(Progress(it * 8, 320), epoch, 3, it))
        time.sleep(0.004)
        if epoch == 2 and it == 20:
            (flags / "mid").touch()
            wait_for("resized")
    renderer.on_epoch_end(EpochSummary("train", epoch, 3, {"Loss": loss}))
    for it in range(1, 6):
        renderer.update_valid(numeric("Loss", loss * 1.2))
        renderer.render_valid(TrainingProgress(Progress(it * 8, 40), epoch, 3, it))
    renderer.on_epoch_end(EpochSummary("valid", epoch, 3, {"Loss": loss * 1.2}))
renderer.on_train_end("SUMMARY: Loss min 0.1 max 2.0")
(flags / "done").touch()
wait_for("quit")
"""


def _poll(path: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise AssertionError(f"the fake loop never wrote {path.name}")
        time.sleep(0.02)


@pytest.mark.skipif(shutil.which("tmux") is None,
                    reason="tmux is not installed (apt-get install -y tmux): the dashboard "
                           "cannot be checked in a real pseudo-terminal")
def test_dashboard_in_a_real_terminal(tmp_path: Path) -> None:
    script = tmp_path / "fake_loop.py"
    script.write_text(textwrap.dedent(FAKE_LOOP))
    socket = f"pyburn-dashboard-{os.getpid()}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    # The new tmux server, and so its panes, inherit this environment.
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("FORCE_COLOR", None)
    env.pop("TTY_COMPATIBLE", None)
    command = shlex.join([sys.executable, str(script), str(tmp_path)])

    def capture_until(ready: Callable[[str], bool], timeout: float = 20.0) -> str:
        """The pane's text once `ready` holds (the dashboard redraws 20 times a second)."""
        deadline = time.monotonic() + timeout
        while True:
            text = subprocess.run(tmux + ["capture-pane", "-p", "-t", "dash"], check=True,
                                  capture_output=True, text=True, env=env).stdout
            if ready(text) or time.monotonic() > deadline:
                return text
            time.sleep(0.05)

    subprocess.run(tmux + ["new-session", "-d", "-s", "dash", "-x", "120", "-y", "40",
                           command], check=True, env=env, cwd=REPO)
    try:
        _poll(tmp_path / "mid")
        live = capture_until(lambda text: "160/320 items" in text and bool(BRAILLE & set(text)))
        assert "Training · epoch 2/3" in live                 # the epoch counter
        assert "Train" in live and "160/320 items" in live    # the split's progress
        assert "items/s" in live and "ETA" in live
        assert "━" in live                                    # a bar
        assert "Loss" in live and "Accuracy" in live          # the metrics table
        assert "epoch " in live and " - batch " in live       # the formatted entries
        assert BRAILLE & set(live)                            # the plots
        assert "Loss  ━ train" in live
        lines = live.splitlines()
        assert len(lines) <= 40 and all(len(line) <= 120 for line in lines)
        subprocess.run(tmux + ["resize-window", "-t", "dash", "-x", "60", "-y", "20"],
                       check=True, env=env)
        def relaid(text: str) -> bool:   # redrawn at 60 columns, not the 120 frame cut off
            top = text.splitlines()[0] if text.strip() else ""
            return len(top) == 60 and top.startswith("╭") and top.endswith("╮")

        narrow = capture_until(relaid)
        assert relaid(narrow) and "epoch 2/3" in narrow
        assert all(len(line) <= 60 for line in narrow.splitlines())
        (tmp_path / "resized").touch()
        _poll(tmp_path / "done")
        after = capture_until(lambda text: "SUMMARY" in text)
        assert "SUMMARY: Loss min 0.1 max 2.0" in after       # the summary, on the main screen
        assert "160/320" not in after                         # the live frame is gone
    finally:
        (tmp_path / "quit").touch()
        subprocess.run(tmux + ["kill-server"], env=env, capture_output=True)


LEARNER_LOOP = """
import sys, time
from pathlib import Path
import numpy as np
from pyburn import Int, Tensor
from pyburn.backend import Autodiff, NumPy
from pyburn.data import DataLoaderBuilder, InMemDataset
from pyburn.module import Module
from pyburn.nn import Linear, LinearConfig
from pyburn.nn.loss import CrossEntropyLossConfig
from pyburn.optim import SgdConfig
from pyburn.record import CompactRecorder
from pyburn.train import ClassificationOutput, LearnerBuilder, TrainOutput
from pyburn.train.metric import AccuracyMetric, LossMetric

flags = Path(sys.argv[1])
steps = 0


class Classifier(Module):
    linear: Linear

    def output(self, batch):
        x, y = batch
        logits = self.linear.forward(x)
        loss = CrossEntropyLossConfig().init(logits.device()).forward(logits, y)
        return ClassificationOutput(loss, logits, y)

    def step(self, batch):
        global steps
        steps += 1
        if steps == 12:                       # in epoch 2: time for Ctrl-C
            (flags / "epoch2").touch()
        time.sleep(0.03)
        item = self.output(batch)
        return TrainOutput.new(self, item.loss.backward(), item)

    def valid_step(self, batch):
        return self.output(batch)


class Batcher:
    def __init__(self, backend):
        self.backend = backend

    def batch(self, items, device):
        x = np.stack([p for p, _ in items]).astype(np.float32)
        y = np.array([label for _, label in items], dtype=np.int64)
        return Tensor[self.backend].from_data(x, device), Tensor[self.backend, Int].from_data(y, device)


B = Autodiff[NumPy]
device = B.default_device()
rng = np.random.default_rng(0)
items = [(rng.normal(size=2) + 3 * (i % 2), i % 2) for i in range(96)]
train = DataLoaderBuilder(Batcher(B)).batch_size(8).build(InMemDataset(items[:64]))
valid = DataLoaderBuilder(Batcher(B.inner)).batch_size(32).build(InMemDataset(items[64:]))
learner = (LearnerBuilder(flags / "artifacts")
           .metric_train_numeric(LossMetric()).metric_valid_numeric(LossMetric())
           .metric_train_numeric(AccuracyMetric()).metric_valid_numeric(AccuracyMetric())
           .with_file_checkpointer(CompactRecorder()).num_epochs(1000).summary()
           .build(Classifier(LinearConfig(2, 2).init(device)), SgdConfig().init(), 0.05))
learner.fit(train, valid)
"""


@pytest.mark.skipif(shutil.which("tmux") is None,
                    reason="tmux is not installed (apt-get install -y tmux): Ctrl-C on the "
                           "dashboard cannot be checked in a real pseudo-terminal")
def test_ctrl_c_on_the_learner_dashboard_gives_the_terminal_back(tmp_path: Path) -> None:
    script = tmp_path / "learner_loop.py"
    script.write_text(LEARNER_LOOP)
    socket = f"pyburn-dashboard-c-{os.getpid()}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("FORCE_COLOR", None)
    env.pop("TTY_COMPATIBLE", None)
    command = "exec " + shlex.join([sys.executable, str(script), str(tmp_path)])

    def tmux_out(*args: str) -> str:
        return subprocess.run(tmux + list(args), check=True, capture_output=True, text=True,
                              env=env).stdout

    def capture_until(ready: Callable[[str], bool], timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            text = tmux_out("capture-pane", "-p", "-J", "-S", "-200", "-t", "learn")
            if ready(text) or time.monotonic() > deadline:
                return text
            time.sleep(0.05)

    subprocess.run(tmux + ["new-session", "-d", "-s", "learn", "-x", "110", "-y", "36", command,
                           ";", "set-option", "-t", "learn", "remain-on-exit", "on"],
                   check=True, env=env, cwd=tmp_path)
    try:
        _poll(tmp_path / "epoch2", timeout=45.0)
        live = capture_until(lambda text: "/1000" in text and bool(BRAILLE & set(text)))
        assert re.search(r"(Training|Validating) · epoch \d+/1000", live) and BRAILLE & set(live)
        assert tmux_out("display-message", "-p", "-t", "learn", "#{alternate_on}").strip() == "1"
        subprocess.run(tmux + ["send-keys", "-t", "learn", "C-c"], check=True, env=env)
        after = capture_until(lambda text: "resume with" in text)
        assert tmux_out("display-message", "-p", "-t", "learn", "#{alternate_on}").strip() == "0"
        assert re.search(r"Ended · epoch \d+/1000", after)     # the last state, kept
        assert "Learner Summary" in after                      # the summary
        assert "KeyboardInterrupt" in after                    # and the traceback, readable
        resume = re.search(r"checkpoint\((\d+)\)", after)
        assert resume, after
        assert (tmp_path / "artifacts" / "checkpoint" / f"model-{resume[1]}.mpk").exists()
    finally:
        subprocess.run(tmux + ["kill-server"], env=env, capture_output=True)
