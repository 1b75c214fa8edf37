"""Burn's `tensor/int/ops/select.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_select_1d_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([5, 6, 7], device)
    indices = TestTensorInt.from_data([1, 1, 0, 1, 2], device)
    output = tensor.select(0, indices)
    expected = TensorData([6, 6, 5, 6, 7])
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


def test_should_select_assign_2d_dim0_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([[10, 20], [30, 40], [50, 60]], device)
    values = TestTensorInt.from_data([[5, 70], [80, 1]], device)
    indices = TestTensorInt.from_data(TensorData([2, 0]), device)
    output = tensor.select_assign(0, indices, values, IndexingUpdateOp.Assign)
    expected = TensorData([[80, 1], [30, 40], [5, 70]])
    output.into_data().assert_eq(expected, False)


def test_should_select_assign_2d_dim1_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorInt.from_data([[10, 20, 30], [40, 50, 60]], device)
    values = TestTensorInt.from_data([[7, 8], [9, 10]], device)
    indices = TestTensorInt.from_data(TensorData([2, 0]), device)
    output = tensor.select_assign(1, indices, values, IndexingUpdateOp.Assign)
    expected = TensorData([[8, 20, 7], [10, 50, 9]])
    output.into_data().assert_eq(expected, False)


def test_should_panic_select_add_invalid_num_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['select_assign']):
        device = device
        tensor = TestTensorInt.from_data([0] * (12), device)
        values = TestTensorInt.from_data([1] * (12), device)
        indices = TestTensorInt.from_data(TensorData([1]), device)
        tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
