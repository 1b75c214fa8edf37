"""Training (Burn's ``examples/modern-lstm/src/training.rs``): a custom loop, no `Learner`.

Adam with per-parameter gradient clipping (norm 1.0), learning rate 1e-3, batches of 32, MSE loss,
30 epochs; after every epoch the model is validated through ``model.valid()`` (the inner backend:
no tape, dropout off). The artifacts land in `artifact_dir`: ``config.json`` (the
`TrainingConfig`, model config included), ``model.mpk`` (`CompactRecorder`, half precision) and
``history.json`` (losses and seconds per epoch).

Every epoch also writes a checkpoint, ``checkpoint/model-N.mpk`` and ``checkpoint/optim-N.mpk``
(full precision, the last two kept, written atomically) and ``history.json``, so a crash loses at
most one epoch: ``train(..., resume=True)`` (``--resume``) continues after the last checkpoint
and ends bit-identical to an uninterrupted run, because each epoch's data order and dropout
masks depend only on the seed and the epoch number (the same rule as `pyburn.train.Learner`).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Literal

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task,
                           TextColumn, TimeRemainingColumn)
from rich.text import Text

from pyburn.config import Config
from pyburn.data import DataLoader, DataLoaderBuilder
from pyburn.nn.loss import MseLoss, Reduction
from pyburn.optim import AdamConfig, GradientClippingConfig, GradientsParams
from pyburn.record import CompactRecorder, NamedMpkFileRecorder
from pyburn.train import epoch_seed

from .dataset import NUM_SEQUENCES, RANDOM_SEED, SequenceBatch, SequenceBatcher, SequenceDataset
from .model import LstmNetworkConfig
from .model_nn import NnLstmNetworkConfig

__all__ = ["TrainingConfig", "LossHistory", "TrainingResult", "default_config", "build_model",
           "train", "CONFIG_FILE", "MODEL_FILE", "HISTORY_FILE"]

CONFIG_FILE = "config.json"
MODEL_FILE = "model"          # the recorder adds ".mpk"
HISTORY_FILE = "history.json"
CHECKPOINT_DIR = "checkpoint"
KEEP_CHECKPOINTS = 2

ModelVariant = Literal["cells", "nn"]


class TrainingConfig(Config):
    """Burn's ``TrainingConfig``, plus the model variant, the seed and the dataset size (so that
    ``config.json`` alone says how to rebuild the model and its data)."""

    model: LstmNetworkConfig
    optimizer: AdamConfig
    num_epochs: int = 30
    batch_size: int = 32
    num_workers: int = 2
    lr: float = 1e-3
    seed: int = RANDOM_SEED
    num_sequences: int = NUM_SEQUENCES     # training items; validation gets a fifth
    model_variant: ModelVariant = "cells"  # "nn": NnLstmNetwork, from nn.Lstm / nn.BiLstm


def default_config() -> TrainingConfig:
    """The configuration of Burn's ``lstm-train``."""
    return TrainingConfig(
        LstmNetworkConfig(),
        AdamConfig(grad_clipping=GradientClippingConfig.Norm(1.0)),
    )


def build_model(config: TrainingConfig, device: Any, backend: Any = None) -> Any:
    """The (freshly initialized) model `config` describes, on `device`."""
    if config.model_variant == "nn":
        return NnLstmNetworkConfig.from_network(config.model).init(device, backend)
    return config.model.init(device, backend)


@dataclass
class LossHistory:
    """Average losses per epoch, and the wall-clock seconds each epoch took (train + valid)."""

    train_loss: list[float] = field(default_factory=list)
    valid_loss: list[float] = field(default_factory=list)
    epoch_seconds: list[float] = field(default_factory=list)
    backend: str = ""
    model_variant: str = "cells"

    def seconds_per_epoch(self) -> float:
        """The mean epoch time, leaving out the first epoch (warm-up) when there are others."""
        times = self.epoch_seconds[1:] or self.epoch_seconds
        return sum(times) / len(times) if times else float("nan")

    def save(self, path: Path) -> None:
        from pyburn.record.atomic import atomic_write
        data = {"backend": self.backend, "model_variant": self.model_variant,
                "train_loss": self.train_loss, "valid_loss": self.valid_loss,
                "epoch_seconds": self.epoch_seconds}
        atomic_write(path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))

    def truncated(self, epochs: int) -> "LossHistory":
        """The history of the first `epochs` epochs (a resumed run continues from there)."""
        return LossHistory(self.train_loss[:epochs], self.valid_loss[:epochs],
                           self.epoch_seconds[:epochs], self.backend, self.model_variant)

    @classmethod
    def load(cls, path: Path) -> "LossHistory":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls([float(v) for v in data["train_loss"]], [float(v) for v in data["valid_loss"]],
                   [float(v) for v in data["epoch_seconds"]], str(data.get("backend", "")),
                   str(data.get("model_variant", "cells")))


