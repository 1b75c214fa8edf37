"""How a step's arguments and results become plan slots, guard keys, and back.

Arguments are walked once per call: tensors give their primitive (guarded on backend, kind,
dtype, shape, device and whether they are tracked), modules give their parameters (guarded on
module types, parameter paths, ids and kinds), Python ints/floats become scalar inputs, and
stateful objects — an optimizer's per-parameter states, a `GradientsAccumulator` — give the
state they carry from one step to the next. Anything else is a constant of the trace, guarded by
identity (or by value for plain values such as strings and booleans).
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Any, Callable, Iterator

from pyburn.module import Module, Param
from pyburn.tensor import Device, DType, Tensor

from .errors import JitError
from .scalar import TracedScalar

_VALUE_KEYED = (bool, str, bytes, type(None), Device, DType, enum.Enum, type)


def _stateful(value: Any) -> tuple[str, Callable[[Any], Any], Callable[[Any, Any], None]] | None:
    """(name, get, set) of an object whose state a step updates in place, or None."""
    from pyburn.optim import GradientsAccumulator, OptimizerAdaptor
    if isinstance(value, OptimizerAdaptor):
        return ("optimizer", lambda o: o._states, lambda o, s: setattr(o, "_states", s))
    if isinstance(value, GradientsAccumulator):
        return ("accumulator", lambda o: o._grads, lambda o, s: setattr(o, "_grads", s))
    return None


def _optimizer_config(value: Any) -> Any:
    """What an optimizer's update depends on besides its state: its rule's settings and its
    clipping (a changed threshold is a guard miss, not a stale constant)."""
    def plain(obj: Any) -> Any:
        if obj is None or isinstance(obj, (bool, int, float, str)):
            return obj
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return (type(obj), tuple((f.name, plain(getattr(obj, f.name)))
                                     for f in dataclasses.fields(obj)))
        slots = [s for c in type(obj).__mro__ for s in getattr(c, "__slots__", ())]
        names = slots or sorted(vars(obj)) if hasattr(obj, "__dict__") or slots else []
        return (type(obj), tuple((n, plain(getattr(obj, n, None))) for n in names
                                 if not n.startswith("__")))
    optim = getattr(value, "optim", None)
    groups = tuple((repr(g.group), plain(g.optim), plain(g.grad_clipping))  # with_group rules
                   for g in getattr(value, "groups", [])[1:])
    return (plain(optim), plain(getattr(value, "grad_clipping", None)), groups)


class InputWalk:
    """Flattens the arguments of one call."""

    def __init__(self) -> None:
        self.prims: list[Any] = []          # primitive leaves, in order
        self.scalars: list[Any] = []        # int/float leaves, in order
        self.key: list[Any] = []            # (path, guard item) pairs
        self.params: list[Param[Any]] = []  # parameters of module arguments, in order
        self.param_values: list[Any] = []
        self.stateful: list[Any] = []       # objects whose state the step updates
        self.lazy: str | None = None        # a parameter not initialized yet (its path)

    def walk(self, value: Any, path: str) -> None:
        if isinstance(value, Tensor):
            self.tensor(value, path)
        elif isinstance(value, Module):
            self.key.append((path, type(value)))
            for name, param in value.named_params():
                if not param.is_initialized():
                    # Initializing it here would draw its random values in another order than
                    # the eager forward does: this call runs eagerly instead.
                    self.lazy = self.lazy or f"{path}.{name}"
                    continue
                tensor = param.val()
                self.key.append((f"{path}.{name}", param.id, type(param), param.require_grad))
                self.params.append(param)
                self.param_values.append(tensor)
                self.tensor(tensor, f"{path}.{name}")
        elif isinstance(value, TracedScalar):
            raise JitError(f"pyburn.jit: argument {path} is a traced scalar of another trace")
        elif type(value) is int or type(value) is float:
            self.key.append((path, type(value)))
            self.scalars.append(value)
        elif isinstance(value, _VALUE_KEYED):
            self.key.append((path, "=", value))
        elif type(value) in (list, tuple):
            self.key.append((path, type(value), len(value)))
            for i, item in enumerate(value):
                self.walk(item, f"{path}[{i}]")
        elif type(value) is dict:
            self.key.append((path, dict, tuple(value)))
            for k, item in value.items():
                self.walk(item, f"{path}[{k!r}]")
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            self.key.append((path, type(value)))
            for f in dataclasses.fields(value):
                self.walk(getattr(value, f.name), f"{path}.{f.name}")
        elif _is_grads_params(value):
            self.key.append((path, type(value), tuple(value._grads)))
            for k, item in value._grads.items():
                self.walk(item, f"{path}[{k}]")
        else:
            hook = _stateful(value)
            if hook is not None:
                name, get, _ = hook
                self.key.append((path, type(value), id(value), _optimizer_config(value)))
                self.stateful.append(value)
                self.walk(get(value), f"{path}<{name} state>")
            else:
                self.key.append((path, "is", type(value), id(value)))

    def tensor(self, value: Tensor, path: str) -> None:
        cls = type(value)
        backend = cls.backend
        p = value._p
        tracked = False
        if cls.kind.prefix == "float" and backend.is_autodiff():
            node = p.node
            if node is not None and not node.is_leaf:
                raise JitError(f"pyburn.jit: argument {path} carries an autodiff graph from "
                               "before the step; pass it detached (.detach()) or compute it "
                               "inside the step")
            tracked = node is not None
            p = p.inner
        ops = cls._ops   # the backend's own shape/dtype/device: the guard walk is per call
        q = value._p
        dtype = None if cls.kind.prefix == "bool" else ops.dtype(q)
        self.key.append((path, cls, tracked, tuple(ops.shape(q)), dtype, ops.device(q)))
        self.prims.append(p)


def _is_grads_params(value: Any) -> bool:
    from pyburn.optim import GradientsParams
    return isinstance(value, GradientsParams)


def substitute(value: Any, scalars: Iterator[Any]) -> Any:
    """`value` with its int/float leaves replaced, in `InputWalk` order, by `scalars`; stateful
    objects get their substituted state set on them."""
    if isinstance(value, (Tensor, Module)) or isinstance(value, _VALUE_KEYED):
        return value
    if type(value) is int or type(value) is float:
        return next(scalars)
    if type(value) in (list, tuple):
        return type(value)(substitute(v, scalars) for v in value)
    if type(value) is dict:
        return {k: substitute(v, scalars) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: substitute(getattr(value, f.name), scalars)
                   for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    if _is_grads_params(value):
        return value
    hook = _stateful(value)
    if hook is not None:
        _, get, set_ = hook
        set_(value, substitute(get(value), scalars))
    return value


# --- outputs --------------------------------------------------------------------------------------
def describe_output(value: Any, slot_of: Callable[[Any], int | None],
                    scalar_code: Callable[[Any], Any], input_params: list[Param[Any]],
                    out_slots: list[int], out_values: list[Any], path: str,
                    captured: list[str]) -> Any:
    """The spec of `value` (a step result or an object's new state); appends the slots it
    reads to `out_slots` and their values to `out_values` (positions are the spec's refs)."""
    def slot_ref(prim: Any, where: str) -> Any:
        slot = slot_of(prim)
        if slot is None or slot < 0:   # < 0: a folded constant of the plan
            if slot is None:
                captured.append(where)
            return ("k", prim)
        out_slots.append(slot)
        out_values.append(prim)
        return ("o", len(out_slots) - 1)

    def tensor_spec(t: Tensor, where: str) -> Any:
        cls = type(t)
        p = t._p
        if cls.kind.prefix == "float" and cls.backend.is_autodiff():
            # A require_grad leaf comes back as one; a computed (non-leaf) result detached.
            leaf = p.node is not None and p.node.is_leaf
            return ("tensor", cls, "leaf" if leaf else "detached", slot_ref(p.inner, where))
        return ("tensor", cls, None, slot_ref(p, where))

    def go(v: Any, where: str) -> Any:
        if isinstance(v, Tensor):
            return tensor_spec(v, where)
        if isinstance(v, TracedScalar):
            return ("scalar", scalar_code(v))
        if isinstance(v, Module):
            params: list[Any] = []
            for name, param in v.named_params():
                same = next((i for i, q in enumerate(input_params) if q is param), None)
                if same is not None:
                    params.append(("same", same))
                else:
                    params.append(("new", param, tensor_spec(param.val(), f"{where}.{name}")))
            return ("module", v, params)
        if type(v) in (list, tuple):
            return ("seq", type(v), [go(x, f"{where}[{i}]") for i, x in enumerate(v)])
        if type(v) is dict:
            return ("dict", [(k, go(x, f"{where}[{k!r}]")) for k, x in v.items()])
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return ("data", v, [(f.name, go(getattr(v, f.name), f"{where}.{f.name}"))
                                for f in dataclasses.fields(v)])
        if _is_grads_params(v):
            return ("grads", type(v), [(k, go(x, f"{where}[{k}]")) for k, x in v._grads.items()])
        if v is None or isinstance(v, (int, float) + _VALUE_KEYED):
            return ("const", v)
        raise JitError(f"pyburn.jit: {where} is a {type(v).__name__}, which a replay cannot "
                       "rebuild (it would hand back the traced object every call); return "
                       "tensors, modules, GradientsParams, scalars, or tuples/lists/dicts/"
                       "dataclasses of them")

    return go(value, path)


def build_output(spec: Any, outs: Any, scalars: Any, input_params: list[Param[Any]]) -> Any:
    """The value `spec` describes, from this call's output slot values and scalar results."""
    kind = spec[0]
    if kind == "tensor":
        _, cls, autodiff, ref = spec
        p = outs[ref[1]] if ref[0] == "o" else ref[1]
        if autodiff is None:
            return cls.from_primitive(p)
        t = cls.from_primitive(cls.backend.ad_from_inner(p))
        return t.require_grad() if autodiff == "leaf" else t
    if kind == "scalar":
        return scalars[spec[1]]
    if kind == "module":
        _, template, params = spec
        built = iter([input_params[p[1]] if p[0] == "same"
                      else p[1].with_value(build_output(p[2], outs, scalars, input_params))
                      for p in params])
        return template.map(lambda _path, _param: next(built))
    if kind == "seq":
        return spec[1](build_output(s, outs, scalars, input_params) for s in spec[2])
    if kind == "dict":
        return {k: build_output(s, outs, scalars, input_params) for k, s in spec[1]}
    if kind == "data":
        return dataclasses.replace(spec[1], **{k: build_output(s, outs, scalars, input_params)
                                               for k, s in spec[2]})
    if kind == "grads":
        grads = spec[1]()
        for k, s in spec[2]:
            grads._grads[k] = build_output(s, outs, scalars, input_params)
        return grads
    return spec[1]
