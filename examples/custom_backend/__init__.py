"""The Burn Book's "Backend Extension" in pyburn: a fused ``relu(lhs @ rhs + bias)``.

- `backend`: the op (`FusedBackend` protocol, reference composite, composite backward);
- `kernels_array`, `kernels_torch`: native kernels and backwards for NumPy/CuPy and Torch;
- `forward`: the user-facing `fused_matmul_add_relu` on tensors, and the tensor-op reference.

Importing this package registers the native kernels. ``python -m examples.custom_backend`` runs
the demo; the walk-through is ``docs/backend-extension.md``.
"""

from . import kernels_array, kernels_torch  # noqa: F401  (register the native kernels)
from .backend import FusedBackend, composite_backward, fused_matmul_add_relu_op, implementation, reference
from .forward import check_shapes, fused_matmul_add_relu, matmul_add_relu_reference

__all__ = ["FusedBackend", "fused_matmul_add_relu_op", "reference", "composite_backward",
           "implementation", "fused_matmul_add_relu", "matmul_add_relu_reference", "check_shapes",
           "kernels_array", "kernels_torch"]
