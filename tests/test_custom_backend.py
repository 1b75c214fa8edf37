"""The backend-extension example (examples/custom_backend): the fused op against its reference,
its gradients against the composite's and finite differences, its input errors, and the paths
of a user backend -- on every row of the backend matrix."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root: `examples`

from conftest import BackendCase  # noqa: E402
from gradcheck import gradcheck  # noqa: E402
from pyburn import Int, Tensor  # noqa: E402
from pyburn.backend import Autodiff, NumPy  # noqa: E402
from pyburn.tensor import OpContext  # noqa: E402
from pyburn.tensor.errors import KindError, RankError, ShapeError  # noqa: E402
from pyburn_numpy import ArrayBackend  # noqa: E402

from examples.custom_backend import (FusedBackend, composite_backward,  # noqa: E402
                                     fused_matmul_add_relu, fused_matmul_add_relu_op,
                                     implementation, matmul_add_relu_reference, reference)
from examples.custom_backend.__main__ import main as demo_main  # noqa: E402

# (lhs, rhs, bias) shapes: plain, a Linear-style bias, batched, broadcast batch dims and bias.
SHAPES = [
    ((4, 3), (3, 5), (5,)),
    ((4, 3), (3, 5), (4, 5)),
    ((2, 4, 3), (2, 3, 5), (2, 4, 5)),
    ((1, 4, 3), (3, 3, 5), (1, 1, 5)),
]
IDS = ["2d", "2d-full-bias", "batched", "broadcast"]


class UserBackend(ArrayBackend):
    """A user backend with no native kernel: it must take the reference path."""

    @classmethod
    def name(cls) -> str:
        return "user"


class FusedNumPy(NumPy):
    """A user backend that implements the op itself (the `FusedBackend` protocol route)."""

    calls = 0

    @classmethod
    def fused_matmul_add_relu(cls, ctx: OpContext, lhs: Any, rhs: Any, bias: Any) -> Any:
        cls.calls += 1
        return np.maximum(lhs @ rhs + bias, 0).astype(lhs.dtype, copy=False)


def _inputs(shapes: tuple[tuple[int, ...], ...], seed: int = 0) -> tuple[np.ndarray, ...]:
    """Random inputs whose pre-activation keeps away from relu's kink (for finite differences)."""
    rng = np.random.default_rng(seed)
    while True:
        lhs, rhs, bias = (rng.standard_normal(s) for s in shapes)
        if np.abs(lhs @ rhs + bias).min() > 0.05:
            return lhs, rhs, bias


def _expected(lhs: np.ndarray, rhs: np.ndarray, bias: np.ndarray) -> np.ndarray:
    return np.maximum(lhs @ rhs + bias, 0)


def _tensors(case: BackendCase, arrays: tuple[np.ndarray, ...], track: bool = False) -> list[Any]:
    ts = [Tensor[case.B].from_data(a, device=case.device) for a in arrays]
    return [t.require_grad() for t in ts] if track else ts


def _native(case: BackendCase) -> bool:
    return case.inner.name() in ("numpy", "torch", "cupy")


