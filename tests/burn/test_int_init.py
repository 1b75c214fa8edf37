"""Burn's `tensor/int/ops/init.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_int_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 2]
    tensor = TestTensorInt.empty(shape, device)
    assert_eq_(tensor.shape(), shape)


def test_should_support_int_zeros(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 2]
    tensor = TestTensorInt.zeros(shape, device)
    assert_eq_(tensor.shape(), shape)
    tensor.into_data().assert_eq(TensorData([[0, 0], [0, 0]]), False)


def test_should_support_int_ones(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 2]
    tensor = TestTensorInt.ones(shape, device)
    assert_eq_(tensor.shape(), shape)
    tensor.into_data().assert_eq(TensorData([[1, 1], [1, 1]]), False)
