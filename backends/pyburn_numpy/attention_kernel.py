"""Native ``attention_weights`` for array-module backends (NumPy, and CuPy through ``xp``):
the scores are computed once and every later step (scale, dropout, masks, softmax) runs in
place on that buffer; the backward is the closed form, in place too, then two matmuls.
Registered on `ArrayBackend`, so every backend built on it gets it."""

from __future__ import annotations

from typing import Any

from pyburn.tensor.backend import OpContext
from pyburn.tensor.module_ops import attention_weights

from .array_backend import ArrayBackend


@attention_weights.native(ArrayBackend)
def attention_weights_array(B: Any, ctx: OpContext, query: Any, key: Any, dropout: Any,
                            mask_pad: Any, mask_attn: Any, *, sqrt_dk: float, min_float: float,
                            quiet_softmax: bool) -> Any:
    xp = B.xp
    scores = xp.matmul(query, xp.swapaxes(key, 2, 3))
    scores /= scores.dtype.type(sqrt_dk)
    if dropout is not None:
        scores *= dropout
    for mask in (mask_pad, mask_attn):
        if mask is not None:
            xp.copyto(scores, scores.dtype.type(min_float), where=xp.broadcast_to(mask, scores.shape))
    m = scores.max(axis=3, keepdims=True)
    if quiet_softmax:
        xp.maximum(m, 0, out=m)
    scores -= m
    xp.exp(scores, out=scores)
    denom = scores.sum(axis=3, keepdims=True)
    if quiet_softmax:
        denom += xp.exp(-m)
    scores /= denom
    return scores


@attention_weights.native_backward(ArrayBackend)
def attention_weights_array_backward(B: Any, ctx: OpContext, grad: Any) -> list[Any]:
    xp = B.xp
    query, key, dropout, mask_pad, mask_attn = ctx.inputs
    w = ctx.outputs
    gs = grad * w
    gs -= w * gs.sum(axis=3, keepdims=True)
    for mask in (mask_pad, mask_attn):
        if mask is not None:
            xp.copyto(gs, gs.dtype.type(0), where=xp.broadcast_to(mask, gs.shape))
    if dropout is not None:
        gs *= dropout
    gs /= gs.dtype.type(ctx.attrs["sqrt_dk"])
    out: list[Any] = [None] * 5
    if ctx.needs_input_grad[0]:
        out[0] = xp.matmul(gs, key)
    if ctx.needs_input_grad[1]:
        out[1] = xp.matmul(xp.swapaxes(gs, 2, 3), query)
    return out
