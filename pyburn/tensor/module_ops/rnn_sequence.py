"""``rnn_sequence``: a whole Elman RNN sequence (forward and backward through time) as one op.

Inputs (primitives, seq-first): ``x [T, B, I]``, ``h0 [B, H]``, ``w_ih [I, H]``,
``w_hh [H, H]`` and bias ``b [H]`` (or None). Attributes: ``nonlinearity`` (``"tanh"`` or
``"relu"``, as ``torch.nn.RNN``) and ``reverse`` (process t = T-1 .. 0; outputs stay at their
time index). Outputs: ``y [T, B, H]`` and the final ``h``. Each step is
``h = act(x_t @ w_ih + b + h @ w_hh)``.

As `lstm_sequence`: the default kernel runs the per-step recurrence with ordinary tensor ops on
an internal ``Autodiff`` tape when a gradient is needed (so its backward is the generic path's),
and native kernels (NumPy/CuPy, Torch) register themselves from their backend packages.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Sequence

from ..backend import CustomOp, OpContext
from ._tape import run_taped, taped_backward

NONLINEARITIES = ("tanh", "relu")


class RnnSequenceOutput(NamedTuple):
    output: Any
    hidden: Any


def check_nonlinearity(op: str, nonlinearity: Any) -> str:
    """`nonlinearity` if it is one the op knows, else a ValueError naming `op`."""
    if nonlinearity not in NONLINEARITIES:
        raise ValueError(f"{op}: nonlinearity must be one of {list(NONLINEARITIES)} (as "
                         f"torch.nn.RNN), got {nonlinearity!r}")
    return str(nonlinearity)


def _reference(B: Any, ctx: OpContext, x: Any, h0: Any, w_ih: Any, w_hh: Any, b: Any, *,
               nonlinearity: str = "tanh", reverse: bool = False) -> tuple[Any, Any]:
    check_nonlinearity("rnn_sequence", nonlinearity)
    out: tuple[Any, Any] = run_taped(
        B, ctx, lambda *t: recurrence(*t, nonlinearity=nonlinearity, reverse=reverse),
        (x, h0, w_ih, w_hh, b))
    return out


def recurrence(x: Any, h: Any, w_ih: Any, w_hh: Any, b: Any, *, nonlinearity: str,
               reverse: bool) -> tuple[Any, Any]:
    """The RNN recurrence with tensor ops on seq-first tensors: ``(y, final h)``."""
    seq, batch, _ = x.dims()
    xw = x.reshape([seq * batch, -1]).matmul(w_ih).reshape([seq, batch, -1])
    if b is not None:
        xw = xw + b
    outputs: list[Any] = [None] * seq
    for t in (range(seq - 1, -1, -1) if reverse else range(seq)):
        z = xw[t] + h.matmul(w_hh)
        h = z.tanh() if nonlinearity == "tanh" else z.relu()
        outputs[t] = h
    from pyburn.tensor import Tensor
    y = Tensor.stack(outputs, 0) if seq else xw
    return y, h


rnn_sequence = CustomOp("rnn_sequence", _reference, n_outputs=2)
rnn_sequence.define_backward(taped_backward)


def reference_kernel(B: Any, ctx: OpContext, *inputs: Any, **attrs: Any) -> tuple[Any, Any]:
    """The composite default kernel, for native kernels that defer some calls to it."""
    return _reference(B, ctx, *inputs, **attrs)


def reference_backward(B: Any, ctx: OpContext, grads: Sequence[Any]) -> list[Any]:
    """The backward of `reference_kernel` (it reads what that kernel saved in `ctx`)."""
    return taped_backward(B, ctx, grads)
