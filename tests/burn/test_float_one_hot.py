"""Burn's `tensor/float/ops/one_hot.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_float_should_support_one_hot(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([0.0, 1.0, 4.0])
    one_hot_tensor = expect_rank(tensor.one_hot(5), 2, 'tensor.one_hot(5)')
    expected = TensorData([[1.0, 0.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 1.0]])
    one_hot_tensor.into_data().assert_eq(expected, False)


def test_float_should_support_one_hot_index(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([2.0])
    one_hot_tensor = expect_rank(tensor.one_hot(10), 2, 'tensor.one_hot(10)')
    expected = TensorData([[0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]])
    one_hot_tensor.into_data().assert_eq(expected, False)


def test_float_one_hot_should_panic_when_index_exceeds_number_of_classes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['one_hot']):
        tensor = TestTensor.from_([5.0])
        _result = expect_rank(tensor.one_hot(5), 2, 'tensor.one_hot(5)')


def test_float_one_hot_should_panic_when_number_of_classes_is_zero(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['one_hot']):
        tensor = TestTensor.from_([0.0])
        _result = expect_rank(tensor.one_hot(0), 2, 'tensor.one_hot(0)')


def test_one_hot_fill_with_negative_axis_and_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0, 2], [1, -1]])
    expected = TensorData([[[5.0, 0.0, 0.0], [0.0, 0.0, 5.0]], [[0.0, 5.0, 0.0], [0.0, 0.0, 5.0]]])
    one_hot_tensor = expect_rank(tensor.one_hot_fill(3, 5.0, 0.0, -1), 3, 'tensor.one_hot_fill(3, 5.0, 0.0, -1)')
    one_hot_tensor.into_data().assert_eq(expected, False)


def test_one_hot_fill_with_negative_axis_at_start(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0, 1], [1, 0]])
    expected = expect_rank(tensor.one_hot_fill(2, 1.0, 0.0, 0), 3, 'tensor.one_hot_fill(2, 1.0, 0.0, 0)')
    actual = expect_rank(tensor.one_hot_fill(2, 1.0, 0.0, -3), 3, 'tensor.one_hot_fill(2, 1.0, 0.0, -3)')
    actual.into_data().assert_eq(expected.into_data(), False)


def test_one_hot_fill_with_negative_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([0.0, -7.0, -8.0])
    expected = TensorData([[3.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 3.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 3.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]])
    one_hot_tensor = expect_rank(tensor.one_hot_fill(10, 3.0, 1.0, 1), 2, 'tensor.one_hot_fill(10, 3.0, 1.0, 1)')
    one_hot_tensor.into_data().assert_eq(expected, False)


def test_one_hot_fill_should_panic_when_axis_out_range_of_rank(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['one_hot_fill']):
        tensor = TestTensor.from_([[0.0, 2.0], [1.0, -1.0]])
        _one_hot_tensor = expect_rank(tensor.one_hot_fill(2, 5.0, 0.0, 3), 3, 'tensor.one_hot_fill(2, 5.0, 0.0, 3)')


def test_one_hot_fill_should_panic_when_negative_axis_out_range_of_rank(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['one_hot_fill']):
        tensor = TestTensor.from_([[0.0, 2.0], [1.0, -1.0]])
        _one_hot_tensor = expect_rank(tensor.one_hot_fill(2, 5.0, 0.0, -4), 3, 'tensor.one_hot_fill(2, 5.0, 0.0, -4)')
