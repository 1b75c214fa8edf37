"""Burn's `tensor/int/ops/sort_argsort.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_sort_1d_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    if (lim('IntElem', 'MAX')) < 1000:
        return
    tensor = TestTensorInt.from_([1, 4, 7, 2, 5, 6, 3, 0, 9, 8, 2, 8, -10, 42, 1000])
    values = tensor.sort(0)
    values_expected = TensorData([-10, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 8, 9, 42, 1000])
    values.into_data().assert_eq(values_expected, False)


def test_argsort_1d_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    if (lim('IntElem', 'MAX')) < 1000:
        return
    tensor = TestTensorInt.from_([1, 4, 7, 2, 5, 6, 3, 0, 9, 8, -10, 42, 1000])
    indices = tensor.argsort(0)
    indices_expected = TensorData([10, 7, 0, 3, 6, 1, 4, 5, 2, 9, 8, 11, 12])
    indices.into_data().assert_eq(indices_expected, False)


def test_sort_with_indices_descending_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    if (lim('IntElem', 'MAX')) >= 1000:
        tensor = TestTensorInt.from_([1, 4, 7, 2, 5, 6, 3, 0, 9, 8, -10, 42, 1000])
        values, indices = tensor.sort_descending_with_indices(0)
        values_expected = TensorData([1000, 42, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, -10])
        values.into_data().assert_eq(values_expected, False)
        indices_expected = TensorData([12, 11, 8, 9, 2, 5, 4, 1, 6, 3, 0, 7, 10])
        indices.into_data().assert_eq(indices_expected, False)
    tensor = TestTensorInt.from_([[[1, 4, 7], [2, 5, 6]], [[3, 0, 9], [8, 2, 8]]])
    values, indices = tensor.sort_descending_with_indices(1)
    values_expected = TensorData([[[2, 5, 7], [1, 4, 6]], [[8, 2, 9], [3, 0, 8]]])
    values.into_data().assert_eq(values_expected, False)
    indices_expected = TensorData([[[1, 1, 0], [0, 0, 1]], [[1, 1, 0], [0, 0, 1]]])
    indices.into_data().assert_eq(indices_expected, False)


def test_sort_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[[1, 4, 7], [2, 5, 6]], [[3, 0, 9], [8, 2, 8]]])
    values = tensor.sort(0)
    values_expected = TensorData([[[1, 0, 7], [2, 2, 6]], [[3, 4, 9], [8, 5, 8]]])
    values.into_data().assert_eq(values_expected, False)
    values = tensor.sort(1)
    values_expected = TensorData([[[1, 4, 6], [2, 5, 7]], [[3, 0, 8], [8, 2, 9]]])
    values.into_data().assert_eq(values_expected, False)
    values = tensor.sort(2)
    values_expected = TensorData([[[1, 4, 7], [2, 5, 6]], [[0, 3, 9], [2, 8, 8]]])
    values.into_data().assert_eq(values_expected, False)


def test_sort_with_indices_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[[1, 4, 7], [2, 5, 6]], [[3, 0, 9], [7, 2, 8]]])
    values, indices = tensor.sort_with_indices(0)
    values_expected = TensorData([[[1, 0, 7], [2, 2, 6]], [[3, 4, 9], [7, 5, 8]]])
    values.into_data().assert_eq(values_expected, False)
    indices_expected = TensorData([[[0, 1, 0], [0, 1, 0]], [[1, 0, 1], [1, 0, 1]]])
    indices.into_data().assert_eq(indices_expected, False)
    values, indices = tensor.sort_with_indices(1)
    values_expected = TensorData([[[1, 4, 6], [2, 5, 7]], [[3, 0, 8], [7, 2, 9]]])
    values.into_data().assert_eq(values_expected, False)
    indices_expected = TensorData([[[0, 0, 1], [1, 1, 0]], [[0, 0, 1], [1, 1, 0]]])
    indices.into_data().assert_eq(indices_expected, False)
    values, indices = tensor.sort_with_indices(2)
    values_expected = TensorData([[[1, 4, 7], [2, 5, 6]], [[0, 3, 9], [2, 7, 8]]])
    values.into_data().assert_eq(values_expected, False)
    indices_expected = TensorData([[[0, 1, 2], [0, 1, 2]], [[1, 0, 2], [1, 0, 2]]])
    indices.into_data().assert_eq(indices_expected, False)


def test_argsort_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[[1, 4, 7], [2, 5, 6]], [[3, 0, 9], [7, 2, 8]]])
    indices = tensor.argsort(0)
    indices_expected = TensorData([[[0, 1, 0], [0, 1, 0]], [[1, 0, 1], [1, 0, 1]]])
    indices.into_data().assert_eq(indices_expected, False)
    indices = tensor.argsort(1)
    indices_expected = TensorData([[[0, 0, 1], [1, 1, 0]], [[0, 0, 1], [1, 1, 0]]])
    indices.into_data().assert_eq(indices_expected, False)
    indices = tensor.argsort(2)
    indices_expected = TensorData([[[0, 1, 2], [0, 1, 2]], [[1, 0, 2], [1, 0, 2]]])
    indices.into_data().assert_eq(indices_expected, False)


def test_sort_descending_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([1, 2, 3, 4, 5])
    values = tensor.sort_descending(0)
    values_expected = TensorData([5, 4, 3, 2, 1])
    values.into_data().assert_eq(values_expected, False)


def test_sort_apis_support_negative_dims_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[3, 1, 5], [2, 6, 4]])
    values = tensor.sort_descending(-1)
    values_expected = TensorData([[5, 3, 1], [6, 4, 2]])
    values.into_data().assert_eq(values_expected, False)
    values, indices = tensor.sort_descending_with_indices(-2)
    values_expected = TensorData([[3, 6, 5], [2, 1, 4]])
    values.into_data().assert_eq(values_expected, False)
    indices_expected = TensorData([[0, 1, 0], [1, 0, 1]])
    indices.into_data().assert_eq(indices_expected, False)
    indices = tensor.argsort_descending(-1)
    indices_expected = TensorData([[2, 0, 1], [1, 2, 0]])
    indices.into_data().assert_eq(indices_expected, False)
