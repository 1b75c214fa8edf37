"""Gradient synchronisation (torch DDP's reducer, Burn's collective all-reduce): every rank
holds the mean of all ranks' gradients before its optimizer step, so steps stay identical.

Gradients are packed in parameter order into flat buckets of at most `bucket_cap_mb` (one per
dtype and device), each bucket is all-reduced (summed) as soon as it is full, asynchronously,
so its communication overlaps the packing of the next, then divided by the world size and
unpacked as views of the bucket. ``bucket_cap_mb=0`` sends each gradient alone (unbucketed).

Overlap with the backward pass itself is not possible here: pyburn's Autodiff returns every
gradient at once from ``backward()`` (there is no per-leaf hook), so synchronisation starts
when the backward has finished; on two CPU cores that is also the faster choice (both cores
are busy with the backward).

A parameter without a gradient on some ranks (unused in their forward) is averaged as if those
ranks had a zero gradient (DDP's ``find_unused_parameters``); one without a gradient on every
rank keeps none. Each bucket carries one presence count per parameter for that, so a step needs
no extra collective. On the first step the ranks compare a hash of the layout (names, shapes,
dtypes), so mismatched models fail with a clear error instead of mixing values.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from .bridge import from_torch, torch_view
from .errors import DistributedError
from .process_group import collective_error, is_initialized, world_size

__all__ = ["DEFAULT_BUCKET_CAP_MB", "GradientSynchronizer", "check_bucket_cap", "sync_gradients"]

DEFAULT_BUCKET_CAP_MB = 25.0
"""torch DDP's default bucket size."""


def check_bucket_cap(op: str, bucket_cap_mb: object) -> float:
    if isinstance(bucket_cap_mb, bool) or not isinstance(bucket_cap_mb, (int, float)) \
            or not bucket_cap_mb >= 0 or bucket_cap_mb == float("inf"):
        raise ValueError(f"{op}: bucket_cap_mb must be a finite number >= 0 (0: one gradient "
                         f"per all-reduce), got {bucket_cap_mb!r}")
    return float(bucket_cap_mb)


@dataclass
class _Slot:
    path: str
    param: Any
    grad: Any          # the inner-backend gradient, or None on this rank
    view: Any          # torch view of the gradient (or of the parameter, for its shape)


def _trainable(module: Any) -> list[tuple[str, Any]]:
    out = []
    for path, param in module.named_params():
        if not param.require_grad or not param.is_initialized():
            continue
        if param.val().kind.prefix != "float":
            continue
        out.append((path, param))
    return out


def buckets_of(views: list[tuple[Any, Any]], cap_bytes: float) -> list[list[int]]:
    """Indices of `views` ((key, torch tensor) pairs) grouped into buckets: same key (dtype and
    device), in order, each at most `cap_bytes` unless one tensor alone is larger."""
    open_: dict[Any, tuple[list[int], int]] = {}
    done: list[list[int]] = []
    for index, (key, view) in enumerate(views):
        size = view.numel() * view.element_size()
        members, used = open_.get(key, ([], 0))
        if members and used + size > cap_bytes:
            done.append(members)
            members, used = [], 0
        members.append(index)
        open_[key] = (members, used + size)
    done.extend(members for members, _ in open_.values() if members)
    return sorted(done, key=lambda b: b[0])


class GradientSynchronizer:
    """Averages `GradientsParams` across the ranks of the process group."""

    def __init__(self, bucket_cap_mb: float = DEFAULT_BUCKET_CAP_MB) -> None:
        self.bucket_cap_mb = check_bucket_cap("GradientSynchronizer", bucket_cap_mb)
        self._checked: set[str] = set()

    def sync(self, grads: Any, module: Any) -> Any:
        """The mean over all ranks of `grads` (a `GradientsParams`, or the `Gradients` of a
        backward pass) for `module`'s trainable parameters; `grads` itself is not changed.
        Outside a group, or in a world of one, `grads` is returned as it is."""
        from pyburn.optim import GradientsParams
        if not isinstance(grads, GradientsParams):
            grads = GradientsParams.from_grads(grads, module)
        if not is_initialized() or world_size() == 1:
            return grads
        import torch
        import torch.distributed as dist
        slots = []
        for path, param in _trainable(module):
            grad = grads.get(param.id)
            source = grad if grad is not None else param.val()
            slots.append(_Slot(path, param, grad, torch_view(source)))
        self._check_layout(slots)
        keyed = [((s.view.dtype, s.view.device), s.view) for s in slots]
        cap = self.bucket_cap_mb * 1024 * 1024
        world = world_size()
        pending = []
        try:
            for members in buckets_of(keyed, cap):
                first = slots[members[0]].view
                sizes = [slots[i].view.numel() for i in members]
                flat = torch.empty(len(members) + sum(sizes), dtype=first.dtype,
                                   device=first.device)
                offset = len(members)
                for k, i in enumerate(members):
                    slot = slots[i]
                    flat[k] = 0.0 if slot.grad is None else 1.0
                    part = flat[offset:offset + sizes[k]]
                    if slot.grad is None:
                        part.zero_()
                    else:
                        part.copy_(slot.view.reshape(-1))
                    offset += sizes[k]
                work = dist.all_reduce(flat, op=dist.ReduceOp.SUM, async_op=True)
                pending.append((members, sizes, flat, work))
            out = grads.copy()
            for members, sizes, flat, work in pending:
                work.wait()
                flat.div_(world)
                offset = len(members)
                for k, i in enumerate(members):
                    slot = slots[i]
                    part = flat[offset:offset + sizes[k]].view(slot.view.shape)
                    offset += sizes[k]
                    if float(flat[k]) == 0.0:    # no rank had a gradient for it
                        continue
                    like = slot.grad if slot.grad is not None else _inner(slot.param.val())
                    out.register(slot.param.id, from_torch(like, part))
        except DistributedError:
            raise
        except Exception as exc:
            raise collective_error("sync_gradients", exc) from exc
        return out

    def _check_layout(self, slots: list[_Slot]) -> None:
        """Once per layout: every rank must pack the same parameters in the same order."""
        text = ";".join(f"{s.path}:{list(s.view.shape)}:{s.view.dtype}" for s in slots)
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in self._checked:
            return
        import torch
        import torch.distributed as dist
        value = int(digest[:12], 16)
        both = torch.tensor([value, -value], dtype=torch.int64)
        try:
            dist.all_reduce(both, op=dist.ReduceOp.MIN)
        except Exception as exc:
            raise collective_error("sync_gradients", exc) from exc
        if int(both[0]) != value or int(both[1]) != -value:
            raise DistributedError(
                f"pyburn.distributed.sync_gradients: the ranks hold different models (parameter "
                f"names, shapes or dtypes differ); this rank has {len(slots)} trainable "
                f"parameters: {text[:300]}")
        self._checked.add(digest)


def _inner(tensor: Any) -> Any:
    return tensor.inner() if type(tensor).backend.is_autodiff() else tensor


def sync_gradients(grads: Any, module: Any,
                   bucket_cap_mb: float = DEFAULT_BUCKET_CAP_MB) -> Any:
    """``GradientSynchronizer(bucket_cap_mb).sync(grads, module)``: the gradients averaged over
    every rank, ready for ``optim.step``."""
    return GradientSynchronizer(bucket_cap_mb).sync(grads, module)
