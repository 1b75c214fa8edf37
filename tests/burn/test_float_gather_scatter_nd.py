"""Burn's `tensor/float/ops/gather_scatter_nd.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_gather_nd_2d_k_equals_d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.from_floats([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]], device)
    indices = TestTensorInt.from_ints([[0, 1], [1, 2], [2, 0]], device)
    output = expect_rank(data.gather_nd(indices), 1, 'data.gather_nd(indices)')
    output.into_data().assert_eq(TensorData([1.0, 5.0, 6.0]), False)


def test_gather_nd_3d_k1_slices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.from_floats([[[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]], [[12.0, 13.0, 14.0, 15.0], [16.0, 17.0, 18.0, 19.0], [20.0, 21.0, 22.0, 23.0]]], device)
    indices = TestTensorInt.from_ints([[1], [0]], device)
    output = expect_rank(data.gather_nd(indices), 3, 'data.gather_nd(indices)')
    output.into_data().assert_eq(TensorData([[[12.0, 13.0, 14.0, 15.0], [16.0, 17.0, 18.0, 19.0], [20.0, 21.0, 22.0, 23.0]], [[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]]]), False)


def test_gather_nd_3d_k_equals_d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.from_floats([[[0.0, 1.0], [2.0, 3.0]], [[4.0, 5.0], [6.0, 7.0]]], device)
    indices = TestTensorInt.from_ints([[0, 0, 1], [1, 1, 0]], device)
    output = expect_rank(data.gather_nd(indices), 1, 'data.gather_nd(indices)')
    output.into_data().assert_eq(TensorData([1.0, 6.0]), False)


def test_gather_nd_batch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.from_floats([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]], device)
    indices = TestTensorInt.from_ints([[0, 0], [0, 2], [1, 1]], device)
    output = expect_rank(data.gather_nd(indices), 1, 'data.gather_nd(indices)')
    output.into_data().assert_eq(TensorData([10.0, 30.0, 50.0]), False)


def test_scatter_nd_assign_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.zeros([3, 3], device)
    indices = TestTensorInt.from_ints([[0, 1], [2, 0]], device)
    values = TestTensor.from_floats([10.0, 20.0], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Assign)
    output.into_data().assert_eq(TensorData([[0.0, 10.0, 0.0], [0.0, 0.0, 0.0], [20.0, 0.0, 0.0]]), False)


def test_scatter_nd_add_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.from_floats([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], device)
    indices = TestTensorInt.from_ints([[0, 1], [2, 0]], device)
    values = TestTensor.from_floats([10.0, 20.0], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Add)
    output.into_data().assert_eq(TensorData([[1.0, 11.0, 1.0], [1.0, 1.0, 1.0], [21.0, 1.0, 1.0]]), False)


def test_scatter_nd_add_duplicate_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.zeros([2, 3], device)
    indices = TestTensorInt.from_ints([[0, 1], [0, 1]], device)
    values = TestTensor.from_floats([5.0, 3.0], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Add)
    output.into_data().assert_eq(TensorData([[0.0, 8.0, 0.0], [0.0, 0.0, 0.0]]), False)


def test_scatter_nd_3d_slices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.zeros([2, 3], device)
    indices = TestTensorInt.from_ints([[0], [1]], device)
    values = TestTensor.from_floats([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Assign)
    output.into_data().assert_eq(TensorData([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]]), False)


def test_scatter_nd_mul(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.from_floats([[2.0, 3.0, 4.0], [5.0, 6.0, 7.0]], device)
    indices = TestTensorInt.from_ints([[0, 1], [1, 2]], device)
    values = TestTensor.from_floats([10.0, 2.0], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Mul)
    output.into_data().assert_eq(TensorData([[2.0, 30.0, 4.0], [5.0, 6.0, 14.0]]), False)


def test_scatter_nd_min(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.from_floats([[5.0, 10.0], [15.0, 20.0]], device)
    indices = TestTensorInt.from_ints([[0, 0], [1, 1]], device)
    values = TestTensor.from_floats([3.0, 25.0], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Min)
    output.into_data().assert_eq(TensorData([[3.0, 10.0], [15.0, 20.0]]), False)


def test_scatter_nd_max(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.from_floats([[5.0, 10.0], [15.0, 20.0]], device)
    indices = TestTensorInt.from_ints([[0, 0], [1, 1]], device)
    values = TestTensor.from_floats([3.0, 25.0], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Max)
    output.into_data().assert_eq(TensorData([[5.0, 10.0], [15.0, 25.0]]), False)


def test_scatter_nd_batch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.zeros([3, 3], device)
    indices = TestTensorInt.from_ints([[0], [2], [1]], device)
    values = TestTensor.from_floats([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Assign)
    output.into_data().assert_eq(TensorData([[1.0, 2.0, 3.0], [7.0, 8.0, 9.0], [4.0, 5.0, 6.0]]), False)


def test_scatter_nd_single_element(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.from_floats([1.0, 2.0, 3.0], device)
    indices = TestTensorInt.from_ints([[2]], device)
    values = TestTensor.from_floats([99.0], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Assign)
    output.into_data().assert_eq(TensorData([1.0, 2.0, 99.0]), False)


def test_scatter_nd_k1_high_rank(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.ones([2, 2, 2], device)
    indices = TestTensorInt.from_ints([[1]], device)
    values = TestTensor.from_floats([[[10.0, 20.0], [30.0, 40.0]]], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Assign)
    output.into_data().assert_eq(TensorData([[[1.0, 1.0], [1.0, 1.0]], [[10.0, 20.0], [30.0, 40.0]]]), False)


def test_gather_nd_single_element(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.from_floats([10.0, 20.0, 30.0], device)
    indices = TestTensorInt.from_ints([[1]], device)
    output = expect_rank(data.gather_nd(indices), 1, 'data.gather_nd(indices)')
    output.into_data().assert_eq(TensorData([20.0]), False)


def test_gather_scatter_nd_roundtrip(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.from_floats([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], device)
    indices = TestTensorInt.from_ints([[0], [2]], device)
    gathered = expect_rank(data.gather_nd(indices), 2, 'data.gather_nd(indices)')
    zeros = TestTensor.zeros([3, 3], device)
    reconstructed = expect_rank(zeros.scatter_nd(indices, gathered, IndexingUpdateOp.Add), 2, 'zeros.scatter_nd(indices, gathered, IndexingUpdateOp.Add)')
    reconstructed.into_data().assert_eq(TensorData([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [7.0, 8.0, 9.0]]), False)


def test_scatter_nd_3d_k2_partial_slices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.zeros([2, 3, 4], device)
    indices = TestTensorInt.from_ints([[0, 1], [1, 2]], device)
    values = TestTensor.from_floats([[10.0, 20.0, 30.0, 40.0], [50.0, 60.0, 70.0, 80.0]], device)
    output = data.scatter_nd(indices, values, IndexingUpdateOp.Add)
    output_data = output.into_data()
    output_data.assert_eq(TensorData([[[0.0, 0.0, 0.0, 0.0], [10.0, 20.0, 30.0, 40.0], [0.0, 0.0, 0.0, 0.0]], [[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [50.0, 60.0, 70.0, 80.0]]]), False)


def test_gather_nd_3d_k2_partial_slices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TestTensor.from_floats([[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]]], device)
    indices = TestTensorInt.from_ints([[0, 2], [1, 0], [0, 1]], device)
    output = expect_rank(data.gather_nd(indices), 2, 'data.gather_nd(indices)')
    output.into_data().assert_eq(TensorData([[5.0, 6.0], [7.0, 8.0], [3.0, 4.0]]), False)
