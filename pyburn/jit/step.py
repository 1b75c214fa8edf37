"""`jit`: capture a whole training step once, replay it on later calls.

The first call of a jitted step runs it eagerly with the step's backends swapped for their
`Recording` twins (``Autodiff[B]`` becomes ``Autodiff[Recording[B]]`` for the call), which
writes down every inner-backend call as a `Plan`. Later calls whose guards match replay the plan:
the same inner calls, in the same order, on the new inputs — so results are those of eager, and
random ops draw fresh values from the same generators in the same order.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Any, Callable, Generic, Literal, TypeVar, overload

from pyburn.tensor import Bool, Float, Int
from pyburn.tensor.tensor import _CLASSES, KindOps, _specialize

from .errors import JitError
from .plan import Plan
from .recording import Recorder, _local, recording_of
from .scalar import TracedScalar
from .tree import InputWalk, _stateful, build_output, describe_output, substitute

log = logging.getLogger("pyburn.jit")

R = TypeVar("R")
OnMiss = Literal["retrace", "eager", "error"]

_TRACE_LOCK = threading.RLock()


@dataclass
class JitStats:
    """What a jitted step did: how often it traced, replayed, missed, and why it missed."""

    calls: int = 0
    traces: int = 0
    replays: int = 0
    misses: int = 0
    eager_calls: int = 0
    evictions: int = 0
    plans: int = 0
    ops: int = 0                 # entries of the most recent plan
    trace_seconds: float = 0.0   # all traces together (eager step + recording + compiling)
    captured: list[str] = field(default_factory=list)   # tensors the plan holds as constants
    miss_reasons: list[str] = field(default_factory=list)  # the most recent 20

    def __str__(self) -> str:
        last = f"; last miss: {self.miss_reasons[-1]}" if self.miss_reasons else ""
        return (f"JitStats(calls={self.calls}, traces={self.traces}, replays={self.replays}, "
                f"misses={self.misses}, eager={self.eager_calls}, plans={self.plans}, "
                f"ops={self.ops}, trace_s={self.trace_seconds:.3f}{last})")


class Jit(Generic[R]):
    """A step function with a plan cache. Call it as the function itself."""

    def __init__(self, fn: Callable[..., R], *, cache_size: int = 8, on_miss: OnMiss = "retrace",
                 debug: bool = False) -> None:
        if cache_size < 1:
            raise ValueError(f"jit: cache_size must be >= 1, got {cache_size}")
        if on_miss not in ("retrace", "eager", "error"):
            raise ValueError(f"jit: on_miss must be 'retrace', 'eager' or 'error', got {on_miss!r}")
        self.fn = fn
        self.cache_size = cache_size
        self.on_miss = on_miss
        self.debug = debug
        self._cache: OrderedDict[Any, list[Plan]] = OrderedDict()
        self._stats = JitStats()
        self._reasons: deque[str] = deque(maxlen=20)
        functools.update_wrapper(self, fn)

    # --- the public surface ------------------------------------------------------------------------
    def stats(self) -> JitStats:
        """A snapshot of the counters and the recent miss reasons."""
        s = self._stats
        return JitStats(s.calls, s.traces, s.replays, s.misses, s.eager_calls, s.evictions,
                        sum(len(p) for p in self._cache.values()), s.ops, s.trace_seconds,
                        list(s.captured), list(self._reasons))

    def plans(self) -> list[Plan]:
        """The cached plans, least recently used first (``print(plan)`` lists its ops)."""
        return [p for plans in self._cache.values() for p in plans]

    def clear(self) -> None:
        """Drop every plan (the next call traces again)."""
        self._cache.clear()

    def eager(self, *args: Any, **kwargs: Any) -> R:
        """Run the step eagerly, without tracing or replaying."""
        return self.fn(*args, **kwargs)

    def __call__(self, *args: Any, **kwargs: Any) -> R:
        self._stats.calls += 1
        walk = InputWalk()
        walk.walk(args, "args")
        walk.walk(kwargs, "kwargs")
        if walk.lazy is not None:
            self._stats.eager_calls += 1
            self._reasons.append(f"{walk.lazy} is a lazy parameter not initialized yet: this call "
                                 "ran eagerly (it initializes parameters in forward order)")
            return self.fn(*args, **kwargs)
        key = _key(walk)
        plans = self._cache.get(key)
        reason: str | None = None
        if plans is not None:
            self._cache.move_to_end(key)
            for plan in plans:
                result = plan.run(walk.prims, walk.scalars)
                if type(result) is tuple:
                    plan.replays += 1
                    self._stats.replays += 1
                    return self._finish(plan, result, walk)
            reason = plans[-1].guard_description(result, walk.scalars)  # type: ignore[arg-type]
        elif self._cache:
            reason = _key_difference(next(reversed(self._cache)), key)
        if reason is not None:
            self._miss(reason)
            if self.on_miss == "error":
                raise JitError(f"pyburn.jit: guard miss for {self._name()}: {reason}")
            if self.on_miss == "eager":
                self._stats.eager_calls += 1
                return self.fn(*args, **kwargs)
        return self._trace(key, walk, args, kwargs)

    # --- internals ------------------------------------------------------------------------------------
    def _name(self) -> str:
        return getattr(self.fn, "__qualname__", repr(self.fn))

    def _miss(self, reason: str) -> None:
        self._stats.misses += 1
        self._reasons.append(reason)
        if self.debug:
            log.warning("pyburn.jit %s: guard miss: %s", self._name(), reason)

    def _finish(self, plan: Plan, result: tuple[Any, Any], walk: InputWalk) -> Any:
        outs, scalars = result
        for obj, spec in zip(walk.stateful, plan.state_specs):
            hook = _stateful(obj)
            assert hook is not None
            hook[2](obj, build_output(spec, outs, scalars, walk.params))
        for index, spec in plan.inplace:
            walk.params[index].update(build_output(spec, outs, scalars, walk.params))  # type: ignore[attr-defined]
        return build_output(plan.output_spec, outs, scalars, walk.params)

    def _trace(self, key: Any, walk: InputWalk, args: tuple[Any, ...],
               kwargs: dict[str, Any]) -> R:
        started = time.perf_counter()
        rec = Recorder()
        for prim in walk.prims:
            rec.input_slot(prim)
        traced = [rec.scalar_input(v) for v in walk.scalars]
        saved_states = [(obj, _stateful(obj)) for obj in walk.stateful]
        originals = [(obj, hook[1](obj)) for obj, hook in saved_states if hook is not None]
        with _TRACE_LOCK:
            undo = _swap_backends(walk)
            _local.recorder = rec
            try:
                scalars = iter(traced)
                t_args = substitute(args, scalars)
                t_kwargs = substitute(kwargs, scalars)
                out = self.fn(*t_args, **t_kwargs)
                plan = self._plan(rec, walk, out)
            except BaseException:
                for obj, state in originals:
                    hook = _stateful(obj)
                    assert hook is not None
                    hook[2](obj, state)
                raise
            finally:
                _local.recorder = None
                rec.finished = True
                undo()
        plan.trace_seconds = time.perf_counter() - started
        self._store(key, plan)
        s = self._stats
        s.traces += 1
        s.ops = len(plan)
        s.trace_seconds += plan.trace_seconds
        s.captured = list(plan.captured)
        if self.debug:
            log.warning("pyburn.jit %s: traced %d ops in %.3f s (%d scalar guards, %d captured "
                        "constants)", self._name(), len(plan), plan.trace_seconds,
                        len(plan.guards), len(plan.captured))
        trace_values = plan._trace_values  # type: ignore[attr-defined]
        del plan._trace_values  # type: ignore[attr-defined]
        return self._finish(plan, trace_values, walk)

    def _plan(self, rec: Recorder, walk: InputWalk, out: Any) -> Plan:
        out_slots: list[int] = []
        out_values: list[Any] = []
        scalar_codes: list[str] = []
        scalar_values: list[Any] = []
        captured = list(rec.captured)

        def slot_of(prim: Any) -> int | None:
            slot = rec.slot_of.get(id(prim))
            if slot is None and id(prim) in rec.folded:
                return -1
            return slot

        def scalar_code(v: TracedScalar) -> int:
            scalar_codes.append(v.code)
            scalar_values.append(v.value)
            return len(scalar_codes) - 1

        def describe(value: Any, path: str) -> Any:
            return describe_output(value, slot_of, scalar_code, walk.params, out_slots,
                                   out_values, path, captured)

        state_specs = []
        for obj in walk.stateful:
            hook = _stateful(obj)
            assert hook is not None
            state_specs.append(describe(hook[1](obj), f"{hook[0]} state"))
        inplace = []
        for i, (param, before) in enumerate(zip(walk.params, walk.param_values)):
            now = param.val()
            if now is not before:
                if not hasattr(param, "update"):
                    raise JitError(f"pyburn.jit: parameter {param.id} was replaced in place "
                                   "inside the step; only running states (RunningState) may be")
                inplace.append((i, describe(now, f"running state {param.id}")))
        output_spec = describe(out, "result")
        plan = Plan(rec.entries, len(walk.prims), out_slots, scalar_codes, rec.guards,
                    rec.constants, captured)
        plan.output_spec, plan.state_specs, plan.inplace = output_spec, state_specs, inplace
        plan._trace_values = (out_values, scalar_values)  # type: ignore[attr-defined]
        return plan

    def _store(self, key: Any, plan: Plan) -> None:
        plans = self._cache.get(key)
        if plans is None:
            plans = self._cache[key] = []
        plans.insert(0, plan)
        self._cache.move_to_end(key)
        while sum(len(p) for p in self._cache.values()) > self.cache_size:
            oldest_key = next(iter(self._cache))
            oldest = self._cache[oldest_key]
            oldest.pop()
            if not oldest:
                del self._cache[oldest_key]
            self._stats.evictions += 1


def _key(walk: InputWalk) -> Any:
    first: dict[int, int] = {}
    aliases = tuple(first.setdefault(id(p), i) for i, p in enumerate(walk.prims))
    return (tuple(walk.key), aliases)


def _key_difference(old: Any, new: Any) -> str:
    """Why `new` does not match the traced `old`, in words."""
    old_items, new_items = old[0], new[0]
    for a, b in zip(old_items, new_items):
        if a != b:
            return f"{b[0]}: traced with {_show(a[1:])}, called with {_show(b[1:])}"
    if len(old_items) != len(new_items):
        return (f"the arguments' structure changed ({len(old_items)} guarded items when traced, "
                f"{len(new_items)} now)")
    if old[1] != new[1]:
        return "tensors that were the same object when traced are different objects now, or " \
               "the other way round"
    return "unknown difference"


def _show(item: tuple[Any, ...]) -> str:
    parts = []
    for x in item:
        if isinstance(x, type):
            parts.append(getattr(x, "__qualname__", repr(x)))
        elif isinstance(x, tuple) and x and all(type(d) is int for d in x):
            parts.append(f"shape {list(x)}")
        elif isinstance(x, tuple) and (not x or len(x) > 4):
            parts.append(f"{len(x)} entries")
        else:
            parts.append(repr(x) if not isinstance(x, str) or x not in ("=", "is") else x)
    return " ".join(parts)


def _swap_backends(walk: InputWalk) -> Callable[[], None]:
    """Point the step's tensor classes at Recording backends for the trace; returns the undo.

    ``Tensor[Autodiff[B]]`` keeps its identity (isinstance checks, ``Tensor[B]`` in user code
    and parameters all still match) while its ops go to ``Autodiff[Recording[B]]``, and
    ``Tensor[B]`` (what ``inner()``, gradients and optimizers use) goes to ``Recording[B]``."""
    from pyburn.backend import Autodiff
    seen: set[Any] = set()
    for item in walk.key[0:]:
        for x in item:
            backend = getattr(x, "backend", None)
            if isinstance(x, type) and backend is not None and backend not in seen \
                    and hasattr(x, "_ops"):
                seen.add(backend)
    swapped: dict[Any, Any] = {}
    for backend in seen:
        if backend.is_autodiff():
            rec = recording_of(backend.inner)
            swapped[backend] = Autodiff.of(rec)
            swapped[backend.inner] = rec
        else:
            swapped[backend] = recording_of(backend)
    pairs = list(swapped.items())
    saved: list[tuple[Any, Any, Any]] = []
    saved_classes: list[tuple[Any, Any]] = []
    for user, rec in pairs:
        for kind in (Float, Int, Bool):
            cls = _specialize(user, kind)
            saved.append((cls, cls.__dict__["backend"], cls.__dict__["_ops"]))
            saved_classes.append(((rec, kind), _CLASSES.get((rec, kind))))
            cls.backend = rec
            cls._ops = KindOps(rec, kind)
            _CLASSES[(rec, kind)] = cls

    def undo() -> None:
        for cls, backend, ops in reversed(saved):
            cls.backend = backend
            cls._ops = ops
        for k, prev in reversed(saved_classes):
            if prev is None:
                _CLASSES.pop(k, None)
            else:
                _CLASSES[k] = prev
    return undo


@overload
def jit(fn: Callable[..., R], *, cache_size: int = ..., on_miss: OnMiss = ...,
        debug: bool = ...) -> Jit[R]: ...
@overload
def jit(fn: None = None, *, cache_size: int = ..., on_miss: OnMiss = ...,
        debug: bool = ...) -> Callable[[Callable[..., R]], Jit[R]]: ...
def jit(fn: Callable[..., R] | None = None, *, cache_size: int = 8, on_miss: OnMiss = "retrace",
        debug: bool = False) -> Any:
    """Capture a step function (model, optimizer, batch, lr -> new model, outputs) and replay it.

    ``@jit`` or ``@jit(cache_size=4, on_miss="eager", debug=True)``. `cache_size` bounds the
    plans kept (least recently used evicted); `on_miss` says what a call whose guards match no
    plan does: trace a new plan (``"retrace"``), run eagerly (``"eager"``, after the first
    trace) or raise `JitError` (``"error"``). `debug` logs every trace and miss with its reason
    (``logging.getLogger("pyburn.jit")``); ``step.stats()`` counts them either way."""
    def wrap(f: Callable[..., R]) -> Jit[R]:
        return Jit(f, cache_size=cache_size, on_miss=on_miss, debug=debug)
    return wrap if fn is None else wrap(fn)
