"""Burn's `tensor/int/ops/one_hot.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_int_should_support_one_hot(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([0, 1, 4])
    one_hot_tensor = expect_rank(tensor.one_hot(5), 2, 'tensor.one_hot(5)')
    expected = TensorData([[1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 0, 0, 1]])
    one_hot_tensor.into_data().assert_eq(expected, False)


def test_int_one_hot_should_panic_when_index_exceeds_number_of_classes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['one_hot']):
        tensor = TestTensorInt.from_([5])
        _result = expect_rank(tensor.one_hot(5), 2, 'tensor.one_hot(5)')


def test_int_one_hot_should_panic_when_number_of_classes_is_zero(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['one_hot']):
        tensor = TestTensorInt.from_([2])
        _result = expect_rank(tensor.one_hot(0), 2, 'tensor.one_hot(0)')


def test_one_hot_fill_with_positive_axis_and_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 9], [2, 4]])
    expected = TensorData([[[1, 1], [3, 1], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1], [1, 3]], [[1, 1], [1, 1], [3, 1], [1, 1], [1, 3], [1, 1], [1, 1], [1, 1], [1, 1], [1, 1]]])
    one_hot_tensor = expect_rank(tensor.one_hot_fill(10, 3.0, 1.0, 1), 3, 'tensor.one_hot_fill(10, 3.0, 1.0, 1)')
    one_hot_tensor.into_data().assert_eq(expected, False)
