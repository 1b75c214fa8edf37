"""Burn's `tensor/float/stats/median.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_median_even(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.5, 1.8, 0.2, -2.0], [3.0, -4.0, 5.0, 0.0]], device)
    median_actual_1 = tensor.median(1)
    median_expected_1 = TensorData([[0.2], [0.0]]).convert('float32')
    median_actual_1.into_data().assert_eq(median_expected_1, False)
    median_actual_0 = tensor.median(0)
    median_expected_0 = TensorData([[0.5, -4.0, 0.2, -2.0]]).convert('float32')
    median_actual_0.into_data().assert_eq(median_expected_0, False)


def test_median_odd(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.5, 1.8, 0.2, -2.0, 1.0], [3.0, -4.0, 5.0, 0.0, -1.0], [5.0, -5.0, 1.0, 3.0, -2.0]], device)
    median_actual_1 = tensor.median(1)
    median_expected_1 = TensorData([[0.5], [0.0], [1.0]]).convert('float32')
    median_actual_1.into_data().assert_eq(median_expected_1, False)
    median_actual_0 = tensor.median(0)
    median_expected_0 = TensorData([[3.0, -4.0, 1.0, 0.0, -1.0]]).convert('float32')
    median_actual_0.into_data().assert_eq(median_expected_0, False)


def test_median_with_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([3.0, 1.0, 2.0], device)
    values, indices = tensor.median_with_indices(0)
    values.into_data().assert_eq(TensorData([2.0]), False)
    indices.into_data().assert_eq(TensorData([2]), False)
    tensor = TestTensor.from_data([[5.0, 1.0, 3.0], [2.0, 8.0, 4.0]], device)
    values, indices = tensor.median_with_indices(1)
    values.into_data().assert_eq(TensorData([[3.0], [4.0]]), False)
    indices.into_data().assert_eq(TensorData([[2], [2]]), False)


def test_median_all_elements(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[0.5, 1.8, 0.2, -2.0, 1.0], [3.0, -4.0, 5.0, 0.0, -1.0], [5.0, -5.0, 1.0, 3.0, -2.0]], device)
    dims = len(tensor.dims())
    flattened_tensor = expect_rank(tensor.flatten(0, dims - 1), 1, 'tensor.flatten(0, dims - 1)')
    result = flattened_tensor.median(0)
    result.into_data().assert_eq(TensorData([0.5]), False)


def test_median_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_data([[5.0, 1.0, 3.0], [2.0, 8.0, 4.0]], device)
    median = tensor.median(1).into_data()
    tensor.median(-1).into_data().assert_eq(median, False)
    values, indices = tensor.median_with_indices(1)
    values_negative, indices_negative = tensor.median_with_indices(-1)
    values_negative.into_data().assert_eq(values.into_data(), False)
    indices_negative.into_data().assert_eq(indices.into_data(), False)
