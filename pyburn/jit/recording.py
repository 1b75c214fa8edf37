"""``Recording[B]``: the decorator backend that writes down the inner-backend calls of a step.

It sits beneath `Autodiff` (``Autodiff[Recording[B]]``, the order of Burn's
``Autodiff<Fusion<B>>``), so what it sees is exactly what the tape makes of the step: the
forward, the backward's vector-Jacobian products and the optimizer's update, each as one call
of `B`. Every op of the Backend protocol is wrapped generically, so any backend works, user
backends included. Outside a trace (another thread) a wrapped op is a plain call of `B`.

Values are tracked by identity: each primitive a call returns gets a *slot*; a later call that
receives that object refers to the slot. A slot is forgotten when its value dies (weak
references), so a trace holds no more memory than the eager step, and a recycled ``id`` can
never alias an old slot.
"""

from __future__ import annotations

import sys
import threading
import weakref
from typing import Any, Callable

from pyburn.tensor.backend import Backend, BackendMeta, CustomOp, OpContext

from .errors import HostReadError, JitError
from .scalar import TracedScalar

_local = threading.local()

# Metadata: derived from the guarded input shapes/dtypes/devices, never recorded.
_METADATA_SUFFIXES = ("_shape", "_device", "_dtype")
_HOST_READS = ("_to_data",)
_OP_PREFIXES = ("float_", "int_", "bool_")
_PLAIN = (bool, int, float, str, type(None))


def active() -> "Recorder | None":
    """The recorder of the calling thread's trace, or None."""
    return getattr(_local, "recorder", None)


class Entry:
    """One inner-backend call of a plan: ``outs = fn(*args, **kwargs)``.

    `args`/`kwargs` are templates: ``("v", slot)``, ``("s", code)`` (a scalar input's
    expression), ``("k", value)`` (a constant) or ``("seq", type, items)``."""

    __slots__ = ("name", "fn", "args", "kwargs", "outs", "tuple_out")

    def __init__(self, name: str, fn: Callable[..., Any], args: list[Any], kwargs: dict[str, Any],
                 outs: list[int | None], tuple_out: bool) -> None:
        self.name, self.fn, self.args, self.kwargs = name, fn, args, kwargs
        self.outs, self.tuple_out = outs, tuple_out

    def __repr__(self) -> str:
        def show(t: Any) -> str:
            if t[0] == "v":
                return f"v{t[1]}"
            if t[0] == "s":
                return t[1]
            if t[0] == "seq":
                inner = ", ".join(show(i) for i in t[2])
                return f"[{inner}]" if t[1] is list else f"({inner})"
            value = t[1]
            text = repr(value)
            return text if len(text) <= 40 else f"<{type(value).__name__}>"
        args = [show(a) for a in self.args] + [f"{k}={show(v)}" for k, v in self.kwargs.items()]
        outs = ", ".join("_" if o is None else f"v{o}" for o in self.outs)
        return f"{outs} = {self.name}({', '.join(args)})"


