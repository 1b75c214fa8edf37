"""Per-thread random generators for the array backends (NumPy, and CuPy through the same code).

The rule (see ``docs/tensor.md``, "Seeding and threads"): generators belong to a *thread*, a
backend class (its dtype variants share it) and a device. ``B.seed(n)`` seeds the calling
thread's generators of ``B`` only; a thread that never called it draws from its own generator
seeded from fresh OS entropy. So two threads that each seed and draw get exactly the numbers
each would get alone: with one process-wide generator, their draws interleave in an order set by
the scheduler, and a seeded run stops being reproducible as soon as a second thread draws.
"""

from __future__ import annotations

import numbers
import threading
from typing import Any, Callable, Hashable

__all__ = ["ThreadGenerators", "check_seed"]


def check_seed(op: str, seed: object) -> int:
    """`seed` as an int; a seed must be a non-negative integer (what NumPy's and CuPy's
    ``default_rng`` accept), so a float or a negative number fails here, naming `op`."""
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or int(seed) < 0:
        raise ValueError(f"{op}: expected a seed that is an integer >= 0, got {seed!r}")
    return int(seed)


class ThreadGenerators(threading.local):
    """The calling thread's generators, keyed by (owner backend class, device key), and the seed
    each owner was given in this thread. A generator is made on the first draw after a `seed`
    (or ever), from that seed or, unseeded, from OS entropy."""

    def __init__(self) -> None:
        self.generators: dict[tuple[type, Hashable], Any] = {}
        self.seeds: dict[type, int] = {}

    def get(self, owner: type, device: Hashable, make: Callable[[int | None], Any]) -> Any:
        """The generator `owner` draws from on `device` in this thread; `make(seed)` builds one
        (``seed=None``: not seeded in this thread, fresh entropy)."""
        key = (owner, device)
        gen = self.generators.get(key)
        if gen is None:
            gen = self.generators[key] = make(self.seeds.get(owner))
        return gen

    def seed(self, owner: type, value: int) -> None:
        """Drop this thread's generators of `owner`; its next draws restart from `value`."""
        self.seeds[owner] = value
        for key in [k for k in self.generators if k[0] is owner]:
            del self.generators[key]
