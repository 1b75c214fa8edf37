"""The Learner (pyburn.train) on both autodiff rows: the Book's artifact tree and log format,
resume bit-identity through checkpoint files, early stopping, gradient accumulation equal to a
large batch, the Ctrl-C checkpoint, checkpoint retention, the plain (non-TTY) output and the
summary table."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pyburn import Int, Tensor
from pyburn.data import DataLoaderBuilder, InMemDataset
from pyburn.module import Module
from pyburn.nn import Dropout, DropoutConfig, Linear, LinearConfig
from pyburn.nn.loss import CrossEntropyLoss
from pyburn.optim import AdamConfig, SgdConfig
from pyburn.optim.lr_scheduler import ExponentialLrSchedulerConfig
from pyburn.record import (FullPrecisionSettings, NamedMpkFileRecorder,
                           NamedMpkGzFileRecorder)
from pyburn.train import (Aggregate, ClassificationOutput, ComposedCheckpointingStrategy,
                          Direction, KeepLastNCheckpoints, LearnerBuilder, LearnerSummary,
                          MetricCheckpointingStrategy, MetricEarlyStoppingStrategy, MetricStore,
                          MultiLabelClassificationOutput, RegressionOutput, Split, StoppingCondition, TrainOutput)
from pyburn.train.metric.inputs import (AccuracyInput, ConfusionStatsInput, HammingScoreInput,
                                        LossInput)
from pyburn.train.metric.learning_rate import LearningRateMetric
from pyburn.train.metric.loss import LossMetric
from pyburn.train.renderer.base import EpochSummary, MetricState, TrainingProgress
from pyburn.train.renderer.none import NoneRenderer
from pyburn.train.renderer.plain import PlainRenderer

FULL = NamedMpkFileRecorder(FullPrecisionSettings)


class Classifier(Module):
    hidden: Linear
    dropout: Dropout
    output: Linear

    def forward(self, x: Any) -> Any:
        return self.output.forward(self.dropout.forward(self.hidden.forward(x).relu()))

    def step(self, batch: Any) -> TrainOutput[ClassificationOutput]:
        x, y = batch
        logits = self.forward(x)
        loss = CrossEntropyLoss.new().forward(logits, y)
        return TrainOutput.new(self, loss.backward(), ClassificationOutput(loss, logits, y))

    def valid_step(self, batch: Any) -> ClassificationOutput:
        x, y = batch
        logits = self.forward(x)
        return ClassificationOutput(CrossEntropyLoss.new().forward(logits, y), logits, y)


def classifier(case: Any, dropout: float = 0.3) -> Classifier:
    case.B.seed(0)
    return Classifier(LinearConfig(2, 8).init(case.device), DropoutConfig(dropout).init(),
                      LinearConfig(8, 3).init(case.device))


class BlobBatcher:
    def __init__(self, backend: Any, interrupt_at: int | None = None) -> None:
        self.backend = backend
        self.calls = 0
        self.interrupt_at = interrupt_at

    def batch(self, items: list[Any], device: Any) -> Any:
        self.calls += 1
        if self.calls == self.interrupt_at:
            raise KeyboardInterrupt
        x = np.stack([p for p, _ in items]).astype(np.float32)
        y = np.array([c for _, c in items], dtype=np.int64)
        return (Tensor[self.backend].from_data(x, device),
                Tensor[self.backend, Int].from_data(y, device))


def blobs(n: int, seed: int) -> list[tuple[np.ndarray, int]]:
    rng = np.random.default_rng(seed)
    centers = np.array([[0.0, 2.0], [-2.0, -1.0], [2.0, -1.0]])
    labels = rng.integers(0, 3, size=n)
    return [(centers[c] + rng.normal(scale=0.6, size=2), int(c)) for c in labels]


def loaders(case: Any, batch: int = 16, shuffle: int | None = 3, n_train: int = 64,
            interrupt_at: int | None = None) -> tuple[Any, Any]:
    builder = DataLoaderBuilder(BlobBatcher(case.B, interrupt_at)).batch_size(batch)
    if shuffle is not None:
        builder = builder.shuffle(shuffle)
    train = builder.set_device(case.device).build(InMemDataset(blobs(n_train, 1)))
    valid = (DataLoaderBuilder(BlobBatcher(case.inner)).batch_size(16).set_device(case.device)
             .build(InMemDataset(blobs(24, 2))))
    return train, valid


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def _params(record: Any, prefix: str = "") -> dict[str, tuple[str, Any]]:
    """path -> (param id, values) of a module record."""
    if isinstance(record, dict) and "param" in record and "id" in record:
        return {prefix: (str(record["id"]), record["param"])}
    found: dict[str, tuple[str, Any]] = {}
    if isinstance(record, dict):
        for key, value in record.items():
            found.update(_params(value, f"{prefix}.{key}" if prefix else key))
    return found


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "to_data"):
        value = value.to_data()
    if hasattr(value, "to_numpy"):
        array = np.asarray(value.to_numpy())
        return (array.dtype.str, array.shape, array.tobytes())   # bits, not approximate values
    return value


def same_state(model_a: Any, optim_a: Any, model_b: Any, optim_b: Any) -> bool:
    """Bit-identical parameters and optimizer states, matched by parameter path (two runs draw
    different parameter ids)."""
    params_a, params_b = _params(model_a), _params(model_b)
    if {p: _plain(v) for p, (_, v) in params_a.items()} != {
            p: _plain(v) for p, (_, v) in params_b.items()}:
        return False
    if optim_a is None:
        return True
    by_path_a = {p: _plain(optim_a.get(i)) for p, (i, _) in params_a.items()}
    by_path_b = {p: _plain(optim_b.get(i)) for p, (i, _) in params_b.items()}
    return by_path_a == by_path_b and len(optim_a) == len(optim_b)


def weights(model: Module) -> dict[str, np.ndarray]:
    return {path: np.asarray(p.val().to_data().to_numpy()) for path, p in model.named_params()}


# --- the Book's artifacts ---------------------------------------------------------------------

def test_fit_writes_the_books_artifact_tree(ad_backend: Any, tmp_path: Path) -> None:
    from pyburn.train.metric.acc import AccuracyMetric
    train, valid = loaders(ad_backend)
    learner = (LearnerBuilder(tmp_path)
               .metric_train_numeric(AccuracyMetric()).metric_valid_numeric(AccuracyMetric())
               .metric_train_numeric(LossMetric()).metric_valid_numeric(LossMetric())
               .with_file_checkpointer(NamedMpkGzFileRecorder()).num_epochs(2)
               .renderer(NoneRenderer())
               .build(classifier(ad_backend), AdamConfig().init(), 1e-2))
    trained = learner.fit(train, valid)
    assert isinstance(trained, Classifier)
    assert tree(tmp_path) == [
        "checkpoint/model-1.mpk.gz", "checkpoint/model-2.mpk.gz",
        "checkpoint/optim-1.mpk.gz", "checkpoint/optim-2.mpk.gz",
        "checkpoint/scheduler-1.mpk.gz", "checkpoint/scheduler-2.mpk.gz",
        "experiment.log",
        "train/epoch-1/Accuracy.log", "train/epoch-1/Loss.log",
        "train/epoch-2/Accuracy.log", "train/epoch-2/Loss.log",
        "valid/epoch-1/Accuracy.log", "valid/epoch-1/Loss.log",
        "valid/epoch-2/Accuracy.log", "valid/epoch-2/Loss.log",
    ]
    # one line per batch, "value,items": 64 train items in batches of 16, 24 valid in 16 + 8,
    # then Burn's "value,final" line: the exact epoch value, which a resumed run reads back
    lines = (tmp_path / "train/epoch-1/Loss.log").read_text().splitlines()
    assert [line.split(",")[1] for line in lines] == ["16"] * 4 + ["final"]
    assert all(np.isfinite(float(line.split(",")[0])) for line in lines)
    valid_lines = (tmp_path / "valid/epoch-2/Accuracy.log").read_text().splitlines()
    assert [line.split(",")[1] for line in valid_lines] == ["16", "8", "final"]
    assert "Fitting the model" in (tmp_path / "experiment.log").read_text()
    # the epoch values are the item-weighted means of the logged batch values
    store = learner.store
    values = [float(line.split(",")[0]) for line in valid_lines]
    expected = (values[0] * 16 + values[1] * 8) / 24
    assert store.find_metric("Accuracy", 2, Aggregate.Mean, Split.Valid) == pytest.approx(expected)
    assert store.find_metric("Accuracy", 2, Aggregate.Mean, Split.Valid) == values[2]
    # the checkpoint loads back into the model
    reloaded = classifier(ad_backend).load_file(str(tmp_path / "checkpoint/model-2"),
                                                NamedMpkGzFileRecorder())
    assert reloaded.num_params() == trained.num_params()


def test_learning_rate_metric_and_non_numeric_metric(ad_backend: Any, tmp_path: Path) -> None:
    train, valid = loaders(ad_backend)
    sched = ExponentialLrSchedulerConfig(0.1, 0.5).init()
    learner = (LearnerBuilder(tmp_path).metric_train_numeric(LearningRateMetric())
               .metric_train(LossMetric()).renderer(NoneRenderer())
               .with_application_logger(None).num_epochs(1)
               .build(classifier(ad_backend), SgdConfig().init(), sched))
    learner.fit(train, valid)
    lrs = [float(line.split(",")[0])
           for line in (tmp_path / "train/epoch-1/Learning_Rate.log").read_text().splitlines()
           if not line.endswith(",final")]
    assert lrs == pytest.approx([0.1, 0.05, 0.025, 0.0125])
    assert (tmp_path / "train/epoch-1/Loss.log").is_file()
    assert learner.store.names(Split.Train) == ["Learning Rate"]   # non-numeric: no epoch value
    assert not (tmp_path / "experiment.log").exists()


# --- resume ----------------------------------------------------------------------------------

def _resumable(case: Any, root: Path, epochs: int, resume: int | None = None,
               interrupt_at: int | None = None, renderer: Any = None,
               strategy: Any = None) -> Any:
    train, valid = loaders(case, interrupt_at=interrupt_at)
    builder = (LearnerBuilder(root).metric_valid_numeric(LossMetric())
               .with_file_checkpointer(FULL).num_epochs(epochs)
               .renderer(renderer or NoneRenderer()))
    if strategy is not None:
        builder = builder.with_checkpointing_strategy(strategy)
    if resume is not None:
        builder = builder.checkpoint(resume)
    sched = ExponentialLrSchedulerConfig(0.05, 0.9).init()
    return builder.build(classifier(case, dropout=0.3), AdamConfig().init(), sched), train, valid


def test_resume_from_checkpoint_is_bit_identical(ad_backend: Any, tmp_path: Path) -> None:
    learner, train, valid = _resumable(ad_backend, tmp_path / "whole", 4)
    whole = learner.fit(train, valid)
    first, train, valid = _resumable(ad_backend, tmp_path / "split", 2)
    first.fit(train, valid)
    second, train, valid = _resumable(ad_backend, tmp_path / "split", 4, resume=2)
    resumed = second.fit(train, valid)
    assert same_state(whole.into_record(), None, resumed.into_record(), None)
    saved = [{part: FULL.load(tmp_path / run / "checkpoint" / f"{part}-4")
              for part in ("model", "optim", "scheduler")} for run in ("whole", "split")]
    assert same_state(saved[0]["model"], saved[0]["optim"], saved[1]["model"], saved[1]["optim"])
    assert saved[0]["scheduler"] == saved[1]["scheduler"]
    # the resumed run's store holds the epochs before the resume, read from the logs
    assert sorted(second.store.epochs("Loss", Split.Valid)) == [1, 2, 3, 4]
    assert second.store.epochs("Loss", Split.Valid) == pytest.approx(
        learner.store.epochs("Loss", Split.Valid))


def test_resume_without_checkpoint_file_names_it(ad_backend: Any, tmp_path: Path) -> None:
    learner, train, valid = _resumable(ad_backend, tmp_path, 3, resume=2)
    with pytest.raises(FileNotFoundError, match=r"checkpoint\(2\).*model-2"):
        learner.fit(train, valid)


# --- Ctrl-C ----------------------------------------------------------------------------------

class RecordingRenderer(NoneRenderer):
    def __init__(self) -> None:
        self.ended: list[str | None] = []
        self.epochs: list[EpochSummary] = []

    def on_epoch_end(self, summary: EpochSummary) -> None:
        self.epochs.append(summary)

    def on_train_end(self, summary_text: str | None) -> None:
        self.ended.append(summary_text)


class NeverSave:
    def checkpointing(self, epoch: int, store: MetricStore) -> list[Any]:
        return []


def test_ctrl_c_checkpoints_the_last_epoch_and_resumes_exactly(ad_backend: Any,
                                                               tmp_path: Path) -> None:
    # 4 train batches per epoch: the 6th batch built is in epoch 2
    renderer = RecordingRenderer()
    learner, train, valid = _resumable(ad_backend, tmp_path / "cut", 3, interrupt_at=6,
                                       renderer=renderer, strategy=NeverSave())
    with pytest.raises(KeyboardInterrupt) as raised:
        learner.fit(train, valid)
    assert "checkpoint(1)" in "".join(getattr(raised.value, "__notes__", []))
    assert renderer.ended == [None]
    assert tree(tmp_path / "cut" / "checkpoint") == ["model-1.mpk", "optim-1.mpk",
                                                     "scheduler-1.mpk"]
    resumed_learner, train, valid = _resumable(ad_backend, tmp_path / "cut", 3, resume=1)
    resumed = resumed_learner.fit(train, valid)
    whole_learner, train, valid = _resumable(ad_backend, tmp_path / "whole", 3)
    whole = whole_learner.fit(train, valid)
    assert same_state(whole.into_record(), None, resumed.into_record(), None)


# --- early stopping --------------------------------------------------------------------------

def test_early_stopping_stops_after_n_epochs_without_improvement(ad_backend: Any,
                                                                 tmp_path: Path) -> None:
    train, valid = loaders(ad_backend)
    stop = MetricEarlyStoppingStrategy(LossMetric(), Aggregate.Mean, Direction.Lowest,
                                       Split.Valid, StoppingCondition.NoImprovementSince(2))
    learner = (LearnerBuilder(tmp_path).metric_valid_numeric(LossMetric()).early_stopping(stop)
               .num_epochs(10).renderer(NoneRenderer())
               # a learning rate of 0: the validation loss never improves after epoch 1
               .build(classifier(ad_backend), SgdConfig().init(), 0.0))
    learner.fit(train, valid)
    assert sorted(p.name for p in (tmp_path / "valid").iterdir()) == [
        "epoch-1", "epoch-2", "epoch-3"]


def test_early_stopping_keeps_going_while_improving(ad_backend: Any, tmp_path: Path) -> None:
    store = MetricStore()
    stop = MetricEarlyStoppingStrategy("Loss", Aggregate.Mean, Direction.Lowest, Split.Valid,
                                       StoppingCondition.NoImprovementSince(2))
    decisions = []
    for epoch, value in enumerate([1.0, 0.9, 0.95, 0.8, 0.85, 0.85], start=1):
        store.record(Split.Valid, "Loss", epoch, value)
        decisions.append(stop.should_stop(epoch, store))
    assert decisions == [False, False, False, False, False, True]
    with pytest.raises(ValueError, match="n_epochs >= 1"):
        StoppingCondition.NoImprovementSince(0)


# --- gradient accumulation -------------------------------------------------------------------

def test_grad_accumulation_equals_one_large_batch(ad_backend: Any, tmp_path: Path) -> None:
    def run(batch: int, accumulation: int | None, lr: float) -> dict[str, np.ndarray]:
        train, valid = loaders(ad_backend, batch=batch, shuffle=None, n_train=32)
        builder = LearnerBuilder(tmp_path / f"b{batch}").renderer(NoneRenderer()).num_epochs(1)
        if accumulation is not None:
            builder = builder.grad_accumulation(accumulation)
        learner = builder.build(classifier(ad_backend, dropout=0.0), SgdConfig().init(), lr)
        return weights(learner.fit(train, valid))

    large = run(32, None, 0.5)
    accumulated = run(8, 4, 0.5 / 4)      # Burn's accumulator sums: a mean loss takes lr / n
    unaccumulated = run(8, None, 0.5 / 4)
    for path in large:
        np.testing.assert_allclose(accumulated[path], large[path], rtol=1e-5, atol=1e-6)
    assert any(not np.allclose(unaccumulated[p], large[p], atol=1e-4) for p in large)


# --- checkpoint retention --------------------------------------------------------------------

def test_keep_last_n_checkpoints_on_disk(ad_backend: Any, tmp_path: Path) -> None:
    train, valid = loaders(ad_backend)
    learner = (LearnerBuilder(tmp_path).with_file_checkpointer(FULL)
               .with_checkpointing_strategy(KeepLastNCheckpoints(2)).num_epochs(4)
               .renderer(NoneRenderer())
               .build(classifier(ad_backend), AdamConfig().init(), 1e-2))
    learner.fit(train, valid)
    assert tree(tmp_path / "checkpoint") == [f"{part}-{epoch}.mpk" for part in
                                             ("model", "optim", "scheduler") for epoch in (3, 4)]


def test_checkpointing_strategies_keep_last_and_best() -> None:
    store = MetricStore()
    composed = (ComposedCheckpointingStrategy.builder().add(KeepLastNCheckpoints(2))
                .add(MetricCheckpointingStrategy("Loss", Aggregate.Mean, Direction.Lowest,
                                                 Split.Valid)).build())
    kept: set[int] = set()
    for epoch, loss in enumerate([0.5, 0.2, 0.4, 0.3, 0.1, 0.6], start=1):
        store.record(Split.Valid, "Loss", epoch, loss)
        for action in composed.checkpointing(epoch, store):
            if action.kind == "save":
                kept.add(epoch)
            else:
                kept.remove(action.epoch)
        best = min(store.epochs("Loss", Split.Valid).items(), key=lambda ev: ev[1])[0]
        assert kept == {e for e in (epoch - 1, epoch, best) if e >= 1}, (epoch, kept)
    assert KeepLastNCheckpoints(2).checkpointing(3, store)[1].epoch == 1
    with pytest.raises(ValueError, match="num_keep >= 1"):
        KeepLastNCheckpoints(0)


# --- rendering and summary -------------------------------------------------------------------

def test_plain_output_off_a_terminal_and_summary(ad_backend: Any, tmp_path: Path) -> None:
    from pyburn.train.learner.builder import default_renderer
    assert isinstance(default_renderer(), PlainRenderer)   # pytest's stdout is not a TTY
    stream = io.StringIO()
    train, valid = loaders(ad_backend)
    learner = (LearnerBuilder(tmp_path).metric_train_numeric(LossMetric())
               .metric_valid_numeric(LossMetric()).renderer(PlainRenderer(stream))
               .num_epochs(2).summary()
               .build(classifier(ad_backend), AdamConfig().init(), 1e-2))
    learner.fit(train, valid)
    lines = stream.getvalue().splitlines()
    assert [line.split("]")[0] + "] " + line.split("]")[1].split()[0] for line in lines[:4]] == [
        "[epoch 1/2] train", "[epoch 1/2] valid", "[epoch 2/2] train", "[epoch 2/2] valid"]
    assert all("Loss " in line for line in lines[:4])
    text = "\n".join(lines[4:])
    assert "Learner Summary" in text and "Total Epochs: 2" in text
    rows = [line for line in lines if line.startswith("| Train") or line.startswith("| Valid")]
    assert len(rows) == 2 and all("Loss" in row for row in rows)
    assert "Learner Summary" in (tmp_path / "experiment.log").read_text()


def test_learner_summary_table_min_max() -> None:
    store = MetricStore()
    for epoch, (t, v) in enumerate([(0.9, 1.0), (0.5, 0.7), (0.6, 0.004)], start=1):
        store.record(Split.Train, "Loss", epoch, t)
        store.record(Split.Valid, "Loss", epoch, v)
    summary = LearnerSummary.from_store(store, 3)
    assert [(m.min, m.min_epoch, m.max, m.max_epoch) for m in summary.train] == [
        (0.5, 2, 0.9, 1)]
    lines = str(summary).splitlines()
    assert lines[0] == "=" * 24 + " Learner Summary " + "=" * 24
    assert "| Valid | Loss   | 4.000e-03| 3        | 1.000    | 1        |" in lines


# --- outputs, adaptation and builder errors --------------------------------------------------

def test_outputs_adapt_to_metric_inputs_off_the_tape(ad_backend: Any) -> None:
    B = ad_backend.B
    logits = Tensor[B].from_data([[1.0, 2.0, 0.5], [0.1, 0.2, 3.0]], ad_backend.device)
    logits = logits.require_grad() * 2.0
    targets = Tensor[B, Int].from_data([1, 2], ad_backend.device)
    output = ClassificationOutput(logits.sum(), logits, targets)
    loss = output.adapt(LossInput).tensor
    assert type(loss).backend is B.inner        # cut from the graph, as Burn's sync
    acc = output.adapt(AccuracyInput)
    assert type(acc.outputs).backend is B.inner
    stats = output.adapt(ConfusionStatsInput)
    assert stats.targets.to_data().to_numpy().tolist() == [[False, True, False],
                                                          [False, False, True]]
    with pytest.raises(TypeError, match="ClassificationOutput.adapt: cannot give a "
                                        "HammingScoreInput"):
        output.adapt(HammingScoreInput)
    multi = MultiLabelClassificationOutput(
        logits.sum(), logits, Tensor[B, Int].from_data([[0, 1, 1], [1, 0, 0]], ad_backend.device))
    hamming = multi.adapt(HammingScoreInput)
    assert type(hamming.outputs).backend is B.inner and type(hamming.targets).backend is B.inner
    assert multi.adapt(ConfusionStatsInput).targets.to_data().to_numpy().tolist() == [
        [False, True, True], [True, False, False]]
    regression = RegressionOutput(logits.sum(), logits, logits)
    with pytest.raises(TypeError, match="RegressionOutput.adapt.*AccuracyInput"):
        regression.adapt(AccuracyInput)


def test_builder_refuses_bad_options(ad_backend: Any, tmp_path: Path) -> None:
    builder = LearnerBuilder(tmp_path)
    with pytest.raises(ValueError, match="devices: 2 devices need one process each.*torchrun --nproc_per_node 2"):
        builder.devices([ad_backend.device, ad_backend.device])
    with pytest.raises(ValueError, match="num_epochs: expected an integer >= 1, got 0"):
        builder.num_epochs(0)
    with pytest.raises(TypeError, match="metric_train_numeric: expected a metric"):
        builder.metric_train_numeric(object())
    with pytest.raises(TypeError, match="with_file_checkpointer|FileCheckpointer: expected a "
                                        "file recorder"):
        builder.with_file_checkpointer(object())
    builder.metric_valid_numeric(LossMetric())
    with pytest.raises(ValueError, match="metric_valid: a metric named 'Loss' is already"):
        builder.metric_valid(LossMetric())
    builder.metric_train_numeric(LossMetric())    # the other split has its own
    with pytest.raises(TypeError, match="needs a step"):
        builder.build(LinearConfig(2, 2).init(ad_backend.device), AdamConfig().init(), 1e-3)


def test_renderer_receives_states_and_progress(ad_backend: Any, tmp_path: Path) -> None:
    seen: list[Any] = []

    class Spy(NoneRenderer):
        def update_train(self, state: MetricState) -> None:
            seen.append(state)

        def render_train(self, item: TrainingProgress) -> None:
            seen.append(item)

    train, valid = loaders(ad_backend)
    (LearnerBuilder(tmp_path).metric_train_numeric(LossMetric()).renderer(Spy()).num_epochs(1)
     .devices([ad_backend.device])
     .build(classifier(ad_backend), AdamConfig().init(), 1e-2).fit(train, valid))
    states = [s for s in seen if isinstance(s, MetricState)]
    progress = [p for p in seen if isinstance(p, TrainingProgress)]
    assert [p.progress.items_processed for p in progress] == [16, 32, 48, 64]
    assert all(p.progress.items_total == 64 and p.epoch_total == 1 for p in progress)
    assert all(s.numeric is not None and s.numeric.count == 16 for s in states)
    assert states[0].entry.formatted.startswith("epoch ")


def test_metric_loggers_replace_the_files(ad_backend: Any, tmp_path: Path) -> None:
    from pyburn.train import InMemoryMetricLogger
    memory = InMemoryMetricLogger()
    train, valid = loaders(ad_backend)
    (LearnerBuilder(tmp_path).metric_train_numeric(LossMetric())
     .metric_valid_numeric(LossMetric()).metric_loggers(memory).renderer(NoneRenderer())
     .with_application_logger(None).num_epochs(2)
     .build(classifier(ad_backend), AdamConfig().init(), 1e-2).fit(train, valid))
    assert sorted(memory.values) == [("train", 1, "Loss"), ("train", 2, "Loss"),
                                     ("valid", 1, "Loss"), ("valid", 2, "Loss")]
    assert len(memory.values[("train", 2, "Loss")]) == 4 + 1   # the batches, then the final line
    assert not tmp_path.exists() or tree(tmp_path) == []
    with pytest.raises(TypeError, match="metric_loggers: expected loggers with log"):
        LearnerBuilder(tmp_path).metric_loggers(object())


def test_resume_reads_exact_epoch_values_from_the_logs(tmp_path: Path) -> None:
    """A resumed run's store gets each epoch's exact value: the "value,final" line when the log
    has one (precision/recall are ratios of summed counts, not means of batch values), else the
    item-weighted mean, where an all-padding batch ("nan,0") weighs nothing."""
    from pyburn.train.store import MetricStore
    folder = tmp_path / "valid" / "epoch-1"
    folder.mkdir(parents=True)
    (folder / "Precision.log").write_text("0.5,2\n1.0,1\n0.4,final\n")
    (folder / "Accuracy.log").write_text("0.5,2\nnan,0\n0.25,2\n")
    store = MetricStore()
    store.load_logs(tmp_path, 1, {"valid": ["Precision", "Accuracy"]})
    assert store.find_metric("Precision", 1, Aggregate.Mean, Split.Valid) == 0.4
    assert store.find_metric("Accuracy", 1, Aggregate.Mean, Split.Valid) == 0.375


def test_an_error_in_training_closes_the_renderer_and_propagates(ad_backend: Any,
                                                                  tmp_path: Path) -> None:
    """A failing batch (here: the loader raises) ends the renderer before the error escapes, so
    a live dashboard gives the terminal back even when the caller catches the error."""
    train, valid = loaders(ad_backend)

    def failing() -> Any:
        for i, batch in enumerate(train):
            if i == 1:
                raise ValueError("a bad batch")
            yield batch

    renderer = RecordingRenderer()
    learner = (LearnerBuilder(tmp_path).renderer(renderer).with_application_logger(None)
               .num_epochs(1).build(classifier(ad_backend), SgdConfig().init(), 0.1))
    with pytest.raises(ValueError, match="a bad batch"):
        learner.fit(failing(), valid)
    assert renderer.ended == [None]
