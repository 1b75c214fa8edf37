"""`Torch`: the Backend protocol on PyTorch tensors, Burn's LibTorch (``burn-tch``) backend.

Torch is used as an array engine only: pyburn's own `Autodiff[Torch]` computes gradients, and no
tensor this backend creates ever requires grad, so torch's autograd never records. Ops are thin:
the kind-agnostic kernels live in `kernels` and are bound here to the op names of each kind; what
depends on the backend class (its dtypes, its generators) is a classmethod below. Anything that
would cost a check per call (device validation, dtype lookup) is cached per device or per class.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from pyburn.tensor.backend import Backend
from pyburn.tensor.data import TensorData
from pyburn.tensor.device import Device
from pyburn.tensor.distribution import Bernoulli, DistributionValue, Normal, Uniform, _Default
from pyburn.tensor.dtype import DType, host_astype
from pyburn.tensor.errors import DeviceError

from . import kernels as k
from . import rng
from .dlpack import import_dlpack
from .runtime import (DEVICE_KINDS, DTYPES, PYBURN_DEVICES, TORCH_DEVICES, TORCH_DTYPES,
                      cuda_unavailable_reason, import_error, mps_unavailable_reason, torch)

if TYPE_CHECKING:
    from torch import Tensor
else:
    Tensor = Any

Shape = tuple[int, ...]
_BF16: Any = torch.bfloat16 if torch is not None else None
_INT64: Any = torch.int64 if torch is not None else None


class Torch(Backend):
    """PyTorch backend: devices ``cpu``, ``cuda:N``, ``mps``; float32 by default, and float64,
    float16 or bfloat16 through ``Torch["float64"]`` / ``Torch.with_dtypes(float="bfloat16")``."""

    # torch dtypes of this class, set for each dtype variant by __init_subclass__
    _ftype: ClassVar[Any] = None
    _itype: ClassVar[Any] = None
    _fnumpy: ClassVar[np.dtype] = np.dtype(np.float32)
    _inumpy: ClassVar[np.dtype] = np.dtype(np.int64)
    _rng_owner: ClassVar[type]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._bind_dtypes()

    @classmethod
    def _bind_dtypes(cls) -> None:
        cls._ftype = TORCH_DTYPES.get(cls.float_elem)
        cls._itype = TORCH_DTYPES.get(cls.int_elem)
        cls._fnumpy = cls.float_elem.numpy()
        cls._inumpy = cls.int_elem.numpy()
        # dtype variants share the generators of the class they vary
        cls._rng_owner = cls.__dict__.get("_dtype_base", cls)

    # --- identity, availability, devices -------------------------------------------------------
    @classmethod
    def name(cls) -> str:
        return "torch"

    @classmethod
    def unavailable_reason(cls) -> str | None:
        return import_error()

    @classmethod
    def cuda_unavailable_reason(cls) -> str | None:
        """Why ``cuda:N`` devices cannot be used here (no torch, a CPU-only build, no GPU)."""
        return cuda_unavailable_reason()

    @classmethod
    def device_kinds(cls) -> tuple[str, ...]:
        """``cpu`` and ``cuda`` (a machine without a GPU is told why by ``device``), plus ``mps``
        where this torch build has it."""
        return DEVICE_KINDS

    @classmethod
    def device(cls, spec: "str | Device" = "cpu") -> Device:
        """``Torch.device("cuda:1")``: checks the GPU exists (when torch is installed).

        A device this machine cannot use (``mps`` off Apple silicon, ``cuda`` on a CPU-only
        build) raises a DeviceError saying what that device needs."""
        if Device.parse(spec).kind == "mps" and "mps" not in DEVICE_KINDS:
            raise DeviceError(f"Torch: cannot use device mps: {mps_unavailable_reason()}")
        dev = super().device(spec)
        if torch is not None:
            TORCH_DEVICES[dev]  # validates, raising a DeviceError that says why
        return dev

    @classmethod
    def supported_float_dtypes(cls) -> tuple[DType, ...]:
        return (DType.F32, DType.F64, DType.F16, DType.BF16)

    @classmethod
    def seed(cls, seed: int) -> None:
        rng.seed(cls._rng_owner, seed)

    @classmethod
    def sync(cls, device: Device | None = None) -> None:
        """Wait for queued GPU work (benchmarks); a no-op on CPU."""
        if torch is None:
            return
        if device is None:
            if torch.cuda.is_available():
                torch.cuda.synchronize()
        elif device.kind == "cuda":
            torch.cuda.synchronize(TORCH_DEVICES[device])
        elif device.kind == "mps":
            torch.mps.synchronize()

    @classmethod
    def from_dlpack(cls, prim: Any, kind_prefix: str, device: Device) -> Tensor | None:
        """Import another library's array without a copy when it lives on `device` (the hook
        `to_backend` calls); None lets the caller fall back to a host copy."""
        dev = TORCH_DEVICES[device]  # first: raises the reason when torch is missing
        dtype = cls._ftype if kind_prefix == "float" else cls._itype if kind_prefix == "int" \
            else torch.bool
        return import_dlpack(prim, dtype, dev)

    # --- creation and data ------------------------------------------------------------------------
    @classmethod
    def float_from_data(cls, data: TensorData, device: Device) -> Tensor:
        dev = TORCH_DEVICES[device]
        # np.array copies into a fresh writable array that torch then owns (TensorData's array is
        # read-only); it is much faster than torch.tensor(array).
        out = torch.from_numpy(np.array(data.as_numpy(), dtype=cls._fnumpy))
        if cls._ftype is _BF16:
            out = out.to(_BF16)
        return out if dev.type == "cpu" else out.to(dev)

    @classmethod
    def int_from_data(cls, data: TensorData, device: Device) -> Tensor:
        dev = TORCH_DEVICES[device]
        out = torch.from_numpy(np.array(host_astype(data.as_numpy(), cls._inumpy)))
        return out if dev.type == "cpu" else out.to(dev)

    @classmethod
    def bool_from_data(cls, data: TensorData, device: Device) -> Tensor:
        dev = TORCH_DEVICES[device]
        out = torch.from_numpy(np.array(data.as_numpy(), dtype=np.bool_))
        return out if dev.type == "cpu" else out.to(dev)

    @staticmethod
    def float_to_data(x: Tensor) -> TensorData:
        if x.dtype is _BF16:  # NumPy has no bfloat16: TensorData holds it as float32
            return TensorData.from_numpy(x.detach().cpu().float().numpy(), DType.BF16)
        return TensorData.from_numpy(x.detach().cpu().numpy())

    @staticmethod
    def int_to_data(x: Tensor) -> TensorData:
        return TensorData.from_numpy(x.detach().cpu().numpy())

    bool_to_data = int_to_data

    @classmethod
    def float_random(cls, shape: Shape, distribution: DistributionValue, device: Device) -> Tensor:
        dev = TORCH_DEVICES[device]
        gen, dtype = rng.generator(cls._rng_owner, dev), cls._ftype
        if isinstance(distribution, _Default):
            return torch.rand(shape, generator=gen, dtype=dtype, device=dev)
        out = torch.empty(shape, dtype=dtype, device=dev)
        if isinstance(distribution, Uniform):
            return out.uniform_(distribution.low, distribution.high, generator=gen)
        if isinstance(distribution, Normal):
            return out.normal_(distribution.mean, distribution.std, generator=gen)
        if isinstance(distribution, Bernoulli):
            return out.bernoulli_(distribution.prob, generator=gen)
        raise TypeError(f"float_random: unknown distribution {distribution!r}")

    @classmethod
    def int_random(cls, shape: Shape, distribution: DistributionValue, device: Device) -> Tensor:
        dev = TORCH_DEVICES[device]
        gen, dtype = rng.generator(cls._rng_owner, dev), cls._itype
        if isinstance(distribution, Uniform):  # integers in [ceil(low), ceil(high)), as NumPy
            low, high = math.ceil(distribution.low), math.ceil(distribution.high)
            return torch.randint(low, high, shape, generator=gen, dtype=dtype, device=dev)
        if isinstance(distribution, (_Default, Bernoulli)):
            prob = 0.5 if isinstance(distribution, _Default) else distribution.prob
            return torch.empty(shape, dtype=dtype, device=dev).bernoulli_(prob, generator=gen)
        if isinstance(distribution, Normal):
            out = torch.empty(shape, dtype=torch.float64, device=dev)
            return out.normal_(distribution.mean, distribution.std, generator=gen).round_().to(dtype)
        raise TypeError(f"int_random: unknown distribution {distribution!r}")

    @classmethod
    def float_full(cls, shape: Shape, value: float, device: Device) -> Tensor:
        dev = TORCH_DEVICES[device]
        return torch.full(shape, value, dtype=cls._ftype, device=dev)

    @classmethod
    def int_full(cls, shape: Shape, value: int, device: Device) -> Tensor:
        dev = TORCH_DEVICES[device]
        return torch.full(shape, value, dtype=cls._itype, device=dev)

    @classmethod
    def bool_full(cls, shape: Shape, value: bool, device: Device) -> Tensor:
        dev = TORCH_DEVICES[device]
        return torch.full(shape, value, dtype=torch.bool, device=dev)

    @classmethod
    def int_arange(cls, start: int, end: int, step: int, device: Device) -> Tensor:
        dev = TORCH_DEVICES[device]
        return torch.arange(start, end, step, dtype=cls._itype, device=dev)

    # --- shape, device, dtype ---------------------------------------------------------------------
    @staticmethod
    def float_shape(x: Tensor) -> Shape:
        return x.shape  # a torch.Size: a tuple subclass, so no conversion is needed

    int_shape = bool_shape = float_shape

    @staticmethod
    def float_device(x: Tensor) -> Device:
        return PYBURN_DEVICES[x.device]

    int_device = bool_device = float_device

    @staticmethod
    def float_to_device(x: Tensor, device: Device) -> Tensor:
        return x.to(TORCH_DEVICES[device])

    int_to_device = bool_to_device = float_to_device

    @staticmethod
    def float_dtype(x: Tensor) -> DType:
        return DTYPES[x.dtype]

    int_dtype = float_dtype

    @staticmethod
    def float_cast(x: Tensor, dtype: DType) -> Tensor:
        return x.to(TORCH_DTYPES[dtype])

    @classmethod
    def float_into_int(cls, x: Tensor) -> Tensor:
        return k.float_to_int(x, cls._itype)

    @classmethod
    def int_into_float(cls, x: Tensor) -> Tensor:
        return x.to(cls._ftype)

    bool_into_float = int_into_float

    @classmethod
    def bool_into_int(cls, x: Tensor) -> Tensor:
        return x.to(cls._itype)

    # --- layout and indexing: one kernel for every kind -------------------------------------------
    float_reshape = int_reshape = bool_reshape = staticmethod(k.reshape)
    float_permute = int_permute = bool_permute = staticmethod(k.permute)
    float_expand = int_expand = bool_expand = staticmethod(k.expand)
    float_flip = int_flip = bool_flip = staticmethod(k.flip)
    float_slice = int_slice = bool_slice = staticmethod(k.slice_)
    float_slice_assign = int_slice_assign = bool_slice_assign = staticmethod(k.slice_assign)
    float_cat = int_cat = bool_cat = staticmethod(k.cat)
    float_repeat_dim = int_repeat_dim = bool_repeat_dim = staticmethod(k.repeat_dim)
    float_gather = int_gather = staticmethod(k.gather)
    float_scatter = int_scatter = staticmethod(k.scatter)
    float_select = int_select = bool_select = staticmethod(k.select)
    float_select_assign = int_select_assign = staticmethod(k.select_assign)
    float_mask_where = int_mask_where = bool_mask_where = staticmethod(k.mask_where)
    float_mask_fill = int_mask_fill = staticmethod(k.mask_fill)

    # --- arithmetic ------------------------------------------------------------------------------
    float_add = int_add = staticmethod(k.add)
    float_sub = int_sub = staticmethod(k.sub)
    float_mul = int_mul = staticmethod(k.mul)
    float_div = staticmethod(k.div)
    int_div = staticmethod(k.int_div)
    float_remainder = int_remainder = staticmethod(k.remainder)
    int_bitwise_and = staticmethod(k.binary("bitwise_and"))
    int_bitwise_or = staticmethod(k.binary("bitwise_or"))
    int_bitwise_xor = staticmethod(k.binary("bitwise_xor"))
    int_bitwise_left_shift = staticmethod(k.binary("bitwise_left_shift"))
    int_bitwise_right_shift = staticmethod(k.binary("bitwise_right_shift"))
    int_bitwise_not = staticmethod(k.unary("bitwise_not"))
    float_powf = int_powi = staticmethod(k.pow_)
    float_max_pair = int_max_pair = staticmethod(k.max_pair)
    float_min_pair = int_min_pair = staticmethod(k.min_pair)
    float_add_scalar = int_add_scalar = staticmethod(k.add_scalar)
    float_sub_scalar = int_sub_scalar = staticmethod(k.sub_scalar)
    float_mul_scalar = int_mul_scalar = staticmethod(k.mul_scalar)
    float_div_scalar = staticmethod(k.div_scalar)
    int_div_scalar = staticmethod(k.int_div_scalar)
    float_remainder_scalar = int_remainder_scalar = staticmethod(k.remainder_scalar)
    float_powf_scalar = int_powi_scalar = staticmethod(k.pow_scalar)
    float_matmul = staticmethod(k.matmul)
    int_matmul = staticmethod(k.int_matmul)
    float_clamp = int_clamp = staticmethod(k.clamp)
    float_neg = int_neg = staticmethod(k.neg)
    float_abs = int_abs = staticmethod(k.abs_)
    float_sign = staticmethod(k.float_sign)
    int_sign = staticmethod(k.int_sign)

    # --- unary float math and activations: torch's own functions, bound as they are --------------
    # (fused kernels for the activations, instead of the protocol's composites)
    float_exp = staticmethod(k.unary("exp"))
    float_log = staticmethod(k.unary("log"))
    float_log1p = staticmethod(k.unary("log1p"))
    float_erf = staticmethod(k.unary("erf"))
    float_sqrt = staticmethod(k.unary("sqrt"))
    float_recip = staticmethod(k.unary("reciprocal"))
    float_cos = staticmethod(k.unary("cos"))
    float_sin = staticmethod(k.unary("sin"))
    float_tan = staticmethod(k.unary("tan"))
    float_tanh = staticmethod(k.unary("tanh"))
    float_sinh = staticmethod(k.unary("sinh"))
    float_cosh = staticmethod(k.unary("cosh"))
    float_asin = staticmethod(k.unary("asin"))
    float_acos = staticmethod(k.unary("acos"))
    float_atan = staticmethod(k.unary("atan"))
    float_asinh = staticmethod(k.unary("asinh"))
    float_acosh = staticmethod(k.unary("acosh"))
    float_atanh = staticmethod(k.unary("atanh"))
    float_trunc = staticmethod(k.unary("trunc"))
    float_atan2 = staticmethod(k.binary("atan2"))
    float_floor = staticmethod(k.unary("floor"))
    float_ceil = staticmethod(k.unary("ceil"))
    float_round = staticmethod(k.unary("round"))  # half to even, as NumPy and Burn
    float_is_nan = staticmethod(k.unary("isnan"))
    float_is_inf = staticmethod(k.unary("isinf"))
    float_relu = staticmethod(k.unary("relu"))
    float_relu_backward = staticmethod(k.relu_backward)
    float_tanh_backward = staticmethod(k.tanh_backward)
    float_sigmoid_backward = staticmethod(k.sigmoid_backward)
    float_sigmoid = staticmethod(k.unary("sigmoid"))
    float_gelu = staticmethod(k.unary("nn.functional.gelu"))  # exact (erf) form, as the default

    # --- comparisons ------------------------------------------------------------------------------
    float_equal = int_equal = bool_equal = staticmethod(k.equal)
    float_not_equal = int_not_equal = bool_not_equal = staticmethod(k.not_equal)
    float_greater = int_greater = staticmethod(k.greater)
    float_greater_equal = int_greater_equal = staticmethod(k.greater_equal)
    float_lower = int_lower = staticmethod(k.lower)
    float_lower_equal = int_lower_equal = staticmethod(k.lower_equal)
    float_equal_elem = int_equal_elem = staticmethod(k.equal_elem)
    float_not_equal_elem = int_not_equal_elem = staticmethod(k.not_equal_elem)
    float_greater_elem = int_greater_elem = staticmethod(k.greater_elem)
    float_greater_equal_elem = int_greater_equal_elem = staticmethod(k.greater_equal_elem)
    float_lower_elem = int_lower_elem = staticmethod(k.lower_elem)
    float_lower_equal_elem = int_lower_equal_elem = staticmethod(k.lower_equal_elem)

    # --- reductions -------------------------------------------------------------------------------
    float_sum = staticmethod(k.float_sum)
    int_sum = staticmethod(k.int_sum)
    float_sum_dim = staticmethod(k.float_sum_dim)
    int_sum_dim = staticmethod(k.int_sum_dim)
    float_mean_dim = staticmethod(k.mean_dim)
    float_prod = staticmethod(k.float_prod)
    int_prod = staticmethod(k.int_prod)
    float_prod_dim = staticmethod(k.float_prod_dim)
    int_prod_dim = staticmethod(k.int_prod_dim)
    float_max_dim = int_max_dim = staticmethod(k.max_dim)
    float_min_dim = int_min_dim = staticmethod(k.min_dim)
    float_cumsum = staticmethod(k.float_cumsum)
    int_cumsum = staticmethod(k.int_cumsum)
    float_sort = int_sort = staticmethod(k.sort)

    # Index results are int64 in torch; an int-dtype variant converts them to its int type.
    @classmethod
    def float_argmax(cls, x: Tensor, dim: int) -> Tensor:
        out = torch.argmax(x, dim, keepdim=True)
        return out if cls._itype is _INT64 else out.to(cls._itype)

    @classmethod
    def float_argmin(cls, x: Tensor, dim: int) -> Tensor:
        out = torch.argmin(x, dim, keepdim=True)
        return out if cls._itype is _INT64 else out.to(cls._itype)

    @classmethod
    def float_argsort(cls, x: Tensor, dim: int, descending: bool) -> Tensor:
        out = torch.sort(x, dim=dim, descending=descending, stable=True)[1]
        return out if cls._itype is _INT64 else out.to(cls._itype)

    int_argmax = float_argmax
    int_argmin = float_argmin
    int_argsort = float_argsort

    # --- bool -------------------------------------------------------------------------------------
    bool_not = staticmethod(k.logical_not)
    bool_and = staticmethod(k.logical_and)
    bool_or = staticmethod(k.logical_or)
    bool_xor = staticmethod(k.logical_xor)
    bool_any = staticmethod(k.any_)
    bool_all = staticmethod(k.all_)
    bool_any_dim = staticmethod(k.any_dim)
    bool_all_dim = staticmethod(k.all_dim)

    @classmethod
    def bool_argwhere(cls, x: Tensor) -> Tensor:
        out = torch.nonzero(x)
        return out if cls._itype is _INT64 else out.to(cls._itype)


Torch._bind_dtypes()