class Recorder:
    """The state of one trace: slots, the entries so far, scalar inputs and guards."""

    def __init__(self) -> None:
        self.n_slots = 0
        self.slot_of: dict[int, int] = {}
        self.strong: list[Any] = []          # values that cannot be weakly referenced
        self.weak: list[Any] = []
        self.entries: list[Entry] = []
        self.n_scalars = 0
        self.scalar_values: list[Any] = []
        self.constants: list[Any] = []       # non-literal constants used in scalar expressions
        self.guards: list[tuple[str, Any, str]] = []
        self.captured: list[str] = []        # tensors used by the step that it did not compute
        self.primitive_types: set[type] = set()
        self.depth = 0                       # > 0 inside a custom op: its inner calls are its own
        self.folded: dict[int, Any] = {}     # constant-folded values, held for the plan
        self.finished = False

    # --- slots ------------------------------------------------------------------------------------
    def new_slot(self, value: Any) -> int:
        slot = self.n_slots
        self.n_slots += 1
        key = id(value)
        self.slot_of[key] = slot
        try:
            self.weak.append(weakref.ref(value, self._forget(key, slot)))
        except TypeError:
            self.strong.append(value)
        return slot

    def _forget(self, key: int, slot: int) -> Callable[[Any], None]:
        def forget(_: Any) -> None:
            if self.slot_of.get(key) == slot:
                del self.slot_of[key]
        return forget

    def input_slot(self, value: Any) -> int:
        self.primitive_types.add(type(value))
        return self.new_slot(value)

    def scalar_input(self, value: int | float) -> TracedScalar:
        index = self.n_scalars
        self.n_scalars += 1
        self.scalar_values.append(value)
        return TracedScalar(value, f"s[{index}]", self)

    def constant_code(self, value: Any) -> str:
        if type(value) in (int, bool) or (type(value) is float and value == value
                                          and value not in (float("inf"), float("-inf"))):
            return repr(value)
        self.constants.append(value)
        return f"c[{len(self.constants) - 1}]"

    def guard(self, code: str, expected: Any, why: str) -> None:
        if not self.finished:
            self.guards.append((code, expected, why))

    # --- recording a call ----------------------------------------------------------------------------
    def template(self, a: Any, op: str) -> tuple[Any, Any]:
        """(template, concrete value) of one argument."""
        slot = self.slot_of.get(id(a))
        if slot is not None:
            return ("v", slot), a
        t = type(a)
        if t is TracedScalar:
            if isinstance(a.value, float):
                return ("s", a.code), a.value
            return ("k", a.concrete(f"the int argument of {op}")), a.value
        if t is list or t is tuple:
            items = [self.template(x, op) for x in a]
            if all(i[0][0] == "k" for i in items):
                values = [i[1] for i in items]
                value = values if t is list else tuple(values)
                return ("k", value), value
            values = [i[1] for i in items]
            return ("seq", t, [i[0] for i in items]), (values if t is list else tuple(values))
        if t is dict:
            fixed = {k: self.concrete_value(v, op) for k, v in a.items()}
            return ("k", fixed), fixed
        if t in self.primitive_types and id(a) not in self.folded:
            self.captured.append(op)
        return ("k", a), a

    def concrete_value(self, a: Any, op: str) -> Any:
        """An attribute value with traced scalars replaced by guarded concrete ones."""
        if type(a) is TracedScalar:
            return a.concrete(f"an attribute of {op}")
        if type(a) in (list, tuple):
            return type(a)(self.concrete_value(x, op) for x in a)
        return a

    def record(self, name: str, fn: Callable[..., Any], out: Any, args: list[Any],
               kwargs: dict[str, Any], pure: bool = False) -> Any:
        tuple_out = type(out) is tuple or type(out) is list
        if pure and all(t[0] == "k" for t in args) and all(t[0] == "k" for t in kwargs.values()):
            # Constant folding: a pure call of constants (float_full, a cast of it, ...) is a
            # constant of the plan, computed once here instead of on every replay.
            for value in (out if tuple_out else (out,)):
                if type(value) not in _PLAIN:
                    self.folded[id(value)] = value
            return out
        outs: list[int | None] = []
        for value in (out if tuple_out else (out,)):
            if type(value) in _PLAIN or type(value) is tuple:
                outs.append(None)
            else:
                self.primitive_types.add(type(value))
                outs.append(self.new_slot(value))
        self.entries.append(Entry(name, fn, args, kwargs, outs, tuple_out))
        return out

    def call(self, name: str, fn: Callable[..., Any], args: tuple[Any, ...],
             kwargs: dict[str, Any]) -> Any:
        if name.endswith(_HOST_READS):
            check = value_check()
            if check is None:
                raise host_read_error(name)
            check_fn, tensor = check
            t, _ = self.template(tensor, name)
            self.record(f"check:{getattr(check_fn, 'name', name)}", check_fn, None, [t], {})
            return fn(*args, **kwargs)
        templates, values = [], []
        for a in args:
            t, v = self.template(a, name)
            templates.append(t)
            values.append(v)
        kw_templates, kw_values = {}, {}
        for k, a in kwargs.items():
            kw_templates[k], kw_values[k] = self.template(a, name)
        out = fn(*values, **kw_values)
        return self.record(name, fn, out, templates, kw_templates, pure="random" not in name)