# --- forward -------------------------------------------------------------------------------------
@pytest.mark.parametrize("shapes", SHAPES, ids=IDS)
def test_custom_op_equals_reference(backend, shapes):
    arrays = _inputs(shapes)
    lhs, rhs, bias = _tensors(backend, arrays)
    out = fused_matmul_add_relu(lhs, rhs, bias)
    assert type(out) is Tensor[backend.B]
    ref = matmul_add_relu_reference(lhs, rhs, bias)
    assert out.shape == ref.shape
    np.testing.assert_allclose(out.to_numpy(), ref.to_numpy(), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(out.to_numpy(), _expected(*arrays), rtol=1e-5, atol=1e-5)
    # the plain reference composite, run explicitly on the same backend, agrees as well
    inner = Tensor[backend.inner]
    prims = [inner.from_data(a, device=backend.device).primitive for a in arrays]
    composite = reference(backend.inner, OpContext((False,) * 3, tuple(prims), {}), *prims)
    np.testing.assert_allclose(out.to_numpy(), inner.from_primitive(composite).to_numpy(),
                               rtol=1e-5, atol=1e-5)


def test_builtin_backends_run_their_native_kernel(backend):
    assert implementation(backend.B) == "native"
    assert fused_matmul_add_relu_op.has_native(backend.inner)
    assert fused_matmul_add_relu_op.has_native(backend.inner.with_dtypes(float="float64"))
    assert not isinstance(backend.inner, FusedBackend)


def test_float64_stays_float64(backend):
    case = backend.f64
    out = fused_matmul_add_relu(*_tensors(case, _inputs(SHAPES[0])))
    assert out.dtype.value == "float64"
    np.testing.assert_allclose(out.to_numpy(), _expected(*_inputs(SHAPES[0])), rtol=1e-12)


# --- gradients -----------------------------------------------------------------------------------
@pytest.mark.parametrize("shapes", SHAPES, ids=IDS)
def test_gradients_match_the_composite(backend, shapes):
    case = backend.ad.f64
    arrays = _inputs(shapes, seed=1)
    cot = np.random.default_rng(2).standard_normal(_expected(*arrays).shape)
    grads = []
    for fn in (fused_matmul_add_relu, matmul_add_relu_reference):
        ts = _tensors(case, arrays, track=True)
        found = (fn(*ts) * Tensor[case.B].from_data(cot, device=case.device)).sum().backward()
        grads.append([t.grad(found).to_numpy() for t in ts])
    for name, fused, ref, a in zip(("lhs", "rhs", "bias"), *grads, arrays):
        assert fused.shape == a.shape, name
        np.testing.assert_allclose(fused, ref, rtol=1e-10, atol=1e-12, err_msg=name)


@pytest.mark.parametrize("shapes", SHAPES, ids=IDS)
def test_gradients_match_finite_differences(backend, shapes):
    gradcheck(backend.ad.f64, fused_matmul_add_relu, *_inputs(shapes, seed=3))


def test_constant_inputs_get_no_gradient(backend):
    gradcheck(backend.ad.f64, fused_matmul_add_relu, *_inputs(SHAPES[2], seed=4), wrt=(1,))


@pytest.mark.parametrize("shapes", SHAPES, ids=IDS)
def test_native_backward_equals_composite_backward(backend, shapes):
    """The registered native backward and the shared composite one give the same gradients."""
    B = backend.inner.with_dtypes(float="float64")
    T = Tensor[B]
    arrays = _inputs(shapes, seed=5)
    prims = tuple(T.from_data(a, device=backend.device).primitive for a in arrays)
    ctx = OpContext((True, True, True), prims, {})
    fused_matmul_add_relu_op.forward(B, ctx, prims, {})
    grad = T.from_data(np.random.default_rng(6).standard_normal(_expected(*arrays).shape),
                       device=backend.device).primitive
    native = fused_matmul_add_relu_op.backward_for(B)
    assert native is not composite_backward  # the built-in backends have their own
    for got, want in zip(native(B, ctx, grad), composite_backward(B, ctx, grad)):
        np.testing.assert_allclose(T.from_primitive(got).to_numpy(),
                                   T.from_primitive(want).to_numpy(), rtol=1e-12, atol=1e-12)


# --- errors --------------------------------------------------------------------------------------
@pytest.mark.parametrize("shapes, error, message", [
    (((4, 3), (2, 3, 5), (5,)), RankError,
     r"fused_matmul_add_relu: lhs and rhs need the same rank \(>= 2\), got shapes \[4, 3\] and "
     r"\[2, 3, 5\]"),
    (((3,), (3,), (1,)), RankError, r"lhs and rhs need the same rank \(>= 2\)"),
    (((4, 3), (2, 5), (5,)), ShapeError,
     r"fused_matmul_add_relu: inner dimensions differ: \[4, 3\] @ \[2, 5\] \(3 != 2\)"),
    (((2, 4, 3), (3, 3, 5), (5,)), ShapeError, r"batch dimensions of \[2, 4, 3\] and \[3, 3, 5\]"),
    (((4, 3), (3, 5), (4,)), ShapeError,
     r"fused_matmul_add_relu: bias of shape \[4\] does not broadcast to the output shape \[4, 5\]"),
    (((4, 3), (3, 5), (2, 4, 5)), RankError, r"bias of shape \[2, 4, 5\] has a higher rank"),
], ids=["rank", "vectors", "inner", "batch", "bias", "bias-rank"])
def test_bad_shapes_are_clear_errors(backend, shapes, error, message):
    rng = np.random.default_rng(0)
    args = _tensors(backend, tuple(rng.standard_normal(s) for s in shapes))
    with pytest.raises(error, match=message):
        fused_matmul_add_relu(*args)


def test_bad_kinds_and_backends_are_clear_errors(backend):
    lhs, rhs, bias = _tensors(backend, _inputs(SHAPES[0]))
    with pytest.raises(KindError, match=r"fused_matmul_add_relu: rhs must be a Float tensor, got "
                                        r"an Int tensor of shape \[3, 5\]"):
        fused_matmul_add_relu(lhs, Tensor[backend.B, Int].zeros([3, 5], device=backend.device), bias)
    with pytest.raises(TypeError, match="fused_matmul_add_relu: bias must be a Tensor, got ndarray"):
        fused_matmul_add_relu(lhs, rhs, np.zeros(5))  # type: ignore[arg-type]
    other = Autodiff[NumPy] if backend.B is not Autodiff[NumPy] else NumPy
    with pytest.raises(TypeError, match="fused_matmul_add_relu: inputs mix backends"):
        fused_matmul_add_relu(lhs, rhs, Tensor[other].from_data(_inputs(SHAPES[0])[2]))


# --- user backends -------------------------------------------------------------------------------
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_user_backend_without_kernel_takes_the_reference_path(dtype):
    B = UserBackend.with_dtypes(float=dtype)
    assert fused_matmul_add_relu_op.kernel(B) is reference
    assert fused_matmul_add_relu_op.backward_for(B) is composite_backward
    assert implementation(B) == implementation(Autodiff[B]) == "reference"
    arrays = _inputs(SHAPES[3])
    out = fused_matmul_add_relu(*(Tensor[B].from_data(a) for a in arrays))
    assert out.dtype.value == dtype
    np.testing.assert_allclose(out.to_numpy(), _expected(*arrays), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("shapes", SHAPES, ids=IDS)
def test_user_backend_trains_through_the_composite_backward(shapes):
    case = BackendCase("autodiff-user", Autodiff[UserBackend["float64"]],
                       UserBackend.default_device(), True)
    gradcheck(case, fused_matmul_add_relu, *_inputs(shapes, seed=7))


def test_numpy_subclass_inherits_the_native_kernel():
    class MyNumPy(NumPy):
        pass

    assert implementation(MyNumPy) == "native"


@pytest.mark.parametrize("B", [FusedNumPy, Autodiff[FusedNumPy]], ids=["plain", "autodiff"])
def test_backend_method_wins(B):
    assert isinstance(FusedNumPy, FusedBackend) and implementation(B) == "backend method"
    arrays = _inputs(SHAPES[1])
    FusedNumPy.calls = 0
    ts = [Tensor[B].from_data(a) for a in arrays]
    if B.is_autodiff():
        ts = [t.require_grad() for t in ts]
    out = fused_matmul_add_relu(*ts)
    assert FusedNumPy.calls == 1
    np.testing.assert_allclose(out.to_numpy(), _expected(*arrays), rtol=1e-5, atol=1e-5)
    if B.is_autodiff():  # its backward: the composite one (it registered no native backward)
        grads = out.sum().backward()
        mask = (_expected(*arrays) > 0).astype(np.float32)
        np.testing.assert_allclose(ts[2].grad(grads).to_numpy(), mask, rtol=1e-6)


# --- the demo ------------------------------------------------------------------------------------
def test_demo_runs(capsys):
    assert demo_main(["--backend", "numpy,user", "--size", "8", "--batch", "2", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "autodiff<numpy>    native" in out and "autodiff<user>     reference" in out
    assert "MISMATCH" not in out
