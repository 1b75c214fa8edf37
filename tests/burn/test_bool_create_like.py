"""Burn's `tensor/bool/ops/create_like.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

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
    source = TestTensorBool.from_([[[False, True, False], [True, True, True]], [[False, False, False], [True, True, False]]])
    created = source.empty_like()
    _fn_assert_like(created, source)


def test_should_support_zeros_like(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    source = TestTensorBool.from_([[[False, True, False], [True, True, True]], [[False, False, False], [True, True, False]]])
    created = source.zeros_like()
    _fn_assert_like(created, source)
    expected = TensorData([[[False, False, False], [False, False, False]], [[False, False, False], [False, False, False]]])
    created.into_data().assert_eq(expected, False)


def test_should_support_ones_like(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    source = TestTensorBool.from_([[[False, True, False], [True, True, True]], [[False, False, False], [True, True, False]]])
    created = source.ones_like()
    _fn_assert_like(created, source)
    expected = TensorData([[[True, True, True], [True, True, True]], [[True, True, True], [True, True, True]]])
    created.into_data().assert_eq(expected, False)
