"""Burn's `autodiff/select.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_select_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data(TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]), device).require_grad()
    indices = TestTensorInt.from_data(TensorData([1, 0]), device)
    tensor_2 = tensor_1.matmul(tensor_1.transpose())
    tensor_3 = tensor_1.select(0, indices)
    tensor_4 = tensor_2.matmul(tensor_3)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_1.into_data().assert_eq(TensorData([[109.0, 148.0, 187.0], [37.0, 58.0, 79.0]]), False)


def test_select_add_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data(TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]), device).require_grad()
    values = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), device).require_grad()
    indices = TestTensorInt.from_data(TensorData([1, 0]), device)
    tensor_2 = tensor_1.matmul(tensor_1.transpose())
    tensor_3 = tensor_1.select_assign(0, indices, values, IndexingUpdateOp.Add)
    tensor_4 = tensor_2.matmul(tensor_3)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = values.grad(grads)
    grad_1.into_data().assert_eq(TensorData([[127.0, 199.0, 271.0], [172.0, 244.0, 316.0]]), False)
    grad_2.into_data().assert_eq(TensorData([[64.0, 64.0, 64.0], [19.0, 19.0, 19.0]]), False)


def test_select_assign_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0]]), device).require_grad()
    values = TestTensor.from_data(TensorData([[10.0, 20.0], [30.0, 40.0]]), device).require_grad()
    indices = TestTensorInt.from_data(TensorData([3, 1]), device)
    result = tensor.select_assign(1, indices, values, IndexingUpdateOp.Assign)
    result.into_data().assert_eq(TensorData([[0.0, 20.0, 2.0, 10.0], [4.0, 40.0, 6.0, 30.0]]), False)
    grads = result.sum().backward()
    grad_tensor = tensor.grad(grads)
    grad_values = values.grad(grads)
    grad_tensor.into_data().assert_eq(TensorData([[1.0, 0.0, 1.0, 0.0], [1.0, 0.0, 1.0, 0.0]]), False)
    grad_values.into_data().assert_eq(TensorData([[1.0, 1.0], [1.0, 1.0]]), False)


def test_select_add_grad_different_shapes(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    indices = TestTensorInt.from_ints([1], device)
    x = TestTensor.ones([1, 1], device).require_grad()
    y = TestTensor.ones([2, 1], device).require_grad()
    w = y.select_assign(0, indices, x, IndexingUpdateOp.Add)
    w = w.matmul(y.transpose())
    grads = w.backward()
    x_grad = x.grad(grads)
    y_grad = y.grad(grads)
    x_grad.into_data().assert_eq(TensorData([[2.0]]), False)
    y_grad.into_data().assert_eq(TensorData([[5.0], [5.0]]), False)
