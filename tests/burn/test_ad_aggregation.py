"""Burn's `autodiff/aggregation.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_mean(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [-2.0, -3.0]])
    data_2 = TensorData([[4.0, -7.0], [2.0, 3.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_1.mul(tensor_3.mean().unsqueeze())
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[3.5, 9.5], [3.5, 9.5]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[-0.75, -0.75], [3.0, 3.0]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_sum_1(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [-2.0, -3.0]])
    data_2 = TensorData([[4.0, -7.0], [2.0, 3.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_1.mul(tensor_3.sum().unsqueeze())
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[14.0, 38.0], [14.0, 38.0]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[-3.0, -3.0], [12.0, 12.0]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_sum_2(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[6.0, 7.0], [9.0, 10.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_3.sum_dim(1)
    tensor_5 = tensor_4.mul(tensor_3)
    grads = tensor_5.sum().backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[494.0, 722.0], [2990.0, 4370.0]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[690.0, 690.0], [958.0, 958.0]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_mean_dim(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [-2.0, -3.0]])
    data_2 = TensorData([[4.0, -7.0], [2.0, 3.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_1.mul(tensor_3.mean_dim(1).unsqueeze())
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[4.0, 36.0], [3.0, -17.0]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[9.0, 9.0], [35.5, 35.5]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_sum_dim(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [-2.0, -3.0]])
    data_2 = TensorData([[4.0, -7.0], [2.0, 3.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_1.mul(tensor_3.sum_dim(1).unsqueeze())
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    expected = TensorData([[8.0, 72.0], [6.0, -34.0]])
    grad_1.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[18.0, 18.0], [71.0, 71.0]])
    grad_2.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_prod(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([2.0, 3.0, 4.0]), device).require_grad()
    output = tensor.prod()
    grads = output.backward()
    grad = tensor.grad(grads)
    expected = TensorData([12.0, 8.0, 6.0])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_prod_with_negatives(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([2.0, -3.0, 4.0]), device).require_grad()
    output = tensor.prod()
    output.to_data().assert_approx_eq(TensorData([-24.0]), Tolerance.default())
    grads = output.backward()
    grad = tensor.grad(grads)
    expected = TensorData([-12.0, 8.0, -6.0])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_prod_dim(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), device).require_grad()
    output = tensor.prod_dim(1)
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([[6.0, 3.0, 2.0], [30.0, 24.0, 20.0]])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_should_diff_prod_dim_with_negatives(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([[1.0, -2.0, 3.0], [-4.0, 5.0, 6.0]]), device).require_grad()
    output = tensor.prod_dim(0)
    output.to_data().assert_approx_eq(TensorData([[-4.0, -10.0, 18.0]]), Tolerance.default())
    grads = output.sum().backward()
    grad = tensor.grad(grads)
    expected = TensorData([[-4.0, 5.0, 6.0], [1.0, -2.0, 3.0]])
    grad.to_data().assert_approx_eq(expected, Tolerance.default())
