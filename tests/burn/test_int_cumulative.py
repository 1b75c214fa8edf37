"""Burn's `tensor/int/ops/cumulative.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_cumsum_int_dim_0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 2, 3], [4, 5, 6]])
    output = tensor.cumsum(0)
    output.into_data().assert_eq(TensorData([[1, 2, 3], [5, 7, 9]]), False)


def test_cumsum_int_dim_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 2, 3], [4, 5, 6]])
    output = tensor.cumsum(1)
    output.into_data().assert_eq(TensorData([[1, 3, 6], [4, 9, 15]]), False)


def test_cumsum_int_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 2, 3], [4, 5, 6]])
    output = tensor.cumsum(-1)
    output.into_data().assert_eq(TensorData([[1, 3, 6], [4, 9, 15]]), False)


def test_cumprod_int_dim_0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 2, 3], [4, 5, 6]])
    output = tensor.cumprod(0)
    output.into_data().assert_eq(TensorData([[1, 2, 3], [4, 10, 18]]), False)


def test_cumprod_int_dim_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 2, 3], [4, 5, 6]])
    output = tensor.cumprod(1)
    output.into_data().assert_eq(TensorData([[1, 2, 6], [4, 20, 120]]), False)


def test_cumprod_int_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[1, 2, 3], [4, 5, 6]])
    output = tensor.cumprod(-1)
    output.into_data().assert_eq(TensorData([[1, 2, 6], [4, 20, 120]]), False)


def test_cummin_int_dim_0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[3, 1, 4], [2, 5, 1]])
    output = tensor.cummin(0)
    output.into_data().assert_eq(TensorData([[3, 1, 4], [2, 1, 1]]), False)


def test_cummin_int_dim_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[3, 1, 4], [2, 5, 1]])
    output = tensor.cummin(1)
    output.into_data().assert_eq(TensorData([[3, 1, 1], [2, 2, 1]]), False)


def test_cummin_int_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[3, 1, 4], [2, 5, 1]])
    output = tensor.cummin(-1)
    output.into_data().assert_eq(TensorData([[3, 1, 1], [2, 2, 1]]), False)


def test_cummax_int_dim_0(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[3, 1, 4], [1, 5, 2]])
    output = tensor.cummax(0)
    output.into_data().assert_eq(TensorData([[3, 1, 4], [3, 5, 4]]), False)


def test_cummax_int_dim_1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[3, 1, 4], [1, 5, 2]])
    output = tensor.cummax(1)
    output.into_data().assert_eq(TensorData([[3, 3, 4], [1, 5, 5]]), False)


def test_cummax_int_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[3, 1, 4], [1, 5, 2]])
    output = tensor.cummax(-1)
    output.into_data().assert_eq(TensorData([[3, 3, 4], [1, 5, 5]]), False)
