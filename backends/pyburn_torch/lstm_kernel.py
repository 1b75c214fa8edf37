"""Native ``lstm_sequence`` for `Torch`: the whole sequence in torch's own fused LSTM kernel.

The forward is one ``torch.lstm`` call (oneDNN on CPU, cuDNN on CUDA) with a flat weight list.
Our blocks ``w_ih [I, 4H]``/``w_hh [H, 4H]`` are torch's ``weight_ih_l0``/``weight_hh_l0``
transposed, and both use the gate order i, f, g, o, so no permutation is needed; our single
bias goes in as ``b_ih`` with a zero ``b_hh``. ``reverse`` flips the input and the output
along time.

Torch autograd is used only here, as the engine of this kernel's own fused backward: when
pyburn's `Autodiff` asks for gradients, the forward runs under ``torch.enable_grad()`` on
detached leaves (no copies) that require grad, the torch graph is kept in the op context, and
the native backward calls ``torch.autograd.grad`` once. Every other op of the `Torch` backend
keeps torch autograd off (its tensors never require grad); the gradients handed back are plain
tensors again.

Torch's kernel has no ``clip`` and no ``input_forget`` (coupled gates), and only float32/float64
(and cuDNN's half types on CUDA) are worth sending to it: those calls defer to the op's
composite default (`reference_kernel`/`reference_backward`), which gives the generic path's
values exactly.
"""

from __future__ import annotations

from typing import Any, Sequence

from pyburn.tensor.backend import OpContext
from pyburn.tensor.module_ops import lstm_sequence
from pyburn.tensor.module_ops.lstm_sequence import reference_backward, reference_kernel

from .backend import Torch
from .runtime import torch

_CPU_DTYPES = (torch.float32, torch.float64) if torch is not None else ()


def _native(x: Any, attrs: dict[str, Any]) -> bool:
    """Whether torch's fused kernel computes this call exactly as the op defines it."""
    if attrs.get("clip") is not None or attrs.get("input_forget", False):
        return False
    if x.shape[0] == 0 or x.shape[1] == 0:
        return False
    return x.dtype in _CPU_DTYPES or x.device.type == "cuda"


def _run(x: Any, h0: Any, c0: Any, w_ih: Any, w_hh: Any, b: Any,
         reverse: bool) -> tuple[Any, Any, Any]:
    """``torch.lstm`` on our layout: seq-first `x`, ``[B, H]`` states, ``[in, 4H]`` blocks."""
    if reverse:
        x = x.flip(0)
    weights = [w_ih.t(), w_hh.t()]
    if b is not None:
        weights += [b, torch.zeros_like(b)]
    y, h, c = torch.lstm(x, (h0.unsqueeze(0), c0.unsqueeze(0)), weights, b is not None,
                         1, 0.0, True, False, False)
    if reverse:
        y = y.flip(0)
    return y, h.squeeze(0), c.squeeze(0)


@lstm_sequence.native(Torch)
def lstm_sequence_torch(B: Any, ctx: OpContext, x: Any, h0: Any, c0: Any, w_ih: Any, w_hh: Any,
                        b: Any, *, clip: float | None = None, input_forget: bool = False,
                        reverse: bool = False) -> tuple[Any, Any, Any]:
    """Torch's fused LSTM, its graph kept for `lstm_sequence_torch_backward` when needed."""
    if not _native(x, ctx.attrs):
        return reference_kernel(B, ctx, x, h0, c0, w_ih, w_hh, b, clip=clip,
                                input_forget=input_forget, reverse=reverse)
    if not ctx.needs_grad:
        with torch.no_grad():
            return _run(x, h0, c0, w_ih, w_hh, b, reverse)
    inputs = (x, h0, c0, w_ih, w_hh, b)
    leaves = tuple(None if p is None else p.detach().requires_grad_(need)
                   for p, need in zip(inputs, ctx.needs_input_grad))
    x_, h0_, c0_, w_ih_, w_hh_, b_ = leaves
    with torch.enable_grad():
        outs = _run(x_, h0_, c0_, w_ih_, w_hh_, b_, reverse)
    ctx.save(leaves, outs)
    return outs[0].detach(), outs[1].detach(), outs[2].detach()


@lstm_sequence.native_backward(Torch)
def lstm_sequence_torch_backward(B: Any, ctx: OpContext, grads: Sequence[Any]) -> list[Any]:
    """Backward through time by torch autograd on the graph the forward kept (used once: the
    graph is released afterwards, as pyburn's tape releases its own)."""
    if not _native(ctx.inputs[0], ctx.attrs):
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
