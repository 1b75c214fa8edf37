"""Burn's `tensor/int/ops/create_like.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def _fn_assert_like(actual, expected):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    assert_eq_(actual.dims(), expected.dims())
    assert_eq_(actual.dtype, expected.dtype)
    assert_eq_(actual.device(), expected.device())


def test_should_support_empty_like(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    source = TestTensorInt.from_([[[0, 1, 2], [3, 4, 5]], [[6, 7, 8], [9, 10, 11]]])
    created = source.zeros_like()
    _fn_assert_like(created, source)


def test_should_support_zeros_like(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    source = TestTensorInt.from_([[[0, 1, 2], [3, 4, 5]], [[6, 7, 8], [9, 10, 11]]])
    created = source.zeros_like()
    _fn_assert_like(created, source)
    expected = TensorData([[[0, 0, 0], [0, 0, 0]], [[0, 0, 0], [0, 0, 0]]])
    created.into_data().assert_eq(expected, False)


def test_should_support_ones_like(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    source = TestTensorInt.from_([[[0, 1, 2], [3, 4, 5]], [[6, 7, 8], [9, 10, 11]]])
    created = source.ones_like()
    _fn_assert_like(created, source)
    expected = TensorData([[[1, 1, 1], [1, 1, 1]], [[1, 1, 1], [1, 1, 1]]])
    created.into_data().assert_eq(expected, False)
