"""Per-op overhead: a chain of ~100 small ops on 16x16 float32 tensors, forward + backward.

At this size the arithmetic is negligible, so the time is the framework's own overhead: op
dispatch, shape checks, graph recording and the reverse walk. The same chain runs on
``Autodiff[NumPy]``, on PyTorch with autograd (when torch is installed) and on
``Autodiff[Torch]`` (when pyburn's Torch backend is available); the rows are timed round-robin
(one run of each in turn, so that load on a shared machine hits them alike) and each is the
median (or, with ``--stat min``, the fastest) of many repetitions; the report gives microseconds
per chain and the ratio pyburn / torch.

    python benchmarks/op_overhead.py               # default: 300 repetitions
    python benchmarks/op_overhead.py --reps 1000 --blocks 14
    OMP_NUM_THREADS=1 python benchmarks/op_overhead.py --stat min   # a busy machine
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

OPS_PER_BLOCK = 15
SIZE = 16


def block(h: Any, x: Any, w: Any, sum_dim: Callable[[Any, int], Any], cat: Callable[[list[Any], int], Any]) -> Any:
    """Fifteen ops; the same code runs on pyburn tensors and torch tensors."""
    h = h @ w                                  # 1 matmul
    h = (h + x).tanh()                         # 2 add, 3 tanh
    h = h.sigmoid() * h                        # 4 sigmoid, 5 mul
    h = h - sum_dim(h, 1) * 0.01               # 6 sum_dim, 7 mul_scalar, 8 sub (broadcast)
    h = (h * 0.1).exp()                        # 9 mul_scalar, 10 exp
    h = h.reshape([SIZE * SIZE]).reshape([SIZE, SIZE])  # 11, 12 reshape
    h = cat([h[:, SIZE // 2:], h[:, :SIZE // 2]], 1)    # 13, 14 slices, 15 cat
    return h


def chain(x: Any, w: Any, blocks: int, sum_dim: Any, cat: Any) -> Any:
    h = x
    for _ in range(blocks):
        h = block(h, x, w, sum_dim, cat)
    return h.sum()


def time_round_robin(steps: dict[str, Callable[[], Any]], reps: int, warmup: int,
                     stat: Callable[[list[float]], float] = statistics.median) -> dict[str, float]:
    """Seconds per run of each step (`stat` of `reps` runs, after `warmup` runs), one run of
    each step in turn so that the machine's load drifts over all rows alike."""
    for step in steps.values():
        for _ in range(warmup):
            step()
    samples: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(reps):
        for name, step in steps.items():
            start = time.perf_counter()
            step()
            samples[name].append(time.perf_counter() - start)
    return {name: stat(values) for name, values in samples.items()}


def pyburn_step(backend: Any, x_np: np.ndarray, w_np: np.ndarray, blocks: int) -> Callable[[], Any]:
    from pyburn import Tensor
    T = Tensor[backend]
    device = backend.default_device()
    x = T.from_data(x_np, device=device)
    w = T.from_data(w_np, device=device).require_grad()

    def step() -> Any:
        loss = chain(x, w, blocks, lambda t, d: t.sum_dim(d), T.cat)
        grad = w.grad(loss.backward())
        backend.sync()
        return grad
    return step


def torch_step(torch: Any, x_np: np.ndarray, w_np: np.ndarray, blocks: int) -> Callable[[], Any]:
    x = torch.from_numpy(x_np)
    w = torch.from_numpy(w_np).requires_grad_(True)

    def step() -> Any:
        w.grad = None
        loss = chain(x, w, blocks, lambda t, d: t.sum(d, keepdim=True), torch.cat)
        loss.backward()
        return w.grad
    return step


def check_same_result(results: dict[str, np.ndarray]) -> None:
    """The chains compute the same gradient on every framework (so we time the same work)."""
    names = list(results)
    for name in names[1:]:
        if not np.allclose(results[name], results[names[0]], rtol=1e-3, atol=1e-5):
            raise SystemExit(f"{name} and {names[0]} disagree on the gradient: the chains differ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=300, help="timed repetitions (median is reported)")
    parser.add_argument("--warmup", type=int, default=30, help="untimed repetitions first")
    parser.add_argument("--blocks", type=int, default=7, help=f"blocks of {OPS_PER_BLOCK} ops in the chain")
    parser.add_argument("--stat", choices=["median", "min"], default="median",
                        help="median of the repetitions, or the fastest (busy machines)")
    parser.add_argument("--torch-threads", type=int, default=1,
                        help="torch intra-op threads (1: small ops are overhead-bound)")
    parser.add_argument("--target", type=float, default=1.5,
                        help="exit 1 when Autodiff[NumPy] / torch exceeds this ratio (0: never)")
    args = parser.parse_args(argv)

    from pyburn.backend import Autodiff, NumPy
    rng = np.random.default_rng(0)
    x_np = rng.normal(0.0, 0.5, (SIZE, SIZE)).astype(np.float32)
    w_np = rng.normal(0.0, 0.25, (SIZE, SIZE)).astype(np.float32)

    steps: dict[str, Callable[[], Any]] = {
        "Autodiff[NumPy]": pyburn_step(Autodiff[NumPy], x_np, w_np, args.blocks)}
    torch: Any
    try:
        import torch
    except ImportError:
        torch = None
        print("torch is not installed: timing pyburn only")
    if torch is not None:
        torch.set_num_threads(args.torch_threads)
        steps["torch autograd"] = torch_step(torch, x_np, w_np, args.blocks)
        from pyburn.backend import Torch
        reason = Torch.unavailable_reason() if hasattr(Torch, "unavailable_reason") else None
        if reason is None:
            steps["Autodiff[Torch]"] = pyburn_step(Autodiff[Torch], x_np, w_np, args.blocks)
        else:
            print(f"Autodiff[Torch] skipped: {reason}")

    check_same_result({name: _to_numpy(step()) for name, step in steps.items()})
    n_ops = args.blocks * OPS_PER_BLOCK + 1
    print(f"chain: {n_ops} ops on {SIZE}x{SIZE} float32, forward + backward; "
          f"{args.stat} of {args.reps} runs, round-robin")
    times = time_round_robin(steps, args.reps, args.warmup,
                             min if args.stat == "min" else statistics.median)
    for name, seconds in times.items():
        print(f"  {name:<16} {seconds * 1e6:10.1f} us/chain  {seconds * 1e6 / n_ops:6.2f} us/op")
    if "torch autograd" not in times:
        return 0
    base = times["torch autograd"]
    for name, seconds in times.items():
        if name != "torch autograd":
            print(f"  ratio {name} / torch autograd: {seconds / base:.2f}")
    ratio = times["Autodiff[NumPy]"] / base
    if args.target and ratio > args.target:
        print(f"Autodiff[NumPy] is {ratio:.2f}x torch autograd, above the {args.target}x target")
        return 1
    return 0


def _to_numpy(grad: Any) -> np.ndarray:
    if hasattr(grad, "to_numpy"):
        return np.asarray(grad.to_numpy())
    return grad.detach().cpu().numpy()


if __name__ == "__main__":
    sys.exit(main())
