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

import math
import numbers
from typing import TYPE_CHECKING, Any, Generic, Mapping, NoReturn, Protocol, TypeVar

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


def check_learning_rate(op: str, lr: object) -> float:
    """`lr` as a float, refused unless finite and >= 0: one step with a NaN or infinite rate
    turns every parameter into NaN, and a negative one climbs the loss, both without a word."""
    if isinstance(lr, bool) or not isinstance(lr, numbers.Real):
        raise TypeError(f"{op}: the learning rate must be a number, got {type(lr).__name__}")
    if getattr(lr, "jit_traced", False):
        # A pyburn.jit scalar input: the same check as guards (lr - lr == 0 is False for inf and
        # NaN), so every replay re-checks it, and lr stays an input of the plan.
        if not ((lr - lr) == 0.0 and lr >= 0.0):  # type: ignore[operator]
            raise ValueError(f"{op}: the learning rate must be finite and >= 0, got {lr!r}")
        return lr  # type: ignore[return-value]
    value = float(lr)
    if not (math.isfinite(value) and value >= 0.0):
        raise ValueError(f"{op}: the learning rate must be finite and >= 0, got {value!r}")
    return value


M = TypeVar("M", bound=Module)
S = TypeVar("S", bound=OptimizerState)


class Optimizer(Protocol):
    """What a training loop needs: ``module = optim.step(lr, module, grads)``, and the state as
    a record to checkpoint and resume."""

    def step(self, lr: LearningRate, module: M, grads: GradientsParams) -> M: ...

    def to_record(self) -> dict[str, Any]: ...

    def load_record(self, record: Mapping[str, Any], module: Module | None = None) -> Self: ...


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
        as Burn consumes it. `lr` must be finite and >= 0 (`ValueError` otherwise), and each
        parameter's state must have the parameter's shape (`ShapeError`, or `RecordError` for a
        state loaded from a record), so neither can silently corrupt the parameters."""
        if not isinstance(grads, GradientsParams):
            raise TypeError(f"{self._name()}.step: expected GradientsParams (use "
                            f"GradientsParams.from_grads(loss.backward(), module)), got "
                            f"{type(grads).__name__}")
        lr = check_learning_rate(f"{self._name()}.step", lr)
        pending = grads.copy()
        new_states: dict[ParamId, S | None] = {}

        def update(path: str, param: Param[Any]) -> Param[Any]:
            if not param.require_grad or not param.is_initialized():
                return param
            grad = pending.remove(param.id)
            if grad is None:
                return param
            return self._update(lr, path, param, grad, new_states)

        stepped = module.map(update)
        # The states change only once every parameter has stepped: a step that raises halfway
        # leaves the optimizer as it was, in step with the module the caller still holds.
        for pid, state in new_states.items():
            if state is None:
                self._states.pop(pid, None)
            else:
                self._states[pid] = state
        return stepped

    def _update(self, lr: float, path: str, param: Param[Any], grad: Any,
                new_states: dict[ParamId, S | None]) -> Param[Any]:
        tensor = param.val()
        if tensor.kind.prefix != "float":
            return param
        autodiff = type(tensor).backend.is_autodiff()
        inner = tensor.inner() if autodiff else tensor
        if type(grad) is not type(inner):
            raise TypeError(f"{self._name()}.step: the gradient of parameter "
                            f"{param_label(path, param)} is a {type(grad).__name__}, expected a "
                            f"{type(inner).__name__}")
        if grad.dims() != inner.dims():  # dims(): a plain list, cheaper than a Shape
            raise ShapeError(f"{self._name()}.step: the gradient of parameter "
                             f"{param_label(path, param)} has shape {grad.dims()}, the "
                             f"parameter has shape {inner.dims()}")
        if self.grad_clipping is not None:
            grad = self.grad_clipping.clip_gradient(grad)
        state = self._states.get(param.id)
        if state is not None:
            state = self._checked_state(state, grad, path, param)
        new_inner, new_state = self.optim.step(lr, inner, grad, state)
        new_states[param.id] = new_state
        new = type(tensor).from_inner(new_inner) if autodiff else new_inner
        return param.with_value(new)  # with_value re-marks require_grad: a fresh leaf

    def _name(self) -> str:
        """How errors name this optimizer: its rule (``Adam``, ``Sgd``, ...)."""
        return type(self.optim).__name__

    def _checked_state(self, state: S, grad: Any, path: str, param: Param[Any]) -> S:
        """The state as tensors like `grad` (its backend and device), each checked to have the
        parameter's shape: materializes a state loaded from a record, follows a module moved to
        another device, and refuses a state that would broadcast against a parameter that
        changed shape but kept its id (an `[8]` moment applied to a `[2, 8]` weight). One shape
        comparison per state tensor, next to the update's full-tensor ops."""
        cls, device, dims = type(grad), grad.device, grad.dims()

        def move(value: Any) -> Any:
            if isinstance(value, TensorData):
                if list(value.shape) != dims:
                    self._state_shape_error(path, param, list(value.shape), dims, loaded=True)
                return cls.from_data(value, device)
            if value.dims() != dims:
                self._state_shape_error(path, param, value.dims(), dims, loaded=False)
            if type(value) is not cls:
                return cls.from_data(value.to_data(), device)
            return value if value.device == device else value.to_device(device)

        return state.map_tensors(move)

    def _state_shape_error(self, path: str, param: Param[Any], state_shape: list[int],
                           param_shape: list[int], loaded: bool) -> NoReturn:
        where = "loaded from a record " if loaded else ""
        message = (f"{self._name()} optimizer: the state {where}of parameter "
                   f"{param_label(path, param)} has shape {state_shape}, the parameter has shape "
                   f"{param_shape}")
        if loaded:
            raise RecordError(f"{message}; the record was saved for another model")
        raise ShapeError(f"{message}; the parameter changed shape but kept its ParamId (give a "
                         f"reshaped parameter a new id, or use a new optimizer)")

    # --- state as a record --------------------------------------------------------------------------
    def to_record(self) -> dict[str, Any]:
        """The state of every parameter stepped so far, keyed by parameter id: a record tree
        (dicts, ints, `TensorData`) that any recorder saves."""
        return {str(pid): state.to_record() for pid, state in self._states.items()}

    def load_record(self, record: Mapping[str, Any], module: Module | None = None) -> Self:
        """Replace the state with `record` (from `to_record`, possibly through a recorder);
        returns self. Tensors become tensors again at the next step, on the gradient's device.

        With `module`, every state of one of its parameters is checked against that
        parameter's shape now (`RecordError`), rather than at the next step; states of other
        ids are kept (they may belong to another module this optimizer also steps)."""
        if not isinstance(record, Mapping):
            raise RecordError(f"{self._name()}.load_record: expected a dict keyed by "
                              f"parameter id, got {type(record).__name__}")
        states: dict[ParamId, S] = {}
        for key, value in record.items():
            if not isinstance(key, str):
                raise RecordError(f"optimizer record: keys must be parameter ids (str), got "
                                  f"{key!r}")
            states[ParamId(key)] = self.optim.state_type.from_record(value, f"[{key}]")
        if module is not None:
            self._check_states_match(states, module)
        self._states = states
        return self

    def _check_states_match(self, states: Mapping[ParamId, S], module: Module) -> None:
        for path, param in module.named_params():
            state = states.get(param.id)
            if state is None:
                continue
            expected = list(param.shape)

            def check(value: Any, path: str = path, param: Param[Any] = param,
                      expected: list[int] = expected) -> Any:
                if list(value.shape) != expected:
                    self._state_shape_error(path, param, list(value.shape), expected, loaded=True)
                return value

            state.map_tensors(check)

    def save_file(self, path: str, recorder: "Recorder") -> Any:
        """Save the state with a file recorder (as ``Module.save_file``); returns the path."""
        return recorder.record(self.to_record(), path)  # type: ignore[attr-defined]

    def load_file(self, path: str, recorder: "Recorder", module: Module | None = None) -> Self:
        """Load state saved by `save_file`; returns self. `module`: check the state's shapes
        against its parameters now (see `load_record`)."""
        return self.load_record(recorder.load(path), module)  # type: ignore[attr-defined]

    def into_bytes(self) -> bytes:
        """The state as bytes (Burn's ``into_bytes``): pyburn's binary record format in double
        precision, so f32 and f64 states come back bit for bit; read by `from_bytes` (no
        pickle). Loaded tensors take the gradient's dtype at the next step."""
        from pyburn.record import BinBytesRecorder, DoublePrecisionSettings
        return BinBytesRecorder(DoublePrecisionSettings).record(self.to_record())

    def from_bytes(self, data: bytes, module: Module | None = None) -> Self:
        """Replace the state with one from `into_bytes`; returns self (see `load_record`)."""
        from pyburn.record import BinBytesRecorder, DoublePrecisionSettings
        return self.load_record(BinBytesRecorder(DoublePrecisionSettings).load(data), module)

    def num_states(self) -> int:
        """Number of parameters with state (no ``__len__``: an optimizer should not be falsy)."""
        return len(self._states)

    def __repr__(self) -> str:
        clip = f", grad_clipping={self.grad_clipping}" if self.grad_clipping else ""
        return f"OptimizerAdaptor({self.optim!r}{clip}, states={len(self._states)})"
