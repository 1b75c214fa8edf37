"""Burn's `tensor/int/ops/repeat.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_int_repeat_ops_one_dimension(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0, 1, 2]])
    tensor = TestTensorInt.from_data(data, device)
    output = tensor.repeat([4, 1, 1])
    expected = TensorData([[0, 1, 2], [0, 1, 2], [0, 1, 2], [0, 1, 2]])
    output.into_data().assert_eq(expected, False)


def test_should_support_int_repeat_on_many_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[[1, 2], [3, 4]], [[5, 6], [7, 8]], [[9, 10], [11, 12]], [[13, 14], [15, 16]]])
    tensor = TestTensorInt.from_data(data, device)
    output = tensor.repeat([2, 3, 2])
    expected = TensorData([[[1, 2, 1, 2], [3, 4, 3, 4], [1, 2, 1, 2], [3, 4, 3, 4], [1, 2, 1, 2], [3, 4, 3, 4]], [[5, 6, 5, 6], [7, 8, 7, 8], [5, 6, 5, 6], [7, 8, 7, 8], [5, 6, 5, 6], [7, 8, 7, 8]], [[9, 10, 9, 10], [11, 12, 11, 12], [9, 10, 9, 10], [11, 12, 11, 12], [9, 10, 9, 10], [11, 12, 11, 12]], [[13, 14, 13, 14], [15, 16, 15, 16], [13, 14, 13, 14], [15, 16, 15, 16], [13, 14, 13, 14], [15, 16, 15, 16]], [[1, 2, 1, 2], [3, 4, 3, 4], [1, 2, 1, 2], [3, 4, 3, 4], [1, 2, 1, 2], [3, 4, 3, 4]], [[5, 6, 5, 6], [7, 8, 7, 8], [5, 6, 5, 6], [7, 8, 7, 8], [5, 6, 5, 6], [7, 8, 7, 8]], [[9, 10, 9, 10], [11, 12, 11, 12], [9, 10, 9, 10], [11, 12, 11, 12], [9, 10, 9, 10], [11, 12, 11, 12]], [[13, 14, 13, 14], [15, 16, 15, 16], [13, 14, 13, 14], [15, 16, 15, 16], [13, 14, 13, 14], [15, 16, 15, 16]]])
    output.into_data().assert_eq(expected, False)
