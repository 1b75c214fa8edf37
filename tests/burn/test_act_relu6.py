"""Burn's `tensor/float/activation/relu6.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_relu6_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[-2.0, 0.0, 3.0], [6.0, 8.0, 5.5]])
    output = activation.relu6(tensor)
    expected = TensorData([[0.0, 0.0, 3.0], [6.0, 6.0, 5.5]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_relu6_at_boundaries(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([-0.1, 0.0, 6.0, 6.1])
    output = activation.relu6(tensor)
    expected = TensorData([0.0, 0.0, 6.0, 6.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
