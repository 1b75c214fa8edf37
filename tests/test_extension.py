"""Backend extension (Burn Book, "Backend Extension"): a user op with a composite default, a
native NumPy kernel, a backend that implements the op as a method, a backward checked by finite
differences, the untracked path, and several outputs -- on every row of the matrix."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
import pytest

from gradcheck import gradcheck
from pyburn import Tensor
from pyburn.backend import Autodiff, NumPy
from pyburn.tensor import CustomOp, OpContext, custom_op
from pyburn.tensor.errors import GradientError

CALLS: Counter[str] = Counter()
CONTEXTS: list[OpContext] = []


# --- an op with a composite default, a native NumPy kernel and a backward ---------------------------
def _reference(B: Any, ctx: OpContext, lhs: Any, rhs: Any, bias: Any) -> Any:
    """relu(lhs @ rhs + bias) from existing primitive ops: runs on any backend."""
    CALLS["default"] += 1
    CONTEXTS.append(ctx)
    out = B.float_matmul(lhs, rhs)
    if bias is not None:
        out = B.float_add(out, bias)
    return B.float_relu(out)


matmul_add_relu = CustomOp("test_matmul_add_relu", _reference)


@matmul_add_relu.native(NumPy)
def _numpy_kernel(B: Any, ctx: OpContext, lhs: np.ndarray, rhs: np.ndarray, bias: Any) -> np.ndarray:
    CALLS["native"] += 1
    CONTEXTS.append(ctx)
    out = lhs @ rhs
    if bias is not None:
        out = out + bias
    return np.maximum(out, 0).astype(lhs.dtype, copy=False)


def _t(B: Any, x: Any) -> Any:
    return B.float_permute(x, (1, 0))


@matmul_add_relu.define_backward
def _backward(B: Any, ctx: OpContext, grad: Any) -> Any:
    lhs, rhs, bias = ctx.inputs
    g = B.float_mask_fill(grad, B.float_lower_equal_elem(ctx.outputs, 0.0), 0.0)
    want_lhs, want_rhs, want_bias = ctx.needs_input_grad
    return (B.float_matmul(g, _t(B, rhs)) if want_lhs else None,
            B.float_matmul(_t(B, lhs), g) if want_rhs else None,
            B.float_reshape(B.float_sum_dim(g, 0), B.float_shape(bias)) if want_bias else None)


class FusedNumPy(NumPy):
    """A user backend that implements the op itself (the protocol route)."""

    @classmethod
    def test_matmul_add_relu(cls, ctx: OpContext, lhs: Any, rhs: Any, bias: Any) -> Any:
        CALLS["method"] += 1
        out = lhs @ rhs + (0 if bias is None else bias)
        return np.maximum(out, 0).astype(lhs.dtype, copy=False)


def _inputs(seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    lhs, rhs, bias = rng.normal(size=(4, 3)), rng.normal(size=(3, 5)), rng.normal(size=(5,))
    # keep the pre-activation away from relu's kink so finite differences are valid
    pre = lhs @ rhs + bias
    bias = bias + np.where(np.abs(pre) < 0.1, 0.3, 0.0).max(0)
    return lhs, rhs, bias


def _expected(lhs: np.ndarray, rhs: np.ndarray, bias: np.ndarray | None) -> np.ndarray:
    return np.maximum(lhs @ rhs + (0 if bias is None else bias), 0)


def _plain(case: Any) -> Any:
    """The backend the kernels run on: the inner one under Autodiff."""
    return case.B.inner if case.autodiff else case.B


def test_forward_on_every_backend(backend):
    lhs, rhs, bias = _inputs()
    T = Tensor[backend.B]
    args = [T.from_data(a, device=backend.device) for a in (lhs, rhs, bias)]
    CALLS.clear()
    out = matmul_add_relu.apply(*args)
    assert type(out) is T
    np.testing.assert_allclose(out.to_numpy(), _expected(lhs, rhs, bias), rtol=1e-5, atol=1e-6)
    native = issubclass(_plain(backend), NumPy)
    assert CALLS == Counter({"native": 1} if native else {"default": 1})
    assert matmul_add_relu.has_native(_plain(backend)) is native
    no_bias = matmul_add_relu.apply(args[0], args[1], None)  # optional inputs may be None
    np.testing.assert_allclose(no_bias.to_numpy(), _expected(lhs, rhs, None), rtol=1e-5, atol=1e-6)


def test_native_kernel_covers_dtype_variants():
    B64 = NumPy["float64"]
    assert matmul_add_relu.kernel(B64) is _numpy_kernel  # registered for NumPy: variants included
    assert matmul_add_relu.kernel(Autodiff[NumPy]) is _reference  # Autodiff runs it on its inner
    lhs, rhs, bias = _inputs()
    out = matmul_add_relu.apply(*(Tensor[B64].from_data(a) for a in (lhs, rhs, bias)))
    assert out.dtype.value == "float64"
    np.testing.assert_allclose(out.to_numpy(), _expected(lhs, rhs, bias), rtol=1e-12)


@pytest.mark.parametrize("B", [FusedNumPy, Autodiff[FusedNumPy]], ids=["plain", "autodiff"])
def test_backend_method_is_the_kernel(B):
    lhs, rhs, bias = _inputs()
    CALLS.clear()
    args = [Tensor[B].from_data(a) for a in (lhs, rhs, bias)]
    if B.is_autodiff():
        args = [a.require_grad() for a in args]
    out = matmul_add_relu.apply(*args)
    assert CALLS == Counter({"method": 1})  # the backend's own method wins over the NumPy kernel
    np.testing.assert_allclose(out.to_numpy(), _expected(lhs, rhs, bias), rtol=1e-5, atol=1e-6)
    if B.is_autodiff():  # the shared backward works for the method-route kernel too
        grads = out.sum().backward()
        g = (lhs @ rhs + bias > 0).astype(float)
        np.testing.assert_allclose(args[2].grad(grads).to_numpy(), g.sum(0), rtol=1e-5)


def test_backward_matches_finite_differences(ad_backend):
    gradcheck(ad_backend.f64, matmul_add_relu.apply, *_inputs())


def test_backward_with_constant_inputs(ad_backend):
    CONTEXTS.clear()
    gradcheck(ad_backend.f64, matmul_add_relu.apply, *_inputs(1), wrt=(0, 2))
    assert CONTEXTS[0].needs_input_grad == (True, False, True) and CONTEXTS[0].needs_grad


def test_untracked_path_records_nothing(ad_backend):
    CONTEXTS.clear()
    T = Tensor[ad_backend.B]
    out = matmul_add_relu.apply(*(T.from_data(a, device=ad_backend.device) for a in _inputs()))
    assert out.primitive.node is None and not out.is_require_grad()
    ctx = CONTEXTS[0]
    assert not ctx.needs_grad and ctx.needs_input_grad == (False, False, False)


def test_missing_backward_is_an_error_only_when_needed(ad_backend):
    op = CustomOp("test_no_backward", lambda B, ctx, x: B.float_exp(x))
    x = Tensor[ad_backend.B].from_data([0.0, 1.0], device=ad_backend.device)
    np.testing.assert_allclose(op.apply(x).to_numpy(), np.exp([0.0, 1.0]), rtol=1e-6)
    with pytest.raises(GradientError, match=r"test_no_backward: a tracked input needs a gradient but the "
                                            r"op has no backward; define one with @op.define_backward"):
        op.apply(x.require_grad())


def test_apply_checks_its_inputs():
    with pytest.raises(ValueError, match="test_matmul_add_relu: needs at least one tensor input"):
        matmul_add_relu.apply(None, None, None)
    a, b = Tensor[NumPy].from_data([[1.0]]), Tensor[Autodiff[NumPy]].from_data([[1.0]])
    with pytest.raises(TypeError, match=r"test_matmul_add_relu: inputs mix backends NumPy and Autodiff<NumPy>"):
        matmul_add_relu.apply(a, b, None)


# --- several outputs; the decorator form ---------------------------------------------------------
@custom_op("test_sum_and_product", n_outputs=2)
def sum_and_product(B: Any, ctx: OpContext, x: Any, y: Any) -> Any:
    """(x + y, x * y)"""
    return B.float_add(x, y), B.float_mul(x, y)


@sum_and_product.define_backward
def _sum_and_product_backward(B: Any, ctx: OpContext, grad: Any) -> Any:
    g_sum, g_prod = grad  # None for an output that received no gradient
    x, y = ctx.inputs
    gx = gy = g_sum
    if g_prod is not None:
        px, py = B.float_mul(g_prod, y), B.float_mul(g_prod, x)
        gx = px if gx is None else B.float_add(gx, px)
        gy = py if gy is None else B.float_add(gy, py)
    return gx, gy


def test_multi_output_forward(backend):
    T = Tensor[backend.B]
    s, p = sum_and_product.apply(T.from_data([1.0, 2.0], device=backend.device),
                                 T.from_data([3.0, 4.0], device=backend.device))
    assert type(s) is T and type(p) is T
    np.testing.assert_allclose(s.to_numpy(), [4.0, 6.0])
    np.testing.assert_allclose(p.to_numpy(), [3.0, 8.0])
    assert sum_and_product.name == "test_sum_and_product" and sum_and_product.__doc__ == "(x + y, x * y)"


def test_multi_output_backward_matches_finite_differences(ad_backend):
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(2, 3)), rng.normal(size=(2, 3))
    gradcheck(ad_backend.f64, sum_and_product.apply, x, y)  # both outputs (checked on their sum)
    gradcheck(ad_backend.f64, lambda a, b: sum_and_product.apply(a, b)[1], x, y)  # only one used
    gradcheck(ad_backend.f64, lambda a, b: sum_and_product.apply(a, b)[0].exp(), x, y, wrt=(1,))


# --- a native kernel with its own backward (residuals saved in ctx) ---------------------------------
def _softsign_reference(B: Any, ctx: OpContext, x: Any) -> Any:
    return B.float_div(x, B.float_add_scalar(B.float_abs(x), 1.0))


softsign = CustomOp("test_softsign", _softsign_reference)


@softsign.define_backward
def _softsign_backward(B: Any, ctx: OpContext, grad: Any) -> Any:
    (x,) = ctx.inputs
    denom = B.float_add_scalar(B.float_abs(x), 1.0)
    return (B.float_div(grad, B.float_mul(denom, denom)),)


@softsign.native(NumPy)
def _softsign_numpy(B: Any, ctx: OpContext, x: np.ndarray) -> np.ndarray:
    denom = np.abs(x) + 1.0
    if ctx.needs_grad:
        ctx.save(denom)  # a residual the native backward reuses instead of recomputing
    return x / denom


@softsign.native_backward(NumPy)
def _softsign_numpy_backward(B: Any, ctx: OpContext, grad: np.ndarray) -> Any:
    CALLS["native_backward"] += 1
    (denom,) = ctx.saved
    return (grad / (denom * denom),)


def test_native_backward_uses_saved_residuals(ad_backend):
    x = np.array([[-2.0, -0.5, 0.3], [0.7, 1.5, 3.0]])
    CALLS.clear()
    gradcheck(ad_backend.f64, softsign.apply, x)
    native = issubclass(ad_backend.B.inner, NumPy)
    assert (CALLS["native_backward"] == 1) is native  # otherwise the shared backward ran
    assert softsign.backward_for(ad_backend.B.inner) is (
        _softsign_numpy_backward if native else _softsign_backward)


def test_keep_outputs_false_does_not_hold_the_output_for_the_backward(ad_backend):
    """An op whose backward never reads its output (conv, pooling) does not keep it alive on
    the tape: the layer's activation is freed as soon as the forward code drops it."""
    import gc
    import weakref
    seen: list[OpContext] = []

    def double(B, ctx, x):
        seen.append(ctx)
        return B.float_mul_scalar(x, 2.0)

    kept = CustomOp("double_kept", double)
    dropped = CustomOp("double_dropped", double, keep_outputs=False)
    for op in (kept, dropped):
        op.define_backward(lambda B, ctx, g: (B.float_mul_scalar(g, 2.0),))
    x = ad_backend.f64.tensor([1.0, -2.0]).require_grad()
    for op, keeps in ((kept, True), (dropped, False)):
        seen.clear()
        y = op.apply(x)
        ref = weakref.ref(y.primitive.inner) if hasattr(y.primitive.inner, "__weakref__") else None
        root = (y * 1.0).sum()
        assert (seen[0].outputs is not None) is keeps
        del y
        gc.collect()
        if ref is not None and not keeps:
            assert ref() is None
        np.testing.assert_allclose(x.grad(root.backward()).to_numpy(), [2.0, 2.0])
