"""Burn's `tensor/float/ops/chunk.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_chunk_evenly_divisible(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensors = TestTensorInt.arange(bslice(0, 12, 1, False), device).float().chunk(6, 0)
    assert_eq_(len(tensors), 6)
    expected = [TensorData([0, 1]), TensorData([2, 3]), TensorData([4, 5]), TensorData([6, 7]), TensorData([8, 9]), TensorData([10, 11])]
    for index, tensor in enumerate(iter(tensors)):
        tensor.to_data().assert_eq(expected[index], False)


def test_chunk_not_evenly_divisible(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensors = TestTensorInt.arange(bslice(0, 11, 1, False), device).float().chunk(6, 0)
    assert_eq_(len(tensors), 6)
    expected = [TensorData([0, 1]), TensorData([2, 3]), TensorData([4, 5]), TensorData([6, 7]), TensorData([8, 9]), TensorData([10])]
    for index, tensor in enumerate(iter(tensors)):
        tensor.to_data().assert_eq(expected[index], False)


def test_chunk_not_evenly_divisible_remains_several(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensors = TestTensorInt.arange(bslice(0, 100, 1, False), device).float().chunk(8, 0)
    assert_eq_(len(tensors), 8)
    expected = [13, 13, 13, 13, 13, 13, 13, 9]
    for index, tensor in enumerate(iter(tensors)):
        assert_eq_(tensor.shape()[0], expected[index])


def test_chunk_not_divisible(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensors = TestTensorInt.arange(bslice(0, 6, 1, False), device).float().chunk(7, 0)
    assert_eq_(len(tensors), 6)
    expected = [TensorData([0]), TensorData([1]), TensorData([2]), TensorData([3]), TensorData([4]), TensorData([5])]
    for index, tensor in enumerate(iter(tensors)):
        tensor.to_data().assert_eq(expected[index], False)


def test_invalid_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['chunk']):
        _tensors = TestTensorInt.arange(bslice(0, 12, 1, False), device).chunk(6, 1)
