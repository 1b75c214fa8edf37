"""Every available backend agrees with NumPy, on random shapes and values (hypothesis).

Each test draws inputs, runs the same pyburn code on the row's backend and on `NumPy` (the
reference implementation), and compares within `Tolerance.default()`, dtypes included. The
gradient tests compare `Autodiff[B]` with `Autodiff[NumPy]` through `.backward()`/`.grad()`.

Inputs are chosen so that a disagreement is a bug, not rounding: reductions and matmul use small
integer-valued floats (their sums and products are exact in float32, whatever the summation
order), ops are drawn inside their domains, and gradients are taken in float64.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from conftest import BackendCase
from pyburn import Float, Int, Tensor, TensorData, Tolerance, activation
from pyburn.backend import Autodiff, NumPy

CHECK = settings(max_examples=30, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])
TOL = Tolerance.default()
SHAPES = hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=5)


# --- helpers --------------------------------------------------------------------------------------
def reals(low: float, high: float) -> st.SearchStrategy[float]:
    """Finite float32 values in [low, high] (bounds rounded to float32 first)."""
    return st.floats(float(np.float32(low)), float(np.float32(high)), width=32, allow_nan=False,
                     allow_infinity=False, allow_subnormal=False)


def nonzero(low: float, high: float) -> st.SearchStrategy[float]:
    """|value| in [low, high], either sign: divisors."""
    return st.one_of(reals(-high, -low), reals(low, high))


def integral(low: int, high: int) -> st.SearchStrategy[float]:
    """Integer-valued floats: sums, products and matmuls of them are exact in float32."""
    return st.integers(low, high).map(float)


def arrays(shape: Any, elements: st.SearchStrategy[Any], dtype: Any = np.float32) -> Any:
    return hnp.arrays(dtype, shape, elements=elements)


def on(backend: BackendCase, values: np.ndarray, kind: Any = Float) -> Any:
    return Tensor[backend.B, kind].from_data(values, device=backend.device)


def reference(values: np.ndarray, kind: Any = Float) -> Any:
    return Tensor[NumPy, kind].from_data(values)


def assert_agree(got: Any, want: Any) -> None:
    """Same shape and dtype; floats within Tolerance.default(), ints and bools exactly."""
    g, w = got.to_data(), want.to_data()
    assert g.dtype == w.dtype, f"dtype {g.dtype} != NumPy's {w.dtype}"
    if w.dtype.is_float:
        g.assert_approx_eq(w, TOL)
    else:
        g.assert_eq(w)


def run_both(backend: BackendCase, fn: Callable[..., Any], *arrays_and_kinds: Any) -> None:
    """`fn` on the row's tensors and on NumPy's, compared."""
    args = [(a, Float) if not isinstance(a, tuple) else a for a in arrays_and_kinds]
    got = fn(*(on(backend, a, k) for a, k in args))
    want = fn(*(reference(a, k) for a, k in args))
    assert_agree(got, want)


# --- elementwise ----------------------------------------------------------------------------------
UNARY: dict[str, tuple[Callable[[Any], Any], st.SearchStrategy[float]]] = {
    "exp": (lambda t: t.exp(), reals(-10, 10)),
    "log": (lambda t: t.log(), reals(0.01, 100)),
    "log1p": (lambda t: t.log1p(), reals(-0.9, 10)),
    "sqrt": (lambda t: t.sqrt(), reals(0, 100)),
    "recip": (lambda t: t.recip(), nonzero(0.1, 10)),
    "neg": (lambda t: -t, reals(-10, 10)),
    "abs": (lambda t: t.abs(), reals(-10, 10)),
    "sign": (lambda t: t.sign(), reals(-10, 10)),
    "sin": (lambda t: t.sin(), reals(-10, 10)),
    "cos": (lambda t: t.cos(), reals(-10, 10)),
    "tan": (lambda t: t.tan(), reals(-1.4, 1.4)),
    "tanh": (lambda t: t.tanh(), reals(-10, 10)),
    "erf": (lambda t: t.erf(), reals(-4, 4)),
    "floor": (lambda t: t.floor(), reals(-10, 10)),
    "ceil": (lambda t: t.ceil(), reals(-10, 10)),
    "round": (lambda t: t.round(), reals(-10, 10)),
    "sigmoid": (activation.sigmoid, reals(-10, 10)),
    "relu": (activation.relu, reals(-10, 10)),
    "gelu": (activation.gelu, reals(-5, 5)),
    "clamp": (lambda t: t.clamp(-1.0, 2.0), reals(-10, 10)),
    "powf_scalar": (lambda t: t.powf(2.5), reals(0, 10)),
    "add_scalar": (lambda t: t + 1.5, reals(-10, 10)),
    "mul_scalar": (lambda t: t * -2.0, reals(-10, 10)),
    "div_scalar": (lambda t: t / 3.0, reals(-10, 10)),
    "remainder_scalar": (lambda t: t % 3.0, integral(-20, 20)),
    "greater_elem": (lambda t: t > 0.5, reals(-10, 10)),
    "is_nan": (lambda t: (t / t).is_nan(), integral(-2, 2)),
    "into_int": (lambda t: t.int(), reals(-10, 10)),
}


@pytest.mark.parametrize("name", list(UNARY))
@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")  # NumPy's 0/0
@CHECK
@given(data=st.data())
def test_unary(backend: BackendCase, name: str, data: st.DataObject) -> None:
    fn, elements = UNARY[name]
    x = data.draw(arrays(SHAPES, elements), label="x")
    run_both(backend, fn, x)


BINARY: dict[str, tuple[Callable[[Any, Any], Any], st.SearchStrategy[float], st.SearchStrategy[float]]] = {
    "add": (lambda a, b: a + b, reals(-10, 10), reals(-10, 10)),
    "sub": (lambda a, b: a - b, reals(-10, 10), reals(-10, 10)),
    "mul": (lambda a, b: a * b, reals(-10, 10), reals(-10, 10)),
    "div": (lambda a, b: a / b, reals(-10, 10), nonzero(0.1, 10)),
    "powf": (lambda a, b: a.powf(b), reals(0.1, 10), reals(-3, 3)),
    "max_pair": (lambda a, b: a.max_pair(b), integral(-3, 3), integral(-3, 3)),
    "min_pair": (lambda a, b: a.min_pair(b), reals(-10, 10), reals(-10, 10)),
    "remainder": (lambda a, b: a % b, integral(-20, 20), st.sampled_from([-5.0, -2.0, 1.0, 3.0])),
    "greater": (lambda a, b: a > b, integral(-2, 2), integral(-2, 2)),
    "lower_equal": (lambda a, b: a <= b, integral(-2, 2), integral(-2, 2)),
    "equal": (lambda a, b: a == b, integral(-2, 2), integral(-2, 2)),
}


@pytest.mark.parametrize("name", list(BINARY))
@CHECK
@given(data=st.data())
def test_binary_broadcasting(backend: BackendCase, name: str, data: st.DataObject) -> None:
    fn, left, right = BINARY[name]
    shapes = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=1, max_dims=3,
                                                         max_side=4), label="shapes")
    a = data.draw(arrays(shapes.input_shapes[0], left), label="a")
    b = data.draw(arrays(shapes.input_shapes[1], right), label="b")
    run_both(backend, fn, a, b)


@CHECK
@given(data=st.data())
def test_int_arithmetic(backend: BackendCase, data: st.DataObject) -> None:
    """Int division truncates toward zero; remainder takes the divisor's sign."""
    shape = data.draw(SHAPES, label="shape")
    a = data.draw(arrays(shape, st.integers(-50, 50), np.int64), label="a")
    b = data.draw(arrays(shape, st.integers(1, 7).flatmap(lambda v: st.sampled_from([v, -v])),
                         np.int64), label="b")
    for fn in (lambda x, y: x / y, lambda x, y: x % y, lambda x, y: x * y - y,
               lambda x, y: x.max_pair(y), lambda x, y: (x / 3) + (y % 2)):
        run_both(backend, fn, (a, Int), (b, Int))


