"""Burn's `autodiff/cummin.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_cummin(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([3.0, 2.0, 4.0]), device).require_grad()
    output = tensor.cummin(0)
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([1.0, 2.0, 0.0])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_cummin_2d(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([[3.0, 2.0, 4.0], [5.0, 1.0, 3.0]]), device).require_grad()
    output = tensor.cummin(1)
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([[1.0, 2.0, 0.0], [1.0, 2.0, 0.0]])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_cummin_duplicate_values(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([3.0, 2.0, 2.0, 4.0]), device).require_grad()
    output = tensor.cummin(0)
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([1.0, 1.0, 2.0, 0.0])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_cummin_all_same(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([2.0, 2.0, 2.0]), device).require_grad()
    output = tensor.cummin(0)
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([1.0, 1.0, 1.0])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_cummin_decreasing(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([5.0, 4.0, 3.0, 2.0]), device).require_grad()
    output = tensor.cummin(0)
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([1.0, 1.0, 1.0, 1.0])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_cummin_2d_duplicates(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([[3.0, 2.0, 2.0, 4.0], [5.0, 1.0, 1.0, 3.0]]), device).require_grad()
    output = tensor.cummin(1)
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([[1.0, 1.0, 2.0, 0.0], [1.0, 1.0, 2.0, 0.0]])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())
