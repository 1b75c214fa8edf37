"""How `pyburn.jit`'s trace time and plan memory grow with the size of a step.

The step is `op_overhead`'s chain (forward + backward on 16x16 float32) with as many blocks as
it takes to reach about N chain ops (1k, 10k, 100k by default). For each size: the eager step,
the trace (eager step with recording + building and compiling the plan), the memory the plan
keeps (tracemalloc: entries, compiled replay code, constants), and one replay.

    python benchmarks/jit_scaling.py
    python benchmarks/jit_scaling.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from op_overhead import OPS_PER_BLOCK, SIZE, chain  # noqa: E402


def measure(backend: Any, n_ops: int, memory: bool = True) -> dict[str, float]:
    from pyburn import Tensor
    from pyburn.jit import jit
    T = Tensor[backend]
    device = backend.default_device()
    rng = np.random.default_rng(0)
    x = T.from_data(rng.normal(0.0, 0.5, (SIZE, SIZE)).astype(np.float32), device=device)
    w = T.from_data(rng.normal(0.0, 0.25, (SIZE, SIZE)).astype(np.float32),
                    device=device).require_grad()
    blocks = max(1, n_ops // OPS_PER_BLOCK)

    def grad_of(x: Any, w: Any) -> Any:
        return w.grad(chain(x, w, blocks, lambda t, d: t.sum_dim(d), T.cat).backward())

    start = time.perf_counter()
    grad_of(x, w)
    eager = time.perf_counter() - start
    step = jit(grad_of)
    start = time.perf_counter()
    step(x, w)
    trace = time.perf_counter() - start
    plan = step.plans()[0]
    # The plan's memory, from a second trace under tracemalloc (which slows what it watches
    # several times over: at 100k ops, minutes).
    plan_bytes = float("nan")
    probe = jit(grad_of) if memory else None
    if probe is not None:
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        probe(x, w)
        gc.collect()
        plan_bytes = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        del probe
    start = time.perf_counter()
    step(x, w)
    replay = time.perf_counter() - start
    return {"chain ops": blocks * OPS_PER_BLOCK + 1, "plan entries": len(plan),
            "eager s": eager, "trace s": trace, "compile s": plan.compile_seconds,
            "plan MB": plan_bytes / 2**20, "replay s": replay}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--backend", default="numpy", help="numpy or torch (under Autodiff)")
    parser.add_argument("--no-memory", action="store_true",
                        help="skip the plan-memory probe (a second trace under tracemalloc)")
    args = parser.parse_args(argv)
    from pyburn.backend import Autodiff, by_name
    B = Autodiff.of(by_name(args.backend))
    print(f"pyburn.jit scaling on {B!r}: chain of 16x16 ops, forward + backward\n")
    cols = ["chain ops", "plan entries", "eager s", "trace s", "compile s", "plan MB",
            "replay s"]
    print("| " + " | ".join(cols) + " | trace/eager | bytes/entry |")
    print("|" + "---|" * (len(cols) + 2))
    for n in args.sizes:
        r = measure(B, n, memory=not args.no_memory)
        print("| " + " | ".join(f"{r[c]:.0f}" if c in ("chain ops", "plan entries")
                                else f"{r[c]:.3f}" for c in cols)
              + f" | {r['trace s'] / r['eager s']:.2f}x | {r['plan MB'] * 2**20 / r['plan entries']:.0f} |",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
