"""``print(tensor)`` shows Burn's ``Display`` (Burn Book, "Getting Started"): Rust's float
style, Burn's dtype names, and Burn's summary with ``...`` above ``PrintOptions.threshold``."""

from __future__ import annotations

from typing import Iterator

import numpy as np
import pytest

from pyburn import Bool, Int, Tensor
from pyburn.tensor.display import PrintOptions, print_options, set_print_options


@pytest.fixture
def options() -> Iterator[None]:
    saved = print_options()
    yield
    set_print_options(saved)


def test_the_burn_book_example(backend):
    t = backend.tensor([[1.0, 2.0], [3.0, 4.0]]) + backend.tensor([[2.0, 2.0], [2.0, 2.0]])
    assert str(t) == repr(t) == (
        "Tensor {\n"
        "  data:\n"
        "[[3.0, 4.0],\n"
        " [5.0, 6.0]],\n"
        "  shape:  [2, 2],\n"
        f"  device:  {backend.device},\n"
        f'  backend:  "{backend.B.name()}",\n'
        '  kind:  "Float",\n'
        '  dtype:  "f32",\n'
        "}")


FLOATS = [(3.0, "3.0"), (0.1, "0.1"), (2.5, "2.5"), (-0.0, "-0.0"), (0.0001, "0.0001"),
          (1e-5, "1e-5"), (-3.25e-7, "-3.25e-7"), (1e15, "1000000000000000.0"), (1e16, "1e16"),
          (1.5e17, "1.5e17"), (float("nan"), "NaN"), (float("inf"), "inf"),
          (float("-inf"), "-inf")]


def data_line(t) -> str:
    return str(t).splitlines()[2]


@pytest.mark.parametrize("value, text", FLOATS, ids=[t for _, t in FLOATS])
def test_floats_print_as_rust_debug(backend, value, text):
    assert data_line(backend.tensor([value])) == f"[{text}],"


def test_float64_keeps_its_digits(backend):
    t = backend.f64.tensor([0.1, 1.0 / 3.0])
    assert data_line(t) == "[0.1, 0.3333333333333333],"
    assert '  dtype:  "f64",' in str(t).splitlines()


def test_int_and_bool_tensors(backend):
    i = Tensor[backend.B, Int].from_data([[1, -2], [30, 4]], backend.device)
    assert str(i).splitlines()[2:4] == ["[[1, -2],", " [30, 4]],"]
    assert '  kind:  "Int",' in str(i) and '  dtype:  "i64",' in str(i)
    b = Tensor[backend.B, Bool].from_data([True, False], backend.device)
    assert data_line(b) == "[true, false]," and '  dtype:  "bool",' in str(b)


def test_rank_three_layout(backend):
    t = Tensor[backend.B, Int].arange(0, 8, backend.device).reshape(2, 2, 2)
    assert str(t).splitlines()[2:7] == ["[[[0, 1],", "  [2, 3]],", " [[4, 5],", "  [6, 7]]],",
                                        "  shape:  [2, 2, 2],"]


def test_large_tensors_are_summarized_as_burn(backend, options):
    t = Tensor[backend.B, Int].arange(0, 1001 * 2, backend.device).reshape(2, 1001)
    assert data_line(t) == "[[0, 1, 2, ..., 998, 999, 1000],"  # default: above 1000 elements
    set_print_options(PrintOptions(threshold=10, edge_items=2))
    t = Tensor[backend.B, Int].arange(0, 25, backend.device).reshape(5, 5)
    assert str(t).splitlines()[2:8] == ["[[0, 1, ..., 3, 4],", " [5, 6, ..., 8, 9],", " ...",
                                        " [15, 16, ..., 18, 19],", " [20, 21, ..., 23, 24]],",
                                        "  shape:  [5, 5],"]


def test_summary_of_a_tracked_autodiff_tensor(backend, options):
    set_print_options(PrintOptions(threshold=4, edge_items=1))
    w = backend.ad.tensor(np.arange(12.0).reshape(3, 4)).require_grad()
    assert str(w * 1.0).splitlines()[2:5] == ["[[0.0, ..., 3.0],", " ...", " [8.0, ..., 11.0]],"]


def test_precision(backend, options):
    t = backend.tensor([[1.0, 2.5], [-1.0 / 3.0, 1e-5]])
    assert str(f"{t:.2}").splitlines()[2:4] == ["[[1.00, 2.50],", " [-0.33, 0.00]],"]
    set_print_options(PrintOptions(precision=1))
    assert data_line(t) == "[[1.0, 2.5],"
    with pytest.raises(ValueError, match=r"unsupported format spec '>10'.*'.N'"):
        f"{t:>10}"


def test_edge_shapes(backend):
    assert data_line(backend.tensor(np.zeros((2, 0)))) == "[[],"
    assert str(backend.tensor(2.5)).splitlines()[2] == "2.5,"


def test_print_options_are_checked():
    with pytest.raises(TypeError, match="expected a PrintOptions"):
        set_print_options({"threshold": 3})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="edge_items must be >= 1"):
        set_print_options(PrintOptions(edge_items=0))
