"""Burn's `tensor/float/ops/init.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_float_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 2]
    tensor = TestTensor.empty(shape, device)
    assert_eq_(tensor.shape(), shape)


def test_should_support_float_empty_options(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 2]
    tensor = TestTensor.empty(shape, device, dtype=DType.F32)
    assert_eq_(tensor.shape(), shape)


def test_should_support_float_zeros(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 2]
    tensor = TestTensor.zeros(shape, device)
    assert_eq_(tensor.shape(), shape)
    tensor.into_data().assert_eq(TensorData([[0.0, 0.0], [0.0, 0.0]]), False)


def test_should_support_float_zeros_options(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 2]
    tensor = TestTensor.zeros(shape, device, dtype=DType.F32)
    assert_eq_(tensor.shape(), shape)
    assert_eq_(tensor.dtype, DType.F32)
    tensor.into_data().assert_eq(TensorData([[0.0, 0.0], [0.0, 0.0]]), False)


def test_should_support_float_ones(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 2]
    tensor = TestTensor.ones(shape, device)
    assert_eq_(tensor.shape(), shape)
    tensor.into_data().assert_eq(TensorData([[1.0, 1.0], [1.0, 1.0]]), False)


def test_should_support_float_ones_options(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 2]
    tensor = TestTensor.ones(shape, device, dtype=DType.F32)
    assert_eq_(tensor.shape(), shape)
    assert_eq_(tensor.dtype, DType.F32)
    tensor.into_data().assert_eq(TensorData([[1.0, 1.0], [1.0, 1.0]]), False)
