"""The training loop (Burn's ``Learner::fit``): epochs of training steps on the Autodiff model
and validation steps on ``model.valid()``, each batch's item adapted to every metric, the
metric entries sent to the renderer and the loggers, the epoch values kept in a `MetricStore`
that checkpointing, early stopping and the summary read.

Reproducibility across a resume: the data order of epoch ``e`` is a pure function of the
loader's seed and ``e`` (``DataLoader.set_epoch``), and the backend is reseeded at the start of
every epoch from ``(seed, e)``, so epoch ``e`` draws the same dropout masks whether the run
started at epoch 1 or was resumed from a checkpoint. The model, optimizer and scheduler come
from the checkpoint; with a full-precision recorder the resumed run ends bit-identical.

Data parallel (a `GradientSynchronizer` given, as `LearnerBuilder` does in a process group of
several ranks): every rank starts from rank 0's parameters and seed, averages its gradients with
the others' before each optimizer step, and reduces the epoch values of numeric metrics (an
item-weighted mean over ranks), so checkpointing and early stopping decide the same everywhere.
Only rank 0 saves checkpoints (the builder gives the other ranks no renderer, loggers or
application log).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import numpy as np

from ..metric.base import MetricEntry, MetricMetadata, NumericEntry, Progress, adapt
from ..renderer.base import EpochSummary, MetricState, TrainingProgress
from ..summary import LearnerSummary
from ..store import MetricStore, Split

__all__ = ["Learner", "RegisteredMetric", "epoch_seed"]

_LOG = logging.getLogger("pyburn.train")


@dataclass(frozen=True)
class RegisteredMetric:
    metric: Any
    numeric: bool


def epoch_seed(seed: int, epoch: int) -> int:
    """The backend seed of `epoch` in a run seeded with `seed`."""
    return int(np.random.SeedSequence([seed, epoch]).generate_state(1)[0])


def _backend_of(model: Any) -> Any:
    for param in model.params():
        cls = getattr(param, "tensor_cls", None)
        if cls is not None:
            return cls.backend
    return None


@dataclass
class _EpochEnd:
    """The state after an epoch, kept to checkpoint it if the next one is interrupted."""

    epoch: int
    model: Any
    optim: dict[str, Any] | None = None        # None: this epoch's checkpoint is on disk
    scheduler: dict[str, Any] | None = None


class Learner:
    """Built by `LearnerBuilder`; ``fit(dataloader_train, dataloader_valid)`` returns the trained
    model."""

    def __init__(self, *, model: Any, optimizer: Any, scheduler: Any, artifact_dir: Path,
                 num_epochs: int, train_metrics: list[RegisteredMetric],
                 valid_metrics: list[RegisteredMetric], checkpointer: Any, strategy: Any,
                 resume_epoch: int | None, early_stopping: Any, grad_accumulation: int | None,
                 renderer: Any, loggers: list[Any], summary: bool, app_logger: Any,
                 seed: int | None, synchronizer: Any = None) -> None:
        self.model, self.optim, self.scheduler = model, optimizer, scheduler
        self.artifact_dir = artifact_dir
        self.num_epochs = num_epochs
        self.metrics = {Split.Train: train_metrics, Split.Valid: valid_metrics}
        self.checkpointer, self.strategy = checkpointer, strategy
        self.resume_epoch = resume_epoch
        self.early_stopping = early_stopping
        self.grad_accumulation = grad_accumulation
        self.renderer, self.loggers = renderer, loggers
        self.with_summary, self.app_logger = summary, app_logger
        self.store = MetricStore()
        self.backend = _backend_of(model)
        if seed is None and self.backend is not None:
            seed = self._draw_seed(model)
        self.seed = seed
        self.synchronizer = synchronizer
        self._lr: float | None = None

    def _draw_seed(self, model: Any) -> int:
        """A run seed from the backend's generator, so ``B.seed(n)`` before `build` fixes it."""
        from pyburn import Tensor
        from pyburn.tensor import Distribution
        devices = model.devices()
        backend: Any = self.backend
        draw = Tensor[backend].random([1], Distribution.Uniform(0.0, 1.0),
                                           device=devices[0] if devices else None)
        return int(float(draw.into_scalar()) * 2**31)

    # --- fit ---------------------------------------------------------------------------------
    def fit(self, dataloader_train: Iterable[Any], dataloader_valid: Iterable[Any] | None = None
            ) -> Any:
        """Train for the configured epochs (from the resumed one) and return the model.

        Ctrl-C (KeyboardInterrupt) stops the run: the state of the last completed epoch is
        checkpointed (when a checkpointer is set and that epoch has none), the renderer is
        closed, and the KeyboardInterrupt is raised again with a note saying how to resume."""
        if self.app_logger is not None:
            self.app_logger.install()
        try:
            return self._fit(dataloader_train, dataloader_valid)
        finally:
            for logger in self.loggers:
                close = getattr(logger, "close", None)
                if close is not None:
                    close()
            if self.app_logger is not None:
                self.app_logger.uninstall()

    def _fit(self, loader_train: Iterable[Any], loader_valid: Iterable[Any] | None) -> Any:
        model, optim, scheduler = self.model, self.optim, self.scheduler
        start = 1
        if self.resume_epoch is not None:
            if self.checkpointer is None:
                raise ValueError("LearnerBuilder.checkpoint: resuming needs a checkpointer; call "
                                 "with_file_checkpointer(recorder) with the recorder of the run")
            model, optim, scheduler = self.checkpointer.restore(self.resume_epoch, model, optim,
                                                                scheduler)
            names = {split.value: [m.metric.name() for m in metrics if m.numeric]
                     for split, metrics in self.metrics.items()}
            self.store.load_logs(self.artifact_dir, self.resume_epoch, names)
            start = self.resume_epoch + 1
            _LOG.info("Resuming from the checkpoint of epoch %d", self.resume_epoch)
        if self.synchronizer is not None:
            model = self._start_data_parallel(model, loader_train)
        for loader in (loader_train, loader_valid):
            set_epoch = getattr(loader, "set_epoch", None)
            if set_epoch is not None:
                set_epoch(start - 1)
        _LOG.info("Fitting the model: epochs %d to %d", start, self.num_epochs)
        last = _EpochEnd(start - 1, model)
        epoch = start - 1
        try:
            for epoch in range(start, self.num_epochs + 1):
                if self.seed is not None and self.backend is not None:
                    self.backend.seed(self._epoch_seed(epoch))
                model = self._train_epoch(model, optim, scheduler, loader_train, epoch)
                if loader_valid is not None:
                    self._valid_epoch(model, loader_valid, epoch)
                last = _EpochEnd(epoch, model)
                if self.checkpointer is not None and not self._checkpoint(epoch, model, optim,
                                                                          scheduler):
                    # not on disk: keep the state in case the next epoch is interrupted
                    last.optim, last.scheduler = optim.to_record(), scheduler.to_record()
                if self.early_stopping is not None and self.early_stopping.should_stop(
                        epoch, self.store):
                    _LOG.info("Early stopping after epoch %d", epoch)
                    break
        except KeyboardInterrupt as interrupt:
            self._on_interrupt(last, interrupt, epoch)
            self.renderer.on_train_end(self._summary_text(last.epoch))
            raise
        except BaseException:
            # Any other error (a bad batch, a shape error in the user's step): give the
            # terminal back before the traceback, even when the caller catches the error.
            self.renderer.on_train_end(None)
            raise
        if self.synchronizer is not None:   # rank 0's checkpoints are on disk for everyone
            from pyburn import distributed
            distributed.barrier()
        self.renderer.on_train_end(self._summary_text(epoch))
        _LOG.info("Training finished after epoch %d", epoch)
        return model

    def _on_interrupt(self, last: _EpochEnd, interrupt: KeyboardInterrupt, epoch: int) -> None:
        _LOG.warning("Interrupted during epoch %d", epoch)
        if self.synchronizer is not None:
            from pyburn import distributed
            if not distributed.is_main():
                return
        if self.checkpointer is None or last.epoch < 1:
            interrupt.add_note("pyburn.train: interrupted before any checkpoint was written")
            return
        if last.optim is not None and not self.checkpointer.exists(last.epoch):
            ckpt = self.checkpointer
            ckpt.recorder.record(last.optim, ckpt.directory / f"optim-{last.epoch}")
            ckpt.recorder.record(last.scheduler, ckpt.directory / f"scheduler-{last.epoch}")
            ckpt.recorder.record(last.model.into_record(), ckpt.directory / f"model-{last.epoch}")
        note = (f"pyburn.train: the checkpoint of epoch {last.epoch} is in "
                f"{str(self.checkpointer.directory)!r}; resume with "
                f"LearnerBuilder(...).checkpoint({last.epoch})")
        _LOG.warning(note)
        interrupt.add_note(note)

    # --- epochs ------------------------------------------------------------------------------
    def _train_epoch(self, model: Any, optim: Any, scheduler: Any, loader: Iterable[Any],
                     epoch: int) -> Any:
        from pyburn.optim import GradientsParams
        from pyburn.optim.accumulator import GradientsAccumulator
        _LOG.info("Executing training step for epoch %d", epoch)
        accumulator = GradientsAccumulator()
        accumulated = 0
        iterator, total = iter(loader), _items_total(loader)
        iteration = 0
        try:
            for batch in iterator:
                iteration += 1
                lr = scheduler.step()
                progress = _progress(iterator, iteration, total)
                output = model.step(batch)
                grads = output.grads
                if not isinstance(grads, GradientsParams):
                    grads = GradientsParams.from_grads(grads, model)
                if self.grad_accumulation is None:
                    model = optim.step(lr, model, self._synced(grads, model))
                else:
                    accumulator.accumulate(model, grads)
                    accumulated += 1
                    if accumulated >= self.grad_accumulation:
                        model = optim.step(lr, model, self._synced(accumulator.grads(), model))
                        accumulated = 0
                self._process(Split.Train, output.item, progress, epoch, iteration, lr)
        finally:
            _close(iterator)
        self._end_split(Split.Train, epoch)
        return model

    def _valid_epoch(self, model: Any, loader: Iterable[Any], epoch: int) -> None:
        _LOG.info("Executing validation step for epoch %d", epoch)
        valid = model.valid()
        iterator, total = iter(loader), _items_total(loader)
        iteration = 0
        try:
            for batch in iterator:
                iteration += 1
                progress = _progress(iterator, iteration, total)
                item = valid.valid_step(batch)
                self._process(Split.Valid, item, progress, epoch, iteration, None)
        finally:
            _close(iterator)
        self._end_split(Split.Valid, epoch)

    # --- metrics -----------------------------------------------------------------------------
    def _process(self, split: Split, item: Any, progress: Progress, epoch: int, iteration: int,
                 lr: float | None) -> None:
        metadata = MetricMetadata(progress, epoch, self.num_epochs, iteration, lr)
        update = self.renderer.update_train if split is Split.Train else self.renderer.update_valid
        for registered in self.metrics[split]:
            metric = registered.metric
            entry = metric.update(adapt(item, metric.input_type), metadata)
            update(MetricState(entry, metric.value() if registered.numeric else None))
            for logger in self.loggers:
                logger.log(split.value, epoch, entry)
        where = TrainingProgress(progress, epoch, self.num_epochs, iteration)
        if split is Split.Train:
            self.renderer.render_train(where)
        else:
            self.renderer.render_valid(where)

    def _end_split(self, split: Split, epoch: int) -> None:
        values: dict[str, float] = {}
        reduced = self._reduced_epoch_values(split)
        for registered in self.metrics[split]:
            metric = registered.metric
            if registered.numeric:
                value = reduced[metric.name()]
                values[metric.name()] = value
                self.store.record(split, metric.name(), epoch, value)
                final = NumericEntry(value, 0, final=True).serialize()
                for logger in self.loggers:   # read back on resume: the exact epoch value
                    logger.log(split.value, epoch, MetricEntry(metric.name(), final, final))
            metric.clear()
        for logger in self.loggers:
            end = getattr(logger, "end_epoch", None)
            if end is not None:
                end(split.value, epoch)
        if values:
            _LOG.info("Epoch %d %s: %s", epoch, split.value,
                      ", ".join(f"{k} {v:.6g}" for k, v in values.items()))
        self.renderer.on_epoch_end(EpochSummary(split.value, epoch, self.num_epochs, values))

    # --- data parallel -----------------------------------------------------------------------
    def _start_data_parallel(self, model: Any, loader_train: Iterable[Any]) -> Any:
        """Rank 0's parameters and run seed on every rank."""
        from pyburn import distributed
        if getattr(loader_train, "sampler", None) is None:
            _LOG.warning("Data parallel over %d ranks, but the training loader has no "
                         "DistributedSampler: every rank trains on the whole epoch (use "
                         "DataLoaderBuilder(...).distributed())", distributed.world_size())
        if self.seed is not None:
            self.seed = distributed.broadcast_int(self.seed)
        return distributed.broadcast_module(model, bucket_cap_mb=self.synchronizer.bucket_cap_mb)

    def _epoch_seed(self, epoch: int) -> int:
        """Rank 0 draws what one process would; other ranks draw their own dropout masks."""
        assert self.seed is not None
        rank = 0
        if self.synchronizer is not None:
            from pyburn import distributed
            rank = distributed.rank()
        if rank == 0:
            return epoch_seed(self.seed, epoch)
        return int(np.random.SeedSequence([self.seed, epoch, rank]).generate_state(1)[0])

    def _synced(self, grads: Any, model: Any) -> Any:
        return grads if self.synchronizer is None else self.synchronizer.sync(grads, model)

    def _reduced_epoch_values(self, split: Split) -> dict[str, float]:
        """Each numeric metric's epoch value; data parallel, the item-weighted mean over ranks
        (exact for mean metrics such as loss and accuracy; for ratio metrics such as precision
        the weighted mean of the ranks' ratios)."""
        entries = {r.metric.name(): r.metric.running_value() for r in self.metrics[split]
                   if r.numeric}
        if self.synchronizer is None or not entries:
            return {name: entry.value for name, entry in entries.items()}
        from pyburn import distributed
        flat: list[float] = []
        for entry in entries.values():   # a NaN/inf value (a diverged loss) stays visible
            flat += [entry.value * entry.count if entry.count else 0.0, float(entry.count)]
        sums = distributed.all_reduce_sum(flat)
        return {name: (sums[2 * i] / sums[2 * i + 1] if sums[2 * i + 1] else entry.value)
                for i, (name, entry) in enumerate(entries.items())}

    # --- checkpoints and summary -------------------------------------------------------------
    def _checkpoint(self, epoch: int, model: Any, optim: Any, scheduler: Any) -> bool:
        """Apply the strategy's actions for `epoch`; whether this epoch was saved."""
        if self.synchronizer is not None:
            from pyburn import distributed
            if not distributed.is_main():
                return False   # rank 0 writes; the other ranks hold the same state
        saved = False
        for action in self.strategy.checkpointing(epoch, self.store):
            if action.kind == "save":
                self.checkpointer.save(epoch, model, optim, scheduler)
                saved = True
            else:
                self.checkpointer.delete(action.epoch)
        return saved

    def _summary_text(self, epochs: int) -> str | None:
        if not self.with_summary:
            return None
        names = {split.value: [m.metric.name() for m in metrics if m.numeric]
                 for split, metrics in self.metrics.items()}
        text = str(LearnerSummary.from_store(self.store, epochs, names=names))
        _LOG.info("%s", text)
        return text


def _items_total(loader: Any) -> int | None:
    for attr in ("num_items", "__len__"):
        method = getattr(loader, attr, None)
        if method is not None:
            try:
                return int(method())
            except TypeError:
                continue
    return None


def _progress(iterator: Any, iteration: int, total: int | None) -> Progress:
    progress = getattr(iterator, "progress", None)
    if progress is not None:
        p = progress()
        return Progress(p.items_processed, p.items_total)
    return Progress(iteration, total if total is not None else iteration)


def _close(iterator: Any) -> None:
    close = getattr(iterator, "close", None)
    if close is not None:
        close()
