"""``rfft`` / ``irfft``: the real-input discrete Fourier transform and its inverse, as backend ops.

Like Burn's ``ModuleOps::{rfft, irfft}``: each is a `CustomOp` whose composite default is an
exact DFT written with tensor ops (the signal along ``dim`` times cos/sin matrices, so any
backend runs it), and NumPy/CuPy (``xp.fft``) and Torch (``torch.fft``) register native kernels.

Attributes are already checked and resolved by `pyburn.tensor.signal`: ``dim`` is non-negative
and ``n`` is the transform length (the signal is truncated or zero-padded to ``n``; the
half-spectrum given to ``irfft`` to ``n // 2 + 1`` bins, as numpy and torch do).

Both transforms are linear, so each backward is the other transform (the adjoint), run through
these same ops on the inner backend: one backward serves the default and every native kernel.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

from ..backend import CustomOp, OpContext


def _tensor(B: Any, primitive: Any) -> Any:
    from pyburn.tensor import Tensor
    return Tensor.of(B).from_primitive(primitive)


def fit_dim(t: Any, dim: int, size: int) -> Any:
    """`t` truncated or zero-padded (at the end) to `size` along `dim`."""
    have = t.shape[dim]
    if have > size:
        return t.narrow(dim, 0, size)
    if have < size:
        pairs = [(0, 0)] * t.rank
        pairs[dim] = (0, size - have)
        return t.pad(pairs, 0.0)
    return t


def _dft_tables(like: Any, n: int) -> tuple[Any, Any]:
    """``cos(2πjk/n)`` and ``sin(2πjk/n)`` as ``[n, n // 2 + 1]`` (rows j, columns k) in the
    dtype and on the device of `like`. The angle index ``jk mod n`` is exact in integers, and
    the sines that are mathematically zero (angle 0 or π) are set to exactly zero."""
    from pyburn.tensor import Int, Tensor
    IntT = Tensor.of(like.backend, Int)
    j = IntT.arange(0, n, device=like.device).reshape([n, 1])
    k = IntT.arange(0, n // 2 + 1, device=like.device).reshape([1, n // 2 + 1])
    r = (j * k).remainder(n)
    angle = r.float() * (2.0 * math.pi / n)
    if angle.dtype != like.dtype:
        angle = angle.cast(like.dtype)
    on_axis = (r * 2).remainder(n).equal_elem(0)
    return angle.cos(), angle.sin().mask_fill(on_axis, 0.0)


def _along_last(t: Any, dim: int) -> Any:
    return t if dim == t.rank - 1 else t.swap_dims(dim, t.rank - 1)


def _matmul(x: Any, table: Any) -> Any:
    """``x [..., a] @ table [a, b]`` for any rank of `x` (a vector becomes a row)."""
    if x.rank == 1:
        return x.reshape([1, -1]).matmul(table).reshape([-1])
    return x.matmul(table)


def _rfft_default(B: Any, ctx: OpContext, signal: Any, *, dim: int, n: int) -> tuple[Any, Any]:
    """``X[k] = Σ_j x[j] e^{-2πijk/n}`` for ``k = 0 .. n/2``, as two matmuls."""
    x = _along_last(fit_dim(_tensor(B, signal), dim, n), dim)
    cos, sin = _dft_tables(x, n)
    re = _along_last(_matmul(x, cos), dim)
    im = _along_last(-_matmul(x, sin), dim)
    return re.primitive, im.primitive


def _irfft_default(B: Any, ctx: OpContext, spectrum_re: Any, spectrum_im: Any, *, dim: int,
                   n: int) -> Any:
    """``x[j] = (1/n) Σ_k c_k (Re X[k] cos(2πjk/n) - Im X[k] sin(2πjk/n))`` with ``c_k = 1``
    for the DC and Nyquist bins and 2 between (Hermitian symmetry); as numpy and torch, the
    imaginary parts of those two bins do not contribute."""
    half = n // 2 + 1
    re = _along_last(fit_dim(_tensor(B, spectrum_re), dim, half), dim)
    im = _along_last(fit_dim(_tensor(B, spectrum_im), dim, half), dim)
    cos, sin = _dft_tables(re, n)
    weights = _tensor(B, _bin_weights(B, re, n, 2.0 / n, 1.0 / n))
    out = _matmul(re, (cos * weights).transpose()) - _matmul(im, (sin * weights).transpose())
    return _along_last(out, dim).primitive


def _bin_weights(B: Any, like: Any, n: int, inner: float, edge: float) -> Any:
    """``[n // 2 + 1]`` weights: `edge` on the DC and Nyquist bins, `inner` between."""
    half = n // 2 + 1
    values = [inner] * half
    values[0] = edge
    if n % 2 == 0:
        values[-1] = edge
    w = type(like).from_data(values, device=like.device)
    return (w if w.dtype == like.dtype else w.cast(like.dtype)).primitive


def _broadcast_along(B: Any, weights: Any, rank: int, dim: int) -> Any:
    w = _tensor(B, weights)
    return w.reshape([1] * dim + [w.shape[0]] + [1] * (rank - dim - 1))


rfft = CustomOp("rfft", _rfft_default, n_outputs=2, keep_outputs=False)
irfft = CustomOp("irfft", _irfft_default, keep_outputs=False)


@rfft.define_backward
def _rfft_backward(B: Any, ctx: OpContext, grads: Sequence[Any]) -> list[Any]:
    """The adjoint of rfft: ``gx[j] = Re Σ_k (g_re[k] + i g_im[k]) e^{2πijk/n}``, which is
    ``n · irfft(w · g)`` with ``w = 1`` on the DC/Nyquist bins and 1/2 between; then back to
    the signal's own length (gradient zero where it was truncated)."""
    (signal,) = ctx.inputs
    dim, n = ctx.attrs["dim"], ctx.attrs["n"]
    g_re, g_im = grads
    ref = _tensor(B, g_re if g_re is not None else g_im)
    g_re_t = _tensor(B, g_re) if g_re is not None else ref.zeros_like()
    g_im_t = _tensor(B, g_im) if g_im is not None else ref.zeros_like()
    w = _broadcast_along(B, _bin_weights(B, ref, n, 0.5, 1.0), ref.rank, dim)
    spectrum = irfft(B, (g_re_t * w).primitive, (g_im_t * w).primitive, dim=dim, n=n)
    grad = _tensor(B, spectrum) * float(n)
    length = B.float_shape(signal)[dim]
    return [fit_dim(grad, dim, length).primitive]


@irfft.define_backward
def _irfft_backward(B: Any, ctx: OpContext, grad: Any) -> list[Any]:
    """The adjoint of irfft: ``rfft(g) · c / n`` with ``c = 1`` on the DC/Nyquist bins and 2
    between, back to the given spectrum's length (zero for bins irfft ignored)."""
    spectrum_re, _ = ctx.inputs
    dim, n = ctx.attrs["dim"], ctx.attrs["n"]
    g_re, g_im = rfft(B, grad, dim=dim, n=n)
    ref = _tensor(B, g_re)
    w = _broadcast_along(B, _bin_weights(B, ref, n, 2.0 / n, 1.0 / n), ref.rank, dim)
    length = B.float_shape(spectrum_re)[dim]
    want_re, want_im = ctx.needs_input_grad
    out_re = fit_dim(ref * w, dim, length).primitive if want_re else None
    out_im = fit_dim(_tensor(B, g_im) * w, dim, length).primitive if want_im else None
    return [out_re, out_im]
