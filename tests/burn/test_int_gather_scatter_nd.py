"""Burn's `tensor/int/ops/gather_scatter_nd.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_int_gather_nd_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensorInt.from_ints([[10, 20, 30], [40, 50, 60]], device)
    indices = TestTensorInt.from_ints([[0, 1], [1, 2]], device)
    output = expect_rank(data.gather_nd(indices), 1, 'data.gather_nd(indices)')
    output.into_data().assert_eq(TensorData([20, 60]), False)


def test_int_scatter_nd_add(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensorInt.from_ints([[1, 2, 3], [4, 5, 6]], device)
    indices = TestTensorInt.from_ints([[0, 0], [1, 2]], device)
    values = TestTensorInt.from_ints([10, 20], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Add)
    output.into_data().assert_eq(TensorData([[11, 2, 3], [4, 5, 26]]), False)


def test_int_scatter_nd_mul(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensorInt.from_ints([[2, 3], [4, 5]], device)
    indices = TestTensorInt.from_ints([[0, 1], [1, 0]], device)
    values = TestTensorInt.from_ints([10, 3], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Mul)
    output.into_data().assert_eq(TensorData([[2, 30], [12, 5]]), False)


def test_int_scatter_nd_assign(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensorInt.from_ints([[1, 2, 3], [4, 5, 6]], device)
    indices = TestTensorInt.from_ints([[0, 1], [1, 2]], device)
    values = TestTensorInt.from_ints([99, 88], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Assign)
    output.into_data().assert_eq(TensorData([[1, 99, 3], [4, 5, 88]]), False)


def test_int_scatter_nd_min(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensorInt.from_ints([[5, 10], [15, 20]], device)
    indices = TestTensorInt.from_ints([[0, 0], [1, 1]], device)
    values = TestTensorInt.from_ints([3, 25], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Min)
    output.into_data().assert_eq(TensorData([[3, 10], [15, 20]]), False)


def test_int_scatter_nd_max(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensorInt.from_ints([[5, 10], [15, 20]], device)
    indices = TestTensorInt.from_ints([[0, 0], [1, 1]], device)
    values = TestTensorInt.from_ints([3, 25], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Max)
    output.into_data().assert_eq(TensorData([[5, 10], [15, 25]]), False)


def test_int_scatter_nd_slices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensorInt.zeros([2, 3], device)
    indices = TestTensorInt.from_ints([[0], [1]], device)
    values = TestTensorInt.from_ints([[10, 20, 30], [40, 50, 60]], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Assign)
    output.into_data().assert_eq(TensorData([[10, 20, 30], [40, 50, 60]]), False)


def test_int_gather_nd_slices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensorInt.from_ints([[10, 20, 30], [40, 50, 60]], device)
    indices = TestTensorInt.from_ints([[1], [0]], device)
    output = expect_rank(data.gather_nd(indices), 2, 'data.gather_nd(indices)')
    output.into_data().assert_eq(TensorData([[40, 50, 60], [10, 20, 30]]), False)


def test_int_scatter_nd_single_element(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensorInt.from_ints([1, 2, 3], device)
    indices = TestTensorInt.from_ints([[0]], device)
    values = TestTensorInt.from_ints([99], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Assign)
    output.into_data().assert_eq(TensorData([99, 2, 3]), False)
