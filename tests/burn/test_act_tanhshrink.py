"""Burn's `tensor/float/activation/tanhshrink.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_tanhshrink_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[-1.0, 0.0], [1.0, 2.0]])
    output = activation.tanhshrink(tensor)
    expected = TensorData([[-0.238406, 0.0], [0.238406, 1.035972]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
