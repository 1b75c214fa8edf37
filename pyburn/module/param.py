"""`Param`: a module parameter with a stable id, lazy initialization and a require-grad flag.

As in Burn, a parameter keeps its `ParamId` through optimizer steps, device moves and record
round trips (optimizer state is keyed by it), and its tensor may be created lazily: a module
built by ``config.init(device)`` and then filled by ``load_record`` never runs its initializer.
"""

from __future__ import annotations

import copy
import secrets
import threading
from typing import Any, Callable, Generic, Sequence, TypeVar, cast

from pyburn.tensor import Device, Shape, Tensor, TensorData

T = TypeVar("T", bound=Tensor)


class ParamId(str):
    """A parameter's identity: 16 hex digits, serialized in records. ``ParamId()`` is a fresh
    one (Burn's ``ParamId::new()``)."""

    def __new__(cls, value: object = None) -> "ParamId":
        return super().__new__(cls, secrets.token_hex(8) if value is None else value)

    @classmethod
    def new(cls) -> "ParamId":
        return cls(secrets.token_hex(8))

    def __repr__(self) -> str:
        return f"ParamId({str(self)!r})"


class Param(Generic[T]):
    """A parameter: ``param.val()`` is its tensor (a gradient leaf under Autodiff when
    ``require_grad``)."""

    __slots__ = ("id", "require_grad", "_value", "_init", "_shape", "_device", "_cls", "_lock")

    def __init__(self, value: T | None, id: "ParamId | str | None" = None,
                 require_grad: bool = True, *, init: Callable[[], T] | None = None,
                 shape: Sequence[int] | None = None, device: Device | None = None,
                 tensor_cls: Any = None) -> None:
        if value is None and init is None:
            raise ValueError("Param: needs a tensor or an init function")
        self.id = ParamId(id) if id is not None else ParamId.new()
        self.require_grad = require_grad
        self._value = None if value is None else self._prepare(value)
        self._init = init
        self._shape = Shape(value.shape if value is not None else (shape or ()))
        self._device = device if value is None else value.device
        self._cls = type(value) if value is not None else tensor_cls
        self._lock = threading.Lock()

    @classmethod
    def from_tensor(cls, tensor: T, require_grad: bool = True) -> "Param[T]":
        return cls(tensor, require_grad=require_grad)

    @classmethod
    def from_data(cls, data: Any, device: Device, backend: Any = None,
                  require_grad: bool = True) -> "Param[Any]":
        """A parameter holding `data` on `device` (Burn's ``Param::from_data(data, &device)``).

        The backend is the one `device` came from (``B.default_device()``); pass `backend` only
        for a bare device such as ``Device("cpu")``."""
        if backend is None:
            backend = device.require_backend("Param.from_data")
        tensor: Any = Tensor[backend].from_data(data, device)
        return cls(tensor, require_grad=require_grad)

    @classmethod
    def lazy(cls, init: Callable[[], T], shape: Sequence[int], device: Device, tensor_cls: Any,
             require_grad: bool = True, id: "ParamId | str | None" = None) -> "Param[T]":
        """A parameter whose tensor is created by `init` on first use (Burn's uninitialized).

        `tensor_cls` (e.g. ``Tensor[B]``) says which backend it will live on, so that a record
        can be loaded into it without running `init`."""
        return cls(None, id, require_grad, init=init, shape=shape, device=device,
                   tensor_cls=tensor_cls)

    @property
    def tensor_cls(self) -> Any:
        """The tensor class (backend and kind) of this parameter."""
        return self._cls

    def _prepare(self, value: T) -> T:
        if not isinstance(value, Tensor):
            raise TypeError(f"Param: expected a Tensor, got {type(value).__name__}")
        if value.kind.prefix != "float":
            return value
        return cast(T, value.set_require_grad(self.require_grad))

    def grad(self, grads: Any) -> Any:
        """This parameter's gradient in `grads` (from ``loss.backward()``), or None: Burn's
        ``param.grad(&grads)`` (a Burn ``Param`` derefs to its tensor)."""
        return self.val().grad(grads)

    def val(self) -> T:
        """The tensor (created now if the parameter is lazy)."""
        value = self._value
        if value is None:
            with self._lock:
                if self._value is None:
                    assert self._init is not None
                    self._value = self._prepare(self._init())
                    self._init = None
                value = self._value
        return value

    def is_initialized(self) -> bool:
        return self._value is not None

    @property
    def shape(self) -> Shape:
        return self._shape

    def dims(self) -> list[int]:
        """The tensor's dimensions, without creating a lazy one (a Burn ``Param`` derefs to its
        tensor, so ``param.dims()`` works there too)."""
        return list(self._shape)

    @property
    def device(self) -> Device | None:
        return self._value.device if self._value is not None else self._device

    def num_params(self) -> int:
        return self._shape.num_elements()

    def with_value(self, value: T) -> "Param[T]":
        """The same parameter (same id, same flag) holding another tensor."""
        return Param(value, self.id, self.require_grad)

    def map(self, fn: Callable[[T], T]) -> "Param[T]":
        return self.with_value(fn(self.val()))

    def map_lazy(self, fn: Callable[[T], T], *, device: "Device | str | None" = None,
                 tensor_cls: Any = None) -> "Param[T]":
        """`map`, except that a lazy parameter stays lazy: `fn` runs after its init, on first
        use (Burn moves an uninitialized parameter by changing where it will be created).
        `device`/`tensor_cls` say where and as what the result will live."""
        if self._value is not None:
            return self.map(fn)
        cls = self._cls if tensor_cls is None else tensor_cls
        target = self._device if device is None else Device.parse(device)
        if target is not None and cls is not None:
            target = target.on(cls.backend)
        return self._derived(fn, target, cls, self.require_grad)

    def set_require_grad(self, require_grad: bool) -> "Param[T]":
        if self._value is None:
            return self._derived(lambda t: t, self._device, self._cls, require_grad)
        return Param(self._value, self.id, require_grad)

    def _derived(self, fn: Callable[[T], T], device: Device | None, tensor_cls: Any,
                 require_grad: bool) -> "Param[T]":
        """A lazy parameter computed from this one's value on first use. It draws *through*
        this parameter, so the original and every module derived from it (moved, copied,
        no_grad) hold the same values, whichever is used first."""
        source = self
        return Param.lazy(lambda: fn(source.val()), self._shape, device,  # type: ignore[arg-type]
                          tensor_cls, require_grad, self.id)

    def to_data(self) -> TensorData:
        return self.val().to_data()

    # --- Python copying and pickling (see `Module.__deepcopy__`) ---------------------------------
    def __copy__(self) -> "Param[T]":
        """The same parameter (same id, flag and tensor); a lazy one draws once for both."""
        if self._value is not None:
            return Param(self._value, self.id, self.require_grad)
        return self._derived(lambda t: t, self._device, self._cls, self.require_grad)

    def __deepcopy__(self, memo: dict[int, Any]) -> "Param[T]":
        """Same id and flag, copied storage (a fresh autodiff leaf)."""
        if self._value is not None:
            return Param(copy.deepcopy(self._value, memo), self.id, self.require_grad)
        return self._derived(copy.deepcopy, self._device, self._cls, self.require_grad)

    def __reduce_ex__(self, protocol: Any) -> Any:
        raise TypeError("pickle: cannot pickle a Param: pyburn never loads pickles (they can "
                        "run code); save the module that holds it with a recorder "
                        "(module.save_file(path, recorder), pyburn.record)")

    def __repr__(self) -> str:
        state = "" if self.is_initialized() else ", lazy"
        return f"Param(id={str(self.id)!r}, shape={list(self._shape)}{state})"
