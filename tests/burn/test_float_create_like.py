"""Burn's `tensor/float/ops/create_like.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

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
    source = TestTensor.from_data([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], device)
    created = source.empty_like()
    _fn_assert_like(created, source)


def test_should_support_zeros_like(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    source = TestTensor.from_data([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], device)
    created = source.zeros_like()
    _fn_assert_like(created, source)
    expected = TensorData([[[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]])
    created.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_ones_like(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    source = TestTensor.from_data([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], device)
    created = source.ones_like()
    _fn_assert_like(created, source)
    expected = TensorData([[[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]])
    created.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_randoms_like(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    source = TestTensor.from_data([[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], [[6.0, 7.0, 8.0], [9.0, 10.0, 11.0]]], device)
    created = source.random_like(Distribution.Uniform(0.99999, 1.0))
    _fn_assert_like(created, source)
    expected = TensorData([[[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]], [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]])
    created.into_data().assert_approx_eq(expected, Tolerance.default())
