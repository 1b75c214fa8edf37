"""Importing a backend's optional array library (torch, cupy) without failing when it is missing.

A backend package imports its library once, through `optional_import`; when that fails the
modules are None and `OptionalImport.error` says why, so the backend class still exists (a type
alias can name it) and reports the reason through ``unavailable_reason()``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class OptionalImport:
    """The outcome of importing an optional library: its modules, or the exception."""

    package: str                 # as error messages name it: "torch", "cupy"
    install_hint: str            # e.g. "pip install 'pyburn[torch]'"
    modules: tuple[Any, ...]     # one per requested module name; all None after a failure
    exc: Exception | None

    def error(self) -> str | None:
        """Why the library cannot be used, or None when it imported."""
        if self.exc is None:
            return None
        missing = self.exc.name if isinstance(self.exc, ModuleNotFoundError) else None
        # A missing top-level module of the library (cupy, cupyx, ...) means it is not installed;
        # anything else (a missing submodule, a native library that fails to load) a broken one.
        if missing is not None and "." not in missing and missing.startswith(self.package):
            return f"{self.package} is not installed ({self.install_hint})"
        return f"{self.package} cannot be imported ({self.exc}); reinstall it ({self.install_hint})"


def optional_import(package: str, install_hint: str, *names: str) -> OptionalImport:
    """Import the modules `names` (in order) of the library `package`; all or none."""
    try:
        modules = tuple(importlib.import_module(name) for name in names)
    except (ImportError, OSError) as exc:  # missing, or its native libraries fail to load
        return OptionalImport(package, install_hint, (None,) * len(names), exc)
    return OptionalImport(package, install_hint, modules, None)
