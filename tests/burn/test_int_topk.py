"""Burn's `tensor/int/ops/topk.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_topk_with_indices_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([1, 2, 3, 4, 5])
    values, indices = tensor.topk_with_indices(3, 0)
    values_expected = TensorData([5, 4, 3])
    values.into_data().assert_eq(values_expected, False)
    indices_expected = TensorData([4, 3, 2])
    indices.into_data().assert_eq(indices_expected, False)


def test_topk_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([1, 2, 3, 4, 5])
    values = tensor.topk(3, 0)
    expected = TensorData([5, 4, 3])
    values.into_data().assert_eq(expected, False)
    tensor = TestTensor.from_([1.0, 2.0, 3.0, 4.0, 5.0])
    values = tensor.topk(3, 0)
    expected = TensorData([5.0, 4.0, 3.0])
    values.into_data().assert_approx_eq(expected, Tolerance.default())


def test_topk(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[[1, 4, 7], [2, 5, 6]], [[3, 0, 9], [8, 2, 8]]])
    values = tensor.topk(2, 2)
    expected = TensorData([[[7, 4], [6, 5]], [[9, 3], [8, 8]]])
    values.into_data().assert_eq(expected, False)
    tensor = TestTensor.from_([[[1.0, 4.0, 7.0], [2.0, 5.0, 6.0]], [[3.0, 0.0, 9.0], [8.0, 2.0, 8.0]]])
    values = tensor.topk(2, 2)
    expected = TensorData([[[7.0, 4.0], [6.0, 5.0]], [[9.0, 3.0], [8.0, 8.0]]])
    values.into_data().assert_approx_eq(expected, Tolerance.default())


def test_argtopk_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([1, 2, 3, 4, 5])
    indices = tensor.argtopk(3, 0)
    expected = TensorData([4, 3, 2])
    indices.into_data().assert_eq(expected, False)


def test_argtopk(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[[1, 4, 7], [2, 5, 6]], [[3, 0, 9], [8, 2, 7]]])
    indices = tensor.argtopk(2, 2)
    expected = TensorData([[[2, 1], [2, 1]], [[2, 0], [0, 2]]])
    indices.into_data().assert_eq(expected, False)


def test_topk_with_indices_supports_negative_dim_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[[1, 4, 7], [2, 5, 6]], [[3, 0, 9], [8, 2, 7]]])
    values, indices = tensor.topk_with_indices(2, -1)
    values_expected = TensorData([[[7, 4], [6, 5]], [[9, 3], [8, 7]]])
    values.into_data().assert_eq(values_expected, False)
    indices_expected = TensorData([[[2, 1], [2, 1]], [[2, 0], [0, 2]]])
    indices.into_data().assert_eq(indices_expected, False)


def test_argtopk_supports_negative_dim_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[[1, 4, 7], [2, 5, 6]], [[3, 0, 9], [8, 2, 7]]])
    indices = tensor.argtopk(2, -1)
    expected = TensorData([[[2, 1], [2, 1]], [[2, 0], [0, 2]]])
    indices.into_data().assert_eq(expected, False)
