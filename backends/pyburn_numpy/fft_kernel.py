"""Native ``rfft``/``irfft`` for array-module backends (NumPy, and CuPy through ``xp``):
``xp.fft``, cast back to the input's dtype. Their backward is the ops' own (the adjoint
transform through these same kernels), so nothing is saved here."""

from __future__ import annotations

from typing import Any

from pyburn.tensor.backend import OpContext
from pyburn.tensor.module_ops import fft

from .array_backend import ArrayBackend


@fft.rfft.native(ArrayBackend)
def rfft_array(B: Any, ctx: OpContext, signal: Any, *, dim: int, n: int) -> tuple[Any, Any]:
    xp = B.xp
    spectrum = xp.fft.rfft(signal, n=n, axis=dim)
    return (xp.ascontiguousarray(spectrum.real, dtype=signal.dtype),
            xp.ascontiguousarray(spectrum.imag, dtype=signal.dtype))


@fft.irfft.native(ArrayBackend)
def irfft_array(B: Any, ctx: OpContext, spectrum_re: Any, spectrum_im: Any, *, dim: int,
                n: int) -> Any:
    xp = B.xp
    out = xp.fft.irfft(spectrum_re + 1j * spectrum_im, n=n, axis=dim)
    return xp.ascontiguousarray(out, dtype=spectrum_re.dtype)
