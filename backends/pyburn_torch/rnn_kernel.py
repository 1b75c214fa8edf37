"""Native ``rnn_sequence`` for `Torch`: the whole sequence in torch's own fused RNN kernel.

The forward is one ``torch.rnn_tanh``/``torch.rnn_relu`` call with a flat weight list (as
`lstm_kernel` does for ``torch.lstm``): our ``w_ih [I, H]``/``w_hh [H, H]`` are torch's
``weight_ih_l0``/``weight_hh_l0`` transposed, our single bias goes in as ``b_ih`` with a zero
``b_hh``, and ``reverse`` flips the input and the output along time. For gradients, the forward
runs under ``torch.enable_grad()`` on detached leaves and the native backward calls
``torch.autograd.grad`` once on the kept graph; every other op of the `Torch` backend keeps
torch autograd off. Dtypes torch's CPU kernel does not take, and empty sequences, defer to the
op's composite default.
"""

from __future__ import annotations

from typing import Any, Sequence

from pyburn.tensor.backend import OpContext
from pyburn.tensor.module_ops import rnn_sequence
from pyburn.tensor.module_ops.rnn_sequence import (check_nonlinearity, reference_backward,
                                                   reference_kernel)

from .backend import Torch
from .runtime import torch

_CPU_DTYPES = (torch.float32, torch.float64) if torch is not None else ()


def _native(x: Any) -> bool:
    """Whether torch's fused kernel takes this call."""
    if x.shape[0] == 0 or x.shape[1] == 0:
        return False
    return x.dtype in _CPU_DTYPES or x.device.type == "cuda"


def _run(x: Any, h0: Any, w_ih: Any, w_hh: Any, b: Any, nonlinearity: str,
         reverse: bool) -> tuple[Any, Any]:
    """``torch.rnn_*`` on our layout: seq-first `x`, ``[B, H]`` state, ``[in, H]`` blocks."""
    if reverse:
        x = x.flip(0)
    weights = [w_ih.t(), w_hh.t()]
    if b is not None:
        weights += [b, torch.zeros_like(b)]
    fn = torch.rnn_tanh if nonlinearity == "tanh" else torch.rnn_relu
    y, h = fn(x, h0.unsqueeze(0), weights, b is not None, 1, 0.0, True, False, False)
    if reverse:
        y = y.flip(0)
    return y, h.squeeze(0)


@rnn_sequence.native(Torch)
def rnn_sequence_torch(B: Any, ctx: OpContext, x: Any, h0: Any, w_ih: Any, w_hh: Any, b: Any,
                       *, nonlinearity: str = "tanh", reverse: bool = False) -> tuple[Any, Any]:
    """Torch's fused RNN, its graph kept for `rnn_sequence_torch_backward` when needed."""
    check_nonlinearity("rnn_sequence", nonlinearity)
    if not _native(x):
        return reference_kernel(B, ctx, x, h0, w_ih, w_hh, b, nonlinearity=nonlinearity,
                                reverse=reverse)
    if not ctx.needs_grad:
        with torch.no_grad():
            return _run(x, h0, w_ih, w_hh, b, nonlinearity, reverse)
    inputs = (x, h0, w_ih, w_hh, b)
    leaves = tuple(None if p is None else p.detach().requires_grad_(need)
                   for p, need in zip(inputs, ctx.needs_input_grad))
    x_, h0_, w_ih_, w_hh_, b_ = leaves
    with torch.enable_grad():
        outs = _run(x_, h0_, w_ih_, w_hh_, b_, nonlinearity, reverse)
    ctx.save(leaves, outs)
    return outs[0].detach(), outs[1].detach()


@rnn_sequence.native_backward(Torch)
def rnn_sequence_torch_backward(B: Any, ctx: OpContext, grads: Sequence[Any]) -> list[Any]:
    """Backward through time by torch autograd on the graph the forward kept (used once)."""
    if not _native(ctx.inputs[0]):
        return reference_backward(B, ctx, grads)
    leaves, outs = ctx.saved
    ctx.saved = ()
    pairs = [(o, g) for o, g in zip(outs, grads) if g is not None]
    wanted = [i for i, (leaf, need) in enumerate(zip(leaves, ctx.needs_input_grad))
              if need and leaf is not None]
    result: list[Any] = [None] * len(leaves)
    if not pairs or not wanted:
        return result
    with torch.enable_grad():
        found = torch.autograd.grad([o for o, _ in pairs], [leaves[i] for i in wanted],
                                    [g for _, g in pairs], allow_unused=True)
    for i, g in zip(wanted, found):
        result[i] = None if g is None else g.detach()
    return result
