"""Seeded random generators: one ``torch.Generator`` per backend class and device.

Torch's global RNG is shared with every other torch user in the process, so ``Torch.seed(0)``
would not make a pyburn program reproducible if some other library draws from it. Each backend
class (its dtype variants share it) owns its generators instead: the CPU one, and a CUDA one per
GPU, created the first time that GPU draws. ``seed(n)`` drops them all; the next draw on any device
recreates that device's generator from ``n``, so a seeded run is reproducible per device.
"""

from __future__ import annotations

from typing import Any

from .runtime import torch

_GENERATORS: dict[tuple[type, Any], Any] = {}
_SEEDS: dict[type, int] = {}


def generator(backend: type, device: Any) -> Any:
    """The generator `backend` draws from on the torch `device`."""
    key = (backend, device)
    gen = _GENERATORS.get(key)
    if gen is None:
        gen = torch.Generator(device=device)
        seed = _SEEDS.get(backend)
        if seed is None:
            gen.seed()  # not seeded: a fresh non-deterministic seed, as torch's default
        else:
            gen.manual_seed(seed)
        _GENERATORS[key] = gen
    return gen


def seed(backend: type, value: int) -> None:
    """Reset every generator of `backend`; the next draws restart from `value`."""
    _SEEDS[backend] = int(value)
    for key in [k for k in _GENERATORS if k[0] is backend]:
        del _GENERATORS[key]
