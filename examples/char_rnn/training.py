"""Training a character language model with the chapter's techniques, in a custom loop.

- truncated BPTT: the corpus as `batch_size` parallel streams (`TbpttStreams`), read in chunks
  of `seq_len`; the state is carried from chunk to chunk, detached (`StateCarrier`);
- Adam with per-parameter gradient-norm clipping; dropout before the output layer (and between
  the layers of ``deep-lstm``);
- `ReduceLrOnPlateau` halves the rate when the validation loss stops improving, and Burn's
  `MetricEarlyStoppingStrategy` ends the run when it has not improved for `early_stop` epochs.

An "epoch" here is `chunks_per_epoch` chunks (the streams continue where the previous epoch
stopped, and start over at the end of the text), then one pass over the validation text: short
epochs give the scheduler and early stopping something to react to within minutes. The best
model (lowest validation loss) is written to the artifact directory with its configuration
and vocabulary; every file is written atomically.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from pyburn import Int, Tensor
from pyburn.config import Config
from pyburn.data import CharVocab, TbpttStreams
from pyburn.data.text import split_ids
from pyburn.nn.loss import CrossEntropyLossConfig
from pyburn.optim import AdamConfig, GradientClippingConfig, GradientsParams
from pyburn.optim.lr_scheduler import ReduceLrOnPlateauConfig
from pyburn.record import NamedMpkFileRecorder
from pyburn.record.atomic import atomic_write
from pyburn.train import (MetricEarlyStoppingStrategy, MetricStore, Split, StateCarrier,
                          StoppingCondition)

from .model import CharRnn, CharRnnConfig

__all__ = ["TrainingConfig", "History", "TrainingResult", "train", "evaluate",
           "unigram_perplexity", "CONFIG_FILE", "VOCAB_FILE", "MODEL_FILE", "HISTORY_FILE"]

CONFIG_FILE, VOCAB_FILE, MODEL_FILE, HISTORY_FILE = ("config.json", "vocab.json", "model",
                                                     "history.json")


class TrainingConfig(Config):
    model: CharRnnConfig
    epochs: int = 10
    chunks_per_epoch: int = 50
    batch_size: int = 32
    seq_len: int = 64
    lr: float = 3e-3
    clip_norm: float = 1.0
    valid_fraction: float = 0.1
    plateau_factor: float = 0.5
    plateau_patience: int = 0
    early_stop: int = 3
    seed: int = 42


@dataclass
class History:
    train_loss: list[float] = field(default_factory=list)
    valid_loss: list[float] = field(default_factory=list)
    lr: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    unigram_perplexity: float = math.nan

    @property
    def best_valid_perplexity(self) -> float:
        return math.exp(min(self.valid_loss)) if self.valid_loss else math.nan

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=2)


@dataclass
class TrainingResult:
    model: CharRnn          # the best model, on the inner (plain) backend
    vocab: CharVocab
    history: History


def unigram_perplexity(train_ids: list[int], valid_ids: list[int], vocab_size: int) -> float:
    """The perplexity of the best model that ignores context: character frequencies of the
    training text (add-one smoothed), scored on the validation text. A language model must
    beat it to have learned anything about sequences."""
    counts = Counter(train_ids)
    total = len(train_ids) + vocab_size
    nll = -sum(math.log((counts[i] + 1) / total) for i in valid_ids) / max(1, len(valid_ids))
    return math.exp(nll)


def _cross_entropy(loss_fn: Any, logits: Any, targets: Any) -> Any:
    vocab = logits.dims()[2]
    return loss_fn.forward(logits.reshape([-1, vocab]), targets.reshape([-1]))


def evaluate(model: CharRnn, streams: TbpttStreams, backend: Any, device: Any) -> float:
    """The mean cross-entropy (nats per character) over all of `streams`, state carried."""
    loss_fn = CrossEntropyLossConfig().init(device)
    state, total, count = None, 0.0, 0
    for batch in streams.batches(backend, device):
        logits, state = model.forward(batch.inputs, state)
        n = batch.targets.num_elements()
        total += float(_cross_entropy(loss_fn, logits, batch.targets).into_scalar()) * n
        count += n
    return total / count


def train(backend: Any, text: str, config: TrainingConfig, artifact_dir: str | Path | None,
          device: Any = None, log: Callable[[str], None] = print) -> TrainingResult:
    """Train on `backend` (an Autodiff backend) and return the best model; with an
    `artifact_dir`, write config, vocabulary, history and the best model's record there."""
    if not backend.is_autodiff():
        raise TypeError(f"train: expected an Autodiff backend, got {backend!r}")
    device = device if device is not None else backend.default_device()
    inner, inner_device = backend.inner, device.on(backend.inner)
    backend.seed(config.seed)
    vocab = CharVocab.from_text(text)
    train_ids, valid_ids = split_ids(vocab.encode(text), config.valid_fraction)
    streams = TbpttStreams(train_ids, config.batch_size, config.seq_len)
    valid_batch = max(1, min(config.batch_size, len(valid_ids) // (config.seq_len + 1)))
    valid_streams = TbpttStreams(valid_ids, valid_batch, config.seq_len)
    model_config = config.model.with_vocab_size(len(vocab))
    model = model_config.init(device)
    optim = AdamConfig(grad_clipping=GradientClippingConfig.Norm(config.clip_norm)).init()
    scheduler = ReduceLrOnPlateauConfig(config.lr, factor=config.plateau_factor,
                                        patience=config.plateau_patience).init()
    store = MetricStore()
    stopper = MetricEarlyStoppingStrategy("Loss", split=Split.Valid,
                                          condition=StoppingCondition.NoImprovementSince(
                                              config.early_stop))
    loss_fn = CrossEntropyLossConfig().init(device)
    history = History(unigram_perplexity=unigram_perplexity(train_ids, valid_ids, len(vocab)))
    out = Path(artifact_dir) if artifact_dir is not None else None
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        config.with_model(model_config).save(out / CONFIG_FILE)
        vocab.save(out / VOCAB_FILE)
    log(f"{len(text):,} characters, {len(vocab)} distinct; {len(streams)} chunks of "
        f"{config.batch_size} x {config.seq_len} per pass; model {model_config.kind}, "
        f"{model.num_params():,} parameters; unigram baseline perplexity "
        f"{history.unigram_perplexity:.2f}")
    carry, chunk = StateCarrier(), 0
    best: CharRnn | None = None
    for epoch in range(1, config.epochs + 1):
        start, total, count = time.perf_counter(), 0.0, 0
        lr = scheduler.step()
        for _ in range(config.chunks_per_epoch):
            if chunk == len(streams):       # the end of the text: start over, from zeros
                chunk = 0
                carry.reset()
            inputs, targets = streams.chunk_ids(chunk)
            chunk += 1
            ids, tgt = _ints(backend, inputs, device), _ints(backend, targets, device)
            logits, state = model.forward(ids, carry.state)
            loss = _cross_entropy(loss_fn, logits, tgt)
            grads = GradientsParams.from_grads(loss.backward(), model)
            model = optim.step(scheduler.step(), model, grads)
            carry.update(state)             # detached: gradients stop at this boundary
            n = len(targets) * len(targets[0])
            total += float(loss.into_scalar()) * n
            count += n
        valid_model = model.valid()
        valid_loss = evaluate(valid_model, valid_streams, inner, inner_device)
        seconds = time.perf_counter() - start
        history.train_loss.append(total / count)
        history.valid_loss.append(valid_loss)
        history.lr.append(lr)
        history.seconds.append(seconds)
        store.record(Split.Valid, "Loss", epoch, valid_loss)
        improved = valid_loss <= min(history.valid_loss)
        if improved:
            best = valid_model
            if out is not None:
                valid_model.save_file(str(out / MODEL_FILE), NamedMpkFileRecorder())
        if out is not None:
            atomic_write(out / HISTORY_FILE, (history.to_json() + "\n").encode("utf-8"))
        log(f"epoch {epoch:2d}  train loss {total / count:.3f} (ppl {math.exp(total / count):6.2f})"
            f"  valid loss {valid_loss:.3f} (ppl {math.exp(valid_loss):6.2f})  lr {lr:.2e}  "
            f"{seconds:5.1f}s{'  *' if improved else ''}")
        if scheduler.observe(valid_loss):
            log(f"          validation loss on a plateau: learning rate -> {scheduler.lr:.2e}")
        if stopper.should_stop(epoch, store):
            log(f"          early stop: no improvement for {config.early_stop} epochs")
            break
    assert best is not None
    return TrainingResult(best, vocab, history)


def _ints(B: Any, rows: list[list[int]], device: Any) -> Any:
    return Tensor.of(B, Int).from_data(rows, device)
