"""`Plan`: a traced step as a flat list of inner-backend calls, and its compiled replay.

The entries are what a reader prints (``print(plan)``); the replay is the same list turned
into one straight-line Python function (``v7 = f3(v2, v5)`` per entry, ``del`` after a value's
last use so intermediates are freed as in eager), which calls the inner backend directly: no
Tensor wrappers, no checks, no tape. Its prologue checks the scalar guards, so a replay either
runs whole or not at all.
"""

from __future__ import annotations

import math
import time
from typing import Any, Callable

from .recording import Entry

CHUNK = 1000   # entries per compiled function (see `_compile`)


class Plan:
    """One traced specialization of a step."""

    def __init__(self, entries: list[Entry], n_inputs: int, out_slots: list[int],
                 scalar_codes: list[str], guards: list[tuple[str, Any, str]],
                 constants: list[Any], captured: list[str]) -> None:
        self.entries = entries
        self.n_inputs = n_inputs
        self.out_slots = out_slots
        self.scalar_codes = scalar_codes
        self.guards = guards
        self.constants = constants
        self.captured = captured
        self.replays = 0
        started = time.perf_counter()
        self.source, self._run = _compile(self)
        self.compile_seconds = time.perf_counter() - started
        # set by the tracer
        self.input_spec: Any = None
        self.output_spec: Any = None
        self.state_specs: list[Any] = []
        self.inplace: list[tuple[int, Any]] = []
        self.trace_seconds = 0.0

    def __len__(self) -> int:
        return len(self.entries)

    def run(self, prims: list[Any], scalars: list[Any]) -> tuple[Any, Any] | int:
        """(output slot values, scalar results), or the index of the first failed guard."""
        return self._run(prims, scalars)

    def guard_description(self, index: int, scalars: list[Any]) -> str:
        code, expected, why = self.guards[index]
        return f"scalar guard from {why}: {code} was {expected!r} when traced"

    def __repr__(self) -> str:
        lines = [f"Plan({len(self.entries)} ops, {self.n_inputs} tensor inputs, "
                 f"{len(self.out_slots)} tensor outputs, {len(self.guards)} scalar guards)"]
        lines += [f"  guard {code} == {expected!r}  ({why})" for code, expected, why in self.guards]
        lines += [f"  {e!r}" for e in self.entries]
        return "\n".join(lines)


