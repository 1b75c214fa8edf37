"""Burn's `tensor/float/ops/sort_argsort.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_sort_1d_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([0.5, 1.2, -0.21, 0.0, 2.1, 0.94, -0.3, 2.3, 199.412, 4.0, 0.99, 3.0, -8.1])
    values = tensor.sort(0)
    values_expected = TensorData([-8.1, -0.3, -0.21, 0.0, 0.5, 0.94, 0.99, 1.2, 2.1, 2.3, 3.0, 4.0, 199.412])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())


def test_argsort_1d_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([0.5, 1.2, -0.21, 0.0, 2.1, 0.94, -0.3, 2.3, 199.412, 4.0, 0.99, 3.0, -8.1])
    indices = tensor.argsort(0)
    indices_expected = TensorData([12, 6, 2, 3, 0, 5, 10, 1, 4, 7, 11, 9, 8])
    indices.into_data().assert_eq(indices_expected, False)


def test_sort_with_indices_descending_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([0.5, 1.2, -0.21, 0.0, 2.1, 0.94, -0.3, 2.3, 199.412, 4.0, 0.99, 3.0, -8.1])
    values, indices = tensor.sort_descending_with_indices(0)
    values_expected = TensorData([199.412, 4.0, 3.0, 2.3, 2.1, 1.2, 0.99, 0.94, 0.5, 0.0, -0.21, -0.3, -8.1])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())
    indices_expected = TensorData([8, 9, 11, 7, 4, 1, 10, 5, 0, 3, 2, 6, 12])
    indices.into_data().assert_eq(indices_expected, False)
    tensor = TestTensor.from_([[[-0.5, 1.2, -0.21], [0.0, 2.1, 0.94]], [[-0.3, 2.3, 4.0], [0.99, 3.0, -8.1]]])
    values, indices = tensor.sort_descending_with_indices(1)
    values_expected = TensorData([[[0.0, 2.1, 0.94], [-0.5, 1.2, -0.21]], [[0.99, 3.0, 4.0], [-0.3, 2.3, -8.1]]])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())
    indices_expected = TensorData([[[1, 1, 1], [0, 0, 0]], [[1, 1, 0], [0, 0, 1]]])
    indices.into_data().assert_eq(indices_expected, False)


def test_sort_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[-0.5, 1.2, -0.21], [0.0, 2.1, 0.94]], [[-0.3, 2.3, 4.0], [0.99, 3.0, -8.1]]])
    values = tensor.sort(0)
    values_expected = TensorData([[[-0.5, 1.2, -0.21], [0.0, 2.1, -8.1]], [[-0.3, 2.3, 4.0], [0.99, 3.0, 0.94]]])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())
    values = tensor.sort(1)
    values_expected = TensorData([[[-0.5, 1.2, -0.21], [0.0, 2.1, 0.94]], [[-0.3, 2.3, -8.1], [0.99, 3.0, 4.0]]])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())
    values = tensor.sort(2)
    values_expected = TensorData([[[-0.5, -0.21, 1.2], [0.0, 0.94, 2.1]], [[-0.3, 2.3, 4.0], [-8.1, 0.99, 3.0]]])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())


def test_sort_with_indices_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[-0.5, 1.2, -0.21], [0.0, 2.1, 0.94]], [[-0.3, 2.3, 4.0], [0.99, 3.0, -8.1]]])
    values, indices = tensor.sort_with_indices(0)
    values_expected = TensorData([[[-0.5, 1.2, -0.21], [0.0, 2.1, -8.1]], [[-0.3, 2.3, 4.0], [0.99, 3.0, 0.94]]])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())
    indices_expected = TensorData([[[0, 0, 0], [0, 0, 1]], [[1, 1, 1], [1, 1, 0]]])
    indices.into_data().assert_eq(indices_expected, False)
    values, indices = tensor.sort_with_indices(1)
    values_expected = TensorData([[[-0.5, 1.2, -0.21], [0.0, 2.1, 0.94]], [[-0.3, 2.3, -8.1], [0.99, 3.0, 4.0]]])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())
    indices_expected = TensorData([[[0, 0, 0], [1, 1, 1]], [[0, 0, 1], [1, 1, 0]]])
    indices.into_data().assert_eq(indices_expected, False)
    values, indices = tensor.sort_with_indices(2)
    values_expected = TensorData([[[-0.5, -0.21, 1.2], [0.0, 0.94, 2.1]], [[-0.3, 2.3, 4.0], [-8.1, 0.99, 3.0]]])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())
    indices_expected = TensorData([[[0, 2, 1], [0, 2, 1]], [[0, 1, 2], [2, 0, 1]]])
    indices.into_data().assert_eq(indices_expected, False)


def test_argsort_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[[-0.5, 1.2, -0.21], [0.0, 2.1, 0.94]], [[-0.3, 2.3, 4.0], [0.99, 3.0, -8.1]]])
    indices = tensor.argsort(0)
    indices_expected = TensorData([[[0, 0, 0], [0, 0, 1]], [[1, 1, 1], [1, 1, 0]]])
    indices.into_data().assert_eq(indices_expected, False)
    indices = tensor.argsort(1)
    indices_expected = TensorData([[[0, 0, 0], [1, 1, 1]], [[0, 0, 1], [1, 1, 0]]])
    indices.into_data().assert_eq(indices_expected, False)
    indices = tensor.argsort(2)
    indices_expected = TensorData([[[0, 2, 1], [0, 2, 1]], [[0, 1, 2], [2, 0, 1]]])
    indices.into_data().assert_eq(indices_expected, False)


def test_sort_float_nan(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[-0.5, lim('f32', 'NAN')], [0.0, 0.94], [-0.3, lim('f32', 'NAN')]])
    values = tensor.sort(0)
    values_expected = TensorData([[-0.5, 0.94], [-0.3, lim('f32', 'NAN')], [0.0, lim('f32', 'NAN')]])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())


def test_sort_descending_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 2.0, 3.0, 4.0, 5.0])
    values = tensor.sort_descending(0)
    values_expected = TensorData([5.0, 4.0, 3.0, 2.0, 1.0])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())


def test_sort_apis_support_negative_dims_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[3.0, 1.0, 5.0], [2.0, 6.0, 4.0]])
    values = tensor.sort(-1)
    values_expected = TensorData([[1.0, 3.0, 5.0], [2.0, 4.0, 6.0]])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())
    values, indices = tensor.sort_with_indices(-2)
    values_expected = TensorData([[2.0, 1.0, 4.0], [3.0, 6.0, 5.0]])
    values.into_data().assert_approx_eq(values_expected, Tolerance.default())
    indices_expected = TensorData([[1, 0, 1], [0, 1, 0]])
    indices.into_data().assert_eq(indices_expected, False)
    indices = tensor.argsort(-1)
    indices_expected = TensorData([[1, 0, 2], [0, 2, 1]])
    indices.into_data().assert_eq(indices_expected, False)
