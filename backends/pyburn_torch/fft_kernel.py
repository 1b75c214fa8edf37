"""Native ``rfft``/``irfft`` for `Torch`: ``torch.fft``. Half precisions (which torch's CPU FFT
does not take) run in float32 and are cast back. The backward is the ops' own (the adjoint
transform through these same kernels), so nothing is saved here."""

from __future__ import annotations

from typing import Any

from pyburn.tensor.backend import OpContext
from pyburn.tensor.module_ops import fft

from .backend import Torch
from .runtime import torch

_FFT_DTYPES = (torch.float32, torch.float64) if torch is not None else ()


def _fft_input(x: Any) -> Any:
    return x if x.dtype in _FFT_DTYPES else x.to(torch.float32)


@fft.rfft.native(Torch)
def rfft_torch(B: Any, ctx: OpContext, signal: Any, *, dim: int, n: int) -> tuple[Any, Any]:
    spectrum = torch.fft.rfft(_fft_input(signal), n=n, dim=dim)
    return (spectrum.real.to(signal.dtype).contiguous(),
            spectrum.imag.to(signal.dtype).contiguous())


@fft.irfft.native(Torch)
def irfft_torch(B: Any, ctx: OpContext, spectrum_re: Any, spectrum_im: Any, *, dim: int,
                n: int) -> Any:
    spectrum = torch.complex(_fft_input(spectrum_re), _fft_input(spectrum_im))
    return torch.fft.irfft(spectrum, n=n, dim=dim).to(spectrum_re.dtype).contiguous()
