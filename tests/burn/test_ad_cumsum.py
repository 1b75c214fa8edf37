"""Burn's `autodiff/cumsum.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_cumsum_dim0(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [-2.0, -3.0]])
    data_2 = TensorData([[4.0, -7.0], [2.0, 3.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_3.cumsum(0)
    tensor_5 = tensor_1.mul(tensor_4)
    grads = tensor_5.sum().backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[-14.0, 24.0], [17.0, 6.0]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[3.0, 10.0], [-1.0, 37.0]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_cumsum_dim1(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [-2.0, -3.0]])
    data_2 = TensorData([[4.0, -7.0], [2.0, 3.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_3.cumsum(1)
    tensor_5 = tensor_1.mul(tensor_4)
    grads = tensor_5.sum().backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[1.0, 69.0], [-13.0, -28.0]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[18.0, 13.0], [71.0, 58.0]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_cumsum_complex(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[6.0, 7.0], [9.0, 10.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_3.cumsum(1)
    tensor_5 = tensor_4.mul(tensor_3)
    grads = tensor_5.sum().backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[371.0, 542.0], [2246.0, 3281.0]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[507.0, 528.0], [704.0, 733.0]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())
