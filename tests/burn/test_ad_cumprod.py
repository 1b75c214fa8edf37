"""Burn's `autodiff/cumprod.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_cumprod(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([2.0, 3.0, 4.0]), device).require_grad()
    output = tensor.cumprod(0)
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([16.0, 10.0, 6.0])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_cumprod_2d(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), device).require_grad()
    output = tensor.cumprod(1)
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([[9.0, 4.0, 2.0], [36.0, 28.0, 20.0]])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_cumprod_zero_in_middle(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([2.0, 0.0, 3.0, 4.0]), device).require_grad()
    output = tensor.cumprod(0)
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([1.0, 32.0, 0.0, 0.0])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_cumprod_zero_at_start(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([0.0, 2.0, 3.0, 4.0]), device).require_grad()
    output = tensor.cumprod(0)
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([33.0, 0.0, 0.0, 0.0])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_cumprod_zero_at_end(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([2.0, 3.0, 4.0, 0.0]), device).require_grad()
    output = tensor.cumprod(0)
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([16.0, 10.0, 6.0, 24.0])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_cumprod_multiple_zeros(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([2.0, 0.0, 3.0, 0.0, 5.0]), device).require_grad()
    output = tensor.cumprod(0)
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([1.0, 8.0, 0.0, 0.0, 0.0])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())
