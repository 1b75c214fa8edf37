"""Every tensor operation, on every backend row, against a NumPy (float64) reference.

Tests are tables: one row states an op, its inputs and its reference; the `backend` fixture runs
each row on every backend of the matrix (chainer's one-test-every-backend). The last test checks
that every public method of `Tensor` and every activation is exercised somewhere in this file, so
a new op without a test fails the suite.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest

from pyburn import Bool, Distribution, DType, Float, Int, Shape, Tensor, TensorData, Tolerance, activation
from pyburn.tensor.errors import KindError

# float32 results against a float64 reference: a few ulps of slack, relative and absolute.
F32_TOL = Tolerance.rel_abs(2e-5, 2e-6)
F64_TOL = Tolerance.rel_abs(1e-12, 1e-12)


# --- helpers ------------------------------------------------------------------------------------
def tensor(backend: Any, values: Any, kind: Any = Float) -> Any:
    return Tensor[backend.B, kind].from_data(values, device=backend.device)


def floats(backend: Any, shape: tuple[int, ...], low: float = -2.0, high: float = 2.0,
           seed: int = 0) -> tuple[Any, np.ndarray]:
    """A Float tensor of `shape` and its float64 NumPy twin (values exactly representable in
    float32, so both sides start from the same numbers)."""
    a = np.random.default_rng(seed).uniform(low, high, shape).astype(np.float32).astype(np.float64)
    return tensor(backend, a), a


def distinct(shape: tuple[int, ...], seed: int = 0, spacing: float = 0.25) -> np.ndarray:
    """Distinct values (no ties), shuffled: for max/min/sort/argmax references."""
    n = math.prod(shape)
    values = (np.arange(n) - n / 2) * spacing
    return np.random.default_rng(seed).permutation(values).reshape(shape)


def check(t: Any, expected: Any, tol: Tolerance | None = None) -> None:
    """`t` equals the NumPy reference: same shape, values within `tol` for floats, exact otherwise."""
    data = t.to_data()
    exp = np.asarray(expected)
    assert tuple(t.shape) == exp.shape, f"shape {list(t.shape)} != reference {list(exp.shape)}"
    if data.dtype.is_float:
        data.assert_approx_eq(TensorData(exp.astype(np.float64)), tol or F32_TOL)
    else:
        np.testing.assert_array_equal(data.as_numpy(), exp)


def ids(table: list[tuple[Any, ...]]) -> list[str]:
    return [str(row[0]) for row in table]


# --- creation -----------------------------------------------------------------------------------
def test_from_data_accepts_lists_arrays_scalars_and_tensor_data(backend):
    B, dev = backend.B, backend.device
    values = [[1.5, -2.0, 3.25], [0.0, 4.0, -1.0]]
    for source in (values, np.array(values), TensorData(values), TensorData(values, dtype="float16")):
        check(Tensor[B].from_data(source, device=dev), values)
    check(Tensor[B].from_floats([1.0, 2.0], device=dev), [1.0, 2.0])
    check(Tensor[B, Int].from_ints([[1, -2]], device=dev), [[1, -2]])
    check(Tensor[B, Bool].from_bools([True, False], device=dev), [True, False])
    check(Tensor[B].from_data(2.5, device=dev), np.array(2.5))
    assert Tensor[B].from_data(values, device=dev).dtype == B.float_elem
    assert Tensor[B, Int].from_data([1, 2], device=dev).dtype == B.int_elem
    assert Tensor[B, Bool].from_data([1, 0], device=dev).dtype == DType.BOOL


@pytest.mark.parametrize("kind, value, expected_dtype", [
    (Float, 2.5, "float"), (Int, 7, "int"), (Bool, True, "bool")], ids=["float", "int", "bool"])
def test_full_zeros_ones_empty(backend, kind, value, expected_dtype):
    T, dev = Tensor[backend.B, kind], backend.device
    check(T.full([2, 3], value, device=dev), np.full((2, 3), value))
    check(T.zeros([2, 1, 3], device=dev), np.zeros((2, 1, 3)))
    check(T.ones([4], device=dev), np.ones(4))
    check(T.empty([0, 3], device=dev), np.zeros((0, 3)))
    like = T.full([3, 2], value, device=dev)
    check(like.zeros_like(), np.zeros((3, 2)))
    check(like.ones_like(), np.ones((3, 2)))
    check(like.full_like(value), np.full((3, 2), value))
    check(like.empty_like(), np.zeros((3, 2)))
    assert like.dtype.value.startswith(expected_dtype)


@pytest.mark.parametrize("dtype", ["float16", "float64"])
def test_like_constructors_keep_the_dtype(backend, dtype):
    """zeros_like/ones_like/full_like/empty_like/random_like of an f16 or f64 tensor are f16 or
    f64 (they used to come back in the backend's default float dtype)."""
    x = Tensor[backend.B].ones([2, 3], device=backend.device, dtype=dtype)
    for made in (x.zeros_like(), x.ones_like(), x.full_like(0.5), x.empty_like(), x.random_like()):
        assert (made.dtype, made.dims(), made.device) == (x.dtype, [2, 3], x.device)


def test_random_distributions(backend):
    B, dev = backend.B, backend.device
    n = [20000]
    default = Tensor[B].random(n, device=dev).to_numpy()
    assert default.min() >= 0.0 and default.max() < 1.0 and abs(default.mean() - 0.5) < 0.02
    uniform = Tensor[B].random(n, Distribution.Uniform(-2.0, 3.0), dev).to_numpy()
    assert uniform.min() >= -2.0 and uniform.max() <= 3.0 and abs(uniform.mean() - 0.5) < 0.05
    normal = Tensor[B].random(n, Distribution.Normal(1.0, 2.0), dev).to_numpy()
    assert abs(normal.mean() - 1.0) < 0.06 and abs(normal.std() - 2.0) < 0.06
    bern = Tensor[B].random(n, Distribution.Bernoulli(0.3), dev).to_numpy()
    assert set(np.unique(bern)) <= {0.0, 1.0} and abs(bern.mean() - 0.3) < 0.02
    ints = Tensor[B, Int].random(n, Distribution.Uniform(0, 5), dev).to_numpy()
    assert set(np.unique(ints)) == {0, 1, 2, 3, 4}
    like = Tensor[B].zeros([3, 4], device=dev).random_like(Distribution.Uniform(5.0, 6.0))
    assert like.shape == (3, 4) and (like.to_numpy() >= 5.0).all()


def test_seed_makes_random_reproducible(backend):
    B, dev = backend.B, backend.device
    B.seed(7)
    a = Tensor[B].random([5], Distribution.Normal(0.0, 1.0), dev).to_numpy()
    B.seed(7)
    b = Tensor[B].random([5], Distribution.Normal(0.0, 1.0), dev).to_numpy()
    np.testing.assert_array_equal(a, b)


def test_arange_and_arange_step(backend):
    T, dev = Tensor[backend.B, Int], backend.device
    check(T.arange(5, 10, device=dev), np.arange(5, 10))
    check(T.arange(4, device=dev), np.arange(4))
    check(T.arange_step(5, 10, 2, device=dev), np.arange(5, 10, 2))
    check(T.arange_step(10, 0, -3, device=dev), np.arange(10, 0, -3))
    check(T.arange(3, 3, device=dev), np.arange(3, 3))
    assert Tensor[backend.B].arange(3, device=dev).kind is Int  # arange always makes Int


# --- data, shape, device, dtype -----------------------------------------------------------------
def test_data_accessors(backend):
    t, a = floats(backend, (2, 3, 4))
    check(Tensor[backend.B].from_data(t.to_data(), device=backend.device), a)
    assert t.into_data() == t.to_data()
    np.testing.assert_allclose(t.to_numpy(), a, rtol=1e-6)
    assert np.allclose(np.array(t.tolist()), a)
    assert t.shape == Shape(2, 3, 4) == (2, 3, 4) and t.shape() == (2, 3, 4)
    assert t.dims() == [2, 3, 4] == t.size()
    assert t.rank == t.ndim == 3
    assert t.num_elements() == t.numel() == 24
    assert not t.is_empty() and Tensor[backend.B].zeros([0, 2], device=backend.device).is_empty()
    assert t.device == backend.device and t.device() == backend.device
    assert t.to_device(backend.device).device == backend.device
    assert len(t) == 2 and [x.shape for x in t] == [(3, 4), (3, 4)]
    one = tensor(backend, [[2.5]])
    assert one.into_scalar() == 2.5 == one.item() and float(one) == 2.5 and int(one) == 2
    assert bool(tensor(backend, [1.0])) and not bool(tensor(backend, [0.0]))
    with pytest.raises(ValueError, match="ambiguous"):
        bool(t)
    assert {t: 1}[t] == 1  # hashable by identity although == is elementwise


def test_primitive_roundtrip(backend):
    t, a = floats(backend, (3,))
    assert t.primitive is t.into_primitive()
    back = Tensor[backend.B].from_primitive(t.into_primitive())
    check(back, a)
    assert type(back) is type(t) and Tensor.of(backend.B) is type(t)
    assert Tensor.of(backend.B, Int) is Tensor[backend.B, Int]


def test_to_backend_roundtrip(backend):
    from pyburn.backend import NumPy
    t, a = floats(backend, (2, 3))
    on_numpy = t.to_backend(NumPy)
    assert type(on_numpy).backend is NumPy
    check(on_numpy, a)
    back = on_numpy.to_backend(backend.B, backend.device)
    assert type(back) is type(t)
    check(back, a)
    ints = tensor(backend, [[1, 2]], Int).to_backend(NumPy)
    assert ints.kind is Int
    check(ints, [[1, 2]])


def test_dtype_properties(backend):
    assert tensor(backend, [1.0]).dtype == backend.B.float_elem
    assert tensor(backend, [1], Int).dtype == backend.B.int_elem
    assert tensor(backend, [True], Bool).dtype == DType.BOOL


def test_repr_format(backend):
    t = tensor(backend, [[1.0, 2.0], [3.0, 4.5]])
    text = repr(t)
    assert text == str(t)
    assert text.startswith("Tensor {\n  data:\n[[1.0, 2.0],\n [3.0, 4.5]],\n")  # Burn's Display
    for line in ("  shape:  [2, 2],", f"  device:  {backend.device},",
                 f'  backend:  "{backend.B.name()}",', '  kind:  "Float",', '  dtype:  "f32",'):
        assert line in text.splitlines(), (line, text)
    assert text.endswith("\n}")
    assert 'kind:  "Int"' in repr(tensor(backend, [1], Int))
    assert 'kind:  "Bool"' in repr(tensor(backend, [True], Bool))


# --- layout -------------------------------------------------------------------------------------
LAYOUT: list[tuple[str, tuple[int, ...], Callable[[Any], Any], Callable[[np.ndarray], np.ndarray]]] = [
    ("reshape", (2, 3, 4), lambda t: t.reshape([4, 6]), lambda a: a.reshape(4, 6)),
    ("reshape_infer", (2, 3, 4), lambda t: t.reshape([-1, 4]), lambda a: a.reshape(-1, 4)),
    ("reshape_keep_0", (2, 3, 4), lambda t: t.reshape([0, -1]), lambda a: a.reshape(2, -1)),
    ("view", (2, 3, 4), lambda t: t.view([24]), lambda a: a.reshape(24)),
    ("flatten_all", (2, 3, 4), lambda t: t.flatten(), lambda a: a.reshape(-1)),
    ("flatten_range", (2, 3, 4, 5), lambda t: t.flatten(1, 2), lambda a: a.reshape(2, 12, 5)),
    ("flatten_neg", (2, 3, 4), lambda t: t.flatten(-2, -1), lambda a: a.reshape(2, 12)),
    ("squeeze_all", (1, 3, 1, 2), lambda t: t.squeeze(), lambda a: a.squeeze()),
    ("squeeze_dim_arg", (1, 3, 1, 2), lambda t: t.squeeze(2), lambda a: a.squeeze(2)),
    ("squeeze_dim", (1, 3, 1, 2), lambda t: t.squeeze_dim(-2), lambda a: a.squeeze(-2)),
    ("squeeze_dims", (1, 3, 1, 2), lambda t: t.squeeze_dims([0, 2]), lambda a: a.squeeze((0, 2))),
    ("unsqueeze", (3, 2), lambda t: t.unsqueeze(), lambda a: a[None]),
    ("unsqueeze_dim", (3, 2), lambda t: t.unsqueeze_dim(1), lambda a: a[:, None]),
    ("unsqueeze_dim_neg", (3, 2), lambda t: t.unsqueeze_dim(-1), lambda a: a[..., None]),
    ("unsqueeze_dims", (3, 2), lambda t: t.unsqueeze_dims([0, -1]), lambda a: a[None, ..., None]),
    ("swap_dims", (2, 3, 4), lambda t: t.swap_dims(0, 2), lambda a: a.swapaxes(0, 2)),
    ("swap_dims_same", (2, 3), lambda t: t.swap_dims(1, -1), lambda a: a),
    ("permute", (2, 3, 4), lambda t: t.permute([2, 0, 1]), lambda a: a.transpose(2, 0, 1)),
    ("permute_neg", (2, 3, 4), lambda t: t.permute([-1, -3, -2]), lambda a: a.transpose(2, 0, 1)),
    ("transpose", (2, 3, 4), lambda t: t.transpose(), lambda a: a.swapaxes(-1, -2)),
    ("T", (3, 4), lambda t: t.T, lambda a: a.T),
    ("movedim", (2, 3, 4), lambda t: t.movedim(0, -1), lambda a: np.moveaxis(a, 0, -1)),
    ("movedim_back", (2, 3, 4), lambda t: t.movedim(2, 0), lambda a: np.moveaxis(a, 2, 0)),
    ("flip", (2, 3, 4), lambda t: t.flip([0, -1]), lambda a: np.flip(a, (0, 2))),
    ("expand", (3, 1), lambda t: t.expand([2, 3, 4]), lambda a: np.broadcast_to(a, (2, 3, 4))),
    ("expand_keep", (3, 1), lambda t: t.expand([-1, 5]), lambda a: np.broadcast_to(a, (3, 5))),
    ("broadcast_to", (1, 4), lambda t: t.broadcast_to([3, 4]), lambda a: np.broadcast_to(a, (3, 4))),
    ("repeat", (2, 3), lambda t: t.repeat([2, 3]), lambda a: np.tile(a, (2, 3))),
    ("repeat_dim", (2, 3), lambda t: t.repeat_dim(1, 3), lambda a: np.tile(a, (1, 3))),
    ("repeat_dim_0", (2, 3), lambda t: t.repeat_dim(0, 0), lambda a: a[:0]),
    ("narrow", (4, 5), lambda t: t.narrow(1, 1, 3), lambda a: a[:, 1:4]),
    ("narrow_neg_start", (4, 5), lambda t: t.narrow(0, -2, 2), lambda a: a[2:4]),
    ("slice_pairs", (4, 5), lambda t: t.slice([(1, 3), (0, 2)]), lambda a: a[1:3, 0:2]),
    ("slice_leading", (4, 5, 2), lambda t: t.slice([(1, 3)]), lambda a: a[1:3]),
    ("slice_objects", (4, 5), lambda t: t.slice([slice(None, None, 2), slice(-3, None)]),
     lambda a: a[::2, -3:]),
    ("slice_int", (4, 5), lambda t: t.slice([-1, (1, 4)]), lambda a: a[-1:, 1:4]),
    ("slice_neg_step", (4, 5), lambda t: t.slice([slice(None, None, -1), slice(4, 0, -2)]),
     lambda a: a[::-1, 4:0:-2]),
    ("slice_none", (4, 5), lambda t: t.slice([None, (2, 3)]), lambda a: a[:, 2:3]),
    ("slice_empty", (4, 5), lambda t: t.slice([(3, 1)]), lambda a: a[3:1]),
]


@pytest.mark.parametrize("kind", [Float, Int, Bool], ids=["float", "int", "bool"])
@pytest.mark.parametrize("name, shape, op, ref", LAYOUT, ids=ids(LAYOUT))
def test_layout(backend, name, shape, op, ref, kind):
    a = np.arange(math.prod(shape)).reshape(shape) - 5
    if kind is Bool:
        a = a % 3 == 0
    t = tensor(backend, a, kind)
    out = op(t)
    assert out.kind is kind
    check(out, ref(a))


@pytest.mark.parametrize("kind", [Float, Int, Bool], ids=["float", "int", "bool"])
def test_split_family(backend, kind):
    a = np.arange(7 * 2).reshape(7, 2) - 3
    if kind is Bool:
        a = a % 2 == 0
    t = tensor(backend, a, kind)
    for got, exp in zip(t.chunk(3), np.array_split(a, [3, 6])):
        check(got, exp)
    assert [c.shape[0] for c in t.chunk(3)] == [3, 3, 1]  # torch's chunk sizes
    assert [c.shape[1] for c in t.chunk(5, dim=1)] == [1, 1]
    for got, exp in zip(t.split(2), np.split(a, [2, 4, 6])):
        check(got, exp)
    for got, exp in zip(t.split_with_sizes([1, 4, 2]), np.split(a, [1, 5])):
        check(got, exp)
    items = list(t.iter_dim(1))
    assert len(items) == 2
    for i, item in enumerate(items):
        check(item, a[:, i:i + 1])
    for i, item in enumerate(t.unbind(0)):
        check(item, a[i])
    for i, row in enumerate(t):
        check(row, a[i])


GETITEM = [
    ("int", 1), ("neg_int", -1), ("slice", slice(1, 3)), ("neg_step", slice(None, None, -1)),
    ("step_2", (slice(None), slice(None, None, 2))), ("neg_step_range", (slice(2, 0, -1), slice(3, None, -2))),
    ("int_int", (0, -1)), ("none", None), ("none_mid", (slice(None), None, 1)),
    ("ellipsis_last", (Ellipsis, 0)), ("ellipsis_first", (1, Ellipsis)),
    ("ellipsis_mid", (0, Ellipsis, slice(1, 2))), ("ellipsis_none", (None, Ellipsis, None)),
    ("mixed", (None, 1, slice(None, None, -2), Ellipsis, None)), ("empty_slice", slice(2, 1)),
    ("all", Ellipsis),
]


@pytest.mark.parametrize("name, key", GETITEM, ids=ids(GETITEM))
def test_getitem_matches_numpy(backend, name, key):
    t, a = floats(backend, (3, 4, 5))
    check(t[key], a[key])
    n = np.arange(60).reshape(3, 4, 5)
    check(tensor(backend, n, Int)[key], n[key])


@pytest.mark.parametrize("where", ["first", "second", "ellipsis_before", "ellipsis_after", "last"])
def test_getitem_with_int_tensor(backend, where):
    t, a = floats(backend, (3, 4, 5))
    idx = np.array([2, 0, 2])
    i = tensor(backend, idx, Int)
    key, np_key = {
        "first": ((i,), (idx,)),
        "second": ((slice(None), i), (slice(None), idx)),
        "ellipsis_before": ((Ellipsis, i), (Ellipsis, idx)),
        "ellipsis_after": ((i, Ellipsis), (idx, Ellipsis)),
        "last": ((slice(None), slice(None), i), (slice(None), slice(None), idx)),
    }[where]
    check(t[key], a[np_key])


def test_slice_assign_and_fill(backend):
    t, a = floats(backend, (4, 5))
    v, va = floats(backend, (2, 3), seed=1)
    exp = a.copy()
    exp[1:3, 1:4] = va
    check(t.slice_assign([(1, 3), (1, 4)], v), exp)
    check(t, a)  # tensors are values: the original is unchanged
    exp = a.copy()
    exp[::-1][0:2, 4:1:-1] = va  # a negative step writes values in reverse order
    check(t.slice_assign([slice(3, 1, -1), slice(4, 1, -1)], v), exp)
    row, ra = floats(backend, (1, 5), seed=2)
    exp = a.copy()
    exp[0:3] = ra  # values broadcast over the region
    check(t.slice_assign([(0, 3)], row), exp)
    exp = a.copy()
    exp[2, ::2] = 7.5
    check(t.slice_fill([2, slice(None, None, 2)], 7.5), exp)
    ints = tensor(backend, np.arange(6).reshape(2, 3), Int)
    check(ints.slice_assign([(0, 1)], tensor(backend, [[9, 9, 9]], Int)), [[9, 9, 9], [3, 4, 5]])
    check(ints.slice_fill([None, (1, 2)], -1), [[0, -1, 2], [3, -1, 5]])
    bools = tensor(backend, np.zeros((2, 2), bool), Bool)
    check(bools.slice_fill([(1, 2)], True), [[False, False], [True, True]])


@pytest.mark.parametrize("kind", [Float, Int, Bool], ids=["float", "int", "bool"])
@pytest.mark.parametrize("dim", [0, 1, -1])
def test_cat_and_stack(backend, kind, dim):
    a = np.arange(6).reshape(2, 3)
    b = np.arange(6, 12).reshape(2, 3)
    if kind is Bool:
        a, b = a % 2 == 0, b % 3 == 0
    ta, tb = tensor(backend, a, kind), tensor(backend, b, kind)
    check(Tensor.cat([ta, tb, ta], dim), np.concatenate([a, b, a], dim))
    check(type(ta).cat([ta], dim), a)
    check(Tensor.stack([ta, tb], dim), np.stack([a, b], dim))
    check(Tensor.stack([ta, tb], -3), np.stack([a, b], -3))
    c = np.arange(4).reshape(2, 2)
    if kind is Bool:
        c = c > 1
    check(Tensor.cat([ta, tensor(backend, c, kind)], 1), np.concatenate([a, c], 1))


# --- gather / scatter / select / masks ----------------------------------------------------------
@pytest.mark.parametrize("kind", [Float, Int], ids=["float", "int"])
def test_gather_scatter_select(backend, kind):
    a = np.arange(12).reshape(3, 4) * 1.5 if kind is Float else np.arange(12).reshape(3, 4)
    t = tensor(backend, a, kind)
    idx = np.array([[0, 3, 3], [1, 0, 2], [2, 2, 0]])
    i = tensor(backend, idx, Int)
    check(t.gather(1, i), np.take_along_axis(a, idx, 1))
    idx0 = np.array([[2, 0, 1, 1]])
    check(t.gather(0, tensor(backend, idx0, Int)), np.take_along_axis(a, idx0, 0))
    values = np.arange(9).reshape(3, 3) + 1
    exp = a.copy()
    for r in range(3):
        for c in range(3):
            exp[r, idx[r, c]] += values[r, c]  # scatter accumulates (torch's scatter_add)
    check(t.scatter(1, i, tensor(backend, values, kind)), exp)
    sel = np.array([2, 0, 2])
    check(t.select(0, tensor(backend, sel, Int)), a[sel])
    check(t.select(-1, tensor(backend, sel, Int)), a[:, sel])
    exp = a.copy()
    vals = np.arange(9).reshape(3, 3) + 1
    np.add.at(exp, (slice(None), sel), vals)  # repeated indices accumulate
    check(t.select_assign(1, tensor(backend, sel, Int), tensor(backend, vals, kind)), exp)


def test_select_bool(backend):
    b = tensor(backend, [[True, False], [False, False]], Bool)
    check(b.select(0, tensor(backend, [1, 0, 0], Int)), [[False, False], [True, False], [True, False]])


@pytest.mark.parametrize("kind", [Float, Int, Bool], ids=["float", "int", "bool"])
def test_mask_where_and_mask_fill(backend, kind):
    a = np.arange(6).reshape(2, 3)
    v = -np.arange(6).reshape(2, 3) - 1
    if kind is Bool:
        a, v = a % 2 == 0, np.ones((2, 3), bool)
    m = np.array([[True, False, True], [False, False, True]])
    t, tv, tm = tensor(backend, a, kind), tensor(backend, v, kind), tensor(backend, m, Bool)
    check(t.mask_where(tm, tv), np.where(m, v, a))
    row_mask = np.array([True, False, False])
    check(t.mask_where(tensor(backend, row_mask, Bool), tv), np.where(row_mask, v, a))  # broadcast
    if kind is not Bool:
        check(t.mask_fill(tm, 9), np.where(m, 9, a))
        check(t.mask_fill(tensor(backend, row_mask, Bool), -4), np.where(row_mask, -4, a))


# --- arithmetic -------------------------------------------------------------------------------
BINARY_FLOAT = [
    ("add", np.add, (-3, 3)), ("sub", np.subtract, (-3, 3)), ("mul", np.multiply, (-3, 3)),
    ("div", np.divide, (0.5, 3)), ("remainder", np.remainder, (0.5, 3)),
    ("powf", np.power, (0.5, 2)), ("max_pair", np.maximum, (-3, 3)),
    ("min_pair", np.minimum, (-3, 3)),
]
SHAPES = [((2, 3), (2, 3)), ((2, 3), (3,)), ((2, 1), (1, 3)), ((4, 1, 3), (2, 3)), ((3,), (2, 3))]


@pytest.mark.parametrize("shapes", SHAPES, ids=[f"{a}x{b}" for a, b in SHAPES])
@pytest.mark.parametrize("name, ref, domain", BINARY_FLOAT, ids=ids(BINARY_FLOAT))
def test_binary_float(backend, name, ref, domain, shapes):
    x, a = floats(backend, shapes[0], -3, 3, seed=1)
    lo, hi = domain
    sign = np.sign(np.random.default_rng(5).uniform(-1, 1, shapes[1])) if name in ("div", "remainder") else 1
    b = (np.random.default_rng(2).uniform(lo, hi, shapes[1]) * sign).astype(np.float32).astype(np.float64)
    if name == "powf":
        x, a = floats(backend, shapes[0], 0.5, 2, seed=1)
    y = tensor(backend, b)
    check(getattr(x, name)(y), ref(a, b))


BINARY_INT = [
    ("add", np.add), ("sub", np.subtract), ("mul", np.multiply),
    ("div", lambda a, b: np.trunc(a / b).astype(np.int64)),  # truncation toward zero (Rust)
    ("remainder", np.remainder),  # sign of the divisor (Python, PyTorch)
    ("powi", np.power), ("max_pair", np.maximum), ("min_pair", np.minimum),
]


@pytest.mark.parametrize("name, ref", BINARY_INT, ids=ids(BINARY_INT))
def test_binary_int(backend, name, ref):
    a = np.array([[7, -7, 7, -7, 0, 5], [3, 9, -9, 1, 2, -3]])
    b = np.array([[2, 2, -2, -2, 3, 5], [3, 4, 4, -1, 2, 2]])
    if name == "powi":
        a, b = np.abs(a) % 4, np.abs(b) % 3
    x, y = tensor(backend, a, Int), tensor(backend, b, Int)
    out = getattr(x, name)(y)
    assert out.kind is Int
    check(out, ref(a, b))
    check(getattr(x, name)(tensor(backend, b[0], Int)), ref(a, b[0]))  # broadcast


SCALAR_OPS = [
    ("add_scalar", lambda a, s: a + s), ("sub_scalar", lambda a, s: a - s),
    ("mul_scalar", lambda a, s: a * s), ("div_scalar", lambda a, s: a / s),
    ("remainder_scalar", np.remainder), ("powf_scalar", np.power), ("powi_scalar", np.power),
    ("add", lambda a, s: a + s), ("mul", lambda a, s: a * s), ("powf", np.power), ("powi", np.power),
    ("clamp_min", np.maximum), ("clamp_max", np.minimum),
]


@pytest.mark.parametrize("scalar", [2.5, -1.5, 2, np.float32(0.75)], ids=["2.5", "-1.5", "int2", "np0.75"])
@pytest.mark.parametrize("name, ref", SCALAR_OPS, ids=ids(SCALAR_OPS))
def test_scalar_ops_float(backend, name, ref, scalar):
    low = 0.5 if name.startswith("pow") else -3
    t, a = floats(backend, (2, 3), low, 3)
    if name.startswith("powi"):
        scalar = int(scalar)
    check(getattr(t, name)(scalar), ref(a, float(scalar)))


@pytest.mark.parametrize("name, ref", [
    ("add_scalar", lambda a, s: a + s), ("sub_scalar", lambda a, s: a - s),
    ("mul_scalar", lambda a, s: a * s), ("div_scalar", lambda a, s: np.trunc(a / s).astype(np.int64)),
    ("remainder_scalar", np.remainder), ("powi_scalar", np.power),
    ("clamp_min", np.maximum), ("clamp_max", np.minimum)], ids=lambda v: v if isinstance(v, str) else "")
@pytest.mark.parametrize("scalar", [3, -2, 2.0], ids=["3", "-2", "float2"])
def test_scalar_ops_int(backend, name, ref, scalar):
    a = np.array([[7, -7, 0], [5, -1, 8]])
    if name == "powi_scalar":
        scalar = abs(int(scalar))
    out = getattr(tensor(backend, a, Int), name)(scalar)
    assert out.kind is Int
    check(out, ref(a, int(scalar)))


def test_int_tensor_refuses_fractional_scalars(backend):
    with pytest.raises(KindError, match=r"add: cannot combine an Int tensor with the float 1\.5"):
        tensor(backend, [1, 2], Int) + 1.5


OPERATORS = [
    ("x + y", lambda x, y: x + y), ("x - y", lambda x, y: x - y), ("x * y", lambda x, y: x * y),
    ("x / y", lambda x, y: x / y), ("x % y", lambda x, y: x % y), ("x ** y", lambda x, y: x ** y),
    ("x + 2", lambda x, y: x + 2), ("2 + x", lambda x, y: 2 + x), ("x - 2", lambda x, y: x - 2),
    ("2 - x", lambda x, y: 2 - x), ("x * 3", lambda x, y: x * 3), ("3 * x", lambda x, y: 3 * x),
    ("x / 4", lambda x, y: x / 4), ("4 / x", lambda x, y: 4 / x), ("x % 3", lambda x, y: x % 3),
    ("7 % x", lambda x, y: 7 % x), ("x ** 2", lambda x, y: x ** 2), ("2 ** x", lambda x, y: 2 ** x),
    ("-x", lambda x, y: -x), ("abs(x)", lambda x, y: abs(x)), ("x @ y.T", lambda x, y: x @ y.T),
]


@pytest.mark.parametrize("expr, fn", OPERATORS, ids=ids(OPERATORS))
def test_python_operators_float(backend, expr, fn):
    x, a = floats(backend, (2, 3), 0.5, 2.5, seed=3)
    y, b = floats(backend, (2, 3), 0.5, 2.5, seed=4)
    with np.errstate(all="ignore"):
        exp = fn(a, b)
    check(fn(x, y), exp)


INT_OPERATORS = [
    ("x + y", lambda x, y: x + y, np.add), ("x - y", lambda x, y: x - y, np.subtract),
    ("x * y", lambda x, y: x * y, np.multiply),
    ("x / y", lambda x, y: x / y, lambda a, b: np.trunc(a / b).astype(np.int64)),
    ("x % y", lambda x, y: x % y, np.remainder), ("x ** 2", lambda x, y: x ** 2, lambda a, b: a ** 2),
    ("10 - x", lambda x, y: 10 - x, lambda a, b: 10 - a),
    ("20 / x", lambda x, y: 20 / x, lambda a, b: np.trunc(20 / a).astype(np.int64)),
    ("7 % x", lambda x, y: 7 % x, lambda a, b: 7 % a),
    ("2 ** |x|", lambda x, y: 2 ** abs(x), lambda a, b: 2 ** np.abs(a)),
    ("-x", lambda x, y: -x, lambda a, b: -a), ("3 * x", lambda x, y: 3 * x, lambda a, b: 3 * a),
]


@pytest.mark.parametrize("expr, fn, ref", INT_OPERATORS, ids=ids(INT_OPERATORS))
def test_python_operators_int(backend, expr, fn, ref):
    a, b = np.array([[7, -6, 3], [1, 4, -5]]), np.array([[2, 4, -2], [3, -3, 2]])
    out = fn(tensor(backend, a, Int), tensor(backend, b, Int))
    assert out.kind is Int
    check(out, ref(a, b))


def test_matmul_int(backend):
    a, b = np.arange(6).reshape(2, 3), np.arange(12).reshape(3, 4) - 4
    check(tensor(backend, a, Int).matmul(tensor(backend, b, Int)), a @ b)


# --- comparisons ------------------------------------------------------------------------------
COMPARE = [
    ("equal", "equal_elem", np.equal, "=="), ("not_equal", "not_equal_elem", np.not_equal, "!="),
    ("greater", "greater_elem", np.greater, ">"),
    ("greater_equal", "greater_equal_elem", np.greater_equal, ">="),
    ("lower", "lower_elem", np.less, "<"), ("lower_equal", "lower_equal_elem", np.less_equal, "<="),
]


@pytest.mark.parametrize("kind", [Float, Int], ids=["float", "int"])
@pytest.mark.parametrize("name, elem_name, ref, symbol", COMPARE, ids=ids(COMPARE))
def test_comparisons(backend, name, elem_name, ref, symbol, kind):
    a = np.array([[1, 2, 3], [4, 5, 6]])
    b = np.array([[1, 3, 2], [4, 4, 7]])
    x, y = tensor(backend, a, kind), tensor(backend, b, kind)
    for out, exp in [
        (getattr(x, name)(y), ref(a, b)),
        (getattr(x, name)(tensor(backend, b[1], kind)), ref(a, b[1])),  # broadcast
        (getattr(x, elem_name)(3), ref(a, 3)),
        (eval(f"x {symbol} y"), ref(a, b)),
        (eval(f"x {symbol} 3"), ref(a, 3)),
        (eval(f"3 {symbol} x"), ref(3, a)),  # reflected
    ]:
        assert out.kind is Bool
        check(out, exp)


def test_bool_equality(backend):
    a, b = np.array([True, False, True]), np.array([True, True, False])
    x, y = tensor(backend, a, Bool), tensor(backend, b, Bool)
    check(x.equal(y), a == b)
    check(x.not_equal(y), a != b)
    check(x == True, a)  # noqa: E712 (elementwise, as torch)
    check(x != True, ~a)  # noqa: E712
    with pytest.raises(KindError, match="greater: expected a Float or Int tensor, got a Bool"):
        x.greater(y)


# --- unary ---------------------------------------------------------------------------------------
def _erf(a: np.ndarray) -> np.ndarray:
    return np.vectorize(math.erf)(a)


UNARY_FLOAT = [
    ("exp", np.exp, (-3, 3)), ("log", np.log, (0.1, 5)), ("log1p", np.log1p, (-0.5, 3)),
    ("erf", _erf, (-2.5, 2.5)), ("sqrt", np.sqrt, (0.0, 5)), ("recip", lambda a: 1 / a, (0.5, 3)),
    ("reciprocal", lambda a: 1 / a, (-3, -0.5)), ("cos", np.cos, (-3, 3)), ("sin", np.sin, (-3, 3)),
    ("tan", np.tan, (-1.2, 1.2)), ("tanh", np.tanh, (-4, 4)), ("floor", np.floor, (-3, 3)),
    ("ceil", np.ceil, (-3, 3)), ("round", np.round, (-3, 3)), ("abs", np.abs, (-3, 3)),
    ("neg", np.negative, (-3, 3)), ("sign", np.sign, (-3, 3)), ("square", np.square, (-3, 3)),
    ("sigmoid", lambda a: 1 / (1 + np.exp(-a)), (-8, 8)), ("relu", lambda a: np.maximum(a, 0), (-3, 3)),
]


@pytest.mark.parametrize("name, ref, domain", UNARY_FLOAT, ids=ids(UNARY_FLOAT))
def test_unary_float(backend, name, ref, domain):
    t, a = floats(backend, (3, 5), *domain)
    check(getattr(t, name)(), ref(a))


def test_round_is_half_to_even(backend):
    a = np.array([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49, 2.51])
    check(tensor(backend, a).round(), np.round(a))


def test_sign_and_abs_of_zero_and_ints(backend):
    check(tensor(backend, [-2.0, 0.0, 3.0]).sign(), [-1.0, 0.0, 1.0])
    check(tensor(backend, [-2, 0, 3], Int).sign(), [-1, 0, 1])
    check(tensor(backend, [-2, 0, 3], Int).abs(), [2, 0, 3])
    check(tensor(backend, [-2, 0, 3], Int).neg(), [2, 0, -3])


def test_is_nan_is_inf(backend):
    a = np.array([1.0, np.nan, np.inf, -np.inf, 0.0])
    t = tensor(backend, a)
    check(t.is_nan(), np.isnan(a))
    check(t.is_inf(), np.isinf(a))
    assert t.contains_nan() and not tensor(backend, [1.0, np.inf]).contains_nan()


# --- clamp, triangular ----------------------------------------------------------------------------
@pytest.mark.parametrize("kind", [Float, Int], ids=["float", "int"])
def test_clamp(backend, kind):
    a = np.array([[-3, -1, 0], [1, 2, 5]])
    t = tensor(backend, a, kind)
    check(t.clamp(-1, 2), np.clip(a, -1, 2))
    check(t.clamp(min=0), np.maximum(a, 0))
    check(t.clamp(max=1), np.minimum(a, 1))
    check(t.clamp_min(1), np.maximum(a, 1))
    check(t.clamp_max(-1), np.minimum(a, -1))
    check(t.clamp(), a)
    with pytest.raises(ValueError, match="clamp: min 3 is greater than max 1"):
        t.clamp(3, 1)


@pytest.mark.parametrize("kind", [Float, Int], ids=["float", "int"])
@pytest.mark.parametrize("diagonal", [-1, 0, 1, 3])
def test_triu_tril(backend, diagonal, kind):
    a = np.arange(2 * 3 * 4).reshape(2, 3, 4) + 1
    t = tensor(backend, a, kind)
    check(t.triu(diagonal), np.triu(a, diagonal))
    check(t.tril(diagonal), np.tril(a, diagonal))
    check(tensor(backend, a[0], kind).triu(), np.triu(a[0]))


# --- reductions ------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", [Float, Int], ids=["float", "int"])
def test_full_reductions(backend, kind):
    a = distinct((3, 4), spacing=0.5) if kind is Float else np.array([[3, -1, 4, 1], [5, -9, 2, 6], [5, 3, 5, -8]])
    t = tensor(backend, a, kind)
    check(t.sum(), [a.sum()])  # shape [1], as Burn
    check(t.max(), [a.max()])
    check(t.min(), [a.min()])
    small = a[:2, :3] if kind is Float else np.array([[2, -1, 3], [1, 2, 2]])
    check(tensor(backend, small, kind).prod(), [small.prod()])
    if kind is Float:
        check(t.mean(), [a.mean()])
    else:
        check(t.mean(), [int(a.sum()) // a.size])


@pytest.mark.parametrize("kind", [Float, Int], ids=["float", "int"])
@pytest.mark.parametrize("dim", [0, 1, -1, 2])
def test_dim_reductions(backend, dim, kind):
    a = distinct((2, 3, 4), spacing=0.5)
    if kind is Int:
        a = (a * 2).astype(np.int64)
    t = tensor(backend, a, kind)
    check(t.sum_dim(dim), a.sum(dim, keepdims=True))
    check(t.prod_dim(dim), a.prod(dim, keepdims=True), Tolerance.rel_abs(1e-5, 1e-5))
    check(t.max_dim(dim), a.max(dim, keepdims=True))
    check(t.min_dim(dim), a.min(dim, keepdims=True))
    check(t.argmax(dim), np.expand_dims(a.argmax(dim), dim))
    check(t.argmin(dim), np.expand_dims(a.argmin(dim), dim))
    values, indices = t.max_dim_with_indices(dim)
    check(values, a.max(dim, keepdims=True))
    check(indices, np.expand_dims(a.argmax(dim), dim))
    values, indices = t.min_dim_with_indices(dim)
    check(values, a.min(dim, keepdims=True))
    check(indices, np.expand_dims(a.argmin(dim), dim))
    check(t.cumsum(dim), a.cumsum(dim))
    if kind is Float:
        check(t.mean_dim(dim), a.mean(dim, keepdims=True))
    else:
        check(t.mean_dim(dim), np.trunc(a.sum(dim, keepdims=True) / a.shape[dim]).astype(np.int64))


def test_argmax_first_of_ties(backend):
    t = tensor(backend, [[1.0, 3.0, 3.0, 0.0], [2.0, 2.0, 1.0, 1.0]])
    check(t.argmax(1), [[1], [0]])
    check(t.argmin(1), [[3], [2]])


def test_bool_reductions(backend):
    a = np.array([[True, False, True], [True, True, True]])
    t = tensor(backend, a, Bool)
    check(t.any(), [True])
    check(t.all(), [False])
    check(t.any_dim(0), a.any(0, keepdims=True))
    check(t.all_dim(1), a.all(1, keepdims=True))
    check(t.all_dim(-1), a.all(-1, keepdims=True))
    check(tensor(backend, [0.0, 2.0]).all(), [False])  # numeric tensors: non-zero is true
    check(tensor(backend, [0, 2], Int).any(), [True])
    check(tensor(backend, [[0, 2], [0, 0]], Int).any_dim(1), [[True], [False]])


@pytest.mark.parametrize("kind", [Float, Int, Bool], ids=["float", "int", "bool"])
def test_argwhere(backend, kind):
    a = np.array([[0, 2, 0], [1, 0, 3]])
    if kind is Bool:
        a = a > 0
    t = tensor(backend, a, kind)
    check(t.argwhere(), np.argwhere(a))
    found = t.nonzero()   # Burn's nonzero: one 1-D Int tensor per dim, as np.nonzero
    assert len(found) == a.ndim
    for got, want in zip(found, np.nonzero(a)):
        check(got, want)
    check(tensor(backend, np.zeros((2, 2)), kind).argwhere(), np.zeros((0, 2), np.int64))
    assert tensor(backend, np.zeros((2, 2)), kind).nonzero() == []   # Burn: an empty Vec


@pytest.mark.parametrize("kind", [Float, Int, Bool], ids=["float", "int", "bool"])
def test_select_dim(backend, kind):
    a = np.arange(6).reshape(2, 3) > (2 if kind is Bool else -1)
    a = a if kind is Bool else np.arange(6).reshape(2, 3)
    t = tensor(backend, a, kind)
    check(t.select_dim(1, -1), a[:, -1])   # the dim is removed (torch's select(dim, index))
    check(t.select_dim(0, 1), a[1])


# --- sort ------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", [Float, Int], ids=["float", "int"])
@pytest.mark.parametrize("dim", [0, -1])
def test_sort_argsort_stable(backend, dim, kind):
    a = np.array([[3, 1, 2, 1, 3, 0], [2, 2, 5, 2, 1, 5]]).T.copy() if dim == 0 else \
        np.array([[3, 1, 2, 1, 3, 0], [2, 2, 5, 2, 1, 5]])
    t = tensor(backend, a, kind)
    asc = np.argsort(a, axis=dim, kind="stable")
    desc = np.argsort(-a, axis=dim, kind="stable")  # stable descending: ties keep their order
    check(t.argsort(dim), asc)
    check(t.argsort(dim, descending=True), desc)
    check(t.sort(dim), np.take_along_axis(a, asc, dim))
    check(t.sort(dim, descending=True), np.take_along_axis(a, desc, dim))
    check(t.sort_descending(dim), np.take_along_axis(a, desc, dim))
    values, indices = t.sort_with_indices(dim, descending=True)
    check(values, np.take_along_axis(a, desc, dim))
    check(indices, desc)


@pytest.mark.parametrize("kind", [Float, Int], ids=["float", "int"])
def test_topk(backend, kind):
    a = np.array([[3, 1, 4, 1, 5, 9, 2], [6, 5, 3, 5, 8, 9, 7]])
    t = tensor(backend, a, kind)
    desc = np.argsort(-a, axis=1, kind="stable")[:, :3]
    check(t.topk(3), np.take_along_axis(a, desc, 1))
    values, indices = t.topk_with_indices(3, dim=1)
    check(values, np.take_along_axis(a, desc, 1))
    check(indices, desc)
    check(t.topk(1, dim=0), a.max(0, keepdims=True))
    assert t.topk(0).shape == (2, 0)


# --- float-only -------------------------------------------------------------------------------
MATMUL = [((3, 4), (4, 5)), ((2, 3, 4), (2, 4, 5)), ((2, 1, 3, 4), (3, 4, 5)), ((1, 3, 4), (2, 4, 2)),
          ((4, 1), (1, 4))]


@pytest.mark.parametrize("shapes", MATMUL, ids=[f"{a}@{b}" for a, b in MATMUL])
def test_matmul(backend, shapes):
    x, a = floats(backend, shapes[0], seed=1)
    y, b = floats(backend, shapes[1], seed=2)
    check(x.matmul(y), a @ b, Tolerance.rel_abs(1e-5, 1e-5))
    check(x @ y, a @ b, Tolerance.rel_abs(1e-5, 1e-5))


@pytest.mark.parametrize("dim", [0, 1, -1])
def test_var_family(backend, dim):
    t, a = floats(backend, (3, 4, 5), seed=6)
    check(t.var(dim), a.var(dim, ddof=1, keepdims=True))
    check(t.var_bias(dim), a.var(dim, keepdims=True))
    var, mean = t.var_mean(dim)
    check(var, a.var(dim, ddof=1, keepdims=True))
    check(mean, a.mean(dim, keepdims=True))
    var, mean = t.var_mean_bias(dim)
    check(var, a.var(dim, keepdims=True))
    check(mean, a.mean(dim, keepdims=True))


def test_float_to_int_and_back(backend):
    a = np.array([[-2.7, -0.5, 0.0], [0.5, 1.9, 3.0]])
    t = tensor(backend, a)
    i = t.int()
    assert i.kind is Int and i.dtype == backend.B.int_elem
    check(i, np.trunc(a).astype(np.int64))  # truncation toward zero
    check(i.float(), np.trunc(a))
    assert i.int() is i and t.float() is t
    check(t.bool(), a != 0)
    check(i.bool(), np.trunc(a) != 0)
    b = tensor(backend, [True, False], Bool)
    assert b.bool() is b
    check(b.float(), [1.0, 0.0])
    check(b.int(), [1, 0])
    assert b.float().kind is Float and b.int().kind is Int


@pytest.mark.parametrize("dtype", ["float64", "float16", "float32"])
def test_cast(backend, dtype):
    t, a = floats(backend, (2, 3))
    out = t.cast(dtype)
    assert out.dtype == DType.of(dtype) and out.kind is Float
    check(out, a, Tolerance.rel_abs(1e-3, 1e-3))
    assert t.cast(DType.F64).dtype == DType.F64
    with pytest.raises(TypeError, match="cast: expected a float dtype, got int64"):
        t.cast("int64")


def test_full_precision(backend):
    t, a = floats(backend, (3,))
    half = t.cast("float16")
    assert half.to_full_precision().dtype == DType.F32
    assert t.to_full_precision() is t  # float32 already is full precision
    check(half.to_full_precision(), a, Tolerance.rel_abs(1e-3, 1e-3))
    assert half.to_full_precision().from_full_precision("float16").dtype == DType.F16
    assert half.from_full_precision().dtype == backend.B.float_elem


@pytest.mark.parametrize("kind", [Float, Int], ids=["float", "int"])
def test_one_hot(backend, kind):
    idx = np.array([[0, 2], [3, 1]])
    out = tensor(backend, idx, kind).one_hot(4)
    assert out.kind is kind
    check(out, np.eye(4)[idx])
    with pytest.raises(IndexError, match=r"one_hot: class indices must be in \[0, 3\), "
                                         r"got values in \[0, 3\]"):
        tensor(backend, idx, kind).one_hot(3)
    with pytest.raises(IndexError, match=r"one_hot: class indices must be in \[0, 3\), "
                                         r"got values in \[-1, 0\]"):
        tensor(backend, [-1, 0], kind).one_hot(3)


def test_all_close(backend):
    t, a = floats(backend, (3,))
    assert t.all_close(tensor(backend, a + 1e-7))
    assert not t.all_close(tensor(backend, a + 1e-2))
    assert t.all_close(tensor(backend, a + 1e-2), atol=0.1)


# --- bool ---------------------------------------------------------------------------------------
def test_bool_logic(backend):
    a, b = np.array([True, True, False, False]), np.array([True, False, True, False])
    x, y = tensor(backend, a, Bool), tensor(backend, b, Bool)
    for out, exp in [(x.bool_not(), ~a), (x.logical_not(), ~a), (~x, ~a),
                     (x.bool_and(y), a & b), (x.logical_and(y), a & b), (x & y, a & b),
                     (x.bool_or(y), a | b), (x.logical_or(y), a | b), (x | y, a | b),
                     (x.bool_xor(y), a ^ b), (x.logical_xor(y), a ^ b), (x ^ y, a ^ b),
                     (x & tensor(backend, [True], Bool), a)]:
        assert out.kind is Bool
        check(out, exp)
    with pytest.raises(KindError, match="bool_not: expected a Bool tensor, got a Float tensor"):
        ~tensor(backend, [1.0])


# --- activations -----------------------------------------------------------------------------
def _softplus(a: np.ndarray, beta: float = 1.0) -> np.ndarray:
    return np.logaddexp(0.0, beta * a) / beta


def _softmax(a: np.ndarray, dim: int) -> np.ndarray:
    e = np.exp(a - a.max(dim, keepdims=True))
    return e / e.sum(dim, keepdims=True)


def _elu(a: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    return np.where(a > 0, a, alpha * np.expm1(np.minimum(a, 0)))


_SELU = (1.6732632423543772, 1.0507009873554805)
_ALPHA = np.array([0.25, -0.5, 1.5, 0.1, 2.0])

# name, pyburn call, float64 reference, torch.nn.functional call (or None: no torch twin)
ACTIVATIONS: list[tuple[str, Callable[..., Any], Callable[[np.ndarray], np.ndarray], Any]] = [
    ("relu", activation.relu, lambda a: np.maximum(a, 0), lambda F, x: F.relu(x)),
    ("sigmoid", activation.sigmoid, lambda a: 1 / (1 + np.exp(-a)), lambda F, x: F.sigmoid(x)),
    ("tanh", activation.tanh, np.tanh, lambda F, x: F.tanh(x)),
    ("gelu", activation.gelu, lambda a: a * 0.5 * (1 + _erf(a / math.sqrt(2))), lambda F, x: F.gelu(x)),
    ("gelu_tanh", activation.gelu_tanh,
     lambda a: 0.5 * a * (1 + np.tanh(math.sqrt(2 / math.pi) * (a + 0.044715 * a ** 3))),
     lambda F, x: F.gelu(x, approximate="tanh")),
    ("silu", activation.silu, lambda a: a / (1 + np.exp(-a)), lambda F, x: F.silu(x)),
    ("swish", activation.swish, lambda a: a / (1 + np.exp(-a)), lambda F, x: F.silu(x)),
    ("softplus", activation.softplus, _softplus, lambda F, x: F.softplus(x)),
    ("softplus_beta", lambda x: activation.softplus(x, 2.0), lambda a: _softplus(a, 2.0),
     lambda F, x: F.softplus(x, beta=2.0)),
    ("log_sigmoid", activation.log_sigmoid, lambda a: -_softplus(-a), lambda F, x: F.logsigmoid(x)),
    ("mish", activation.mish, lambda a: a * np.tanh(_softplus(a)), lambda F, x: F.mish(x)),
    ("softmax", lambda x: activation.softmax(x, 1), lambda a: _softmax(a, 1),
     lambda F, x: F.softmax(x, 1)),
    ("softmax_dim0", lambda x: activation.softmax(x, -2), lambda a: _softmax(a, 0),
     lambda F, x: F.softmax(x, 0)),
    ("log_softmax", lambda x: activation.log_softmax(x, -1), lambda a: np.log(_softmax(a, 1)),
     lambda F, x: F.log_softmax(x, -1)),
    ("quiet_softmax", lambda x: activation.quiet_softmax(x, 1),
     lambda a: np.exp(a) / (1 + np.exp(a).sum(1, keepdims=True)), None),
    ("leaky_relu", activation.leaky_relu, lambda a: np.where(a > 0, a, 0.01 * a),
     lambda F, x: F.leaky_relu(x)),
    ("leaky_relu_slope", lambda x: activation.leaky_relu(x, 0.2), lambda a: np.where(a > 0, a, 0.2 * a),
     lambda F, x: F.leaky_relu(x, 0.2)),
    ("elu", activation.elu, _elu, lambda F, x: F.elu(x)),
    ("elu_alpha", lambda x: activation.elu(x, 0.5), lambda a: _elu(a, 0.5), lambda F, x: F.elu(x, 0.5)),
    ("selu", activation.selu, lambda a: _SELU[1] * _elu(a, _SELU[0]), lambda F, x: F.selu(x)),
    ("hard_sigmoid", activation.hard_sigmoid, lambda a: np.clip(0.2 * a + 0.5, 0, 1), None),
    ("hard_sigmoid_torch", lambda x: activation.hard_sigmoid(x, 1 / 6, 0.5),
     lambda a: np.clip(a / 6 + 0.5, 0, 1), lambda F, x: F.hardsigmoid(x)),
    ("hard_swish", activation.hard_swish, lambda a: a * np.clip(a + 3, 0, 6) / 6,
     lambda F, x: F.hardswish(x)),
    ("softsign", activation.softsign, lambda a: a / (1 + np.abs(a)), lambda F, x: F.softsign(x)),
    ("prelu", "prelu", lambda a: np.where(a > 0, a, _ALPHA * a), "prelu"),
]


def _activation_input(backend: Any) -> tuple[Any, np.ndarray]:
    a = np.concatenate([np.linspace(-6, 6, 25), [-30.0, 30.0, -4.0, 0.3, 1e-3]]).reshape(6, 5)
    a = a.astype(np.float32).astype(np.float64)
    return tensor(backend, a), a


def _run_activation(fn: Any, t: Any, backend: Any) -> Any:
    if fn == "prelu":
        return activation.prelu(t, tensor(backend, _ALPHA))
    return fn(t)


@pytest.mark.parametrize("name, fn, ref, torch_fn", ACTIVATIONS, ids=ids(ACTIVATIONS))
def test_activation_matches_reference(backend, name, fn, ref, torch_fn):
    t, a = _activation_input(backend)
    check(_run_activation(fn, t, backend), ref(a), Tolerance.rel_abs(1e-5, 1e-6))
    # float64: the same formula to (nearly) double precision
    t64 = Tensor[backend.f64.B].from_data(a, device=backend.device)
    check(_run_activation(fn, t64, backend.f64), ref(a), Tolerance.rel_abs(1e-9, 1e-12))


@pytest.mark.parametrize("name, fn, ref, torch_fn", [r for r in ACTIVATIONS if r[3] is not None],
                         ids=ids([r for r in ACTIVATIONS if r[3] is not None]))
def test_activation_matches_torch(backend, name, fn, ref, torch_fn):
    torch = pytest.importorskip("torch", reason="torch is not installed: no torch.nn.functional twin")
    F = torch.nn.functional
    t, a = _activation_input(backend)
    x = torch.tensor(a, dtype=torch.float64)
    expected = (F.prelu(x, torch.tensor(_ALPHA)) if torch_fn == "prelu" else torch_fn(F, x)).numpy()
    check(_run_activation(fn, t, backend), expected, Tolerance.rel_abs(1e-5, 1e-6))


def test_activations_are_stable_for_large_inputs(backend):
    t = tensor(backend, [-1000.0, -80.0, 0.0, 80.0, 1000.0])
    for fn in (activation.sigmoid, activation.softplus, activation.log_sigmoid, activation.mish,
               activation.silu, lambda x: activation.softmax(x, 0), lambda x: activation.log_softmax(x, 0)):
        out = fn(t).to_numpy()
        assert np.isfinite(out).all(), (fn, out)


# --- dtype variants -------------------------------------------------------------------------
def test_float64_variant(backend):
    B64 = backend.f64.B
    assert B64 is backend.B.with_dtypes(float="float64")
    t = Tensor[B64].from_data([1.0, 2.0], device=backend.device)
    assert t.dtype == DType.F64
    tiny = (t + 1e-12) - t  # survives in float64, lost in float32
    check(tiny, [1e-12, 1e-12], Tolerance.rel_abs(1e-3, 0.0))
    assert (t.reshape([1, 2]).exp() @ t.reshape([2, 1])).dtype == DType.F64
    assert t.sum().dtype == DType.F64 and t.mean_dim(0).dtype == DType.F64
    assert Tensor[B64].random([2], device=backend.device).dtype == DType.F64
    assert Tensor[B64, Int].arange(3, device=backend.device).dtype == backend.B.int_elem


def test_float16_variant(backend):
    B16 = backend.with_float("float16").B
    dev = backend.device
    a = np.linspace(-2, 2, 12).reshape(3, 4)
    t = Tensor[B16].from_data(a, device=dev)
    assert t.dtype == DType.F16
    tol = Tolerance.rel_abs(5e-3, 5e-3)
    for out, exp in [(t + t, a + a), (t * 3.0, a * 3), (t.exp(), np.exp(a)), (t.tanh(), np.tanh(a)),
                     (t.sum_dim(1), a.sum(1, keepdims=True)), (t.max_dim(0), a.max(0, keepdims=True)),
                     (t @ t.T, a @ a.T), (activation.softmax(t, 1), _softmax(a, 1))]:
        assert out.dtype == DType.F16
        check(out, exp, Tolerance.rel_abs(1e-2, 1e-2) if out.shape == (3, 3) else tol)


def test_with_dtypes_validation(backend):
    B = backend.B
    assert B.with_dtypes(float="float64") is B.with_dtypes(float="float64")
    assert B.with_dtypes(float=B.float_elem) is B
    with pytest.raises(ValueError, match="float dtype must be a float type"):
        B.with_dtypes(float="int32")
    with pytest.raises(ValueError, match="int dtype must be an int type"):
        B.with_dtypes(int="float32")
    i32 = B.with_dtypes(int="int32")
    assert Tensor[i32, Int].arange(3, device=backend.device).dtype == DType.I32


# --- TensorData and Tolerance ------------------------------------------------------------------
def test_tensor_data_roundtrip_through_backend(backend):
    data = TensorData([[1.0, 2.5], [-3.0, 4.0]])
    assert data.dtype == DType.F64 and data.shape == (2, 2)
    out = Tensor[backend.B].from_data(data, device=backend.device).to_data()
    assert out.dtype == backend.B.float_elem  # converted to the backend's float type
    out.assert_eq(data.convert(backend.B.float_elem))
    out.assert_approx_eq(data)
    with pytest.raises(AssertionError, match="dtypes differ"):
        out.assert_eq(data)  # strict compares dtypes too
    out.assert_eq(data, strict=False)
    ints = Tensor[backend.B, Int].from_data(TensorData([1, 2], dtype="int32"), device=backend.device)
    assert ints.to_data().dtype == backend.B.int_elem


def test_tensor_data_construction():
    d = TensorData([1, 2, 3, 4, 5, 6], shape=[2, 3], dtype="float32")
    assert d.shape == (2, 3) and d.rank == 2 and d.num_elements() == 6 and d.dtype == DType.F32
    assert d.to_list() == [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    assert d.to_vec() == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    assert TensorData([True, False]).dtype == DType.BOOL
    assert TensorData([1, 2]).dtype == DType.I64
    assert TensorData(np.zeros(2, np.int16)).dtype == DType.I16
    assert TensorData(3.5).item() == 3.5 and TensorData(3.5).shape == ()
    assert d.convert("int64").dtype == DType.I64
    assert TensorData(d).dtype == DType.F32 and TensorData(d, dtype="f64").dtype == DType.F64
    with pytest.raises(ValueError, match="rectangular"):
        TensorData([[1, 2], [3]])
    with pytest.raises(ValueError, match="must be numbers"):
        TensorData(["a", "b"])
    with pytest.raises(ValueError, match="do not fit shape"):
        TensorData([1, 2, 3], shape=[2, 2])
    with pytest.raises(ValueError, match="expected one element"):
        d.item()


def test_tensor_data_is_immutable_and_copies():
    source = np.array([1.0, 2.0])
    d = TensorData(source)
    source[0] = 99.0
    assert d.to_list() == [1.0, 2.0]
    with pytest.raises(ValueError):
        d.as_numpy()[0] = 5.0
    copy = d.to_numpy()
    copy[0] = 5.0
    assert d.to_list() == [1.0, 2.0]
    wrapped = TensorData.from_numpy(np.arange(3, dtype=np.float32))
    assert wrapped.dtype == DType.F32 and not wrapped.as_numpy().flags.writeable


def test_tensor_data_equality_and_repr():
    a = TensorData([1.0, float("nan")])
    assert a == TensorData([1.0, float("nan")])  # NaN equals NaN for values
    assert a != TensorData([1.0, float("nan")], dtype="float32")
    assert TensorData([1, 2]) != TensorData([[1, 2]])
    a.assert_eq(TensorData([1.0, float("nan")]))
    with pytest.raises(AssertionError, match=r"assert_eq: 1 of 2 values differ\n  at \[0\]: 1.0 != 2.0"):
        TensorData([1.0, 2.0]).assert_eq(TensorData([2.0, 2.0]))
    with pytest.raises(AssertionError, match=r"shapes differ: \[2\] vs \[1, 2\]"):
        TensorData([1.0, 2.0]).assert_eq([[1.0, 2.0]])
    assert repr(TensorData([1.5, 2.0], dtype="float32")) == "TensorData([1.5, 2. ], shape=[2], dtype=float32)"
    with pytest.raises(TypeError):
        hash(a)


TOLERANCE_CASES = [
    # a, b, tolerance, passes
    (100.0, 100.4, Tolerance.default(), True),        # 0.4 <= 0.005 * 100.4
    (100.0, 100.6, Tolerance.default(), False),
    (0.0, 9e-6, Tolerance.default(), True),           # absolute floor 1e-5
    (0.0, 2e-5, Tolerance.default(), False),
    (1.0, 1.009, Tolerance.permissive(), True),
    (0.0, 0.009, Tolerance.permissive(), True),
    (0.0, 0.02, Tolerance.permissive(), False),
    (1.0, 1.0 + 1e-12, Tolerance.strict(), False),
    (2.0, 2.0, Tolerance.strict(), True),
    (1.0, 1.05, Tolerance.rel_abs(0.1, 0.0), True),
    (1.0, 1.05, Tolerance.absolute_only(0.01), False),
    (1000.0, 1001.0, Tolerance.relative_only(0.01), True),
    (0.0, 0.05, 0.1, True),                           # a float is an absolute tolerance
    (0.0, 0.05, 0.01, False),
    (float("inf"), float("inf"), Tolerance.default(), True),
    (float("inf"), 1e30, Tolerance.permissive(), False),
    (float("nan"), float("nan"), Tolerance.default(), True),
    (float("nan"), 1.0, Tolerance.permissive(), False),
]


@pytest.mark.parametrize("a, b, tol, passes", TOLERANCE_CASES)
def test_tolerance_semantics(a, b, tol, passes):
    if passes:
        TensorData([a]).assert_approx_eq(TensorData([b]), tol)
        TensorData([b]).assert_approx_eq(TensorData([a]), tol)  # symmetric
    else:
        with pytest.raises(AssertionError, match="assert_approx_eq: 1 of 1 values differ"):
            TensorData([a]).assert_approx_eq(TensorData([b]), tol)


def test_tolerance_values():
    assert Tolerance() == Tolerance.default() == Tolerance(0.005, 1e-5)
    assert Tolerance.permissive() == Tolerance(0.01, 0.01)
    assert Tolerance.rel_abs(0.1, 0.2) == Tolerance(relative=0.1, absolute=0.2)
    assert TensorData([1.0]).assert_approx_eq([1.0]) is None  # default tolerance, list input


def test_clone_and_from_dlpack(backend):
    """The protocols have their own files: test_pytorch_habits.py, test_dlpack.py."""
    t = tensor(backend, [1.0, 2.0])
    assert t.clone() is t  # values are immutable: a tensor is its own clone
    assert type(t).from_dlpack(t).tolist() == [1.0, 2.0]


# --- Burn's ops beyond the Book's tables (values: tests/burn/, the ported Burn tests) -----------
def test_extra_math_ops_match_torch(backend):
    import torch
    x = np.array([[0.3, -0.7, 0.5], [-0.2, 0.9, -0.4]])
    y = np.array([[1.5, 0.4, -2.0], [0.8, -1.2, 2.5]])
    t, u = tensor(backend, x), tensor(backend, y)
    tx, ty = torch.tensor(x), torch.tensor(y)
    checks = {
        "sinh": (t.sinh(), tx.sinh()), "cosh": (t.cosh(), tx.cosh()), "asin": (t.asin(), tx.asin()),
        "acos": (t.acos(), tx.acos()), "atan": (t.atan(), tx.atan()),
        "asinh": (t.asinh(), tx.asinh()), "acosh": ((t.abs() + 1.0).acosh(), (tx.abs() + 1).acosh()),
        "atanh": (t.atanh(), tx.atanh()), "atan2": (t.atan2(u), torch.atan2(tx, ty)),
        "hypot": (t.hypot(u), torch.hypot(tx, ty)), "fmod": (u.fmod(t), torch.fmod(ty, tx)),
        "fmod_scalar": (u.fmod_scalar(0.7), torch.fmod(ty, 0.7)),
        "deg2rad": (t.deg2rad(), torch.deg2rad(tx)), "rad2deg": (t.rad2deg(), torch.rad2deg(tx)),
        "cross": (t.cross(u, 1), torch.linalg.cross(tx, ty, dim=1)),
        "cumprod": (t.cumprod(1), tx.cumprod(1)), "cummin": (t.cummin(1), tx.cummin(1).values),
        "cummax": (t.cummax(0), tx.cummax(0).values),
        "sum_dims": (t.sum_dims([0, 1]), tx.sum((0, 1), keepdim=True)),
        "mean_dims": (t.mean_dims([1]), tx.mean(1, keepdim=True)),
        "prod_dims": (t.prod_dims([0]), tx.prod(0, keepdim=True)),
        "max_dims": (t.max_dims([1]), tx.amax(1, keepdim=True)),
        "min_dims": (t.min_dims([1]), tx.amin(1, keepdim=True)),
        "max_abs_dims": (t.max_abs_dims([1]), tx.abs().amax(1, keepdim=True)),
        "max_abs_dim": (t.max_abs_dim(0), tx.abs().amax(0, keepdim=True)),
        "max_abs": (t.max_abs(), tx.abs().max().reshape(1)),
        "sum_dims_squeeze": (t.sum_dims_squeeze([1]), tx.sum(1)),
        "median": (t.median(1), tx.median(1, keepdim=True).values),
        "cov": (t.cov(1, 1), torch.cov(tx)),
        "dot": (t.reshape([6]).dot(u.reshape([6])), torch.dot(tx.reshape(6), ty.reshape(6)).reshape(1)),
        "roll": (t.roll([1], [1]), torch.roll(tx, -1, 1)),
        "roll_dim": (t.roll_dim(-1, 0), torch.roll(tx, 1, 0)),
        "unfold": (t.unfold(1, 2, 1), tx.unfold(1, 2, 1)),
        "pad": (t.pad((1, 2), 0.5), torch.nn.functional.pad(tx, (1, 2), value=0.5)),
        "slice_dim": (t.slice_dim(1, slice(0, 3, 2)), tx[:, 0:3:2]),
        "mask_select": (t.mask_select(t > 0.0), tx[tx > 0]),
        "celu": (activation.celu(t, 2.0), torch.nn.functional.celu(tx, 2.0)),
        "glu": (activation.glu(t.pad((0, 1), 0.0), 1), torch.nn.functional.glu(torch.nn.functional.pad(tx, (0, 1)), 1)),
        "hardtanh": (activation.hardtanh(t, -0.5, 0.5), torch.nn.functional.hardtanh(tx, -0.5, 0.5)),
        "relu6": (activation.relu6(u * 4.0), torch.nn.functional.relu6(ty * 4)),
        "softmin": (activation.softmin(t, 1), torch.nn.functional.softmin(tx, 1)),
        "threshold": (activation.threshold(t, 0.1, 9.0), torch.nn.functional.threshold(tx, 0.1, 9.0)),
        "thresholded_relu": (activation.thresholded_relu(t, 0.1), torch.nn.functional.threshold(tx, 0.1, 0.0)),
        "tanhshrink": (activation.tanhshrink(t), torch.nn.functional.tanhshrink(tx)),
        "hard_shrink": (activation.hard_shrink(t, 0.3), torch.nn.functional.hardshrink(tx, 0.3)),
        "soft_shrink": (activation.soft_shrink(t, 0.3), torch.nn.functional.softshrink(tx, 0.3)),
        "shrink": (activation.shrink(t, 0.3, 0.3), torch.nn.functional.softshrink(tx, 0.3)),
    }
    for name, (ours, theirs) in checks.items():
        np.testing.assert_allclose(ours.to_numpy(), theirs.numpy(), rtol=1e-5, atol=1e-6, err_msg=name)


def test_extra_index_ops(backend):
    t = tensor(backend, [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    idx = tensor(backend, [[1, 2], [0, 0]], Int)
    assert t.gather_nd(idx).tolist() == [6.0, 1.0]
    from pyburn import IndexingUpdateOp
    assert t.scatter_nd(idx, tensor(backend, [9.0, 7.0]), IndexingUpdateOp.Max).tolist() == \
        [[7.0, 2.0, 3.0], [4.0, 5.0, 9.0]]
    assert t.take(1, tensor(backend, [[2, 0]], Int)).tolist() == [[[3.0, 1.0]], [[6.0, 4.0]]]
    assert t.argtopk(2, 1).tolist() == [[2, 1], [2, 1]]
    assert t.argsort_descending(1).tolist() == [[2, 1, 0], [2, 1, 0]]
    assert t.sort_descending_with_indices(0)[1].tolist() == [[1, 1, 1], [0, 0, 0]]
    assert t.median_with_indices(1)[1].tolist() == [[1], [1]]
    assert t.is_close(t + 1e-9).all().into_scalar() and t.is_finite().all().into_scalar()
    assert t.one_hot_fill(7, 1.0, -1.0, -1).shape == Shape([2, 3, 7])
    cls = Tensor[backend.B, Bool]
    assert cls.tril_mask([2, 2], 0, backend.device).tolist() == [[False, True], [False, False]]
    assert cls.triu_mask([2, 2], 0, backend.device).tolist() == [[False, False], [True, False]]
    assert cls.diag_mask([2, 2], 0, backend.device).tolist() == [[False, True], [True, False]]
    draws = (t * 0.0 + tensor(backend, [[0.0, 1.0, 0.0]])).categorical(4)
    assert draws.tolist() == [[1, 1, 1, 1], [1, 1, 1, 1]]
    n = tensor(backend, [12, 10], Int)
    m = tensor(backend, [10, 6], Int)
    assert n.bitwise_and(m).tolist() == [8, 2] and n.bitwise_or(m).tolist() == [14, 14]
    assert n.bitwise_xor(m).tolist() == [6, 12] and n.bitwise_not().tolist() == [-13, -11]
    assert n.bitwise_and_scalar(4).tolist() == [4, 0] and n.bitwise_or_scalar(1).tolist() == [13, 11]
    assert n.bitwise_xor_scalar(1).tolist() == [13, 11]
    assert n.bitwise_left_shift(tensor(backend, [1, 2], Int)).tolist() == [24, 40]
    assert n.bitwise_right_shift(tensor(backend, [1, 2], Int)).tolist() == [6, 2]
    assert n.bitwise_left_shift_scalar(1).tolist() == [24, 20]
    assert n.bitwise_right_shift_scalar(1).tolist() == [6, 5]


def test_grid_ops_match_torch(backend):
    import torch
    from pyburn.tensor import GridSampleOptions, GridSamplePaddingMode
    x = np.arange(18.0).reshape(1, 2, 3, 3)
    g = np.array([[[[0.0, 0.0], [-1.0, 0.25]], [[1.0, 1.0], [0.2, -0.8]], [[1.7, -1.3], [-0.6, 0.9]]]])
    t, grid = tensor(backend, x), tensor(backend, g)
    for pad in ("zeros", "border", "reflection"):
        for align in (False, True):
            opts = GridSampleOptions().with_padding_mode(GridSamplePaddingMode(pad)) \
                .with_align_corners(align)
            ref = torch.nn.functional.grid_sample(torch.tensor(x), torch.tensor(g), "bilinear",
                                                  pad, align)
            np.testing.assert_allclose(t.grid_sample_2d(grid, opts).to_numpy(), ref.numpy(),
                                       rtol=1e-5, atol=1e-5, err_msg=f"{pad}, {align}")
    cells = Tensor[backend.B, Int].cartesian_grid([2, 3], backend.device)
    assert cells.shape == Shape([2, 3, 2]) and cells.tolist()[1][2] == [1, 2]


def test_transaction_reads_registered_tensors_in_order(backend):
    from pyburn.tensor import Transaction
    a, b = tensor(backend, [[1.0, 2.0]]), tensor(backend, [3, 4], Int)
    data = Transaction.default().register(a.transpose()).register(b).execute()
    assert [d.to_list() for d in data] == [[[1.0], [2.0]], [3, 4]]


def test_extra_ops_refuse_bad_input_naming_the_op(backend):
    t = tensor(backend, [[1.0, 2.0, 3.0]])
    from pyburn.tensor.errors import ShapeError
    with pytest.raises(ShapeError, match="cross: dim 1 must have size 3"):
        t.pad((0, 1), 0.0).cross(t.pad((0, 1), 0.0), 1)
    with pytest.raises(ShapeError, match="dot: expected two 1-D tensors of the same size"):
        t.reshape([3]).dot(tensor(backend, [1.0, 2.0]))
    with pytest.raises(ShapeError, match="mask_select: the mask's shape"):
        t.mask_select(tensor(backend, [True], Bool))
    with pytest.raises(ShapeError, match="pad: reflect padding"):
        t.pad((3, 0), __import__("pyburn").PadMode.Reflect)
    with pytest.raises(ValueError, match="scatter_nd: IndexingUpdateOp.Mul with repeated indices"):
        from pyburn import IndexingUpdateOp
        t.scatter_nd(tensor(backend, [[0, 1], [0, 1]], Int), tensor(backend, [2.0, 3.0]),
                     IndexingUpdateOp.Mul)
    with pytest.raises(ShapeError, match="iter_dim"):
        t.iter_dim(2)


# --- every op has a test --------------------------------------------------------------------
# Tensor attributes that are not ops (or are covered by another test file).
NOT_OPS = {"backend", "kind", "backward", "grad", "grad_remove", "grad_replace", "inner",
           "from_inner", "detach", "require_grad", "set_require_grad", "is_require_grad"}


def test_every_tensor_method_is_exercised_here():
    """A new public Tensor method (or activation) without a use in this file fails the suite."""
    source = Path(__file__).read_text()
    body = source.split("# --- every op has a test")[0]
    names = {n for n in dir(Tensor) if not n.startswith("_")} - NOT_OPS
    names |= set(activation.__all__)
    missing = sorted(n for n in names if not re.search(rf"\b{re.escape(n)}\b", body))
    assert not missing, f"ops without a test in test_tensor_ops.py: {missing}"
    autodiff_tests = (Path(__file__).parent / "test_autodiff.py").read_text()
    untested = sorted(n for n in NOT_OPS - {"backend", "kind"}
                      if not re.search(rf"\b{n}\b", autodiff_tests))
    assert not untested, f"autodiff methods without a test in test_autodiff.py: {untested}"


def test_assert_within_range():
    TensorData([0.0, 0.5, 0.999]).assert_within_range(0.0, 1.0)
    TensorData([0.0, 1.0]).assert_within_range_inclusive(0.0, 1.0)
    with pytest.raises(AssertionError, match=r"assert_within_range: 1 of 2 values outside "
                                             r"\[0.0, 1.0\)\n  at \[1\]: 1.0"):
        TensorData([0.5, 1.0]).assert_within_range(0.0, 1.0)
    with pytest.raises(AssertionError, match="1 of 1 values outside"):
        TensorData([float("nan")]).assert_within_range_inclusive(0.0, 1.0)
    with pytest.raises(ValueError, match="empty range"):
        TensorData([0.5]).assert_within_range(1.0, 0.0)
