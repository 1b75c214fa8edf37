"""Tensors of any pyburn backend as torch tensors for `torch.distributed`, without copies.

NumPy arrays enter through ``torch.from_numpy`` (shared memory), torch tensors as they are, and
any other DLPack producer (CuPy) through ``torch.from_dlpack``; results go back through the
tensor class's own ``from_dlpack``, which shares memory again. Only a backend without a DLPack
hook pays a host copy (correct, slower).
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

__all__ = ["from_torch", "torch_view"]


def torch_view(tensor: Any) -> Any:
    """A torch tensor sharing `tensor`'s memory (an Autodiff tensor: its inner value). Read it,
    never write it: pyburn tensors are immutable values."""
    import torch
    backend = type(tensor).backend
    source = backend.to_dlpack(tensor.primitive, tensor.kind.prefix)
    if source is None:
        return torch.from_numpy(np.ascontiguousarray(tensor.to_numpy()))
    if isinstance(source, torch.Tensor):
        return source.detach()
    if isinstance(source, np.ndarray):
        if any(stride < 0 for stride in source.strides):
            source = np.ascontiguousarray(source)   # torch has no negative strides
        with warnings.catch_warnings():
            # read-only arrays (a tensor's own memory) are only read here
            warnings.filterwarnings("ignore", message="The given NumPy array is not writable")
            return torch.from_numpy(source)
    return torch.from_dlpack(source)


def from_torch(like: Any, value: Any) -> Any:
    """`value` (a torch tensor) as a tensor of `like`'s class on `like`'s device, sharing
    memory where the backend can."""
    out = type(like).from_dlpack(value, device=like.device)
    return out
