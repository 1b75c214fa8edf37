"""Burn's `tensor/int/ops/gather_scatter.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_gather_1d_dim0_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_ints([5, 6, 7], device)
    indices = TestTensorInt.from_ints([1, 1, 0, 1, 2], device)
    output = tensor.gather(0, indices)
    output.into_data().assert_eq(TensorData([6, 6, 5, 6, 7]), False)


def test_should_gather_indices_broadcasted(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    batch_size = 3
    fft_size = 4
    shape = [batch_size, fft_size, 2]
    x = TestTensorInt.arange(math.prod(bslice(0, iter(shape), 1, False)), device).reshape(shape)
    idx = TestTensorInt.from_ints([0, 2, 1, 3], device)
    expected = TestTensorInt.from_([[[0, 1], [4, 5], [2, 3], [6, 7]], [[8, 9], [12, 13], [10, 11], [14, 15]], [[16, 17], [20, 21], [18, 19], [22, 23]]]).into_data()
    perm = idx.reshape([1, 1, fft_size]).repeat_dim(0, batch_size).repeat_dim(1, 2)
    input = x.permute([0, 2, 1])
    out = input.gather(2, perm).permute([0, 2, 1])
    out.into_data().assert_eq(expected, True)
    perm = idx.reshape([1, fft_size, 1]).repeat_dim(0, batch_size)
    out2 = x.gather(1, perm.repeat_dim(2, 2))
    out2.into_data().assert_eq(expected, True)


def test_should_scatter_add_1d_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_ints([0, 0, 0], device)
    values = TestTensorInt.from_ints([5, 4, 3], device)
    indices = TestTensorInt.from_ints([1, 0, 2], device)
    output = tensor.scatter(0, indices, values, IndexingUpdateOp.Add)
    output.into_data().assert_eq(TensorData([4, 5, 3]), False)


def test_should_scatter_assign_1d_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_ints([10, 20, 30, 40], device)
    values = TestTensorInt.from_ints([7, 50], device)
    indices = TestTensorInt.from_ints([1, 3], device)
    output = tensor.scatter(0, indices, values, IndexingUpdateOp.Assign)
    output.into_data().assert_eq(TensorData([10, 7, 30, 50]), False)


def test_should_scatter_assign_2d_dim0_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_ints([[10, 20, 30], [40, 50, 60]], device)
    values = TestTensorInt.from_ints([[1, 2, 3], [4, 5, 6]], device)
    indices = TestTensorInt.from_ints([[1, 0, 1], [0, 1, 0]], device)
    output = tensor.scatter(0, indices, values, IndexingUpdateOp.Assign)
    output.into_data().assert_eq(TensorData([[4, 2, 6], [1, 5, 3]]), False)
