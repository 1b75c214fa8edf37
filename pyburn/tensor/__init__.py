"""The tensor layer: `Tensor[B, K]`, `TensorData`, `Shape`, `Distribution`, kinds, dtypes,
devices, the Backend protocol (`pyburn.tensor.backend`) and activations."""

from . import activation
from .backend import Backend, CustomOp, OpContext, custom_op
from .data import TensorData, Tolerance
from .device import Device
from .display import PrintOptions, set_print_options
from .distribution import Distribution
from .dtype import DType
from .errors import (BackendError, DeviceError, GradientError, KindError, RankError, ShapeError,
                     TensorError)
from .kind import Bool, Float, Int, TensorKind
from .shape import Shape
from .tensor import Tensor

__all__ = ["Tensor", "TensorData", "Tolerance", "Shape", "Distribution", "DType", "Device",
           "Float", "Int", "Bool", "TensorKind", "Backend", "CustomOp", "OpContext", "custom_op",
           "activation", "TensorError", "ShapeError", "RankError", "KindError", "DeviceError",
           "BackendError", "GradientError", "PrintOptions", "set_print_options"]
