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

from pyburn.module import Module, Param, ParamGroup, ParamId
from pyburn.record import RecordError
from pyburn.tensor import ShapeError, TensorData

from .clipping import GradientClipping
from .grads import GradientsParams, param_label
from .groups import PATHS_KEY, OptimizerGroup, OptimizerRecord, rule_of, split_record
from .lr_scheduler.module_lr_scheduler import ModuleLearningRate
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

    def step(self, lr: "LearningRate | ModuleLearningRate", module: M,
             grads: GradientsParams) -> M: ...

    def to_record(self) -> dict[str, Any]: ...

    def load_record(self, record: Mapping[str, Any], module: Module | None = None) -> Self: ...


class SimpleOptimizer(Protocol[S]):
    """One tensor's update: ``(tensor, grad, state) -> (new tensor, new state)``, all on the
    inner backend. `state_type` reads the state back from a record."""

    state_type: type[S]

    def step(self, lr: LearningRate, tensor: Any, grad: Any,
             state: S | None) -> tuple[Any, S | None]: ...


class StateIO:
    """Saving an optimizer's state, for any class with ``to_record()`` and
    ``load_record(record, module)``: files through a recorder, and Burn's ``into_bytes`` /
    ``from_bytes`` in pyburn's binary format at double precision, so f32 and f64 states come
    back bit for bit (no pickle). Loaded tensors take the gradient's dtype at the next step."""

    if TYPE_CHECKING:
        def to_record(self) -> Any: ...

        def load_record(self, record: Any, module: Module | None = None) -> Self: ...

    def save_file(self, path: str, recorder: "Recorder") -> Any:
        """Save the state with a file recorder (as ``Module.save_file``); returns the path."""
        return recorder.record(self.to_record(), path)  # type: ignore[attr-defined]

    def load_file(self, path: str, recorder: "Recorder", module: Module | None = None) -> Self:
        """Load state saved by `save_file`; returns self. `module`: check the state's shapes
        against its parameters now (see `load_record`)."""
        return self.load_record(recorder.load(path), module)  # type: ignore[attr-defined]

    def into_bytes(self) -> bytes:
        """The state as bytes (Burn's ``into_bytes``), read by `from_bytes`."""
        from pyburn.record import BinBytesRecorder, DoublePrecisionSettings
        return BinBytesRecorder(DoublePrecisionSettings).record(self.to_record())

    def from_bytes(self, data: bytes, module: Module | None = None) -> Self:
        """Replace the state with one from `into_bytes`; returns self (see `load_record`)."""
        from pyburn.record import BinBytesRecorder, DoublePrecisionSettings
        return self.load_record(BinBytesRecorder(DoublePrecisionSettings).load(data), module)


