"""Burn's `autodiff/slice_assign.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_matmul_with_slice_assign(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [2.0, 3.0]])
    data_2 = TensorData([[4.0, 7.0], [2.0, 3.0]])
    data_assigned = TensorData([[9.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_assigned = TestTensor.from_data(data_assigned, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    tensor_4 = tensor_3.slice_assign([bslice(0, 1, 1, False),bslice(0, 1, 1, False)], tensor_assigned)
    tensor_5 = tensor_4.matmul(tensor_1)
    grads = tensor_5.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[58.0, 38.0], [118.0, 82.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[16.0, 15.0], [24.0, 50.0]]), False)


def test_should_diff_matmul_with_slice_assign_complex(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [2.0, 3.0]])
    data_2 = TensorData([[4.0, 7.0], [2.0, 3.0]])
    data_3 = TensorData([[9.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = TestTensor.from_data(data_3, device).require_grad()
    tensor_4 = tensor_1.matmul(tensor_2)
    tensor_5 = tensor_2.slice([bslice(0, 1, 1, False),bslice(0, 1, 1, False)])
    tensor_6 = tensor_5.mul(tensor_3)
    tensor_7 = tensor_4.slice_assign([bslice(0, 1, 1, False),bslice(0, 1, 1, False)], tensor_6)
    tensor_8 = tensor_7.matmul(tensor_1)
    grads = tensor_8.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_3 = tensor_3.grad(grads)
    grad_3.to_data().assert_eq(TensorData([[32.0]]), False)
    grad_1.to_data().assert_eq(TensorData([[85.0, 65.0], [118.0, 82.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[88.0, 15.0], [24.0, 50.0]]), False)


def test_slice_assign_diff_should_give_same_results_as_cat(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 2.0], [3.0, 4.0]])
    data_2 = TensorData([[5.0, 6.0], [7.0, 8.0]])
    data_3 = TensorData([[14.0, 97.0, 100.0, 9.0], [2.0, 3.0, 15.0, 7.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = TestTensor.from_data(data_3, device)
    slice_assign_output = TestTensor.zeros([2, 4], device)
    slice_assign_output = slice_assign_output.slice_assign([bslice(0, 2, 1, False),bslice(0, 2, 1, False)], tensor_1)
    slice_assign_output = slice_assign_output.slice_assign([bslice(0, 2, 1, False),bslice(2, 4, 1, False)], tensor_2)
    slice_assign_output = slice_assign_output / tensor_3
    cat_output = TestTensor.cat([tensor_1, tensor_2], 1)
    cat_output = cat_output / tensor_3
    slice_assign_output.to_data().assert_approx_eq(cat_output.to_data(), Tolerance.default())
    slice_assign_grads = slice_assign_output.backward()
    cat_grads = cat_output.backward()
    slice_assign_grad_1 = tensor_1.grad(slice_assign_grads)
    slice_assign_grad_2 = tensor_2.grad(slice_assign_grads)
    cat_grad_1 = tensor_1.grad(cat_grads)
    cat_grad_2 = tensor_2.grad(cat_grads)
    slice_assign_grad_1.to_data().assert_approx_eq(cat_grad_1.to_data(), Tolerance.default())
    slice_assign_grad_2.to_data().assert_approx_eq(cat_grad_2.to_data(), Tolerance.default())


def test_should_diff_slice_assign_with_step(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data = TensorData([[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]])
    value_data = TensorData([[1.0, 2.0], [3.0, 4.0]])
    device = device
    tensor = TestTensor.from_data(data, device).require_grad()
    value = TestTensor.from_data(value_data, device).require_grad()
    result = tensor.slice_assign([bslice(None, None, 1, False), bslice(0, 4, 2, False)], value)
    result = result * 2.0
    grads = result.backward()
    grad_tensor = tensor.grad(grads)
    grad_value = value.grad(grads)
    grad_tensor.to_data().assert_eq(TensorData([[0.0, 2.0, 0.0, 2.0], [0.0, 2.0, 0.0, 2.0]]), False)
    grad_value.to_data().assert_eq(TensorData([[2.0, 2.0], [2.0, 2.0]]), False)


def test_should_diff_slice_assign_with_negative_step(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data = TensorData([[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]])
    value_data = TensorData([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]])
    device = device
    tensor = TestTensor.from_data(data, device).require_grad()
    value = TestTensor.from_data(value_data, device).require_grad()
    result = tensor.slice_assign([bslice(None, None, 1, False), bslice(None, None, -1, False)], value)
    result = result * 2.0
    grads = result.backward()
    grad_tensor = tensor.grad(grads)
    grad_value = value.grad(grads)
    grad_tensor.to_data().assert_eq(TensorData([[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]), False)
    grad_value.to_data().assert_eq(TensorData([[2.0, 2.0, 2.0, 2.0], [2.0, 2.0, 2.0, 2.0]]), False)
