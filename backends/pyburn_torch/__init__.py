"""The PyTorch backend (Burn's LibTorch/``burn-tch``): ``from pyburn.backend import Torch``.

Importing this package imports torch when it is installed; without it the package still imports
and ``Torch.unavailable_reason()`` says how to install it.
"""

from .backend import Torch

__all__ = ["Torch"]

from . import lstm_kernel as _lstm_kernel  # noqa: E402,F401  (registers the native lstm_sequence)
from . import rnn_kernel as _rnn_kernel  # noqa: E402,F401  (registers the native rnn_sequence)
from . import conv_kernel as _conv_kernel  # noqa: E402,F401  (registers the native conv ops)
from . import pool_kernel as _pool_kernel  # noqa: E402,F401  (registers native pooling/interpolate)
from . import attention_kernel as _attention_kernel  # noqa: E402,F401  (registers native attention_weights)
from . import norm_kernel as _norm_kernel  # noqa: E402,F401  (registers the native layer_norm)
from . import fft_kernel as _fft_kernel  # noqa: E402,F401  (registers native rfft/irfft)
