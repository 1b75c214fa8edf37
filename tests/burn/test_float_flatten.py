"""Burn's `tensor/float/ops/flatten.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_flatten_to_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([2, 3, 4, 5]), device)
    flattened_tensor = expect_rank(tensor.flatten(0, 3), 1, 'tensor.flatten(0, 3)')
    expected_shape = Shape([120])
    assert_eq_(flattened_tensor.shape(), expected_shape)


def test_should_flatten_middle(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([2, 3, 4, 5]), device)
    flattened_tensor = expect_rank(tensor.flatten(1, 2), 3, 'tensor.flatten(1, 2)')
    expected_shape = Shape([2, 12, 5])
    assert_eq_(flattened_tensor.shape(), expected_shape)


def test_should_flatten_begin(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([2, 3, 4, 5]), device)
    flattened_tensor = expect_rank(tensor.flatten(0, 2), 2, 'tensor.flatten(0, 2)')
    expected_shape = Shape([24, 5])
    assert_eq_(flattened_tensor.shape(), expected_shape)


def test_should_flatten_end(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([2, 3, 4, 5]), device)
    flattened_tensor = expect_rank(tensor.flatten(1, 3), 2, 'tensor.flatten(1, 3)')
    expected_shape = Shape([2, 60])
    assert_eq_(flattened_tensor.shape(), expected_shape)


def test_should_flatten_end_negative_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([2, 3, 4, 5]), device)
    flattened_tensor = expect_rank(tensor.flatten(-3, -1), 2, 'tensor.flatten(-3, -1)')
    expected_shape = Shape([2, 60])
    assert_eq_(flattened_tensor.shape(), expected_shape)


def test_should_flatten_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['flatten']):
        tensor = TestTensor.ones(Shape([2, 3, 4, 5]), device)
        _flattened_tensor = expect_rank(tensor.flatten(2, 0), 2, 'tensor.flatten(2, 0)')


def test_not_enough_destination_dimension(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['flatten']):
        tensor = TestTensor.ones(Shape([1, 5, 15]), device)
        flattened_tensor = expect_rank(tensor.flatten(1, 2), 1, 'tensor.flatten(1, 2)')
        expected_shape = Shape([75])
        assert_eq_(flattened_tensor.shape(), expected_shape)
