"""Burn's `autodiff/maxmin.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_max_dim(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([[1.0, 7.0], [-2.0, -3.0]], device).require_grad()
    tensor_2 = TestTensor.from_data([[4.0, -7.0], [2.0, 3.0]], device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_1.mul(tensor_3.max_dim(1).unsqueeze())
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[50.0, 34.0], [40.0, -10.0]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[8.0, 10.0], [56.0, 15.0]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_min_dim(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([[1.0, 7.0], [-2.0, -3.0]], device).require_grad()
    tensor_2 = TestTensor.from_data([[4.0, -7.0], [2.0, 3.0]], device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_1.mul(tensor_3.min_dim(1).unsqueeze())
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[-42.0, 38.0], [-34.0, -24.0]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[10.0, 8.0], [15.0, 56.0]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_min_dim_3d_dim1(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([[[1.0, 7.0], [-2.0, -3.0]]], device).require_grad()
    tensor_2 = TestTensor.from_data([[[4.0, -7.0], [2.0, 3.0]]], device).require_grad()
    tensor_3 = tensor_1.mul(tensor_2)
    tensor_4 = tensor_3.min_dim(1)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[[0.0, -7.0], [2.0, 0.0]]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[[0.0, 7.0], [-2.0, -0.0]]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())