class _ReplayCheck:
    """A value check of pyburn.tensor (index range, integer division by zero) run again on
    every replay: its host read checks, it computes nothing the plan uses."""

    __slots__ = ("name", "fn", "cls", "args")

    def __init__(self, name: str, fn: Callable[..., Any], cls: Any, args: tuple[Any, ...]) -> None:
        self.name, self.fn, self.cls, self.args = name, fn, cls, args

    def __call__(self, primitive: Any) -> None:
        self.fn(self.cls.from_primitive(primitive), *self.args)


def value_check() -> "tuple[_ReplayCheck, Any] | None":
    """When the calling host read belongs to one of pyburn.tensor's value checks, the check
    (to re-run on replay) and the primitive it checks; else None."""
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        name = frame.f_code.co_name
        if module == "pyburn.tensor.ops_basic" and name == "check_index_range":
            loc = frame.f_locals
            fn = frame.f_globals[name]
            indices = loc["indices"]

            def index_check(t: Any, op: str, dim: int, size: int, _fn: Any = fn) -> None:
                _fn(op, t, dim, size)
            return (_ReplayCheck(f"{loc['op']} index range", index_check, type(indices),
                                 (loc["op"], loc["dim"], loc["size"])), indices._p)
        if module == "pyburn.tensor.ops_numeric" and name == "_check_no_zero":
            loc = frame.f_locals
            fn = frame.f_globals[name]
            t = loc["t"]

            def zero_check(tensor: Any, op: str, _fn: Any = fn) -> None:
                _fn(tensor, op, tensor._p)
            return (_ReplayCheck(f"{loc['op']} by zero", zero_check, type(t), (loc["op"],)),
                    loc["divisor"])
        if module == "pyburn.tensor.ops_float" and name == "one_hot":
            loc = frame.f_locals
            idx = loc["idx"]
            bounds_of = frame.f_globals["index_bounds"]

            def class_check(t: Any, num_classes: int, _bounds: Any = bounds_of) -> None:
                bounds = _bounds(t)
                if bounds is not None and (bounds[0] < 0 or bounds[1] >= num_classes):
                    raise IndexError(f"one_hot: class indices must be in [0, {num_classes}), "
                                     f"got values in [{bounds[0]}, {bounds[1]}]")
            return (_ReplayCheck("one_hot class range", class_check, type(idx),
                                 (loc["num_classes"],)), idx._p)
        frame = frame.f_back  # type: ignore[assignment]
    return None


def host_read_error(op: str) -> HostReadError:
    """The error for a host read, naming the user-level call that made it."""
    culprit = op
    frame = sys._getframe(1)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("pyburn.tensor") and not frame.f_code.co_name.startswith("_"):
            culprit = f"{frame.f_code.co_name}() ({op})"
        elif module.startswith("pyburn.tensor") and frame.f_code.co_name in (
                "__bool__", "__float__", "__int__", "__index__", "__array__", "__format__",
                "__repr__", "__str__"):
            culprit = f"{frame.f_code.co_name} ({op})"
        frame = frame.f_back  # type: ignore[assignment]
    return HostReadError(
        f"pyburn.jit: {culprit} reads a tensor's value on the host inside a traced step; a "
        "replay does not re-run Python, so that value would be frozen into the plan. Return the "
        "tensor from the step and read it after the call (loss.into_scalar() on the output), "
        "or keep the step's control flow independent of tensor values")


# --- the decorator backend ----------------------------------------------------------------------------
_RECORDING: dict[Any, Any] = {}


