"""The `Backend` protocol: the only thing a backend implements.

A backend is a class (never instantiated) whose classmethods act on its own primitives (NumPy
arrays, torch tensors, ...). ``Tensor[B]`` wraps a primitive and calls these ops; users seldom
call them directly. Required ops are listed in `float_ops`, `int_ops` and `bool_ops`; a concrete
backend that misses one fails at class creation, naming what is missing. Activation ops have
defaults written with the required ones.
"""

from __future__ import annotations

import inspect
from typing import Any, ClassVar, TypeVar

from ..device import Device
from ..dtype import DType
from .activation_ops import ActivationOps
from .bool_ops import BoolTensorOps
from .extension import CustomOp, OpContext
from .float_ops import FloatTensorOps
from .int_ops import IntTensorOps

_B = TypeVar("_B", bound="type[Backend]")


class BackendMeta(type):
    """Gives backend classes a readable repr (``Autodiff<NumPy<float64>>``)."""

    def __repr__(cls) -> str:
        return cls.__dict__.get("_display_name", cls.__name__)


def _required_ops() -> tuple[str, ...]:
    names = []
    for family in (FloatTensorOps, IntTensorOps, BoolTensorOps):
        names += [n for n, v in vars(family).items() if isinstance(v, classmethod)]
    return tuple(names)


