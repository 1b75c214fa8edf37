"""Burn's `tensor/float/ops/split.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_split_evenly_divisible(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensors = TestTensor.from_data([[0, 1], [2, 3], [4, 5], [6, 7], [8, 9], [10, 11]], device)
    split_tensors = tensors.split(2, 0)
    assert_eq_(len(split_tensors), 3)
    expected = [TensorData([[0, 1], [2, 3]]), TensorData([[4, 5], [6, 7]]), TensorData([[8, 9], [10, 11]])]
    for index, tensor in enumerate(iter(split_tensors)):
        tensor.to_data().assert_eq(expected[index], False)


def test_split_not_evenly_divisible(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensors = TestTensor.from_data([[0, 1], [2, 3], [4, 5], [6, 7], [8, 9]], device)
    split_tensors = tensors.split(2, 0)
    assert_eq_(len(split_tensors), 3)
    expected = [TensorData([[0, 1], [2, 3]]), TensorData([[4, 5], [6, 7]]), TensorData([[8, 9]])]
    for index, tensor in enumerate(iter(split_tensors)):
        tensor.to_data().assert_eq(expected[index], False)


def test_split_along_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensors = TestTensor.from_data([[0, 1, 2], [3, 4, 5]], device)
    split_tensors = tensors.split(2, 1)
    assert_eq_(len(split_tensors), 2)
    expected = [TensorData([[0, 1], [3, 4]]), TensorData([[2], [5]])]
    for index, tensor in enumerate(iter(split_tensors)):
        tensor.to_data().assert_eq(expected[index], False)


def test_split_split_size_larger_than_tensor_size(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensors = TestTensor.from_data([0, 1, 2, 3, 4], device)
    split_tensors = tensors.split(10, 0)
    assert_eq_(len(split_tensors), 1)
    expected = [TensorData([0, 1, 2, 3, 4])]
    for index, tensor in enumerate(iter(split_tensors)):
        tensor.to_data().assert_eq(expected[index], False)


def test_split_with_zero_split_size_zero_tensor_size(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    empty_array = []
    tensors = TestTensor.from_data(empty_array, device)
    split_tensors = tensors.split(0, 0)
    assert_eq_(len(split_tensors), 0)


def test_split_zero_sized_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    empty_array = []
    tensors = TestTensor.from_data(empty_array, device)
    split_tensors = tensors.split(1, 0)
    assert_eq_(len(split_tensors), 0)


def test_split_with_zero_split_size_non_zero_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['split']):
        device = device
        tensors = TestTensor.from_data([0, 1, 2, 3, 4], device)
        _split_tensors = tensors.split(0, 0)


def test_split_invalid_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['split']):
        device = device
        tensors = TestTensor.from_data([0, 1, 2], device)
        _split_tensors = tensors.split(1, 2)


def test_split_negative_dim_out_of_bounds(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['split']):
        tensor = TestTensor.from_([0, 1, 2])
        _split_tensors = tensor.split(1, -2)


def test_split_with_sizes_negative_dim_out_of_bounds(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['split_with_sizes']):
        tensor = TestTensor.from_([0, 1, 2])
        _split_tensors = tensor.split_with_sizes([1, 2], -2)


def test_split_3d_tensor_along_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensors = TestTensor.from_data([[[0, 1], [2, 3]], [[4, 5], [6, 7]], [[8, 9], [10, 11]], [[12, 13], [14, 15]]], device)
    split_tensors = tensors.split(2, 0)
    assert_eq_(len(split_tensors), 2)
    expected = [TensorData([[[0, 1], [2, 3]], [[4, 5], [6, 7]]]), TensorData([[[8, 9], [10, 11]], [[12, 13], [14, 15]]])]
    for index, tensor in enumerate(iter(split_tensors)):
        tensor.to_data().assert_eq(expected[index], False)


def test_split_3d_tensor_along_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensors = TestTensor.from_data([[[0, 1], [2, 3], [4, 5]], [[6, 7], [8, 9], [10, 11]]], device)
    split_tensors = tensors.split(2, 1)
    assert_eq_(len(split_tensors), 2)
    expected = [TensorData([[[0, 1], [2, 3]], [[6, 7], [8, 9]]]), TensorData([[[4, 5]], [[10, 11]]])]
    for index, tensor in enumerate(iter(split_tensors)):
        tensor.to_data().assert_eq(expected[index], False)


def test_split_with_sizes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensors = TestTensor.from_data([0, 1, 2, 3, 4, 5], device)
    split_tensors = tensors.split_with_sizes([2, 3, 1], 0)
    assert_eq_(len(split_tensors), 3)
    expected = [TensorData([0, 1]), TensorData([2, 3, 4]), TensorData([5])]
    for index, tensor in enumerate(iter(split_tensors)):
        tensor.to_data().assert_eq(expected[index], False)


def test_split_with_sizes_invalid_sum(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['split_with_sizes']):
        device = device
        tensors = TestTensor.from_data([0, 1, 2, 3, 4, 5], device)
        _split_tensors = tensors.split_with_sizes([2, 2, 1], 0)


def test_split_with_sizes_zero_length(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensors = TestTensor.from_data([0, 1, 2], device)
    split_tensors = tensors.split_with_sizes([0, 1, 2], 0)
    assert_eq_(len(split_tensors), 2)
    expected = [TensorData([0]), TensorData([1, 2])]
    for index, tensor in enumerate(iter(split_tensors)):
        tensor.to_data().assert_eq(expected[index], False)