def recording_of(inner: Any) -> Any:
    """``Recording[inner]``: `inner`'s ops, each wrapped to record when a trace is active."""
    cached = _RECORDING.get(inner)
    if cached is not None:
        return cached
    ns: dict[str, Any] = {"inner_backend": inner, "abstract": False,
                          "_display_name": f"Recording<{inner!r}>", "__module__": __name__,
                          "_jit_custom_op": _CustomOpHook(inner)}
    for name in dir(inner):
        if not name.startswith(_OP_PREFIXES) or name.endswith(_METADATA_SUFFIXES):
            continue
        fn = getattr(inner, name)
        if callable(fn):
            ns[name] = _wrap(name, fn)
    cls = BackendMeta(f"Recording<{inner!r}>", (inner,), ns)
    _RECORDING[inner] = cls
    return cls


def _wrap(name: str, fn: Callable[..., Any]) -> Any:
    def op(cls: Any, *args: Any, **kwargs: Any) -> Any:
        rec = getattr(_local, "recorder", None)
        if rec is None or rec.depth:
            return fn(*args, **kwargs)
        return rec.call(name, fn, args, kwargs)
    op.__name__ = op.__qualname__ = name
    return classmethod(op)


class _CustomForward:
    """Replays a custom op's forward with a fresh context: returns ``(ctx, *outputs)``."""

    __slots__ = ("op", "inner", "needs", "attrs")

    def __init__(self, op: CustomOp, inner: Any, needs: tuple[bool, ...],
                 attrs: dict[str, Any]) -> None:
        self.op, self.inner, self.needs, self.attrs = op, inner, needs, attrs

    def __call__(self, *inputs: Any) -> tuple[Any, ...]:
        ctx = OpContext(self.needs, inputs, self.attrs)
        out = self.op.forward(self.inner, ctx, inputs, self.attrs)
        return (ctx, *out) if self.op.n_outputs > 1 else (ctx, out)


class _CustomBackward:
    """Replays a custom op's backward on the context its forward entry produced."""

    __slots__ = ("fn", "inner")

    def __init__(self, fn: Callable[..., Any], inner: Any) -> None:
        self.fn, self.inner = fn, inner

    def __call__(self, ctx: Any, grad: Any) -> tuple[Any, ...]:
        return tuple(self.fn(self.inner, ctx, grad))


class _CustomOpHook:
    """What `CustomOp` calls on a Recording backend: the op is one entry (its kernel may call
    NumPy or torch directly, which no wrapper would see), its backward another."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def forward(self, op: CustomOp, ctx: OpContext, inputs: Any, attrs: dict[str, Any]) -> Any:
        rec = active()
        if rec is None or rec.depth:
            return op.forward(self.inner, ctx, inputs, attrs)
        templates, values = [], []
        for a in inputs:
            t, v = rec.template(a, op.name)
            templates.append(t)
            values.append(v)
        fixed = {k: rec.concrete_value(v, op.name) for k, v in attrs.items()}
        ctx.inputs, ctx.attrs = tuple(values), fixed
        rec.depth += 1
        try:
            out = op.forward(self.inner, ctx, tuple(values), fixed)
        finally:
            rec.depth -= 1
        flat = (ctx, *out) if op.n_outputs > 1 else (ctx, out)
        rec.record(f"{op.name}.forward", _CustomForward(op, self.inner, ctx.needs_input_grad,
                                                        fixed), flat, templates, {})
        return out

    def backward_for(self, op: CustomOp) -> Any:
        real = op.backward_for(self.inner)
        if real is None:
            return None

        def backward(B: Any, ctx: OpContext, grad: Any) -> Any:
            rec = active()
            if rec is None or rec.depth:
                return real(self.inner, ctx, grad)
            templates = [rec.template(ctx, op.name)[0], rec.template(grad, op.name)[0]]
            if templates[0][0] != "v":
                raise JitError(f"pyburn.jit: the backward of {op.name} runs on a context its "
                               "traced forward did not produce")
            rec.depth += 1
            try:
                out = tuple(real(self.inner, ctx, grad))
            finally:
                rec.depth -= 1
            rec.record(f"{op.name}.backward", _CustomBackward(real, self.inner), out,
                       templates, {})
            return out
        return backward


def is_recording_backend(backend: Any) -> bool:
    return isinstance(backend, type) and issubclass(backend, Backend) and \
        "inner_backend" in backend.__dict__
