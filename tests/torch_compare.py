"""Helpers for the op tests that compare pyburn with torch, or two paths of one backend, on one
backend row (test_pool.py, test_interpolate.py, test_conv.py, test_attention.py).

``compare_with_torch`` checks a pyburn function's output against its torch reference and, on
Autodiff rows, the input gradient of a random weighting of the output. ``values_and_grad`` gives
the output (and on Autodiff rows that input gradient) for comparing two paths of one backend,
and ``force_composite`` drops the native kernels of custom ops so that their composite default
runs. Only `compare_with_torch` needs torch.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest


def compare_with_torch(case: Any, dtype: str, fn: Callable[[Any], Any],
                       reference: Callable[[Any], Any], x_np: np.ndarray,
                       tol: dict[str, tuple[float, float]]) -> None:
    """Output (and, on Autodiff rows, the input gradient) of `fn` against torch's `reference`,
    in `dtype`, with ``tol[dtype] = (rtol, atol)``."""
    import torch
    c = case.with_float(dtype)
    rtol, atol = tol[dtype]
    x_t = torch.tensor(x_np, dtype=getattr(torch, dtype), requires_grad=True)
    y_t = reference(x_t)
    x = c.tensor(x_np)
    if c.autodiff:
        x = x.require_grad()
    y = fn(x)
    assert list(y.shape) == list(y_t.shape)
    np.testing.assert_allclose(y.to_data().as_numpy(), y_t.detach().numpy(), rtol=rtol,
                               atol=atol, err_msg="output")
    if not c.autodiff:
        return
    w = np.random.default_rng(3).standard_normal(tuple(y_t.shape))
    (g_t,) = torch.autograd.grad(y_t, x_t, torch.tensor(w, dtype=y_t.dtype))
    g = x.grad((y * c.tensor(w)).sum().backward())
    assert g is not None
    np.testing.assert_allclose(g.to_data().as_numpy(), g_t.numpy(), rtol=rtol, atol=atol,
                               err_msg="input gradient")


def values_and_grad(case: Any, fn: Callable[[Any], Any], x_np: np.ndarray) -> list[np.ndarray]:
    """``[fn(x)]``, and on Autodiff rows the input gradient of a random weighting of it."""
    x = case.tensor(x_np)
    if case.autodiff:
        x = x.require_grad()
    y = fn(x)
    out = [y.to_data().as_numpy()]
    if case.autodiff:
        w = np.random.default_rng(5).standard_normal(tuple(y.shape))
        g = x.grad((y * case.tensor(w)).sum().backward())
        assert g is not None
        out.append(g.to_data().as_numpy())
    return out


def force_composite(monkeypatch: pytest.MonkeyPatch, *ops: Any) -> None:
    """Until the test ends, `ops` have no native kernel on any backend: the composite runs."""
    for op in ops:
        monkeypatch.setattr(op, "_native", {})
        monkeypatch.setattr(op, "_native_backward", {})
