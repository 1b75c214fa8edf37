"""Data-parallel training over `torch.distributed` (Burn's multi-device Learner and collective
all-reduce; PyTorch's DDP and ``torchrun``), for every pyburn backend.

    import pyburn.distributed as dist
    dist.init()                                   # torchrun's environment, or a world of one
    model = dist.broadcast_module(model)          # rank 0's initial parameters everywhere
    grads = dist.sync_gradients(grads, model)     # the mean over ranks, bucketed all-reduce
    model = optim.step(lr, model, grads)          # identical on every rank

The Learner does all of this itself under ``torchrun`` (see ``docs/distributed.md``); the data
loader shards with ``DataLoaderBuilder(...).distributed()``.
"""

from .broadcast import all_reduce_sum, broadcast_int, broadcast_module
from .errors import DistributedError
from .grad_sync import DEFAULT_BUCKET_CAP_MB, GradientSynchronizer, sync_gradients
from .launch import launch
from .process_group import (DEFAULT_TIMEOUT, barrier, init, is_initialized, is_main, local_rank,
                            local_world_size, rank, shutdown, timeout, world_size)

__all__ = [
    "DEFAULT_BUCKET_CAP_MB", "DEFAULT_TIMEOUT", "DistributedError", "GradientSynchronizer",
    "all_reduce_sum", "barrier", "broadcast_int", "broadcast_module", "init", "is_initialized",
    "is_main", "launch", "local_rank", "local_world_size", "rank", "shutdown", "sync_gradients",
    "timeout", "world_size",
]
