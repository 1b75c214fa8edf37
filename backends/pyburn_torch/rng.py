"""Seeded random generators: one ``torch.Generator`` per thread, backend class and device.

Torch's global RNG is shared with every other torch user in the process, so ``Torch.seed(0)``
would not make a pyburn program reproducible if some other library draws from it. Each backend
class (its dtype variants share it) owns its generators instead: the CPU one, and a CUDA one per
GPU, created the first time that GPU draws. ``seed(n)`` drops them all; the next draw on any device
recreates that device's generator from ``n``, so a seeded run is reproducible per device.

Generators are also per *thread* (the rule of ``docs/tensor.md``, "Seeding and threads", shared
with the NumPy and CuPy backends): ``seed(n)`` seeds the calling thread's generators only, and a
thread that never seeded draws from its own generator seeded from fresh entropy. Two threads
that each seed then draw exactly what each would draw alone, whatever the scheduler does.
"""

from __future__ import annotations

import numbers
import threading
from typing import Any

from .runtime import torch


class _ThreadGenerators(threading.local):
    """The calling thread's generators by (backend class, torch device), and its seeds."""

    def __init__(self) -> None:
        self.generators: dict[tuple[type, Any], Any] = {}
        self.seeds: dict[type, int] = {}


_LOCAL = _ThreadGenerators()


def generator(backend: type, device: Any) -> Any:
    """The generator `backend` draws from on the torch `device`, in the calling thread."""
    key = (backend, device)
    gen = _LOCAL.generators.get(key)
    if gen is None:
        gen = torch.Generator(device=device)
        seed = _LOCAL.seeds.get(backend)
        if seed is None:
            gen.seed()  # not seeded in this thread: a fresh non-deterministic seed
        else:
            gen.manual_seed(seed)
        _LOCAL.generators[key] = gen
    return gen


def seed(backend: type, value: int) -> None:
    """Reset the calling thread's generators of `backend`; its next draws restart from `value`
    (an integer >= 0, as the NumPy and CuPy backends require)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or int(value) < 0:
        raise ValueError(f"{backend!r}.seed: expected a seed that is an integer >= 0, got "
                         f"{value!r}")
    _LOCAL.seeds[backend] = int(value)
    for key in [k for k in _LOCAL.generators if k[0] is backend]:
        del _LOCAL.generators[key]