# --- reductions and matmul ------------------------------------------------------------------------
REDUCTIONS: dict[str, Callable[[Any, int], Any]] = {
    "sum": lambda t, d: t.sum(),
    "sum_dim": lambda t, d: t.sum_dim(d),
    "mean_dim": lambda t, d: t.mean_dim(d),
    "max_dim": lambda t, d: t.max_dim(d),
    "min_dim": lambda t, d: t.min_dim(d),
    "argmax": lambda t, d: t.argmax(d),
    "argmin": lambda t, d: t.argmin(d),
    "cumsum": lambda t, d: t.cumsum(d),
    "sort": lambda t, d: t.sort(d, descending=True),
    "argsort": lambda t, d: t.argsort(d),
}


@pytest.mark.parametrize("name", list(REDUCTIONS))
@CHECK
@given(data=st.data())
def test_reductions(backend: BackendCase, name: str, data: st.DataObject) -> None:
    """Integer values: sums are exact, and ties (argmax, sort) must resolve the same way."""
    x = data.draw(arrays(SHAPES, integral(-8, 8)), label="x")
    dim = data.draw(st.integers(0, x.ndim - 1), label="dim")
    fn = REDUCTIONS[name]
    run_both(backend, lambda t: fn(t, dim), x)
    run_both(backend, lambda t: fn(t, dim), (x.astype(np.int64), Int))


