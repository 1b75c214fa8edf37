"""Burn's `autodiff/mask.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_mask_fill(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [2.0, 3.0]])
    data_2 = TensorData([[4.0, 7.0], [2.0, 3.0]])
    mask = TensorData([[True, False], [False, True]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    mask = TestTensorBool.from_bool(mask, device)
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_3.mask_fill(mask, 2.0)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[7.0, 3.0], [4.0, 2.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[2.0, 1.0], [3.0, 7.0]]), False)


def test_should_diff_mask_where(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([[1.0, 7.0], [2.0, 3.0]], device).require_grad()
    tensor_2 = TestTensor.from_data([[4.0, 7.0], [2.0, 3.0]], device).require_grad()
    tensor_3 = TestTensor.from_data([[8.8, 9.8], [10.8, 11.8]], device).require_grad()
    mask = TestTensorBool.from_data([[True, False], [False, True]], device)
    tensor_4 = tensor_1.matmul(tensor_2)
    tensor_5 = tensor_4.matmul(tensor_3)
    tensor_6 = tensor_5.mask_where(mask, tensor_3)
    grads = tensor_6.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_3 = tensor_3.grad(grads)
    tolerance = Tolerance.default().set_half_precision_relative(1e-3)
    expected = TensorData([[121.8, 55.0], [110.8, 50.0]])
    grad_1.into_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([[27.4, 33.4], [95.0, 115.0]])
    grad_2.into_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([[15.0, 18.0], [23.0, 29.0]])
    grad_3.into_data().assert_approx_eq(expected, tolerance)
