"""The tensor layer: `Tensor[B, K]`, `TensorData`, `Shape`, `Distribution`, kinds, dtypes,
devices, the Backend protocol (`pyburn.tensor.backend`) and activations."""

from . import activation, linalg
from .backend import Backend, CustomOp, OpContext, custom_op
from .data import TensorData, Tolerance
from .device import Device
from .display import PrintOptions, set_print_options
from .distribution import Distribution
from .dtype import DType
from .errors import (BackendError, DeviceError, GradientError, KindError, RankError, ShapeError,
                     TensorError)
from .kind import Bool, Float, Int, TensorKind
from .ops_extra import (GridSampleMode, GridSampleOptions, GridSamplePaddingMode, IndexingUpdateOp,
                        IndexPos, PadMode, affine_grid_2d, blackman_window, hamming_window,
                        hann_window, meshgrid, meshgrid_stack)
from .shape import Shape
from .transaction import Transaction
from .tensor import Tensor
from . import loss, module  # noqa: E402  (Burn's burn::tensor::{loss, module}; need Tensor)
from . import signal  # noqa: E402  (Burn's burn::tensor::signal: rfft, irfft, stft)

__all__ = ["Tensor", "TensorData", "Tolerance", "Shape", "Distribution", "DType", "Device",
           "Float", "Int", "Bool", "TensorKind", "Backend", "CustomOp", "OpContext", "custom_op",
           "activation", "linalg", "loss", "module", "signal", "TensorError", "ShapeError", "RankError", "KindError", "DeviceError",
           "BackendError", "GradientError", "PrintOptions", "set_print_options",
           "IndexingUpdateOp", "PadMode", "GridSampleMode", "GridSampleOptions",
           "GridSamplePaddingMode", "Transaction", "IndexPos", "meshgrid", "meshgrid_stack", "affine_grid_2d", "hann_window", "hamming_window", "blackman_window"]
