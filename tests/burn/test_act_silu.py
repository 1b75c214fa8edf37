"""Burn's `tensor/float/activation/silu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_silu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]])
    output = activation.silu(tensor)
    expected = TensorData([[0.73106, 1.76159], [2.85772, 3.92806]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
