"""``LearnerBuilder(artifact_dir)`` (Burn's ``LearnerBuilder``): every option of the training run,
then ``build(model, optimizer, lr_scheduler)``. Setters return the builder for chaining."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Self

from ..checkpoint import (ComposedCheckpointingStrategy, FileCheckpointer, KeepLastNCheckpoints,
                          MetricCheckpointingStrategy)
from ..logger import FileApplicationLoggerInstaller, FileMetricLogger
from ..metric.base import Metric, Numeric
from ..metric.loss import LossMetric
from ..renderer.base import MetricsRenderer
from .base import Learner, RegisteredMetric
from ..store import Aggregate, Direction, Split

__all__ = ["LearnerBuilder"]

_UNSET: Any = object()


def _check_count(option: str, value: object, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"LearnerBuilder.{option}: expected an integer >= {minimum}, got "
                         f"{value!r}")
    return value


def _check_metric(option: str, metric: object, numeric: bool,
                  registered: list[RegisteredMetric]) -> None:
    if not isinstance(metric, Metric):
        raise TypeError(f"LearnerBuilder.{option}: expected a metric (name(), update(item, "
                        f"metadata), clear() and an input_type), got {type(metric).__name__}")
    if numeric and not isinstance(metric, Numeric):
        raise TypeError(f"LearnerBuilder.{option}: {type(metric).__name__} is not numeric (it "
                        "needs value(), running_value() and higher_is_better); register it with "
                        f"{option.replace('_numeric', '')} instead")
    name = metric.name()
    if any(r.metric.name() == name for r in registered):
        raise ValueError(f"LearnerBuilder.{option}: a metric named {name!r} is already "
                         f"registered for this split (its log file and epoch values would mix)")


def default_renderer() -> MetricsRenderer:
    """The live dashboard on a terminal, one line per epoch elsewhere (pipes, CI, logs); imported
    when needed, so building a Learner with an explicit renderer does not need `rich`."""
    from ..renderer import default_renderer as choose
    return choose()


class LearnerBuilder:
    """Configures a `Learner` writing its artifacts under `artifact_dir`:
    ``experiment.log``, ``checkpoint/``, ``train/epoch-N/`` and ``valid/epoch-N/``."""

    def __init__(self, artifact_dir: str | Path) -> None:
        self.artifact_dir = Path(artifact_dir)
        self._train: list[RegisteredMetric] = []
        self._valid: list[RegisteredMetric] = []
        self._recorder: Any = None
        self._num_epochs = 1
        self._grad_accumulation: int | None = None
        self._checkpoint: int | None = None
        self._early_stopping: Any = None
        self._strategy: Any = None
        self._devices: list[Any] | None = None
        self._renderer: Any = None
        self._loggers: list[Any] | None = None
        self._summary = False
        self._app_logger: Any = _UNSET
        self._seed: int | None = None
        self._bucket_cap_mb: float | None = None

    # --- metrics -----------------------------------------------------------------------------
    def metric_train(self, metric: Any) -> Self:
        """A metric shown and logged during training (not aggregated per epoch)."""
        _check_metric("metric_train", metric, False, self._train)
        self._train.append(RegisteredMetric(metric, numeric=False))
        return self

    def metric_valid(self, metric: Any) -> Self:
        _check_metric("metric_valid", metric, False, self._valid)
        self._valid.append(RegisteredMetric(metric, numeric=False))
        return self

    def metric_train_numeric(self, metric: Any) -> Self:
        """A numeric metric of training: logged, plotted, aggregated per epoch (for the summary,
        checkpointing and early stopping)."""
        _check_metric("metric_train_numeric", metric, True, self._train)
        self._train.append(RegisteredMetric(metric, numeric=True))
        return self

    def metric_valid_numeric(self, metric: Any) -> Self:
        _check_metric("metric_valid_numeric", metric, True, self._valid)
        self._valid.append(RegisteredMetric(metric, numeric=True))
        return self

    # --- the run -----------------------------------------------------------------------------
    def num_epochs(self, num_epochs: int) -> Self:
        self._num_epochs = _check_count("num_epochs", num_epochs, 1)
        return self

    def grad_accumulation(self, accumulation: int) -> Self:
        """Sum the gradients of `accumulation` batches before each optimizer step (Burn's
        accumulator sums: with a mean loss, divide the learning rate by `accumulation` to match
        one batch `accumulation` times larger). A remainder at the end of an epoch is dropped."""
        self._grad_accumulation = _check_count("grad_accumulation", accumulation, 1)
        return self

    def checkpoint(self, epoch: int) -> Self:
        """Resume: load the checkpoint of `epoch` and continue with epoch ``epoch + 1``."""
        self._checkpoint = _check_count("checkpoint", epoch, 1)
        return self

    def early_stopping(self, strategy: Any) -> Self:
        """Stop when ``strategy.should_stop(epoch, store)`` says so (e.g.
        `MetricEarlyStoppingStrategy`)."""
        if not callable(getattr(strategy, "should_stop", None)):
            raise TypeError(f"LearnerBuilder.early_stopping: expected a strategy with "
                            f"should_stop(epoch, store), got {type(strategy).__name__}")
        self._early_stopping = strategy
        return self

    def devices(self, devices: list[Any]) -> Self:
        """The devices to train on (Burn's ``devices(vec![...])``). One: the model is moved
        there. Several: data-parallel, one process per device, started by ``torchrun
        --nproc_per_node N`` or `pyburn.distributed.launch`; each process trains on
        ``devices[local_rank]`` (a process cannot drive another process's device)."""
        devices = list(devices)
        if not devices:
            raise ValueError("LearnerBuilder.devices: expected at least one device, got none")
        if len(devices) > 1:
            from pyburn import distributed
            if distributed.local_world_size() != len(devices):
                raise ValueError(
                    f"LearnerBuilder.devices: {len(devices)} devices need one process each, "
                    f"this machine has {distributed.local_world_size()} in the process group; "
                    f"start the program with `torchrun --nproc_per_node {len(devices)} ...` or "
                    f"pyburn.distributed.launch(main, {len(devices)})")
            devices = [devices[distributed.local_rank()]]
        self._devices = devices
        return self

    def data_parallel(self, bucket_cap_mb: float = 25.0) -> Self:
        """The gradient all-reduce's bucket size (torch DDP's ``bucket_cap_mb``; 0: one
        gradient per all-reduce). In a process group of several ranks the Learner is always
        data-parallel; this only tunes it."""
        from pyburn.distributed.grad_sync import check_bucket_cap
        self._bucket_cap_mb = check_bucket_cap("LearnerBuilder.data_parallel", bucket_cap_mb)
        return self

    def seed(self, seed: int) -> Self:
        """The seed epoch `e`'s backend seed is derived from (dropout masks and any other draw of
        the step). Without it, one is drawn from the backend when `build` runs, so ``B.seed(n)``
        before building makes the run reproducible."""
        self._seed = _check_count("seed", seed, 0)
        return self

    # --- outputs -----------------------------------------------------------------------------
    def with_file_checkpointer(self, recorder: Any) -> Self:
        """Write ``checkpoint/model-N``, ``optim-N``, ``scheduler-N`` with `recorder` (a full
        precision recorder makes resumed runs bit-identical; `CompactRecorder` halves floats)."""
        FileCheckpointer(recorder, self.artifact_dir / "checkpoint")   # checks the recorder
        self._recorder = recorder
        return self

    def with_checkpointing_strategy(self, strategy: Any) -> Self:
        """Which checkpoints to keep; the default keeps the last two and the best by validation
        loss (Burn's default)."""
        if not callable(getattr(strategy, "checkpointing", None)):
            raise TypeError(f"LearnerBuilder.with_checkpointing_strategy: expected a strategy "
                            f"with checkpointing(epoch, store), got {type(strategy).__name__}")
        self._strategy = strategy
        return self

    def renderer(self, renderer: Any) -> Self:
        if not isinstance(renderer, MetricsRenderer):
            raise TypeError(f"LearnerBuilder.renderer: expected a MetricsRenderer, got "
                            f"{type(renderer).__name__}")
        self._renderer = renderer
        return self

    def metric_loggers(self, *loggers: Any) -> Self:
        """Loggers receiving every metric entry, replacing the default `FileMetricLogger` of the
        artifact directory (resuming reads earlier epochs from that one's files)."""
        for logger in loggers:
            if not callable(getattr(logger, "log", None)):
                raise TypeError(f"LearnerBuilder.metric_loggers: expected loggers with "
                                f"log(split, epoch, entry), got {type(logger).__name__}")
        self._loggers = list(loggers)
        return self

    def summary(self) -> Self:
        """Print the `LearnerSummary` table when training ends."""
        self._summary = True
        return self

    def with_application_logger(self, installer: Any | None) -> Self:
        """Where ``logging`` records of pyburn go while fitting (default:
        ``<artifact_dir>/experiment.log``); None turns it off."""
        self._app_logger = installer
        return self

    # --- build -------------------------------------------------------------------------------
    def build(self, model: Any, optimizer: Any, lr_scheduler: Any) -> Learner:
        """The Learner for `model` (on an Autodiff backend, with ``step`` and ``valid_step``),
        `optimizer` and `lr_scheduler` (a scheduler or a constant learning rate)."""
        from pyburn.optim.lr_scheduler import as_lr_scheduler
        for method in ("step", "valid_step"):
            if not callable(getattr(model, method, None)):
                raise TypeError(f"LearnerBuilder.build: the model ({type(model).__name__}) needs "
                                f"a {method}(batch) method (TrainStep / ValidStep)")
        if not callable(getattr(optimizer, "step", None)):
            raise TypeError(f"LearnerBuilder.build: expected an optimizer, got "
                            f"{type(optimizer).__name__}")
        scheduler = as_lr_scheduler(lr_scheduler)
        if self._devices is not None:
            model = model.to_device(self._devices[0])
        checkpointer = None
        if self._recorder is not None:
            checkpointer = FileCheckpointer(self._recorder, self.artifact_dir / "checkpoint")
        strategy = self._strategy or (ComposedCheckpointingStrategy.builder()
                                      .add(KeepLastNCheckpoints(2))
                                      .add(MetricCheckpointingStrategy(
                                          LossMetric(), Aggregate.Mean, Direction.Lowest,
                                          Split.Valid))
                                      .build())
        app_logger = self._app_logger
        if app_logger is _UNSET:
            app_logger = FileApplicationLoggerInstaller(self.artifact_dir / "experiment.log")
        loggers = (self._loggers if self._loggers is not None
                   else [FileMetricLogger(self.artifact_dir)])
        renderer = self._renderer
        synchronizer = None
        from pyburn import distributed
        if distributed.world_size() > 1:
            from pyburn.distributed import DEFAULT_BUCKET_CAP_MB, GradientSynchronizer
            synchronizer = GradientSynchronizer(
                DEFAULT_BUCKET_CAP_MB if self._bucket_cap_mb is None else self._bucket_cap_mb)
            if not distributed.is_main():   # rank 0 alone writes logs and draws the dashboard
                from ..renderer.none import NoneRenderer
                renderer, loggers, app_logger = NoneRenderer(), [], None
        return Learner(
            model=model, optimizer=optimizer, scheduler=scheduler,
            artifact_dir=self.artifact_dir, num_epochs=self._num_epochs,
            train_metrics=list(self._train), valid_metrics=list(self._valid),
            checkpointer=checkpointer, strategy=strategy, resume_epoch=self._checkpoint,
            early_stopping=self._early_stopping, grad_accumulation=self._grad_accumulation,
            renderer=renderer or default_renderer(), loggers=loggers,
            summary=self._summary and distributed.is_main(), app_logger=app_logger,
            seed=self._seed, synchronizer=synchronizer)
