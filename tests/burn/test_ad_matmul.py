"""Burn's `autodiff/matmul.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_matmul(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [2.0, 3.0]])
    data_2 = TensorData([[4.0, 7.0], [2.0, 3.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    grads = tensor_3.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[11.0, 5.0], [11.0, 5.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[3.0, 3.0], [10.0, 10.0]]), False)
    tensor_3.to_data().assert_eq(TensorData([[18.0, 28.0], [14.0, 23.0]]), False)


def test_matmul_complex_1(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [13.0, -3.0]])
    data_2 = TensorData([[4.0, 7.0], [2.0, 3.0]])
    data_3 = TensorData([[2.0, 2.0], [2.0, 2.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = TestTensor.from_data(data_3, device).require_grad()
    tensor_4 = tensor_1.matmul(tensor_2)
    tensor_5 = tensor_4.matmul(tensor_3)
    grads = tensor_5.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[44.0, 20.0], [44.0, 20.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[56.0, 56.0], [16.0, 16.0]]), False)


def test_matmul_complex_2(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [13.0, -3.0]])
    data_2 = TensorData([[4.0, 7.0], [2.0, 3.0]])
    data_3 = TensorData([[2.0, 2.0], [2.0, 2.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = TestTensor.from_data(data_3, device).require_grad()
    tensor_4 = tensor_1.matmul(tensor_2)
    tensor_5 = tensor_4.matmul(tensor_3)
    tensor_6 = tensor_1.matmul(tensor_5)
    grads = tensor_6.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[800.0, 792.0], [360.0, 592.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[264.0, 264.0], [344.0, 344.0]]), False)
