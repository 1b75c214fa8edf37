"""What the training-step benchmarks share (conv_train_step, lstm_train_step, mha_train_step):
the thread settings, round-robin timing, peak memory of one step, and markdown tables.

Import it before NumPy: `limit_blas_threads` works through the environment, which NumPy's BLAS
reads when NumPy is imported. torch is imported only where a function needs it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import tracemalloc
from typing import Any, Callable

Step = Callable[[], Any]


def add_run_args(p: argparse.ArgumentParser, repeats_help: str) -> None:
    """``--threads N`` (default: all cores) and ``--repeats N`` (default: the script's)."""
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--repeats", type=int, default=None, help=repeats_help)


def limit_blas_threads(threads: int) -> None:
    """Give NumPy's BLAS `threads` threads (unless the environment says otherwise), so that it
    gets what torch gets; call it before NumPy is imported."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(threads))


def time_round_robin(steps: dict[str, Step], repeats: int, *, warmup: int = 2,
                     sync: Callable[[], Any] | None = None,
                     adaptive: bool = False) -> dict[str, float]:
    """Median ms per step of each, interleaved so that load drifts hit them alike, after
    `warmup` untimed calls of each (allocators, oneDNN primitives, caches). `sync` runs before
    and after each timed call (a GPU's queue). `adaptive`: fast steps get more repeats (up to
    ~1.5 s of the first step's time, at most 10x `repeats`)."""
    for step in steps.values():
        for _ in range(warmup):
            step()
    if adaptive:
        first = next(iter(steps.values()))
        t0 = time.perf_counter()
        first()
        first_ms = (time.perf_counter() - t0) * 1e3
        repeats = max(repeats, min(10 * repeats, int(1500 / max(first_ms, 1e-3))))
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(repeats):
        for name, step in steps.items():
            if sync is not None:
                sync()
            t0 = time.perf_counter()
            step()
            if sync is not None:
                sync()
            times[name].append((time.perf_counter() - t0) * 1e3)
    return {name: statistics.median(ts) for name, ts in times.items()}


def peak_tracemalloc(step: Step) -> float:
    """MB allocated at the step's peak above its start (NumPy buffers are traced)."""
    step()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        step()
        return (tracemalloc.get_traced_memory()[1] - base) / 1e6
    finally:
        tracemalloc.stop()


def peak_torch(step: Step, device: str = "cpu") -> float:
    """MB the torch allocator held at the step's peak above its start: on the CPU from the
    profiler's memory events (every allocation and free, summed in time order), on CUDA from
    ``torch.cuda.max_memory_allocated``."""
    import torch

    step()
    if device == "cuda":
        torch.cuda.synchronize()
        base = torch.cuda.memory_allocated()
        torch.cuda.reset_peak_memory_stats()
        step()
        torch.cuda.synchronize()
        return (torch.cuda.max_memory_allocated() - base) / 1e6
    from torch.profiler import ProfilerActivity, profile
    with profile(activities=[ProfilerActivity.CPU], profile_memory=True) as prof:
        step()
    current = peak = 0
    for event in sorted(prof.events(), key=lambda e: e.time_range.start):
        current += event.self_cpu_memory_usage
        peak = max(peak, current)
    return peak / 1e6


def print_header(*columns: str) -> None:
    """A markdown table's header and rule."""
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
