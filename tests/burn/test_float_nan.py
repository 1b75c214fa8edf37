"""Burn's `tensor/float/ops/nan.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_is_nan(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    no_nan = TestTensor.from_([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    no_nan_expected = TestTensorBool.from_([[False, False, False], [False, False, False]])
    with_nan = TestTensor.from_([[0.0, lim('f32', 'NAN'), 2.0], [lim('f32', 'NAN'), 4.0, 5.0]])
    with_nan_expected = TestTensorBool.from_([[False, True, False], [True, False, False]])
    assert_eq_(no_nan_expected.into_data(), rnan(no_nan).into_data())
    assert_eq_(with_nan_expected.into_data(), rnan(with_nan).into_data())


def test_contains_nan(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    no_nan = TestTensor.from_([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    assert_(not no_nan.contains_nan().into_scalar())
    with_nan = TestTensor.from_([[0.0, lim('f32', 'NAN'), 2.0], [3.0, 4.0, 5.0]])
    assert_(with_nan.contains_nan().into_scalar())
    device = device
    pos = TestTensor.ones([2048], device) * 60000.0
    neg = TestTensor.ones([2048], device) * -60000.0
    large_finite = TestTensor.cat([pos, neg], 0)
    assert_(not large_finite.contains_nan().into_scalar())
