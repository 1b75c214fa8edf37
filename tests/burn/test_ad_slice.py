"""Burn's `autodiff/slice.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_matmul_with_slice(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [2.0, 3.0]])
    data_2 = TensorData([[4.0, 7.0, 100.0], [2.0, 3.0, 15.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_2.slice([bslice(0, 2, 1, False),bslice(0, 2, 1, False)])
    tensor_4 = tensor_1.matmul(tensor_3)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[11.0, 5.0], [11.0, 5.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[3.0, 3.0, 0.0], [10.0, 10.0, 0.0]]), False)


def test_should_diff_matmul_with_slice_stepped(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[1.0, 7.0], [100.0, 100.0], [2.0, 3.0], [100.0, 100.0]])
    data_2 = TensorData([[4.0, 100.0, 7.0, 100.0], [2.0, 100.0, 3.0, 15.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.slice([bslice(0, None, 2, False), bslice(0, 2, 1, False)])
    tensor_4 = tensor_2.slice([bslice(0, 2, 1, False), bslice(0, None, 2, False)])
    tensor_5 = tensor_3.matmul(tensor_4)
    grads = tensor_5.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_eq(TensorData([[11.0, 5.0], [0.0, 0.0], [11.0, 5.0], [0.0, 0.0]]), False)
    grad_2.to_data().assert_eq(TensorData([[3.0, 0.0, 3.0, 0.0], [10.0, 0.0, 10.0, 0.0]]), False)


def test_should_panic_on_slice_with_step(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data = TensorData([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]])
    device = device
    tensor = TestTensor.from_data(data, device).require_grad()
    _sliced = tensor.slice([bslice(None, None, 1, False), bslice(0, 4, 2, False)])
