"""``attention_weights``: the per-head attention weights of `MultiHeadAttention` as one op.

Inputs (primitives): ``query [B, H, Sq, dk]``, ``key [B, H, Sk, dk]``, and optional
``dropout`` (a float multiplier broadcastable to the scores: 0 where dropped, ``1 / keep``
elsewhere), ``mask_pad [B, 1, 1, Sk]`` and ``mask_attn [B, 1, Sq, Sk]`` (Bool, True = do not
attend). Attributes: ``sqrt_dk``, ``min_float``, ``quiet_softmax``. Output: the weights
``[B, H, Sq, Sk]``, computed exactly as Burn's ``MultiHeadAttention`` does::

    scores = query @ key^T / sqrt_dk;  scores *= dropout
    scores = mask_fill(scores, mask_pad, min_float);  scores = mask_fill(scores, mask_attn, ...)
    weights = softmax(scores, -1)   (or quiet_softmax: an implicit extra zero logit)

Why an op: the composite spends its time in the softmax's chain of full-size temporaries (max,
sub, exp, sum, div) and in their generic backward (the division's rule alone reads the scores
three times). The backward here is the closed form ``g_s = w * (g_w - sum(g_w * w))`` (the same
for quiet softmax, whose Jacobian on the real logits is the softmax's), masked and scaled, then
two matmuls; backends register native kernels (Torch: its fused softmax; NumPy/CuPy: in-place
``xp`` code) for the forward and this backward.
"""

from __future__ import annotations

from typing import Any, Sequence

from ..backend import CustomOp, OpContext


def _reference(B: Any, ctx: OpContext, query: Any, key: Any, dropout: Any, mask_pad: Any,
               mask_attn: Any, *, sqrt_dk: float, min_float: float,
               quiet_softmax: bool) -> Any:
    """Any backend: the same tensor ops the module would run, on the inner backend."""
    from pyburn.tensor import Bool, Tensor
    from pyburn.tensor import activation
    T = Tensor[B]
    TB = Tensor[B, Bool]
    scores = T.from_primitive(query).matmul(T.from_primitive(key).swap_dims(2, 3)) / sqrt_dk
    if dropout is not None:
        scores = scores * T.from_primitive(dropout)
    for mask in (mask_pad, mask_attn):
        if mask is not None:
            scores = scores.mask_fill(TB.from_primitive(mask), min_float)
    soft = activation.quiet_softmax if quiet_softmax else activation.softmax
    return soft(scores, 3).primitive


attention_weights = CustomOp("attention_weights", _reference)


@attention_weights.define_backward
def _backward(B: Any, ctx: OpContext, grad: Any) -> list[Any]:
    """The closed-form backward, with tensor ops of the inner backend (every backend)."""
    from pyburn.tensor import Bool, Tensor
    T = Tensor[B]
    TB = Tensor[B, Bool]
    query, key, dropout, mask_pad, mask_attn = ctx.inputs
    sqrt_dk = ctx.attrs["sqrt_dk"]
    w = T.from_primitive(ctx.outputs)
    g = T.from_primitive(grad)
    gw = g * w
    gs = gw - w * gw.sum_dim(3)
    for mask in (mask_pad, mask_attn):
        if mask is not None:
            gs = gs.mask_fill(TB.from_primitive(mask), 0.0)
    if dropout is not None:
        gs = gs * T.from_primitive(dropout)
    gs = gs / sqrt_dk
    out: list[Any] = [None] * 5
    if ctx.needs_input_grad[0]:
        out[0] = gs.matmul(T.from_primitive(key)).primitive
    if ctx.needs_input_grad[1]:
        out[1] = gs.swap_dims(2, 3).matmul(T.from_primitive(query)).primitive
    return out


def reference_kernel(B: Any, ctx: OpContext, *inputs: Any, **attrs: Any) -> Any:
    """The composite default kernel (for native kernels that defer some calls to it)."""
    return _reference(B, ctx, *inputs, **attrs)


def reference_backward(B: Any, ctx: OpContext, grad: Any) -> Sequence[Any]:
    """The default backward (for native backwards that defer some calls to it)."""
    return _backward(B, ctx, grad)


def _unstack_reference(B: Any, ctx: OpContext, packed: Any) -> tuple[Any, ...]:
    """``packed [n, ...]`` -> its `n` items (views where the backend has them)."""
    from pyburn.tensor import Tensor
    t = Tensor[B].from_primitive(packed)
    return tuple(t.narrow(0, i, 1).squeeze_dim(0).primitive for i in range(t.dims()[0]))


unstack3 = CustomOp("unstack3", _unstack_reference, n_outputs=3)
"""Self-attention's packed projection ``[3, B, H, S, dk]`` -> query, key, value. An op only for
its backward: one `stack` of the three gradients, where three slices would each build a zero
tensor of the packed size and the tape would add them."""


@unstack3.define_backward
def _unstack_backward(B: Any, ctx: OpContext, grads: Sequence[Any]) -> list[Any]:
    from pyburn.tensor import Tensor
    T = Tensor[B]
    if not ctx.needs_input_grad[0]:
        return [None]
    parts = [T.from_primitive(g) if g is not None else
             T.from_primitive(o).zeros_like() for g, o in zip(grads, ctx.outputs)]
    return [T.stack(parts, 0).primitive]
