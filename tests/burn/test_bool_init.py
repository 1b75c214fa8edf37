"""Burn's `tensor/bool/ops/init.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_bool_empty(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 2]
    tensor = TestTensorBool.empty(shape, device)
    assert_eq_(tensor.shape(), shape)


def test_should_support_bool_zeros(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 2]
    tensor = TestTensorBool.zeros(shape, device)
    assert_eq_(tensor.shape(), shape)
    tensor.into_data().assert_eq(TensorData([[False, False], [False, False]]), False)


def test_should_support_bool_ones(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    shape = [2, 2]
    tensor = TestTensorBool.ones(shape, device)
    assert_eq_(tensor.shape(), shape)
    tensor.into_data().assert_eq(TensorData([[True, True], [True, True]]), False)
