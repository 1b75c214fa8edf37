"""Burn's `tensor/int/ops/comparison.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_equal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    tensor_2 = TestTensorInt.from_([[1, 1, 1], [4, 3, 5]])
    data_actual_cloned = tensor_1.equal(tensor_2)
    data_actual_inplace = tensor_1.equal(tensor_2)
    data_expected = TensorData([[False, True, False], [False, False, True]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_not_equal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    tensor_2 = TestTensorInt.from_([[1, 1, 1], [4, 3, 5]])
    data_actual_cloned = tensor_1.not_equal(tensor_2)
    data_actual_inplace = tensor_1.not_equal(tensor_2)
    data_expected = TensorData([[True, False, True], [True, True, False]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_equal_elem(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2], [3, 2, 5]])
    data_actual_cloned = tensor_1.equal_elem(2)
    data_actual_inplace = tensor_1.equal_elem(2)
    data_expected = TensorData([[False, False, True], [False, True, False]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_not_equal_elem(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2], [3, 2, 5]])
    data_actual_cloned = tensor_1.not_equal_elem(2)
    data_actual_inplace = tensor_1.not_equal_elem(2)
    data_expected = TensorData([[True, True, False], [True, False, True]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_greater_elem(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    data_actual_cloned = tensor_1.greater_elem(4)
    data_actual_inplace = tensor_1.greater_elem(4)
    data_expected = TensorData([[False, False, False], [False, False, True]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_greater_equal_elem(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    data_actual_cloned = tensor_1.greater_equal_elem(4)
    data_actual_inplace = tensor_1.greater_equal_elem(4)
    data_expected = TensorData([[False, False, False], [False, True, True]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_greater(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    tensor_2 = TestTensorInt.from_([[1, 1, 1], [4, 3, 50]])
    data_actual_cloned = tensor_1.greater(tensor_2)
    data_actual_inplace = tensor_1.greater(tensor_2)
    data_expected = TensorData([[False, False, True], [False, True, False]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_greater_equal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    tensor_2 = TestTensorInt.from_([[1, 1, 1], [4, 3, 50]])
    data_actual_cloned = tensor_1.greater_equal(tensor_2)
    data_actual_inplace = tensor_1.greater_equal(tensor_2)
    data_expected = TensorData([[False, True, True], [False, True, False]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_lower_elem(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    data_actual_cloned = tensor_1.lower_elem(4)
    data_actual_inplace = tensor_1.lower_elem(4)
    data_expected = TensorData([[True, True, True], [True, False, False]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_lower_equal_elem(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    data_actual_cloned = tensor_1.lower_equal_elem(4)
    data_actual_inplace = tensor_1.lower_equal_elem(4)
    data_expected = TensorData([[True, True, True], [True, True, False]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_lower(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    tensor_2 = TestTensorInt.from_([[1, 1, 1], [4, 3, 50]])
    data_actual_cloned = tensor_1.lower(tensor_2)
    data_actual_inplace = tensor_1.lower(tensor_2)
    data_expected = TensorData([[True, False, False], [True, False, True]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_lower_equal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    tensor_2 = TestTensorInt.from_([[1, 1, 1], [4, 3, 50]])
    data_actual_cloned = tensor_1.lower_equal(tensor_2)
    data_actual_inplace = tensor_1.lower_equal(tensor_2)
    data_expected = TensorData([[True, True, False], [True, False, True]])
    data_expected.assert_eq(data_actual_cloned.into_data(), False)
    data_expected.assert_eq(data_actual_inplace.into_data(), False)


def test_greater_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data_1 = TensorData([[1, 2, 3, 4]])
    data_2 = TensorData([[0.5, 1.5, 2.5, 3.5], [1.5, 2.5, 3.5, 4.5], [2.5, 3.5, 4.5, 5.5], [3.5, 4.5, 5.5, 6.5]])
    tensor_1 = TestTensorInt.from_data(data_1, device)
    tensor_2 = TestTensorInt.from_data(data_2, device)
    result = tensor_1.greater(tensor_2)
    expected = TensorData([[True, True, True, True], [False, False, False, False], [False, False, False, False], [False, False, False, False]])
    expected.assert_eq(result.into_data(), False)


def test_greater_equal_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data_1 = TensorData([[1], [2], [3], [4]])
    data_2 = TensorData([[1, 2, 3, 4]])
    tensor_1 = TestTensorInt.from_data(data_1, device)
    tensor_2 = TestTensorInt.from_data(data_2, device)
    result = tensor_1.greater_equal(tensor_2)
    expected = TensorData([[True, False, False, False], [True, True, False, False], [True, True, True, False], [True, True, True, True]])
    expected.assert_eq(result.into_data(), False)


def test_equal_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data_1 = TensorData([[2], [3], [4]])
    data_2 = TensorData([[2, 3, 4, 2]])
    tensor_1 = TestTensorInt.from_data(data_1, device)
    tensor_2 = TestTensorInt.from_data(data_2, device)
    result = tensor_1.equal(tensor_2)
    expected = TensorData([[True, False, False, True], [False, True, False, False], [False, False, True, False]])
    expected.assert_eq(result.into_data(), False)


def test_not_equal_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data_1 = TensorData([[1], [2], [3]])
    data_2 = TensorData([[1, 2, 3]])
    tensor_1 = TestTensorInt.from_data(data_1, device)
    tensor_2 = TestTensorInt.from_data(data_2, device)
    result = tensor_1.not_equal(tensor_2)
    expected = TensorData([[False, True, True], [True, False, True], [True, True, False]])
    expected.assert_eq(result.into_data(), False)


def test_int_greater_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data_1 = TensorData([[1, 2, 3]])
    data_2 = TensorData([[0], [2], [4]])
    tensor_1 = TestTensorInt.from_data(data_1, device)
    tensor_2 = TestTensorInt.from_data(data_2, device)
    result = tensor_1.greater(tensor_2)
    expected = TensorData([[True, True, True], [False, False, True], [False, False, False]])
    expected.assert_eq(result.into_data(), False)


def test_int_lower_equal_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data_1 = TensorData([[2], [4]])
    data_2 = TensorData([[1, 2, 3]])
    tensor_1 = TestTensorInt.from_data(data_1, device)
    tensor_2 = TestTensorInt.from_data(data_2, device)
    result = tensor_1.lower_equal(tensor_2)
    expected = TensorData([[False, True, True], [False, False, False]])
    expected.assert_eq(result.into_data(), False)


def test_int_greater_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    lhs = TestTensorInt.from_([1, 2, 3, 4]).flip([0])
    rhs = TestTensorInt.from_([3, 3, 3, 3])
    result = lhs.greater(rhs)
    result.into_data().assert_eq(TensorData([True, False, False, False]), False)
