"""Burn's `autodiff/pow.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_powf_scalar(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[6.0, 7.0], [9.0, 10.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.powf_scalar(0.4))
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    tolerance = Tolerance.default().set_half_precision_relative(2e-3)
    expected = TensorData([[68.0, 79.0328], [68.0, 79.0328]])
    grad_1.to_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([[23.5081, 25.2779], [26.0502, 28.6383]])
    grad_2.to_data().assert_approx_eq(expected, tolerance)


def test_should_diff_powf(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([2.0, 7.0], device).require_grad()
    tensor_2 = TestTensor.from_data([4.0, 2.0], device).require_grad()
    tensor_3 = tensor_1.powf(tensor_2)
    grads = tensor_3.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([32.0, 14.0])
    grad_1.into_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([11.09035, 95.34960])
    grad_2.into_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([16.0, 49.0])
    tensor_3.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_powf_with_untracked_lhs(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([2.0, 7.0], device)
    tensor_2 = TestTensor.from_data([4.0, 2.0], device).require_grad()
    tensor_3 = tensor_1.powf(tensor_2)
    grads = tensor_3.backward()
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([11.09035, 95.34960])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_powf_with_untracked_rhs(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([2.0, 7.0], device).require_grad()
    tensor_2 = TestTensor.from_data([4.0, 2.0], device)
    tensor_3 = tensor_1.powf(tensor_2)
    grads = tensor_3.backward()
    grad_1 = tensor_1.grad(grads)
    expected = TensorData([32.0, 14.0])
    grad_1.into_data().assert_approx_eq(expected, Tolerance.default())
