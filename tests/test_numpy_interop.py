"""NumPy meets tensors: ``__array__`` (views on the CPU, a clear refusal on a GPU), NumPy arrays
and scalars in operators from either side, and NumPy functions that refuse instead of building
object arrays. Runs on NumPy 1.26 and 2.x (``copy=`` exists from 2.0)."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest

from conftest import BackendCase
from pyburn import Int, Tensor
from pyburn.tensor import KindError

NUMPY2 = np.lib.NumpyVersion(np.__version__) >= "2.0.0"
VALUES = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]]


def on_cpu(case: BackendCase) -> bool:
    return case.device.kind == "cpu"


def test_asarray_views_the_tensor_read_only(backend):
    t = backend.tensor(VALUES)
    if not on_cpu(backend):
        with pytest.raises(TypeError, match=r"to_numpy\(\) or t.to_data\(\)"):
            np.asarray(t)
        return
    a, b = np.asarray(t), np.asarray(t)
    assert a.dtype == np.float32 and a.shape == (2, 3)
    np.testing.assert_array_equal(a, np.array(VALUES, np.float32))
    assert np.shares_memory(a, b)  # no copy: both view the tensor's memory
    assert not a.flags.writeable  # tensors are immutable values
    with pytest.raises(ValueError, match="read-only"):
        a[0, 0] = 9.0


def test_array_copies_and_converts(backend):
    t = backend.tensor(VALUES)
    if not on_cpu(backend):
        with pytest.raises(TypeError, match="to_numpy"):
            np.array(t)
        return
    c = np.array(t)
    assert c.flags.writeable and not np.shares_memory(c, np.asarray(t))
    c[0, 0] = 9.0
    assert t.to_data().to_list()[0][0] == 1.0
    d = np.asarray(t, dtype=np.float64)
    assert d.dtype == np.float64
    np.testing.assert_array_equal(d, np.array(VALUES))


@pytest.mark.skipif(not NUMPY2, reason="copy= is NumPy 2's")
def test_copy_false_refuses_a_conversion(backend):
    t = backend.tensor(VALUES)
    if not on_cpu(backend):
        return
    assert np.shares_memory(np.asarray(t, copy=False), np.asarray(t))
    with pytest.raises(ValueError, match="copy=False"):
        np.asarray(t, dtype=np.float64, copy=False)


def test_int_and_bool_tensors_convert(backend):
    i = Tensor[backend.B, Int].from_data([1, 2, 3], backend.device)
    if not on_cpu(backend):
        return
    assert np.asarray(i).tolist() == [1, 2, 3] and np.asarray(i).dtype == np.int64
    assert np.asarray(i > 1).tolist() == [False, True, True]


def test_asarray_of_a_large_tensor_is_not_an_object_array(backend):
    """NumPy used to iterate the tensor into an object array of 0-d tensors (730 ms here)."""
    t = Tensor[backend.B].zeros([64, 64, 16], backend.device)
    if on_cpu(backend):
        assert np.asarray(t).dtype == np.float32


ARR = np.array([[0.5, -1.0, 2.0], [1.0, 3.0, -0.5]], dtype=np.float32)
OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "array + t": lambda a, t: a + t,
    "t + array": lambda a, t: t + a,
    "array - t": lambda a, t: a - t,
    "t - array": lambda a, t: t - a,
    "array * t": lambda a, t: a * t,
    "array / t": lambda a, t: a / t,
    "t / array": lambda a, t: t / a,
    "array ** t": lambda a, t: np.abs(a) ** t,
    "array @ t.T": lambda a, t: a @ t.T,
    "t @ array.T": lambda a, t: t @ a.T,
    "row + t": lambda a, t: a[0] + t,
    "f32 * t": lambda a, t: np.float32(2) * t,
    "f64 - t": lambda a, t: np.float64(1.5) - t,
    "i64 + t": lambda a, t: np.int64(3) + t,
    "0-d array + t": lambda a, t: np.array(2.0) + t,
}


@pytest.mark.parametrize("name", list(OPERATORS))
def test_numpy_operands_become_tensors(backend, name):
    fn = OPERATORS[name]
    t = backend.tensor(VALUES)
    out = fn(ARR, t)
    assert type(out) is type(t), f"{name} gave {type(out).__name__}"
    want = fn(ARR, np.array(VALUES, dtype=np.float32))
    np.testing.assert_allclose(out.to_data().as_numpy(), want, rtol=1e-6)


COMPARISONS: dict[str, Callable[[Any, Any], Any]] = {
    "array == t": lambda a, t: a == t,
    "array != t": lambda a, t: a != t,
    "array < t": lambda a, t: a < t,
    "array >= t": lambda a, t: a >= t,
    "t > array": lambda a, t: t > a,
}


@pytest.mark.parametrize("name", list(COMPARISONS))
def test_numpy_comparisons_give_bool_tensors(backend, name):
    fn = COMPARISONS[name]
    t = backend.tensor(VALUES)
    a = np.array([[1.0, 0.0, 3.0], [5.0, 5.0, 6.5]], dtype=np.float32)
    out = fn(a, t)
    assert out.kind.__name__ == "Bool"
    assert out.to_data().to_list() == fn(a, np.array(VALUES, np.float32)).tolist()


def test_numpy_operand_follows_the_tensor_kind(backend):
    i = Tensor[backend.B, Int].from_data([1, 2, 3], backend.device)
    assert (np.array([1, 1, 1]) + i).to_data().to_list() == [2, 3, 4]
    assert (np.array([1, 1, 1]) + i).kind is Int
    with pytest.raises(KindError, match=r"add: cannot combine an Int tensor with a float64 NumPy"):
        i + np.array([0.5, 1.0, 2.0])


def test_numpy_operand_gets_a_gradient_path(ad_backend):
    w = ad_backend.f64.tensor(VALUES).require_grad()
    a = np.arange(6.0).reshape(2, 3)
    grads = (a * w).sum().backward()
    np.testing.assert_allclose(w.grad(grads).to_data().as_numpy(), a)


def test_numpy_functions_refuse_with_the_pyburn_spelling(backend):
    t = backend.tensor(VALUES)
    with pytest.raises(TypeError, match=r"numpy.exp cannot take a pyburn tensor.*x.exp\(\)"):
        np.exp(t)
    with pytest.raises(TypeError, match=r"numpy.add.reduce"):
        np.add.reduce(t)
    a = np.ones((2, 3))
    with pytest.raises(TypeError, match=r"in-place NumPy operations"):
        a += t
    with pytest.raises(TypeError, match=r"add: expected a tensor, a number or a NumPy array, got list"):
        t + [1.0, 2.0, 3.0]
    with pytest.raises(TypeError, match=r"a NumPy array of dtype <U1"):
        t + np.array(["a", "b", "c"])
