"""The process group: one process per device, joined through `torch.distributed`.

``init()`` reads what ``torchrun`` exports (``RANK``, ``WORLD_SIZE``, ``LOCAL_RANK``,
``MASTER_ADDR``/``MASTER_PORT``), or takes them explicitly with an ``init_method`` (``tcp://``,
``file://``, ``env://``). Without either it makes a world of one over a temporary file store, so
the same program runs unchanged in one process. Gloo carries CPU tensors everywhere; when CUDA
is available NCCL carries CUDA tensors (torch's ``cuda:nccl,cpu:gloo`` pairing).

Nothing here is imported by ``import pyburn``: torch is needed only once a group is made, and
`rank`/`world_size`/`is_main` answer 0/1/True without one.
"""

from __future__ import annotations

import atexit
import datetime
import os
import tempfile
from pathlib import Path
from typing import Any

from .errors import DistributedError

__all__ = ["DEFAULT_TIMEOUT", "barrier", "init", "is_initialized", "is_main", "local_rank",
           "local_world_size", "rank", "shutdown", "timeout", "world_size"]

DEFAULT_TIMEOUT = datetime.timedelta(minutes=5)
"""How long a collective waits for the slowest rank before failing (a dead or hung peer)."""

_state: dict[str, Any] = {"timeout": DEFAULT_TIMEOUT, "store_file": None, "atexit": False}


def _dist() -> Any:
    import torch.distributed as dist
    if not dist.is_available():
        raise DistributedError("pyburn.distributed: this torch build has no torch.distributed")
    return dist


def _env_int(name: str) -> int | None:
    value = os.environ.get(name)
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise DistributedError(f"pyburn.distributed.init: the environment variable {name} must "
                               f"be an integer, got {value!r}") from None


