"""Burn's `tensor/float/ops/inf.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_is_inf(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    no_inf = TestTensor.from_([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    no_inf_expected = TestTensorBool.from_([[False, False, False], [False, False, False]])
    with_inf = TestTensor.from_([[0.0, lim('f32', 'INFINITY'), 2.0], [lim('f32', 'NEG_INFINITY'), 4.0, 5.0]])
    with_inf_expected = TestTensorBool.from_([[False, True, False], [True, False, False]])
    no_inf.is_inf().into_data().assert_eq(no_inf_expected.into_data(), False)
    with_inf.is_inf().into_data().assert_eq(with_inf_expected.into_data(), False)
