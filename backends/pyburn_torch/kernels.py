"""Kernels shared by the float, int and bool op families (Burn's ``TchOps``).

Each is one torch call (or two, where pyburn's contract differs from torch's default) on tensors
that never require grad, so autograd never records anything and no ``no_grad`` context (global,
per-thread state) is needed. They are plain functions so that `Torch` can bind one kernel to the
op names of several kinds, as ``float_add = int_add = add``. Index arguments are converted to
int64 only when an int-dtype variant (``Torch.with_dtypes(int="int32")``) hands in another type,
because torch's indexing kernels take int64.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Protocol, Sequence

from .runtime import require_torch, torch

if TYPE_CHECKING:
    from torch import Tensor
else:
    Tensor = Any

Shape = tuple[int, ...]
_INT64: Any = torch.int64 if torch is not None else None


class Unary(Protocol):
    def __call__(self, x: Tensor) -> Tensor: ...


class Binary(Protocol):
    def __call__(self, x: Tensor, y: Tensor) -> Tensor: ...


class WithScalar(Protocol):
    def __call__(self, x: Tensor, s: float) -> Tensor: ...


def _torch_function(name: str) -> Any:
    """``torch.<name>`` itself (a dotted name reaches into submodules), bound as a kernel with no
    wrapper frame around it. Without torch, a stub that raises why, so the backend class builds."""
    if torch is None:
        def missing(*args: Any, **kwargs: Any) -> Any:
            return require_torch()  # raises the BackendError naming the import problem
        return missing
    return functools.reduce(getattr, name.split("."), torch)


def unary(name: str) -> Unary:
    """``torch.<name>`` as a kernel of one tensor."""
    fn: Unary = _torch_function(name)
    return fn


def binary(name: str) -> Binary:
    """``torch.<name>`` as a kernel of two tensors."""
    fn: Binary = _torch_function(name)
    return fn


def with_scalar(name: str) -> WithScalar:
    """``torch.<name>`` as a kernel of a tensor and a Python scalar."""
    fn: WithScalar = _torch_function(name)
    return fn


def float_to_int(x: Tensor, dtype: Any) -> Tensor:
    """Rust's ``as`` (truncate, saturate, NaN -> 0), op for op as `pyburn.tensor.dtype.
    float_to_int` does for NumPy and CuPy: a bare ``.to(int)`` is undefined for NaN, infinities
    and out-of-range values (x86 gives ``INT64_MIN``)."""
    info = torch.iinfo(dtype)
    if x.dtype.itemsize < 4:  # float16 / bfloat16: keep the bounds exact
        x = x.float()
    t = torch.trunc(x)
    high = t >= float(info.max) + 1.0
    low = t < float(info.min)
    out = t.masked_fill(high | low | torch.isnan(t), 0).to(dtype)
    return out.masked_fill_(high, info.max).masked_fill_(low, info.min)


def _index(indices: Tensor) -> Tensor:
    return indices if indices.dtype is _INT64 else indices.long()


# --- layout --------------------------------------------------------------------------------------
def reshape(x: Tensor, shape: Shape) -> Tensor:
    return x.reshape(shape)


def permute(x: Tensor, axes: Sequence[int]) -> Tensor:
    return x.permute(tuple(axes))


def expand(x: Tensor, shape: Shape) -> Tensor:
    return x.expand(shape)


def flip(x: Tensor, axes: Sequence[int]) -> Tensor:
    return torch.flip(x, tuple(axes))


def slice_(x: Tensor, slices: tuple[slice, ...]) -> Tensor:
    return x[slices]


def slice_assign(x: Tensor, slices: tuple[slice, ...], values: Tensor) -> Tensor:
    dim = _single_sliced_dim(x.shape, slices)
    if dim >= 0 and values.dtype == x.dtype:  # the usual case (a slice's backward, a chunk)
        s = slices[dim]
        return torch.slice_scatter(x, values, dim, s.start, s.stop, s.step)
    out = x.clone()  # a fresh tensor: writing into it cannot change `x` or any view of it
    out[slices] = values
    return out


def _single_sliced_dim(shape: Shape, slices: tuple[slice, ...]) -> int:
    """The one dim that `slices` (normalized: ints, positive steps) narrow, else -1."""
    found = -1
    for d, s in enumerate(slices):
        if s.start == 0 and s.stop == shape[d] and s.step in (None, 1):
            continue
        if found >= 0:
            return -1
        found = d
    return found


def cat(xs: Sequence[Tensor], dim: int) -> Tensor:
    return torch.cat(tuple(xs), dim)


def repeat_dim(x: Tensor, dim: int, times: int) -> Tensor:
    reps = [1] * x.dim()
    reps[dim] = times
    return x.repeat(reps)


def gather(dim: int, x: Tensor, indices: Tensor) -> Tensor:
    return torch.gather(x, dim, _index(indices))


def scatter(dim: int, x: Tensor, indices: Tensor, values: Tensor) -> Tensor:
    """Burn's scatter adds (torch's ``scatter_add``), out of place."""
    return torch.scatter_add(x, dim, _index(indices), values)


def select(x: Tensor, dim: int, indices: Tensor) -> Tensor:
    return torch.index_select(x, dim, _index(indices))


def select_assign(x: Tensor, dim: int, indices: Tensor, values: Tensor) -> Tensor:
    """Adds `values` at the selected rows; repeated indices accumulate (``index_add``)."""
    return x.index_add(dim, _index(indices), values)


def mask_where(x: Tensor, mask: Tensor, value: Tensor) -> Tensor:
    return torch.where(mask, value, x)


def mask_fill(x: Tensor, mask: Tensor, value: float) -> Tensor:
    return x.masked_fill(mask, value)


# aten's backward kernels, each bound once as its overload (`.default`): calling the packet
# (``torch.ops.aten.tanh_backward``) resolves the overload again on every call.
_THRESHOLD_BACKWARD: Any = torch.ops.aten.threshold_backward.default if torch is not None else None
_TANH_BACKWARD: Any = torch.ops.aten.tanh_backward.default if torch is not None else None
_SIGMOID_BACKWARD: Any = torch.ops.aten.sigmoid_backward.default if torch is not None else None


def relu_backward(output: Tensor, grad: Tensor) -> Tensor:
    """One pass, no mask: ``output <= 0 ? 0 : grad`` (NaN keeps the gradient, as Burn's)."""
    return _THRESHOLD_BACKWARD(grad, output, 0.0)


def tanh_backward(output: Tensor, grad: Tensor) -> Tensor:
    """``grad * (1 - output ** 2)`` in one pass, as torch's own autograd computes it."""
    return _TANH_BACKWARD(grad, output)


def sigmoid_backward(output: Tensor, grad: Tensor) -> Tensor:
    """``grad * output * (1 - output)`` in one pass, as torch's own autograd computes it."""
    return _SIGMOID_BACKWARD(grad, output)


# --- arithmetic ----------------------------------------------------------------------------------
# A Python scalar keeps the tensor's dtype in torch's promotion rules, so the scalar forms are the
# same torch calls; they are separate functions only because the protocol names the argument `s`.
def add(x: Tensor, y: Tensor) -> Tensor:
    return x + y


def add_scalar(x: Tensor, s: float) -> Tensor:
    return x + s


def sub(x: Tensor, y: Tensor) -> Tensor:
    return x - y


def sub_scalar(x: Tensor, s: float) -> Tensor:
    return x - s


def mul(x: Tensor, y: Tensor) -> Tensor:
    return x * y


def mul_scalar(x: Tensor, s: float) -> Tensor:
    return x * s


def div(x: Tensor, y: Tensor) -> Tensor:
    return x / y


def div_scalar(x: Tensor, s: float) -> Tensor:
    return x / s


def int_div(x: Tensor, y: Tensor) -> Tensor:
    """Integer division truncating toward zero (Rust's ``/``), not Python's floor division."""
    return torch.div(x, y, rounding_mode="trunc")


def int_div_scalar(x: Tensor, s: int) -> Tensor:
    return torch.div(x, s, rounding_mode="trunc")


# torch functions used as they are (remainder has the sign of the divisor, as Python's ``%``).
remainder = binary("remainder")
remainder_scalar = with_scalar("remainder")
pow_ = binary("pow")
pow_scalar = with_scalar("pow")
max_pair = binary("maximum")
min_pair = binary("minimum")
matmul = binary("matmul")


def int_matmul(x: Tensor, y: Tensor) -> Tensor:
    """CUDA has no integer GEMM: there, multiply and sum exactly instead of going through floats."""
    if x.is_cuda:
        return (x.unsqueeze(-1) * y.unsqueeze(-3)).sum(-2, dtype=x.dtype)
    return torch.matmul(x, y)


def clamp(x: Tensor, min: Any, max: Any) -> Tensor:
    if min is None and max is None:
        return x  # torch.clamp refuses two None bounds; nothing to do
    return torch.clamp(x, min, max)


neg = unary("neg")
abs_ = unary("abs")
int_sign = unary("sign")


def float_sign(x: Tensor) -> Tensor:
    """torch.sign(NaN) is 0; pyburn (NumPy, Burn's NdArray) keeps the NaN."""
    return torch.where(torch.isnan(x), x, torch.sign(x))


# --- comparisons (``*_elem``: against a Python scalar) -------------------------------------------
def equal(x: Tensor, y: Tensor) -> Tensor:
    return x == y


def equal_elem(x: Tensor, s: float) -> Tensor:
    return x == s


def not_equal(x: Tensor, y: Tensor) -> Tensor:
    return x != y


def not_equal_elem(x: Tensor, s: float) -> Tensor:
    return x != s


def greater(x: Tensor, y: Tensor) -> Tensor:
    return x > y


def greater_elem(x: Tensor, s: float) -> Tensor:
    return x > s


def greater_equal(x: Tensor, y: Tensor) -> Tensor:
    return x >= y


def greater_equal_elem(x: Tensor, s: float) -> Tensor:
    return x >= s


def lower(x: Tensor, y: Tensor) -> Tensor:
    return x < y


def lower_elem(x: Tensor, s: float) -> Tensor:
    return x < s


def lower_equal(x: Tensor, y: Tensor) -> Tensor:
    return x <= y


def lower_equal_elem(x: Tensor, s: float) -> Tensor:
    return x <= s


# --- reductions: a reduced dim is kept with size 1, a full reduction has shape (1,) -------------
# Int variants pass dtype=x.dtype because torch widens int32 (and smaller) sums to int64.
def float_sum(x: Tensor) -> Tensor:
    return x.sum().reshape(1)


def int_sum(x: Tensor) -> Tensor:
    return x.sum(dtype=x.dtype).reshape(1)


def float_sum_dim(x: Tensor, dim: int) -> Tensor:
    return x.sum(dim, keepdim=True)


def int_sum_dim(x: Tensor, dim: int) -> Tensor:
    return x.sum(dim, keepdim=True, dtype=x.dtype)


def mean_dim(x: Tensor, dim: int) -> Tensor:
    return x.mean(dim, keepdim=True)


def float_prod(x: Tensor) -> Tensor:
    return x.prod().reshape(1)


def int_prod(x: Tensor) -> Tensor:
    return x.prod(dtype=x.dtype).reshape(1)


def float_prod_dim(x: Tensor, dim: int) -> Tensor:
    return x.prod(dim, keepdim=True)


def int_prod_dim(x: Tensor, dim: int) -> Tensor:
    return x.prod(dim, keepdim=True, dtype=x.dtype)


def max_dim(x: Tensor, dim: int) -> Tensor:
    return x.amax(dim, keepdim=True)


def min_dim(x: Tensor, dim: int) -> Tensor:
    return x.amin(dim, keepdim=True)


def float_cumsum(x: Tensor, dim: int) -> Tensor:
    return torch.cumsum(x, dim)


def int_cumsum(x: Tensor, dim: int) -> Tensor:
    return torch.cumsum(x, dim, dtype=x.dtype)


def sort(x: Tensor, dim: int, descending: bool) -> Tensor:
    return torch.sort(x, dim=dim, descending=descending, stable=True)[0]


# --- bool ----------------------------------------------------------------------------------------
logical_not = unary("logical_not")
logical_and = binary("logical_and")
logical_or = binary("logical_or")
logical_xor = binary("logical_xor")


def any_(x: Tensor) -> Tensor:
    return x.any().reshape(1)


def all_(x: Tensor) -> Tensor:
    return x.all().reshape(1)


def any_dim(x: Tensor, dim: int) -> Tensor:
    return x.any(dim, keepdim=True)


def all_dim(x: Tensor, dim: int) -> Tensor:
    return x.all(dim, keepdim=True)
