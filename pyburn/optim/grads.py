"""`GradientsParams`: gradients keyed by parameter id (Burn's ``burn::optim::GradientsParams``).

``loss.backward()`` returns a `Gradients` container keyed by graph nodes, which only means
something together with the tensors of that one graph. An optimizer needs gradients keyed by
what survives from step to step, the `ParamId`: that is what lets gradients be accumulated over
several graphs, moved between devices, or computed on a forked copy of the module and applied to
the original. ``GradientsParams.from_grads(grads, module)`` is that translation.

The gradients are tensors of the *inner* backend (no tape): the optimizer step never records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Iterator

from pyburn.module import ParamId
from pyburn.tensor import Device, GradientError

if TYPE_CHECKING:
    from pyburn.module import Module, Param


class GradientsParams:
    """Gradients of a module's parameters, one inner-backend tensor per `ParamId`."""

    __slots__ = ("_grads",)

    def __init__(self) -> None:
        self._grads: dict[ParamId, Any] = {}

    # --- building from a backward pass ---------------------------------------------------------------
    @classmethod
    def from_grads(cls, grads: Any, module: "Module") -> "GradientsParams":
        """Take the gradients of `module`'s parameters out of the `Gradients` of a backward pass.

        As in Burn the gradients are *removed* from `grads` (the container is consumed): what is
        left afterwards belongs to tensors that are not parameters of `module`."""
        return cls.from_module(grads, module)

    @classmethod
    def from_module(cls, grads: Any, module: "Module") -> "GradientsParams":
        """Same as `from_grads` (Burn's name for the ``&mut Gradients`` variant)."""
        return cls._collect(grads, module, None)

    @classmethod
    def from_params(cls, grads: Any, module: "Module",
                    params: Iterable["ParamId | str"]) -> "GradientsParams":
        """Only the gradients of the parameters whose ids are in `params` (the others stay in
        `grads`): for optimizing parts of a model with different optimizers."""
        return cls._collect(grads, module, {ParamId(p) for p in params})

    @classmethod
    def _collect(cls, grads: Any, module: "Module",
                 only: set[ParamId] | None) -> "GradientsParams":
        out = cls()
        for path, param in module.named_params():
            if only is not None and param.id not in only:
                continue
            if not param.is_initialized():
                continue  # a lazy parameter never ran forward, so it has no gradient
            tensor = param.val()
            if tensor.kind.prefix != "float":
                continue
            if not type(tensor).backend.is_autodiff():
                raise GradientError(
                    f"GradientsParams.from_grads: parameter '{path}' lives on "
                    f"{type(tensor).backend!r}, which has no autodiff; build the module on an "
                    f"Autodiff[...] backend to train it")
            grad = tensor.grad_remove(grads)
            if grad is not None:
                out._grads[param.id] = grad
        return out

    # --- the container -----------------------------------------------------------------------------
    def get(self, id: "ParamId | str") -> Any:
        """The gradient of parameter `id` (an inner-backend tensor), or None."""
        return self._grads.get(ParamId(id))

    def remove(self, id: "ParamId | str") -> Any:
        """Take the gradient of parameter `id` out (None if absent)."""
        return self._grads.pop(ParamId(id), None)

    def register(self, id: "ParamId | str", grad: Any) -> None:
        """Set the gradient of parameter `id`, replacing any previous one."""
        self._grads[ParamId(id)] = grad

    def ids(self) -> list[ParamId]:
        return list(self._grads)

    def items(self) -> Iterator[tuple[ParamId, Any]]:
        return iter(list(self._grads.items()))

    def len(self) -> int:
        """Number of gradient tensors (Burn's ``len``; ``len(grads)`` works too)."""
        return len(self._grads)

    def is_empty(self) -> bool:
        return not self._grads

    def __len__(self) -> int:
        return len(self._grads)

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and ParamId(id) in self._grads

    def __iter__(self) -> Iterator[ParamId]:
        return iter(list(self._grads))

    def to_device(self, device: "Device | str", module: "Module") -> "GradientsParams":
        """Move the gradients of `module`'s parameters to `device` (in place; returns self),
        e.g. to apply gradients computed on a forked copy to the original module."""
        for _, param in module.named_params():
            grad = self._grads.get(param.id)
            if grad is not None:
                self._grads[param.id] = grad.to_device(device)
        return self

    def copy(self) -> "GradientsParams":
        """A shallow copy (tensors are immutable values, so this is a full copy in effect)."""
        out = GradientsParams()
        out._grads = dict(self._grads)
        return out

    def __repr__(self) -> str:
        return f"GradientsParams({len(self._grads)} tensors)"


def param_label(path: str, param: "Param[Any]") -> str:
    """How errors name a parameter: its record path and id."""
    return f"'{path}' (id {param.id})"
