"""Native ``fused_matmul_add_relu`` for the array-module backends: NumPy, and CuPy through ``xp``.

One kernel serves both (thinc's way): ``B.xp`` is ``numpy`` or ``cupy``. The forward is one GEMM
whose output buffer then takes the bias and the relu in place, so no intermediate array is
allocated; the backward reuses the forward's output as relu's mask, with nothing else saved.
Registered on `NumPy` and `CuPy` (and so on their dtype variants and subclasses). Another
backend built on `ArrayBackend` is not registered: it runs the reference until you add it with
``fused_matmul_add_relu_op.native(MyBackend)(array_kernel)``.
"""

from __future__ import annotations

from typing import Any

from pyburn.backend import CuPy, NumPy
from pyburn.tensor import OpContext

from .backend import fused_matmul_add_relu_op

Array = Any


def _sum_to(x: Array, shape: tuple[int, ...]) -> Array:
    """Sum over the dims broadcasting expanded, back to `shape`."""
    lead = x.ndim - len(shape)
    dims = tuple(range(lead)) + tuple(lead + d for d, n in enumerate(shape)
                                      if n == 1 and x.shape[lead + d] != 1)
    return x.sum(axis=dims, keepdims=True).reshape(shape) if dims else x


@fused_matmul_add_relu_op.native(NumPy, CuPy)
def array_kernel(B: Any, ctx: OpContext, lhs: Array, rhs: Array, bias: Array) -> Array:
    xp = B.xp
    out = xp.matmul(lhs, rhs)
    out += bias                      # bias broadcasts to the output's shape (checked by the API)
    xp.maximum(out, 0, out=out)
    return out


@fused_matmul_add_relu_op.native_backward(NumPy, CuPy)
def array_backward(B: Any, ctx: OpContext, grad: Array) -> list[Array | None]:
    lhs, rhs, bias = ctx.inputs
    want_lhs, want_rhs, want_bias = ctx.needs_input_grad
    dz = grad * (ctx.outputs > 0)    # relu's mask from the output: no residual to save
    return [
        _sum_to(dz @ rhs.swapaxes(-1, -2), lhs.shape) if want_lhs else None,
        _sum_to(lhs.swapaxes(-1, -2) @ dz, rhs.shape) if want_rhs else None,
        _sum_to(dz, bias.shape) if want_bias else None,
    ]