@dataclass
class TrainingResult:
    model: Any               # the trained model, on the Autodiff backend
    history: LossHistory


class ItemsPerSecondColumn(ProgressColumn):
    """Training speed in items (sequences) per second; rich's own speed column counts bytes."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("? items/s" if speed is None else f"{speed:,.0f} items/s", style="progress.data.speed")


def epoch_progress(console: Console | None = None, enabled: bool = True) -> Progress | None:
    """One rich progress bar per epoch (items, speed, ETA, running loss), drawn on a terminal only
    and cleared when the epoch ends; off a TTY (a log file, CI) the per-epoch lines say it all."""
    console = console if console is not None else Console(stderr=True)
    if not (enabled and console.is_terminal):
        return None
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("items"), ItemsPerSecondColumn(), TextColumn("ETA"),
                    TimeRemainingColumn(), TextColumn("loss {task.fields[loss]:.4f}"),
                    console=console, transient=True)


def _loaders(config: TrainingConfig, backend: Any, device: Any
             ) -> tuple[DataLoader[Any, SequenceBatch], DataLoader[Any, SequenceBatch]]:
    """Train and validation loaders, both shuffled with the seed (as Burn). The validation
    batches are built on the inner backend, where the validation model lives."""
    def builder(B: Any) -> DataLoaderBuilder[Any, SequenceBatch]:
        return (DataLoaderBuilder(SequenceBatcher(B)).batch_size(config.batch_size)
                .shuffle(config.seed).num_workers(config.num_workers)
                .set_device(device.on(B)))

    train = builder(backend).build(SequenceDataset.train(config.num_sequences))
    valid = builder(backend.inner).build(SequenceDataset.valid(config.num_sequences // 5))
    return train, valid


def last_checkpoint(artifact_dir: str | Path) -> int:
    """The last epoch whose checkpoint is complete (model, optimizer and history), or 0."""
    out = Path(artifact_dir)
    ckpt = out / CHECKPOINT_DIR
    history_path = out / HISTORY_FILE
    if not ckpt.is_dir() or not history_path.exists():
        return 0
    recorded = len(LossHistory.load(history_path).valid_loss)
    epochs = [int(p.stem.split("-")[1]) for p in ckpt.glob("model-*.mpk")
              if p.stem.split("-")[1].isdigit()]
    complete = [e for e in epochs if e <= recorded and (ckpt / f"optim-{e}.mpk").exists()]
    return max(complete, default=0)


def _save_checkpoint(out: Path, epoch: int, model: Any, optim: Any, history: LossHistory) -> None:
    """Optimizer first, model next, history last: `last_checkpoint` trusts an epoch only once
    all three are written, so a crash in between leaves the previous checkpoint in charge."""
    ckpt = out / CHECKPOINT_DIR
    ckpt.mkdir(parents=True, exist_ok=True)
    recorder = NamedMpkFileRecorder()
    optim.save_file(str(ckpt / f"optim-{epoch}"), recorder)
    model.save_file(str(ckpt / f"model-{epoch}"), recorder)
    history.save(out / HISTORY_FILE)
    for old in range(epoch - KEEP_CHECKPOINTS, 0, -1):
        for kind in ("model", "optim"):
            (ckpt / f"{kind}-{old}.mpk").unlink(missing_ok=True)


def train(backend: Any, artifact_dir: str | Path, config: TrainingConfig | None = None,
          device: Any = None, *, progress: bool = True, resume: bool = False,
          log: Callable[[str], None] = print, console: Console | None = None) -> TrainingResult:
    """Train on `backend` (an ``Autodiff[...]`` backend) and write the artifacts.

    `device` is a device of `backend` (default: its default device). Returns the trained model
    and the loss history; `log` receives the per-epoch lines. The progress bar is drawn on
    `console` (default: stderr) when it is a terminal and `progress` is true. With `resume`,
    training continues after the last complete checkpoint in `artifact_dir` (from the start when
    there is none), with the configuration saved there."""
    if not backend.is_autodiff():
        raise TypeError(f"train: the backend must be an Autodiff backend (Autodiff[{backend!r}]), "
                        f"got {backend!r}")
    out = Path(artifact_dir)
    start_epoch = last_checkpoint(out) if resume else 0
    if start_epoch:
        saved = TrainingConfig.load(out / CONFIG_FILE)
        if config is not None and config.with_num_epochs(saved.num_epochs) != saved:
            raise ValueError(f"train: resume needs the configuration saved in {out / CONFIG_FILE} "
                             f"(only num_epochs may change); got a different one")
        config = saved if config is None else config
    config = config if config is not None else default_config()
    device = backend.default_device() if device is None else device
    out.mkdir(parents=True, exist_ok=True)
    config.save(out / CONFIG_FILE)

    backend.seed(config.seed)
    model = build_model(config, device, backend)
    optim = config.optimizer.init()
    loss_fn = MseLoss()
    loader_train, loader_valid = _loaders(config, backend, device)
    history = LossHistory(backend=repr(backend), model_variant=config.model_variant)
    if start_epoch:
        recorder = NamedMpkFileRecorder()
        model = model.load_file(str(out / CHECKPOINT_DIR / f"model-{start_epoch}"), recorder)
        optim = optim.load_file(str(out / CHECKPOINT_DIR / f"optim-{start_epoch}"), recorder, model)
        history = LossHistory.load(out / HISTORY_FILE).truncated(start_epoch)
        loader_train.set_epoch(start_epoch)
        loader_valid.set_epoch(start_epoch)
        log(f"Resuming after epoch {start_epoch} from {out / CHECKPOINT_DIR}")

    log(f"Training {type(model).__name__} ({model.num_params()} parameters) on {backend!r} "
        f"({device}): {loader_train.num_items()} train / {loader_valid.num_items()} valid items, "
        f"{config.num_epochs} epoch{'s' if config.num_epochs != 1 else ''}")
    for epoch in range(start_epoch + 1, config.num_epochs + 1):
        start = time.perf_counter()
        backend.seed(epoch_seed(config.seed, epoch))  # dropout of epoch N: a function of (seed, N)
        bars = epoch_progress(console, progress)
        if bars is not None:
            bars.start()
            bar = bars.add_task(f"epoch {epoch}/{config.num_epochs}",
                                total=loader_train.num_items(), loss=float("nan"))
        train_loss, seen = 0.0, 0
        for batch in loader_train:
            output = model.forward(batch.sequences)
            loss = loss_fn.forward(output, batch.targets, Reduction.Mean)
            size = batch.targets.dims()[0]
            train_loss += loss.into_scalar() * size
            seen += size
            grads = GradientsParams.from_grads(loss.backward(), model)
            model = optim.step(config.lr, model, grads)
            if bars is not None:
                bars.update(bar, completed=seen, loss=train_loss / seen)
        if bars is not None:
            bars.stop()

        valid_model = model.valid()
        valid_loss = 0.0
        for batch in loader_valid:
            output = valid_model.forward(batch.sequences)
            loss = loss_fn.forward(output, batch.targets, Reduction.Mean)
            valid_loss += loss.into_scalar() * batch.targets.dims()[0]

        history.train_loss.append(train_loss / loader_train.num_items())
        history.valid_loss.append(valid_loss / loader_valid.num_items())
        history.epoch_seconds.append(time.perf_counter() - start)
        log(f"Epoch {epoch}/{config.num_epochs}, Avg Loss {history.train_loss[-1]:.4f}, "
            f"Avg Val Loss: {history.valid_loss[-1]:.4f} ({history.epoch_seconds[-1]:.2f} s)")
        _save_checkpoint(out, epoch, model, optim, history)

    model.save_file(str(out / MODEL_FILE), CompactRecorder())
    history.save(out / HISTORY_FILE)
    log(f"Final valid MSE {history.valid_loss[-1]:.4f}, {history.seconds_per_epoch():.2f} s/epoch; "
        f"artifacts in {out}")
    return TrainingResult(model, history)
