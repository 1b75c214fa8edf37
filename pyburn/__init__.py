"""pyburn: Burn's design in Python.

``from pyburn import Tensor, TensorData, Shape, Distribution, Int, Bool`` and
``from pyburn.backend import NumPy, Torch, CuPy, Autodiff``. Importing pyburn never imports
torch or cupy: backends load when first named.
"""

from .tensor import (Backend, Bool, Device, Distribution, DType, Float, IndexingUpdateOp, Int,
                     PadMode, Shape, Tensor, TensorData, Tolerance, activation, blackman_window,
                     hamming_window, hann_window, linalg, signal)

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``pyburn.jit`` on first use (it imports modules and optimizers, which `import pyburn`
    alone does not need)."""
    if name == "jit":
        import importlib
        return importlib.import_module(".jit", __name__)
    raise AttributeError(f"module 'pyburn' has no attribute {name!r}")

__all__ = ["Tensor", "TensorData", "Tolerance", "Shape", "Distribution", "DType", "Device",
           "Float", "Int", "Bool", "Backend", "activation", "linalg", "signal", "IndexingUpdateOp", "PadMode",
           "hann_window", "hamming_window", "blackman_window", "__version__"]
