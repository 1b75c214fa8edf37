"""``Tensor[B, K]``: the user-facing tensor, generic over a backend B and a kind K.

``Tensor[B]`` is a float tensor, ``Tensor[B, Int]``/``Tensor[B, Bool]`` the others. Each
specialization is a small cached subclass that knows its backend and its kind's op family, so an
op is one attribute lookup and one backend call. Tensors are immutable values: ops return new
tensors. The op methods live in mixins by family (`ops_basic`, `ops_numeric`, `ops_float`,
`ops_int_bool`, `ops_autodiff`).
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Sequence, TypeVar

from typing_extensions import Self
from typing_extensions import TypeVar as TypeVarDefault

from .backend import Backend
from .data import TensorData
from .device import Device
from .errors import BackendError, KindError, a_or_an
from .kind import Bool, Float, Int, TensorKind
from .ops_autodiff import AutodiffOps
from .ops_basic import BasicOps
from .ops_float import FloatOps
from .ops_int_bool import IntBoolOps
from .ops_numeric import NumericOps

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


class Tensor(BasicOps, NumericOps, FloatOps, IntBoolOps, AutodiffOps, Generic[B, K]):
    """A tensor of backend ``B`` and kind ``K``. See the Burn Book's op tables for the methods."""

    __slots__ = ("_p",)

    backend: ClassVar[Any] = None
    kind: ClassVar[type[TensorKind]] = Float
    _ops: ClassVar[KindOps]

    def __init__(self, primitive: Any) -> None:
        if type(self).backend is None:
            raise TypeError("Tensor needs a backend: use Tensor[B].from_data(...) or "
                            "Tensor[B].from_primitive(...)")
        self._p = primitive

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
            raise TypeError(f"{op}: expected a tensor or a number, got {type(other).__name__}")
        if type(other).backend is not type(self).backend:
            raise BackendError(f"{op}: tensors of different backends: {type(self).backend!r} "
                               f"and {type(other).backend!r}; move one with to_backend()")
        raise KindError(f"{op}: expected {a_or_an(type(self).kind.__name__)} tensor, got "
                        f"{a_or_an(type(other).kind.__name__)} tensor (convert with "
                        ".float()/.int()/.bool())")


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
