"""``Tensor[B, K]``: the user-facing tensor, generic over a backend B and a kind K.

``Tensor[B]`` is a float tensor, ``Tensor[B, Int]``/``Tensor[B, Bool]`` the others. Each
specialization is a small cached subclass that knows its backend and its kind's op family, so an
op is one attribute lookup and one backend call. Tensors are immutable values: ops return new
tensors. The op methods live in mixins by family (`ops_basic`, `ops_numeric`, `ops_float`,
`ops_int_bool`, `ops_autodiff`, and `interop` for NumPy and DLPack).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, Sequence, TypeVar

import numpy as np

from typing_extensions import Self
from typing_extensions import TypeVar as TypeVarDefault

from .backend import Backend
from .data import TensorData
from .device import Device
from .errors import BackendError, KindError, a_or_an
from .interop import InteropOps
from .kind import Bool, Float, Int, TensorKind
from .ops_autodiff import AutodiffOps
from .ops_basic import BasicOps
from .ops_extra import ExtraOps
from .ops_float import FloatOps
from .ops_int_bool import IntBoolOps
from .ops_numeric import NumericOps
from .torch_habits import missing_attribute

B = TypeVar("B", bound=Backend, covariant=True)
K = TypeVarDefault("K", bound=TensorKind, default=Float, covariant=True)


class KindOps:
    """The backend ops of one kind, by generic name: ``ops.add`` is ``B.float_add`` for Float.

    Looked up once and cached; an op the kind does not have raises a `KindError` naming it."""

    def __init__(self, backend: type[Backend], kind: type[TensorKind]) -> None:
        self._backend = backend
        self._kind = kind

    def __getattr__(self, name: str) -> Any:
        fn = getattr(self._backend, f"{self._kind.prefix}_{name}", None)
        if fn is None:
            kind = self._kind.__name__

            def fn(*args: Any, **kwargs: Any) -> Any:
                raise KindError(f"{name}: not supported for {kind} tensors")
        setattr(self, name, fn)
        return fn


class Tensor(BasicOps[B, K], NumericOps[B, K], FloatOps[B, K], IntBoolOps[B, K],
             ExtraOps[B, K], AutodiffOps[B, K], InteropOps[B, K], Generic[B, K]):
    """A tensor of backend ``B`` and kind ``K``. See the Burn Book's op tables for the methods."""

    __slots__ = ("_p",)

    backend: ClassVar[Any] = None
    kind: ClassVar[type[TensorKind]] = Float
    _ops: ClassVar[KindOps]

    def __init__(self, data: Any, device: Device | str | None = None) -> None:
        """``Tensor[B](data)`` is ``Tensor[B].from_data(data, device)`` (nested lists, numbers,
        NumPy arrays, TensorData, tensors), as PyTorch users write ``torch.tensor(data)``. A
        backend primitive is wrapped with ``from_primitive``."""
        if type(self).backend is None:
            raise TypeError("Tensor needs a backend: use Tensor[B](data), Tensor[B].from_data(...)"
                            " or Tensor[B].from_primitive(...)")
        if isinstance(data, Tensor):
            data = data.to_data()
        self._p = type(self).from_data(data, device)._p

    def __class_getitem__(cls, params: Any) -> Any:
        args = params if isinstance(params, tuple) else (params,)
        backend, kind = args[0], (args[1] if len(args) > 1 else Float)
        if isinstance(backend, type) and issubclass(backend, Backend):
            if not (isinstance(kind, type) and issubclass(kind, TensorKind)):
                raise TypeError(f"Tensor[{backend!r}, ...]: the kind must be Float, Int or Bool, "
                                f"got {kind!r}")
            return _specialize(backend, kind)
        return super().__class_getitem__(params)  # type: ignore[misc]  # typing use

    @classmethod
    def of(cls, backend: Any, kind: type[TensorKind] | None = None) -> Any:
        """The tensor class for `backend` and `kind` (this class's kind by default)."""
        return _specialize(backend, kind or cls.kind)

    @classmethod
    def from_primitive(cls, primitive: Any) -> Self:
        out = object.__new__(cls)
        out._p = primitive
        return out

    # Helpers the mixins share.
    def _new(self, primitive: Any) -> Self:
        out = object.__new__(type(self))
        out._p = primitive
        return out

    def _as(self, kind: type[TensorKind], primitive: Any) -> Any:
        out = object.__new__(_specialize(type(self).backend, kind))
        out._p = primitive
        return out

    def _require_kind(self, op: str, *kinds: type[TensorKind]) -> None:
        if type(self).kind not in kinds:
            names = " or ".join(k.__name__ for k in kinds)
            raise KindError(f"{op}: expected {a_or_an(names)} tensor, got "
                            f"{a_or_an(type(self).kind.__name__)} tensor of shape {list(self.shape)}")

    def _check_peer(self, op: str, other: Any) -> Any:
        """`other`'s primitive after checking it has this tensor's backend and kind."""
        if type(other) is type(self):
            return other._p
        if not isinstance(other, Tensor):
            return self._operand(op, other)._p
        if type(other).backend is not type(self).backend:
            raise BackendError(f"{op}: tensors of different backends: {type(self).backend!r} "
                               f"and {type(other).backend!r}; move one with to_backend()")
        raise KindError(f"{op}: expected {a_or_an(type(self).kind.__name__)} tensor, got "
                        f"{a_or_an(type(other).kind.__name__)} tensor (convert with "
                        ".float()/.int()/.bool())")

    def _operand(self, op: str, other: Any) -> Any:
        """`other`, a NumPy array, as a tensor of this backend, kind and device, so arrays mix
        with tensors in operators (``np.ones(3) + t``); anything else is refused."""
        if isinstance(other, Tensor):
            return other
        if not isinstance(other, np.ndarray):
            hint = ("; import it with Tensor[B].from_dlpack(x) first"
                    if hasattr(other, "__dlpack__") else "")
            raise TypeError(f"{op}: expected a tensor, a number or a NumPy array, got "
                            f"{type(other).__name__}{hint}")
        kind = type(self).kind
        if other.dtype.kind not in "biuf":
            raise TypeError(f"{op}: a NumPy array of dtype {other.dtype} cannot be a tensor")
        if kind.prefix == "int" and other.dtype.kind == "f":
            raise KindError(f"{op}: cannot combine an Int tensor with a {other.dtype} NumPy "
                            "array; convert the tensor with .float() or the array with "
                            ".astype(int)")
        return type(self).from_data(other, self.device)

    def clone(self) -> Self:
        """Burn's ``clone()`` (and PyTorch's): tensors are immutable values, so the tensor itself
        is its clone; nothing can write through either."""
        return self

    def __setitem__(self, key: Any, value: Any) -> None:
        raise TypeError("tensors are immutable values: instead of x[...] = v write "
                        "x = x.slice_assign(ranges, values) or x.slice_fill(ranges, value), and "
                        "instead of x[mask] = v write x = x.mask_fill(mask, v) (or "
                        "x.mask_where(mask, values))")

    if not TYPE_CHECKING:  # keeps type checkers strict about attribute names
        def __getattr__(self, name: str) -> Any:
            """Only reached for a missing attribute: a PyTorch spelling gets the pyburn one.
            Protocol probes (``__array_interface__``...) stay cheap: NumPy makes several."""
            if name[:1] == "_":
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            raise AttributeError(missing_attribute(type(self).__name__, name), name=name,
                                 obj=self)


_CLASSES: dict[tuple[Any, Any], Any] = {}


def _specialize(backend: Any, kind: Any) -> Any:
    cls = _CLASSES.get((backend, kind))
    if cls is None:
        name = f"Tensor[{backend!r}]" if kind is Float else f"Tensor[{backend!r}, {kind.__name__}]"
        cls = type(name, (Tensor,), {"__slots__": (), "backend": backend, "kind": kind,
                                     "_ops": KindOps(backend, kind), "__module__": __name__,
                                     "__qualname__": name})
        _CLASSES[(backend, kind)] = cls
    return cls
