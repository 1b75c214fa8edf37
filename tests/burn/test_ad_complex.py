"""Burn's `autodiff/complex.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_full_complex_1(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [13.0, -3.0]])
    data_2 = TensorData([[4.0, 7.0], [2.0, 3.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_3.matmul(tensor_1)
    tensor_5 = tensor_4.mul(tensor_2)
    grads = tensor_5.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[593.0, 463.0], [487.0, 539.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[734.0, 294.0], [1414.0, 242.0]]), False)


def test_should_diff_full_complex_2(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [13.0, -3.0]])
    data_2 = TensorData([[4.0, 7.0], [2.0, 3.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_3.matmul(tensor_1)
    tensor_5 = tensor_4.add_scalar(17.0).add(tensor_2)
    grads = tensor_5.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[166.0, 110.0], [212.0, 156.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[113.0, 141.0], [33.0, 41.0]]), False)


def test_should_diff_full_complex_3(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [13.0, -3.0]])
    data_2 = TensorData([[4.0, 7.0], [2.0, 3.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_3.matmul(tensor_1)
    tensor_5 = tensor_4.sub(tensor_2)
    tensor_6 = tensor_5.add(tensor_4)
    grads = tensor_6.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[332.0, 220.0], [424.0, 312.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[223.0, 279.0], [63.0, 79.0]]), False)
