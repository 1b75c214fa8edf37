"""Burn's `autodiff/transpose.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_transpose(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [2.0, 3.0]])
    data_2 = TensorData([[4.0, 7.0], [2.0, 3.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.transpose())
    tensor_4 = tensor_3.transpose()
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_approx_eq(TensorData([[6.0, 10.0], [6.0, 10.0]]), Tolerance.default())
    grad_2.to_data().assert_approx_eq(TensorData([[3.0, 10.0], [3.0, 10.0]]), Tolerance.default())


def test_should_diff_swap_dims(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([[[0.0, 1.0], [3.0, 4.0]], [[6.0, 7.0], [9.0, 10.0]]], device).require_grad()
    tensor_2 = TestTensor.from_data([[[1.0, 4.0], [2.0, 5.0]], [[7.0, 10.0], [8.0, 11.0]]], device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.swap_dims(0, 2))
    tensor_4 = tensor_3.matmul(tensor_2.swap_dims(1, 2))
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_approx_eq(TensorData([[[66.0, 78.0], [66.0, 78.0]], [[270.0, 306.0], [270.0, 306.0]]]), Tolerance.default())
    grad_2.to_data().assert_approx_eq(TensorData([[[22.0, 286.0], [28.0, 316.0]], [[172.0, 652.0], [190.0, 694.0]]]), Tolerance.default())