@CHECK
@given(data=st.data())
def test_products(backend: BackendCase, data: st.DataObject) -> None:
    """Values in [-2, 2]: every partial product is a power of two, exact in float32."""
    x = data.draw(arrays(SHAPES, integral(-2, 2)), label="x")
    dim = data.draw(st.integers(0, x.ndim - 1), label="dim")
    run_both(backend, lambda t: t.prod(), x)
    run_both(backend, lambda t: t.prod_dim(dim), x)
    run_both(backend, lambda t: t.prod_dim(dim), (x.astype(np.int64), Int))


@CHECK
@given(data=st.data())
def test_matmul(backend: BackendCase, data: st.DataObject) -> None:
    shapes = data.draw(hnp.mutually_broadcastable_shapes(
        signature="(m,k),(k,n)->(m,n)", max_dims=2, max_side=5), label="shapes")
    a = data.draw(arrays(shapes.input_shapes[0], integral(-8, 8)), label="a")
    b = data.draw(arrays(shapes.input_shapes[1], integral(-8, 8)), label="b")
    run_both(backend, lambda x, y: x @ y, a, b)


# --- layout and indexing --------------------------------------------------------------------------
@CHECK
@given(data=st.data())
def test_slicing(backend: BackendCase, data: st.DataObject) -> None:
    """``x[a:b, ::s]`` (any bounds, negative steps too), also against NumPy's own indexing."""
    x = data.draw(arrays(hnp.array_shapes(min_dims=2, max_dims=3, max_side=6), reals(-10, 10)),
                  label="x")
    bound = st.one_of(st.none(), st.integers(-x.shape[0] - 1, x.shape[0] + 1))
    a, b = data.draw(bound, label="a"), data.draw(bound, label="b")
    s = data.draw(st.integers(-3, 3).filter(bool), label="s")
    if a is not None and not -x.shape[0] <= a <= x.shape[0]:
        # A start outside the tensor is an error (docs/tensor.md, "Indices and slices").
        for t in (reference(x), backend.tensor(x)):
            with pytest.raises(IndexError, match=r"index: range .* starts outside dim 0"):
                t[a:b, ::s]
        return
    run_both(backend, lambda t: t[a:b, ::s], x)
    np.testing.assert_array_equal(reference(x)[a:b, ::s].to_data().as_numpy(), x[a:b, ::s])


