"""Burn's `tensor/float/ops/finite.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_is_finite(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    all_finite = TestTensor.from_([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    all_finite_expected = TestTensorBool.from_([[True, True, True], [True, True, True]])
    with_inf_nan = TestTensor.from_([[0.0, lim('f32', 'INFINITY'), lim('f32', 'NAN')], [lim('f32', 'NEG_INFINITY'), lim('f32', 'NAN'), 5.0]])
    with_inf_nan_expected = TestTensorBool.from_([[True, False, False], [False, False, True]])
    all_finite_expected.into_data().assert_eq(rfinite(all_finite).into_data(), False)
    rfinite(with_inf_nan).into_data().assert_eq(with_inf_nan_expected.into_data(), False)
