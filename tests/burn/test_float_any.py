"""Burn's `tensor/float/ops/any.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_any(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, 0.0, 0.0], [1.0, -1.0, 0.0]])
    data_actual = tensor.any().into_data()
    data_expected = TensorData([True])
    data_expected.assert_eq(data_actual, False)
    tensor = TestTensor.from_([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    data_actual = tensor.any().into_data()
    data_expected = TensorData([False])
    data_expected.assert_eq(data_actual, False)
    tensor = TestTensorInt.from_([[0, 0, 0], [1, -1, 0]])
    data_actual = tensor.any().into_data()
    data_expected = TensorData([True])
    data_expected.assert_eq(data_actual, False)
    tensor = TestTensorInt.from_([[0, 0, 0], [0, 0, 0]])
    data_actual = tensor.any().into_data()
    data_expected = TensorData([False])
    data_expected.assert_eq(data_actual, False)
    tensor = TestTensorBool.from_([[False, False, False], [True, True, False]])
    data_actual = tensor.any().into_data()
    data_expected = TensorData([True])
    data_expected.assert_eq(data_actual, False)
    tensor = TestTensorBool.from_([[False, False, False], [False, False, False]])
    data_actual = tensor.any().into_data()
    data_expected = TensorData([False])
    data_expected.assert_eq(data_actual, False)


def test_any_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, 0.0, 0.0], [1.0, -1.0, 0.0]])
    data_actual = tensor.any_dim(1).into_data()
    data_expected = TensorData([[False], [True]])
    data_expected.assert_eq(data_actual, False)
    tensor = TestTensorInt.from_([[0, 0, 0], [1, -1, 0]])
    data_actual = tensor.any_dim(1).into_data()
    data_expected = TensorData([[False], [True]])
    data_expected.assert_eq(data_actual, False)
    tensor = TestTensorBool.from_([[False, False, False], [True, True, False]])
    data_actual = tensor.any_dim(1).into_data()
    data_expected = TensorData([[False], [True]])
    data_expected.assert_eq(data_actual, False)


def test_any_dim_large(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    rows, cols = (8, 513)
    mask = build_logical_mask(rows, cols)
    expected = list(rmap((bslice(0, rows, 1, False)), lambda r: rany((bslice(0, cols, 1, False)), lambda c: mask[r * cols + c])))
    expected = TensorData(expected, [rows, 1])
    float = TestTensor.from_data(TensorData(mask_to_floats(mask), [rows, cols]), device)
    expected.assert_eq(float.any_dim(1).into_data(), False)
    int = TestTensorInt.from_data(TensorData(mask_to_ints(mask), [rows, cols]), device)
    expected.assert_eq(int.any_dim(1).into_data(), False)
    boolean = TestTensorBool.from_data(TensorData(mask, [rows, cols]), device)
    expected.assert_eq(boolean.any_dim(1).into_data(), False)


def test_any_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    expected = TensorData([False])
    expected.assert_eq(rany(TestTensor.empty([0], device)).into_data(), False)
    expected.assert_eq(rany(TestTensorInt.empty([0], device)).into_data(), False)
    expected.assert_eq(rany(TestTensorBool.empty([0], device)).into_data(), False)


def test_any_dim_empty_axis(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    expected = TensorData([[False], [False], [False]])
    expected.assert_eq(TestTensor.empty([3, 0], device).any_dim(1).into_data(), False)
    expected.assert_eq(TestTensorInt.empty([3, 0], device).any_dim(1).into_data(), False)
    expected.assert_eq(TestTensorBool.empty([3, 0], device).any_dim(1).into_data(), False)
