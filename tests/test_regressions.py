"""Regression tests for fixed bugs: each test names the bug it guards against."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from pyburn import Bool, Float, Int, Tensor
from pyburn.tensor.device import Device
from pyburn.tensor.errors import KindError


def _exact_sigmoid(x: float) -> float:
    """sigmoid(x) in float64 without cancellation: for x < 0, e^x / (1 + e^x)."""
    e = math.exp(-abs(x))
    return 1.0 / (1.0 + e) if x >= 0 else e / (1.0 + e)


# --- sigmoid kept its precision for very negative inputs -----------------------------------------
@pytest.mark.parametrize("x", [-40.0, -100.0])
def test_sigmoid_very_negative_input_keeps_relative_precision(backend: Any, x: float) -> None:
    # The half-angle tanh form 0.5 * tanh(x / 2) + 0.5 cancelled to exactly 0 below about -37.
    c = backend.f64
    out = Tensor[c.B].from_data([x], device=c.device).sigmoid().to_numpy()
    ref = _exact_sigmoid(x)
    assert out[0] > 0.0
    assert abs(out[0] - ref) / ref < 1e-12


def test_sigmoid_float32_matches_reference_over_range(backend: Any) -> None:
    xs = np.array([-80.0, -40.0, -20.0, -1.0, 0.0, 1.0, 20.0, 40.0, 80.0])
    out = Tensor[backend.B].from_data(xs, device=backend.device).sigmoid().to_numpy()
    ref = np.array([_exact_sigmoid(float(v)) for v in xs])
    np.testing.assert_allclose(out.astype(np.float64), ref, rtol=1e-5, atol=0.0)


# --- str() of a Module subclass used the base class's __repr__ -----------------------------------
def test_module_str_uses_the_subclass_repr() -> None:
    from pyburn.module import Module

    class Named(Module):
        def __repr__(self) -> str:
            return "Named!"

    assert str(Named()) == "Named!"


def test_loss_str_uses_the_subclass_repr() -> None:
    from pyburn.nn.loss.mse import MseLoss

    class Custom(MseLoss):
        def __repr__(self) -> str:
            return "Custom!"

    assert str(Custom()) == "Custom!"


def test_tensor_str_is_its_repr(backend: Any) -> None:
    t = Tensor[backend.B].from_data([1.0, 2.0], device=backend.device)
    assert str(t) == repr(t)


# --- ArrayBackend bound hook aliases early, so subclass overrides were ignored -------------------
def test_array_backend_subclass_hooks_are_honored() -> None:
    from pyburn.backend import NumPy

    calls: list[str] = []

    class Hooked(NumPy):
        @classmethod
        def _to_device(cls, x: Any, device: Device) -> Any:
            calls.append("to_device")
            return super()._to_device(x, device)

        @classmethod
        def _to_host(cls, x: Any) -> np.ndarray:
            calls.append("to_host")
            return super()._to_host(x)

        @classmethod
        def _device_of(cls, x: Any) -> Device:
            calls.append("device_of")
            return super()._device_of(x)

        @classmethod
        def _erf(cls, x: Any) -> Any:
            calls.append("erf")
            return super()._erf(x)

    device = Hooked.default_device()
    for kind in (Float, Int, Bool):
        calls.clear()
        t = Tensor[Hooked, kind].from_data([1, 0], device=device)
        t.to_device(device)
        assert calls == ["to_device"], kind
        calls.clear()
        t.to_data()
        assert calls == ["to_host"], kind
        calls.clear()
        assert t.device == Device("cpu", 0)
        assert calls == ["device_of"], kind
    calls.clear()
    Tensor[Hooked].from_data([0.5], device=device).erf()
    assert calls == ["erf"]


# --- tensor.device rebuilt a Device on every access ----------------------------------------------
def test_tensor_device_is_tagged_and_cached(backend: Any) -> None:
    t = Tensor[backend.B].from_data([1.0], device=backend.device)
    d1, d2 = t.device, t.device
    assert d1 == backend.device
    assert d1.backend is backend.B
    assert d1 is d2                      # cached: no new Device per access


def test_device_on_keeps_the_backend_out_of_equality() -> None:
    from pyburn.backend import NumPy, Torch
    d = Device("cpu", 0)
    a, b = d.on(NumPy), d.on(Torch)
    assert a == b == d
    assert a.backend is NumPy and b.backend is Torch
    assert d.backend is None             # the source device is not modified
    assert Device("cuda", 1).on(NumPy).index == 1


# --- matmul on raw shape tuples ---------------------------------------------------------------------
def test_matmul_shapes_and_errors(backend: Any) -> None:
    a = Tensor[backend.B].from_data(np.ones((2, 3, 4)), device=backend.device)
    b = Tensor[backend.B].from_data(np.ones((4, 5)), device=backend.device)
    assert tuple(a.matmul(b.unsqueeze()).shape) == (2, 3, 5)
    with pytest.raises(ValueError, match=r"inner dimensions differ: \[2, 3, 4\] @ \[2, 3, 4\]"):
        a.matmul(a)


# --- kind errors said "a Int" ---------------------------------------------------------------------
def test_kind_errors_use_an_before_int(backend: Any) -> None:
    i = Tensor[backend.B, Int].from_data([1, 2], device=backend.device)
    f = Tensor[backend.B].from_data([1.0, 2.0], device=backend.device)
    with pytest.raises(KindError, match="exp: expected a Float tensor, got an Int tensor"):
        i.exp()
    with pytest.raises(KindError, match="add: expected a Float tensor, got an Int tensor"):
        f.add(i)
    with pytest.raises(TypeError, match="indices must be an Int tensor, got a Float tensor"):
        f.gather(0, f)
    if not backend.autodiff:
        return
    with pytest.raises(KindError, match="only Float tensors have gradients, got an Int tensor"):
        i.backward()


# --- bool(), len() and iteration of tensors ---------------------------------------------------------
def test_bool_of_a_multi_element_tensor_raises(backend: Any) -> None:
    t = Tensor[backend.B].from_data([0.0, 0.0], device=backend.device)
    with pytest.raises(ValueError, match="more than one element is ambiguous"):
        bool(t)
    with pytest.raises(ValueError, match="more than one element is ambiguous"):
        bool(t.equal(t))
    with pytest.raises(ValueError, match="no elements is ambiguous"):
        bool(Tensor[backend.B].from_data(np.zeros((0,)), device=backend.device))


def test_bool_len_iter_of_small_tensors(backend: Any) -> None:
    T = Tensor[backend.B]
    assert bool(T.from_data([0.0], device=backend.device)) is False
    assert bool(T.from_data([[3.0]], device=backend.device)) is True
    t = T.from_data([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], device=backend.device)
    assert len(t) == 3
    assert [row.tolist() for row in t] == [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
