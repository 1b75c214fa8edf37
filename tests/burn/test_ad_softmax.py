"""Burn's `autodiff/softmax.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_softmax_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[6.0, 7.0], [9.0, 10.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = activation.softmax(tensor_3, 1).matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[1.179665, 1.179661], [0.005462, 0.005463]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.rel_abs(0.05, 0.5))
    expected = TensorData([[0.253469, 0.286237], [0.528630, 2.931664]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.rel_abs(0.05, 0.05))


def test_log_softmax_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[6.0, 7.0], [9.0, 10.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = activation.log_softmax(tensor_3, 1).matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[-4.3939, -4.3939], [-12.9709, -12.9709]])
    tolerance = Tolerance.permissive().set_half_precision_relative(6e-2)
    grad_1.to_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([[30.5984, -47.2267], [55.9631, -56.5914]])
    grad_2.to_data().assert_approx_eq(expected, tolerance)


def test_quiet_softmax_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[6.0, 7.0], [9.0, 10.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = activation.softmax(tensor_3, 1).matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[1.179665, 1.179661], [0.005462, 0.005463]])
    tolerance = Tolerance.rel_abs(0.5, 0.2)
    grad_1.to_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([[0.253469, 0.286237], [0.528630, 2.931664]])
    grad_2.to_data().assert_approx_eq(expected, tolerance)
