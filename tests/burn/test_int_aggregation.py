"""Burn's `tensor/int/ops/aggregation.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_mean_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[2, 2, 2], [3, 4, 5]])
    output = tensor.mean()
    output.into_data().assert_eq(TensorData([3]), False)


def test_should_mean_last_dim_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    output = tensor.mean_dim(1)
    output.into_data().assert_eq(TensorData([[1], [4]]), False)


def test_should_sum_last_dim_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    output = tensor.sum_dim(1)
    output.into_data().assert_eq(TensorData([[3], [12]]), False)


def test_should_sum_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[0, 1, 2], [3, 4, 5]])
    output = tensor.sum()
    output.into_data().assert_eq(TensorData([15]), False)


def test_should_sum_empty_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.empty([0], device)
    output = tensor.sum()
    output.into_data().assert_eq(TensorData([0]), False)


def test_should_prod_empty_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.empty([0], device)
    output = tensor.prod()
    output.into_data().assert_eq(TensorData([1]), False)


def test_mean_empty_int_should_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['empty', 'mean']):
        tensor = TestTensorInt.empty([0], device)
        _ = tensor.mean().into_data()


def test_mean_dim_empty_axis_int_should_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['empty', 'mean_dim']):
        tensor = TestTensorInt.empty([3, 0], device)
        _ = tensor.mean_dim(1).into_data()
