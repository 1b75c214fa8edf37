"""Burn's `autodiff/abs.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_abs(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, -1.0], [3.0, 4.0]])
    data_2 = TensorData([[6.0, 7.0], [9.0, -10.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(abs(tensor_2))
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[71.0, 107.0], [71.0, 107.0]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[84.0, 42.0], [90.0, 54.0]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_abs_no_nans(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[6.0, 7.0], [9.0, -10.0]])
    data_2 = TensorData([[0.0, -1.0], [3.0, 4.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(abs(tensor_2))
    grads = tensor_3.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[1.0, 7.0], [1.0, 7.0]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[0.0, -15.0], [-3.0, -3.0]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())
    contains_nan = grad_2.contains_nan()
    assert_(not contains_nan.into_scalar())
