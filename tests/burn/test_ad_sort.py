"""Burn's `autodiff/sort.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_sort(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([[1.0, 7.0], [-2.0, -3.0]], device).require_grad()
    tensor_2 = TestTensor.from_data([[4.0, -7.0], [2.0, 3.0]], device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_1.mul(tensor_3.sort(1))
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[35.0, 35.0], [-1.0, -8.0]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[11.0, 7.0], [55.0, 16.0]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_sort_with_indices(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([[1.0, 7.0], [-2.0, -3.0]], device).require_grad()
    tensor_2 = TestTensor.from_data([[4.0, -7.0], [2.0, 3.0]], device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    values, _indices = tensor_3.sort_with_indices(1)
    tensor_4 = tensor_1.mul(values)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[35.0, 35.0], [-1.0, -8.0]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[11.0, 7.0], [55.0, 16.0]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_sort_3d_dim1(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([[[1.0, 7.0], [-2.0, -3.0]]], device).require_grad()
    tensor_2 = TestTensor.from_data([[[4.0, -7.0], [2.0, 3.0]]], device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_1.mul(tensor_3.sort(1))
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[[-1.0, -8.0], [-27.0, 37.0]]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[[-4.0, -17.0], [-17.0, -42.0]]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())
