"""Conv2d training-step benchmark: pyburn's `Conv2d` on ``Autodiff[Torch]`` and
``Autodiff[NumPy]`` against plain ``torch.nn.Conv2d`` (issue 11).

One training step = the forward of a two-convolution block, ``loss = sum of outputs``, and the
backward to every weight and bias (no optimizer update). Shapes (batch, channels, size):

* ``guide``  -- the Burn Book guide model's convolutions: batch 64, 1 -> 8 -> 16 channels,
  28 x 28, two 3 x 3 convolutions without padding, ReLU between;
* ``resnet`` -- a ResNet-like block: batch 8, 64 -> 64 -> 64 channels, 56 x 56, two 3 x 3
  convolutions with padding 1, ReLU between and the residual added at the end;
* ``stem``   -- a strided CNN stem: batch 16, 3 -> 32 -> 32 channels, 64 x 64, a 3 x 3 stride-2
  convolution then a 3 x 3 one with padding 1.

Timing: the three implementations run interleaved round-robin in one process, so that load on
the machine hits them alike; each cell is the median of the repeats; ratios are over plain
torch in the same run. ``--threads N`` (default: all cores) sets torch's intra-op threads and,
through the environment before NumPy is imported, the BLAS threads NumPy uses.

Peak memory of one step, above what was allocated before it: the NumPy path by ``tracemalloc``
(NumPy reports its buffers to it); both torch paths by the torch profiler's CPU memory events
(every CPU-allocator allocation and free, summed in time order). oneDNN's internal scratch
buffers bypass both, so the torch numbers are a lower bound; memory runs are separate from the
timed ones.

Usage::

    python3 benchmarks/conv_train_step.py            # the full table
    python3 benchmarks/conv_train_step.py --quick    # fewer repeats, smaller batches
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from _timing import (Step, add_run_args, limit_blas_threads, peak_torch, peak_tracemalloc,
                     print_header, time_round_robin)

# name: (batch, [c_in, c_mid, c_out], size, conv1 (stride, padding), conv2 (stride, padding),
#        residual)
SHAPES: dict[str, tuple[int, list[int], int, tuple[int, int], tuple[int, int], bool]] = {
    "guide": (64, [1, 8, 16], 28, (1, 0), (1, 0), False),
    "resnet": (8, [64, 64, 64], 56, (1, 1), (1, 1), True),
    "stem": (16, [3, 32, 32], 64, (2, 1), (1, 1), False),
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="few repeats, batches divided by 8")
    add_run_args(p, "timed runs per cell")
    p.add_argument("--no-memory", action="store_true", help="skip the peak-memory runs")
    return p.parse_args(argv)


ARGS = parse_args() if __name__ == "__main__" else parse_args([])
limit_blas_threads(ARGS.threads)

import numpy as np  # noqa: E402
import torch  # noqa: E402

from pyburn import Tensor  # noqa: E402
from pyburn.backend import Autodiff, NumPy, Torch  # noqa: E402
from pyburn.nn import Conv2dConfig, PaddingConfig2d  # noqa: E402


def torch_step(name: str, batch: int) -> Step:
    _, ch, size, (s1, p1), (s2, p2), residual = SHAPES[name]
    torch.manual_seed(0)
    conv1 = torch.nn.Conv2d(ch[0], ch[1], 3, stride=s1, padding=p1)
    conv2 = torch.nn.Conv2d(ch[1], ch[2], 3, stride=s2, padding=p2)
    x = torch.randn(batch, ch[0], size, size)

    def step() -> Any:
        y = conv2(torch.relu(conv1(x)))
        if residual:
            y = y + x
        y.sum().backward()
        conv1.zero_grad(set_to_none=True)
        conv2.zero_grad(set_to_none=True)
    return step


def pyburn_step(B: Any, name: str, batch: int) -> Step:
    _, ch, size, (s1, p1), (s2, p2), residual = SHAPES[name]
    AD = Autodiff[B]
    AD.seed(0)
    device = AD.default_device()
    conv1 = (Conv2dConfig(ch[:2], [3, 3]).with_stride([s1, s1])
             .with_padding(PaddingConfig2d.Explicit(p1, p1)).init(device))
    conv2 = (Conv2dConfig(ch[1:], [3, 3]).with_stride([s2, s2])
             .with_padding(PaddingConfig2d.Explicit(p2, p2)).init(device))
    x = Tensor[AD].from_data(np.random.default_rng(0).standard_normal(
        (batch, ch[0], size, size)).astype(np.float32), device)
    params = conv1.params() + conv2.params()

    def step() -> Any:
        y = conv2(conv1(x).relu())
        if residual:
            y = y + x
        grads = y.sum().backward()
        return [p.val().grad(grads) for p in params]
    return step


def main() -> None:
    torch.set_num_threads(ARGS.threads)
    repeats = ARGS.repeats or (3 if ARGS.quick else 9)
    div = 8 if ARGS.quick else 1
    print(f"# Conv2d training step: torch {torch.__version__}, numpy {np.__version__}, "
          f"{ARGS.threads} threads, median of {repeats}")
    print()
    print_header("shape", "torch (ms)", "Autodiff[Torch] (ms)", "Autodiff[NumPy] (ms)",
                 "Autodiff[Torch]/torch", "Autodiff[NumPy]/torch")
    mem_rows = []
    for name, (batch, ch, size, *_rest) in SHAPES.items():
        batch = max(1, batch // div)
        steps = {"torch": torch_step(name, batch), "ad-torch": pyburn_step(Torch, name, batch),
                 "ad-numpy": pyburn_step(NumPy, name, batch)}
        ms = time_round_robin(steps, repeats)
        label = f"{name} (b{batch}, {'->'.join(map(str, ch))}, {size}x{size})"
        print(f"| {label} | {ms['torch']:.2f} | {ms['ad-torch']:.2f} | {ms['ad-numpy']:.2f} | "
              f"Autodiff[Torch] {ms['ad-torch'] / ms['torch']:.2f}x | "
              f"Autodiff[NumPy] {ms['ad-numpy'] / ms['torch']:.2f}x |")
        sys.stdout.flush()
        if not ARGS.no_memory:
            m_t = peak_torch(steps["torch"])
            m_at = peak_torch(steps["ad-torch"])
            m_an = peak_tracemalloc(steps["ad-numpy"])
            mem_rows.append(f"| {label} | {m_t:.1f} | {m_at:.1f} | {m_an:.1f} | "
                            f"{m_at / m_t:.2f}x | {m_an / m_t:.2f}x |")
    if mem_rows:
        print("\n## peak memory of one training step (MB above the step's start)\n")
        print_header("shape", "torch", "Autodiff[Torch]", "Autodiff[NumPy]", "AD[Torch]/torch",
                     "AD[NumPy]/torch")
        print("\n".join(mem_rows))


if __name__ == "__main__":
    main()
