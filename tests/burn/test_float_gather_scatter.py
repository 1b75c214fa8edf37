"""Burn's `tensor/float/ops/gather_scatter.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_gather_1d_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([0.0, 1.0, 2.0], device)
    indices = TestTensorInt.from_ints([1, 1, 0, 1, 2], device)
    output = tensor.gather(0, indices)
    output.into_data().assert_eq(TensorData([1.0, 1.0, 0.0, 1.0, 2.0]), False)


def test_should_gather_2d_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    indices = TestTensorInt.from_ints([[0, 1, 0], [1, 0, 1]], device)
    output = tensor.gather(0, indices)
    output.into_data().assert_eq(TensorData([[0.0, 4.0, 2.0], [3.0, 1.0, 5.0]]), False)


def test_should_gather_2d_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    indices = TestTensorInt.from_ints([[2, 1, 0, 0], [2, 0, 1, 2]], device)
    output = tensor.gather(1, indices)
    output.into_data().assert_eq(TensorData([[2.0, 1.0, 0.0, 0.0], [5.0, 3.0, 4.0, 5.0]]), False)


def test_should_gather_3d_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], device)
    indices = TestTensorInt.from_ints([[[1, 0, 0], [0, 1, 0]], [[0, 0, 1], [0, 1, 1]]], device)
    output = tensor.gather(1, indices)
    expected = TensorData([[[3.0, 1.0, 2.0], [0.0, 4.0, 2.0]], [[6.0, 7.0, 11.0], [6.0, 10.0, 11.0]]])
    output.into_data().assert_eq(expected, False)


def test_should_gather_2d_only_1dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    indices = TestTensorInt.from_ints([[1, 2]], device).reshape([2, 1])
    output = tensor.gather(1, indices)
    output.into_data().assert_eq(TensorData([[1.0], [5.0]]), False)


def test_should_scatter_add_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([0.0, 0.0, 0.0], device)
    values = TestTensor.from_data([5.0, 4.0, 3.0], device)
    indices = TestTensorInt.from_ints([1, 0, 2], device)
    output = tensor.scatter(0, indices, values, IndexingUpdateOp.Add)
    output.into_data().assert_eq(TensorData([4.0, 5.0, 3.0]), False)


def test_should_scatter_assign_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([10.0, 20.0, 30.0, 40.0], device)
    values = TestTensor.from_data([7.0, 50.0], device)
    indices = TestTensorInt.from_ints([1, 3], device)
    output = tensor.scatter(0, indices, values, IndexingUpdateOp.Assign)
    output.into_data().assert_eq(TensorData([10.0, 7.0, 30.0, 50.0]), False)


def test_should_scatter_assign_2d_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]], device)
    values = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    indices = TestTensorInt.from_ints([[1, 0, 1], [0, 1, 0]], device)
    output = tensor.scatter(0, indices, values, IndexingUpdateOp.Assign)
    output.into_data().assert_eq(TensorData([[4.0, 2.0, 6.0], [1.0, 5.0, 3.0]]), False)


def test_should_scatter_add_2d_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], device)
    values = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    indices = TestTensorInt.from_ints([[1, 0, 1], [1, 1, 0]], device)
    output = tensor.scatter(0, indices, values, IndexingUpdateOp.Add)
    output.into_data().assert_eq(TensorData([[0.0, 2.0, 6.0], [5.0, 5.0, 3.0]]), False)


def test_should_scatter_add_2d_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], device)
    values = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    indices = TestTensorInt.from_ints([[1, 0, 2], [1, 2, 0]], device)
    output = tensor.scatter(1, indices, values, IndexingUpdateOp.Add)
    output.into_data().assert_eq(TensorData([[2.0, 1.0, 3.0], [6.0, 4.0, 5.0]]), False)


def test_should_scatter_add_3d_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], device)
    values = TestTensor.from_data([[[12.0, 13.0, 14.0], [15.0, 16.0, 17.0]], [[18.0, 19.0, 20.0], [21.0, 22.0, 23.0]]], device)
    indices = TestTensorInt.from_ints([[[1, 0, 0], [0, 1, 0]], [[0, 0, 1], [0, 1, 1]]], device)
    output = tensor.scatter(1, indices, values, IndexingUpdateOp.Add)
    expected = TensorData([[[15.0, 14.0, 33.0], [15.0, 20.0, 5.0]], [[45.0, 26.0, 8.0], [9.0, 32.0, 54.0]]])
    output.into_data().assert_eq(expected, False)


def test_should_scatter_add_2d_dim1_diff_shape(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], device)
    values = TestTensor.from_data([[1.0], [4.0]], device)
    indices = TestTensorInt.from_ints([[1], [2]], device)
    output = tensor.scatter(1, indices, values, IndexingUpdateOp.Add)
    output.into_data().assert_eq(TensorData([[0.0, 1.0, 0.0], [0.0, 0.0, 4.0]]), False)


def test_scatter_should_panic_on_mismatch_of_shapes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['from_ints', 'scatter']):
        device = device
        tensor = TestTensor.from_data([0.0, 0.0, 0.0], device)
        values = TestTensor.from_data([5.0, 4.0], device)
        indices = TestTensorInt.from_ints([1, 0, 2], device)
        tensor.scatter(0, indices, values, IndexingUpdateOp.Add)


def test_should_scatter_add_3d_dim0_with_index_view(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0]], [[2.0]], [[3.0]], [[4.0]]], device)
    values = TestTensor.from_data([[[10.0]], [[20.0]]], device)
    indices = TestTensorInt.from_ints([2, 0], device)
    indices = expect_rank(indices.unsqueeze_dim(1).repeat_dim(1, 1), 2, 'indices.unsqueeze_dim(1).repeat_dim(1, 1)')
    indices = expect_rank(indices.unsqueeze_dim(2).repeat_dim(2, 1), 3, 'indices.unsqueeze_dim(2).repeat_dim(2, 1)')
    output = tensor.scatter(0, indices, values, IndexingUpdateOp.Add)
    output.into_data().assert_eq(TensorData([[[21.0]], [[2.0]], [[13.0]], [[4.0]]]), False)