class Backend(FloatTensorOps, IntTensorOps, BoolTensorOps, ActivationOps, metaclass=BackendMeta):
    """Base class of every backend. Subclass it, implement the ops, and ``Tensor[YourBackend]``
    works, ``Autodiff[YourBackend]`` too."""

    abstract: ClassVar[bool] = True
    float_elem: ClassVar[DType] = DType.F32
    int_elem: ClassVar[DType] = DType.I64
    REQUIRED_OPS: ClassVar[tuple[str, ...]] = _required_ops()
    _jit_custom_op: ClassVar[Any] = None  # set by pyburn.jit's Recording backend only

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "abstract" not in cls.__dict__:
            cls.abstract = False
        if cls.abstract:
            return
        missing = [n for n in cls.REQUIRED_OPS if _func(getattr(cls, n)) is _func(getattr(Backend, n))]
        if missing:
            raise TypeError(f"backend {cls.__name__} does not implement the required op(s): "
                            f"{', '.join(missing)}")

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        raise TypeError(f"{cls!r} is a backend type: use it as a type (Tensor[{cls!r}]), "
                        "do not instantiate it")

    # --- identity and devices ----------------------------------------------------------------
    @classmethod
    def name(cls) -> str:
        """A short name such as ``numpy`` or ``autodiff<torch>``."""
        return cls.__name__.lower()

    @classmethod
    def default_device(cls) -> Device:
        """The default device, tagged with this backend (so ``config.init(device)`` works)."""
        return Device("cpu", 0, cls)

    @classmethod
    def device_kinds(cls) -> tuple[str, ...]:
        """Device kinds this backend can place tensors on (``cpu``, ``cuda``, ``mps``)."""
        return ("cpu",)

    @classmethod
    def device(cls, spec: "str | Device" = "cpu") -> Device:
        """Parse and validate a device for this backend: ``Torch.device("cuda:0")``."""
        dev = Device.parse(spec)
        if dev.kind not in cls.device_kinds():
            raise ValueError(f"{cls!r}.device: unsupported device {str(dev)!r}; this backend "
                             f"supports {', '.join(cls.device_kinds())}")
        return dev.on(cls)

    @classmethod
    def is_available(cls) -> bool:
        return cls.unavailable_reason() is None

    @classmethod
    def unavailable_reason(cls) -> str | None:
        """Why this backend cannot run on this machine (missing library, no GPU), or None."""
        return None

    @classmethod
    def seed(cls, seed: int) -> None:
        """Seed the calling thread's generators of this backend (every device); runs with the
        same seed are reproducible per thread, whatever other threads draw."""
        raise TypeError(f"{cls!r} has no random generator")

    @classmethod
    def sync(cls, device: Device | None = None) -> None:
        """Wait for queued work on `device` (GPU backends); used by benchmarks."""

    @classmethod
    def is_autodiff(cls) -> bool:
        return False

    # --- DLPack: zero-copy exchange with other array libraries --------------------------------
    @classmethod
    def to_dlpack(cls, x: Any, kind_prefix: str) -> Any:
        """An object exporting `x`'s memory through DLPack (``__dlpack__`` and
        ``__dlpack_device__``), or None when this backend cannot share it.

        The default suits any primitive that is itself a DLPack producer (NumPy, CuPy and torch
        arrays). `kind_prefix` is ``float``, ``int`` or ``bool``: wrappers such as `Autodiff` need
        it to unwrap their float primitives. With None, tensors export a host copy instead."""
        return x if hasattr(x, "__dlpack__") and hasattr(x, "__dlpack_device__") else None

    @classmethod
    def from_dlpack(cls, obj: Any, kind_prefix: str, device: Device) -> Any:
        """A primitive of this backend's `kind_prefix` dtype on `device` that shares `obj`'s
        memory (a DLPack producer or this backend's own array), or None when it cannot.

        None is always correct: callers then copy through host memory, so a backend that
        cannot share memory simply keeps this default."""
        return None

    @classmethod
    def run_custom_op(cls, op: "CustomOp", inputs: tuple[Any, ...], attrs: dict[str, Any]) -> Any:
        """Run a backend-extension op; `Autodiff` overrides this to record it on its tape."""
        ctx = OpContext((False,) * len(inputs), inputs, attrs)
        return op.forward(cls, ctx, inputs, attrs)

    # --- dtype variants ----------------------------------------------------------------------
    @classmethod
    def with_dtypes(cls: _B, float: "DType | str | None" = None,
                    int: "DType | str | None" = None) -> _B:
        """The same backend with other element types, like Burn's ``NdArray<f64>``.

        ``NumPy.with_dtypes(float="float64")`` (or ``NumPy["float64"]``) is cached, so
        ``NumPy["float64"] is NumPy["float64"]``."""
        base = cls.__dict__.get("_dtype_base", cls)
        fdt = DType.of(float) if float is not None else cls.float_elem
        idt = DType.of(int) if int is not None else cls.int_elem
        if not fdt.is_float:
            raise ValueError(f"{cls!r}.with_dtypes: float dtype must be a float type, got {fdt}")
        if not idt.is_int:
            raise ValueError(f"{cls!r}.with_dtypes: int dtype must be an int type, got {idt}")
        supported = base.supported_float_dtypes()
        if fdt not in supported:
            raise ValueError(f"{base!r}.with_dtypes: float dtype {fdt} is not supported; "
                             f"expected one of {[str(d) for d in supported]}")
        if fdt == base.float_elem and idt == base.int_elem:
            return base
        key = (base, fdt, idt)
        cached = _VARIANTS.get(key)
        if cached is None:
            parts = [str(d) for d, dflt in ((fdt, base.float_elem), (idt, base.int_elem)) if d != dflt]
            display = f"{base!r}<{', '.join(parts)}>"
            cached = BackendMeta(base.__name__, (base,), {
                "float_elem": fdt, "int_elem": idt, "_dtype_base": base,
                "_display_name": display, "__module__": base.__module__})
            _VARIANTS[key] = cached
        return cached  # type: ignore[return-value]

    @classmethod
    def supported_float_dtypes(cls) -> tuple[DType, ...]:
        return (DType.F32, DType.F64, DType.F16)

    def __class_getitem__(cls, item: Any) -> Any:
        return cls.with_dtypes(float=item)


def _func(method: Any) -> Any:
    return getattr(method, "__func__", method)


_VARIANTS: dict[tuple[Any, DType, DType], Any] = {}


def op_signature(name: str) -> inspect.Signature:
    """The documented signature of a protocol op (used by docs and error messages)."""
    return inspect.signature(getattr(Backend, name))
