"""Native ``layer_norm`` for `Torch`: ``native_layer_norm`` and its backward, one kernel each.

Torch computes the mean and the reciprocal std in the forward kernel; they are all the backward
needs (with the input and gamma), so nothing else is kept for the tape.
"""

from __future__ import annotations

from typing import Any, Sequence

from pyburn.tensor.backend import OpContext
from pyburn.tensor.module_ops.layer_norm import layer_norm

from .backend import Torch
from .runtime import torch


@layer_norm.native(Torch)
def layer_norm_torch(B: Any, ctx: OpContext, x: Any, gamma: Any, beta: Any, *,
                     epsilon: float) -> Any:
    out, mean, rstd = torch.native_layer_norm(x, (x.shape[-1],), gamma, beta, epsilon)
    if ctx.needs_grad:
        ctx.save(mean, rstd)
    return out


@layer_norm.native_backward(Torch)
def layer_norm_torch_backward(B: Any, ctx: OpContext, grad: Any) -> Sequence[Any]:
    x, gamma, beta = ctx.inputs
    mean, rstd = ctx.saved
    want_x, want_gamma, want_beta = ctx.needs_input_grad
    mask = [want_x, want_gamma, want_beta and beta is not None]
    grad_x, grad_gamma, grad_beta = torch.ops.aten.native_layer_norm_backward.default(
        grad, x, (x.shape[-1],), mean, rstd, gamma, beta, mask)
    return grad_x, grad_gamma, grad_beta
