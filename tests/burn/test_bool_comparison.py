"""Burn's `tensor/bool/ops/comparison.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_bool_equal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_1 = TensorData([[False, True, True], [True, False, True]])
    data_2 = TensorData([[False, False, True], [False, True, True]])
    device = device
    tensor_1 = TestTensorBool.from_data(data_1, device)
    tensor_2 = TestTensorBool.from_data(data_2, device)
    data_actual_cloned = tensor_1.equal(tensor_2)
    data_actual_inplace = tensor_1.equal(tensor_2)
    data_expected = TensorData([[True, False, True], [False, False, True]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_should_support_bool_not_equal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_1 = TensorData([[False, True, True], [True, False, True]])
    data_2 = TensorData([[False, False, True], [False, True, True]])
    device = device
    tensor_1 = TestTensorBool.from_data(data_1, device)
    tensor_2 = TestTensorBool.from_data(data_2, device)
    data_actual_cloned = tensor_1.not_equal(tensor_2)
    data_actual_inplace = tensor_1.not_equal(tensor_2)
    data_expected = TensorData([[False, True, False], [True, True, False]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_should_support_bool_equal_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorBool.from_data(TensorData([[[True, False], [False, True]], [[True, True], [False, False]]]), device)
    tensor_2 = TestTensorBool.from_data(TensorData([[True, False], [False, True]]), device)
    actual = tensor_1.equal(tensor_2.unsqueeze()).into_data()
    expected = TensorData([[[True, True], [True, True]], [[True, False], [True, False]]])
    expected.assert_eq(actual, False)


def test_should_support_bool_not_equal_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensorBool.from_data(TensorData([[[True, False], [False, True]], [[True, True], [False, False]]]), device)
    tensor_2 = TestTensorBool.from_data(TensorData([[True, False], [False, True]]), device)
    actual = tensor_1.not_equal(tensor_2.unsqueeze()).into_data()
    expected = TensorData([[[False, False], [False, False]], [[False, True], [False, True]]])
    expected.assert_eq(actual, False)


def test_should_support_bool_not(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data_1 = TensorData([[False, True, True], [True, True, False]])
    tensor_1 = TestTensorBool.from_data(data_1, device)
    data_actual_cloned = tensor_1.bool_not()
    data_actual_inplace = tensor_1.bool_not()
    data_expected = TensorData([[True, False, False], [False, False, True]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_bool_equal_elem(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorBool.from_([[True, False, True], [False, True, False]])
    data_actual_cloned = tensor_1.equal_elem(False)
    data_actual_inplace = tensor_1.equal_elem(False)
    data_expected = TensorData([[False, True, False], [True, False, True]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_bool_not_equal_elem(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorBool.from_([[True, False, True], [False, True, False]])
    data_actual_cloned = tensor_1.not_equal_elem(True)
    data_actual_inplace = tensor_1.not_equal_elem(True)
    data_expected = TensorData([[False, True, False], [True, False, True]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)
