"""Burn's `autodiff/rfft.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_rfft(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    if not (TestTensor.zeros([1], device).dtype in [DType.F32, DType.F64]):
        return
    device = device
    random1 = TensorData([0.26, 0.13, 0.36, 0.24, 0.40, 0.93, 0.12, 0.18])
    random2 = TensorData([0.03, 0.74, 0.33, 0.70, 0.07, 0.61, 0.32, 0.66])
    x = TestTensor.from_data(random1, device).require_grad()
    y = TestTensor.from_data(random2, device)
    x_re, x_im = signal.rfft(x, 0, None)
    y_re, y_im = signal.rfft(y, 0, None)
    loss = (x_re * y_re + x_im * y_im).sum()
    grads = loss.backward()
    x_grad = x.grad(grads)
    prod = x_grad.mul(x.inner()).sum()
    TensorData.assert_approx_eq(prod.to_data(), loss.to_data(), Tolerance.default())


def test_round_trip_inverse_with_some_n_greater(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    if not (TestTensor.zeros([1], device).dtype in [DType.F32, DType.F64]):
        return
    device = device
    random = TensorData([0.26, 0.13, 0.36, 0.24, 0.40, 0.93, 0.12])
    n = (16)
    tensor = TestTensor.from_data(random, device).require_grad()
    x = signal.irfft(tensor * 2.0, tensor.zeros_like(), 0, n) / 6.0
    y, _ = signal.rfft(x * 3.0, 0, n)
    loss = y.powi_scalar(2).sum() * 0.5
    grads = loss.backward()
    grad = tensor.grad(grads)
    TensorData.assert_approx_eq(grad.to_data(), random, Tolerance.default())


def test_round_trip_inverse_with_some_n_less(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    if not (TestTensor.zeros([1], device).dtype in [DType.F32, DType.F64]):
        return
    device = device
    random = TensorData([0.26, 0.13, 0.36, 0.24, 0.40, 0.93, 0.12, 0.18, 0.03, 0.74, 0.33, 0.70])
    n = (16)
    tensor = TestTensor.from_data(random, device).require_grad()
    x = signal.irfft(tensor * 2.0, tensor.zeros_like(), 0, n) / 6.0
    y, _ = signal.rfft(x * 3.0, 0, n)
    loss = y.powi_scalar(2).sum() * 0.5
    grads = loss.backward()
    grad = tensor.grad(grads)
    lhs = grad.slice_dim(0,bslice(0, 9, 1, False))
    rhs = tensor.slice_dim(0,bslice(0, 9, 1, False))
    TensorData.assert_approx_eq(lhs.to_data(), rhs.to_data(), Tolerance.default())
