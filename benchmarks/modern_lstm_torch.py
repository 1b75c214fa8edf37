"""The modern-lstm network written directly in PyTorch: the reference for pyburn's example.

Same sizes (input 1, hidden 32, 2 layers, bidirectional: 27,457 parameters), same initialization
rules (Xavier-normal fused gates, forget-gate bias 1.0, torch's default Linear head), same data
(`examples.modern_lstm.dataset`, same seeds, same per-epoch shuffles), same hyperparameters (Adam
lr 1e-3 with Burn's epsilon 1e-5, gradient norm clipping at 1.0, batch 32, MSE, 30 epochs). It
prints the final validation MSE and the seconds per epoch.

Clipping: Burn (and so pyburn) clips each parameter's gradient to norm 1.0 separately, which
is what this script does by default (``clip_grad_norm_`` called per parameter);
``--clip global`` uses ``clip_grad_norm_`` over all parameters at once, PyTorch's usual way.

    python benchmarks/modern_lstm_torch.py                 # PyTorch only
    python benchmarks/modern_lstm_torch.py --compare       # + pyburn on NumPy and on Torch
                                                           #   (eager and under pyburn.jit)
    python benchmarks/modern_lstm_torch.py --compare --no-eager   # PyTorch + the jit rows only
    python benchmarks/modern_lstm_torch.py --compare --epochs 5
    python benchmarks/modern_lstm_torch.py --compare --threads 1

``--threads`` sets ``torch.set_num_threads`` for the whole process, so it applies to the
PyTorch reference and to pyburn's Torch backend alike. The ops here are tiny ([32, 32] @
[32, 128]); on a busy machine torch's intra-op threads mostly wait for each other, and one
thread can be several times faster than the default.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from examples.modern_lstm.dataset import (NUM_SEQUENCES, RANDOM_SEED,  # noqa: E402
                                          SequenceDataset)

HIDDEN = 32
LAYERS = 2
DROPOUT = 0.1
LR = 1e-3
EPS = 1e-5          # Burn's Adam epsilon (torch's default is 1e-8)
MAX_NORM = 1.0
BATCH = 32
EPOCHS = 30


class LstmCell(nn.Module):
    """pyburn's `LstmCell`: fused ``[i, f, g, o]`` gates, LayerNorm on the input projection, the
    cell and the hidden state, dropout on the hidden output."""

    def __init__(self, input_size: int, hidden_size: int, dropout: float) -> None:
        super().__init__()
        h4 = 4 * hidden_size
        self.weight_ih = nn.Linear(input_size, h4)
        self.weight_hh = nn.Linear(hidden_size, h4)
        for linear in (self.weight_ih, self.weight_hh):
            fan_in, fan_out = linear.in_features, linear.out_features
            std = math.sqrt(2.0 / (fan_in + fan_out))   # Burn's XavierNormal, weight and bias
            with torch.no_grad():
                linear.weight.normal_(0.0, std)
                linear.bias.normal_(0.0, std)
                linear.bias[hidden_size:2 * hidden_size] = 1.0   # forget gate
        self.norm_x = nn.LayerNorm(h4)
        self.norm_h = nn.LayerNorm(hidden_size)
        self.norm_c = nn.LayerNorm(hidden_size)
        self.dropout = nn.Dropout(dropout)

    def forward(self, gates_x: torch.Tensor,
                state: tuple[torch.Tensor, torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
        """`gates_x` is ``norm_x(weight_ih(x_t))``; `state` and the result are (cell, hidden)."""
        cell, hidden = state
        gates = gates_x + self.weight_hh(hidden)
        i, f, g, o = gates.chunk(4, 1)
        c = self.norm_c(torch.sigmoid(f) * cell + torch.sigmoid(i) * torch.tanh(g))
        h = self.dropout(self.norm_h(torch.sigmoid(o) * torch.tanh(c)))
        return c, h


class StackedLstm(nn.Module):
    def __init__(self, input_size: int, hidden_size: int, num_layers: int,
                 dropout: float) -> None:
        super().__init__()
        self.hidden_size = hidden_size
        self.layers = nn.ModuleList(
            LstmCell(input_size if i == 0 else hidden_size, hidden_size,
                     dropout if i < num_layers - 1 else 0.0)
            for i in range(num_layers))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        batch, seq, _ = x.shape
        for layer in self.layers:
            assert isinstance(layer, LstmCell)
            zeros = x.new_zeros(batch, self.hidden_size)
            state = (zeros, zeros)
            gates_x = layer.norm_x(layer.weight_ih(x))      # the whole sequence at once
            hidden = []
            for t in range(seq):
                state = layer(gates_x[:, t], state)
                hidden.append(state[1])
            x = torch.stack(hidden, 1)
        return x


class LstmNetwork(nn.Module):
    def __init__(self, input_size: int = 1, hidden_size: int = HIDDEN, num_layers: int = LAYERS,
                 output_size: int = 1, dropout: float = DROPOUT,
                 bidirectional: bool = True) -> None:
        super().__init__()
        self.stacked_lstm = StackedLstm(input_size, hidden_size, num_layers, dropout)
        self.reverse_lstm = (StackedLstm(input_size, hidden_size, num_layers, dropout)
                             if bidirectional else None)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(hidden_size * (2 if bidirectional else 1), output_size)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.stacked_lstm(x)
        if self.reverse_lstm is not None:
            out = torch.cat([out, self.reverse_lstm(x.flip(1)).flip(1)], 2)
        return self.fc(self.dropout(out)[:, -1])


def to_tensors(dataset: SequenceDataset) -> tuple[torch.Tensor, torch.Tensor]:
    items = [dataset[i] for i in range(dataset.len())]
    x = torch.tensor([item.sequence for item in items], dtype=torch.float32).unsqueeze(-1)
    y = torch.tensor([[item.target] for item in items], dtype=torch.float32)
    return x, y


@dataclass
class Result:
    name: str
    valid_loss: float          # after the last epoch
    best_valid_loss: float     # the lowest over the epochs (the last one is noisy at lr 1e-3)
    seconds_per_epoch: float   # mean over the epochs after the first (warm-up)
    params: int


def train_torch(epochs: int, clip: Literal["per-param", "global"] = "per-param",
                num_sequences: int = NUM_SEQUENCES, log: bool = True) -> Result:
    torch.manual_seed(RANDOM_SEED)
    model = LstmNetwork()
    x_train, y_train = to_tensors(SequenceDataset.train(num_sequences))
    x_valid, y_valid = to_tensors(SequenceDataset.valid(num_sequences // 5))
    optim = torch.optim.Adam(model.parameters(), lr=LR, eps=EPS)
    loss_fn = nn.MSELoss()
    params = list(model.parameters())
    times: list[float] = []
    valid_losses: list[float] = []
    valid_loss = float("nan")
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        model.train()
        train_loss = 0.0
        # The pyburn DataLoader's order: default_rng([seed, epoch]).permutation(n), epoch from 0.
        order = np.random.default_rng([RANDOM_SEED, epoch - 1]).permutation(len(x_train))
        for lo in range(0, len(order), BATCH):
            rows = torch.from_numpy(order[lo:lo + BATCH])
            loss = loss_fn(model(x_train[rows]), y_train[rows])
            optim.zero_grad()
            loss.backward()
            if clip == "global":
                nn.utils.clip_grad_norm_(params, MAX_NORM)
            else:
                for p in params:
                    nn.utils.clip_grad_norm_(p, MAX_NORM)
            optim.step()
            train_loss += loss.item() * len(rows)
        model.eval()
        with torch.no_grad():
            valid_loss = 0.0
            valid_order = np.random.default_rng([RANDOM_SEED, epoch - 1]).permutation(len(x_valid))
            for lo in range(0, len(valid_order), BATCH):
                rows = torch.from_numpy(valid_order[lo:lo + BATCH])
                valid_loss += loss_fn(model(x_valid[rows]), y_valid[rows]).item() * len(rows)
            valid_loss /= len(x_valid)
            valid_losses.append(valid_loss)
        times.append(time.perf_counter() - start)
        if log:
            print(f"[torch] Epoch {epoch}/{epochs}, Avg Loss {train_loss / len(x_train):.4f}, "
                  f"Avg Val Loss: {valid_loss:.4f} ({times[-1]:.2f} s)", flush=True)
    per_epoch = float(np.mean(times[1:] or times))
    return Result("PyTorch (direct)", valid_loss, min(valid_losses), per_epoch,
                  sum(p.numel() for p in params))


def train_pyburn(backend_name: str, epochs: int, artifact_dir: Path) -> Result:
    from examples.modern_lstm.training import default_config, train
    from pyburn.backend import Autodiff, by_name

    plain = by_name(backend_name)
    reason = plain.unavailable_reason()
    if reason is not None:
        raise RuntimeError(f"pyburn {backend_name} backend unavailable: {reason}")
    B = Autodiff.of(plain)   # Autodiff[plain]
    config = default_config().with_num_epochs(epochs)
    result = train(B, artifact_dir, config, progress=False,
                   log=lambda line: print(f"[pyburn {backend_name}] {line}", flush=True))
    history = result.history
    return Result(f"pyburn Autodiff<{plain!r}>", history.valid_loss[-1], min(history.valid_loss),
                  history.seconds_per_epoch(), result.model.num_params())


def train_pyburn_jit(backend_name: str, epochs: int) -> Result:
    """The example's training loop with its train and valid steps under `pyburn.jit`: same
    model, data, seeds and hyperparameters as `train_pyburn` (the example's own loop)."""
    from examples.modern_lstm.training import _loaders, build_model, default_config
    from pyburn.backend import Autodiff, by_name
    from pyburn.jit import jit
    from pyburn.nn.loss import MseLoss, Reduction
    from pyburn.optim import GradientsParams
    from pyburn.train import epoch_seed

    plain = by_name(backend_name)
    reason = plain.unavailable_reason()
    if reason is not None:
        raise RuntimeError(f"pyburn {backend_name} backend unavailable: {reason}")
    B = Autodiff.of(plain)
    config = default_config().with_num_epochs(epochs)
    device = B.default_device()
    B.seed(config.seed)
    model = build_model(config, device, B)
    optim = config.optimizer.init()
    loss_fn = MseLoss()
    loader_train, loader_valid = _loaders(config, B, device)

    @jit
    def train_step(model: Any, optim: Any, sequences: Any, targets: Any, lr: float) -> Any:
        loss = loss_fn.forward(model.forward(sequences), targets, Reduction.Mean)
        grads = GradientsParams.from_grads(loss.backward(), model)
        return optim.step(lr, model, grads), loss

    @jit
    def valid_step(model: Any, sequences: Any, targets: Any) -> Any:
        return loss_fn.forward(model.forward(sequences), targets, Reduction.Mean)

    times, valid_losses = [], []
    name = f"pyburn Autodiff<{plain!r}> (jit)"
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        B.seed(epoch_seed(config.seed, epoch))
        train_loss = 0.0
        for batch in loader_train:
            model, loss = train_step(model, optim, batch.sequences, batch.targets, config.lr)
            train_loss += loss.into_scalar() * batch.targets.dims()[0]
        valid_model = model.valid()
        valid_loss = 0.0
        for batch in loader_valid:
            loss = valid_step(valid_model, batch.sequences, batch.targets)
            valid_loss += loss.into_scalar() * batch.targets.dims()[0]
        times.append(time.perf_counter() - start)
        valid_losses.append(valid_loss / loader_valid.num_items())
        print(f"[{name}] Epoch {epoch}/{epochs}, Avg Loss "
              f"{train_loss / loader_train.num_items():.4f}, Avg Val Loss: {valid_losses[-1]:.4f} "
              f"({times[-1]:.2f} s; {train_step.stats()})", flush=True)
    per_epoch = float(np.mean(times[1:] or times))   # epoch 1 includes the traces
    return Result(name, valid_losses[-1], min(valid_losses), per_epoch, model.num_params())


def print_table(results: list[Result], epochs: int) -> None:
    print(f"\nmodern-lstm, {epochs} epochs, {NUM_SEQUENCES} train / {NUM_SEQUENCES // 5} valid, "
          f"torch {torch.__version__}, {torch.get_num_threads()} torch thread(s)")
    print(f"{'implementation':<32} {'params':>7} {'final valid MSE':>16} {'best valid MSE':>15} "
          f"{'s/epoch':>8} {'ratio':>6}")
    print(f"{'-' * 32} {'-' * 7} {'-' * 16} {'-' * 15} {'-' * 8} {'-' * 6}")
    reference = results[0].seconds_per_epoch
    for r in results:
        print(f"{r.name:<32} {r.params:>7} {r.valid_loss:>16.4f} {r.best_valid_loss:>15.4f} "
              f"{r.seconds_per_epoch:>8.2f} {r.seconds_per_epoch / reference:>5.2f}x")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--clip", choices=["per-param", "global"], default="per-param",
                        help="per-param: Burn's clipping (default); global: clip_grad_norm_ "
                             "over all parameters")
    parser.add_argument("--compare", action="store_true",
                        help="also train pyburn's example on NumPy and on Torch, then print a "
                             "comparison table")
    parser.add_argument("--no-eager", action="store_true",
                        help="with --compare: only the jitted pyburn rows (skip the eager ones)")
    parser.add_argument("--threads", type=int, default=None,
                        help="torch.set_num_threads for this process (default: torch's choice)")
    parser.add_argument("--artifact-dir", default="artifacts/modern_lstm_compare",
                        help="where --compare's pyburn runs write (one subfolder per backend)")
    args = parser.parse_args(argv)
    if args.threads is not None:
        torch.set_num_threads(args.threads)
        # NumPy's BLAS too (pyburn's NumPy rows): on a busy machine its threads otherwise spin
        # waiting for each other, and a [32, 32] @ [32, 128] matmul takes milliseconds.
        try:
            from threadpoolctl import threadpool_limits  # installed with scikit-learn (dev)
            threadpool_limits(args.threads)
        except ImportError:
            print("note: threadpoolctl is not installed; NumPy's BLAS threads are not limited")
    results = [train_torch(args.epochs, args.clip)]
    if args.compare:
        for name in ("numpy", "torch"):
            if not args.no_eager:
                results.append(train_pyburn(name, args.epochs, Path(args.artifact_dir) / name))
            results.append(train_pyburn_jit(name, args.epochs))
    print_table(results, args.epochs)


if __name__ == "__main__":
    main()
