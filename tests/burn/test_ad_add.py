"""Burn's `autodiff/add.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_add(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([2.0, 5.0], device).require_grad()
    tensor_2 = TestTensor.from_data([4.0, 1.0], device).require_grad()
    tensor_3 = tensor_1 + tensor_2
    grads = tensor_3.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([1.0, 1.0]), False)
    grad_2.to_data().assert_eq(TensorData([1.0, 1.0]), False)
    tensor_3.to_data().assert_eq(TensorData([6.0, 6.0]), False)


def test_should_diff_add_scalar(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data = TensorData([2.0, 10.0])
    tensor = TestTensor.from_data(data, device).require_grad()
    tensor_out = tensor.add_scalar(5.0)
    grads = tensor_out.backward()
    grad = tensor.grad(grads)
    grad.to_data().assert_eq(TensorData([1.0, 1.0]), False)
    tensor_out.into_data().assert_eq(TensorData([7.0, 15.0]), False)


def test_add_complex_1(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [13.0, -3.0]])
    data_2 = TensorData([[4.0, 7.0], [2.0, 3.0]])
    data_3 = TensorData([[2.0, 2.0], [2.0, 2.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = TestTensor.from_data(data_3, device).require_grad()
    tensor_4 = tensor_1.add(tensor_2)
    tensor_5 = tensor_4.add(tensor_3).add_scalar(5.0).add(tensor_1).add(tensor_2)
    tensor_6 = tensor_1.add(tensor_5)
    grads = tensor_6.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[3.0, 3.0], [3.0, 3.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[2.0, 2.0], [2.0, 2.0]]), False)
