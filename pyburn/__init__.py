"""pyburn: Burn's design in Python.

``from pyburn import Tensor, TensorData, Shape, Distribution, Int, Bool`` and
``from pyburn.backend import NumPy, Torch, CuPy, Autodiff``. Importing pyburn never imports
torch or cupy: backends load when first named.
"""

from .tensor import (Backend, Bool, Device, Distribution, DType, Float, Int, Shape, Tensor,
                     TensorData, Tolerance, activation)

__version__ = "0.1.0"

__all__ = ["Tensor", "TensorData", "Tolerance", "Shape", "Distribution", "DType", "Device",
           "Float", "Int", "Bool", "Backend", "activation", "__version__"]
