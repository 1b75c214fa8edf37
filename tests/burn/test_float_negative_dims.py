"""Burn's `tensor/float/ops/negative_dims.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_shape_operations_support_negative_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.ones([2, 1, 3, 1], device)
    expected = expect_rank(tensor.squeeze_dim(1), 3, 'tensor.squeeze_dim(1)')
    actual = expect_rank(tensor.squeeze_dim(-3), 3, 'tensor.squeeze_dim(-3)')
    actual.into_data().assert_eq(expected.into_data(), False)
    expected = expect_rank(tensor.squeeze_dims([1, 3]), 2, 'tensor.squeeze_dims([1, 3])')
    actual = expect_rank(tensor.squeeze_dims([-3, -1]), 2, 'tensor.squeeze_dims([-3, -1])')
    actual.into_data().assert_eq(expected.into_data(), False)
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    expected = expect_rank(tensor.unsqueeze_dim(2), 3, 'tensor.unsqueeze_dim(2)')
    actual = expect_rank(tensor.unsqueeze_dim(-1), 3, 'tensor.unsqueeze_dim(-1)')
    actual.into_data().assert_eq(expected.into_data(), False)
    expected = expect_rank(tensor.unsqueeze_dim(0), 3, 'tensor.unsqueeze_dim(0)')
    actual = expect_rank(tensor.unsqueeze_dim(-3), 3, 'tensor.unsqueeze_dim(-3)')
    actual.into_data().assert_eq(expected.into_data(), False)
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    expected = expect_rank(tensor.unsqueeze_dim(2), 4, 'tensor.unsqueeze_dim(2)')
    actual = expect_rank(tensor.unsqueeze_dim(-1), 4, 'tensor.unsqueeze_dim(-1)')
    actual.into_data().assert_eq(expected.into_data(), False)
    expected = expect_rank(tensor.unsqueeze_dim(1), 4, 'tensor.unsqueeze_dim(1)')
    actual = expect_rank(tensor.unsqueeze_dim(-2), 4, 'tensor.unsqueeze_dim(-2)')
    actual.into_data().assert_eq(expected.into_data(), False)


def test_flip_and_movedim_support_all_index_types(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4]).float()
    expected = tensor.flip([0, 2])
    actual = tensor.flip([-3, -1])
    actual.into_data().assert_eq(expected.into_data(), False)
    expected = tensor.movedim(0, 2)
    actual = tensor.movedim(0, -1)
    actual.into_data().assert_eq(expected.into_data(), False)
    expected = tensor.movedim([0, 1], [1, 0])
    actual = tensor.movedim([-3, -2], [-2, -3])
    actual.into_data().assert_eq(expected.into_data(), False)


def test_indexing_operations_support_negative_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    expected = tensor.slice_dim(1,bslice(1, None, 1, False))
    actual = tensor.slice_dim(-1,bslice(1, None, 1, False))
    actual.into_data().assert_eq(expected.into_data(), False)
    indices = TestTensorInt.from_ints([[2, 1, 0], [0, 2, 1]], device)
    expected = tensor.gather(1, indices)
    actual = tensor.gather(-1, indices)
    actual.into_data().assert_eq(expected.into_data(), False)
    values = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    indices = TestTensorInt.from_ints([[1, 0, 2], [1, 2, 0]], device)
    base = TestTensor.zeros([2, 3], device)
    expected = base.scatter(1, indices, values, IndexingUpdateOp.Add)
    actual = base.scatter(-1, indices, values, IndexingUpdateOp.Add)
    actual.into_data().assert_eq(expected.into_data(), False)


def test_concatenation_and_repeat_support_negative_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    expected = tensor.repeat_dim(1, 2)
    actual = tensor.repeat_dim(-1, 2)
    actual.into_data().assert_eq(expected.into_data(), False)
    other = TestTensor.from_data([[7.0], [8.0]], device)
    expected = TestTensor.cat([tensor, other], 1)
    actual = TestTensor.cat([tensor, other], -1)
    actual.into_data().assert_eq(expected.into_data(), False)
    expected = expect_rank(TestTensor.stack([tensor, tensor], 2), 3, 'TestTensor.stack([tensor, tensor], 2)')
    actual = expect_rank(TestTensor.stack([tensor, tensor], -1), 3, 'TestTensor.stack([tensor, tensor], -1)')
    actual.into_data().assert_eq(expected.into_data(), False)
    expected = expect_rank(TestTensor.stack([tensor, tensor], 0), 3, 'TestTensor.stack([tensor, tensor], 0)')
    actual = expect_rank(TestTensor.stack([tensor, tensor], -3), 3, 'TestTensor.stack([tensor, tensor], -3)')
    actual.into_data().assert_eq(expected.into_data(), False)
    expected = expect_rank(TestTensor.stack([tensor, tensor], 2), 4, 'TestTensor.stack([tensor, tensor], 2)')
    actual = expect_rank(TestTensor.stack([tensor, tensor], -1), 4, 'TestTensor.stack([tensor, tensor], -1)')
    actual.into_data().assert_eq(expected.into_data(), False)
    expected = expect_rank(TestTensor.stack([tensor, tensor], 1), 4, 'TestTensor.stack([tensor, tensor], 1)')
    actual = expect_rank(TestTensor.stack([tensor, tensor], -2), 4, 'TestTensor.stack([tensor, tensor], -2)')
    actual.into_data().assert_eq(expected.into_data(), False)


def test_partition_operations_support_negative_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    expected = tensor.narrow(1, 1, 2)
    actual = tensor.narrow(-1, 1, 2)
    actual.into_data().assert_eq(expected.into_data(), False)
    expected = tensor.chunk(2, 1)
    actual = tensor.chunk(2, -1)
    assert_eq_(len(actual), len(expected))
    for actual, expected in zip(iter(actual), expected):
        actual.into_data().assert_eq(expected.into_data(), False)
    expected = tensor.split(2, 1)
    actual = tensor.split(2, -1)
    assert_eq_(len(actual), len(expected))
    for actual, expected in zip(iter(actual), expected):
        actual.into_data().assert_eq(expected.into_data(), False)
    expected = tensor.split_with_sizes([1, 2], 1)
    actual = tensor.split_with_sizes([1, 2], -1)
    assert_eq_(len(actual), len(expected))
    for actual, expected in zip(iter(actual), expected):
        actual.into_data().assert_eq(expected.into_data(), False)


def test_iteration_and_boolean_reductions_support_negative_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, 1.0, 0.0], [1.0, -1.0, 1.0]])
    expected = list(tensor.iter_dim(1))
    actual = list(tensor.iter_dim(-1))
    assert_eq_(len(actual), len(expected))
    for actual, expected in zip(iter(actual), expected):
        actual.into_data().assert_eq(expected.into_data(), False)
    expected = tensor.any_dim(1)
    actual = tensor.any_dim(-1)
    actual.into_data().assert_eq(expected.into_data(), False)
    expected = tensor.all_dim(1)
    actual = tensor.all_dim(-1)
    actual.into_data().assert_eq(expected.into_data(), False)