@CHECK
@given(data=st.data())
def test_cat(backend: BackendCase, data: st.DataObject) -> None:
    shape = data.draw(SHAPES, label="shape")
    dim = data.draw(st.integers(0, len(shape) - 1), label="dim")
    sizes = data.draw(st.lists(st.integers(0, 4), min_size=1, max_size=3), label="sizes")
    parts = [data.draw(arrays(shape[:dim] + (n,) + shape[dim + 1:], reals(-10, 10)), label="part")
             for n in sizes]
    run_both(backend, lambda *ts: Tensor.cat(list(ts), dim), *parts)
    ints = [(p.astype(np.int64), Int) for p in parts]
    run_both(backend, lambda *ts: Tensor.cat(list(ts), dim), *ints)


@CHECK
@given(data=st.data())
def test_gather(backend: BackendCase, data: st.DataObject) -> None:
    shape = data.draw(SHAPES, label="shape")
    dim = data.draw(st.integers(0, len(shape) - 1), label="dim")
    x = data.draw(arrays(shape, reals(-10, 10)), label="x")
    k = data.draw(st.integers(1, 4), label="k")
    idx_shape = shape[:dim] + (k,) + shape[dim + 1:]
    idx = data.draw(arrays(idx_shape, st.integers(0, shape[dim] - 1), np.int64), label="indices")
    run_both(backend, lambda t, i: t.gather(dim, i), x, (idx, Int))
    run_both(backend, lambda t, i: t.gather(dim, i), (x.astype(np.int64), Int), (idx, Int))


# --- gradients: Autodiff[B] against Autodiff[NumPy], in float64 -----------------------------------
SMOOTH: dict[str, Callable[[Any], Any]] = {
    "tanh": lambda t: t.tanh(),
    "sigmoid": lambda t: t.sigmoid(),
    "sin": lambda t: t.sin(),
    "erf": lambda t: t.erf(),
    "exp": lambda t: (t * 0.3).exp(),
    "square": lambda t: t * t,
    "softplus": lambda t: activation.softplus(t),
    "gelu": lambda t: activation.gelu(t),
}
COMBINE: dict[str, Callable[[Any, Any], Any]] = {
    "add": lambda a, b: a + b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / (b * b + 1.0),
    "powf": lambda a, b: (a * a + 0.5).powf(b),
    "max_pair": lambda a, b: a.max_pair(b),
}
REDUCE: dict[str, Callable[[Any, int], Any]] = {
    "sum": lambda t, d: t.sum(),
    "mean": lambda t, d: t.mean(),
    "sum_dim": lambda t, d: (t.sum_dim(d) * t.sum_dim(d)).sum(),
    "mean_dim": lambda t, d: t.mean_dim(d).sin().sum(),
    "prod_dim": lambda t, d: t.prod_dim(d).sum(),
}


def grads_agree(ad_backend: BackendCase, program: Callable[..., Any], *leaves: np.ndarray) -> None:
    """`program`'s gradients w.r.t. every leaf, on the row and on Autodiff[NumPy] (float64)."""
    results = []
    for B, device in ((ad_backend.f64.B, ad_backend.device), (Autodiff[NumPy["float64"]], None)):
        xs = [Tensor[B].from_data(v, device=device).require_grad() for v in leaves]
        out = program(*xs)
        grads = out.backward()
        results.append((out, [x.grad(grads) for x in xs]))
    (out, grads), (ref_out, ref_grads) = results
    assert_agree(out, ref_out)
    for g, ref in zip(grads, ref_grads):
        assert (g is None) == (ref is None)
        if g is not None:
            assert_agree(g, ref)


