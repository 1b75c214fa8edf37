"""Burn's `tensor/float/activation/leaky_relu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_leaky_relu_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, -1.0, 2.0], [3.0, -4.0, 5.0]])
    output = activation.leaky_relu(tensor, 0.01)
    output.into_data().assert_approx_eq(TensorData([[0.0, -0.01, 2.0], [3.0, -0.04, 5.0]]), Tolerance.default())


def test_leaky_relu_d1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([-2.0, -1.0, 0.0, 1.0, 2.0])
    output = activation.leaky_relu(tensor, 0.01)
    output.into_data().assert_approx_eq(TensorData([-0.02, -0.01, 0.0, 1.0, 2.0]), Tolerance.absolute(1e-6))
