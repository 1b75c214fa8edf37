"""The `Optimizer` protocol and `OptimizerAdaptor`, which lifts a per-tensor rule to modules.

Burn splits an optimizer in two. A *simple optimizer* (`Sgd`, `Adam`, `AdamW`) knows how to
update one tensor from its gradient and its own state. The adaptor (Burn's
``OptimizerAdaptor``) maps that rule over a module, as a ``ModuleMapper``: for each parameter
with a gradient it clips the gradient, runs the rule on the *inner* backend (no tape), wraps the
result back as a fresh ``require_grad`` leaf with the parameter's id, and keeps the rule's state
under that id. So the learning rate is an argument of ``step`` (a scheduler can change it every
step without touching the optimizer) and gradients are values passed in, not fields on tensors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Mapping, Protocol, TypeVar

from typing_extensions import Self

from pyburn.module import Module, Param, ParamId
from pyburn.record import RecordError
from pyburn.tensor import ShapeError, TensorData

from .clipping import GradientClipping
from .grads import GradientsParams, param_label
from .state import OptimizerState

if TYPE_CHECKING:
    from pyburn.record import Recorder

LearningRate = float
"""Burn's ``LearningRate`` (an f64)."""

M = TypeVar("M", bound=Module)
S = TypeVar("S", bound=OptimizerState)


class Optimizer(Protocol):
    """What a training loop needs: ``module = optim.step(lr, module, grads)``, and the state as
    a record to checkpoint and resume."""

    def step(self, lr: LearningRate, module: M, grads: GradientsParams) -> M: ...

    def to_record(self) -> dict[str, Any]: ...

    def load_record(self, record: Mapping[str, Any]) -> Self: ...


class SimpleOptimizer(Protocol[S]):
    """One tensor's update: ``(tensor, grad, state) -> (new tensor, new state)``, all on the
    inner backend. `state_type` reads the state back from a record."""

    state_type: type[S]

    def step(self, lr: LearningRate, tensor: Any, grad: Any,
             state: S | None) -> tuple[Any, S | None]: ...


class OptimizerAdaptor(Generic[S]):
    """A simple optimizer applied to every trainable parameter of a module; what
    ``SgdConfig().init()``, ``AdamConfig().init()`` and ``AdamWConfig().init()`` return."""

    def __init__(self, optim: SimpleOptimizer[S],
                 grad_clipping: GradientClipping | None = None) -> None:
        self.optim = optim
        self.grad_clipping = grad_clipping
        self._states: dict[ParamId, S] = {}

    def with_grad_clipping(self, clipping: GradientClipping) -> Self:
        self.grad_clipping = clipping
        return self

    def has_gradient_clipping(self) -> bool:
        return self.grad_clipping is not None

    # --- the step -----------------------------------------------------------------------------
    def step(self, lr: LearningRate, module: M, grads: GradientsParams) -> M:
        """The module after one update with learning rate `lr`; parameters keep their ids.

        Parameters without a gradient, and frozen ones (``require_grad=False``), are returned
        unchanged. `grads` itself is not modified; within the step each gradient is used once,
        as Burn consumes it."""
        if not isinstance(grads, GradientsParams):
            raise TypeError(f"{type(self.optim).__name__}.step: expected GradientsParams (use "
                            f"GradientsParams.from_grads(loss.backward(), module)), got "
                            f"{type(grads).__name__}")
        pending = grads.copy()
        lr = float(lr)

        def update(path: str, param: Param[Any]) -> Param[Any]:
            if not param.require_grad or not param.is_initialized():
                return param
            grad = pending.remove(param.id)
            if grad is None:
                return param
            return self._update(lr, path, param, grad)

        return module.map(update)

    def _update(self, lr: float, path: str, param: Param[Any], grad: Any) -> Param[Any]:
        tensor = param.val()
        if tensor.kind.prefix != "float":
            return param
        autodiff = type(tensor).backend.is_autodiff()
        inner = tensor.inner() if autodiff else tensor
        if type(grad) is not type(inner):
            raise TypeError(f"optimizer step: the gradient of parameter {param_label(path, param)}"
                            f" is a {type(grad).__name__}, expected a {type(inner).__name__}")
        if tuple(grad.shape) != tuple(inner.shape):
            raise ShapeError(f"optimizer step: the gradient of parameter "
                             f"{param_label(path, param)} has shape {list(grad.shape)}, the "
                             f"parameter has shape {list(inner.shape)}")
        if self.grad_clipping is not None:
            grad = self.grad_clipping.clip_gradient(grad)
        state = self._states.pop(param.id, None)
        if state is not None:
            state = self._on_device_of(state, grad, path, param)
        new_inner, new_state = self.optim.step(lr, inner, grad, state)
        if new_state is not None:
            self._states[param.id] = new_state
        new = type(tensor).from_inner(new_inner) if autodiff else new_inner
        return param.with_value(new)  # with_value re-marks require_grad: a fresh leaf

    @staticmethod
    def _on_device_of(state: S, grad: Any, path: str, param: Param[Any]) -> S:
        """The state as tensors like `grad` (its backend and device): materializes a state
        loaded from a record, and follows a module moved to another device."""
        cls, device, shape = type(grad), grad.device, tuple(grad.shape)

        def move(value: Any) -> Any:
            if isinstance(value, TensorData):
                if tuple(value.shape) != shape:
                    raise RecordError(f"optimizer record: the state of parameter "
                                      f"{param_label(path, param)} has shape {list(value.shape)}, "
                                      f"the parameter has shape {list(shape)}")
                return cls.from_data(value, device)
            if type(value) is not cls:
                return cls.from_data(value.to_data(), device)
            return value if value.device == device else value.to_device(device)

        return state.map_tensors(move)

    # --- state as a record --------------------------------------------------------------------------
    def to_record(self) -> dict[str, Any]:
        """The state of every parameter stepped so far, keyed by parameter id: a record tree
        (dicts, ints, `TensorData`) that any recorder saves."""
        return {str(pid): state.to_record() for pid, state in self._states.items()}

    def load_record(self, record: Mapping[str, Any]) -> Self:
        """Replace the state with `record` (from `to_record`, possibly through a recorder);
        returns self. Tensors become tensors again at the next step, on the gradient's device."""
        if not isinstance(record, Mapping):
            raise RecordError(f"{type(self.optim).__name__}.load_record: expected a dict keyed by "
                              f"parameter id, got {type(record).__name__}")
        states: dict[ParamId, S] = {}
        for key, value in record.items():
            if not isinstance(key, str):
                raise RecordError(f"optimizer record: keys must be parameter ids (str), got "
                                  f"{key!r}")
            states[ParamId(key)] = self.optim.state_type.from_record(value, f"[{key}]")
        self._states = states
        return self

    def save_file(self, path: str, recorder: "Recorder") -> Any:
        """Save the state with a file recorder (as ``Module.save_file``); returns the path."""
        return recorder.record(self.to_record(), path)  # type: ignore[attr-defined]

    def load_file(self, path: str, recorder: "Recorder") -> Self:
        """Load state saved by `save_file`; returns self."""
        return self.load_record(recorder.load(path))  # type: ignore[attr-defined]

    def num_states(self) -> int:
        """Number of parameters with state (no ``__len__``: an optimizer should not be falsy)."""
        return len(self._states)

    def __repr__(self) -> str:
        clip = f", grad_clipping={self.grad_clipping}" if self.grad_clipping else ""
        return f"OptimizerAdaptor({self.optim!r}{clip}, states={len(self._states)})"
