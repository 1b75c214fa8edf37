"""Burn's `tensor/float/ops/select.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_select_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([0.0, 1.0, 2.0], device)
    indices = TestTensorInt.from_data([1, 1, 0, 1, 2], device)
    output = tensor.select(0, indices)
    expected = TensorData([1.0, 1.0, 0.0, 1.0, 2.0])
    output.into_data().assert_eq(expected, False)


def test_should_select_2d_dim0_same_num_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    indices = TestTensorInt.from_data([1, 0], device)
    output = tensor.select(0, indices)
    expected = TensorData([[3.0, 4.0, 5.0], [0.0, 1.0, 2.0]])
    output.into_data().assert_eq(expected, False)


def test_should_select_2d_dim0_more_num_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    indices = TestTensorInt.from_data([1, 0, 1, 1], device)
    output = tensor.select(0, indices)
    expected = TensorData([[3.0, 4.0, 5.0], [0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [3.0, 4.0, 5.0]])
    output.into_data().assert_eq(expected, False)


def test_should_select_2d_dim0_vec(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0], [6.0, 7.0]], device)
    indices = TestTensorInt.from_data([1, 0, 3, 2], device)
    output = tensor.select(0, indices)
    expected = TensorData([[2.0, 3.0], [0.0, 1.0], [6.0, 7.0], [4.0, 5.0]])
    output.into_data().assert_eq(expected, False)


def test_should_select_2d_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    indices = TestTensorInt.from_data([1, 1, 0, 1, 2], device)
    output = tensor.select(1, indices)
    expected = TensorData([[1.0, 1.0, 0.0, 1.0, 2.0], [4.0, 4.0, 3.0, 4.0, 5.0]])
    output.into_data().assert_eq(expected, False)


def test_should_select_add_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([0.0, 1.0, 2.0], device)
    values = TestTensor.from_data([5.0, 4.0, 3.0, 2.0, 1.0], device)
    indices = TestTensorInt.from_data(TensorData([1, 1, 0, 1, 2]), device)
    output = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
    expected = TensorData([3.0, 12.0, 3.0])
    output.into_data().assert_eq(expected, False)


def test_should_select_assign_2d_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[10.0, 20.0], [30.0, 40.0], [50.0, 60.0]], device)
    values = TestTensor.from_data([[5.0, 70.0], [80.0, 1.0]], device)
    indices = TestTensorInt.from_data(TensorData([2, 0]), device)
    output = tensor.select_assign(0, indices, values, IndexingUpdateOp.Assign)
    expected = TensorData([[80.0, 1.0], [30.0, 40.0], [5.0, 70.0]])
    output.into_data().assert_eq(expected, False)


def test_should_select_assign_2d_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]], device)
    values = TestTensor.from_data([[7.0, 8.0], [9.0, 10.0]], device)
    indices = TestTensorInt.from_data(TensorData([2, 0]), device)
    output = tensor.select_assign(1, indices, values, IndexingUpdateOp.Assign)
    expected = TensorData([[8.0, 20.0, 7.0], [10.0, 50.0, 9.0]])
    output.into_data().assert_eq(expected, False)


def test_should_select_add_1d_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([7, 8, 9], device)
    values = TestTensorInt.from_data([5, 4, 3, 2, 1], device)
    indices = TestTensorInt.from_data(TensorData([1, 1, 0, 1, 2]), device)
    output = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
    expected = TensorData([10, 19, 10])
    output.into_data().assert_eq(expected, False)


def test_should_select_add_2d_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    values = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    indices = TestTensorInt.from_data(TensorData([1, 0]), device)
    output = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
    expected = TensorData([[4.0, 6.0, 8.0], [4.0, 6.0, 8.0]])
    output.into_data().assert_eq(expected, False)


def test_should_select_add_2d_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    values = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    indices = TestTensorInt.from_data(TensorData([1, 0, 2]), device)
    output = tensor.select_assign(1, indices, values, IndexingUpdateOp.Add)
    expected = TensorData([[2.0, 2.0, 5.0], [8.0, 8.0, 11.0]])
    output.into_data().assert_eq(expected, False)


def test_should_select_3d_dim1_vec(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]], [[-1.0, -2.0], [-3.0, -4.0], [-5.0, -6.0], [-7.0, -8.0]]], device)
    indices = TestTensorInt.from_data([1, 0, 3, 2], device)
    output = tensor.select(1, indices)
    expected = TensorData([[[3.0, 4.0], [1.0, 2.0], [7.0, 8.0], [5.0, 6.0]], [[-3.0, -4.0], [-1.0, -2.0], [-7.0, -8.0], [-5.0, -6.0]]])
    output.into_data().assert_eq(expected, False)


def test_should_select_panic_invalid_dimension(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['select']):
        device = device
        tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
        indices = TestTensorInt.from_data([1, 1, 0, 1, 2], device)
        tensor.select(10, indices)


def test_should_match_default_implementation_behavior(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([True, False, True], device)
    indices = TestTensorInt.from_data([0, 1, 0], device)
    values = TestTensorBool.from_data([False, True, True], device)
    optimized_result = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
    int_tensor = tensor.int()
    int_values = values.int()
    assigned = int_tensor.select_assign(0, indices, int_values, IndexingUpdateOp.Add)
    default_result = assigned.greater_elem(0)
    optimized_result.into_data().assert_eq(default_result.into_data(), False)


def test_should_select_with_negative_dim_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    indices = TestTensorInt.from_data([1, 0, 2], device)
    output_neg = tensor.select(-1, indices)
    output_pos = tensor.select(1, indices)
    output_neg.into_data().assert_eq(output_pos.into_data(), False)


def test_should_select_add_with_negative_dim_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    values = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0]], device)
    indices = TestTensorInt.from_data([0, 2], device)
    output_neg = tensor.select_assign(-1, indices, values, IndexingUpdateOp.Add)
    output_pos = tensor.select_assign(1, indices, values, IndexingUpdateOp.Add)
    output_neg.into_data().assert_eq(output_pos.into_data(), False)


def test_should_panic_select_negative_dim_out_of_bounds(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['select']):
        device = device
        tensor = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0]], device)
        indices = TestTensorInt.from_data([0, 1], device)
        tensor.select(-3, indices)


def test_should_panic_select_add_negative_dim_out_of_bounds(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['select_assign']):
        device = device
        tensor = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0]], device)
        values = TestTensor.from_data([[5.0], [6.0]], device)
        indices = TestTensorInt.from_data([0], device)
        tensor.select_assign(-3, indices, values, IndexingUpdateOp.Add)
