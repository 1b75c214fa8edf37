"""One implementation of the Backend protocol for any NumPy-like array module.

Like thinc's ``Ops``, the class holds ``xp`` (the array module) and every op is written once
against it; `NumPy` and `CuPy` override only what truly differs (devices, RNG, host transfer,
scatter-add and erf). Ops never mutate their inputs: views are fine because nothing writes
through them, and ``*_assign`` ops copy first.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar, Sequence

import numpy as np

from pyburn.tensor.backend import Backend
from pyburn.tensor.data import TensorData
from pyburn.tensor.device import CPU, Device
from pyburn.tensor.distribution import Bernoulli, DistributionValue, Normal, Uniform, _Default
from pyburn.tensor.dtype import DType, float_to_int, host_astype

from .rng import ThreadGenerators, check_seed

Array = Any
Shape = tuple[int, ...]


class ArrayBackend(Backend):
    """Backend ops over an array module ``xp`` with the NumPy API."""

    abstract = True
    xp: ClassVar[Any] = np

    # --- hooks the GPU subclass overrides ---------------------------------------------------
    @classmethod
    def _to_host(cls, x: Array) -> np.ndarray:
        return np.asarray(x)

    @classmethod
    def _from_host(cls, array: np.ndarray, device: Device) -> Array:
        return cls.xp.asarray(array)

    @classmethod
    def _rng(cls) -> Any:
        """The calling thread's generator for this backend (dtype variants share it) on the
        current device (see `pyburn_numpy.rng` for the per-thread rule)."""
        return _RNGS.get(cls.__dict__.get("_dtype_base", cls), cls._rng_device(), cls._new_rng)

    @classmethod
    def _rng_device(cls) -> Any:
        """Which device's generator `_rng` gives: one on the CPU; CuPy's current GPU."""
        return None

    @classmethod
    def _new_rng(cls, seed: int | None) -> Any:
        return np.random.default_rng(seed)

    @classmethod
    def seed(cls, seed: int) -> None:
        """Seed the calling thread's generators of this backend (every device)."""
        _RNGS.seed(cls.__dict__.get("_dtype_base", cls), check_seed(f"{cls!r}.seed", seed))

    @classmethod
    def _add_at(cls, out: Array, index: Any, values: Array) -> None:
        np.add.at(out, index, values)

    @classmethod
    def _erf(cls, x: Array) -> Array:
        return _numpy_erf(x)

    @classmethod
    def _device_of(cls, x: Array) -> Device:
        return CPU  # a shared constant: building a frozen dataclass per query is slow

    @classmethod
    def _check_device(cls, device: Device) -> Device:
        if device.kind not in cls.device_kinds():
            raise ValueError(f"{cls!r}: unsupported device {str(device)!r}; this backend "
                             f"supports {', '.join(cls.device_kinds())}")
        return device

    @classmethod
    def _to_device(cls, x: Array, device: Device) -> Array:
        """Move `x` to `device` (one device here: nothing moves)."""
        cls._check_device(device)
        return x

    @classmethod
    def _dlpack_device(cls, device: Device) -> tuple[int, int]:
        """`device` as DLPack's ``(device_type, index)``: CPU memory is ``(1, 0)`` (kDLCPU)."""
        return (1, 0)

    @classmethod
    def _import_dlpack(cls, obj: Any, device: Device) -> Array:
        return cls.xp.from_dlpack(obj)

    # --- DLPack (the Backend hook; `to_dlpack`'s default already exports xp arrays) -----------
    @classmethod
    def from_dlpack(cls, obj: Any, kind_prefix: str, device: Device) -> Array | None:
        """`obj` as an array of this kind's dtype on `device`, sharing its memory when it lives
        there and its dtype matches (otherwise converted); None lets the caller copy through
        the host (another device, a dtype or layout xp cannot import)."""
        cls._check_device(device)
        dtype = (cls.float_elem.numpy() if kind_prefix == "float" else
                 cls.int_elem.numpy() if kind_prefix == "int" else np.dtype(np.bool_))
        if isinstance(obj, cls.xp.ndarray):  # our own array, or a dtype variant's
            return cls._place(obj.astype(dtype, copy=False), device)
        probe = getattr(obj, "__dlpack_device__", None)
        if probe is None or not hasattr(obj, "__dlpack__"):
            return None
        try:
            kind, index = probe()
            if (int(kind), int(index)) != cls._dlpack_device(device):
                return None
            out = cls._import_dlpack(obj, device)
        except (BufferError, RuntimeError, TypeError, ValueError):
            return None  # e.g. bfloat16, which NumPy lacks
        return out.astype(dtype, copy=False)

    # --- creation, data, device -------------------------------------------------------------
    @classmethod
    def float_from_data(cls, data: TensorData, device: Device) -> Array:
        cls._check_device(device)
        return cls._from_host(data.as_numpy().astype(cls.float_elem.numpy(), copy=False), device)

    @classmethod
    def int_from_data(cls, data: TensorData, device: Device) -> Array:
        cls._check_device(device)
        return cls._from_host(host_astype(data.as_numpy(), cls.int_elem.numpy()), device)

    @classmethod
    def bool_from_data(cls, data: TensorData, device: Device) -> Array:
        cls._check_device(device)
        return cls._from_host(data.as_numpy().astype(np.bool_, copy=False), device)

    @classmethod
    def _to_data(cls, x: Array) -> TensorData:
        return TensorData.from_numpy(cls._to_host(x))

    float_to_data = int_to_data = bool_to_data = _to_data

    @classmethod
    def float_random(cls, shape: Shape, distribution: DistributionValue, device: Device) -> Array:
        cls._check_device(device)
        rng, dtype = cls._rng(), cls.float_elem.numpy()
        gen_dtype = dtype if dtype in (np.float32, np.float64) else np.float32
        if isinstance(distribution, _Default):
            out = rng.random(shape, dtype=gen_dtype)
        elif isinstance(distribution, Uniform):
            out = rng.random(shape, dtype=gen_dtype) * (distribution.high - distribution.low) + distribution.low
        elif isinstance(distribution, Normal):
            out = rng.standard_normal(shape, dtype=gen_dtype) * distribution.std + distribution.mean
        elif isinstance(distribution, Bernoulli):
            out = rng.random(shape, dtype=gen_dtype) < distribution.prob
        else:
            raise TypeError(f"float_random: unknown distribution {distribution!r}")
        return cls._place(cls.xp.asarray(out).astype(dtype, copy=False), device)

    @classmethod
    def int_random(cls, shape: Shape, distribution: DistributionValue, device: Device) -> Array:
        cls._check_device(device)
        rng, dtype = cls._rng(), cls.int_elem.numpy()
        if isinstance(distribution, Uniform):
            out = rng.integers(int(math.ceil(distribution.low)), int(math.ceil(distribution.high)), shape)
        elif isinstance(distribution, (_Default, Bernoulli)):
            prob = 0.5 if isinstance(distribution, _Default) else distribution.prob
            out = rng.random(shape) < prob
        elif isinstance(distribution, Normal):
            out = cls.xp.rint(rng.standard_normal(shape) * distribution.std + distribution.mean)
        else:
            raise TypeError(f"int_random: unknown distribution {distribution!r}")
        return cls._place(cls.xp.asarray(out).astype(dtype, copy=False), device)

    @classmethod
    def _place(cls, x: Array, device: Device) -> Array:
        return x

    @classmethod
    def float_full(cls, shape: Shape, value: float, device: Device) -> Array:
        cls._check_device(device)
        return cls._place(cls.xp.full(shape, value, dtype=cls.float_elem.numpy()), device)

    @classmethod
    def int_full(cls, shape: Shape, value: int, device: Device) -> Array:
        cls._check_device(device)
        return cls._place(cls.xp.full(shape, value, dtype=cls.int_elem.numpy()), device)

    @classmethod
    def bool_full(cls, shape: Shape, value: bool, device: Device) -> Array:
        cls._check_device(device)
        return cls._place(cls.xp.full(shape, value, dtype=np.bool_), device)

    @classmethod
    def int_arange(cls, start: int, end: int, step: int, device: Device) -> Array:
        cls._check_device(device)
        return cls._place(cls.xp.arange(start, end, step, dtype=cls.int_elem.numpy()), device)

    @staticmethod
    def _shape(x: Array) -> Shape:
        return x.shape

    float_shape = int_shape = bool_shape = _shape

    @classmethod
    def _device(cls, x: Array) -> Device:
        return cls._device_of(x)

    float_device = int_device = bool_device = _device

    # Late-bound, not aliases of `_to_device`: an alias would bind this class's function, and a
    # subclass (CuPy) overriding the hook would not be called.
    @classmethod
    def float_to_device(cls, x: Array, device: Device) -> Array:
        return cls._to_device(x, device)

    @classmethod
    def int_to_device(cls, x: Array, device: Device) -> Array:
        return cls._to_device(x, device)

    @classmethod
    def bool_to_device(cls, x: Array, device: Device) -> Array:
        return cls._to_device(x, device)

    @staticmethod
    def _dtype(x: Array) -> DType:
        dtype = _DTYPES.get(x.dtype)
        if dtype is None:  # DType.of is slow for a per-op query (gradients ask it often)
            dtype = _DTYPES[x.dtype] = DType.of(x.dtype)
        return dtype

    float_dtype = int_dtype = _dtype

    @classmethod
    def float_cast(cls, x: Array, dtype: DType) -> Array:
        return x.astype(dtype.numpy(), copy=False)

    @classmethod
    def float_into_int(cls, x: Array) -> Array:
        """Rust's ``as``: truncate, saturate, NaN -> 0 (`float_to_int`), on NumPy and CuPy."""
        return float_to_int(cls.xp, x, cls.int_elem.numpy())

    @classmethod
    def int_into_float(cls, x: Array) -> Array:
        return x.astype(cls.float_elem.numpy())

    bool_into_float = int_into_float

    @classmethod
    def bool_into_int(cls, x: Array) -> Array:
        return x.astype(cls.int_elem.numpy())

    # --- layout (one implementation for every kind) -----------------------------------------
    @staticmethod
    def _reshape(x: Array, shape: Shape) -> Array:
        return x.reshape(shape)

    @classmethod
    def _permute(cls, x: Array, axes: Sequence[int]) -> Array:
        return cls.xp.transpose(x, tuple(axes))

    @classmethod
    def _expand(cls, x: Array, shape: Shape) -> Array:
        return cls.xp.broadcast_to(x, shape)

    @classmethod
    def _flip(cls, x: Array, axes: Sequence[int]) -> Array:
        return cls.xp.flip(x, tuple(axes))

    @staticmethod
    def _slice(x: Array, slices: tuple[slice, ...]) -> Array:
        return x[slices]

    @staticmethod
    def _slice_assign(x: Array, slices: tuple[slice, ...], values: Array) -> Array:
        out = x.copy()
        out[slices] = values
        return out

    @classmethod
    def _cat(cls, xs: Sequence[Array], dim: int) -> Array:
        return cls.xp.concatenate(list(xs), axis=dim)

    @classmethod
    def _repeat_dim(cls, x: Array, dim: int, times: int) -> Array:
        reps = [1] * x.ndim
        reps[dim] = times
        return cls.xp.tile(x, reps)

    @classmethod
    def _gather(cls, dim: int, x: Array, indices: Array) -> Array:
        return cls.xp.take_along_axis(x, indices, axis=dim)

    @classmethod
    def _scatter(cls, dim: int, x: Array, indices: Array, values: Array) -> Array:
        out = x.copy()
        index = list(cls.xp.ogrid[tuple(slice(0, n) for n in indices.shape)])
        index[dim] = indices
        cls._add_at(out, tuple(index), values)
        return out

    @classmethod
    def _select(cls, x: Array, dim: int, indices: Array) -> Array:
        return cls.xp.take(x, indices, axis=dim)

    @classmethod
    def _select_assign(cls, x: Array, dim: int, indices: Array, values: Array) -> Array:
        out = x.copy()
        cls._add_at(out, (slice(None),) * dim + (indices,), values)
        return out

    @classmethod
    def _mask_where(cls, x: Array, mask: Array, value: Array) -> Array:
        return cls.xp.where(mask, value, x).astype(x.dtype, copy=False)

    @classmethod
    def _mask_fill(cls, x: Array, mask: Array, value: float) -> Array:
        return cls.xp.where(mask, cls.xp.asarray(value, dtype=x.dtype), x)

    float_reshape = int_reshape = bool_reshape = _reshape
    float_permute = int_permute = bool_permute = _permute
    float_expand = int_expand = bool_expand = _expand
    float_flip = int_flip = bool_flip = _flip
    float_slice = int_slice = bool_slice = _slice
    float_slice_assign = int_slice_assign = bool_slice_assign = _slice_assign
    float_cat = int_cat = bool_cat = _cat
    float_repeat_dim = int_repeat_dim = bool_repeat_dim = _repeat_dim
    float_gather = int_gather = _gather
    float_scatter = int_scatter = _scatter
    float_select = int_select = bool_select = _select
    float_select_assign = int_select_assign = _select_assign
    float_mask_where = int_mask_where = bool_mask_where = _mask_where
    float_mask_fill = int_mask_fill = _mask_fill

    # --- arithmetic ----------------------------------------------------------------------------
    @staticmethod
    def _add(x: Array, y: Array) -> Array:
        return x + y

    @staticmethod
    def _sub(x: Array, y: Array) -> Array:
        return x - y

    @staticmethod
    def _mul(x: Array, y: Array) -> Array:
        return x * y

    @staticmethod
    def float_div(x: Array, y: Array) -> Array:
        return x / y

    @classmethod
    def _remainder(cls, x: Array, y: Array) -> Array:
        return cls.xp.remainder(x, y)

    @classmethod
    def float_powf(cls, x: Array, y: Array) -> Array:
        return cls.xp.power(x, y)

    @classmethod
    def _max_pair(cls, x: Array, y: Array) -> Array:
        return cls.xp.maximum(x, y)

    @classmethod
    def _min_pair(cls, x: Array, y: Array) -> Array:
        return cls.xp.minimum(x, y)

    @classmethod
    def _matmul(cls, x: Array, y: Array) -> Array:
        return cls.xp.matmul(x, y)

    @classmethod
    def _clamp(cls, x: Array, min: float | None, max: float | None) -> Array:
        if min is None and max is None:
            return x
        return cls.xp.clip(x, min, max).astype(x.dtype, copy=False)

    @staticmethod
    def _neg(x: Array) -> Array:
        return -x

    @classmethod
    def _abs(cls, x: Array) -> Array:
        return cls.xp.abs(x)

    @classmethod
    def _sign(cls, x: Array) -> Array:
        return cls.xp.sign(x)

    float_add = int_add = _add
    float_sub = int_sub = _sub
    float_mul = int_mul = _mul
    float_remainder = int_remainder = _remainder

    @classmethod
    def int_bitwise_and(cls, x: Array, y: Array) -> Array:
        return cls.xp.bitwise_and(x, y)

    @classmethod
    def int_bitwise_or(cls, x: Array, y: Array) -> Array:
        return cls.xp.bitwise_or(x, y)

    @classmethod
    def int_bitwise_xor(cls, x: Array, y: Array) -> Array:
        return cls.xp.bitwise_xor(x, y)

    @classmethod
    def int_bitwise_left_shift(cls, x: Array, y: Array) -> Array:
        return cls.xp.left_shift(x, y)

    @classmethod
    def int_bitwise_right_shift(cls, x: Array, y: Array) -> Array:
        return cls.xp.right_shift(x, y)

    @classmethod
    def int_bitwise_not(cls, x: Array) -> Array:
        return cls.xp.invert(x)

    float_max_pair = int_max_pair = _max_pair
    float_min_pair = int_min_pair = _min_pair
    float_matmul = int_matmul = _matmul
    float_clamp = int_clamp = _clamp
    float_neg = int_neg = _neg
    float_abs = int_abs = _abs
    float_sign = int_sign = _sign

    @classmethod
    def int_div(cls, x: Array, y: Array) -> Array:
        xp = cls.xp
        return (xp.abs(x) // xp.abs(y)) * (xp.sign(x) * xp.sign(y))

    @classmethod
    def int_powi(cls, x: Array, y: Array) -> Array:
        return cls.xp.power(x, y)

    @staticmethod
    def _add_scalar(x: Array, s: float) -> Array:
        return x + s

    @staticmethod
    def _sub_scalar(x: Array, s: float) -> Array:
        return x - s

    @staticmethod
    def _mul_scalar(x: Array, s: float) -> Array:
        return x * s

    @staticmethod
    def float_div_scalar(x: Array, s: float) -> Array:
        return x / s

    @classmethod
    def int_div_scalar(cls, x: Array, s: int) -> Array:
        return cls.int_div(x, cls.xp.asarray(s, dtype=x.dtype))

    @classmethod
    def _remainder_scalar(cls, x: Array, s: float) -> Array:
        return cls.xp.remainder(x, s)

    @staticmethod
    def _pow_scalar(x: Array, s: float) -> Array:
        return x ** s

    float_add_scalar = int_add_scalar = _add_scalar
    float_sub_scalar = int_sub_scalar = _sub_scalar
    float_mul_scalar = int_mul_scalar = _mul_scalar
    float_remainder_scalar = int_remainder_scalar = _remainder_scalar
    float_powf_scalar = int_powi_scalar = _pow_scalar

    # --- unary float math -----------------------------------------------------------------------
    @classmethod
    def float_exp(cls, x: Array) -> Array:
        return cls.xp.exp(x)

    @classmethod
    def float_log(cls, x: Array) -> Array:
        return cls.xp.log(x)

    @classmethod
    def float_log1p(cls, x: Array) -> Array:
        return cls.xp.log1p(x)

    @classmethod
    def float_erf(cls, x: Array) -> Array:
        return cls._erf(x)

    @classmethod
    def float_sqrt(cls, x: Array) -> Array:
        return cls.xp.sqrt(x)

    @staticmethod
    def float_recip(x: Array) -> Array:
        return 1.0 / x

    @classmethod
    def float_cos(cls, x: Array) -> Array:
        return cls.xp.cos(x)

    @classmethod
    def float_sin(cls, x: Array) -> Array:
        return cls.xp.sin(x)

    @classmethod
    def float_tan(cls, x: Array) -> Array:
        return cls.xp.tan(x)

    @classmethod
    def float_tanh(cls, x: Array) -> Array:
        return cls.xp.tanh(x)

    @classmethod
    def float_sinh(cls, x: Array) -> Array:
        return cls.xp.sinh(x)

    @classmethod
    def float_cosh(cls, x: Array) -> Array:
        return cls.xp.cosh(x)

    @classmethod
    def float_asin(cls, x: Array) -> Array:
        return cls.xp.arcsin(x)

    @classmethod
    def float_acos(cls, x: Array) -> Array:
        return cls.xp.arccos(x)

    @classmethod
    def float_atan(cls, x: Array) -> Array:
        return cls.xp.arctan(x)

    @classmethod
    def float_asinh(cls, x: Array) -> Array:
        return cls.xp.arcsinh(x)

    @classmethod
    def float_acosh(cls, x: Array) -> Array:
        return cls.xp.arccosh(x)

    @classmethod
    def float_atanh(cls, x: Array) -> Array:
        return cls.xp.arctanh(x)

    @classmethod
    def float_trunc(cls, x: Array) -> Array:
        return cls.xp.trunc(x)

    @classmethod
    def float_atan2(cls, x: Array, y: Array) -> Array:
        return cls.xp.arctan2(x, y)

    @classmethod
    def float_floor(cls, x: Array) -> Array:
        return cls.xp.floor(x)

    @classmethod
    def float_ceil(cls, x: Array) -> Array:
        return cls.xp.ceil(x)

    @classmethod
    def float_round(cls, x: Array) -> Array:
        return cls.xp.round(x)

    @classmethod
    def float_is_nan(cls, x: Array) -> Array:
        return cls.xp.isnan(x)

    @classmethod
    def float_is_inf(cls, x: Array) -> Array:
        return cls.xp.isinf(x)

    @classmethod
    def float_relu(cls, x: Array) -> Array:
        return cls.xp.maximum(x, 0).astype(x.dtype, copy=False)

    @classmethod
    def float_sigmoid(cls, x: Array) -> Array:
        # exp(-|x|) never overflows, and for x < 0 the result e / (1 + e) keeps full relative
        # precision (the tanh form 0.5 * tanh(x / 2) + 0.5 cancels to 0 below about -37).
        # Computed as where(x >= 0, 1, e) / (1 + e), in place where possible: the same divisions.
        xp = cls.xp
        e = xp.abs(x)
        xp.negative(e, out=e)
        xp.exp(e, out=e)
        out = xp.where(x >= 0, xp.asarray(1.0, dtype=x.dtype), e)
        out /= e + 1.0
        return out

    # The tape's activation backwards from the forward's output, in one call instead of four
    # dispatches: the same roundings as the composite defaults (`ActivationOps`).
    @classmethod
    def float_tanh_backward(cls, output: Array, grad: Array) -> Array:
        return _times_grad(cls.xp, 1.0 - output * output, grad)

    @classmethod
    def float_sigmoid_backward(cls, output: Array, grad: Array) -> Array:
        return _times_grad(cls.xp, output * (1.0 - output), grad)

    # --- comparisons ----------------------------------------------------------------------------
    @staticmethod
    def _equal(x: Array, y: Array) -> Array:
        return x == y

    @staticmethod
    def _not_equal(x: Array, y: Array) -> Array:
        return x != y

    @staticmethod
    def _greater(x: Array, y: Array) -> Array:
        return x > y

    @staticmethod
    def _greater_equal(x: Array, y: Array) -> Array:
        return x >= y

    @staticmethod
    def _lower(x: Array, y: Array) -> Array:
        return x < y

    @staticmethod
    def _lower_equal(x: Array, y: Array) -> Array:
        return x <= y

    # Against a scalar: the same operators, under the protocol's parameter names.
    @staticmethod
    def _equal_elem(x: Array, s: float) -> Array:
        return x == s

    @staticmethod
    def _not_equal_elem(x: Array, s: float) -> Array:
        return x != s

    @staticmethod
    def _greater_elem(x: Array, s: float) -> Array:
        return x > s

    @staticmethod
    def _greater_equal_elem(x: Array, s: float) -> Array:
        return x >= s

    @staticmethod
    def _lower_elem(x: Array, s: float) -> Array:
        return x < s

    @staticmethod
    def _lower_equal_elem(x: Array, s: float) -> Array:
        return x <= s

    float_equal = int_equal = bool_equal = _equal
    float_not_equal = int_not_equal = bool_not_equal = _not_equal
    float_greater = int_greater = _greater
    float_greater_equal = int_greater_equal = _greater_equal
    float_lower = int_lower = _lower
    float_lower_equal = int_lower_equal = _lower_equal
    float_equal_elem = int_equal_elem = _equal_elem
    float_not_equal_elem = int_not_equal_elem = _not_equal_elem
    float_greater_elem = int_greater_elem = _greater_elem
    float_greater_equal_elem = int_greater_equal_elem = _greater_equal_elem
    float_lower_elem = int_lower_elem = _lower_elem
    float_lower_equal_elem = int_lower_equal_elem = _lower_equal_elem

    # --- reductions --------------------------------------------------------------------------
    @classmethod
    def _sum(cls, x: Array) -> Array:
        acc = _accumulator(x.dtype)
        return cls.xp.sum(x, dtype=acc).reshape(1).astype(x.dtype, copy=False)

    @classmethod
    def _sum_dim(cls, x: Array, dim: int) -> Array:
        # the array's own method (NumPy and CuPy): the same reduction, two Python frames fewer
        acc = _accumulator(x.dtype)
        return x.sum(axis=dim, keepdims=True, dtype=acc).astype(x.dtype, copy=False)

    @classmethod
    def float_mean_dim(cls, x: Array, dim: int) -> Array:
        # exactly NumPy's mean (its own sum, then one true division), spelled out so that an
        # empty dim gives NaN through the IEEE-silent division, not a "Mean of empty slice"
        acc = _accumulator(x.dtype)
        total = x.sum(axis=dim, keepdims=True, dtype=acc)
        return cls.xp.true_divide(total, x.shape[dim], dtype=acc).astype(x.dtype, copy=False)

    @classmethod
    def _prod(cls, x: Array) -> Array:
        return cls.xp.prod(x, dtype=x.dtype).reshape(1)

    @classmethod
    def _prod_dim(cls, x: Array, dim: int) -> Array:
        return cls.xp.prod(x, axis=dim, keepdims=True, dtype=x.dtype)

    @classmethod
    def _max_dim(cls, x: Array, dim: int) -> Array:
        return cls.xp.max(x, axis=dim, keepdims=True)

    @classmethod
    def _min_dim(cls, x: Array, dim: int) -> Array:
        return cls.xp.min(x, axis=dim, keepdims=True)

    @classmethod
    def _argmax(cls, x: Array, dim: int) -> Array:
        return cls.xp.expand_dims(cls.xp.argmax(x, axis=dim), dim).astype(cls.int_elem.numpy())

    @classmethod
    def _argmin(cls, x: Array, dim: int) -> Array:
        return cls.xp.expand_dims(cls.xp.argmin(x, axis=dim), dim).astype(cls.int_elem.numpy())

    @classmethod
    def _cumsum(cls, x: Array, dim: int) -> Array:
        return cls.xp.cumsum(x, axis=dim, dtype=x.dtype)

    @classmethod
    def _argsort(cls, x: Array, dim: int, descending: bool) -> Array:
        xp = cls.xp
        if not descending:
            return xp.argsort(x, axis=dim, kind="stable").astype(cls.int_elem.numpy())
        # Stable descending: sort the reversed array ascending, reverse back, map positions.
        n = x.shape[dim]
        idx = xp.flip(xp.argsort(xp.flip(x, dim), axis=dim, kind="stable"), dim)
        return (n - 1 - idx).astype(cls.int_elem.numpy())

    @classmethod
    def _sort(cls, x: Array, dim: int, descending: bool) -> Array:
        if not descending:
            return cls.xp.sort(x, axis=dim, kind="stable")
        return cls.xp.take_along_axis(x, cls._argsort(x, dim, True), axis=dim)

    float_sum = int_sum = _sum
    float_sum_dim = int_sum_dim = _sum_dim
    float_prod = int_prod = _prod
    float_prod_dim = int_prod_dim = _prod_dim
    float_max_dim = int_max_dim = _max_dim
    float_min_dim = int_min_dim = _min_dim
    float_argmax = int_argmax = _argmax
    float_argmin = int_argmin = _argmin
    float_cumsum = int_cumsum = _cumsum
    float_sort = int_sort = _sort
    float_argsort = int_argsort = _argsort

    # --- bool --------------------------------------------------------------------------------
    @classmethod
    def bool_not(cls, x: Array) -> Array:
        return cls.xp.logical_not(x)

    @classmethod
    def bool_and(cls, x: Array, y: Array) -> Array:
        return cls.xp.logical_and(x, y)

    @classmethod
    def bool_or(cls, x: Array, y: Array) -> Array:
        return cls.xp.logical_or(x, y)

    @classmethod
    def bool_xor(cls, x: Array, y: Array) -> Array:
        return cls.xp.logical_xor(x, y)

    @classmethod
    def bool_any(cls, x: Array) -> Array:
        return cls.xp.any(x).reshape(1)

    @classmethod
    def bool_all(cls, x: Array) -> Array:
        return cls.xp.all(x).reshape(1)

    @classmethod
    def bool_any_dim(cls, x: Array, dim: int) -> Array:
        return cls.xp.any(x, axis=dim, keepdims=True)

    @classmethod
    def bool_all_dim(cls, x: Array, dim: int) -> Array:
        return cls.xp.all(x, axis=dim, keepdims=True)

    @classmethod
    def bool_argwhere(cls, x: Array) -> Array:
        return cls.xp.argwhere(x).astype(cls.int_elem.numpy())


_RNGS = ThreadGenerators()
_DTYPES: dict[Any, DType] = {}


def _numpy_erf(x: np.ndarray) -> np.ndarray:
    """erf to double precision without SciPy (NumPy has none): ``math.erf`` per element."""
    flat = np.fromiter((math.erf(v) for v in x.reshape(-1).tolist()), dtype=np.float64, count=x.size)
    return flat.reshape(x.shape).astype(x.dtype, copy=False)


def _times_grad(xp: Any, local: Array, grad: Array) -> Array:
    """``grad * local``, written into `local` (a temporary) when nothing widens or broadcasts."""
    if isinstance(local, xp.ndarray) and grad.dtype == local.dtype and grad.shape == local.shape:
        return xp.multiply(grad, local, out=local)
    return grad * local


def _accumulator(dtype: Any) -> Any:
    """The dtype a sum accumulates in: float32 for 16-bit floats (as torch and Burn, so a large
    f16 sum does not stall once its spacing exceeds the addends), the dtype itself otherwise."""
    return "float32" if dtype.kind in "fV" and dtype.itemsize == 2 else dtype
