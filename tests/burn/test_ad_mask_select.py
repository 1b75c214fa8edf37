"""Burn's `autodiff/mask_select.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_mask_select_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data(TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]), device).require_grad()
    mask = TestTensorBool.from_data(TensorData([[True, False, True], [False, True, False]]), device)
    tensor_2 = tensor_1.mask_select(mask)
    tensor_3 = tensor_2 * tensor_2
    grads = tensor_3.backward()
    grad_1 = tensor_1.grad(grads)
    grad_1.into_data().assert_eq(TensorData([[0.0, 0.0, 4.0], [0.0, 8.0, 0.0]]), False)


def test_mask_select_grad_empty_mask(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor_1 = TestTensor.from_data(TensorData([1.0, 2.0, 3.0]), device).require_grad()
    mask = TestTensorBool.from_data(TensorData([False, False, False]), device)
    tensor_2 = tensor_1.mask_select(mask)
    tensor_3 = tensor_2.sum()
    grads = tensor_3.backward()
    grad_1 = tensor_1.grad(grads)
    grad_1.into_data().assert_eq(TensorData([0.0, 0.0, 0.0]), False)


def test_mask_select_int(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensorInt.from_data(TensorData([[1, 2, 3], [4, 5, 6]]), device)
    mask = TestTensorBool.from_data(TensorData([[False, True, False], [True, False, True]]), device)
    output = tensor.mask_select(mask)
    output.into_data().assert_eq(TensorData([2, 4, 6]), False)


def test_mask_select_bool(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensorBool.from_data(TensorData([True, False, True]), device)
    mask = TestTensorBool.from_data(TensorData([True, True, False]), device)
    output = tensor.mask_select(mask)
    output.into_data().assert_eq(TensorData([True, False]), False)
