"""Rank 0's parameters on every rank (torch DDP does the same when it wraps a model): models
initialised with different random draws start identical, so with averaged gradients and the
same optimizer every step keeps them identical."""

from __future__ import annotations

from typing import Any, TypeVar

from .bridge import from_torch, torch_view
from .errors import DistributedError
from .grad_sync import DEFAULT_BUCKET_CAP_MB, buckets_of, check_bucket_cap
from .process_group import collective_error, is_initialized, rank, world_size

__all__ = ["all_reduce_sum", "broadcast_module", "broadcast_int"]

M = TypeVar("M")


def broadcast_module(module: M, src: int = 0,
                     bucket_cap_mb: float = DEFAULT_BUCKET_CAP_MB) -> M:
    """`module` with every parameter and running state (float ones: BatchNorm statistics too)
    replaced by rank `src`'s values; ids and ``require_grad`` flags stay this rank's. Outside a
    group, or in a world of one, `module` is returned as it is."""
    cap = check_bucket_cap("broadcast_module", bucket_cap_mb)
    if not is_initialized() or world_size() == 1:
        return module
    if not 0 <= src < world_size():
        raise ValueError(f"broadcast_module: src must be a rank in [0, {world_size()}), got {src}")
    import torch
    import torch.distributed as dist
    # val() creates lazy parameters first: rank 0's values replace them either way
    named = [(path, param) for path, param in module.named_params()  # type: ignore[attr-defined]
             if param.val().kind.prefix == "float"]
    views = [torch_view(param.val()) for _, param in named]
    _check_shapes(named, views)
    new: dict[str, Any] = {}
    try:
        for members in buckets_of([((v.dtype, v.device), v) for v in views], cap * 1024 * 1024):
            first = views[members[0]]
            flat = (torch.cat([views[i].reshape(-1) for i in members]) if rank() == src else
                    torch.empty(sum(views[i].numel() for i in members), dtype=first.dtype,
                                device=first.device))
            dist.broadcast(flat, src=src)
            if rank() == src:
                continue
            offset = 0
            for i in members:
                size = views[i].numel()
                path, param = named[i]
                value = param.val()
                part = flat[offset:offset + size].view(views[i].shape)
                offset += size
                new[path] = _like(value, part)
    except Exception as exc:
        raise collective_error("broadcast_module", exc) from exc
    if not new:
        return module
    return module.map(  # type: ignore[attr-defined]
        lambda path, param: param.with_value(new[path]) if path in new else param)


def _like(value: Any, part: Any) -> Any:
    cls = type(value)
    if cls.backend.is_autodiff():
        inner = value.inner()
        out = cls.from_inner(from_torch(inner, part))
        return out.require_grad() if value.is_require_grad() else out
    return from_torch(value, part)


def _check_shapes(named: list[tuple[str, Any]], views: list[Any]) -> None:
    """Every rank must hold the same parameters, or the broadcast would scramble them."""
    text = ";".join(f"{p}:{list(v.shape)}:{v.dtype}" for (p, _), v in zip(named, views))
    import hashlib
    value = int(hashlib.sha256(text.encode()).hexdigest()[:12], 16)
    ok = all_reduce_sum([float(value), -float(value)], op="min")
    if ok[0] != value or ok[1] != -value:
        raise DistributedError(f"pyburn.distributed.broadcast_module: the ranks hold different "
                               f"models (parameter names, shapes or dtypes differ); rank "
                               f"{rank()} has {len(named)} parameters: {text[:300]}")


def all_reduce_sum(values: list[float], op: str = "sum") -> list[float]:
    """`values` reduced over every rank (``op``: sum, min or max) in float64, on the CPU:
    epoch metrics, counts, decisions that must agree."""
    if not is_initialized() or world_size() == 1:
        return list(values)
    import torch
    import torch.distributed as dist
    ops = {"sum": dist.ReduceOp.SUM, "min": dist.ReduceOp.MIN, "max": dist.ReduceOp.MAX}
    tensor = torch.tensor(values, dtype=torch.float64)
    try:
        dist.all_reduce(tensor, op=ops[op])
    except Exception as exc:
        raise collective_error("all_reduce", exc) from exc
    return [float(v) for v in tensor.tolist()]


def broadcast_int(value: int, src: int = 0) -> int:
    """Rank `src`'s integer on every rank (e.g. a run seed drawn on rank 0)."""
    if not is_initialized() or world_size() == 1:
        return value
    import torch
    import torch.distributed as dist
    tensor = torch.tensor([value], dtype=torch.int64)
    try:
        dist.broadcast(tensor, src=src)
    except Exception as exc:
        raise collective_error("broadcast", exc) from exc
    return int(tensor[0])
