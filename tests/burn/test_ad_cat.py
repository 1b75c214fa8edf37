"""Burn's `autodiff/cat.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_cat(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([[2.0, -1.0], [5.0, 2.0]], device).require_grad()
    tensor_2 = TestTensor.from_data([[5.0, 4.0], [-1.0, 4.0]], device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2)
    grads = tensor_3.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    tensor_1_list = []
    tensor_2_list = []
    for i in range(0, 2):
        tensor_1_list.append(tensor_1.slice([bslice(i, i + 1, 1, False)]))
        tensor_2_list.append(tensor_2.slice([bslice(i, i + 1, 1, False)]))
    tensor_1_cat = TestTensor.cat(tensor_1_list, 0)
    tensor_2_cat = TestTensor.cat(tensor_2_list, 0)
    tensor_3_cat = tensor_1_cat.matmul(tensor_2_cat)
    grads = tensor_3_cat.backward()
    grad_1_slice_1 = tensor_1.grad(grads).slice([bslice(0, 1, 1, False)])
    grad_1_slice_2 = tensor_1.grad(grads).slice([bslice(1, 2, 1, False)])
    grad_2_slice_1 = tensor_2.grad(grads).slice([bslice(0, 1, 1, False)])
    grad_2_slice_2 = tensor_2.grad(grads).slice([bslice(1, 2, 1, False)])
    grad_1.slice([bslice(0, 1, 1, False)]).to_data().assert_approx_eq(grad_1_slice_1.to_data(), Tolerance.default())
    grad_1.slice([bslice(1, 2, 1, False)]).to_data().assert_approx_eq(grad_1_slice_2.to_data(), Tolerance.default())
    grad_2.slice([bslice(0, 1, 1, False)]).to_data().assert_approx_eq(grad_2_slice_1.to_data(), Tolerance.default())
    grad_2.slice([bslice(1, 2, 1, False)]).to_data().assert_approx_eq(grad_2_slice_2.to_data(), Tolerance.default())


def test_should_diff_cat_more_than_1_dim(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([[2.0, -1.0], [5.0, 2.0]], device).require_grad()
    tensor_2 = TestTensor.from_data([[5.0, 4.0], [-1.0, 4.0], [4.0, 1.0]], device).require_grad()
    tensor_3 = TestTensor.cat([tensor_1, tensor_2], 0)
    assert_eq_(tensor_3.dims(), [5, 2])
    grads = tensor_3.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    assert_eq_(tensor_1.dims(), grad_1.dims())
    assert_eq_(tensor_2.dims(), grad_2.dims())


def test_should_slice_grads_correctly_when_some_inputs_not_tracked(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data([[1.0]], device).require_grad()
    tensor_2 = TestTensor.from_data([[10.0, 20.0]], device)
    tensor_3 = TestTensor.from_data([[100.0, 200.0, 300.0]], device).require_grad()
    cat = TestTensor.cat([tensor_1, tensor_2, tensor_3], 1)
    weights = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]], device)
    loss = (cat * weights).sum()
    grads = loss.backward()
    grad_1 = tensor_1.grad(grads)
    grad_3 = tensor_3.grad(grads)
    grad_1.to_data().assert_eq(burn_tensor.TensorData([[1.0]]), False)
    grad_3.to_data().assert_eq(burn_tensor.TensorData([[4.0, 5.0, 6.0]]), False)
