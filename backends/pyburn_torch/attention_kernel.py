"""Native ``attention_weights`` for `Torch`: torch's fused softmax and in-place masking.

Forward: one batched matmul, the scale, dropout and masks applied in place on the scores, then
``torch.softmax`` (one fused kernel; quiet softmax as ``exp(s - m) / (exp(-m) + sum)`` with
``m = max(s, 0)``, in place). Backward: the closed form ``w * (g - sum(g * w))`` in place, the
masks and dropout, two matmuls. Autograd stays off, as everywhere in the Torch backend."""

from __future__ import annotations

from typing import Any

from pyburn.tensor.backend import OpContext
from pyburn.tensor.module_ops import attention_weights

from .backend import Torch
from .runtime import torch


@attention_weights.native(Torch)
def attention_weights_torch(B: Any, ctx: OpContext, query: Any, key: Any, dropout: Any,
                            mask_pad: Any, mask_attn: Any, *, sqrt_dk: float, min_float: float,
                            quiet_softmax: bool) -> Any:
    with torch.no_grad():
        scores = torch.matmul(query, key.transpose(2, 3))
        scores.div_(sqrt_dk)
        if dropout is not None:
            scores.mul_(dropout)
        for mask in (mask_pad, mask_attn):
            if mask is not None:
                scores.masked_fill_(mask, min_float)
        if not quiet_softmax:
            return torch.softmax(scores, 3)
        m = scores.amax(3, keepdim=True).clamp_min_(0.0)
        scores.sub_(m).exp_()
        denom = scores.sum(3, keepdim=True).add_(m.neg_().exp_())
        return scores.div_(denom)


@attention_weights.native_backward(Torch)
def attention_weights_torch_backward(B: Any, ctx: OpContext, grad: Any) -> list[Any]:
    query, key, dropout, mask_pad, mask_attn = ctx.inputs
    w = ctx.outputs
    with torch.no_grad():
        gs = grad * w
        gs.addcmul_(w, gs.sum(3, keepdim=True), value=-1.0)
        for mask in (mask_pad, mask_attn):
            if mask is not None:
                gs.masked_fill_(mask, 0.0)
        if dropout is not None:
            gs.mul_(dropout)
        gs.div_(ctx.attrs["sqrt_dk"])
        out: list[Any] = [None] * 5
        if ctx.needs_input_grad[0]:
            out[0] = torch.matmul(gs, key)
        if ctx.needs_input_grad[1]:
            out[1] = torch.matmul(gs.transpose(2, 3), query)
        return out