def _check_timeout(value: object) -> datetime.timedelta:
    if isinstance(value, datetime.timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        raise TypeError(f"pyburn.distributed.init: timeout must be seconds or a timedelta, got "
                        f"{type(value).__name__}")
    if not seconds > 0:
        raise ValueError(f"pyburn.distributed.init: timeout must be > 0 seconds, got {seconds}")
    return datetime.timedelta(seconds=seconds)


def init(backend: str | None = None, rank: int | None = None, world_size: int | None = None,
         init_method: str | None = None,
         timeout: float | datetime.timedelta = DEFAULT_TIMEOUT) -> None:
    """Join the process group (Burn's collective ``register``).

    `rank`/`world_size` default to ``RANK``/``WORLD_SIZE`` (torchrun), `init_method` to
    ``env://`` when ``MASTER_ADDR`` is set. `backend`: ``"gloo"``, ``"nccl"``, or None for gloo,
    plus NCCL for CUDA tensors when CUDA is available. `timeout` bounds every collective: a rank
    that died or hangs makes the others raise `DistributedError` after at most that long.
    Calling it again with the group already made is an error (call `shutdown` first)."""
    dist = _dist()
    if dist.is_initialized():
        raise DistributedError(f"pyburn.distributed.init: this process already belongs to a "
                               f"group (rank {dist.get_rank()} of {dist.get_world_size()}); call "
                               f"shutdown() first")
    delta = _check_timeout(timeout)
    rank = _env_int("RANK") if rank is None else rank
    world_size = _env_int("WORLD_SIZE") if world_size is None else world_size
    if init_method is None and os.environ.get("MASTER_ADDR"):
        init_method = "env://"
    if init_method is None:
        if (world_size or 1) != 1:
            raise DistributedError(f"pyburn.distributed.init: world_size {world_size} needs an "
                                   f"init_method (tcp://host:port, file:///shared/path) or the "
                                   f"torchrun environment (MASTER_ADDR, MASTER_PORT)")
        rank, world_size = 0, 1
        handle, name = tempfile.mkstemp(prefix="pyburn-dist-")
        os.close(handle)
        os.unlink(name)
        _state["store_file"] = name
        init_method = Path(name).as_uri()
    for label, value in (("rank", rank), ("world_size", world_size)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise TypeError(f"pyburn.distributed.init: {label} must be an int, got "
                            f"{type(value).__name__}")
    if world_size is not None and world_size < 1:
        raise ValueError(f"pyburn.distributed.init: world_size must be >= 1, got {world_size}")
    if rank is not None and world_size is not None and not 0 <= rank < world_size:
        raise ValueError(f"pyburn.distributed.init: rank must be in [0, {world_size}), got {rank}")
    if backend is None:
        import torch
        backend = "cuda:nccl,cpu:gloo" if torch.cuda.is_available() else "gloo"
        if torch.cuda.is_available():
            torch.cuda.set_device(local_rank_from_env() % torch.cuda.device_count())
    kwargs: dict[str, Any] = {"backend": backend, "init_method": init_method, "timeout": delta}
    if rank is not None:
        kwargs["rank"] = rank
    if world_size is not None:
        kwargs["world_size"] = world_size
    try:
        dist.init_process_group(**kwargs)
    except Exception as exc:
        raise DistributedError(f"pyburn.distributed.init: could not join the group (backend "
                               f"{backend!r}, init_method {init_method!r}, rank {rank}, "
                               f"world_size {world_size}, timeout {delta.total_seconds():g} s): "
                               f"{exc}") from exc
    _state["timeout"] = delta
    if not _state["atexit"]:
        atexit.register(shutdown)
        _state["atexit"] = True


def local_rank_from_env() -> int:
    return _env_int("LOCAL_RANK") or 0


def is_initialized() -> bool:
    """Whether this process belongs to a group (False without torch)."""
    try:
        import torch.distributed as dist
    except ImportError:
        return False
    return bool(dist.is_available() and dist.is_initialized())


def rank() -> int:
    """This process's rank, 0 outside a group."""
    return int(_dist().get_rank()) if is_initialized() else 0


def world_size() -> int:
    """The number of processes, 1 outside a group."""
    return int(_dist().get_world_size()) if is_initialized() else 1


def local_rank() -> int:
    """The rank within this machine (torchrun's ``LOCAL_RANK``), which picks the device."""
    if not is_initialized():
        return 0
    value = _env_int("LOCAL_RANK")
    return rank() if value is None else value


def local_world_size() -> int:
    """Processes on this machine (torchrun's ``LOCAL_WORLD_SIZE``)."""
    if not is_initialized():
        return 1
    value = _env_int("LOCAL_WORLD_SIZE")
    return world_size() if value is None else value


def is_main() -> bool:
    """Whether this is rank 0, the process that writes checkpoints, logs and the dashboard."""
    return rank() == 0


def timeout() -> datetime.timedelta:
    """The group's collective timeout."""
    delta: datetime.timedelta = _state["timeout"]
    return delta


def barrier() -> None:
    """Wait for every rank. On gloo a rank that does not arrive within the timeout is named in
    the error (``monitored_barrier``)."""
    if not is_initialized():
        return
    dist = _dist()
    try:
        if dist.get_backend() == "gloo":
            dist.monitored_barrier(timeout=timeout())
        else:
            dist.barrier()
    except Exception as exc:
        raise collective_error("barrier", exc) from exc


def collective_error(op: str, exc: BaseException) -> DistributedError:
    """The error a surviving rank raises when a collective fails under it."""
    return DistributedError(
        f"pyburn.distributed.{op}: rank {rank()} of {world_size()} failed, a peer died or did "
        f"not answer within the timeout ({timeout().total_seconds():g} s): "
        f"{type(exc).__name__}: {exc}")


def shutdown() -> None:
    """Leave the group; safe to call twice, and called at exit."""
    if is_initialized():
        try:
            _dist().destroy_process_group()
        except Exception:
            pass  # a peer already gone: the group is being torn down anyway
    store_file = _state.get("store_file")
    if store_file:
        Path(store_file).unlink(missing_ok=True)
        _state["store_file"] = None
