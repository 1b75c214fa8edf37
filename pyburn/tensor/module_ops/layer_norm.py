"""``layer_norm``: normalize the last dim, then scale by ``gamma`` and shift by ``beta``, as one op.

Inputs (primitives): ``x [..., d]``, ``gamma [d]``, ``beta [d]`` (or None); attribute
``epsilon``. ``(x - mean) / sqrt(var + epsilon) * gamma + beta`` with the biased variance, as
``torch.nn.LayerNorm`` and Burn's ``LayerNorm``.

Written with tensor ops, a layer norm is about twelve ops forward and twenty on the tape (the
broadcasts of ``mean``, ``var``, ``gamma`` and ``beta`` each sum back), and a recurrent network
runs several per time step. As one op it is a few backend calls with no tape in between, and
one backward: the default kernel composes primitive ops on any backend; Torch registers
``native_layer_norm`` and its backward (``backends/pyburn_torch/norm_kernel.py``).
"""

from __future__ import annotations

from typing import Any, Sequence

from ..backend import CustomOp, OpContext


def _reference(B: Any, ctx: OpContext, x: Any, gamma: Any, beta: Any, *,
               epsilon: float) -> Any:
    """``(x - mean) / sqrt(var + epsilon) * gamma + beta`` over the last dim of ``x [..., d]``
    (biased variance; ``beta`` may be None). This composite, any backend's default, computes
    as ``Tensor.var_mean_bias`` and divides by the std; Torch runs ``native_layer_norm``."""
    shape = B.float_shape(x)
    d = len(shape) - 1
    n = shape[d]
    mean = B.float_mean_dim(x, d)
    centered = B.float_sub(x, mean)
    var = B.float_div_scalar(B.float_sum_dim(B.float_mul(centered, centered), d), n)
    std = B.float_sqrt(B.float_add_scalar(var, epsilon))
    if ctx.needs_grad:
        ctx.save(mean, std)
    feature = (1,) * d + (n,)
    out = B.float_mul(B.float_div(centered, std), B.float_reshape(gamma, feature))
    if beta is not None:
        out = B.float_add(out, B.float_reshape(beta, feature))
    return out


layer_norm = CustomOp("layer_norm", _reference, keep_outputs=False)


@layer_norm.define_backward
def _backward(B: Any, ctx: OpContext, grad: Any) -> Sequence[Any]:
    """From the saved mean and std: ``dx = (dxhat - mean(dxhat) - xhat * mean(dxhat * xhat))
    / std`` with ``dxhat = grad * gamma``; gamma and beta sum over every leading dim."""
    x, gamma, beta = ctx.inputs
    mean, std = ctx.saved
    want_x, want_gamma, want_beta = ctx.needs_input_grad
    shape = B.float_shape(x)
    d = len(shape) - 1
    n = shape[d]
    xhat = B.float_div(B.float_sub(x, mean), std)
    grad_gamma = _feature_sum(B, B.float_mul(grad, xhat), n) if want_gamma else None
    grad_beta = _feature_sum(B, grad, n) if want_beta and beta is not None else None
    grad_x = None
    if want_x:
        dxhat = B.float_mul(grad, B.float_reshape(gamma, (1,) * d + (n,)))
        inner = B.float_sub(B.float_sub(dxhat, B.float_mean_dim(dxhat, d)),
                            B.float_mul(xhat, B.float_mean_dim(B.float_mul(dxhat, xhat), d)))
        grad_x = B.float_div(inner, std)
    return grad_x, grad_gamma, grad_beta


def _feature_sum(B: Any, values: Any, n: int) -> Any:
    """``values [..., n]`` summed over every leading dim, as ``[n]``."""
    rows = 1
    for size in B.float_shape(values)[:-1]:
        rows *= size
    flat = B.float_reshape(values, (rows, n))
    return B.float_reshape(B.float_sum_dim(flat, 0), (n,))
