"""The NumPy backend (Burn's NdArray): CPU, float32 by default, float64/float16 selectable."""

from __future__ import annotations

import warnings

from pyburn.tensor.dtype import DType

from .array_backend import ArrayBackend

# IEEE 754, silently, as Torch and Burn: log(0) = -inf, 0/0 = NaN, exp(1e4) = inf. NumPy's
# floating-point RuntimeWarnings would make the backends disagree in what they print, so the ones
# raised from this package's kernels are ignored; NumPy's global error state and warnings from
# the user's own NumPy code are untouched. (Integer division by zero is an error on every
# backend, checked in the Tensor layer.)
IEEE_WARNINGS = r"(divide by zero|invalid value|overflow|underflow) encountered"
warnings.filterwarnings("ignore", message=IEEE_WARNINGS, category=RuntimeWarning,
                        module=r"pyburn_numpy\.")


class NumPy(ArrayBackend):
    """CPU backend on NumPy. ``NumPy["float64"]`` is the float64 variant; device is ``cpu``."""

    @classmethod
    def name(cls) -> str:
        return "numpy"

    @classmethod
    def supported_float_dtypes(cls) -> tuple[DType, ...]:
        return (DType.F32, DType.F64, DType.F16)


__all__ = ["NumPy", "ArrayBackend"]

from . import lstm_kernel as _lstm_kernel  # noqa: E402,F401  (registers the native lstm_sequence)
from . import rnn_kernel as _rnn_kernel  # noqa: E402,F401  (registers the native rnn_sequence)
from . import conv_kernel as _conv_kernel  # noqa: E402,F401  (registers the native conv ops)
from . import pool_kernel as _pool_kernel  # noqa: E402,F401  (registers native pooling/interpolate)
from . import attention_kernel as _attention_kernel  # noqa: E402,F401  (registers native attention_weights)
from . import fft_kernel as _fft_kernel  # noqa: E402,F401  (registers native rfft/irfft)
