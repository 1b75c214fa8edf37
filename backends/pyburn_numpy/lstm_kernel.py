"""Native ``lstm_sequence`` for array-module backends (NumPy, and CuPy through ``xp``).

One GEMM projects the inputs of every time step, one GEMM per step adds the recurrence, gate
math runs in place on the step's pre-activation buffer, and the backward is a manual BPTT whose
weight gradients are again single GEMMs over all steps. Registered on `ArrayBackend`, so every
backend built on it (and its dtype variants) gets it.
"""

from __future__ import annotations

from typing import Any, Sequence

from pyburn.tensor.backend import OpContext
from pyburn.tensor.module_ops import lstm_sequence

from .array_backend import ArrayBackend


def _sigmoid_(xp: Any, z: Any) -> Any:
    """In-place sigmoid through tanh: exact to rounding and never overflows."""
    z *= 0.5
    xp.tanh(z, out=z)
    z *= 0.5
    z += 0.5
    return z


@lstm_sequence.native(ArrayBackend)
def lstm_sequence_array(B: Any, ctx: OpContext, x: Any, h0: Any, c0: Any, w_ih: Any, w_hh: Any,
                        b: Any, *, clip: float | None = None, input_forget: bool = False,
                        reverse: bool = False) -> tuple[Any, Any, Any]:
    xp = B.xp
    seq, batch, d_in = x.shape
    hidden = h0.shape[1]
    if reverse:
        x = x[::-1]
    xw = (x.reshape(seq * batch, d_in) @ w_ih).reshape(seq, batch, -1)
    if b is not None:
        xw += b
    keep = ctx.needs_grad
    gates = xw                     # activated in place, step by step: kept for the backward
    cells = xp.empty((seq + 1, batch, hidden), dtype=x.dtype)
    cells[0] = c0
    tanh_c = xp.empty((seq, batch, hidden), dtype=x.dtype)
    ys = xp.empty((seq, batch, hidden), dtype=x.dtype)
    h, H = h0, hidden
    for t in range(seq):
        z = gates[t]
        z += h @ w_hh
        if input_forget:
            i, g, o = z[:, :H], z[:, H:2 * H], z[:, 2 * H:]
            _sigmoid_(xp, i)
            xp.tanh(g, out=g)
            _sigmoid_(xp, o)
            c = cells[t] - i * cells[t] + i * g           # f = 1 - i
        else:
            i, f, g, o = z[:, :H], z[:, H:2 * H], z[:, 2 * H:3 * H], z[:, 3 * H:]
            _sigmoid_(xp, z[:, :2 * H])
            xp.tanh(g, out=g)
            _sigmoid_(xp, o)
            c = f * cells[t] + i * g
        if clip is not None:
            c = xp.clip(c, -clip, clip)
        cells[t + 1] = c
        xp.tanh(c, out=tanh_c[t])
        h = ys[t]
        xp.multiply(o, tanh_c[t], out=h)
    if keep:
        ctx.save(x, h0, gates, cells, tanh_c, ys)
    y = ys[::-1] if reverse else ys
    return xp.ascontiguousarray(y), ys[seq - 1].copy() if seq else h0, cells[seq].copy()


@lstm_sequence.native_backward(ArrayBackend)
def lstm_sequence_array_backward(B: Any, ctx: OpContext, grads: Sequence[Any]) -> list[Any]:
    xp = B.xp
    x, h0, gates, cells, tanh_c, ys = ctx.saved
    _, _, _, w_ih, w_hh, b = ctx.inputs
    clip = ctx.attrs.get("clip")
    input_forget = ctx.attrs.get("input_forget", False)
    reverse = ctx.attrs.get("reverse", False)
    seq, batch, d_in = x.shape
    H = h0.shape[1]
    dy, dh_last, dc_last = grads
    if dy is not None and reverse:
        dy = dy[::-1]
    dh = xp.zeros((batch, H), dtype=x.dtype) if dh_last is None else dh_last.astype(x.dtype, copy=True)
    dc = xp.zeros((batch, H), dtype=x.dtype) if dc_last is None else dc_last.astype(x.dtype, copy=True)
    dz_all = xp.empty_like(gates)
    w_hh_t = w_hh.T
    for t in range(seq - 1, -1, -1):
        z = gates[t]
        if dy is not None:
            dh = dh + dy[t]
        tc = tanh_c[t]
        c_prev = cells[t]
        dz = dz_all[t]
        if input_forget:
            i, g, o = z[:, :H], z[:, H:2 * H], z[:, 2 * H:]
            do = dz[:, 2 * H:]
        else:
            i, f, g, o = z[:, :H], z[:, H:2 * H], z[:, 2 * H:3 * H], z[:, 3 * H:]
            do = dz[:, 3 * H:]
        xp.multiply(dh, tc, out=do)
        dc = dc + dh * o * (1.0 - tc * tc)
        if clip is not None:
            dc = dc * (xp.abs(cells[t + 1]) < clip)
        do *= o * (1.0 - o)
        if input_forget:
            di = dz[:, :H]
            xp.multiply(dc, g - c_prev, out=di)
            di *= i * (1.0 - i)
            dg = dz[:, H:2 * H]
            xp.multiply(dc, i, out=dg)
            dg *= 1.0 - g * g
            dc = dc * (1.0 - i)
        else:
            di, df, dg = dz[:, :H], dz[:, H:2 * H], dz[:, 2 * H:3 * H]
            xp.multiply(dc, g, out=di)
            di *= i * (1.0 - i)
            xp.multiply(dc, c_prev, out=df)
            df *= f * (1.0 - f)
            xp.multiply(dc, i, out=dg)
            dg *= 1.0 - g * g
            dc = dc * f
        dh = dz @ w_hh_t
    need = ctx.needs_input_grad
    flat_dz = dz_all.reshape(seq * batch, -1)
    dx = None
    if need[0]:
        dx = (flat_dz @ w_ih.T).reshape(seq, batch, d_in)
        if reverse:
            dx = xp.ascontiguousarray(dx[::-1])
    h_prev = xp.concatenate([h0[None], ys[:-1]], axis=0).reshape(seq * batch, H)
    dw_ih = x.reshape(seq * batch, d_in).T @ flat_dz if need[3] else None
    dw_hh = h_prev.T @ flat_dz if need[4] else None
    db = flat_dz.sum(axis=0) if (b is not None and need[5]) else None
    return [dx, dh if need[1] else None, dc if need[2] else None, dw_ih, dw_hh, db]
