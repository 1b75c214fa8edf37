"""Burn's `tensor/float/activation/tanh_activation.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_tanh(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]])
    output = activation.tanh(tensor)
    expected = TensorData([[0.761594, 0.964028], [0.995055, 0.999329]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
