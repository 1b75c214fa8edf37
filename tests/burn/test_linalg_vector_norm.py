"""Burn's `tensor/float/linalg/vector_norm.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_normalize(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    x = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]])
    expected = TensorData([[1.0 / 4.0, 2.0 / 6.0], [3.0 / 4.0, 4.0 / 6.0]])
    output = linalg.vector_normalize(x, 1.0, 0, 0.25).into_data()
    output.assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([[1.0 / 5.0, 2.0 / 6.0], [3.0 / 5.0, 4.0 / 6.0]])
    output = linalg.vector_normalize(x, 1.0, 0, 5.0).into_data()
    output.assert_approx_eq(expected, Tolerance.default())
