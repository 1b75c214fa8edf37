"""Data-parallel scaling, in one run: a training step on 1 process and on N processes (gloo,
loopback), and the gradient all-reduce cost per MB of pyburn's `GradientSynchronizer` against
torch DDP on a torch model with the same parameter sizes.

    python benchmarks/distributed_scaling.py --procs 2 --threads 1

* scaling: each process keeps the same batch (weak scaling, what data parallelism buys); the
  efficiency is ``(N x samples/s of one process alone) / (samples/s of N processes)`` inverted,
  i.e. ``t_step(1 process) / t_step(N processes)``: 100% means the synchronisation is free.
  Each process runs `--threads` intra-op threads (torch and NumPy's BLAS), so on a 2-core
  machine ``--procs 2 --threads 1`` uses the cores the single process gets with ``--threads 2``.
* all-reduce per MB: pyburn's sync of the step's gradients (bucketing, copies into torch
  buffers, the all-reduce, the division, views back) against DDP's overhead on the same sizes,
  measured as DDP's step minus the same step under ``no_sync()``; the raw ``all_reduce`` of one
  flat buffer of that size is the floor both pay.

Minimum over `--repeats` of medians; other load on the machine shows as noise (run it twice).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "backends"))

SIZES = [256, 1024, 1024, 10]     # an MLP: 1.3 M parameters, 5.1 MB of float32 gradients


def _median_ms(fn: Callable[[], Any], steps: int, warmup: int = 3) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def _pyburn_parts(backend: str, batch: int) -> tuple[Callable[[], Any], Callable[[], Any], float]:
    """(a full data-parallel step, the sync alone, gradient MB) on Autodiff[backend]."""
    import numpy as np

    from pyburn import Tensor
    from pyburn import distributed
    from pyburn.backend import Autodiff, by_name
    from pyburn.module import Module
    from pyburn.nn import Linear, LinearConfig
    from pyburn.optim import GradientsParams, SgdConfig

    autodiff: Any = Autodiff
    B: Any = autodiff[by_name(backend)]
    device = B.default_device()

    class Mlp(Module):
        layers: list[Linear]

        def forward(self, x: Any) -> Any:
            for layer in self.layers[:-1]:
                x = layer.forward(x).relu()
            return self.layers[-1].forward(x)

    B.seed(0)
    model = Mlp([LinearConfig(a, b).init(device) for a, b in zip(SIZES, SIZES[1:])])
    model = distributed.broadcast_module(model)
    rng = np.random.default_rng(distributed.rank())
    x = Tensor[B].from_data(rng.normal(size=(batch, SIZES[0])).astype(np.float32), device)
    y = Tensor[B].from_data(rng.normal(size=(batch, SIZES[-1])).astype(np.float32), device)
    optim = SgdConfig().init()
    sync = distributed.GradientSynchronizer()
    state: dict[str, Any] = {"model": model}

    def grads() -> Any:
        m = state["model"]
        loss = ((m.forward(x) - y) ** 2).mean()
        return GradientsParams.from_grads(loss.backward(), m)

    def step() -> None:
        m = state["model"]
        state["model"] = optim.step(1e-3, m, sync.sync(grads(), m))

    fixed = grads()
    mb = sum(4 * p.num_params() for p in model.params()) / 2**20
    return step, lambda: sync.sync(fixed, state["model"]), mb


def _torch_ddp_overhead(batch: int) -> tuple[float, float]:
    """(DDP step ms, the same step under no_sync ms) for a torch MLP of the same sizes."""
    import torch
    from torch.nn.parallel import DistributedDataParallel as DDP
    torch.manual_seed(0)
    layers: list[torch.nn.Module] = []
    for a, b in zip(SIZES, SIZES[1:]):
        layers += [torch.nn.Linear(a, b), torch.nn.ReLU()]
    ddp = DDP(torch.nn.Sequential(*layers[:-1]))
    x, y = torch.randn(batch, SIZES[0]), torch.randn(batch, SIZES[-1])

    def step() -> None:
        ddp.zero_grad(set_to_none=True)
        ((ddp(x) - y) ** 2).mean().backward()

    def local() -> None:
        with ddp.no_sync():
            step()

    return _median_ms(step, 20), _median_ms(local, 20)


def _raw_all_reduce_ms(mb: float) -> float:
    import torch
    import torch.distributed as dist
    flat = torch.zeros(int(mb * 2**20 / 4))
    return _median_ms(lambda: dist.all_reduce(flat), 20)


def worker(args: argparse.Namespace, results: str) -> None:
    """Runs in each process of the N-process group; rank 0 writes its numbers."""
    import json

    import torch

    from pyburn import distributed
    torch.set_num_threads(args.threads)
    step, sync_only, mb = _pyburn_parts(args.backend, args.batch)
    step_ms = min(_median_ms(step, args.steps) for _ in range(args.repeats))
    sync_ms = min(_median_ms(sync_only, args.steps) for _ in range(args.repeats))
    ddp_ms, local_ms = _torch_ddp_overhead(args.batch)
    raw_ms = _raw_all_reduce_ms(mb)
    if distributed.is_main():
        Path(results).write_text(json.dumps({"step_ms": step_ms, "sync_ms": sync_ms, "mb": mb,
                                             "ddp_ms": ddp_ms, "local_ms": local_ms,
                                             "raw_ms": raw_ms}))


def single(args: argparse.Namespace) -> float:
    """The step of one process alone (no group: the sync is a no-op)."""
    import torch
    torch.set_num_threads(args.threads)
    step, _, _ = _pyburn_parts(args.backend, args.batch)
    return min(_median_ms(step, args.steps) for _ in range(args.repeats))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--procs", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="intra-op threads per process")
    parser.add_argument("--backend", choices=["numpy", "torch"], default="numpy")
    parser.add_argument("--batch", type=int, default=64, help="samples per process per step")
    parser.add_argument("--steps", type=int, default=15)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(args.threads)      # before NumPy loads its BLAS, here and in workers
    import json
    import tempfile

    from pyburn import distributed
    one = single(args)
    with tempfile.TemporaryDirectory() as tmp:
        results = str(Path(tmp) / "results.json")
        distributed.launch(worker, args.procs, args, results, timeout=120,
                           threads_per_process=args.threads)
        r = json.loads(Path(results).read_text())
    ddp_sync = max(r["ddp_ms"] - r["local_ms"], 0.0)
    print(f"pyburn data parallel, Autodiff[{args.backend}], MLP {SIZES} "
          f"({r['mb']:.1f} MB of float32 gradients), batch {args.batch} per process, "
          f"{args.threads} thread(s) per process, gloo over loopback, {os.cpu_count()} cores\n")
    print("| measure | value |")
    print("|---|---|")
    print(f"| step, 1 process | {one:.1f} ms |")
    print(f"| step, {args.procs} processes (each the same batch) | {r['step_ms']:.1f} ms |")
    print(f"| weak-scaling efficiency (1-process step / {args.procs}-process step) | "
          f"{100.0 * one / r['step_ms']:.0f}% |")
    print(f"| throughput ratio ({args.procs} processes / 1) | "
          f"{args.procs * one / r['step_ms']:.2f}x |")
    print(f"| pyburn sync_gradients | {r['sync_ms']:.2f} ms = "
          f"{r['sync_ms'] / r['mb']:.2f} ms/MB |")
    print(f"| torch DDP overhead (step - no_sync step) | {ddp_sync:.2f} ms = "
          f"{ddp_sync / r['mb']:.2f} ms/MB (DDP overlaps part of it with the backward) |")
    print(f"| raw all_reduce of one {r['mb']:.1f} MB buffer | {r['raw_ms']:.2f} ms = "
          f"{r['raw_ms'] / r['mb']:.2f} ms/MB |")
    print(f"| pyburn sync / raw all_reduce | {r['sync_ms'] / r['raw_ms']:.2f}x |")


if __name__ == "__main__":
    main()
