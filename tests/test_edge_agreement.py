"""Cross-backend agreement on edge values: the same result or the same error on every row.

Each test states the expected values once, as constants or from a pure-Python reference of
Burn's rules, so every backend row is held to the same answer: casts at NaN, infinities and the
int range (Rust's ``as``), integer division and remainder signs and division by zero, indices
and slices out of range, non-integer shapes, empty tensors, and NaN/inf in reductions and sorts.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np
import pytest

from pyburn import Bool, Float, Int, Shape, Tensor, TensorData
from pyburn.nn import EmbeddingConfig
from pyburn.tensor.errors import ShapeError

NAN, INF = math.nan, math.inf


def rust_as(value: float, dtype: str) -> int:
    """Rust's ``value as <int>``: truncate toward zero, saturate at the type's range, NaN -> 0."""
    info = np.iinfo(dtype)
    if math.isnan(value):
        return 0
    if math.isinf(value):
        return int(info.max) if value > 0 else int(info.min)
    return max(int(info.min), min(int(info.max), math.trunc(value)))


def ints(case: Any, values: Any) -> Any:
    return Tensor[case.B, Int].from_data(values, device=case.device)


# --- casts ----------------------------------------------------------------------------------------
CAST_VALUES = [INF, -INF, NAN, 1e30, -1e30, 2.5, -2.5, 0.7, -0.7, -0.0, 0.0,
               2.0 ** 31, -(2.0 ** 31) - 1024, 2.0 ** 63, -(2.0 ** 63), 32767.0, -32769.0, 255.9]


@pytest.mark.parametrize("int_dtype", ["int64", "int32", "int16", "int8", "uint8"])
@pytest.mark.parametrize("float_dtype", ["float32", "float64"])
def test_float_to_int_is_rusts_as(backend: Any, float_dtype: str, int_dtype: str) -> None:
    B = backend.B.with_dtypes(float=float_dtype, int=int_dtype)
    floats = Tensor[B].from_data(CAST_VALUES, device=backend.device)
    # The reference starts from the values as stored (float32 rounds some of them).
    expected = [rust_as(v, int_dtype) for v in floats.to_data().to_list()]
    out = floats.int()
    assert out.dtype.value == int_dtype
    assert out.tolist() == expected
    # from_data into an Int tensor casts float data by the same rule.
    direct = Tensor[B, Int].from_data(CAST_VALUES, device=backend.device)
    assert direct.tolist() == [rust_as(v, int_dtype) for v in CAST_VALUES]
    assert TensorData(CAST_VALUES, dtype=int_dtype).to_list() == direct.tolist()


@pytest.mark.parametrize("int_dtype", ["int64", "int32"])
def test_float_fill_of_an_int_tensor_is_rusts_as(backend: Any, int_dtype: str) -> None:
    B = backend.B.with_dtypes(int=int_dtype)
    values = [2.5, -2.5, NAN, 1e30, -INF]
    mask = Tensor[B, Int].zeros([2], device=backend.device).equal_elem(0)
    for v in values:
        expected = [rust_as(v, int_dtype)] * 2
        assert Tensor[B, Int].full([2], v, device=backend.device).tolist() == expected
        assert Tensor[B, Int].zeros([2], device=backend.device).mask_fill(mask, v).tolist() == expected


def test_int_range_edges_round_trip_through_float(backend: Any) -> None:
    edges = [int(np.iinfo(np.int64).max), int(np.iinfo(np.int64).min), 0, -1]
    t = ints(backend, edges)
    assert t.tolist() == edges
    # int64 max is not a float: it rounds up to 2**63, which saturates back to the max.
    assert t.float().int().tolist() == edges


def test_bool_casts(backend: Any) -> None:
    f = backend.tensor([NAN, -0.0, 0.0, INF, -1e-30])
    assert f.bool().tolist() == [True, False, False, True, True]  # NaN != 0, as Burn's `bool`
    assert ints(backend, [0, -3, 5]).bool().tolist() == [False, True, True]
    b = Tensor[backend.B, Bool].from_data([True, False], device=backend.device)
    assert b.int().tolist() == [1, 0]
    assert b.float().tolist() == [1.0, 0.0]


# --- integer division and remainder ---------------------------------------------------------------
def test_int_division_truncates_and_remainder_takes_the_divisors_sign(backend: Any) -> None:
    """Burn: ``int_div`` is Rust's ``/`` (toward zero); ``int_remainder`` is Python's ``%``
    (the sign of the divisor), as burn-flex's ``((a % b) + b) % b`` and torch's remainder."""
    a, b = [7, -7, 7, -7, 0, 6], [2, 2, -2, -2, 3, -3]
    assert (ints(backend, a) / ints(backend, b)).tolist() == [3, -3, -3, 3, 0, -2]
    assert (ints(backend, a) % ints(backend, b)).tolist() == [x % y for x, y in zip(a, b)]
    assert (ints(backend, [7, -7]).div_scalar(-2)).tolist() == [-3, 3]
    assert (ints(backend, [7, -7]).remainder_scalar(-2)).tolist() == [-1, -1]
    assert (7 / ints(backend, [-2, 2])).tolist() == [-3, 3]
    assert (-7 % ints(backend, [2, -2])).tolist() == [1, -1]


@pytest.mark.parametrize("op, name", [
    (lambda x, z: x / z, "div: integer division by zero"),
    (lambda x, z: x % z, "remainder: integer remainder by zero"),
    (lambda x, z: x.div(z), "div: integer division by zero"),
    (lambda x, z: x.remainder(z), "remainder: integer remainder by zero"),
], ids=["div", "mod", "div_method", "remainder_method"])
@pytest.mark.parametrize("divisor", ["scalar", "tensor", "reflected"])
def test_int_division_by_zero_raises_on_every_backend(backend: Any, op: Callable[..., Any],
                                                      name: str, divisor: str) -> None:
    x = ints(backend, [7, -7, 0])
    if divisor == "scalar":
        with pytest.raises(ZeroDivisionError, match=name + r" \(Int tensor of shape \[3\] by the"):
            op(x, 0)
    elif divisor == "tensor":
        with pytest.raises(ZeroDivisionError, match=name + r" \(the Int divisor of shape \[3\]"):
            op(x, ints(backend, [1, 0, 2]))
    else:  # a scalar divided by a tensor holding a 0
        with pytest.raises(ZeroDivisionError, match=name):
            op(ints(backend, [5, 5, 5]).full_like(5), x)


def test_float_division_by_zero_is_ieee(backend: Any) -> None:
    with np.errstate(divide="ignore", invalid="ignore"):
        q = backend.tensor([1.0, -1.0, 0.0]) / 0.0
        r = backend.tensor([5.0, -5.0, 5.0, 1.0]) % backend.tensor([-3.0, 3.0, 0.0, INF])
    TensorData([INF, -INF, NAN]).assert_eq(q.to_data().convert("float64"))
    TensorData([-1.0, 1.0, NAN, 1.0]).assert_eq(r.to_data().convert("float64"))


# --- indices ----------------------------------------------------------------------------------------
INDEX_CASES: list[tuple[str, Callable[[Any], Any], str]] = [
    ("select_negative", lambda c: c.tensor([[1.0], [2.0]]).select(0, ints(c, [-1])),
     r"select: index -1 is out of range for dim 0 of size 2 \(indices must be in \[0, 2\)\)"),
    ("select_past_end", lambda c: c.tensor([[1.0], [2.0]]).select(-1, ints(c, [0, 1])),
     r"select: index 1 is out of range for dim 1 of size 1"),
    ("select_int", lambda c: ints(c, [4, 5]).select(0, ints(c, [2])),
     r"select: index 2 is out of range for dim 0 of size 2"),
    ("index_tensor", lambda c: c.tensor([1.0, 2.0])[ints(c, [-1])],
     r"select: index -1 is out of range for dim 0 of size 2"),
    ("gather", lambda c: c.tensor([[1.0, 2.0]]).gather(1, ints(c, [[0, 2]])),
     r"gather: index 2 is out of range for dim 1 of size 2"),
    ("gather_negative", lambda c: c.tensor([[1.0, 2.0]]).gather(1, ints(c, [[-1, 0]])),
     r"gather: index -1 is out of range for dim 1 of size 2"),
    ("scatter", lambda c: c.tensor([0.0, 0.0]).scatter(0, ints(c, [3]), c.tensor([1.0])),
     r"scatter: index 3 is out of range for dim 0 of size 2"),
    ("select_assign", lambda c: c.tensor([0.0, 0.0]).select_assign(0, ints(c, [-2]),
                                                                   c.tensor([1.0])),
     r"select_assign: index -2 is out of range for dim 0 of size 2"),
    ("one_hot", lambda c: ints(c, [0, -1]).one_hot(3),
     r"one_hot: class indices must be in \[0, 3\), got values in \[-1, 0\]"),
    ("embedding_negative", lambda c: EmbeddingConfig(4, 2).init(c.device).forward(ints(c, [[0, -1]])),
     r"Embedding.forward: token id -1 is out of range for 4 embeddings"),
]


@pytest.mark.parametrize("name, call, message", INDEX_CASES, ids=[c[0] for c in INDEX_CASES])
def test_out_of_range_indices_raise(backend: Any, name: str, call: Callable[[Any], Any],
                                    message: str) -> None:
    with pytest.raises(IndexError, match=message):
        call(backend)


def test_in_range_and_empty_indices_still_work(backend: Any) -> None:
    t = backend.tensor([[1.0, 2.0], [3.0, 4.0]])
    assert t.select(0, ints(backend, [1, 0, 1])).tolist() == [[3.0, 4.0], [1.0, 2.0], [3.0, 4.0]]
    assert t.select(0, ints(backend, [])).shape == Shape(0, 2)
    assert t.gather(1, ints(backend, [[1], [0]])).tolist() == [[2.0], [3.0]]


# --- slices --------------------------------------------------------------------------------------------
def test_slice_starting_outside_the_tensor_raises(backend: Any) -> None:
    one = backend.tensor([1.0])
    with pytest.raises(IndexError, match=r"slice: range 5\.\.9 starts outside dim 0 of size 1 "
                                         r"\(a start must lie in \[-1, 1\]"):
        one.slice([slice(5, 9)])
    with pytest.raises(IndexError, match=r"slice: range 5\.\.9 starts outside dim 0 of size 1"):
        one.slice([(5, 9)])
    with pytest.raises(IndexError, match=r"index: range 5\.\.9 starts outside dim 0 of size 3"):
        backend.tensor([1.0, 2.0, 3.0])[5:9]
    with pytest.raises(IndexError, match=r"index: range -4\.\. starts outside dim 1 of size 3"):
        backend.tensor([[1.0, 2.0, 3.0]])[:, -4:]
    with pytest.raises(IndexError, match=r"slice_assign: range 2\.\.3 starts outside dim 0"):
        one.slice_assign([slice(2, 3)], backend.tensor([5.0]))
    with pytest.raises(IndexError, match=r"slice_fill: range 2\.\. starts outside dim 0"):
        one.slice_fill([slice(2, None)], 0.0)


def test_slice_end_is_clamped_as_burn(backend: Any) -> None:
    """Burn's ``Slice::to_range`` clamps the end to the size (its test
    ``clamp_when_slice_exceeds_dimension``); empty ranges inside the tensor stay empty."""
    t = backend.tensor([0.0, 1.0, 2.0])
    assert t.slice([(0, 4)]).tolist() == [0.0, 1.0, 2.0]
    assert t[1:9].tolist() == [1.0, 2.0]
    assert t[-2:].tolist() == [1.0, 2.0]
    assert t[:-1].tolist() == [0.0, 1.0]
    assert t[::-1].tolist() == [2.0, 1.0, 0.0]
    assert t.slice([slice(-3, None)]).tolist() == [0.0, 1.0, 2.0]
    assert t.slice([slice(2, 1)]).shape == Shape(0)  # Burn: descending range -> empty
    assert t[3:].shape == Shape(0)
    assert t.slice_assign([slice(1, 9)], backend.tensor([5.0, 6.0])).tolist() == [0.0, 5.0, 6.0]


# --- shapes -------------------------------------------------------------------------------------------
SHAPE_CASES: list[tuple[str, Callable[[Any], Any], str]] = [
    ("zeros", lambda c: Tensor[c.B].zeros([2.5, 3], device=c.device),
     r"zeros: dimension 0 must be an int, got 2\.5 of type float"),
    ("ones", lambda c: Tensor[c.B].ones([2, 3.0], device=c.device), r"ones: dimension 1 must be"),
    ("full", lambda c: Tensor[c.B, Int].full([2.5], 1, device=c.device), r"full: dimension 0"),
    ("empty", lambda c: Tensor[c.B].empty([1.5], device=c.device), r"empty: dimension 0"),
    ("random", lambda c: Tensor[c.B].random([2, 2.5], device=c.device), r"random: dimension 1"),
    ("bool_shape", lambda c: Tensor[c.B].zeros([True, 2], device=c.device),
     r"zeros: dimension 0 must be an int, got True of type bool"),
    ("reshape", lambda c: c.tensor([1.0, 2.0]).reshape([0.5, 4]), r"reshape: dimension 0"),
    ("expand", lambda c: c.tensor([1.0]).expand([2.0]), r"expand: dimension 0 must be an int"),
    ("repeat", lambda c: c.tensor([1.0]).repeat([1.5]), r"repeat: dimension 0 must be an int"),
    ("repeat_dim", lambda c: c.tensor([1.0]).repeat_dim(0, 2.5), r"repeat_dim: dimension 0"),
    ("tensor_data", lambda c: TensorData([1.0, 2.0], shape=[2.0]), r"TensorData: dimension 0"),
    ("shape", lambda c: Shape([2, 2.5]), r"Shape: dimension 1 must be an int"),
]


@pytest.mark.parametrize("name, call, message", SHAPE_CASES, ids=[c[0] for c in SHAPE_CASES])
def test_non_integer_dimension_raises(backend: Any, name: str, call: Callable[[Any], Any],
                                      message: str) -> None:
    with pytest.raises(ShapeError, match=message):
        call(backend)


def test_int_like_dimensions_are_accepted(backend: Any) -> None:
    t = Tensor[backend.B].zeros([np.int64(2), np.int32(3)], device=backend.device)
    assert t.shape == Shape(2, 3) and t.reshape([np.int64(3), -1]).shape == Shape(3, 2)
    with pytest.raises(TypeError, match=r"arange_step: end must be an int, got 2\.5"):
        Tensor[backend.B, Int].arange(2.5, device=backend.device)


# --- empty tensors ------------------------------------------------------------------------------------
def test_empty_tensors_agree(backend: Any) -> None:
    e = Tensor[backend.B].zeros([0, 3], device=backend.device)
    assert e.sum().tolist() == [0.0]
    assert e.sum_dim(0).tolist() == [[0.0, 0.0, 0.0]]
    assert e.prod_dim(0).tolist() == [[1.0, 1.0, 1.0]]
    assert e.cumsum(0).shape == Shape(0, 3) and e.argsort(0).shape == Shape(0, 3)
    assert (e.swap_dims(0, 1) @ e).tolist() == [[0.0] * 3] * 3
    assert (Tensor[backend.B].zeros([2, 0], device=backend.device) @ e).tolist() == [[0.0] * 3] * 2
    assert Tensor[backend.B].cat([e, e], 0).shape == Shape(0, 3)
    assert Tensor[backend.B].cat([e, backend.tensor([[1.0, 2.0, 3.0]])], 0).tolist() == [[1.0, 2.0, 3.0]]
    assert e.bool().any().tolist() == [False] and e.bool().all().tolist() == [True]
    assert Tensor[backend.B, Int].zeros([0], device=backend.device).sum().tolist() == [0]
    for op in ("max", "min", "mean"):
        with pytest.raises(ShapeError, match=rf"{op}: the tensor is empty"):
            getattr(e, op)()
    for op in ("argmax", "argmin", "max_dim"):
        with pytest.raises(ShapeError, match=rf"{op}: the tensor is empty \(shape \[0, 3\]\)"):
            getattr(e, op)(1)
    with pytest.raises(ShapeError, match=r"mean_dim: dim 0 of the Int tensor is empty"):
        Tensor[backend.B, Int].zeros([0, 3], device=backend.device).mean_dim(0)


# --- NaN and infinities ----------------------------------------------------------------------------------
def test_nan_and_inf_in_reductions_and_sorts(backend: Any) -> None:
    """NaN propagates through max/min, is the largest value for argmax/argmin and sorts (first
    NaN wins; NaN sorts last ascending, first descending), as NumPy and torch both do."""
    t = backend.tensor([[1.0, NAN, 3.0, -INF], [2.0, INF, 0.0, NAN]])

    def same(out: Any, expected: Any) -> None:
        TensorData(expected).assert_eq(out.to_data().convert("float64"))

    same(t.max(), [NAN])
    same(t.min(), [NAN])
    same(t.max_dim(1), [[NAN], [NAN]])
    same(t.min_dim(0), [[1.0, NAN, 0.0, NAN]])
    assert t.argmax(1).tolist() == [[1], [3]]
    assert t.argmin(1).tolist() == [[1], [3]]
    same(t.sort(1), [[-INF, 1.0, 3.0, NAN], [0.0, 2.0, INF, NAN]])
    same(t.sort(1, descending=True), [[NAN, 3.0, 1.0, -INF], [NAN, INF, 2.0, 0.0]])
    assert t.argsort(1).tolist() == [[3, 0, 2, 1], [2, 0, 1, 3]]
    assert t.argsort(1, descending=True).tolist() == [[1, 2, 0, 3], [3, 1, 0, 2]]
    same(t.clamp(0.0, 1.0), [[1.0, NAN, 1.0, 0.0], [1.0, 1.0, 0.0, NAN]])
    same(t.max_pair(t.flip([1])), [[1.0, NAN, NAN, 1.0], [NAN, INF, INF, NAN]])
    assert backend.tensor([INF, -INF]).is_inf().tolist() == [True, True]
    assert t.is_nan().any().tolist() == [True]
    assert Float is type(t).kind


def test_numpy_backend_is_ieee_silent_like_torch() -> None:
    """log(0), 0/0 and overflow give IEEE values without a RuntimeWarning, as on Torch, even
    under ``-W error``; the user's own NumPy code still warns (no global NumPy state changed)."""
    import subprocess
    import sys
    script = (
        "import numpy as np\n"
        "from pyburn import Tensor\n"
        "from pyburn.backend import NumPy\n"
        "x = Tensor[NumPy].from_data([0.0, 1.0, 1e4])\n"
        "print(x.log().tolist(), (x / x).tolist()[0], x.exp().tolist()[2])\n"
        "try:\n"
        "    np.log(np.zeros(1))\n"
        "except RuntimeWarning:\n"
        "    print('user warning kept')\n")
    proc = subprocess.run([sys.executable, "-W", "error::RuntimeWarning", "-c", script],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    log_1e4 = float(np.log(np.float32(1e4)))
    assert proc.stdout.splitlines() == [f"[-inf, 0.0, {log_1e4}] nan inf", "user warning kept"]