class OptimizerAdaptor(StateIO, Generic[S]):
    """A simple optimizer applied to every trainable parameter of a module; what
    ``SgdConfig().init()``, ``AdamConfig().init()`` and ``AdamWConfig().init()`` return.
    `with_group` gives the parameters of a `ParamGroup` another rule (PyTorch's param_groups)."""

    def __init__(self, optim: SimpleOptimizer[S],
                 grad_clipping: GradientClipping | None = None) -> None:
        self.groups: list[OptimizerGroup] = [OptimizerGroup(ParamGroup.all(), optim,
                                                            grad_clipping)]
        self._states: dict[ParamId, S] = {}
        self._owners: dict[ParamId, int] = {}  # the group whose rule made a state
        self._paths: dict[ParamId, str] = {}   # each stepped parameter's module path

    @property
    def optim(self) -> SimpleOptimizer[S]:
        """The rule of every parameter no group took over."""
        rule: SimpleOptimizer[S] = self.groups[0].optim
        return rule

    @property
    def grad_clipping(self) -> GradientClipping | None:
        """The gradient clipping of every parameter no group took over."""
        return self.groups[0].grad_clipping

    def with_grad_clipping(self, clipping: GradientClipping) -> Self:
        """Clip the gradients of the parameters no group took over (as Burn, the first
        group's); returns self."""
        self.groups[0] = OptimizerGroup(self.groups[0].group, self.groups[0].optim, clipping)
        return self

    def has_gradient_clipping(self) -> bool:
        """Whether any group clips its gradients."""
        return any(g.grad_clipping is not None for g in self.groups)

    def with_group(self, group: ParamGroup, optim: Any,
                   grad_clipping: GradientClipping | None = None) -> Self:
        """Parameters of `group` are updated by `optim` (``AdamConfig().build()`` or
        ``.init()``) with `grad_clipping` (None: that optimizer's own); returns self.

        The last matching group wins. Existing states of the parameters `group` matches are
        dropped (Burn's rule: another rule cannot read them), matched by id and by the path
        each parameter had when it was last stepped."""
        op = f"{self._name()}.with_group"
        if not isinstance(group, ParamGroup):
            raise TypeError(f"{op}: expected a ParamGroup, got {type(group).__name__}")
        rule, clipping = rule_of(op, optim, grad_clipping)
        self.groups.append(OptimizerGroup(group, rule, clipping))
        for pid in [p for p in self._states if group.matches(p, self._paths.get(p))]:
            del self._states[pid]
            self._owners.pop(pid, None)
        return self

    def _route(self, pid: ParamId, path: str | None) -> int:
        """The index of the last group matching the parameter (0, the default, matches all)."""
        for index in range(len(self.groups) - 1, 0, -1):
            if self.groups[index].group.matches(pid, path):
                return index
        return 0

    # --- the step -----------------------------------------------------------------------------
    def step(self, lr: "LearningRate | ModuleLearningRate", module: M,
             grads: GradientsParams) -> M:
        """The module after one update with learning rate `lr` (a number, or a
        `ModuleLearningRate` with a rate per parameter group); parameters keep their ids.

        Parameters without a gradient, and frozen ones (``require_grad=False``), are returned
        unchanged. `grads` itself is not modified; within the step each gradient is used once,
        as Burn consumes it. `lr` must be finite and >= 0 (`ValueError` otherwise), and each
        parameter's state must have the parameter's shape (`ShapeError`, or `RecordError` for a
        state loaded from a record), so neither can silently corrupt the parameters."""
        if not isinstance(grads, GradientsParams):
            raise TypeError(f"{self._name()}.step: expected GradientsParams (use "
                            f"GradientsParams.from_grads(loss.backward(), module)), got "
                            f"{type(grads).__name__}")
        policy: ModuleLearningRate | None = None
        if isinstance(lr, ModuleLearningRate):
            policy = lr
            for _, rate in policy.groups:
                check_learning_rate(f"{self._name()}.step", rate)
        else:
            lr = check_learning_rate(f"{self._name()}.step", lr)
        pending = grads.copy()
        new_states: dict[ParamId, tuple[int, S | None]] = {}
        paths: dict[ParamId, str] = {}

        def update(path: str, param: Param[Any]) -> Param[Any]:
            if not param.require_grad or not param.is_initialized():
                return param
            grad = pending.remove(param.id)
            if grad is None:
                return param
            rate = lr if policy is None else policy.lr_from_param(param.id, path)
            paths[param.id] = path
            return self._update(rate, path, param, grad, new_states)  # type: ignore[arg-type]

        stepped = module.map(update)
        # The states change only once every parameter has stepped: a step that raises halfway
        # leaves the optimizer as it was, in step with the module the caller still holds.
        self._paths.update(paths)
        for pid, (owner, state) in new_states.items():
            if state is None:
                self._states.pop(pid, None)
                self._owners.pop(pid, None)
            else:
                self._states[pid] = state
                self._owners[pid] = owner
        return stepped

    def _owner(self, pid: ParamId, path: str | None) -> int:
        """The group that updates the parameter: the one whose rule made its state, else the
        last matching group."""
        owner = self._owners.get(pid) if pid in self._states else None
        return self._route(pid, path) if owner is None else owner

    def _update(self, lr: float, path: str, param: Param[Any], grad: Any,
                new_states: dict[ParamId, tuple[int, S | None]]) -> Param[Any]:
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
        owner = self._owner(param.id, path)
        group = self.groups[owner]
        if group.grad_clipping is not None:
            grad = group.grad_clipping.clip_gradient(grad)
        state = self._states.get(param.id)
        if state is not None:
            state = self._checked_state(state, grad, path, param)
        new_inner, new_state = group.optim.step(lr, inner, grad, state)
        new_states[param.id] = (owner, new_state)
        new = type(tensor).from_inner(new_inner) if autodiff else new_inner
        return param.with_value(new)  # with_value re-marks require_grad: a fresh leaf

    def _name(self) -> str:
        """How errors name this optimizer: its default rule (``Adam``, ``Sgd``, ...)."""
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
    def to_record(self) -> OptimizerRecord:
        """The state of every parameter stepped so far, keyed by parameter id: a record tree
        (dicts, ints, `TensorData`) that any recorder saves. With groups, ``"__paths__"`` also
        maps each id to its module path, so loading routes each state to its group's rule."""
        record = OptimizerRecord(
            (str(pid), state.to_record()) for pid, state in self._states.items())
        if len(self.groups) > 1:
            record[PATHS_KEY] = {str(pid): self._paths[pid] for pid in self._states
                                 if pid in self._paths}
        return record

    def load_record(self, record: Mapping[str, Any], module: Module | None = None) -> Self:
        """Replace the state with `record` (from `to_record`, possibly through a recorder);
        returns self. Tensors become tensors again at the next step, on the gradient's device.

        With `module`, every state of one of its parameters is checked against that
        parameter's shape now (`RecordError`), rather than at the next step; states of other
        ids are kept (they may belong to another module this optimizer also steps)."""
        entries, stored_paths = split_record(self._name(), record)
        # A state goes to the group that wrote it: found by the path stored in the record, or
        # by the module's path when `module` is given and the record has none.
        paths = {ParamId(k): v for k, v in stored_paths.items()}
        if module is not None:
            for path, param in module.named_params():
                paths.setdefault(param.id, path)
        states: dict[ParamId, S] = {}
        owners: dict[ParamId, int] = {}
        for key, value in entries.items():
            if not isinstance(key, str):
                raise RecordError(f"optimizer record: keys must be parameter ids (str), got "
                                  f"{key!r}")
            pid = ParamId(key)
            owner = self._route(pid, paths.get(pid))
            states[pid] = self.groups[owner].optim.state_type.from_record(value, f"[{key}]")
            owners[pid] = owner
        if module is not None:
            self._check_states_match(states, module)
        self._states, self._owners = states, owners
        self._paths = {pid: path for pid, path in paths.items() if pid in states}
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

    def num_states(self) -> int:
        """Number of parameters with state (no ``__len__``: an optimizer should not be falsy)."""
        return len(self._states)

    def __repr__(self) -> str:
        clip = f", grad_clipping={self.grad_clipping}" if self.grad_clipping else ""
        groups = "".join(f", group({g.group!r}, {g.optim!r}"
                         + (f", grad_clipping={g.grad_clipping}" if g.grad_clipping else "") + ")"
                         for g in self.groups[1:])
        return f"OptimizerAdaptor({self.optim!r}{clip}{groups}, states={len(self._states)})"
