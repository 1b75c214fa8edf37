"""``launch(fn, nprocs)``: one process per device from inside a Python program, for when
``torchrun`` is not the entry point (notebooks, tests). Each process joins the group first
(rank ``i`` of `nprocs`, over a file store in a fresh temporary directory: loopback only), then
calls ``fn(*args)``; the first failure in any process is raised in the caller."""

from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

from .process_group import DEFAULT_TIMEOUT, init, shutdown

__all__ = ["launch"]


def _worker(index: int, fn: Callable[..., Any], args: tuple[Any, ...], nprocs: int,
            store: str, backend: str | None, timeout: float, threads: int | None) -> None:
    os.environ.update({"RANK": str(index), "LOCAL_RANK": str(index),
                       "WORLD_SIZE": str(nprocs), "LOCAL_WORLD_SIZE": str(nprocs)})
    if threads is not None:
        import torch
        torch.set_num_threads(threads)
    init(backend, index, nprocs, Path(store).as_uri(), timeout=timeout)
    try:
        fn(*args)
    finally:
        shutdown()


def launch(fn: Callable[..., Any], nprocs: int, *args: Any, backend: str | None = None,
           timeout: float | datetime.timedelta = DEFAULT_TIMEOUT,
           threads_per_process: int | None = None) -> None:
    """Run ``fn(*args)`` in `nprocs` new processes, each already in the group with its rank
    (``pyburn.distributed.rank()``). `fn` and `args` must be importable/picklable (a module-level
    function: processes are spawned, never forked, which CUDA and torch's thread pools need).
    `threads_per_process` sets torch's intra-op threads in each (NumPy's BLAS threads follow
    ``OMP_NUM_THREADS``, which the children inherit)."""
    if isinstance(nprocs, bool) or not isinstance(nprocs, int) or nprocs < 1:
        raise ValueError(f"pyburn.distributed.launch: nprocs must be an integer >= 1, got "
                         f"{nprocs!r}")
    seconds = timeout.total_seconds() if isinstance(timeout, datetime.timedelta) else timeout
    import torch.multiprocessing as mp
    with tempfile.TemporaryDirectory(prefix="pyburn-launch-") as tmp:
        store = str(Path(tmp) / "store")
        mp.start_processes(_worker, args=(fn, args, nprocs, store, backend, float(seconds),
                                          threads_per_process),
                           nprocs=nprocs, join=True, start_method="spawn")
