"""Burn's `tensor/int/ops/mask.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_mask_where_broadcast_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(2, 6, 1, False), device).reshape([1, 2, 2])
    mask = TestTensorBool.from_bool(TensorData([[[True, False], [False, True]], [[False, True], [True, False]], [[False, False], [False, False]], [[True, True], [True, True]]]), device)
    value = TestTensorInt.ones([4, 2, 2], device)
    output = tensor.mask_where(mask, value)
    expected = TensorData([[[1, 3], [4, 1]], [[2, 1], [1, 5]], [[2, 3], [4, 5]], [[1, 1], [1, 1]]])
    output.into_data().assert_eq(expected, False)


def test_should_support_int_mask_where_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([[1, 7], [2, 3]], device)
    mask = TestTensorBool.from_bool(TensorData([[True, False], [False, True]]), device)
    value = TestTensorInt.from_data(TensorData([[8, 9], [10, 11]]), device)
    output = tensor.mask_where(mask, value)
    expected = TensorData([[8, 7], [2, 11]])
    output.into_data().assert_eq(expected, False)


def test_should_support_int_mask_fill_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([[1, 7], [2, 3]], device)
    mask = TestTensorBool.from_bool(TensorData([[True, False], [False, True]]), device)
    output = tensor.mask_fill(mask, 9)
    expected = TensorData([[9, 7], [2, 9]])
    output.into_data().assert_eq(expected, False)


def test_should_support_int_mask_fill_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([10, 20, 30, 40]).flip([0])
    mask = TestTensorBool.from_([True, False, True, False])
    output = tensor.mask_fill(mask, -1)
    output.into_data().assert_eq(TensorData([-1, 30, -1, 10]), False)