def _compile(plan: Plan) -> tuple[str, Callable[..., Any]]:
    fns: dict[int, str] = {}
    consts: dict[Any, str] = {}
    fn_list: list[Any] = []
    const_list: list[Any] = []

    def fn_name(fn: Any) -> str:
        name = fns.get(id(fn))
        if name is None:
            name = fns[id(fn)] = f"f{len(fn_list)}"
            fn_list.append(fn)
        return name

    def const_name(value: Any) -> str:
        if type(value) in (int, bool, type(None)) or (type(value) is float and math.isfinite(value)):
            return repr(value)
        try:   # equal hashable constants (shapes, dtypes, devices) share one name
            key: Any = (type(value), value)
            hash(key)
        except TypeError:
            key = id(value)
        name = consts.get(key)
        if name is None:
            name = consts[key] = f"K[{len(const_list)}]"
            const_list.append(value)
        return name

    def render(t: Any) -> str:
        kind = t[0]
        if kind == "v":
            return f"v{t[1]}"
        if kind == "s":
            return t[1]
        if kind == "seq":
            items = ", ".join(render(i) for i in t[2])
            return f"[{items}]" if t[1] is list else f"({items},)"
        return const_name(t[1])

    # Last use of each slot, to free intermediates as soon as eager would.
    last: dict[int, int] = {}

    def uses(t: Any) -> list[int]:
        if t[0] == "v":
            return [t[1]]
        if t[0] == "seq":
            return [s for i in t[2] for s in uses(i)]
        return []

    for j, e in enumerate(plan.entries):
        for t in list(e.args) + list(e.kwargs.values()):
            for s in uses(t):
                last[s] = j
    outputs = set(plan.out_slots)
    frees: dict[int, list[int]] = {}
    for slot, j in last.items():
        if slot not in outputs:
            frees.setdefault(j, []).append(slot)
    body_lines: list[str] = []        # one list of lines per entry
    for j, e in enumerate(plan.entries):
        args = [render(a) for a in e.args] + [f"{k}={render(v)}" for k, v in e.kwargs.items()]
        call = f"{fn_name(e.fn)}({', '.join(args)})"
        targets = [("_" if o is None else f"v{o}") for o in e.outs]
        lhs = ", ".join(targets) + "," if e.tuple_out else targets[0]
        text = f"{lhs} = {call}"
        dead = [f"v{o}" for o in e.outs if o is not None and o not in last and o not in outputs]
        dead += [f"v{x}" for x in frees.get(j, ())]
        if dead:
            text += f"; del {', '.join(dead)}"
        body_lines.append(text)

    lines = ["def replay(prims, s):"]
    if plan.n_inputs:
        lines.append("    " + ", ".join(f"v{i}" for i in range(plan.n_inputs)) + ", = prims")
    for i, (code, expected, _) in enumerate(plan.guards):
        lines.append(f"    if ({code}) != {const_name(expected)}: return {i}")
    chunks: list[str] = []
    if len(body_lines) <= CHUNK:
        lines += ["    " + line for line in body_lines]
    else:
        # CPython compiles one huge function in superlinear time: a long plan becomes chunks of
        # CHUNK entries, each a function of the values live across its boundaries.
        defined_at = {i: -1 for i in range(plan.n_inputs)}
        for j, e in enumerate(plan.entries):
            for o in e.outs:
                if o is not None:
                    defined_at[o] = j

        # Values live at each chunk boundary, in one sweep: born before it, used (or
        # returned) at or after it.
        end_of = {x: (len(body_lines) if x in outputs else last.get(x, -2))
                  for x in defined_at}
        starts = list(range(0, len(body_lines), CHUNK))
        live: list[list[int]] = []
        by_birth = sorted(defined_at, key=defined_at.__getitem__)
        alive: set[int] = set()
        i = 0
        for t in starts + [len(body_lines)]:
            while i < len(by_birth) and defined_at[by_birth[i]] < t:
                alive.add(by_birth[i])
                i += 1
            alive = {x for x in alive if end_of[x] >= t}
            live.append(sorted(alive))
        for n, a in enumerate(starts):
            b = min(a + CHUNK, len(body_lines))
            live_in, live_out = live[n], live[n + 1]
            params = ", ".join(["s"] + [f"v{x}" for x in live_in])
            rets = ", ".join(f"v{x}" for x in live_out)
            chunks.append(f"def chunk{n}({params}):")
            chunks += ["    " + line for line in body_lines[a:b]]
            chunks.append(f"    return ({rets}{',' if live_out else ''})")
            call = f"chunk{n}({params})"
            lines.append(f"    {rets}{',' if live_out else ''} = {call}" if live_out
                         else f"    {call}")
            gone = sorted(set(live_in) - set(live_out))
            if gone:
                lines.append(f"    del {', '.join(f'v{x}' for x in gone)}")
    outs = ", ".join(f"v{x}" for x in plan.out_slots)
    scal = ", ".join(plan.scalar_codes)
    lines.append(f"    return ({outs}{',' if plan.out_slots else ''}), "
                 f"({scal}{',' if plan.scalar_codes else ''})")
    lines = chunks + lines
    body = "\n".join(lines)
    header = "def make(_f, _k, c, _sqrt):\n"
    if fn_list:
        header += "    " + ", ".join(f"f{i}" for i in range(len(fn_list))) + ", = _f\n"
    header += "    K = tuple(_k)\n"   # one free variable, not thousands (compile time)
    source = header + "\n".join("    " + line for line in body.splitlines()) + "\n    return replay\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, "<pyburn.jit plan>", "exec"), namespace)
    run = namespace["make"](fn_list, const_list, plan.constants, math.sqrt)
    return source, run
