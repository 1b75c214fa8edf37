"""``lstm_sequence``: a whole LSTM sequence (forward and backward through time) as one op.

Inputs (primitives, seq-first): ``x [T, B, I]``, ``h0``/``c0 [B, H]``, the fused gate weights
``w_ih [I, G*H]``, ``w_hh [H, G*H]`` and bias ``b [G*H]`` (or None). Gates are laid out
``i, f, g, o`` (input, forget, cell candidate, output); with ``input_forget`` the forget gate is
``1 - i`` and the layout is ``i, g, o`` (G = 3). Attributes: ``clip`` (cell clamp after every
step), ``input_forget``, ``reverse`` (process t = T-1 .. 0; outputs stay at their time index).
Outputs: ``y [T, B, H]``, the final ``h`` and ``c``. Activations are the standard sigmoid/tanh:
modules with other activations use their per-step path.

The default kernel runs the per-step recurrence with ordinary tensor ops, on an internal
``Autodiff`` tape when a gradient is needed, so its backward is exactly the generic path's;
native kernels (NumPy/CuPy, Torch) register themselves from their backend packages. A native
kernel that cannot handle some call (Torch's fused kernel has no ``clip``/``input_forget``)
defers to `reference_kernel` and, in its backward, to `reference_backward`.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Sequence

from ..backend import CustomOp, OpContext
from ._tape import run_taped, taped_backward


class LstmSequenceOutput(NamedTuple):
    output: Any
    hidden: Any
    cell: Any


def _reference(B: Any, ctx: OpContext, x: Any, h0: Any, c0: Any, w_ih: Any, w_hh: Any, b: Any,
               *, clip: float | None = None, input_forget: bool = False,
               reverse: bool = False) -> tuple[Any, Any, Any]:
    out: tuple[Any, Any, Any] = run_taped(
        B, ctx, lambda *t: _recurrence(*t, clip=clip, input_forget=input_forget,
                                       reverse=reverse),
        (x, h0, c0, w_ih, w_hh, b))
    return out


def _recurrence(x: Any, h: Any, c: Any, w_ih: Any, w_hh: Any, b: Any, *, clip: float | None,
                input_forget: bool, reverse: bool) -> tuple[Any, Any, Any]:
    """The LSTM recurrence with tensor ops (Burn's lstm.rs, on fused gate blocks)."""
    seq, batch, _ = x.dims()
    hidden = h.dims()[1]
    xw = x.reshape([seq * batch, -1]).matmul(w_ih).reshape([seq, batch, -1])
    if b is not None:
        xw = xw + b
    steps = range(seq - 1, -1, -1) if reverse else range(seq)
    outputs: list[Any] = [None] * seq
    for t in steps:
        z = xw[t] + h.matmul(w_hh)
        i = z[:, :hidden].sigmoid()
        if input_forget:
            f = 1.0 - i
            g = z[:, hidden:2 * hidden].tanh()
            o = z[:, 2 * hidden:].sigmoid()
        else:
            f = z[:, hidden:2 * hidden].sigmoid()
            g = z[:, 2 * hidden:3 * hidden].tanh()
            o = z[:, 3 * hidden:].sigmoid()
        c = f * c + i * g
        if clip is not None:
            c = c.clamp(-clip, clip)
        h = o * c.tanh()
        outputs[t] = h
    from pyburn.tensor import Tensor
    y = Tensor.stack(outputs, 0) if seq else x.zeros_like()[:, :, :0]
    return y, h, c


lstm_sequence = CustomOp("lstm_sequence", _reference, n_outputs=3)
lstm_sequence.define_backward(taped_backward)


def reference_kernel(B: Any, ctx: OpContext, *inputs: Any, **attrs: Any) -> tuple[Any, Any, Any]:
    """The composite default kernel, for native kernels that defer some calls to it."""
    return _reference(B, ctx, *inputs, **attrs)


def reference_backward(B: Any, ctx: OpContext, grads: Sequence[Any]) -> list[Any]:
    """The backward of `reference_kernel` (it reads what that kernel saved in `ctx`)."""
    return taped_backward(B, ctx, grads)
