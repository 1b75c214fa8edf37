"""Native ``rnn_sequence`` for array-module backends (NumPy, and CuPy through ``xp``).

One GEMM projects the inputs of every time step, one GEMM per step adds the recurrence and the
nonlinearity runs in place on the step's output buffer; the backward is a manual BPTT (one GEMM
per step for the hidden gradient) whose weight gradients are single GEMMs over all steps.
Registered on `ArrayBackend`, so every backend built on it (and its dtype variants) gets it.
"""

from __future__ import annotations

from typing import Any, Sequence

from pyburn.tensor.backend import OpContext
from pyburn.tensor.module_ops import rnn_sequence
from pyburn.tensor.module_ops.rnn_sequence import check_nonlinearity

from .array_backend import ArrayBackend


@rnn_sequence.native(ArrayBackend)
def rnn_sequence_array(B: Any, ctx: OpContext, x: Any, h0: Any, w_ih: Any, w_hh: Any, b: Any,
                       *, nonlinearity: str = "tanh", reverse: bool = False) -> tuple[Any, Any]:
    check_nonlinearity("rnn_sequence", nonlinearity)
    xp = B.xp
    seq, batch, d_in = x.shape
    if reverse:
        x = x[::-1]
    ys = (x.reshape(seq * batch, d_in) @ w_ih).reshape(seq, batch, -1)  # a fresh buffer
    if b is not None:
        ys += b
    h = h0
    for t in range(seq):
        z = ys[t]
        z += h @ w_hh
        if nonlinearity == "tanh":
            xp.tanh(z, out=z)
        else:
            xp.maximum(z, 0, out=z)
        h = z
    if ctx.needs_grad:
        ctx.save(x, h0, ys)
    y = ys[::-1] if reverse else ys
    return xp.ascontiguousarray(y), (ys[seq - 1].copy() if seq else h0.copy())


@rnn_sequence.native_backward(ArrayBackend)
def rnn_sequence_array_backward(B: Any, ctx: OpContext, grads: Sequence[Any]) -> list[Any]:
    xp = B.xp
    x, h0, ys = ctx.saved
    ctx.saved = ()
    _, _, w_ih, w_hh, b = ctx.inputs
    tanh = ctx.attrs.get("nonlinearity", "tanh") == "tanh"
    reverse = ctx.attrs.get("reverse", False)
    seq, batch, d_in = x.shape
    H = h0.shape[1]
    dy, dh_last = grads
    if dy is not None and reverse:
        dy = dy[::-1]
    dh = (xp.zeros((batch, H), dtype=x.dtype) if dh_last is None
          else dh_last.astype(x.dtype, copy=True))
    dz_all = xp.empty_like(ys)
    w_hh_t = w_hh.T
    for t in range(seq - 1, -1, -1):
        if dy is not None:
            dh += dy[t]
        y = ys[t]
        dz = dz_all[t]
        if tanh:
            xp.multiply(y, y, out=dz)
            xp.subtract(1.0, dz, out=dz)
            dz *= dh
        else:
            xp.multiply(dh, y > 0, out=dz)
        dh = dz @ w_hh_t
    need = ctx.needs_input_grad
    flat_dz = dz_all.reshape(seq * batch, H)
    dx = None
    if need[0]:
        dx = (flat_dz @ w_ih.T).reshape(seq, batch, d_in)
        if reverse:
            dx = xp.ascontiguousarray(dx[::-1])
    dw_ih = x.reshape(seq * batch, d_in).T @ flat_dz if need[2] else None
    dw_hh = None
    if need[3]:
        h_prev = xp.concatenate([h0[None], ys[:-1]], axis=0).reshape(seq * batch, H)
        dw_hh = h_prev.T @ flat_dz
    db = flat_dz.sum(axis=0) if (b is not None and need[4]) else None
    return [dx, dh if need[1] else None, dw_ih, dw_hh, db]
