"""The backends, loaded lazily: ``from pyburn.backend import NumPy, Torch, CuPy, Autodiff``.

Naming ``Torch`` imports torch; naming only ``NumPy`` never does. A backend whose library is
missing still imports (so a type alias can name it) and reports why with
``unavailable_reason()``; creating a tensor on it raises that reason.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyburn_autodiff import Autodiff as Autodiff
    from pyburn_cupy import CuPy as CuPy
    from pyburn_numpy import NumPy as NumPy
    from pyburn_torch import Torch as Torch

_WHERE = {"NumPy": "pyburn_numpy", "CuPy": "pyburn_cupy", "Torch": "pyburn_torch",
          "Autodiff": "pyburn_autodiff"}

__all__ = list(_WHERE) + ["by_name"]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'pyburn.backend' has no attribute {name!r}; backends are "
                             f"{', '.join(_WHERE)}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def by_name(name: str) -> Any:
    """The backend class for a command-line name: ``numpy``, ``torch`` or ``cupy``."""
    names = {"numpy": "NumPy", "torch": "Torch", "cupy": "CuPy"}
    key = names.get(name.lower())
    if key is None:
        raise ValueError(f"unknown backend {name!r}; expected one of {', '.join(names)}")
    return __getattr__(key)


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