@CHECK
@given(data=st.data())
def test_gradients_of_elementwise_programs(ad_backend: BackendCase, data: st.DataObject) -> None:
    """reduce(combine(f_k(...f_1(x)), w)) with broadcasting between x and w."""
    shapes = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=1, max_dims=3,
                                                         max_side=4), label="shapes")
    x = data.draw(arrays(shapes.input_shapes[0], reals(-2, 2), np.float64), label="x")
    w = data.draw(arrays(shapes.input_shapes[1], reals(-2, 2), np.float64), label="w")
    chain = data.draw(st.lists(st.sampled_from(list(SMOOTH)), max_size=3), label="chain")
    combine = data.draw(st.sampled_from(list(COMBINE)), label="combine")
    reduce = data.draw(st.sampled_from(list(REDUCE)), label="reduce")
    dim = data.draw(st.integers(0, len(shapes.result_shape) - 1), label="dim")

    def program(xt: Any, wt: Any) -> Any:
        for name in chain:
            xt = SMOOTH[name](xt)
        return REDUCE[reduce](COMBINE[combine](xt, wt), dim)
    grads_agree(ad_backend, program, x, w)


@CHECK
@given(data=st.data())
def test_gradients_of_matmul(ad_backend: BackendCase, data: st.DataObject) -> None:
    shapes = data.draw(hnp.mutually_broadcastable_shapes(
        signature="(m,k),(k,n)->(m,n)", max_dims=2, max_side=4), label="shapes")
    a = data.draw(arrays(shapes.input_shapes[0], reals(-2, 2), np.float64), label="a")
    b = data.draw(arrays(shapes.input_shapes[1], reals(-2, 2), np.float64), label="b")
    grads_agree(ad_backend, lambda x, y: (x @ y).tanh().sum(), a, b)


@CHECK
@given(data=st.data())
def test_gradients_of_indexing(ad_backend: BackendCase, data: st.DataObject) -> None:
    """Slicing, cat, gather and order statistics route gradients to the right elements."""
    x = data.draw(arrays(hnp.array_shapes(min_dims=2, max_dims=3, max_side=5), reals(-2, 2),
                         np.float64), label="x")
    dim = data.draw(st.integers(0, x.ndim - 1), label="dim")
    bound = st.one_of(st.none(), st.integers(-x.shape[0], x.shape[0]))
    a, b = data.draw(bound, label="a"), data.draw(bound, label="b")
    s = data.draw(st.integers(-2, 2).filter(bool), label="s")
    idx = data.draw(arrays(x.shape, st.integers(0, x.shape[dim] - 1), np.int64), label="indices")
    weights = np.arange(1, x.size + 1, dtype=np.float64).reshape(x.shape)

    def program(t: Any) -> Any:
        w = Tensor.of(type(t).backend).from_data(weights, device=t.device)
        i = Tensor.of(type(t).backend, Int).from_data(idx, device=t.device)
        parts = [
            (t[a:b, ::s] * 2.0).sum(),
            Tensor.cat([t, t.sin()], dim).mul(Tensor.cat([w, w], dim)).sum(),
            (t.gather(dim, i) * w).sum(),
            (t.max_dim(dim) * 3.0).sum() + t.min_dim(dim).sum(),
            (t.sort(dim, descending=True) * w).sum(),
            (t.relu() + t.abs() * 0.5).sum(),
        ]
        return Tensor.stack(parts, 0).sum()
    grads_agree(ad_backend, program, x)


def test_reference_is_numpy() -> None:
    """The comparisons above are only as good as the reference: spot-check it against NumPy."""
    x = np.array([[1.5, -2.0, 3.0], [0.5, 4.0, -1.0]], dtype=np.float32)
    reference(x).sum_dim(1).to_data().assert_approx_eq(TensorData(x.sum(axis=1, keepdims=True)))
    np.testing.assert_array_equal(reference(x).argmax(1).to_data().as_numpy(), [[2], [1]])
