"""A finite-difference gradient checker for `Autodiff[B]` (used by test_gradients.py).

``gradcheck(case, fn, *args)`` builds tensors from NumPy arguments on ``case`` (a float64 Autodiff
backend row), computes the analytic gradient of ``sum(fn(*args) * r)`` for a fixed random
cotangent ``r`` with ``backward()``, and compares it with central differences of the same scalar.
Using a random ``r`` instead of ``sum(fn(...))`` exercises every entry of the vector-Jacobian
product, not only its sum over outputs.

``traced_ops(fn, *tensors)`` reports which Autodiff backend ops ran on tracked inputs while
``fn`` executed, and ``differentiable_ops()`` lists the ops that carry gradients: the gradient
tests (finite differences, special points) use them to prove that every differentiable op is
checked.
"""

from __future__ import annotations

import sys
from typing import Any, Callable, Sequence

import numpy as np

import pyburn_autodiff.backend as autodiff_backend
from pyburn import Bool, Int, Tensor

EPS = 1e-6
RTOL = 1e-5
ATOL = 1e-6


def make_tensor(case: Any, value: Any, track: bool) -> Any:
    """A tensor for a NumPy argument (float -> Float, int -> Int, bool -> Bool); other values
    (Python numbers, shapes, dims) pass through unchanged."""
    if not isinstance(value, np.ndarray):
        return value
    if value.dtype.kind == "f":
        t = Tensor[case.B].from_data(value, device=case.device)
        return t.require_grad() if track else t
    kind = Bool if value.dtype.kind == "b" else Int
    return Tensor[case.B, kind].from_data(value, device=case.device)


def float_positions(args: Sequence[Any]) -> list[int]:
    return [i for i, a in enumerate(args) if isinstance(a, np.ndarray) and a.dtype.kind == "f"]


def gradcheck(case: Any, fn: Callable[..., Any], *args: Any, wrt: Sequence[int] | None = None,
              eps: float = EPS, rtol: float = RTOL, atol: float = ATOL, seed: int = 0) -> None:
    """Assert that the gradients of ``sum(fn(*args) * r)`` w.r.t. the float arguments `wrt`
    (default: all of them) match central differences. Float arguments outside `wrt` are
    constants and must get no gradient."""
    wrt = float_positions(args) if wrt is None else list(wrt)
    tensors = [make_tensor(case, a, i in wrt) for i, a in enumerate(args)]
    out = first_output(fn(*tensors))
    cotangent = np.random.default_rng(seed).standard_normal(tuple(out.shape))
    loss = (out * Tensor[case.B].from_data(cotangent, device=case.device)).sum()
    grads = loss.backward()

    def objective(values: Sequence[Any]) -> float:
        plain = [make_tensor(case, v, False) for v in values]
        return float(np.sum(first_output(fn(*plain)).to_numpy().astype(np.float64) * cotangent))

    for i in wrt:
        analytic = tensors[i].grad(grads)
        assert analytic is not None, f"argument {i}: no gradient although it requires one"
        assert tuple(analytic.shape) == args[i].shape, \
            f"argument {i}: gradient shape {list(analytic.shape)} != input shape {list(args[i].shape)}"
        numeric = numerical_gradient(objective, list(args), i, eps)
        np.testing.assert_allclose(analytic.to_numpy(), numeric, rtol=rtol, atol=atol,
                                   err_msg=f"gradient of argument {i} (analytic vs central differences)")
    for i in float_positions(args):
        if i not in wrt:
            assert tensors[i].grad(grads) is None, f"argument {i} is a constant but got a gradient"


def numerical_gradient(objective: Callable[[Sequence[Any]], float], args: list[Any], index: int,
                       eps: float) -> np.ndarray:
    base = args[index]
    grad = np.zeros(base.shape, dtype=np.float64)
    for pos in np.ndindex(*base.shape):
        shifted = []
        for sign in (1.0, -1.0):
            x = base.copy()
            x[pos] += sign * eps
            shifted.append(objective(args[:index] + [x] + args[index + 1:]))
        grad[pos] = (shifted[0] - shifted[1]) / (2 * eps)
    return grad


def first_output(out: Any) -> Any:
    """Ops with several outputs (``var_mean``, ``*_with_indices``) are checked on their sum."""
    if isinstance(out, tuple):
        floats = [o for o in out if o.kind.prefix == "float"]
        total = floats[0]
        for o in floats[1:]:
            total = total + o
        return total
    return out


# --- which Autodiff ops ran ----------------------------------------------------------------------
_AUTODIFF_FILE = autodiff_backend.__file__


def traced_ops(fn: Callable[..., Any], *args: Any) -> set[str]:
    """Names of the Autodiff backend ops (``float_add``...) that received a tracked input while
    ``fn(*args)`` ran."""
    from pyburn_autodiff import ADPrimitive

    def tracked(value: Any) -> bool:
        if isinstance(value, ADPrimitive):
            return value.node is not None
        if isinstance(value, (list, tuple)):
            return any(tracked(v) for v in value)
        return False

    seen: set[str] = set()

    def profile(frame: Any, event: str, arg: Any) -> None:
        if event == "call" and frame.f_code.co_filename == _AUTODIFF_FILE:
            name = frame.f_code.co_name
            if name.startswith("float_") and any(tracked(v) for v in frame.f_locals.values()):
                seen.add(name)

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        fn(*args)
    finally:
        sys.setprofile(previous)
    return seen


# Autodiff float ops that do not carry gradients: creation, data access, metadata, int conversion,
# and the piecewise-constant ops (sign, floor, ceil, round: constants, gradient zero a.e.).
NOT_DIFFERENTIABLE = {
    "float_from_data", "float_to_data", "float_random", "float_full", "float_shape", "float_device",
    "float_dtype", "float_into_int", "float_sign", "float_floor", "float_ceil", "float_round",
    "float_trunc",
}


def differentiable_ops() -> set[str]:
    """The float ops the Autodiff backend records a backward for."""
    from pyburn_autodiff import Autodiff
    return {n for n in vars(Autodiff) if n.startswith("float_")} - NOT_DIFFERENTIABLE
