"""How tensors meet the rest of the Python ecosystem: NumPy's array protocols and DLPack.

* ``np.asarray(t)`` views the tensor's memory when it is on the CPU (read-only: tensors are
  immutable values); ``np.array(t)`` is a writable copy. A GPU tensor refuses with a TypeError
  naming ``to_numpy()``/``to_data()``, as torch and CuPy do: an implicit device-to-host copy
  hides a synchronisation.
* NumPy arrays and scalars mix with tensors in operators from either side (``np.ones(3) + t``,
  ``np.float32(2) * t``): an array becomes a tensor of the tensor's backend, kind and device;
  other NumPy functions refuse with a TypeError instead of building an object array.
* ``__dlpack__``/``__dlpack_device__`` export the primitive through the backend's `to_dlpack`
  hook (zero-copy), and ``Tensor[B].from_dlpack(x)`` imports through `from_dlpack`, so
  ``torch.from_dlpack(t)``, ``np.from_dlpack(t)`` and ``cupy.from_dlpack(t)`` share memory.
  Autodiff tensors export their inner value: DLPack carries values, not the graph (detached).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .data import TensorData
from .device import Device
from .ops_base import B, K, TensorOpsBase

if TYPE_CHECKING:
    from typing_extensions import Self

# DLPack device types (dlpack.h, DLDeviceType) -> pyburn device kinds
_DLPACK_KINDS = {1: "cpu", 2: "cuda", 10: "cuda"}

# NumPy ufuncs that are Python operators: (the method when the tensor is the left operand,
# the method when it is the right one), so ``array + t`` is ``t.__radd__(array)``.
_OPERATOR_UFUNCS: dict[Any, tuple[str, str]] = {
    np.add: ("__add__", "__radd__"),
    np.subtract: ("__sub__", "__rsub__"),
    np.multiply: ("__mul__", "__rmul__"),
    np.true_divide: ("__truediv__", "__rtruediv__"),
    np.remainder: ("__mod__", "__rmod__"),
    np.power: ("__pow__", "__rpow__"),
    np.matmul: ("__matmul__", "__rmatmul__"),
    np.equal: ("__eq__", "__eq__"),
    np.not_equal: ("__ne__", "__ne__"),
    np.less: ("__lt__", "__gt__"),
    np.less_equal: ("__le__", "__ge__"),
    np.greater: ("__gt__", "__lt__"),
    np.greater_equal: ("__ge__", "__le__"),
}


class InteropOps(TensorOpsBase[B, K]):
    __slots__ = ()

    # --- NumPy --------------------------------------------------------------------------------
    def __array__(self, dtype: Any = None, copy: bool | None = None) -> np.ndarray:
        """NumPy's conversion protocol (NumPy 2's `copy` argument; NumPy 1.x never passes it)."""
        array, copied = _host_array(self)
        if copy is False and copied:
            raise ValueError(f"__array__: a {self.dtype} tensor of {type(self).backend!r} cannot "
                             "be viewed by NumPy without a copy; use np.array(t) or t.to_numpy()")
        if dtype is not None and np.dtype(dtype) != array.dtype:
            if copy is False:
                raise ValueError(f"__array__: converting a {array.dtype} tensor to {np.dtype(dtype)} "
                                 "needs a copy, but copy=False was asked")
            return array.astype(dtype)
        if copy:
            return np.array(array, copy=True)
        view = array.view()
        view.flags.writeable = False  # the tensor's own memory: tensors are immutable values
        return view

    def __array_ufunc__(self, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        """Operators between NumPy values and tensors run as tensor ops; other NumPy functions
        refuse, instead of NumPy's silent fallback to an array of tensor objects."""
        names = _OPERATOR_UFUNCS.get(ufunc)
        if names is not None and method == "__call__" and len(inputs) == 2 and not kwargs:
            left, right = inputs
            if left is self:
                return getattr(self, names[0])(right)
            return getattr(self, names[1])(left)
        name = getattr(ufunc, "__name__", str(ufunc))
        what = "in-place NumPy operations (out=...)" if "out" in kwargs else \
            f"numpy.{name}" + (f".{method}" if method != "__call__" else "")
        raise TypeError(f"{what} cannot take a pyburn tensor: use the tensor's own op "
                        f"(x.{name}() where pyburn has it, Python operators), or compute in "
                        f"NumPy on an explicit copy: np.{name}(x.to_numpy())")

    # --- DLPack ----------------------------------------------------------------------------
    def __dlpack__(self, *, stream: Any = None, max_version: tuple[int, int] | None = None,
                   dl_device: Any = None, copy: bool | None = None) -> Any:
        """Export the primitive's memory (Autodiff: the inner value, detached)."""
        source, shared = _dlpack_source(self)
        if copy is False and not shared:
            raise BufferError(f"__dlpack__: {type(self).backend!r} cannot share this tensor's "
                              "memory, and copy=False was asked")
        kwargs: dict[str, Any] = {} if stream is None else {"stream": stream}
        extra = {k: v for k, v in (("max_version", max_version), ("dl_device", dl_device),
                                   ("copy", copy)) if v is not None}
        try:
            try:
                return source.__dlpack__(**kwargs, **extra)
            except TypeError:
                if max_version is None or dl_device is not None or copy is not None:
                    raise
                return source.__dlpack__(**kwargs)  # a producer before DLPack 1.0 (NumPy 1.x)
        except BufferError:
            # Read-only memory needs DLPack 1.0 (NumPy 2 and a consumer asking for it): else
            # export a copy, unless told not to.
            if copy is False or not isinstance(source, np.ndarray):
                raise
            return np.array(source).__dlpack__(**kwargs)

    def __dlpack_device__(self) -> tuple[Any, int]:
        device: tuple[Any, int] = _dlpack_source(self)[0].__dlpack_device__()
        return device

    @classmethod
    def from_dlpack(cls, obj: Any, device: "Device | str | None" = None) -> "Self":
        """A tensor of this class from any DLPack producer (NumPy, torch, CuPy, JAX arrays,
        pyburn tensors), sharing its memory when it already lives on the target device in the
        dtype this backend uses for the kind; otherwise converted (a copy). The target device
        is `device`, else the object's own device when this backend has it, else the default.

        Sharing means writes to `obj` show in the tensor: do not mutate it afterwards."""
        if not (hasattr(obj, "__dlpack__") and hasattr(obj, "__dlpack_device__")):
            raise TypeError(f"from_dlpack: expected a DLPack producer (an array with __dlpack__ "
                            f"and __dlpack_device__), got {type(obj).__name__}; use from_data "
                            "for lists, numbers and TensorData")
        backend = cls.backend
        dev = _target_device(backend, obj, device)
        primitive = backend.from_dlpack(obj, cls.kind.prefix, dev)
        if primitive is None:
            primitive = cls._ops.from_data(_host_data(obj), dev)
        return cls.from_primitive(primitive)


