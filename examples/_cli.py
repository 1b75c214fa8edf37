"""What the examples' command lines share: the ``--backend``/``--device`` options and turning
them into a backend and a device, or an exit that says why they cannot run here."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from pyburn.backend import by_name

__all__ = ["add_backend_arguments", "resolve_backend"]


def add_backend_arguments(parser: argparse.ArgumentParser) -> None:
    """``--backend numpy|torch|cupy`` (default numpy) and ``--device``."""
    parser.add_argument("--backend", choices=["numpy", "torch", "cupy"], default="numpy",
                        help="the backend B (training runs on Autodiff[B]); default numpy")
    parser.add_argument("--device", default=None,
                        help="a device of the backend, e.g. cpu or cuda:0 (default: its default)")


def resolve_backend(name: str, device: str | None) -> tuple[Any, Any]:
    """The plain backend class for `name` and its device, or exit with the reason it cannot
    run here (torch not installed, no GPU...)."""
    backend = by_name(name)
    reason = backend.unavailable_reason()
    if reason is not None:
        sys.exit(f"backend {name} is unavailable: {reason}")
    try:
        dev = backend.default_device() if device is None else backend.device(device)
    except ValueError as exc:
        sys.exit(str(exc))
    return backend, dev
