"""Burn's `tensor/float/ops/take.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_take_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([0.0, 1.0, 2.0], device)
    indices = TestTensorInt.from_data([1, 1, 0, 1, 2], device)
    output = tensor.take(0, indices)
    expected = TensorData([1.0, 1.0, 0.0, 1.0, 2.0])
    output.into_data().assert_eq(expected, False)


def test_should_take_2d_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    indices = TestTensorInt.from_data([1, 0, 1, 1], device)
    output = tensor.take(0, indices)
    expected = TensorData([[3.0, 4.0, 5.0], [0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [3.0, 4.0, 5.0]])
    output.into_data().assert_eq(expected, False)


def test_should_take_2d_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
    indices = TestTensorInt.from_data([2, 0, 1], device)
    output = tensor.take(1, indices)
    expected = TensorData([[2.0, 0.0, 1.0], [5.0, 3.0, 4.0]])
    output.into_data().assert_eq(expected, False)


def test_take_and_select_should_be_equivalent(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]], device)
    indices = TestTensorInt.from_data([2, 0, 1, 1], device)
    result_take = tensor.take(0, indices)
    result_select = tensor.select(0, indices)
    take_data = result_take.into_data()
    select_data = result_select.into_data()
    take_data.assert_eq(select_data, False)


def test_should_take_with_2d_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]], device)
    indices = TestTensorInt.from_data([[0, 2], [1, 0]], device)
    output = tensor.take(0, indices)
    expected = TensorData([[[1.0, 2.0, 3.0, 4.0], [9.0, 10.0, 11.0, 12.0]], [[5.0, 6.0, 7.0, 8.0], [1.0, 2.0, 3.0, 4.0]]])
    output.into_data().assert_eq(expected, False)


def test_should_take_with_2d_indices_dim1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]], device)
    indices = TestTensorInt.from_data([[0, 3], [2, 1]], device)
    output = tensor.take(1, indices)
    expected = TensorData([[[1.0, 4.0], [3.0, 2.0]], [[5.0, 8.0], [7.0, 6.0]]])
    output.into_data().assert_eq(expected, False)


def test_should_take_3d_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], [[7.0, 8.0], [9.0, 10.0], [11.0, 12.0]]], device)
    indices = TestTensorInt.from_data([[0, 2], [1, 0]], device)
    output = tensor.take(1, indices)
    expected = TensorData([[[[1.0, 2.0], [5.0, 6.0]], [[3.0, 4.0], [1.0, 2.0]]], [[[7.0, 8.0], [11.0, 12.0]], [[9.0, 10.0], [7.0, 8.0]]]])
    output.into_data().assert_eq(expected, False)


def test_should_take_with_3d_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    indices = TestTensorInt.from_data([[[0, 2], [1, 0]], [[2, 1], [0, 2]]], device)
    output = tensor.take(1, indices)
    expected = TensorData([[[[1.0, 3.0], [2.0, 1.0]], [[3.0, 2.0], [1.0, 3.0]]], [[[4.0, 6.0], [5.0, 4.0]], [[6.0, 5.0], [4.0, 6.0]]]])
    output.into_data().assert_eq(expected, False)


def test_should_panic_take_invalid_dimension(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['take']):
        device = device
        tensor = TestTensor.from_data([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], device)
        indices = TestTensorInt.from_data([1, 0], device)
        tensor.take(10, indices)


def test_should_take_with_single_index(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    indices = TestTensorInt.from_data([1], device)
    output = tensor.take(0, indices)
    expected = TensorData([[4.0, 5.0, 6.0]])
    output.into_data().assert_eq(expected, False)


def test_should_take_with_negative_dim_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    indices = TestTensorInt.from_data([2, 0, 1], device)
    output_neg = tensor.take(-1, indices)
    output_pos = tensor.take(1, indices)
    neg_data = output_neg.into_data()
    pos_data = output_pos.into_data()
    neg_data.assert_eq(pos_data, False)


def test_should_panic_take_negative_dim_out_of_bounds(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['take']):
        device = device
        tensor = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0]], device)
        indices = TestTensorInt.from_data([0, 1], device)
        tensor.take(-3, indices)
