"""Burn's `autodiff/gather_scatter.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_gather_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data(TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]), device).require_grad()
    indices = TestTensorInt.from_data(TensorData([[2, 1, 0, 1, 2], [1, 0, 2, 1, 0]]), device)
    tensor_2 = tensor_1.matmul(tensor_1.transpose())
    tensor_3 = tensor_1.gather(1, indices)
    tensor_4 = tensor_2.matmul(tensor_3)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[94.0, 150.0, 187.0], [242.0, 305.0, 304.0]]), False)


def test_scatter_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data(TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]), device).require_grad()
    values = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), device).require_grad()
    indices = TestTensorInt.from_data(TensorData([[2, 1, 0], [2, 0, 1]]), device)
    tensor_2 = tensor_1.matmul(tensor_1.transpose())
    tensor_3 = tensor_1.scatter(1, indices, values, IndexingUpdateOp.Add)
    tensor_4 = tensor_2.matmul(tensor_3)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = values.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[127.0, 181.0, 235.0], [226.0, 316.0, 406.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[19.0, 19.0, 19.0], [64.0, 64.0, 64.0]]), False)


def test_scatter_assign_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.from_data(TensorData([[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0]]), device).require_grad()
    values = TestTensor.from_data(TensorData([[10.0, 20.0], [30.0, 40.0]]), device).require_grad()
    indices = TestTensorInt.from_data(TensorData([[2, 0], [3, 1]]), device)
    result = tensor.scatter(1, indices, values, IndexingUpdateOp.Assign)
    result.into_data().assert_eq(TensorData([[20.0, 1.0, 10.0, 3.0], [4.0, 40.0, 6.0, 30.0]]), False)
    grads = result.sum().backward()
    grad_tensor = tensor.grad(grads)
    grad_values = values.grad(grads)
    grad_tensor.to_data().assert_eq(TensorData([[0.0, 1.0, 0.0, 1.0], [1.0, 0.0, 1.0, 0.0]]), False)
    grad_values.to_data().assert_eq(TensorData([[1.0, 1.0], [1.0, 1.0]]), False)


def test_scatter_add_grad_partial_indices(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data(TensorData([[0.0, 1.0, 2.0, 3.0, 4.0, 5.0]]), device).require_grad()
    tensor_2 = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]]), device).require_grad()
    values = TestTensor.from_data(TensorData([[4.0, 5.0, 6.0]]), device).require_grad()
    indices = TestTensorInt.from_data(TensorData([[2, 1, 0]]), device)
    tensor_3 = tensor_1.mul(tensor_2)
    tensor_4 = tensor_3.scatter(1, indices, values, IndexingUpdateOp.Add)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = values.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0]]), False)
