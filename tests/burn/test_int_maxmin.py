"""Burn's `tensor/int/ops/maxmin.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_max_dim_with_indices_2d_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    values, indices = tensor.max_dim_with_indices(0)
    values.into_data().assert_eq(TensorData([[3, 4, 5]]), False)
    indices.into_data().assert_eq(TensorData([[1, 1, 1]]), False)
    values, indices = tensor.max_dim_with_indices(1)
    values.into_data().assert_eq(TensorData([[2], [5]]), False)
    indices.into_data().assert_eq(TensorData([[2], [2]]), False)


def test_min_dim_with_indices_2d_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    values, indices = tensor.min_dim_with_indices(0)
    values.into_data().assert_eq(TensorData([[0, 1, 2]]), False)
    indices.into_data().assert_eq(TensorData([[0, 0, 0]]), False)
    values, indices = tensor.min_dim_with_indices(1)
    values.into_data().assert_eq(TensorData([[0], [3]]), False)
    indices.into_data().assert_eq(TensorData([[0], [0]]), False)


def test_max_min_dim_with_indices_ties_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 3, 3], [2, 2, 0]])
    values, indices = tensor.max_dim_with_indices(1)
    values.into_data().assert_eq(TensorData([[3], [2]]), False)
    indices.into_data().assert_eq(TensorData([[1], [0]]), False)
    values, indices = tensor.min_dim_with_indices(1)
    values.into_data().assert_eq(TensorData([[1], [0]]), False)
    indices.into_data().assert_eq(TensorData([[0], [2]]), False)


def test_max_min_dim_with_indices_3d_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[[1, 4, 7], [2, 5, 6]], [[3, 0, 9], [8, 2, 7]]])
    values, indices = tensor.max_dim_with_indices(2)
    values.into_data().assert_eq(TensorData([[[7], [6]], [[9], [8]]]), False)
    indices.into_data().assert_eq(TensorData([[[2], [2]], [[2], [0]]]), False)
    values, indices = tensor.min_dim_with_indices(2)
    values.into_data().assert_eq(TensorData([[[1], [2]], [[0], [2]]]), False)
    indices.into_data().assert_eq(TensorData([[[0], [0]], [[1], [1]]]), False)
