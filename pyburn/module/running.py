"""`RunningState`: Burn's ``RunningState`` — a module tensor that is state, not a parameter
(BatchNorm's running mean and variance).

It is a `Param` that never requires a gradient, so everything that walks parameters sees it
as Burn's visitors see a running state: records save and load it (with its id), device and
backend moves and `valid()` carry it, ``num_params`` counts it (as Burn's), and optimizers
skip it (they only step parameters that require gradients). Unlike a parameter, a layer may
`update` it in place during ``forward``, as Burn's ``RunningState::update`` does through its
``&self``: a training step under Autodiff changes the statistics of the module the caller holds.
"""

from __future__ import annotations

import copy
from typing import Any, Callable, TypeVar

from pyburn.tensor import Device, Tensor

from .param import Param, ParamId

T = TypeVar("T", bound=Tensor)


class RunningState(Param[T]):
    """A non-trainable module tensor updated by the layer that owns it."""

    __slots__ = ()

    def __init__(self, value: T | None, id: "ParamId | str | None" = None,
                 require_grad: bool = False, **kwargs: Any) -> None:
        super().__init__(value, id, False, **kwargs)

    def _prepare(self, value: T) -> T:
        """Held detached: the statistics must never join a graph (nor be a gradient leaf)."""
        if not isinstance(value, Tensor):
            raise TypeError(f"RunningState: expected a Tensor, got {type(value).__name__}")
        return value.detach() if value.is_require_grad() else value

    def value(self) -> T:
        """The current state: Burn's ``RunningState::value`` (same as `val`)."""
        return self.val()

    def value_sync(self) -> T:
        """Burn's ``value_sync`` (which first waits for other threads' updates); pyburn's
        updates are applied under a lock as they happen, so it is `value`."""
        return self.val()

    def update(self, value: T) -> None:
        """Replace the state in place (a layer's ``forward`` does this while training)."""
        if tuple(value.shape) != tuple(self.shape):
            from pyburn.tensor import ShapeError
            raise ShapeError(f"RunningState.update: expected a tensor of shape "
                             f"{list(self.shape)}, got {list(value.shape)}")
        prepared = self._prepare(value)
        with self._lock:
            self._value = prepared
            self._init = None

    # Every way of deriving a new parameter keeps the type, so a module stays a BatchNorm with
    # running state through map / to_device / valid / no_grad / load_record / deepcopy.
    def with_value(self, value: T) -> "RunningState[T]":
        return RunningState(value, self.id)

    def set_require_grad(self, require_grad: bool) -> "RunningState[T]":
        """A running state never requires a gradient; ``no_grad()`` keeps it as it is."""
        return copy.copy(self)

    def _derived(self, fn: Callable[[T], T], device: Device | None, tensor_cls: Any,
                 require_grad: bool) -> "RunningState[T]":
        source = self
        return RunningState(None, self.id, init=lambda: fn(source.val()), shape=self._shape,
                            device=device, tensor_cls=tensor_cls)

    def __copy__(self) -> "RunningState[T]":
        if self._value is not None:
            return RunningState(self._value, self.id)
        return self._derived(lambda t: t, self._device, self._cls, False)

    def __deepcopy__(self, memo: dict[int, Any]) -> "RunningState[T]":
        if self._value is not None:
            return RunningState(copy.deepcopy(self._value, memo), self.id)
        return self._derived(copy.deepcopy, self._device, self._cls, False)

    def __repr__(self) -> str:
        return f"RunningState(id={str(self.id)!r}, shape={list(self._shape)})"
