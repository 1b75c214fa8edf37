"""`op_overhead`'s chain (~100 small ops on 16x16 float32, forward + backward) under pyburn.jit.

At this size the arithmetic is negligible, so the time is the framework's own overhead; under
jit a call replays the recorded backend calls directly (no Tensor wrappers, checks or tape).
Rows are timed round-robin in one run, each the median (or ``--stat min``) of many repetitions;
the ratios are against torch autograd eager on the same chain, timed in the same run.

    python benchmarks/jit_overhead.py
    python benchmarks/jit_overhead.py --stat min --reps 500      # a busy machine
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any, Callable

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from op_overhead import (OPS_PER_BLOCK, SIZE, _to_numpy, chain, check_same_result,  # noqa: E402
                         pyburn_step, time_round_robin, torch_step)


def jitted_step(backend: Any, x_np: np.ndarray, w_np: np.ndarray,
                blocks: int) -> Callable[[], Any]:
    """The same chain as `pyburn_step`, captured once and replayed."""
    from pyburn import Tensor
    from pyburn.jit import jit
    T = Tensor[backend]
    device = backend.default_device()
    x = T.from_data(x_np, device=device)
    w = T.from_data(w_np, device=device).require_grad()

    @jit
    def grad_of(x: Any, w: Any) -> Any:
        loss = chain(x, w, blocks, lambda t, d: t.sum_dim(d), T.cat)
        return w.grad(loss.backward())

    def step() -> Any:
        grad = grad_of(x, w)
        backend.sync()
        return grad
    return step


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=30)
    parser.add_argument("--blocks", type=int, default=7, help=f"blocks of {OPS_PER_BLOCK} ops")
    parser.add_argument("--stat", choices=["median", "min"], default="median")
    parser.add_argument("--device", default="cpu", help="cpu or cuda (Torch rows only)")
    args = parser.parse_args(argv)
    from pyburn.backend import Autodiff, NumPy
    rng = np.random.default_rng(0)
    x_np = rng.normal(0.0, 0.5, (SIZE, SIZE)).astype(np.float32)
    w_np = rng.normal(0.0, 0.25, (SIZE, SIZE)).astype(np.float32)
    steps: dict[str, Callable[[], Any]] = {}
    import torch
    torch.set_num_threads(1)
    if args.device == "cpu":
        steps["torch autograd"] = torch_step(torch, x_np, w_np, args.blocks)
        steps["Autodiff[NumPy]"] = pyburn_step(Autodiff[NumPy], x_np, w_np, args.blocks)
        steps["Autodiff[NumPy] (jit)"] = jitted_step(Autodiff[NumPy], x_np, w_np, args.blocks)
    from pyburn.backend import Torch
    reason = Torch.unavailable_reason()
    if reason is None:
        T = Torch if args.device == "cpu" else _on(Torch, args.device)
        steps["Autodiff[Torch]"] = pyburn_step(Autodiff.of(T), x_np, w_np, args.blocks)
        steps["Autodiff[Torch] (jit)"] = jitted_step(Autodiff.of(T), x_np, w_np, args.blocks)
    if args.device != "cpu":
        if not torch.cuda.is_available():
            print(f"--device {args.device}: no CUDA device here; nothing to time")
            return 0
        xt, wt = (torch.from_numpy(a).to(args.device) for a in (x_np, w_np))
        steps = {"torch autograd": _torch_device_step(torch, xt, wt, args.blocks), **steps}
    check_same_result({name: _to_numpy(step()) for name, step in steps.items()})
    n_ops = args.blocks * OPS_PER_BLOCK + 1
    print(f"chain: {n_ops} ops on {SIZE}x{SIZE} float32, forward + backward, device "
          f"{args.device}; {args.stat} of {args.reps} runs, round-robin")
    times = time_round_robin(steps, args.reps, args.warmup,
                             min if args.stat == "min" else statistics.median)
    reference = times["torch autograd"]
    for name, seconds in times.items():
        print(f"  {name:<24} {seconds * 1e6:10.1f} us/chain  {seconds * 1e6 / n_ops:6.2f} us/op"
              f"  {seconds / reference:5.2f}x torch autograd")
    return 0


def _on(backend: Any, device: str) -> Any:
    """`backend` whose default device is `device` (the chain builds on the default device)."""
    dev = backend.device(device)
    return type(f"{backend.__name__}On", (backend,), {"default_device": classmethod(lambda cls: dev.on(cls))})


def _torch_device_step(torch: Any, x: Any, w: Any, blocks: int) -> Callable[[], Any]:
    w = w.clone().requires_grad_(True)

    def step() -> Any:
        w.grad = None
        chain(x, w, blocks, lambda t, d: t.sum(d, keepdim=True), torch.cat).backward()
        torch.cuda.synchronize()
        return w.grad
    return step


if __name__ == "__main__":
    raise SystemExit(main())
