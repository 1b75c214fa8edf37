"""Burn's `tensor/float/ops/repeat.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_repeat_ops_one_dimension(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.repeat([4, 1, 1])
    expected = TensorData([[0.0, 1.0, 2.0], [0.0, 1.0, 2.0], [0.0, 1.0, 2.0], [0.0, 1.0, 2.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_float_repeat_repeating_on_many_dimensions(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]], [[9.0, 10.0], [11.0, 12.0]], [[13.0, 14.0], [15.0, 16.0]]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.repeat([2, 3, 2])
    expected = TensorData([[[1.0, 2.0, 1.0, 2.0], [3.0, 4.0, 3.0, 4.0], [1.0, 2.0, 1.0, 2.0], [3.0, 4.0, 3.0, 4.0], [1.0, 2.0, 1.0, 2.0], [3.0, 4.0, 3.0, 4.0]], [[5.0, 6.0, 5.0, 6.0], [7.0, 8.0, 7.0, 8.0], [5.0, 6.0, 5.0, 6.0], [7.0, 8.0, 7.0, 8.0], [5.0, 6.0, 5.0, 6.0], [7.0, 8.0, 7.0, 8.0]], [[9.0, 10.0, 9.0, 10.0], [11.0, 12.0, 11.0, 12.0], [9.0, 10.0, 9.0, 10.0], [11.0, 12.0, 11.0, 12.0], [9.0, 10.0, 9.0, 10.0], [11.0, 12.0, 11.0, 12.0]], [[13.0, 14.0, 13.0, 14.0], [15.0, 16.0, 15.0, 16.0], [13.0, 14.0, 13.0, 14.0], [15.0, 16.0, 15.0, 16.0], [13.0, 14.0, 13.0, 14.0], [15.0, 16.0, 15.0, 16.0]], [[1.0, 2.0, 1.0, 2.0], [3.0, 4.0, 3.0, 4.0], [1.0, 2.0, 1.0, 2.0], [3.0, 4.0, 3.0, 4.0], [1.0, 2.0, 1.0, 2.0], [3.0, 4.0, 3.0, 4.0]], [[5.0, 6.0, 5.0, 6.0], [7.0, 8.0, 7.0, 8.0], [5.0, 6.0, 5.0, 6.0], [7.0, 8.0, 7.0, 8.0], [5.0, 6.0, 5.0, 6.0], [7.0, 8.0, 7.0, 8.0]], [[9.0, 10.0, 9.0, 10.0], [11.0, 12.0, 11.0, 12.0], [9.0, 10.0, 9.0, 10.0], [11.0, 12.0, 11.0, 12.0], [9.0, 10.0, 9.0, 10.0], [11.0, 12.0, 11.0, 12.0]], [[13.0, 14.0, 13.0, 14.0], [15.0, 16.0, 15.0, 16.0], [13.0, 14.0, 13.0, 14.0], [15.0, 16.0, 15.0, 16.0], [13.0, 14.0, 13.0, 14.0], [15.0, 16.0, 15.0, 16.0]]])
    output.into_data().assert_eq(expected, False)


def test_should_repeat_0_times_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones([2, 3, 4], device)
    output = tensor.repeat([1, 0, 2])
    assert_eq_(output.shape(), [2, 0, 8])
