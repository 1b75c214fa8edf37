"""Burn's `tensor/float/activation/softmin.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_softmin_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 7.0], [13.0, -3.0]])
    output = activation.softmin(tensor, 1)
    expected = TensorData([[9.975274e-01, 2.472623e-03], [1.125352e-07, 1.0000]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_softmin_negative_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 7.0], [13.0, -3.0]])
    output = activation.softmin(tensor, -1)
    expected = TensorData([[9.975274e-01, 2.472623e-03], [1.125352e-07, 1.0000]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
