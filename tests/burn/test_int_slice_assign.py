"""Burn's `tensor/int/ops/slice_assign.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_slice_assign_should_not_corrupt_potentially_inplace_operations(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([1, 2, 3, 4, 5], device)
    values = TestTensorInt.from_data([10, 20, 30], device)
    tensor_1 = tensor.slice_assign([bslice(0, 3, 1, False)], values)
    tensor_2 = tensor + 2
    expected = TensorData([10, 20, 30, 4, 5])
    tensor_1.into_data().assert_eq(expected, False)
    expected = TensorData([3, 4, 5, 6, 7])
    tensor_2.into_data().assert_eq(expected, False)


def test_slice_assign_int_tensor_with_steps(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]], device)
    values = TestTensorInt.from_data([[100, 101, 102, 103], [200, 201, 202, 203]], device)
    output = tensor.slice_assign([bslice(0, 3, 2, False)], values)
    expected = TensorData([[100, 101, 102, 103], [5, 6, 7, 8], [200, 201, 202, 203]])
    output.into_data().assert_eq(expected, False)
    values = TestTensorInt.from_data([[40, 30, 20, 10], [80, 70, 60, 50], [120, 110, 100, 90]], device)
    output = tensor.slice_assign([bslice(None, None, 1, False), bslice(0, 4, -1, False)], values)
    expected = TensorData([[10, 20, 30, 40], [50, 60, 70, 80], [90, 100, 110, 120]])
    output.into_data().assert_eq(expected, False)


def test_should_support_slice_assign_empty_range_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([1, 2, 3, 4, 5], device)
    values = expect_rank(TestTensorInt.empty([0], device), 1, 'TestTensorInt.empty([0], device)')
    output = tensor.slice_assign([bslice(3, 3, 1, False)], values)
    expected = TensorData([1, 2, 3, 4, 5])
    output.into_data().assert_eq(expected, False)
