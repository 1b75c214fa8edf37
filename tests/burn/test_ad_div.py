"""Burn's `autodiff/div.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_div(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([1.0, 7.0])
    data_2 = TensorData([4.0, 7.0])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.div(tensor_2)
    grads = tensor_3.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([0.25, 0.14285715])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([-0.0625, -0.14285715])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_div_scalar(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data = TensorData([1.0, 7.0])
    tensor = TestTensor.from_data(data, device).require_grad()
    tensor_out = tensor.div_scalar(4.0)
    grads = tensor_out.backward()
    grad = tensor.grad(grads)
    grad.to_data().assert_eq(TensorData([0.25, 0.25]), False)


def test_div_complex_1(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [13.0, -3.0]])
    data_2 = TensorData([[4.0, 7.0], [2.0, 3.0]])
    data_3 = TensorData([[2.0, 2.0], [2.0, 2.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = TestTensor.from_data(data_3, device).require_grad()
    tensor_4 = tensor_1.div(tensor_2)
    tensor_5 = tensor_4.div(tensor_3)
    grads = tensor_5.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_3 = tensor_3.grad(grads)
    expected = TensorData([[0.1250, 0.07142857], [0.25, 0.16666667]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[-0.03125, -0.07142857], [-1.6250, 0.16666667]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[-0.0625, -0.25], [-1.6250, 0.25]])
    grad_3.to_data().assert_approx_eq(expected, Tolerance.default())


def test_div_complex_2(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[6.0, 7.0], [9.0, 10.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_3.div(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    tolerance = Tolerance.default().set_half_precision_absolute(2e-3)
    expected = TensorData([[2.00, 2.92857146], [1.36666667, 2.0]])
    grad_1.to_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([[0.08333334, 0.09591837], [-0.05555558, -0.06714284]])
    grad_2.to_data().assert_approx_eq(expected, tolerance)
