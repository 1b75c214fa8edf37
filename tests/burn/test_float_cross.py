"""Burn's `tensor/float/ops/cross.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_cross_3d_last_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensor.from_([[1.0, 3.0, -5.0], [2.0, -1.0, 4.0]])
    tensor_2 = TestTensor.from_([[4.0, -2.0, 1.0], [3.0, 5.0, -2.0]])
    output = tensor_1.cross(tensor_2, -1)
    output.into_data().assert_eq(TensorData([[-7.0, -21.0, -14.0], [-18.0, 16.0, 13.0]]), False)


def test_cross_3d_non_contiguous_last_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensor.from_([[1.0, 3.0, -5.0], [2.0, -1.0, 4.0]])
    tensor_2 = TestTensor.from_([[4.0, 3.0], [-2.0, 5.0], [1.0, -2.0]])
    output = tensor_1.cross(tensor_2.permute([1, 0]), -1)
    output.into_data().assert_eq(TensorData([[-7.0, -21.0, -14.0], [-18.0, 16.0, 13.0]]), False)


def test_cross_3d_dim0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensor.from_([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    tensor_2 = TestTensor.from_([[0.0, 1.0], [0.0, 0.0], [1.0, 0.0]])
    output = tensor_1.cross(tensor_2, 0)
    output.into_data().assert_eq(TensorData([[0.0, 0.0], [-1.0, 0.0], [0.0, -1.0]]), False)


def test_cross_4d_middle_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensor.from_([[[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]]])
    tensor_2 = TestTensor.from_([[[0.0, 1.0], [0.0, 0.0], [1.0, 0.0]]])
    output = tensor_1.cross(tensor_2, 1)
    output.into_data().assert_eq(TensorData([[[0.0, 0.0], [-1.0, 0.0], [0.0, -1.0]]]), False)


def test_cross_non_last_dim_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    lhs = TestTensor.from_([[1.0], [2.0], [3.0]])
    rhs = TestTensor.from_([[4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0], [12.0, 13.0, 14.0, 15.0]])
    non_last = lhs.cross(rhs, 0)
    last_dim = lhs.permute([1, 0]).cross(rhs.permute([1, 0]), 1).permute([1, 0])
    non_last.into_data().assert_eq(last_dim.into_data(), False)


def test_cross_non_last_dim_matches_permuted_last_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    a = TestTensor.from_([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    b = TestTensor.from_([[7.0, 8.0, 9.0], [1.0, 0.0, -1.0]])
    last_dim = a.cross(b, 1)
    non_last = a.permute([1, 0]).cross(b.permute([1, 0]), 0)
    last_dim.into_data().assert_eq(non_last.permute([1, 0]).into_data(), False)


def test_cross_3d_broadcast(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensor.from_([[1.0, 3.0, -5.0]])
    tensor_2 = TestTensor.from_([[4.0, -2.0, 1.0], [3.0, 5.0, -2.0]])
    output = tensor_1.cross(tensor_2, -1)
    output.into_data().assert_eq(TensorData([[-7.0, -21.0, -14.0], [19.0, -13.0, -4.0]]), False)


def test_cross_4d_last_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensor.from_([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]])
    tensor_2 = TestTensor.from_([[[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]])
    output = tensor_1.cross(tensor_2, -1)
    output.into_data().assert_eq(TensorData([[[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]]), False)
