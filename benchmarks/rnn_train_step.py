"""Simple-RNN training-step benchmark: pyburn's `Rnn` (fused ``rnn_sequence`` op, and the
per-step generic path) against ``torch.nn.RNN`` (issue 16).

One training step = the forward over the whole sequence and the backward through time, with
``loss = sum of outputs`` (every parameter's gradient is computed, no optimizer update);
``inference`` is the forward alone (plain backends / ``torch.no_grad``). Rows are timed in one
process, interleaved round-robin so that load on the machine hits them alike; each cell is the
minimum over the repeats (the least disturbed run: the machine is shared). Ratios compare rows
timed in the same run.

Rows: ``torch.nn.RNN`` (the baseline); ``Autodiff[Torch]`` / ``Autodiff[NumPy]`` -- `Rnn` on
its fused op (Torch: torch's own ``rnn_tanh`` kernel; NumPy: the xp kernel with manual BPTT);
``... generic`` -- the same with ``Rnn.fused = False`` (one autodiff node per step op).

Usage::

    python3 benchmarks/rnn_train_step.py --threads 1          # the table
    python3 benchmarks/rnn_train_step.py --quick --threads 1  # two shapes, few repeats
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

from _timing import Step, add_run_args, limit_blas_threads, print_header

SHAPES: list[tuple[int, ...]] = [(32, 32, 16, 128), (64, 50, 32, 256), (8, 16, 4, 32),
                                 (16, 100, 1, 64)]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="few repeats, two shapes")
    add_run_args(p, "timed runs per cell")
    return p.parse_args(argv)


ARGS = parse_args() if __name__ == "__main__" else parse_args([])
limit_blas_threads(ARGS.threads)

import numpy as np  # noqa: E402  (after the thread settings)
import torch  # noqa: E402

from pyburn import Tensor  # noqa: E402
from pyburn.backend import Autodiff, NumPy, Torch  # noqa: E402
from pyburn.nn import Rnn, RnnConfig  # noqa: E402


def torch_steps(shape: tuple[int, ...]) -> tuple[Step, Step]:
    batch, seq, d_in, hidden = shape
    torch.manual_seed(0)
    m = torch.nn.RNN(d_in, hidden, batch_first=True)
    x = torch.randn(batch, seq, d_in)

    def train() -> Any:
        y, _ = m(x)
        y.sum().backward()
        m.zero_grad(set_to_none=True)

    def infer() -> Any:
        with torch.no_grad():
            return m(x)[0]
    return train, infer


def pyburn_steps(B: Any, shape: tuple[int, ...]) -> tuple[Step, Step]:
    batch, seq, d_in, hidden = shape
    AD = Autodiff[B]
    B.seed(0)
    model = RnnConfig(d_in, hidden, True).init(AD.default_device())
    plain = model.valid()
    x_np = np.random.default_rng(0).standard_normal((batch, seq, d_in), np.float32)
    x = Tensor[AD].from_data(x_np, AD.default_device())
    x_plain = Tensor[B].from_data(x_np, B.default_device())

    def train() -> Any:
        y, _ = model.forward(x)
        return y.sum().backward()

    def infer() -> Any:
        return plain.forward(x_plain)[0]
    return train, infer


class Generic:
    """A step run with ``Rnn.fused = False`` (the per-step path)."""

    def __init__(self, step: Step) -> None:
        self.step = step

    def __call__(self) -> Any:
        Rnn.fused = False
        try:
            return self.step()
        finally:
            Rnn.fused = True


def time_min(steps: dict[str, Step], repeats: int) -> dict[str, float]:
    """Minimum ms per step of each, round-robin after two warm-up calls."""
    for step in steps.values():
        step()
        step()
    best = {name: float("inf") for name in steps}
    for _ in range(repeats):
        for name, step in steps.items():
            t0 = time.perf_counter()
            step()
            best[name] = min(best[name], (time.perf_counter() - t0) * 1e3)
    return best


def main() -> None:
    torch.set_num_threads(ARGS.threads)
    shapes = SHAPES[:1] + SHAPES[2:3] if ARGS.quick else SHAPES
    repeats = ARGS.repeats or (5 if ARGS.quick else 15)
    print(f"# Rnn training step: torch {torch.__version__}, numpy {np.__version__}, "
          f"{os.cpu_count()} cores, threads={ARGS.threads}, min of {repeats}")
    print("\n## train (ms per step)\n")
    print_header("shape (B,T,I,H)", "torch.nn.RNN", "Autodiff[Torch]", "Autodiff[NumPy]",
                 "Torch generic", "NumPy generic", "AD[Torch]/torch", "AD[NumPy]/torch",
                 "generic/torch (best)")
    infer_rows = []
    for shape in shapes:
        t_train, t_infer = torch_steps(shape)
        at_train, at_infer = pyburn_steps(Torch, shape)
        an_train, an_infer = pyburn_steps(NumPy, shape)
        ms = time_min({"torch": t_train, "ad-torch": at_train, "ad-numpy": an_train,
                       "torch-generic": Generic(at_train), "numpy-generic": Generic(an_train)},
                      repeats)
        im = time_min({"torch": t_infer, "torch-pyburn": at_infer, "numpy": an_infer}, repeats)
        s = ",".join(map(str, shape))
        generic = min(ms["torch-generic"], ms["numpy-generic"])
        print(f"| ({s}) | {ms['torch']:.2f} | {ms['ad-torch']:.2f} | {ms['ad-numpy']:.2f} | "
              f"{ms['torch-generic']:.2f} | {ms['numpy-generic']:.2f} | "
              f"{ms['ad-torch'] / ms['torch']:.2f}x | {ms['ad-numpy'] / ms['torch']:.2f}x | "
              f"{generic / ms['torch']:.2f}x |")
        infer_rows.append(f"| ({s}) | {im['torch']:.2f} | {im['torch-pyburn']:.2f} | "
                          f"{im['numpy']:.2f} | {im['torch-pyburn'] / im['torch']:.2f}x | "
                          f"{im['numpy'] / im['torch']:.2f}x |")
        sys.stdout.flush()
    print("\n## inference (ms per forward)\n")
    print_header("shape", "torch.nn.RNN", "Torch", "NumPy", "Torch/torch", "NumPy/torch")
    print("\n".join(infer_rows))


if __name__ == "__main__":
    main()
