"""Errors of `pyburn.jit`: each names what broke the trace and how to fix the step."""

from __future__ import annotations


class JitError(RuntimeError):
    """A step cannot be captured as written (the message says why and what to change)."""


class HostReadError(JitError):
    """A tensor's value was read on the host inside a traced step (``into_scalar``,
    ``to_data``, ``bool(t)``, ``float(t)``, ``if loss > 0``): a replay cannot re-run Python, so
    the value would be frozen into the plan. JAX raises its ConcretizationTypeError here."""