def _host_array(t: Any) -> tuple[np.ndarray, bool]:
    """The tensor's values as a host array, and whether that needed a copy."""
    device = t.device
    if device.kind != "cpu":
        raise TypeError(f"cannot convert a tensor on {device} to a NumPy array implicitly (it "
                        "would copy it to the host); call t.to_numpy() or t.to_data()")
    source = type(t).backend.to_dlpack(t._p, t.kind.prefix)
    if isinstance(source, np.ndarray):
        return source, False
    if source is not None:
        try:
            return np.from_dlpack(source), False
        except (BufferError, RuntimeError, TypeError, ValueError):
            pass  # e.g. bfloat16, which NumPy lacks: to_data converts
    return t.to_data().as_numpy(), True


def _dlpack_source(t: Any) -> tuple[Any, bool]:
    """What exports `t` (the backend's hook), and whether it shares the tensor's memory; a
    backend without the hook exports a host copy, which is correct if slower."""
    source = type(t).backend.to_dlpack(t._p, t.kind.prefix)
    if source is not None:
        return source, True
    return np.array(t.to_data().as_numpy()), False


def _target_device(backend: Any, obj: Any, device: "Device | str | None") -> Device:
    if device is not None:
        return backend.device(device) if isinstance(device, str) else device
    try:
        kind, index = obj.__dlpack_device__()
        name = _DLPACK_KINDS.get(int(kind))
        if name in backend.device_kinds():
            found: Device = backend.device(name if name == "cpu" else f"{name}:{int(index)}")
            return found
    except (TypeError, ValueError):
        pass  # a device this backend cannot address: its default device, through the host
    default: Device = backend.default_device()
    return default


def _host_data(obj: Any) -> TensorData:
    """`obj`'s values in host memory (the copy path of `from_dlpack`)."""
    to_data = getattr(obj, "to_data", None)
    if callable(to_data) and hasattr(obj, "_p"):  # a pyburn tensor of another backend or device
        data: TensorData = to_data()
        return data
    try:
        return TensorData(np.from_dlpack(obj))
    except (BufferError, RuntimeError, TypeError, ValueError) as exc:
        raise TypeError(f"from_dlpack: this backend cannot import the {type(obj).__name__} "
                        f"(DLPack device {tuple(obj.__dlpack_device__())}) and NumPy cannot read "
                        "it either (another device, or a dtype NumPy lacks such as bfloat16): "
                        "convert it first (torch: .cpu().float(), CuPy: .get())") from exc
