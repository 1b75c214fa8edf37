"""The Burn Book guide (``examples/guide``) against the same network in plain PyTorch, on the
same data: validation accuracy and seconds per epoch.

Rows: ``PyTorch (direct)`` -- ``torch.nn`` layers (two 3 x 3 convolutions, adaptive average
pooling to 8 x 8, dropout 0.5, linear 1024 -> 512 -> 10, ReLU) with the same forward, batches,
Adam and learning rate as the guide; ``pyburn Autodiff[NumPy]`` and ``pyburn Autodiff[Torch]``
-- the guide's own ``train`` (the Learner by default, ``--loop custom`` for the hand-written
loop). Every row trains from its own seeded initialization on the guide's default data
(scikit-learn's digits at 28 x 28: 1,438 training and 359 validation images), so accuracies
agree to within a point or two, not exactly. An epoch's time includes its validation pass; the
mean leaves out the first epoch (warm-up). ``--threads N`` (default: all cores) sets torch's
intra-op threads and, through the environment before NumPy is imported, the BLAS threads.

Usage::

    python3 benchmarks/guide_torch.py              # 10 epochs, every row
    python3 benchmarks/guide_torch.py --quick      # 1 epoch on a slice: a smoke test
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true",
                   help="1 epoch on 256 training and 128 validation images")
    p.add_argument("--epochs", type=int, default=None, help="epochs per row (default 10)")
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--loop", choices=["learner", "custom"], default="learner",
                   help="how the pyburn rows train (default: the Learner)")
    p.add_argument("--rows", default="torch,numpy,pyburn-torch",
                   help="comma-separated rows: torch (plain PyTorch), numpy, pyburn-torch")
    return p.parse_args(argv)


ARGS = parse_args() if __name__ == "__main__" else parse_args([])
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, str(ARGS.threads))

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from examples.guide import default_config, train  # noqa: E402
from examples.guide.data import digits_dataset  # noqa: E402
from pyburn.backend import NumPy, Torch  # noqa: E402
from pyburn.data import InMemDataset  # noqa: E402
from pyburn.data.vision import MnistItem  # noqa: E402


class TorchModel(torch.nn.Module):
    """The guide's model in ``torch.nn``, with the guide's forward."""

    def __init__(self, num_classes: int, hidden_size: int, dropout: float) -> None:
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 8, 3)
        self.conv2 = torch.nn.Conv2d(8, 16, 3)
        self.pool = torch.nn.AdaptiveAvgPool2d((8, 8))
        self.dropout = torch.nn.Dropout(dropout)
        self.linear1 = torch.nn.Linear(16 * 8 * 8, hidden_size)
        self.linear2 = torch.nn.Linear(hidden_size, num_classes)
        self.activation = torch.nn.ReLU()

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        batch_size, height, width = images.shape
        x = images.reshape(batch_size, 1, height, width)
        x = self.dropout(self.conv1(x))
        x = self.activation(self.dropout(self.conv2(x)))
        x = self.pool(x).reshape(batch_size, 16 * 8 * 8)
        x = self.activation(self.dropout(self.linear1(x)))
        return self.linear2(x)


def tensors(items: list[MnistItem]) -> tuple[torch.Tensor, torch.Tensor]:
    """The guide batcher's normalization, on the whole split at once."""
    images = np.stack([item.image for item in items]).astype(np.float32)
    images = ((images / 255.0) - 0.1307) / 0.3081
    return (torch.from_numpy(images), torch.tensor([item.label for item in items]))


def run_torch(train_items: list[MnistItem], test_items: list[MnistItem], epochs: int
              ) -> tuple[float, list[float]]:
    config = default_config("digits")
    torch.manual_seed(config.seed)
    model = TorchModel(10, config.model.hidden_size, config.model.dropout)
    # pyburn's AdamConfig defaults are Burn's: betas (0.9, 0.999), epsilon 1e-5
    optim = torch.optim.Adam(model.parameters(), lr=config.learning_rate, eps=1e-5)
    x_train, y_train = tensors(train_items)
    x_test, y_test = tensors(test_items)
    generator = torch.Generator().manual_seed(config.seed)
    seconds, accuracy = [], 0.0
    for _ in range(epochs):
        start = time.perf_counter()
        model.train()
        for index in torch.randperm(len(y_train), generator=generator).split(config.batch_size):
            loss = torch.nn.functional.cross_entropy(model(x_train[index]), y_train[index])
            optim.zero_grad()
            loss.backward()
            optim.step()
        model.eval()
        with torch.no_grad():
            correct = sum(int((model(x_test[i]).argmax(1) == y_test[i]).sum())
                          for i in torch.arange(len(y_test)).split(config.batch_size))
        accuracy = 100.0 * correct / len(y_test)
        seconds.append(time.perf_counter() - start)
    return accuracy, seconds


def run_pyburn(backend: Any, train_items: list[MnistItem], test_items: list[MnistItem],
               epochs: int) -> tuple[float, list[float]]:
    config = default_config("digits").with_num_epochs(epochs)
    with tempfile.TemporaryDirectory() as artifact_dir:
        result = train(artifact_dir, config, backend.default_device(), InMemDataset(train_items),
                       InMemDataset(test_items), loop=ARGS.loop, log=lambda line: None)
    return result.valid_accuracy[-1], result.epoch_seconds


def mean_after_warmup(seconds: list[float]) -> float:
    times = seconds[1:] or seconds
    return sum(times) / len(times)


def main() -> None:
    torch.set_num_threads(ARGS.threads)
    epochs = ARGS.epochs if ARGS.epochs is not None else (1 if ARGS.quick else 10)
    train_items, test_items = list(digits_dataset("train")), list(digits_dataset("test"))
    if ARGS.quick:
        train_items, test_items = train_items[:256], test_items[:128]
    rows = {"torch": ("PyTorch (direct)", lambda: run_torch(train_items, test_items, epochs)),
            "numpy": ("pyburn Autodiff[NumPy]",
                      lambda: run_pyburn(NumPy, train_items, test_items, epochs)),
            "pyburn-torch": ("pyburn Autodiff[Torch]",
                             lambda: run_pyburn(Torch, train_items, test_items, epochs))}
    results = []
    for key in ARGS.rows.split(","):
        if key not in rows:
            sys.exit(f"--rows: unknown row {key!r}; expected torch, numpy or pyburn-torch")
        name, run = rows[key]
        accuracy, seconds = run()
        results.append((name, accuracy, mean_after_warmup(seconds), sum(seconds)))
    print(f"\nguide model on digits 28x28: {len(train_items)} train / {len(test_items)} valid "
          f"images, {epochs} epoch(s), batch 64, Adam lr 1e-3, {ARGS.threads} thread(s), "
          f"pyburn loop: {ARGS.loop}")
    print(f"{'row':<26}{'valid accuracy':>16}{'s/epoch':>10}{'total s':>10}")
    for name, accuracy, per_epoch, total in results:
        print(f"{name:<26}{accuracy:>15.2f}%{per_epoch:>10.2f}{total:>10.1f}")


if __name__ == "__main__":
    main()
