"""Burn's `tensor/float/activation/relu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_relu_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, -1.0, 2.0], [3.0, -4.0, 5.0]])
    output = activation.relu(tensor)
    output.into_data().assert_eq(TensorData([[0.0, 0.0, 2.0], [3.0, 0.0, 5.0]]), False)


def test_relu_d1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([-2.0, -1.0, 0.0, 1.0, 2.0])
    output = activation.relu(tensor)
    output.into_data().assert_approx_eq(TensorData([0.0, 0.0, 0.0, 1.0, 2.0]), Tolerance.absolute(1e-6))
